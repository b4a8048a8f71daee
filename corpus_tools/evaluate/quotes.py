"""``python -m corpus_tools.evaluate quotes``: quotes() against hand-labelled news text.

The labelled set is ``tests/data/quotes/labelled.jsonl``: short Danish news paragraphs
written by hand for the project (not taken from any corpus), one JSON object a line
with ``id``, ``domain``, ``text`` and ``quotes`` (each ``quote``, ``speaker``,
``role``, ``kind``); the labelling conventions are in ``CONVENTIONS.md`` beside it.
Printed:

- quote span precision, recall and F1: a predicted quote matches a gold one of the
  same text when their quote texts are equal after stripping spaces and punctuation
  at both ends (one-to-one, in text order);
- on the matched quotes: speaker accuracy (exact name; None must match None), role
  accuracy (exact, first letter's case ignored; None must match None) and kind
  accuracy (quote / dash / scare).

``--errors`` lists every mismatch, for reading, not for tuning against.
"""

from __future__ import annotations

import string
import warnings
from pathlib import Path

from . import data_dir, print_errors, read_jsonl, set_parser

_STRIP = string.whitespace + string.punctuation + "»«„“”’‘–—…"


def load_labelled(path: Path | None = None) -> list[dict]:
    path = path or data_dir() / "quotes" / "labelled.jsonl"
    return read_jsonl(path)


def _norm(s) -> str:
    return " ".join(str(s).split()).strip(_STRIP)


def _opt(v):
    return v if isinstance(v, str) and v.strip() else None


def _same_role(a, b) -> bool:
    if a is None or b is None:
        return a is None and b is None
    a, b = " ".join(a.split()), " ".join(b.split())
    return a[:1].lower() + a[1:] == b[:1].lower() + b[1:]


def evaluate(rows: list[dict]) -> tuple[dict, list[str]]:
    """Scores (name -> float) and a list of readable mismatches."""
    from ..quoting import quotes

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        pred = quotes([r["text"] for r in rows])
    by_doc = {i: g.to_dict("records") for i, g in pred.groupby("doc_id")}
    tp = n_gold = n_pred = 0
    counts = {k: [0, 0] for k in ("speaker", "role", "kind")}
    errors = []
    for i, r in enumerate(rows):
        gold = r["quotes"]
        sys = list(by_doc.get(i, []))
        n_gold += len(gold)
        n_pred += len(sys)
        unused = list(range(len(sys)))
        for g in gold:
            key = _norm(g["quote"])
            j = next((k for k in unused if _norm(sys[k]["quote"]) == key), None)
            if j is None:
                errors.append(f"{r['id']}: missed {g['quote']!r} ({g['kind']})")
                continue
            unused.remove(j)
            p = sys[j]
            tp += 1
            checks = {
                "speaker": _opt(g["speaker"]) == _opt(p["speaker"]),
                "role": _same_role(_opt(g["role"]), _opt(p["speaker_role"])),
                "kind": g["kind"] == p["kind"],
            }
            got = {"speaker": _opt(p["speaker"]), "role": _opt(p["speaker_role"]), "kind": p["kind"]}
            for name, ok in checks.items():
                counts[name][1] += 1
                counts[name][0] += ok
                if not ok:
                    want = g["role"] if name == "role" else g[name]
                    errors.append(f"{r['id']}: {g['quote'][:40]!r} {name}: gold {want!r}, got {got[name]!r}")
        for k in unused:
            errors.append(f"{r['id']}: spurious {sys[k]['quote']!r} ({sys[k]['kind']})")
    precision = tp / n_pred if n_pred else 0.0
    recall = tp / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    scores = {"texts": len(rows), "gold quotes": n_gold, "predicted quotes": n_pred,
              "span precision": precision, "span recall": recall, "span F1": f1}
    for name, (ok, n) in counts.items():
        scores[f"{name} accuracy"] = ok / n if n else float("nan")
        scores[f"{name} n"] = n
    return scores, errors


def main(argv=None) -> int:
    ap = set_parser("quotes", __doc__, "quotes/labelled.jsonl")
    args = ap.parse_args(argv)
    rows = load_labelled(args.data)
    scores, errors = evaluate(rows)
    print(f"quotes: {scores['texts']} texts, {scores['gold quotes']} labelled quotes, "
          f"{scores['predicted quotes']} predicted")
    for name in ("span precision", "span recall", "span F1"):
        print(f"  {name:<22} {scores[name]:.3f}")
    for name in ("speaker", "role", "kind"):
        key = f"{name} accuracy"
        print(f"  {key:<22} {scores[key]:.3f}  (n={scores[name + ' n']}, matched quotes)")
    if args.errors:
        print_errors(errors)
    return 0
