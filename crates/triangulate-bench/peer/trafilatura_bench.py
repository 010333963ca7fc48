#!/usr/bin/env python3
"""Extracts every page of the article-extraction benchmark with Python trafilatura.

Usage: trafilatura_bench.py DATA_DIR OUT_JSON [--with-metadata] [--repeat N]

Default settings, plain-text output, one process (one core). With --with-metadata, each call
also extracts title, author, date and site name (`with_metadata=True`), the work triangulate
always does; the body text is the same. All pages are decompressed into
memory first, and one untimed pass over them gives the outputs and warms trafilatura up
(its lazy imports and caches, as extraction-bench warms up each extractor); the timing covers
only the `trafilatura.extract` calls of the passes after it (which take the page bytes and
decode them themselves); with --repeat N, the mean of N timed passes, as extraction-bench's
--repeat. Writes {"output": {key: {"articleBody": text}},
"seconds": S, "pages": N, "version": trafilatura.__version__} for `extraction-bench --peer-json`.
"""
import gzip
import json
import os
import sys
import time

import trafilatura


def extract_page(raw, with_metadata):
    """The body trafilatura extracts from one page's bytes ("" when it finds none)."""
    if with_metadata:
        # The same string `extract` returns: body, then comments (included by default).
        doc = trafilatura.bare_extraction(raw, with_metadata=True)
        return "" if doc is None else f"{doc.text or ''}\n{doc.comments or ''}".strip()
    return trafilatura.extract(raw) or ""


def main():
    data, out = sys.argv[1], sys.argv[2]
    with_metadata = "--with-metadata" in sys.argv[3:]
    repeat = 1
    if "--repeat" in sys.argv[3:]:
        repeat = max(1, int(sys.argv[sys.argv.index("--repeat") + 1]))
    with open(os.path.join(data, "ground-truth.json"), encoding="utf-8") as f:
        keys = sorted(json.load(f))
    pages = []
    for key in keys:
        with gzip.open(os.path.join(data, "html", key + ".html.gz"), "rb") as f:
            pages.append((key, f.read()))
    output = {key: {"articleBody": extract_page(raw, with_metadata)} for key, raw in pages}
    start = time.perf_counter()
    for _ in range(repeat):
        for _, raw in pages:
            extract_page(raw, with_metadata)
    seconds = (time.perf_counter() - start) / repeat
    with open(out, "w", encoding="utf-8") as f:
        json.dump(
            {
                "output": output,
                "seconds": seconds,
                "pages": len(pages),
                "version": trafilatura.__version__,
            },
            f,
            ensure_ascii=False,
        )
    mode = " with metadata" if with_metadata else ""
    print(f"trafilatura {trafilatura.__version__}{mode}: {len(pages)} pages in {seconds:.2f} s "
          f"({len(pages) / seconds:.1f} pages/s)", file=sys.stderr)


if __name__ == "__main__":
    main()
