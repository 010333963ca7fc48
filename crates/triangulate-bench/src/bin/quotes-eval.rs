//! `quotes-eval [--split dev|train|test] [--data DIR] [--errors N [--context C]] [--speaker-only]
//! [--bootstrap N [--seed S]] [--predictions FILE] | --agreement`:
//! scores the library's quote and speaker attribution (`statements::attributions`) on
//! PolNeAR; definitions in `triangulate_bench::polnear` and the bench README. A quote's
//! channel ("…, according to the Las Vegas Sun") is scored as an attribution of its own,
//! as PolNeAR annotates it; `--speaker-only` leaves channels out (the protocol before
//! session 17). A second table scores source spans
//! under BBC Citron's protocol (`polnear::CitronTally`), the one behind its published 82.0.
//!
//! `--bootstrap N` adds a 95 % interval of the headline (quoted, overlap, speaker strict F1)
//! from N resamples of the split's articles. `--agreement` scores annotators against each
//! other on the articles several annotated, in every split, and the library on those of
//! train and dev (never test), with the same tallies. `--predictions FILE` writes every
//! prediction as a tab-separated line (article, `Q` verbatim or `I` indirect, content
//! fragments as `start:end` in characters, speaker and cue `start:end` or `-`), for analysis.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::{bail, Context, Result};
use triangulate_bench::bootstrap;
use triangulate_bench::polnear::{
    self, Annotations, CitronTally, Gold, Match, Pred, SpeakerRule, Subset, Tally,
};

/// Command-line options.
struct Options {
    data: PathBuf,
    split: String,
    errors: usize,
    article: Option<String>,
    context: usize,
    outer: bool,
    agreement: bool,
    bootstrap: usize,
    seed: u64,
    predictions: Option<PathBuf>,
}

fn parse_args() -> Result<Options> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mut o = Options {
        data: root.join("../../../shared/bench/polnear/data"),
        split: "dev".to_string(),
        errors: 0,
        article: None,
        context: 0,
        outer: true,
        agreement: false,
        bootstrap: 0,
        seed: 20_181_108,
        predictions: None,
    };
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut value = |w: &str| args.next().with_context(|| format!("{w} needs a value"));
        match a.as_str() {
            "--data" => o.data = value("--data")?.into(),
            "--split" => o.split = value("--split")?,
            "--errors" => o.errors = value("--errors")?.parse()?,
            "--article" => o.article = Some(value("--article")?),
            "--context" => o.context = value("--context")?.parse()?,
            "--speaker-only" => o.outer = false,
            "--agreement" => o.agreement = true,
            "--bootstrap" => o.bootstrap = value("--bootstrap")?.parse()?,
            "--seed" => o.seed = value("--seed")?.parse()?,
            "--predictions" => o.predictions = Some(value("--predictions")?.into()),
            other => bail!("unknown argument {other}"),
        }
    }
    Ok(o)
}

fn main() -> Result<()> {
    let o = parse_args()?;
    if o.agreement {
        return agreement(&o);
    }
    let (data, split, article) = (&o.data, &o.split, &o.article);
    let mut articles = load(&data.join(split))?;
    if let Some(only) = article {
        articles.retain(|a| a.0.contains(only.as_str()));
    }
    let started = Instant::now();
    let mut kept_chars = 0;
    let mut all_chars = 0;
    let mut runs = Vec::new();
    for (name, text, gold) in &articles {
        let (preds, kept) = polnear::predict(name, text, o.outer)?;
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
    if o.bootstrap > 0 {
        bootstrap_table(&runs, o.bootstrap, o.seed);
    }
    if article.is_some() {
        dump(&runs);
    }
    if let Some(path) = &o.predictions {
        write_predictions(&runs, path)?;
    }
    if o.errors > 0 {
        show_errors(&runs, o.errors, o.context);
    }
    Ok(())
}

type Run<'a> = (&'a String, &'a String, &'a Vec<Gold>, Vec<Pred>);

/// Articles of one split (see `polnear::load_split`).
fn load(dir: &Path) -> Result<Vec<(String, String, Vec<Gold>)>> {
    polnear::load_split(dir)
}

/// One cell's counts summed over the runs.
fn tally(runs: &[Run], cell: (Subset, Match, SpeakerRule)) -> Tally {
    let mut t = Tally::default();
    for (_, text, gold, preds) in runs {
        t.add(text, gold, preds, cell);
    }
    t
}

fn table(runs: &[Run]) {
    println!(
        "\n| subset | content match | content P / R / F1 | speaker strict P / R / F1 | \
         speaker resolved P / R / F1 | speaker acc. (strict / resolved) |"
    );
    println!("|---|---|---|---|---|---|");
    for subset in [Subset::All, Subset::Quoted] {
        for how in [Match::Exact, Match::Overlap] {
            let strict = tally(runs, (subset, how, SpeakerRule::Strict));
            let resolved = tally(runs, (subset, how, SpeakerRule::Resolved));
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
    headline_counts(runs);
}

/// The headline cell's counts and its F1 to three decimals: a goal line (85) is not met
/// by rounding.
fn headline_counts(runs: &[Run]) {
    let t = tally(runs, HEADLINE);
    println!(
        "
Headline (quoted, overlap, speaker strict): {} of {} predictions and {} of {} gold \
         attributions right; F1 {:.3}",
        t.pred_speaker_ok,
        t.pred,
        t.gold_speaker_ok,
        t.gold,
        100.0 * t.speaker().2
    );
}

/// The headline cell: quoted subset, content overlap, speaker strict.
const HEADLINE: (Subset, Match, SpeakerRule) =
    (Subset::Quoted, Match::Overlap, SpeakerRule::Strict);

/// A figure computed from pooled counts.
type Stat = fn(&Tally) -> f64;

/// The figures a bootstrap interval is given for: the headline speaker F1, and content F1.
const STATS: [(&str, Stat); 2] = [
    ("speaker strict", |t| t.speaker().2),
    ("content", |t| t.content().2),
];

/// Each run's headline counts on its own.
fn per_run(runs: &[Run]) -> Vec<Tally> {
    runs.iter()
        .map(|r| tally(std::slice::from_ref(r), HEADLINE))
        .collect()
}

/// `--bootstrap N`: the headline speaker F1 (and content F1) with a 95 % percentile
/// interval and standard error from N resamples of the articles. Articles, not
/// attributions, are resampled because an article's quotes share a writer and speakers,
/// so their errors are not independent.
fn bootstrap_table(runs: &[Run], n: usize, seed: u64) {
    let per_article = per_run(runs);
    let total = tally(runs, HEADLINE);
    println!(
        "\nBootstrap over {} articles ({n} resamples, seed {seed}; quoted subset, content \
         overlap):\n",
        runs.len()
    );
    println!("| F1 | measured | 95% interval (2.5th–97.5th percentile) | standard error |");
    println!("|---|---|---|---|");
    for (what, stat) in STATS {
        let values = bootstrap::resample(&per_article, n, seed, stat);
        println!("| {what} | {} |", interval_cells(stat(&total), &values));
    }
}

/// "measured | low – high | standard error", in percent.
fn interval_cells(measured: f64, values: &[f64]) -> String {
    let ci = bootstrap::interval(values);
    format!(
        "{:.1} | {:.1} – {:.1} | {:.1}",
        100.0 * measured,
        100.0 * ci.low,
        100.0 * ci.high,
        100.0 * ci.se
    )
}

/// One article's headline counts for the annotators (each other one against the first,
/// summed) and for the library, so both are resampled together.
#[derive(Clone, Copy, Debug, Default)]
struct Paired {
    humans: Tally,
    library: Tally,
}

impl std::ops::AddAssign for Paired {
    fn add_assign(&mut self, o: Paired) {
        self.humans += o.humans;
        self.library += o.library;
    }
}

/// `--agreement --bootstrap N`: intervals of the headline speaker F1 of the annotators and
/// of the library on the same train and dev articles, and of their difference on each
/// resample (paired: the same articles for both).
fn agreement_bootstrap(articles: &[&Annotations], library: &[Run], n: usize, seed: u64) {
    let units: Vec<Paired> = articles
        .iter()
        .zip(per_run(library))
        .map(|(a, library)| Paired {
            humans: tally(&human_runs([*a], true), HEADLINE),
            library,
        })
        .collect();
    let total = units.iter().fold(Paired::default(), |mut s, u| {
        s += *u;
        s
    });
    println!(
        "\nBootstrap over the {} train and dev articles ({n} resamples, seed {seed}; quoted, \
         overlap, speaker strict F1):\n",
        units.len()
    );
    println!("| prediction | measured | 95% interval | standard error |");
    println!("|---|---|---|---|");
    type PairedStat = fn(&Paired) -> f64;
    let rows: [(&str, PairedStat); 3] = [
        ("each other annotator", |p| p.humans.speaker().2),
        ("the library", |p| p.library.speaker().2),
        ("annotators − library", |p| {
            p.humans.speaker().2 - p.library.speaker().2
        }),
    ];
    for (what, stat) in rows {
        let values = bootstrap::resample(&units, n, seed, stat);
        println!("| {what} | {} |", interval_cells(stat(&total), &values));
    }
}

/// `--agreement`: annotators scored against each other on the articles several of them
/// annotated, as the library is scored: the first annotation file (the gold `load_split`
/// keeps) is gold, another annotator's attributions are the predictions (`Gold::as_pred`).
/// Per split and pooled, with the second file as prediction and with every other file;
/// then the library on the same train and dev articles (test is not run); with
/// `--bootstrap N`, intervals for the two on those articles.
fn agreement(o: &Options) -> Result<()> {
    let splits: Vec<(&str, Vec<Annotations>)> = ["train", "dev", "test"]
        .into_iter()
        .map(|s| Ok((s, polnear::load_annotators(&o.data.join(s))?)))
        .collect::<Result<_>>()?;
    let mut rows = annotator_tables(&splits);
    let mut library = Vec::new();
    for (split, articles) in splits.iter().filter(|(s, _)| LIBRARY_SPLITS.contains(s)) {
        let runs = system_runs(articles, o.outer)?;
        println!(
            "\n### the library vs first, {split} ({} articles)",
            runs.len()
        );
        table(&runs);
        rows.push(summary_row(&format!("**library**, {split}"), &runs));
        library.extend(runs);
    }
    let seen: Vec<&Annotations> = splits
        .iter()
        .filter(|(s, _)| LIBRARY_SPLITS.contains(s))
        .flat_map(|(_, a)| a)
        .collect();
    rows.push(summary_row("**library**, train + dev", &library));
    let humans = human_runs(seen.iter().copied(), true);
    rows.push(summary_row("each other annotator, train + dev", &humans));
    println!(
        "\n### Summary (gold = first annotation file; overlap = covers >= 50% of gold tokens)\n"
    );
    println!(
        "| prediction, split | pairs | quoted gold | quoted content F1 | quoted speaker strict F1 \
         | all gold | all content F1 | all speaker strict F1 |"
    );
    println!("|---|---|---|---|---|---|---|---|");
    for r in rows {
        println!("{r}");
    }
    if o.bootstrap > 0 {
        agreement_bootstrap(&seen, &library, o.bootstrap, o.seed);
    }
    Ok(())
}

/// The splits `--agreement` runs the library on: never test, which is run once, at the end
/// of a session.
const LIBRARY_SPLITS: [&str; 2] = ["train", "dev"];

/// The annotators' tables, per split and pooled, second file and each other file as
/// prediction; returns their summary rows.
fn annotator_tables(splits: &[(&str, Vec<Annotations>)]) -> Vec<String> {
    let mut rows = Vec::new();
    for every in [false, true] {
        let who = if every {
            "each other annotator"
        } else {
            "second annotator"
        };
        let mut pooled = Vec::new();
        for (split, articles) in splits {
            let runs = human_runs(articles, every);
            println!(
                "\n### {who} vs first, {split}: {}",
                annotators(articles, every)
            );
            table(&runs);
            rows.push(summary_row(&format!("{who}, {split}"), &runs));
            pooled.extend(runs);
        }
        println!("\n### {who} vs first, pooled (train + dev + test)");
        table(&pooled);
        rows.push(summary_row(&format!("{who}, pooled"), &pooled));
    }
    rows
}

/// Each article's first annotation as gold and its second (or, with `every`, each other)
/// annotation as predictions.
fn human_runs<'a>(
    articles: impl IntoIterator<Item = &'a Annotations>,
    every: bool,
) -> Vec<Run<'a>> {
    articles
        .into_iter()
        .flat_map(|(name, text, by)| {
            predicting(by, every)
                .iter()
                .map(move |(_, g)| (name, text, &by[0].1, g.iter().map(Gold::as_pred).collect()))
        })
        .collect()
}

/// The annotation files taken as predictions against the first: the second, or with
/// `every` each other one.
fn predicting(by: &[(String, Vec<Gold>)], every: bool) -> &[(String, Vec<Gold>)] {
    if every {
        &by[1..]
    } else {
        &by[1..2]
    }
}

/// The library's predictions on each article, scored against its first annotation.
fn system_runs(articles: &[Annotations], outer: bool) -> Result<Vec<Run<'_>>> {
    articles
        .iter()
        .map(|(name, text, by)| Ok((name, text, &by[0].1, polnear::predict(name, text, outer)?.0)))
        .collect()
}

/// Which annotators are gold and prediction, with their article counts.
fn annotators(articles: &[Annotations], every: bool) -> String {
    let mut gold: BTreeMap<&str, usize> = BTreeMap::new();
    let mut pred: BTreeMap<&str, usize> = BTreeMap::new();
    for (_, _, by) in articles {
        *gold.entry(&by[0].0).or_default() += 1;
        for (a, _) in predicting(by, every) {
            *pred.entry(a).or_default() += 1;
        }
    }
    let list = |m: &BTreeMap<&str, usize>| {
        m.iter()
            .map(|(a, n)| format!("{a} ({n})"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    format!(
        "{} articles; gold {}; prediction {}",
        articles.len(),
        list(&gold),
        list(&pred)
    )
}

/// One line of the agreement summary: overlap content F1 and strict speaker F1, quoted and
/// all.
fn summary_row(label: &str, runs: &[Run]) -> String {
    let q = tally(runs, HEADLINE);
    let a = tally(runs, (Subset::All, Match::Overlap, SpeakerRule::Strict));
    format!(
        "| {label} | {} | {} | {:.1} | **{:.1}** | {} | {:.1} | {:.1} |",
        runs.len(),
        q.gold,
        100.0 * q.content().2,
        100.0 * q.speaker().2,
        a.gold,
        100.0 * a.content().2,
        100.0 * a.speaker().2
    )
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

/// `--predictions FILE`: one tab-separated line per prediction, offsets in characters.
fn write_predictions(runs: &[Run], path: &Path) -> Result<()> {
    use std::fmt::Write as _;
    let span = |(a, b): (usize, usize)| format!("{a}:{b}");
    let mut out = String::new();
    for (name, _, _, preds) in runs {
        for p in preds {
            let content: Vec<String> = p.content.iter().map(|&c| span(c)).collect();
            let _ = writeln!(
                out,
                "{name}\t{}\t{}\t{}\t{}",
                if p.verbatim { "Q" } else { "I" },
                content.join(","),
                p.speaker.map_or("-".to_string(), span),
                p.cue.map_or("-".to_string(), span)
            );
        }
    }
    std::fs::write(path, out).with_context(|| format!("writing {}", path.display()))
}

/// Under a `PART` line: each gold attribution the prediction overlaps, quoted or not, with
/// the share of its content tokens' characters the prediction covers.
fn print_overlapping_gold(text: &str, gold: &[polnear::Gold], hull: (usize, usize)) {
    for g in gold {
        let span = (g.content[0].0, g.content[g.content.len() - 1].1);
        if !(span.0 < hull.1 && hull.0 < span.1) {
            continue;
        }
        let covered = hull.1.min(span.1).saturating_sub(hull.0.max(span.0));
        let share = 100 * covered / (span.1 - span.0).max(1);
        let src = g
            .source
            .first()
            .map(|&s| cut_long(text, s))
            .unwrap_or_default();
        let shown: String = cut_long(text, span).chars().take(160).collect();
        println!(
            "      gold{} {share}% [{src}] {}",
            if g.quoted { "\"" } else { " " },
            shown.replace('\n', " ¶ ")
        );
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
            if kind == "PART" {
                print_overlapping_gold(text, gold, p.hull());
            }
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
