//! Markdown: drops the markup (heading and list markers, emphasis, link targets) while keeping
//! every kept character's source offset, and reports the first `#` heading as the title.

/// Kept slices of `source` with their offsets, and the first level-one heading.
pub(crate) fn strip(source: &str) -> (Vec<(&str, usize)>, Option<String>) {
    let mut pieces = Vec::new();
    let mut title = None;
    let mut offset = 0;
    for line in source.split_inclusive('\n') {
        let line_start = offset;
        offset += line.len();
        let trimmed = line.trim_start_matches([' ', '\t']);
        let indent = line.len() - trimmed.len();
        let body = trimmed.trim_end();
        if !body.is_empty()
            && body.chars().all(|c| matches!(c, '-' | '*' | '_' | '=' | ' '))
            && body.len() >= 3
        {
            pieces.push(("\n", line_start + line.len() - 1));
            continue;
        }
        let mut start = line_start + indent;
        let hashes = trimmed.bytes().take_while(|&b| b == b'#').count();
        if (1..=6).contains(&hashes) && trimmed[hashes..].starts_with(' ') {
            if hashes == 1 && title.is_none() {
                title = Some(trimmed[hashes..].trim().to_string());
            }
            start += hashes + 1;
        } else if let Some(rest) =
            ["- ", "* ", "+ ", "> "].iter().find(|m| trimmed.starts_with(**m))
        {
            start += rest.len();
        }
        inline(&source[start..line_start + line.len()], start, &mut pieces);
    }
    (pieces, title)
}

/// Splits one line into kept pieces: `[text](url)` keeps `text`, `**`/`__`/`` ` `` vanish.
fn inline<'a>(line: &'a str, base: usize, pieces: &mut Vec<(&'a str, usize)>) {
    let bytes = line.as_bytes();
    let mut kept_from = 0;
    let mut i = 0;
    while i < bytes.len() {
        let skip = match bytes[i] {
            b'*' | b'_' if bytes.get(i + 1) == Some(&bytes[i]) => 2,
            // Single emphasis markers hug a word: "*Baku*", "_note_".
            b'*' | b'_' if emphasis_marker(bytes, i) => 1,
            b'`' => 1,
            b'!' if bytes.get(i + 1) == Some(&b'[') => 1,
            b'[' if line[i..]
                .find("](")
                .is_some_and(|close| !line[i..i + close].contains('\n')) =>
            {
                1
            }
            b']' if bytes.get(i + 1) == Some(&b'(') => match line[i..].find(')') {
                Some(close) => close + 1,
                None => 0,
            },
            _ => 0,
        };
        if skip > 0 {
            if kept_from < i {
                pieces.push((&line[kept_from..i], base + kept_from));
            }
            i += skip;
            kept_from = i;
        } else {
            i += 1;
        }
    }
    if kept_from < line.len() {
        pieces.push((&line[kept_from..], base + kept_from));
    }
}

fn emphasis_marker(bytes: &[u8], i: usize) -> bool {
    let prev = if i == 0 { b' ' } else { bytes[i - 1] };
    let next = bytes.get(i + 1).copied().unwrap_or(b' ');
    let opens = (prev.is_ascii_whitespace() || prev == b'(')
        && (next.is_ascii_alphanumeric() || next >= 0x80);
    let closes = (prev.is_ascii_alphanumeric() || prev.is_ascii_punctuation() || prev >= 0x80)
        && (next.is_ascii_whitespace() || next.is_ascii_punctuation());
    opens || (closes && bytes[i] == b'*')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn joined(src: &str) -> String {
        strip(src).0.iter().map(|(s, _)| *s).collect()
    }

    #[test]
    fn strips_markup_and_keeps_offsets() {
        let src = "# The Title\n\nSee **the [report](https://x.org/r)** *now*.\n- item one\n";
        assert_eq!(joined(src), "The Title\n\nSee the report now.\nitem one\n");
        assert_eq!(strip(src).1.as_deref(), Some("The Title"));
        for (piece, off) in strip(src).0 {
            assert_eq!(&src[off..off + piece.len()], piece);
        }
    }
}
