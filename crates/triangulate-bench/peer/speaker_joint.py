"""Offline check: do models that see a quote's speaker options jointly beat the shipped
per-option averaged perceptron? Reads the option dump of `speaker-train --dump FILE`
(PolNeAR train and dev; text never committed) and prints, for each model, the share of
quotes whose chosen option is right: 2-fold cross-validation on train by article (even /
odd, as speaker-train) and train -> dev.

    cargo run --release -p triangulate-bench --bin speaker-train -- --dump /tmp/options.tsv
    pip install scikit-learn numpy
    python3 crates/triangulate-bench/peer/speaker_joint.py /tmp/options.tsv

Models: logistic regression per option (the perceptron's features), the same with quote
context (the cascade option's features, the option count, the rules of the other options),
gradient-boosted trees (depth 3-6) over both, and a pairwise logistic model over option
pairs (both options' features and the conjunctions of their rules and shapes), ranked by
summed pairwise wins. Deterministic (fixed seeds, full-batch solvers).
"""

import collections
import sys

import numpy as np
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.linear_model import LogisticRegression


def cross_validate(keys, fit, right):
    """(2-fold right share on train, split by article parity as speaker-train does; right
    share on dev after fitting on all of train). `fit(keys) -> (model, vocab)`,
    `right(model, vocab, key) -> bool`."""
    ok = n = 0
    for fold in (0, 1):
        m, v = fit([k for k in keys if k[0] == "train" and k[1] % 2 != fold])
        for k in keys:
            if k[0] == "train" and k[1] % 2 == fold:
                ok += right(m, v, k)
                n += 1
    m, v = fit([k for k in keys if k[0] == "train"])
    dev = [k for k in keys if k[0] == "dev"]
    return ok / n, sum(right(m, v, k) for k in dev) / len(dev)

def load(path):
    quotes = collections.OrderedDict()
    for line in open(path, encoding="utf-8"):
        split, art, name, q, k, r, text, span, content, feats = line.rstrip("\n").split("\t")
        quotes.setdefault((split, int(art), int(q)), []).append(
            dict(right=r == "1", text=text, feats=feats.split(" ") if feats else [])
        )
    return quotes


def plain(opts, i):
    return opts[i]["feats"]


def with_context(opts, i):
    f = list(opts[i]["feats"])
    f += ["C_" + x for x in opts[0]["feats"]]
    f.append("n_opts:%d" % min(len(opts), 6))
    others = set()
    for j, p in enumerate(opts):
        if j != i:
            others |= {x for x in p["feats"] if x.startswith("rule:") and "&" not in x}
    return f + ["O_" + x for x in sorted(others)]


def matrix(rows, vocab):
    x = np.zeros((len(rows), len(vocab)), dtype=np.float32)
    for r, fs in enumerate(rows):
        for f in fs:
            if f in vocab:
                x[r, vocab[f]] = 1
    return x


def pointwise(quotes, featfn, make):
    """Share right: (2-fold CV on train, dev)."""
    keys = list(quotes)

    def fit(train_keys):
        rows, y = [], []
        for k in train_keys:
            if any(o["right"] for o in quotes[k]):
                for i, o in enumerate(quotes[k]):
                    rows.append(featfn(quotes[k], i))
                    y.append(o["right"])
        vocab = {}
        for fs in rows:
            for f in fs:
                vocab.setdefault(f, len(vocab))
        return make().fit(matrix(rows, vocab), np.array(y)), vocab

    def right(model, vocab, k):
        opts = quotes[k]
        s = model.predict_proba(matrix([featfn(opts, i) for i in range(len(opts))], vocab))[:, 1]
        return opts[int(np.argmax(s))]["right"]

    return cross_validate(keys, fit, right)


def shape(o):
    if o["text"] == "-":
        return ["NONE"]
    keep = ("rule:", "side:", "speaker_like:", "pronoun:", "stand_in:", "cascade", "other", "dist:")
    return [f for f in o["feats"] if f.startswith(keep) and not (f.startswith("rule:") and "&" in f)]


def pair_features(a, b):
    f = ["A_" + x for x in a["feats"]] + ["B_" + x for x in b["feats"]]
    return f + ["X_%s|%s" % (x, y) for x in shape(a) for y in shape(b)]


def pairwise(quotes):
    keys = list(quotes)

    def fit(train_keys):
        rows, y = [], []
        for k in train_keys:
            o = quotes[k]
            if not any(p["right"] for p in o):
                continue
            for i in range(len(o)):
                for j in range(len(o)):
                    if i != j and o[i]["right"] != o[j]["right"]:
                        rows.append(pair_features(o[i], o[j]))
                        y.append(o[i]["right"])
        vocab = {}
        for fs in rows:
            for f in fs:
                vocab.setdefault(f, len(vocab))
        m = LogisticRegression(C=0.3, max_iter=3000).fit(matrix(rows, vocab), np.array(y))
        return m, vocab

    def right(m, vocab, k):
        o = quotes[k]
        n = len(o)
        if n == 1:
            return o[0]["right"]
        pairs = [(i, j) for i in range(n) for j in range(n) if i != j]
        p = m.predict_proba(matrix([pair_features(o[i], o[j]) for i, j in pairs], vocab))[:, 1]
        wins = np.zeros(n)
        for (i, j), pij in zip(pairs, p):
            wins[i] += pij
            wins[j] += 1 - pij
        return o[int(np.argmax(wins))]["right"]

    return cross_validate(keys, fit, right)


def main():
    quotes = load(sys.argv[1])
    lr = lambda: LogisticRegression(C=1.0, max_iter=2000)
    for name, featfn in [("per option", plain), ("per option + quote context", with_context)]:
        cv, dev = pointwise(quotes, featfn, lr)
        print(f"logistic, {name}: 2-fold train {100 * cv:.1f} %, dev {100 * dev:.1f} %", flush=True)
        for depth, iters in [(3, 200), (4, 300), (6, 300)]:
            gb = lambda: HistGradientBoostingClassifier(
                max_depth=depth, max_iter=iters, learning_rate=0.05, random_state=0
            )
            cv, dev = pointwise(quotes, featfn, gb)
            print(f"boosted trees depth {depth}, {name}: 2-fold train {100 * cv:.1f} %, dev {100 * dev:.1f} %", flush=True)
    cv, dev = pairwise(quotes)
    print(f"pairwise logistic with conjunctions: 2-fold train {100 * cv:.1f} %, dev {100 * dev:.1f} %")


if __name__ == "__main__":
    main()
