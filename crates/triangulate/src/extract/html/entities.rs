//! Character references in page text (`&amp;`, `&#8217;`, `&rsquo;`): lol_html hands text
//! over as written, so the fast body path decodes it. Named references come from the HTML
//! standard's table as html5ever ships it (`markup5ever::data::NAMED_ENTITIES`), numeric ones
//! follow the standard's fix-ups (C1 controls read as Windows-1252, invalid code points as
//! U+FFFD). A `&` that starts no known reference is kept as written.

/// Longest named reference in the standard ("&CounterClockwiseContourIntegral;" is 33).
const MAX_NAME: usize = 40;

/// The text with its character references decoded.
pub(super) fn decode(raw: &str) -> std::borrow::Cow<'_, str> {
    if !raw.contains('&') {
        return std::borrow::Cow::Borrowed(raw);
    }
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let after = &rest[amp + 1..];
        match reference(after) {
            Some((decoded, used)) => {
                out.push_str(&decoded);
                rest = &after[used..];
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    std::borrow::Cow::Owned(out)
}

/// The reference at the start of `s` (just after its `&`): its text and how many bytes of
/// `s` it used.
fn reference(s: &str) -> Option<(String, usize)> {
    if let Some(num) = s.strip_prefix('#') {
        return numeric(num).map(|(c, used)| (c.to_string(), used + 1));
    }
    let len = s
        .bytes()
        .take(MAX_NAME)
        .take_while(u8::is_ascii_alphanumeric)
        .count();
    if len == 0 {
        return None;
    }
    let table = &markup5ever::data::NAMED_ENTITIES;
    let with_semicolon = s.as_bytes().get(len) == Some(&b';');
    let (name, used) = if with_semicolon {
        (&s[..=len], len + 1)
    } else {
        (&s[..len], len)
    };
    // The table also maps every prefix of a name to (0, 0).
    let &(first, second) = table.get(name).filter(|(first, _)| *first != 0)?;
    let mut text: String = char::from_u32(first).into_iter().collect();
    text.extend(char::from_u32(second).filter(|_| second != 0));
    (!text.is_empty()).then_some((text, used))
}

/// `&#…;` after the `#`: decimal or `x` hexadecimal digits, the `;` optional.
fn numeric(s: &str) -> Option<(char, usize)> {
    let (hex, digits_at) = match s.as_bytes().first() {
        Some(b'x' | b'X') => (true, 1),
        _ => (false, 0),
    };
    let digits = s[digits_at..]
        .bytes()
        .take_while(|b| {
            if hex {
                b.is_ascii_hexdigit()
            } else {
                b.is_ascii_digit()
            }
        })
        .count();
    if digits == 0 {
        return None;
    }
    let text = &s[digits_at..digits_at + digits];
    let value = u32::from_str_radix(text, if hex { 16 } else { 10 }).unwrap_or(u32::MAX);
    let mut used = digits_at + digits;
    if s.as_bytes().get(used) == Some(&b';') {
        used += 1;
    }
    Some((code_point(value), used))
}

/// The character a numeric reference stands for, with the standard's replacements.
fn code_point(value: u32) -> char {
    if (0x80..=0x9F).contains(&value) {
        let replaced = markup5ever::data::C1_REPLACEMENTS[(value - 0x80) as usize];
        if let Some(c) = replaced {
            return c;
        }
    }
    match value {
        0 => '\u{FFFD}',
        v => char::from_u32(v).unwrap_or('\u{FFFD}'),
    }
}

#[cfg(test)]
mod tests {
    use super::decode;

    #[test]
    fn references_are_decoded_and_stray_ampersands_kept() {
        assert_eq!(
            decode("Iran&#8217;s &ldquo;drone&rdquo; &amp; AT&T &#x2014; &#150; &nbsp;x"),
            "Iran’s “drone” & AT&T — – \u{a0}x"
        );
        assert_eq!(
            decode("a &amp b &unknown; &#; &#xZZ;"),
            "a & b &unknown; &#; &#xZZ;"
        );
        assert_eq!(decode("&#0;&#99999999999;"), "\u{FFFD}\u{FFFD}");
    }
}
