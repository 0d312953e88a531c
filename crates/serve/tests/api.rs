//! Every endpoint of the API, in process (`tower::ServiceExt::oneshot`), against a store built
//! from three short articles written for this test: status codes, JSON shapes, filters, paging,
//! bad parameters (400 with a JSON error) and missing ids (404).

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use axum::Router;
use dyad_ingest::RawInput;
use dyad_model::{DocumentMeta, InputFormat};
use dyad_serve::{assets::Assets, router, AppState};
use dyad_store::{SqliteStore, Store};
use http_body_util::BodyExt;
use serde_json::Value;
use std::sync::Arc;
use tower::ServiceExt;

const ARTICLES: &[&str] = &[
    "Kazakhstan joins the Abraham Accords\n\
     ASTANA, November 7, 2025 - Kazakhstan joined the Abraham Accords on Thursday, the White House said. \
     President Kassym-Jomart Tokayev met Israeli Prime Minister Benjamin Netanyahu in Astana. \
     Trade between Israel and Kazakhstan reached $236.2 million in 2024.",
    "Astana looks west\n\
     WASHINGTON, November 6, 2025 - Kazakhstan would soon join the Abraham Accords, whose members are the \
     United Arab Emirates, Bahrain, Morocco, Sudan and Oman. Trade between Kazakhstan and Israel is around \
     $200 million a year. Russia criticised the decision.",
    "A <script>window.__pwned=1</script> headline\n\
     OSLO, March 3, 2025 - Norway condemned Iceland on Monday over fishing quotas. \
     Iceland rejected the criticism. <img src=x onerror=alert(1)> javascript:alert(1)",
];

struct Fixture {
    app: Router,
    _dir: tempfile::TempDir,
}

fn fixture_with_token(token: Option<&str>) -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("test.db");
    let lexicon = dyad_lexicon::Lexicon::builtin().unwrap();
    {
        let analyzer = dyad_pipeline::Analyzer::new(&lexicon);
        let analyses: Vec<_> = ARTICLES
            .iter()
            .enumerate()
            .map(|(i, text)| {
                let raw = RawInput {
                    source: format!("article-{i}.txt"),
                    format: InputFormat::Text,
                    content: (*text).to_string(),
                    is_html: false,
                    supplied: DocumentMeta {
                        outlet: Some(["Wire", "Wire", "Blog"][i].into()),
                        ..DocumentMeta::default()
                    },
                };
                analyzer.analyze(dyad_ingest::build_document(raw).unwrap())
            })
            .collect();
        SqliteStore::open(&db).unwrap().write_batch(&analyses).unwrap();
    }
    let state = Arc::new(AppState::new(db, lexicon, token.map(str::to_string)));
    Fixture { app: router(state, Assets::default()), _dir: dir }
}

fn fixture() -> Fixture {
    fixture_with_token(None)
}

async fn send(app: &Router, req: Request<Body>) -> (StatusCode, Value) {
    let response = app.clone().oneshot(req).await.unwrap();
    let status = response.status();
    let is_json = response
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|v| v.as_bytes().starts_with(b"application/json"));
    let bytes = response.into_body().collect().await.unwrap().to_bytes();
    assert!(is_json, "{status}: not JSON: {}", String::from_utf8_lossy(&bytes));
    (status, serde_json::from_slice(&bytes).unwrap())
}

async fn get(app: &Router, uri: &str) -> (StatusCode, Value) {
    send(app, Request::get(uri).body(Body::empty()).unwrap()).await
}

async fn ok(app: &Router, uri: &str) -> Value {
    let (status, body) = get(app, uri).await;
    assert_eq!(status, StatusCode::OK, "{uri}: {body}");
    body
}

async fn error(app: &Router, uri: &str, expected: StatusCode) -> String {
    let (status, body) = get(app, uri).await;
    assert_eq!(status, expected, "{uri}: {body}");
    assert_eq!(body["error"]["status"], expected.as_u16(), "{uri}: {body}");
    body["error"]["message"].as_str().unwrap().to_string()
}

fn ids(items: &Value, field: &str) -> Vec<String> {
    items.as_array().unwrap().iter().map(|i| i[field].as_str().unwrap().to_string()).collect()
}

#[tokio::test]
async fn stats_count_the_store() {
    let f = fixture();
    let s = ok(&f.app, "/api/stats").await;
    assert_eq!(s["documents"], 3);
    assert_eq!(s["outlets"], 2);
    assert!(s["events"].as_u64().unwrap() >= 2, "{s}");
    assert!(s["claims"].as_u64().unwrap() >= 1, "{s}");
    error(&f.app, "/api/stats?x=1", StatusCode::BAD_REQUEST).await;
}

#[tokio::test]
async fn documents_page_in_date_order() {
    let f = fixture();
    let all = ok(&f.app, "/api/documents").await;
    assert_eq!(all["total"], 3);
    let dates: Vec<_> =
        all["items"].as_array().unwrap().iter().map(|d| d["published"].clone()).collect();
    assert_eq!(dates, ["2025-03-03", "2025-11-06", "2025-11-07"].map(Value::from).to_vec());
    let second = ok(&f.app, "/api/documents?limit=1&offset=1").await;
    assert_eq!(second["items"].as_array().unwrap().len(), 1);
    assert_eq!(second["items"][0]["id"], all["items"][1]["id"]);
    assert_eq!(second["total"], 3);
    assert!(error(&f.app, "/api/documents?limit=5000", StatusCode::BAD_REQUEST)
        .await
        .contains("maximum"));
    error(&f.app, "/api/documents?offset=-1", StatusCode::BAD_REQUEST).await;
    assert!(error(&f.app, "/api/documents?limt=5", StatusCode::BAD_REQUEST).await.contains("limt"));
    error(&f.app, "/api/documents?limit=1&limit=2", StatusCode::BAD_REQUEST).await;
}

#[tokio::test]
async fn a_document_comes_with_every_span_in_bytes_and_utf16() {
    let f = fixture();
    let list = ok(&f.app, "/api/documents").await;
    let id = list["items"][2]["id"].as_str().unwrap().to_string();
    let d = ok(&f.app, &format!("/api/documents/{id}")).await;
    let text = d["text"].as_str().unwrap();
    let utf16: Vec<u16> = text.encode_utf16().collect();
    for layer in ["mentions", "times", "quantities", "events", "claims"] {
        for item in d[layer].as_array().unwrap() {
            let (s, e) = (
                item["span"][0].as_u64().unwrap() as usize,
                item["span"][1].as_u64().unwrap() as usize,
            );
            let (us, ue) = (
                item["u16"][0].as_u64().unwrap() as usize,
                item["u16"][1].as_u64().unwrap() as usize,
            );
            assert_eq!(String::from_utf16(&utf16[us..ue]).unwrap(), text[s..e], "{layer}: {item}");
        }
    }
    assert!(ids(&d["mentions"], "text").contains(&"Kazakhstan".to_string()));
    assert!(!d["times"].as_array().unwrap().is_empty());
    assert!(!d["quantities"].as_array().unwrap().is_empty());
    assert!(!d["events"].as_array().unwrap().is_empty());
    assert_eq!(d["document"]["id"], id.as_str());
    error(&f.app, "/api/documents/0000000000000000", StatusCode::NOT_FOUND).await;
}

#[tokio::test]
async fn actors_list_filter_and_detail() {
    let f = fixture();
    let all = ok(&f.app, "/api/actors?limit=1000").await;
    let names = ids(&all["items"], "id");
    assert!(names.contains(&"KAZ".to_string()) && names.contains(&"ISR".to_string()), "{names:?}");
    let found = ok(&f.app, "/api/actors?q=kazakh").await;
    assert!(ids(&found["items"], "id").contains(&"KAZ".to_string()));
    let states = ok(&f.app, "/api/actors?kind=state&limit=1000").await;
    assert!(states["items"].as_array().unwrap().iter().all(|a| a["kind"] == "state"));
    let kaz = ok(&f.app, "/api/actors/KAZ").await;
    assert_eq!(kaz["name"], "Kazakhstan");
    assert!(kaz["mentions"].as_u64().unwrap() >= 2);
    assert!(kaz["offices"]
        .as_array()
        .unwrap()
        .iter()
        .any(|o| o["person"] == "kassym_jomart_tokayev"));
    assert!(kaz["memberships"].as_array().unwrap().iter().any(|m| m["org"] == "ABRAHAM_ACCORDS"));
    assert!(!kaz["in_documents"].as_array().unwrap().is_empty());
    // A lexicon actor that no document mentions still has a page; an unknown id does not.
    assert_eq!(ok(&f.app, "/api/actors/FIN").await["mentions"], 0);
    error(&f.app, "/api/actors/NOT_AN_ACTOR", StatusCode::NOT_FOUND).await;
}

#[tokio::test]
async fn organisation_members_as_of_a_date() {
    let f = fixture();
    let orgs = ok(&f.app, "/api/organisations?limit=1000").await;
    assert!(ids(&orgs["items"], "id").contains(&"ABRAHAM_ACCORDS".to_string()));
    let aa = ok(&f.app, "/api/organisations/ABRAHAM_ACCORDS?as_of=2025-12-31").await;
    let members = aa["members"].as_array().unwrap();
    let status = |id: &str| members.iter().find(|m| m["id"] == id).map(|m| m["status"].clone());
    assert_eq!(status("ISR"), Some("member".into()));
    assert_eq!(status("OMN"), Some("disputed".into()), "{aa}");
    let kaz = members.iter().find(|m| m["id"] == "KAZ").expect("KAZ listed");
    assert!(!kaz["evidence"].as_array().unwrap().is_empty());
    // Before the accords existed, nobody was a member.
    let early = ok(&f.app, "/api/organisations/ABRAHAM_ACCORDS?as_of=2019-01-01").await;
    assert!(
        early["members"].as_array().unwrap().iter().all(|m| m["status"] != "member"),
        "{early}"
    );
    error(&f.app, "/api/organisations/ABRAHAM_ACCORDS?as_of=yesterday", StatusCode::BAD_REQUEST)
        .await;
    error(&f.app, "/api/organisations/KAZ", StatusCode::NOT_FOUND).await;
}

#[tokio::test]
async fn events_filter_by_actor_code_date_and_modality() {
    let f = fixture();
    let all = ok(&f.app, "/api/events?limit=1000").await;
    let total = all["total"].as_u64().unwrap();
    assert!(total >= 2);
    let nor = ok(&f.app, "/api/events?source=NOR").await;
    assert!(nor["total"].as_u64().unwrap() >= 1);
    assert!(nor["items"]
        .as_array()
        .unwrap()
        .iter()
        .all(|e| e["source"].as_array().unwrap().contains(&"NOR".into())));
    let dyad = ok(&f.app, "/api/events?dyad=ISL,NOR").await;
    assert!(dyad["items"].as_array().unwrap().iter().all(|e| {
        let (s, t) = (e["source"].to_string(), e["target"].to_string());
        (s.contains("NOR") && t.contains("ISL")) || (s.contains("ISL") && t.contains("NOR"))
    }));
    let roots = ok(&f.app, "/api/events?root=11&limit=1000").await;
    assert!(roots["items"].as_array().unwrap().iter().all(|e| e["root"] == "11"));
    let in_march = ok(&f.app, "/api/events?from=2025-03-01&to=2025-03-31&limit=1000").await;
    for e in in_march["items"].as_array().unwrap() {
        let d = e["date"]["from"].as_str().unwrap();
        assert!(("2025-03-01".."2025-04-01").contains(&d), "{e}");
    }
    let page = ok(&f.app, "/api/events?limit=1&offset=1").await;
    assert_eq!(page["items"][0], all["items"][1], "stable order across pages");
    for bad in [
        "root=5",
        "code=ab",
        "modality=maybe",
        "from=2025-13-01",
        "dyad=KAZ",
        "from=2025-02-01&to=2025-01-01",
        "root=05&code=11",
    ] {
        error(&f.app, &format!("/api/events?{bad}"), StatusCode::BAD_REQUEST).await;
    }
}

#[tokio::test]
async fn dyad_series_sums_goldstein_by_month() {
    let f = fixture();
    let d = ok(&f.app, "/api/dyads/NOR/ISL").await;
    assert_eq!(d["a_name"], "Norway");
    let events = d["events"].as_array().unwrap();
    assert!(!events.is_empty(), "{d}");
    let sum: f64 = events
        .iter()
        .filter(|e| e["date"].is_object())
        .map(|e| e["goldstein"].as_f64().unwrap())
        .sum();
    let series_sum: f64 =
        d["series"].as_array().unwrap().iter().map(|s| s["goldstein"].as_f64().unwrap()).sum();
    assert!((sum - series_sum).abs() < 1e-9);
    assert!(series_sum < 0.0, "condemning and rejecting are conflictual: {d}");
    error(&f.app, "/api/dyads/NOR/NOR", StatusCode::BAD_REQUEST).await;
    error(&f.app, "/api/dyads/NOR/NOWHERE", StatusCode::NOT_FOUND).await;
}

#[tokio::test]
async fn claims_conflicts_and_sources() {
    let f = fixture();
    let claims =
        ok(&f.app, "/api/claims?predicate=member_of&object=ABRAHAM_ACCORDS&limit=1000").await;
    assert!(ids(&claims["items"], "subject").contains(&"KAZ".to_string()), "{claims}");
    assert!(claims["items"].as_array().unwrap().iter().all(|c| c["predicate"] == "member_of"));
    let conflicts = ok(&f.app, "/api/conflicts").await;
    let items = conflicts["items"].as_array().unwrap();
    let kinds = ids(&conflicts["items"], "kind");
    assert!(kinds.contains(&"reference".to_string()), "Oman is no member: {conflicts}");
    assert!(kinds.contains(&"value".to_string()), "$200M vs $236.2M: {conflicts}");
    for c in items {
        assert!(c["sides"].as_array().unwrap().len() >= 2);
        assert!(!c["explanation"].as_str().unwrap().is_empty());
    }
    let only_values = ok(&f.app, "/api/conflicts?kind=value").await;
    assert!(only_values["items"].as_array().unwrap().iter().all(|c| c["kind"] == "value"));
    let sources = ok(&f.app, "/api/sources").await;
    assert_eq!(sources["documents"].as_array().unwrap().len(), 3);
    let wire =
        sources["outlets"].as_array().unwrap().iter().find(|o| o["outlet"] == "Wire").unwrap();
    assert_eq!(wire["documents"], 2);
    assert!(wire["contradicted"].as_u64().unwrap() >= 1, "{sources}");
}

#[tokio::test]
async fn network_and_search() {
    let f = fixture();
    let n = ok(&f.app, "/api/network").await;
    let nodes = ids(&n["nodes"], "id");
    for e in n["edges"].as_array().unwrap() {
        assert!(nodes.contains(&e["source"].as_str().unwrap().to_string()));
        assert!(nodes.contains(&e["target"].as_str().unwrap().to_string()));
    }
    assert!(nodes.contains(&"NOR".to_string()));
    let none = ok(&f.app, "/api/network?min_events=1000").await;
    assert!(none["nodes"].as_array().unwrap().is_empty());
    let s = ok(&f.app, "/api/search?q=Abraham").await;
    assert!(ids(&s["organisations"], "id").contains(&"ABRAHAM_ACCORDS".to_string()));
    assert_eq!(s["documents"].as_array().unwrap().len(), 2);
    error(&f.app, "/api/search", StatusCode::BAD_REQUEST).await;
    error(&f.app, &format!("/api/search?q={}", "x".repeat(201)), StatusCode::BAD_REQUEST).await;
}

#[tokio::test]
async fn unknown_endpoints_and_wrong_methods_are_json_errors() {
    let f = fixture();
    error(&f.app, "/api/nothing", StatusCode::NOT_FOUND).await;
    let (status, body) =
        send(&f.app, Request::delete("/api/stats").body(Body::empty()).unwrap()).await;
    assert_eq!(status, StatusCode::METHOD_NOT_ALLOWED);
    assert_eq!(body["error"]["status"], 405);
}

#[tokio::test]
async fn openapi_describes_every_route() {
    let f = fixture();
    let spec = ok(&f.app, "/api/openapi.json").await;
    let paths = spec["paths"].as_object().expect("paths");
    let source = include_str!("../src/lib.rs");
    for line in source.lines().filter(|l| l.trim_start().starts_with(".route(\"/api/")) {
        let path = line.split('"').nth(1).unwrap();
        if !path.contains('*') {
            assert!(paths.contains_key(path), "{path} is not in openapi.json");
        }
    }
}

#[tokio::test]
async fn responses_carry_a_strict_content_security_policy() {
    let f = fixture();
    let response = f
        .app
        .clone()
        .oneshot(Request::get("/api/stats").body(Body::empty()).unwrap())
        .await
        .unwrap();
    let csp = response.headers()[header::CONTENT_SECURITY_POLICY].to_str().unwrap();
    assert!(csp.contains("script-src 'self'") && !csp.contains("unsafe-eval"), "{csp}");
    assert_eq!(response.headers()[header::X_CONTENT_TYPE_OPTIONS], "nosniff");
}

fn post(body: &str, content_type: &str, token: Option<&str>) -> Request<Body> {
    let mut req = Request::post("/api/documents").header(header::CONTENT_TYPE, content_type);
    if let Some(t) = token {
        req = req.header(header::AUTHORIZATION, format!("Bearer {t}"));
    }
    req.body(Body::from(body.to_string())).unwrap()
}

const TOKEN: &str = "correct-horse-battery-staple";
const NEW_ARTICLE: &str =
    "Chile and Peru sign a water accord\nLIMA, June 2, 2025 - Chile signed an agreement with Peru on Monday.";

#[tokio::test]
async fn ingest_is_off_by_default() {
    let f = fixture();
    let (status, body) = send(&f.app, post(NEW_ARTICLE, "text/plain", Some(TOKEN))).await;
    assert_eq!(status, StatusCode::FORBIDDEN, "{body}");
    assert_eq!(ok(&f.app, "/api/stats").await["documents"], 3);
}

#[tokio::test]
async fn ingest_needs_the_token_and_is_idempotent() {
    let f = fixture_with_token(Some(TOKEN));
    let (status, _) = send(&f.app, post(NEW_ARTICLE, "text/plain", None)).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    let (status, _) =
        send(&f.app, post(NEW_ARTICLE, "text/plain", Some("wrong-token-of-some-length"))).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    let before = ok(&f.app, "/api/stats").await;
    let (status, body) = send(&f.app, post(NEW_ARTICLE, "text/plain", Some(TOKEN))).await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    assert_eq!(body["inserted"], true);
    let id = body["id"].as_str().unwrap().to_string();
    let after = ok(&f.app, "/api/stats").await;
    assert_eq!(
        after["documents"],
        before["documents"].as_u64().unwrap() + 1,
        "cached views are refreshed"
    );
    assert_eq!(
        ok(&f.app, &format!("/api/documents/{id}")).await["document"]["published"],
        "2025-06-02"
    );
    let (status, body) = send(&f.app, post(NEW_ARTICLE, "text/plain", Some(TOKEN))).await;
    assert_eq!((status, body["inserted"].clone()), (StatusCode::OK, Value::Bool(false)));
    let json_body = r#"{"text": "Brazil welcomed Argentina's offer.", "title": "T", "published": "2025-01-02"}"#;
    let (status, _) = send(&f.app, post(json_body, "application/json", Some(TOKEN))).await;
    assert_eq!(status, StatusCode::CREATED);
    for (body, ct, expected) in [
        ("{\"txt\": 1}", "application/json", StatusCode::BAD_REQUEST),
        ("{\"text\": \"x\", \"published\": \"soon\"}", "application/json", StatusCode::BAD_REQUEST),
        ("   ", "text/plain", StatusCode::BAD_REQUEST),
        ("a", "image/png", StatusCode::UNSUPPORTED_MEDIA_TYPE),
    ] {
        let (status, reply) = send(&f.app, post(body, ct, Some(TOKEN))).await;
        assert_eq!(status, expected, "{body}: {reply}");
    }
    let huge = "word ".repeat(dyad_serve::ingest::MAX_BODY / 4);
    let (status, _) = send(&f.app, post(&huge, "text/plain", Some(TOKEN))).await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE);
}
