//! HTML pages: main-content extraction (menus, cookie banners, related-article lists, comment
//! sections and footers dropped) and page metadata (`<meta>`, JSON-LD, `<time>`).
//!
//! The heavy lifting is `dom_smoothie`, a port of Mozilla's Readability. The document's offset
//! map for an HTML page refers to the extracted article text, not to the markup.

use dom_smoothie::{Config, ParsePolicy, Readability, TextMode};
use dyad_model::{Date, DateBasis, DocumentMeta};

/// The article text of a page (not yet normalised) and the metadata the page declares.
#[derive(Debug)]
pub(crate) struct HtmlArticle {
    pub(crate) text: String,
    pub(crate) meta: DocumentMeta,
}

/// Lines that belong to page chrome even when they sit inside the article container.
const CHROME_PREFIXES: &[&str] = &[
    "read more",
    "read also",
    "also read",
    "see also",
    "related:",
    "related articles",
    "recommended:",
    "sign up",
    "subscribe",
    "share this",
    "advertisement",
    "click here",
];

pub(crate) fn extract(html: &str) -> HtmlArticle {
    let config = Config { text_mode: TextMode::Formatted, ..Config::default() };
    let mut text = String::new();
    let mut meta = DocumentMeta::default();
    for policy in [ParsePolicy::Strict, ParsePolicy::Moderate, ParsePolicy::Raw] {
        let Ok(mut reader) = Readability::new(html, None, Some(config.clone())) else { break };
        let Ok(article) = reader.parse_with_policy(policy) else { continue };
        meta = DocumentMeta {
            title: non_empty(article.title.clone()),
            outlet: article.site_name.clone().and_then(non_empty),
            author: article.byline.as_deref().and_then(clean_byline),
            url: article.url.clone().and_then(non_empty),
            ..DocumentMeta::default()
        };
        if let Some(date) = article.published_time.as_deref().and_then(Date::parse_iso) {
            meta.published = Some(date);
            meta.published_basis = Some(DateBasis::Meta);
        }
        text = article.text_content.to_string();
        if text.trim().len() >= 40 {
            break;
        }
    }
    if meta.published.is_none() {
        if let Some(date) = time_element_date(html) {
            meta.published = Some(date);
            meta.published_basis = Some(DateBasis::Meta);
        }
    }
    HtmlArticle { text: drop_chrome_lines(&text), meta }
}

fn non_empty(s: String) -> Option<String> {
    let t = s.trim();
    (!t.is_empty()).then(|| t.to_string())
}

/// "By Noa Friedman 9 November 2025" -> "Noa Friedman": the name without prefix or date.
fn clean_byline(byline: &str) -> Option<String> {
    let b = byline.trim();
    let b = b.strip_prefix("By ").or_else(|| b.strip_prefix("by ")).unwrap_or(b);
    let name: Vec<&str> = b
        .split_whitespace()
        .take_while(|w| {
            !w.chars().next().is_some_and(|c| c.is_ascii_digit())
                && dyad_temporal::month_from_name(w.trim_end_matches(',')).is_none()
        })
        .take_while(|w| !matches!(*w, "|" | "·" | "-" | "–" | "—"))
        .collect();
    let name = name.join(" ").trim_end_matches([',', '|']).trim().to_string();
    (!name.is_empty()).then_some(name)
}

fn drop_chrome_lines(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.split_inclusive('\n') {
        let t = line.trim();
        let lower = t.to_lowercase();
        let words = t.split_whitespace().count();
        let chrome = words <= 16 && CHROME_PREFIXES.iter().any(|p| lower.starts_with(p));
        if !chrome {
            out.push_str(line);
        } else {
            out.push('\n');
        }
    }
    out
}

/// The date of the first `<time datetime="...">` element, found by a light scan of the markup.
fn time_element_date(html: &str) -> Option<Date> {
    let lower = html.to_ascii_lowercase();
    let mut from = 0;
    while let Some(pos) = lower[from..].find("<time") {
        let start = from + pos;
        let end = start + lower[start..].find('>')?;
        let tag = &html[start..end];
        let tag_lower = &lower[start..end];
        if let Some(a) = tag_lower.find("datetime=") {
            let value = tag[a + 9..].trim_start_matches(['"', '\'']);
            let value: String =
                value.chars().take_while(|c| !matches!(c, '"' | '\'' | ' ')).collect();
            if let Some(d) = Date::parse_iso(&value) {
                return Some(d);
            }
        }
        from = end;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn time_element_is_found() {
        let html = r#"<p>x</p><time class="d" datetime="2025-06-18T09:30:00Z">June 18</time>"#;
        assert_eq!(time_element_date(html).unwrap().to_string(), "2025-06-18");
    }

    #[test]
    fn chrome_lines_are_dropped() {
        let t = "Story line one.\nRead more: Another story\nStory line two.\n";
        assert_eq!(drop_chrome_lines(t), "Story line one.\n\nStory line two.\n");
    }
}
