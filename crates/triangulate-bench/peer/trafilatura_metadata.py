"""Python trafilatura's metadata on the pages of data/metadata-gold.json, for metadata-eval.

usage: trafilatura_metadata.py GOLD SHARED_DIR OUT.json

Calls trafilatura.extract_metadata (default settings) on each page's bytes, decoded as
trafilatura decodes them, and writes {key: {"title", "authors": [...], "date"}}; authors are
trafilatura's "; "-joined author string split. Plain-text seed files are not HTML and are
left out (metadata-eval counts them as empty output).
"""
import gzip
import json
import sys

import trafilatura
from trafilatura.utils import decode_file


def main():
    gold_path, shared, out_path = sys.argv[1:4]
    gold = json.load(open(gold_path, encoding="utf-8"))
    out = {}
    for page in gold["pages"] + gold.get("heldout", []):
        raw = open(f"{shared}/bench/article-extraction/{page['input']}", "rb").read()
        if raw[:2] == b"\x1f\x8b":
            raw = gzip.decompress(raw)
        doc = trafilatura.extract_metadata(decode_file(raw))
        if doc is None:
            out[page["key"]] = {"title": None, "authors": [], "date": None}
            continue
        authors = [a.strip() for a in (doc.author or "").split(";") if a.strip()]
        out[page["key"]] = {"title": doc.title, "authors": authors, "date": doc.date}
    json.dump(out, open(out_path, "w", encoding="utf-8"), ensure_ascii=False, indent=1)


if __name__ == "__main__":
    main()
