"""Offline check: would more features help the learned speaker chooser? Reads the option
dump of `speaker-train --dump FILE` (PolNeAR train and dev; text never committed), adds one
family of features at a time to the shipped ones and prints the chooser's right share:
2-fold cross-validation on train by article parity and train -> dev, with the shipped
learner (mean of averaged perceptrons, seeded shuffles; `--bags 5` here to keep it fast).
Needs the PolNeAR text for the text-derived families. Pure Python, deterministic.

    cargo run --release -p triangulate-bench --bin speaker-train -- --dump /tmp/options.tsv
    python3 crates/triangulate-bench/peer/speaker_features.py /tmp/options.tsv ../shared/bench/polnear/data

Families: `para` (a paragraph break between option and quote), `sentence` (a sentence
break), `rank` (the option's distance rank among the quote's options), `quote_between`
(another quotation between), `commas` (commas between), `relative` (a who/which option
inside, open before, or closed by a comma before the quote), `mentions` (how often the
option's last capitalised word occurs in the article), `speaker_count` (how often it is
the cascade's speaker of the article's other quotes), and conjunctions of the shipped
families (`rule x speaker_like`, `rule x capital`, ...).
"""

import collections
import random
import re
import sys


def load(path):
    quotes = collections.OrderedDict()
    with open(path, encoding="utf-8") as f:
        for line in f:
            split, art, name, q, _k, right, text, span, content, feats = line.rstrip("\n").split("\t")
            key = (split, int(art), int(q))
            e = quotes.setdefault(key, {"split": split, "art": int(art), "name": name,
                                        "content": tuple(map(int, content.split(":"))), "opts": []})
            e["opts"].append({"right": right == "1", "text": text,
                              "span": None if span == "-" else tuple(map(int, span.split(":"))),
                              "feats": feats.split()})
    return list(quotes.values())


def score(w, feats):
    return sum(w.get(f, 0.0) for f in feats)


def best(w, options):
    top, at = float("-inf"), 0
    for i, f in enumerate(options):
        s = score(w, f)
        if s > top:
            top, at = s, i
    return at


def perceptron(examples, epochs, seed):
    """Averaged perceptron as speaker-train's: update towards the best-scoring right option."""
    examples = [e for e in examples if any(e["R"])]
    w, stamped, steps = collections.defaultdict(float), collections.defaultdict(float), 0
    order = list(range(len(examples)))
    rng = random.Random(seed)
    for _ in range(epochs):
        if seed:
            rng.shuffle(order)
        for i in order:
            e = examples[i]
            steps += 1
            guess = best(w, e["F"])
            if e["R"][guess]:
                continue
            right = [f for f, r in zip(e["F"], e["R"]) if r]
            for feats, delta in ((right[best(w, right)], 1.0), (e["F"][guess], -1.0)):
                for f in feats:
                    w[f] += delta
                    stamped[f] += delta * steps
    return {f: w[f] - stamped[f] / (steps + 1) for f in w}


def bagged(examples, epochs=5, bags=5):
    models = [perceptron(examples, epochs, s) for s in range(bags)]
    keys = set().union(*models)
    return {k: sum(m.get(k, 0.0) for m in models) / bags for k in keys}


def right_share(w, examples):
    return sum(e["R"][best(w, e["F"])] for e in examples) / len(examples)


def evaluate(quotes, features):
    for e in quotes:
        e["F"] = [features(e, o) for o in e["opts"]]
        e["R"] = [o["right"] for o in e["opts"]]
    train = [e for e in quotes if e["split"] == "train"]
    dev = [e for e in quotes if e["split"] == "dev"]
    even = [e for e in train if e["art"] % 2 == 0]
    odd = [e for e in train if e["art"] % 2 == 1]
    cv = (right_share(bagged(even), odd) * len(odd) + right_share(bagged(odd), even) * len(even)) / len(train)
    return cv, right_share(bagged(train), dev)


def main():
    quotes = load(sys.argv[1])
    data = sys.argv[2]
    texts = {}

    def text(e):
        if e["name"] not in texts:
            path = f"{data}/{e['split']}/text/{e['name']}.txt"
            with open(path, encoding="utf-8", newline="") as f:
                texts[e["name"]] = f.read()
        return texts[e["name"]]

    def between(e, o):
        (cs, ce), (s, t) = e["content"], o["span"]
        return text(e)[ce:s] if s >= ce else text(e)[t:cs]

    def gap(e, o):
        (cs, ce), (s, t) = e["content"], o["span"]
        return s - ce if s >= ce else cs - t

    def head(o):
        words = re.findall(r"[A-Z][\w’'-]+", o["text"])
        return re.sub(r"[’']s$", "", words[-1]) if words else None

    heads = collections.defaultdict(collections.Counter)
    for e in quotes:
        for o in e["opts"]:
            if o["span"] and "cascade" in o["feats"] and head(o):
                heads[(e["split"], e["art"])][head(o)] += 1

    def mentions(e, o):
        name = head(o)
        return min(len(re.findall(r"\b" + re.escape(name) + r"\b", text(e))), 4) if name else "x"

    sentence_break = re.compile(r"[.!?][\"”’]?\s+[A-Z“\"]")
    families = {
        "para": lambda e, o: [f"para:{chr(10) in between(e, o)}"],
        "sentence": lambda e, o: [f"sentbreak:{bool(sentence_break.search(between(e, o)))}"],
        "rank": lambda e, o: [f"rank:{min(sorted(gap(e, x) for x in e['opts'] if x['span']).index(gap(e, o)), 2)}"],
        "quote_between": lambda e, o: [f"quotebetween:{sum(c in chr(34) + '“”' for c in between(e, o)) >= 2}"],
        "commas": lambda e, o: [f"commas:{min(between(e, o).count(','), 2)}"] if o["span"][1] <= e["content"][0] else [],
        "relative": lambda e, o: ([f"rel:{'inside' if o['span'][0] >= e['content'][0] else ('comma' if ',' in between(e, o) else 'open')}"]
                                  if o["text"].lower() in ("who", "which") else []),
        "mentions": lambda e, o: [f"mentions:{mentions(e, o)}"],
        "speaker_count": lambda e, o: [f"spk:{min(heads[(e['split'], e['art'])][head(o)] - ('cascade' in o['feats']), 3) if head(o) else 'x'}"],
    }

    def crossed(a, b):
        def f(e, o):
            xs = [x for x in o["feats"] if x.split(":")[0] in a and "&" not in x]
            ys = [y for y in o["feats"] if y.split(":")[0] in b]
            return [x + "^" + y for x in xs for y in ys if x != y]
        return f

    families["rule x speaker_like"] = crossed({"rule"}, {"speaker_like"})
    families["rule x capital"] = crossed({"rule"}, {"capital"})
    families["rule x pronoun"] = crossed({"rule"}, {"pronoun"})
    families["rule x side"] = crossed({"rule"}, {"side"})
    families["rule x dist"] = crossed({"rule"}, {"dist"})

    cv, dev = evaluate(quotes, lambda e, o: o["feats"])
    print(f"shipped features: 2-fold train {100 * cv:.2f} %, dev {100 * dev:.2f} %")
    for name, extra in families.items():
        cv, dev = evaluate(quotes, lambda e, o: o["feats"] + (extra(e, o) if o["span"] else []))
        print(f"+ {name}: 2-fold train {100 * cv:.2f} %, dev {100 * dev:.2f} %")


if __name__ == "__main__":
    main()
