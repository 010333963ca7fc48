//! `quotes-eval [--split dev|train|test] [--data DIR] [--errors N [--context C]] [--speaker-only]`:
//! scores the library's quote and speaker attribution (`statements::attributions`) on
//! PolNeAR; definitions in `triangulate_bench::polnear` and the bench README. A quote's
//! channel ("…, according to the Las Vegas Sun") is scored as an attribution of its own,
//! as PolNeAR annotates it; `--speaker-only` leaves channels out (the protocol before
//! session 17). A second table scores source spans
//! under BBC Citron's protocol (`polnear::CitronTally`), the one behind its published 82.0.

use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::{bail, Context, Result};
use triangulate_bench::polnear::{
    self, CitronTally, Gold, Match, Pred, SpeakerRule, Subset, Tally,
};

fn main() -> Result<()> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mut data = root.join("../../../shared/bench/polnear/data");
    let mut split = "dev".to_string();
    let mut errors = 0usize;
    let mut article: Option<String> = None;
    let mut context = 0usize;
    let mut outer = true;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut value = |w: &str| args.next().with_context(|| format!("{w} needs a value"));
        match a.as_str() {
            "--data" => data = value("--data")?.into(),
            "--split" => split = value("--split")?,
            "--errors" => errors = value("--errors")?.parse()?,
            "--article" => article = Some(value("--article")?),
            "--context" => context = value("--context")?.parse()?,
            "--speaker-only" => outer = false,
            other => bail!("unknown argument {other}"),
        }
    }
    let mut articles = load(&data.join(&split))?;
    if let Some(only) = &article {
        articles.retain(|a| a.0.contains(only.as_str()));
    }
    let started = Instant::now();
    let mut kept_chars = 0;
    let mut all_chars = 0;
    let mut runs = Vec::new();
    for (name, text, gold) in &articles {
        let (preds, kept) = polnear::predict(name, text, outer)?;
        kept_chars += kept;
        all_chars += text.chars().count();
        runs.push((name, text, gold, preds));
    }
    let seconds = started.elapsed().as_secs_f64();
    println!(
        "PolNeAR {split}: {} articles, {} gold attributions ({} with quotation marks); \
         clean text keeps {:.1}% of input characters; library time {seconds:.2} s",
        articles.len(),
        articles.iter().map(|a| a.2.len()).sum::<usize>(),
        articles
            .iter()
            .map(|a| a.2.iter().filter(|g| g.quoted).count())
            .sum::<usize>(),
        100.0 * kept_chars as f64 / all_chars.max(1) as f64
    );
    table(&runs);
    citron_table(&runs);
    if article.is_some() {
        dump(&runs);
    }
    if errors > 0 {
        show_errors(&runs, errors, context);
    }
    Ok(())
}

type Run<'a> = (&'a String, &'a String, &'a Vec<Gold>, Vec<Pred>);

/// Articles of one split (see `polnear::load_split`).
fn load(dir: &Path) -> Result<Vec<(String, String, Vec<Gold>)>> {
    polnear::load_split(dir)
}

fn table(runs: &[Run]) {
    println!(
        "\n| subset | content match | content P / R / F1 | speaker strict P / R / F1 | \
         speaker resolved P / R / F1 | speaker acc. (strict / resolved) |"
    );
    println!("|---|---|---|---|---|---|");
    for subset in [Subset::All, Subset::Quoted] {
        for how in [Match::Exact, Match::Overlap] {
            let tally = |rule| {
                let mut t = Tally::default();
                for (_, text, gold, preds) in runs {
                    t.add(text, gold, preds, (subset, how, rule));
                }
                t
            };
            let (strict, resolved) = (tally(SpeakerRule::Strict), tally(SpeakerRule::Resolved));
            println!(
                "| {} | {} | {} | {} | {} | {:.1} / {:.1} |",
                match subset {
                    Subset::All => format!("all ({} gold, {} predicted)", strict.gold, strict.pred),
                    Subset::Quoted =>
                        format!("quoted ({} gold, {} predicted)", strict.gold, strict.pred),
                },
                match how {
                    Match::Exact => "exact",
                    Match::Overlap => "overlap >= 50% of gold",
                },
                fmt(strict.content()),
                fmt(strict.speaker()),
                fmt(resolved.speaker()),
                100.0 * strict.speaker_accuracy(),
                100.0 * resolved.speaker_accuracy()
            );
        }
    }
}

/// Source spans scored as BBC Citron scores them (`polnear::CitronTally`): a separate table,
/// so the headline speaker figures above keep their definition.
fn citron_table(runs: &[Run]) {
    println!(
        "\nCitron protocol (github.com/bbc/citron metrics.py; its 82.0 is source exact F1 on \
         PARC 3.0 test):\n"
    );
    println!("| subset | source exact P / R / F1 | source token overlap P / R / F1 |");
    println!("|---|---|---|");
    for subset in [Subset::All, Subset::Quoted] {
        let mut t = CitronTally::default();
        for (_, text, gold, preds) in runs {
            t.add(text, gold, preds, subset);
        }
        println!(
            "| {} ({} gold with source and cue, {} predicted) | {} | {} |",
            match subset {
                Subset::All => "all",
                Subset::Quoted => "quoted",
            },
            t.gold,
            t.pred,
            fmt(t.exact()),
            fmt(t.overlap())
        );
    }
}

fn cut_long(text: &str, (a, b): (usize, usize)) -> String {
    text.chars().skip(a).take(b.saturating_sub(a)).collect()
}

fn fmt((p, r, f): (f64, f64, f64)) -> String {
    format!("{:.1} / {:.1} / **{:.1}**", 100.0 * p, 100.0 * r, 100.0 * f)
}

/// Prints every prediction of the selected articles.
fn dump(runs: &[Run]) {
    let cut =
        |text: &str, (a, b): (usize, usize)| text.chars().skip(a).take(b - a).collect::<String>();
    for (name, text, _, preds) in runs {
        for p in preds {
            println!(
                "{name}: {} [{}|{}] {}",
                if p.verbatim { "Q" } else { "I" },
                p.speaker.map(|s| cut(text, s)).unwrap_or_default(),
                p.resolved.map(|s| cut(text, s)).unwrap_or_default(),
                cut(text, p.hull())
            );
        }
    }
}

/// Lists quoted gold attributions that were missed or got a wrong speaker, verbatim
/// predictions overlapping no gold (`FP`) and those overlapping gold but matching no quoted
/// gold attribution (`PART`).
/// With `context` > 0, each error is followed by that many characters of text either side.
fn show_errors(runs: &[Run], n: usize, context: usize) {
    let cut = |text: &str, (a, b): (usize, usize)| -> String {
        text.chars()
            .skip(a)
            .take(b.saturating_sub(a).min(120))
            .collect::<String>()
    };
    let mut shown = 0;
    for (name, text, gold, preds) in runs {
        for g in gold.iter().filter(|g| g.quoted) {
            let span = (g.content[0].0, g.content[g.content.len() - 1].1);
            let hit = preds
                .iter()
                .filter(|p| p.verbatim)
                .find(|p| p.hull().0 < span.1 && span.0 < p.hull().1);
            let src = g.source.first().map(|&s| cut(text, s)).unwrap_or_default();
            let line = match hit {
                None => format!("MISS  [{src}] {}", cut(text, span)),
                Some(p)
                    if !preds
                        .iter()
                        .filter(|p| p.verbatim)
                        .any(|p| polnear::content_matches(text, p, g, Match::Overlap)) =>
                {
                    format!(
                        "SPAN  gold {} ours {}",
                        cut(text, span),
                        cut(text, p.hull())
                    )
                }
                // Wrong when no prediction matching the content names the gold speaker
                // (an outer source is a prediction of its own, after the quote's).
                Some(p)
                    if !preds.iter().filter(|p| p.verbatim).any(|p| {
                        polnear::content_matches(text, p, g, Match::Overlap)
                            && polnear::speaker_matches(p, g, SpeakerRule::Strict)
                    }) =>
                {
                    format!(
                        "SPKR  gold [{src}] ours [{}] {}",
                        p.speaker.map(|s| cut(text, s)).unwrap_or_default(),
                        cut(text, span)
                    )
                }
                _ => continue,
            };
            println!("{name}: {line}");
            if context > 0 {
                let from = span.0.saturating_sub(context);
                println!(
                    "      … {} …",
                    cut_long(text, (from, span.1 + context)).replace('\n', " ¶ ")
                );
            }
            shown += 1;
        }
        for p in preds.iter().filter(|p| p.verbatim) {
            let kind = if !gold.iter().any(|g| {
                g.content
                    .iter()
                    .any(|&c| c.0 < p.hull().1 && p.hull().0 < c.1)
            }) {
                "FP  "
            } else if !gold
                .iter()
                .filter(|g| g.quoted)
                .any(|g| polnear::content_matches(text, p, g, Match::Overlap))
            {
                // Overlapping gold but matching none: a precision error `FP` does not list.
                "PART"
            } else {
                continue;
            };
            println!("{name}: {kind}  {}", cut(text, p.hull()));
            if context > 0 {
                let (a, b) = p.hull();
                println!(
                    "      … {} …",
                    cut_long(text, (a.saturating_sub(context), b + context)).replace('\n', " ¶ ")
                );
            }
            shown += 1;
        }
        if shown >= n {
            break;
        }
    }
}
