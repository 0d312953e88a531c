//! Fuzzes ingestion of HTML and plain text: any bytes that are UTF-8 build a document or a
//! clean error, never a panic, and the offset map stays inside the input.
#![no_main]

use dyad_ingest::{build_document, RawInput};
use dyad_model::{DocumentMeta, InputFormat};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(content) = std::str::from_utf8(data) else { return };
    for is_html in [true, false] {
        let raw = RawInput {
            source: "fuzz".into(),
            format: if is_html { InputFormat::Html } else { InputFormat::Text },
            is_html,
            content: content.to_string(),
            supplied: DocumentMeta::default(),
        };
        let _ = build_document(raw);
    }
});
