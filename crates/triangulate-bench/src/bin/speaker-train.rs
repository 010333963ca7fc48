//! `speaker-train [--data DIR] [--epochs N] [--bags K] [--drop PREFIX,…] [--write FILE]
//! [--unreachable N] [--dump FILE]`: learns the weights of the
//! library's speaker chooser (`statements/quotes/chooser.rs`) on PolNeAR train with an
//! mean of `--bags` averaged perceptrons (15 by default), and reports how often the rule cascade, the best option available
//! (oracle) and the learned weights pick a right speaker on train and dev (per epoch).
//! With `--write`, the weights after the last epoch are written as "feature<TAB>weight"
//! lines (sorted, deterministic); the library ships them as `speaker_weights.tsv`.
//! `--unreachable N` prints N train quotes none of whose options is right (gold Source,
//! options, context; for reading only), to find the speakers no rule proposes. `--dump
//! FILE` writes every train and dev quote's options with their features (see
//! `dump_options`) for offline analysis.

use std::collections::BTreeMap;
use std::path::PathBuf;

use anyhow::{bail, Context, Result};
use triangulate::statements::choose_speaker;
use triangulate_bench::bootstrap::{self, Rng};
use triangulate_bench::polnear;

/// One quote: its options' features and which options are right.
struct Example {
    /// Index of the article in its split.
    article: usize,
    options: Vec<Vec<String>>,
    right: Vec<bool>,
}

fn main() -> Result<()> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mut data = root.join("../../../shared/bench/polnear/data");
    let mut epochs = 10usize;
    let mut write: Option<PathBuf> = None;
    let mut drop: Vec<String> = Vec::new();
    let mut unreachable = 0usize;
    let mut dump: Option<PathBuf> = None;
    let mut bags = 15usize;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut value = |w: &str| args.next().with_context(|| format!("{w} needs a value"));
        match a.as_str() {
            "--data" => data = value("--data")?.into(),
            "--epochs" => epochs = value("--epochs")?.parse()?,
            "--write" => write = Some(value("--write")?.into()),
            "--drop" => drop = value("--drop")?.split(',').map(String::from).collect(),
            "--unreachable" => unreachable = value("--unreachable")?.parse()?,
            "--dump" => dump = Some(value("--dump")?.into()),
            "--bags" => bags = value("--bags")?.parse::<usize>()?.max(1),
            other => bail!("unknown argument {other}"),
        }
    }
    if let Some(path) = dump {
        return dump_options(&data, &path);
    }
    if unreachable > 0 {
        return print_unreachable(&data.join("train"), unreachable);
    }
    let mut train = examples(&data.join("train"))?;
    let mut dev = examples(&data.join("dev"))?;
    // Feature ablation: options lose the features starting with any `--drop` prefix.
    for e in train.iter_mut().chain(dev.iter_mut()) {
        for o in &mut e.options {
            o.retain(|f| !drop.iter().any(|d| f.starts_with(d.as_str())));
        }
    }
    for (split, ex) in [("train", &train), ("dev", &dev)] {
        println!(
            "{split}: {} quotes with a matched quoted gold; cascade right {:.1}%, some option \
             right (oracle) {:.1}%",
            ex.len(),
            100.0 * share(ex, |e| e.right[0]),
            100.0 * share(ex, |e| e.right.iter().any(|&r| r))
        );
    }
    cross_validate(&train, epochs, bags);
    let learnable: Vec<&Example> = train.iter().collect();
    for epoch in 1..=epochs {
        let w = learn(&learnable, epoch, bags);
        println!(
            "epoch {epoch}: learned right train {:.1}%, dev {:.1}% ({} features)",
            100.0 * accuracy(&w, &train),
            100.0 * accuracy(&w, &dev),
            w.len()
        );
    }
    if let Some(path) = write {
        let w = learn(&learnable, epochs, bags);
        let mut out = String::from(
            "# Speaker chooser weights: cargo run --release -p triangulate-bench --bin \
             speaker-train -- --write <this file> (PolNeAR train, mean of --bags averaged perceptrons)\n",
        );
        for (f, v) in &w {
            if v.abs() >= 1e-4 {
                out.push_str(&format!("{f}\t{v:.4}\n"));
            }
        }
        std::fs::write(&path, out).with_context(|| path.display().to_string())?;
        println!("wrote {}", path.display());
    }
    Ok(())
}

/// The quotes of one split with a matched quoted gold attribution.
fn examples(dir: &std::path::Path) -> Result<Vec<Example>> {
    let mut out = Vec::new();
    for (article, (name, text, gold)) in polnear::load_split(dir)?.into_iter().enumerate() {
        for choice in polnear::choices(&name, &text)? {
            if let Some(right) = polnear::right_options(&text, &gold, &choice) {
                out.push(Example {
                    article,
                    options: choice.options.into_iter().map(|(_, f)| f).collect(),
                    right,
                });
            }
        }
    }
    Ok(out)
}

/// Prints up to `n` quotes of a split none of whose options overlaps the gold Source.
fn print_unreachable(dir: &std::path::Path, n: usize) -> Result<()> {
    let mut shown = 0;
    for (name, text, gold) in polnear::load_split(dir)? {
        let chars: Vec<char> = text.chars().collect();
        let cut = |(a, b): (usize, usize)| -> String {
            chars[a.min(chars.len())..b.min(chars.len())]
                .iter()
                .collect::<String>()
                .replace('\n', " ¶ ")
        };
        for choice in polnear::choices(&name, &text)? {
            let Some(right) = polnear::right_options(&text, &gold, &choice) else {
                continue;
            };
            if right.iter().any(|&r| r) || shown >= n {
                continue;
            }
            shown += 1;
            let g = polnear::matched_gold(&text, &gold, &choice).context("matched gold")?;
            let source: Vec<String> = g.source.iter().map(|&s| cut(s)).collect();
            let options: Vec<String> = choice
                .options
                .iter()
                .map(|(s, _)| s.map_or("-".to_string(), cut))
                .collect();
            let (a, b) = choice.content;
            println!("== {name} gold source {source:?} options {options:?}");
            println!(
                "   {} [[{}]] {}",
                cut((a.saturating_sub(300), a)),
                cut((a, b)),
                cut((b, b + 150))
            );
        }
    }
    Ok(())
}

/// Writes every train and dev quote's options as tab-separated lines (split, article
/// index, quote index, option index, right, option text, option span, content span,
/// features joined by spaces), for offline analysis (PolNeAR text: never committed).
fn dump_options(data: &std::path::Path, path: &std::path::Path) -> Result<()> {
    let mut out = String::new();
    for split in ["train", "dev"] {
        for (article, (name, text, gold)) in polnear::load_split(&data.join(split))?
            .into_iter()
            .enumerate()
        {
            let chars: Vec<char> = text.chars().collect();
            let cut = |(a, b): (usize, usize)| -> String {
                chars[a.min(chars.len())..b.min(chars.len())]
                    .iter()
                    .collect::<String>()
                    .replace(['\n', '\t'], " ")
            };
            for (q, choice) in polnear::choices(&name, &text)?.into_iter().enumerate() {
                let Some(right) = polnear::right_options(&text, &gold, &choice) else {
                    continue;
                };
                for (k, ((span, features), r)) in choice.options.iter().zip(&right).enumerate() {
                    let (t, s) = span.map_or(("-".to_string(), "-".to_string()), |s| {
                        (cut(s), format!("{}:{}", s.0, s.1))
                    });
                    out.push_str(&format!(
                        "{split}\t{article}\t{name}\t{q}\t{k}\t{}\t{t}\t{s}\t{}:{}\t{}\n",
                        u8::from(*r),
                        choice.content.0,
                        choice.content.1,
                        features.join(" ")
                    ));
                }
            }
        }
    }
    std::fs::write(path, out).with_context(|| path.display().to_string())
}

/// Two-fold cross-validation on train, by article (even / odd): a held-out estimate with
/// eight times dev's quotes.
fn cross_validate(train: &[Example], epochs: usize, bags: usize) {
    for epoch_count in 1..=epochs {
        let (mut right, mut cascade, mut n) = (0, 0, 0);
        for fold in 0..2 {
            let learnable: Vec<&Example> = train.iter().filter(|e| e.article % 2 != fold).collect();
            let w = learn(&learnable, epoch_count, bags);
            for e in train.iter().filter(|e| e.article % 2 == fold) {
                right += usize::from(e.right[choose_speaker(&w, &e.options)]);
                cascade += usize::from(e.right[0]);
                n += 1;
            }
        }
        println!(
            "2-fold train, {epoch_count} epochs: cascade right {:.1}%, learned right {:.1}%",
            100.0 * cascade as f64 / n.max(1) as f64,
            100.0 * right as f64 / n.max(1) as f64
        );
    }
}

/// Weights learned on `examples` (those with a right option) in `epochs` passes: the
/// mean of `bags` averaged perceptrons, the first reading the examples in their order,
/// each other one in an order shuffled anew every pass (seeded by its number, so the
/// weights are the same on every run). More bags damp the perceptron's dependence on
/// the order it reads the quotes in.
fn learn(examples: &[&Example], epochs: usize, bags: usize) -> BTreeMap<String, f64> {
    let learnable: Vec<&Example> = examples
        .iter()
        .copied()
        .filter(|e| e.right.iter().any(|&r| r))
        .collect();
    let mut sum: BTreeMap<String, f64> = BTreeMap::new();
    for bag in 0..bags {
        let mut order: Vec<usize> = (0..learnable.len()).collect();
        let mut rng = Rng::new(bag as u64);
        let mut model = Perceptron::default();
        for _ in 0..epochs {
            if bag > 0 {
                bootstrap::shuffle(&mut rng, &mut order);
            }
            for &i in &order {
                model.learn(learnable[i]);
            }
        }
        for (f, w) in model.averaged() {
            *sum.entry(f).or_default() += w / bags as f64;
        }
    }
    sum
}

fn share(ex: &[Example], ok: impl Fn(&Example) -> bool) -> f64 {
    ex.iter().filter(|e| ok(e)).count() as f64 / ex.len().max(1) as f64
}

fn accuracy(w: &BTreeMap<String, f64>, ex: &[Example]) -> f64 {
    share(ex, |e| e.right[choose_speaker(w, &e.options)])
}

/// Averaged perceptron over option rankings (Collins 2002): when the best-scoring option
/// is wrong, the best-scoring right option's features gain 1 and the chosen one's lose 1;
/// the weights returned are averaged over every step.
#[derive(Default)]
struct Perceptron {
    weights: BTreeMap<String, f64>,
    /// Sum of step × update, for the average.
    stamped: BTreeMap<String, f64>,
    steps: f64,
}

impl Perceptron {
    fn learn(&mut self, e: &Example) {
        self.steps += 1.0;
        let guess = choose_speaker(&self.weights, &e.options);
        if e.right[guess] {
            return;
        }
        let right: Vec<Vec<String>> = e
            .options
            .iter()
            .zip(&e.right)
            .filter(|(_, &r)| r)
            .map(|(o, _)| o.clone())
            .collect();
        let target = &right[choose_speaker(&self.weights, &right)];
        for (features, delta) in [(target, 1.0), (&e.options[guess], -1.0)] {
            for f in features {
                *self.weights.entry(f.clone()).or_default() += delta;
                *self.stamped.entry(f.clone()).or_default() += delta * self.steps;
            }
        }
    }

    fn averaged(&self) -> BTreeMap<String, f64> {
        self.weights
            .iter()
            .map(|(f, w)| {
                let s = self.stamped.get(f).copied().unwrap_or(0.0);
                (f.clone(), w - s / (self.steps + 1.0))
            })
            .collect()
    }
}
