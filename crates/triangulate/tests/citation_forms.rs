//! The forms of upstream attribution issue 4 lists, each read into one normalised source:
//! a dateline credit "(AP) —", a closing "— Reuters", "told Reuters", "according to Fars
//! News", "posted on Radio Liberty's website", and an organisation that "said in written
//! comments" (after an apposition). Texts are sentences of the ababil corpus in those forms.

use triangulate::extract::extract;
use triangulate::ingest::{Format, RawDoc};
use triangulate::statements::citations;
use triangulate::text::Doc;

fn doc(id: &str, text: &str) -> Doc {
    Doc::new(extract(&RawDoc::new(id, Format::Text, text)))
}

const BODY: &str = "Iran opened a factory producing Ababil-2 drones in Tajikistan's capital Dushanbe on Tuesday, a move that signals deepening military cooperation between the two countries.";

#[test]
fn each_attribution_form_names_its_source() {
    let docs = [
        doc("dateline", &format!("DUSHANBE, Tajikistan (AP) — {BODY}")),
        doc("closing", &format!("{BODY}\n\nThe plant will build drones for export, officials said. — Reuters")),
        doc("told", &format!("{BODY} One official told Reuters the plant was small.")),
        doc("according", &format!("{BODY} The factory was inaugurated by Iranian chief of staff Mohammad Bagheri, according to Fars News.")),
        doc("website", &format!("An article by Michael Scollon posted on Radio Liberty’s website says the visit heralded a new era. {BODY}")),
        doc("written", &format!("{BODY} Janes, the defence intelligence company, said in written comments that the push was sudden.")),
    ];
    let refs: Vec<&Doc> = docs.iter().collect();
    let cites = citations(&refs);
    let source_of = |id: &str| -> Vec<&str> {
        cites
            .iter()
            .filter(|c| c.document == id)
            .map(|c| c.source.as_str())
            .collect()
    };
    assert_eq!(source_of("dateline"), ["AP"], "{cites:?}");
    assert_eq!(source_of("closing"), ["Reuters"], "{cites:?}");
    assert_eq!(source_of("told"), ["Reuters"], "{cites:?}");
    assert_eq!(source_of("according"), ["Fars News"], "{cites:?}");
    assert_eq!(source_of("website"), ["Radio Liberty"], "{cites:?}");
    assert_eq!(source_of("written"), ["Janes"], "{cites:?}");
    // Every citation's span is text of its document.
    for c in &cites {
        let d = docs
            .iter()
            .find(|d| d.id() == c.document)
            .expect("document");
        assert!(d.text().get(c.start..c.end).is_some_and(|s| !s.is_empty()));
    }
}
