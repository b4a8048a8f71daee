"""``python -m corpus_tools.evaluate figures``: extract_figures against hand labels.

The labelled set is ``tests/data/figures/labelled.jsonl`` (real sentences from UD
Danish DDT dev and the seed, labelled by hand; conventions in ``CONVENTIONS.md``
beside it). Printed:

- span precision, recall and F1: exact (start, end) matches, figures and non-figures;
- on the matched spans: value, category, hedge, unit, modality and is_figure
  accuracy, and attribution accuracy where the label names one;
- the share of labelled non-figures (years, dates, clock times, ordinals, scores,
  identifiers) that the extractor calls a figure (any overlapping span).

``--errors`` lists every mismatch, for reading, not for tuning against.
``--speed MB`` also times extract_figures against scikit-learn's CountVectorizer
(fit_transform) on the same articles (DDT dev sentences sampled into articles in the
seed's format), best of three runs each, and prints MB/s and the ratio.
"""

from __future__ import annotations

import math
from pathlib import Path

from . import data_dir, print_errors, read_jsonl, set_parser

TARGETS = {
    "span F1": (0.90, ">="),
    "value accuracy": (0.97, ">="),
    "category accuracy": (0.85, ">="),
    "hedge accuracy": (0.95, ">="),
    "non-figures called figures": (0.05, "<="),
}


def load_labelled(path: Path | None = None) -> list[dict]:
    path = path or data_dir() / "figures" / "labelled.jsonl"
    return read_jsonl(path)


def _same_value(a, b) -> bool:
    a_none = a is None or (isinstance(a, float) and math.isnan(a))
    b_none = b is None or (isinstance(b, float) and math.isnan(b))
    if a_none or b_none:
        return a_none and b_none
    return math.isclose(float(a), float(b), rel_tol=1e-9, abs_tol=1e-9)


def evaluate(rows: list[dict]) -> tuple[dict, list[str]]:
    """Scores (name -> float) and a list of readable mismatches."""
    from ..figures import extract_figures

    pred = extract_figures([r["text"] for r in rows])
    pred = pred.astype(object).where(pred.notna(), None)
    by_doc = {i: g.to_dict("records") for i, g in pred.groupby("doc_id")}
    tp = n_gold = n_pred = 0
    counts = {k: [0, 0] for k in ("value", "category", "hedge", "unit", "modality", "is_figure", "attribution")}
    nonfig = [0, 0]
    errors = []
    for i, r in enumerate(rows):
        gold = r["figures"]
        sys = by_doc.get(i, [])
        n_gold += len(gold)
        n_pred += len(sys)
        sys_spans = {(p["start"], p["end"]): p for p in sys}
        gold_spans = {(g["start"], g["end"]) for g in gold}
        for g in gold:
            p = sys_spans.get((g["start"], g["end"]))
            if not g["is_figure"]:
                nonfig[1] += 1
                overlapping = [q for q in sys if q["start"] < g["end"] and g["start"] < q["end"]]
                if any(q["is_figure"] for q in overlapping):
                    nonfig[0] += 1
                    errors.append(f"{r['id']}: non-figure {g['surface']!r} called a figure")
            if p is None:
                errors.append(f"{r['id']}: missed {g['surface']!r} ({g['category']})  | {r['text'][:90]}")
                continue
            tp += 1
            checks = {
                "value": _same_value(g["value"], p["value"]),
                "category": g["category"] == p["category"],
                "hedge": g["hedge"] == p["hedge"],
                "modality": g.get("modality", "fact") == p["modality"],
                "is_figure": g["is_figure"] == p["is_figure"],
            }
            if g["is_figure"] and g.get("unit"):
                checks["unit"] = g["unit"] == p["unit"]
            if "attribution" in g:
                checks["attribution"] = g["attribution"] == p["attribution"]
            for name, ok in checks.items():
                counts[name][1] += 1
                counts[name][0] += ok
                if not ok:
                    gv = g["value"] if name == "value" else g.get(name)
                    errors.append(f"{r['id']}: {g['surface']!r} {name}: gold {gv!r}, got {p[name]!r}")
        for p in sys:
            if (p["start"], p["end"]) not in gold_spans:
                errors.append(f"{r['id']}: spurious {p['surface']!r} ({p['category']}, {p['kind']})  | {r['text'][:90]}")
    precision = tp / n_pred if n_pred else 0.0
    recall = tp / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    scores = {
        "sentences": len(rows),
        "gold spans": n_gold,
        "predicted spans": n_pred,
        "span precision": precision,
        "span recall": recall,
        "span F1": f1,
    }
    for name, (ok, n) in counts.items():
        scores[f"{name} accuracy"] = ok / n if n else float("nan")
        scores[f"{name} n"] = n
    scores["non-figures called figures"] = nonfig[0] / nonfig[1] if nonfig[1] else 0.0
    scores["non-figures n"] = nonfig[1]
    return scores, errors


def _speed(megabytes: float) -> None:
    import random
    import time

    from ..figures import extract_figures

    conllu = data_dir() / "ud-danish-ddt" / "da_ddt-ud-dev.conllu"
    sents = [ln[len("# text = "):].strip() for ln in conllu.read_text(encoding="utf-8").splitlines()
             if ln.startswith("# text = ")]
    rng = random.Random(0)
    docs, size = [], 0
    while size < megabytes * 1e6:
        paras = [" ".join(rng.sample(sents, rng.randint(1, 3))) for _ in range(rng.randint(4, 10))]
        doc = " date 2018-06 " + "\n\n".join(paras) + "\n\n/ritzau/"
        docs.append(doc)
        size += len(doc.encode("utf-8"))
    try:
        from sklearn.feature_extraction.text import CountVectorizer
    except ImportError:  # pragma: no cover - bench extra
        CountVectorizer = None
    best = {"extract_figures": float("inf"), "CountVectorizer": float("inf")}
    extract_figures(docs[:20])  # warm caches (lexicon, lemmas)
    for _ in range(3):
        t = time.perf_counter()
        rows = len(extract_figures(docs))
        best["extract_figures"] = min(best["extract_figures"], time.perf_counter() - t)
        if CountVectorizer is not None:
            t = time.perf_counter()
            CountVectorizer().fit_transform(docs)
            best["CountVectorizer"] = min(best["CountVectorizer"], time.perf_counter() - t)
    mb = size / 1e6
    print(f"\nspeed on {mb:.1f} MB ({len(docs)} articles, {rows} rows), best of 3, single process:")
    for name, sec in best.items():
        if sec != float("inf"):
            print(f"  {name:<28} {mb / sec:6.1f} MB/s")
    if best["CountVectorizer"] != float("inf"):
        print(f"  extract_figures / CountVectorizer throughput: {best['CountVectorizer'] / best['extract_figures']:.2f}x (target >= 2x)")


def main(argv=None) -> int:
    ap = set_parser("figures", __doc__, "figures/labelled.jsonl")
    ap.add_argument("--speed", type=float, default=None, metavar="MB", help="also time it on MB megabytes of text")
    args = ap.parse_args(argv)
    rows = load_labelled(args.data)
    scores, errors = evaluate(rows)
    print(f"figures: {scores['sentences']} sentences, {scores['gold spans']} labelled spans "
          f"({scores['non-figures n']} non-figures), {scores['predicted spans']} predicted")
    for name in ("span precision", "span recall", "span F1"):
        print(f"  {name:<28} {scores[name]:.3f}{_target(name, scores[name])}")
    for name in ("value", "category", "hedge", "unit", "modality", "is_figure", "attribution"):
        key = f"{name} accuracy"
        print(f"  {key:<28} {scores[key]:.3f}  (n={scores[name + ' n']}){_target(key, scores[key])}")
    key = "non-figures called figures"
    print(f"  {key:<28} {scores[key]:.3f}  (n={scores['non-figures n']}){_target(key, scores[key])}")
    met = all(_met(k, scores[k]) for k in TARGETS)
    print("all targets met" if met else "targets NOT all met")
    if args.errors:
        print_errors(errors)
    if args.speed:
        _speed(args.speed)
    return 0


def _met(name, value) -> bool:
    target, op = TARGETS[name]
    return value >= target if op == ">=" else value <= target


def _target(name, value) -> str:
    if name not in TARGETS:
        return ""
    target, op = TARGETS[name]
    return f"  (target {op} {target:.2f}: {'met' if _met(name, value) else 'NOT met'})"
