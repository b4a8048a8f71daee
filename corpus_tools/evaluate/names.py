"""Proper-name spans against DaNE: ``python -m corpus_tools.evaluate names [FILE] [--errors N]``.

Reads a DaNE-style CoNLL file (one ``token<TAB>BIO-tag`` a line, a blank line
between sentences; default: the dev split in ``tests/data/dane-dev/``), rebuilds
each sentence's text by joining its tokens with single spaces (so every gold token
has exact character offsets), runs :func:`corpus_tools.find_names` over all the
sentences at once (one document per sentence), and prints exact-span precision,
recall and F1 with the entity labels (PER, ORG, LOC, MISC) ignored: a predicted
span counts only if its start and end both equal a gold span's.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from . import data_dir


def read_conll(path) -> list[tuple[str, list[tuple[int, int]]]]:
    """Sentences of a BIO CoNLL file as ``(text, gold spans)``; spans are character offsets."""
    out = []
    tokens: list[tuple[str, str]] = []
    lines = Path(path).read_text(encoding="utf-8").splitlines()
    for line in lines + [""]:
        if line.strip():
            parts = line.split("\t") if "\t" in line else line.split()
            tokens.append((parts[0], parts[-1]))
            continue
        if not tokens:
            continue
        text, spans, pos = [], [], 0
        open_start = open_end = None
        for tok, tag in tokens:
            start, end = pos, pos + len(tok)
            text.append(tok)
            pos = end + 1
            if tag.startswith("B-") or (tag.startswith("I-") and open_start is None):
                if open_start is not None:
                    spans.append((open_start, open_end))
                open_start, open_end = start, end
            elif tag.startswith("I-"):
                open_end = end
            else:
                if open_start is not None:
                    spans.append((open_start, open_end))
                open_start = None
        if open_start is not None:
            spans.append((open_start, open_end))
        out.append((" ".join(text), spans))
        tokens = []
    return out


def score(path) -> dict:
    """Exact-span precision, recall, F1 (labels ignored) of find_names on a CoNLL file."""
    from ..names import find_names

    sents = read_conll(path)
    found = find_names([t for t, _ in sents])
    pred = {(int(d), int(s), int(e)) for d, s, e in zip(found["doc_id"], found["start"], found["end"])}
    gold = {(i, s, e) for i, (_, spans) in enumerate(sents) for s, e in spans}
    tp = len(pred & gold)
    p = tp / len(pred) if pred else 0.0
    r = tp / len(gold) if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"sentences": len(sents), "gold": len(gold), "predicted": len(pred), "correct": tp,
            "precision": p, "recall": r, "f1": f, "_sents": sents, "_pred": pred, "_gold": gold}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="python -m corpus_tools.evaluate names", description=__doc__.splitlines()[0])
    ap.add_argument("file", nargs="?", default=str(data_dir() / "dane-dev" / "da_ddt-ud-ner-dev.conll"))
    ap.add_argument("--errors", type=int, default=0, help="print this many false positives and negatives")
    args = ap.parse_args(argv)
    res = score(args.file)
    print(f"file: {args.file}")
    print(f"sentences: {res['sentences']}  gold spans: {res['gold']}  predicted: {res['predicted']}  "
          f"correct: {res['correct']}")
    print(f"names exact-span precision: {res['precision']:.3f}  recall: {res['recall']:.3f}  F1: {res['f1']:.3f}")
    if args.errors:
        sents = res["_sents"]
        fp = sorted(res["_pred"] - res["_gold"])[: args.errors]
        fn = sorted(res["_gold"] - res["_pred"])[: args.errors]
        for label, items in (("false positive", fp), ("false negative", fn)):
            for d, s, e in items:
                print(f"{label}: {sents[d][0][s:e]!r}  in  {sents[d][0][max(0, s - 40):e + 40]!r}")
    return 0
