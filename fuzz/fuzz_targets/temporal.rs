//! Fuzzes the time grammar: any text, any reference date, no panic, sane intervals.
#![no_main]

use dyad_model::{Date, Span};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if data.len() < 3 {
        return;
    }
    let reference = Date::new(1900 + i32::from(data[0]), 1 + data[1] % 12, 1 + data[2] % 28);
    if let Ok(text) = std::str::from_utf8(&data[3..]) {
        for t in dyad_temporal::find_times(text, &[Span::new(0, text.len())], reference) {
            assert!(text.is_char_boundary(t.span.start) && text.is_char_boundary(t.span.end));
            if let (Some(a), Some(b)) = (t.from, t.to) {
                assert!(a <= b);
            }
        }
    }
});
