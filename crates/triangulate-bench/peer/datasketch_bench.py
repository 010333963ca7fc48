"""Peer side of `minhash-bench`: datasketch MinHash + MinHashLSH on the same texts.

Usage: datasketch_bench.py TEXTS.jsonl NUM_PERM THRESHOLD SHINGLE OUT.json

TEXTS.jsonl holds one JSON string (a document's text) a line. Shingling is the one the
Rust side uses: lowercased `\\w+` tokens, word n-grams of SHINGLE tokens joined by a space,
UTF-8 encoded. Timed: shingling + MinHash (update_batch, the fastest datasketch path) +
LSH insert of every document, then a query of every document. Writes the timings and the
candidate pairs (i < j) to OUT.json.
"""

import json
import re
import sys
import time

from datasketch import MinHash, MinHashLSH

WORD = re.compile(r"\w+")


def shingles(text, k):
    toks = [t.lower() for t in WORD.findall(text)]
    return {" ".join(toks[i : i + k]).encode("utf-8") for i in range(len(toks) - k + 1)}


def main():
    path, num_perm, threshold, k, out = sys.argv[1:6]
    num_perm, threshold, k = int(num_perm), float(threshold), int(k)
    with open(path, encoding="utf-8") as f:
        texts = [json.loads(line) for line in f]
    t0 = time.perf_counter()
    sigs = []
    for text in texts:
        m = MinHash(num_perm=num_perm)
        m.update_batch(list(shingles(text, k)))
        sigs.append(m)
    t1 = time.perf_counter()
    lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
    for i, m in enumerate(sigs):
        lsh.insert(i, m)
    t2 = time.perf_counter()
    pairs = set()
    for i, m in enumerate(sigs):
        for j in lsh.query(m):
            if j != i:
                pairs.add((min(i, j), max(i, j)))
    t3 = time.perf_counter()
    with open(out, "w", encoding="utf-8") as f:
        json.dump(
            {
                "docs": len(texts),
                "bands": lsh.b,
                "rows": lsh.r,
                "signature_s": t1 - t0,
                "insert_s": t2 - t1,
                "query_s": t3 - t2,
                "pairs": sorted(pairs),
            },
            f,
        )


if __name__ == "__main__":
    main()
