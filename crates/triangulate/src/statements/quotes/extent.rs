//! How far the content of a quotation reaches: where the words a partial quote stands in
//! end before the attribution that closes them.

use super::attribution::Found;
use crate::model::Span;

/// Closing marks after which a comma set inside the quote ends the clause.
const CLOSING_MARKS: &[char] = &['”', '"', '’', '\''];

/// Where the words before a closing attribution end, for a partial quote that hands over
/// to it ("… was “very assertive and interventionist,” said Gary Orfield", "… and was “a
/// greatly respected colleague,” the statement added"): at the comma that sets the
/// attribution (its cue or speaker, whichever comes first) off, which American style
/// writes inside the closing mark; then the clause ends after the mark. None when no comma
/// sets the attribution off.
pub(super) fn before_closing_attribution(text: &str, region: Span, found: &Found) -> Option<usize> {
    let from = found
        .cue
        .map_or(found.span.start, |c| c.start.min(found.span.start));
    let before = text.get(..from)?.trim_end();
    if let Some(clause) = before.strip_suffix(',') {
        return Some(clause.len());
    }
    let mark = before
        .chars()
        .next_back()
        .filter(|c| CLOSING_MARKS.contains(c))?;
    let mark_start = before.len() - mark.len_utf8();
    let comma_inside = text.get(..region.end)?.trim_end().ends_with(',');
    (mark_start == region.end && comma_inside).then_some(before.len())
}
