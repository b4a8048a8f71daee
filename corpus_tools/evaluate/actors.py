"""Actor mentions against hand labels: ``python -m corpus_tools.evaluate actors [--data FILE] [--errors]``.

Reads a labelled JSON Lines file (default: ``tests/data/actors/unseen.jsonl``; its
``CONVENTIONS.md`` says how it was written and labelled), runs
:func:`corpus_tools.actor_mentions` over its texts (one document a text) and prints:

- exact-span precision, recall and F1 over all labelled mentions: a predicted mention
  counts only if its start and end both equal a labelled one's;
- the same restricted to the actors that the gazetteer knows (``known``): recall there
  measures the forms and the matching, recall over all measures coverage too;
- for the matched mentions: actor accuracy (the same ``actor_id``), type accuracy and
  form accuracy (a ``compound`` mention, ``FN`` in ``FN-styrker``, counts as right
  when the label is ``name`` or ``alias``);
- recall by actor type and by form, and the labelled actors the gazetteer does not know.

The labels name countries by ISO 3166-1 alpha-2 code (``RU``: ``country:RU``) and other
actors by an English name; ``ids.csv`` beside the data maps those names to the
gazetteer's ``actor_id`` (empty: not in the gazetteer). The mapping only translates
names: a label is never changed to fit the program.
"""

from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path

from . import data_dir, print_errors, read_jsonl, set_parser

__all__ = ["load_labelled", "evaluate", "main"]


def default_path() -> Path:
    return data_dir() / "actors" / "unseen.jsonl"


def load_labelled(path=None) -> tuple[list[dict], dict[str, str]]:
    """The labelled texts and the label-to-``actor_id`` map (``ids.csv`` beside them)."""
    path = Path(path) if path is not None else default_path()
    rows = read_jsonl(path)
    ids: dict[str, str] = {}
    mapping = path.with_name("ids.csv")
    if mapping.exists():
        with open(mapping, encoding="utf-8", newline="") as fh:
            for rec in csv.DictReader(line for line in fh if not line.startswith("#")):
                ids[rec["label"]] = rec["actor_id"] or ""
    return rows, ids


def _actor_id(label: str, type_: str, ids: dict[str, str]) -> str:
    if label in ids:
        return ids[label]
    if type_ == "country" and len(label) == 2 and label.isupper():
        return f"country:{label}"
    return ""


def _safe(n: int, d: int) -> float:
    return n / d if d else float("nan")


def evaluate(rows: list[dict], ids: dict[str, str]) -> tuple[dict, list[str]]:
    """Scores and a list of every disagreement (see the module's docstring)."""
    from ..actors import actor_mentions, load_gazetteer

    known_ids = set(load_gazetteer()["actor_id"])
    found = actor_mentions([r["text"] for r in rows], sentence_ids=False)
    by_doc: dict[int, dict[tuple[int, int], dict]] = {}
    for rec in found.to_dict("records"):
        by_doc.setdefault(int(rec["doc_id"]), {})[(int(rec["start"]), int(rec["end"]))] = rec
    tp = n_gold = n_pred = 0
    tp_known = n_known = 0
    right = Counter()
    per_type, per_form = Counter(), Counter()
    per_type_hit, per_form_hit = Counter(), Counter()
    unknown = Counter()
    errors = []
    for i, r in enumerate(rows):
        pred = dict(by_doc.get(i, {}))
        n_pred += len(pred)
        for g in r["mentions"]:
            n_gold += 1
            want = _actor_id(g["actor"], g["type"], ids)
            known = want in known_ids
            n_known += known
            per_type[g["type"]] += 1
            per_form[g["form"]] += 1
            if not known:
                unknown[(g["actor"], g["type"])] += 1
            p = pred.pop((g["start"], g["end"]), None)
            if p is None:
                why = "" if known else " (not in the gazetteer)"
                errors.append(f"{r['id']}: missed {g['surface']!r} {g['actor']} {g['form']}{why}")
                continue
            tp += 1
            tp_known += known
            per_type_hit[g["type"]] += 1
            per_form_hit[g["form"]] += 1
            form_ok = p["form"] == g["form"] or (p["form"] == "compound" and g["form"] in ("name", "alias"))
            checks = {"actor": p["actor_id"] == want, "type": p["actor_type"] == g["type"], "form": form_ok}
            for name, ok in checks.items():
                right[name] += ok
            if not checks["actor"]:
                errors.append(f"{r['id']}: {g['surface']!r} actor: gold {want or g['actor']!r}, got {p['actor_id']!r}")
            if not checks["form"]:
                errors.append(f"{r['id']}: {g['surface']!r} form: gold {g['form']!r}, got {p['form']!r}")
        for (start, end), p in sorted(pred.items()):
            errors.append(f"{r['id']}: spurious {p['surface']!r} at {start} ({p['actor_id']}, {p['form']})")
    precision, recall = _safe(tp, n_pred), _safe(tp, n_gold)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    scores = {
        "texts": len(rows), "gold mentions": n_gold, "predicted mentions": n_pred,
        "span precision": precision, "span recall": recall, "span F1": f1,
        "known mentions": n_known, "recall, known actors": _safe(tp_known, n_known),
        "actor accuracy": _safe(right["actor"], tp), "type accuracy": _safe(right["type"], tp),
        "form accuracy": _safe(right["form"], tp),
        "recall by type": {k: (per_type_hit[k], n) for k, n in sorted(per_type.items())},
        "recall by form": {k: (per_form_hit[k], n) for k, n in sorted(per_form.items())},
        "unknown actors": sorted(unknown.items(), key=lambda kv: (-kv[1], kv[0])),
    }
    return scores, errors


def main(argv=None) -> int:
    ap = set_parser("actors", __doc__, "actors/unseen.jsonl")
    args = ap.parse_args(argv)
    rows, ids = load_labelled(args.data)
    scores, errors = evaluate(rows, ids)
    print(f"actor mentions: {scores['texts']} texts, {scores['gold mentions']} labelled mentions "
          f"({scores['known mentions']} of actors in the gazetteer), {scores['predicted mentions']} predicted")
    for name in ("span precision", "span recall", "span F1", "recall, known actors",
                 "actor accuracy", "type accuracy", "form accuracy"):
        print(f"  {name:<22} {scores[name]:.3f}")
    for what in ("type", "form"):
        parts = ", ".join(f"{k} {hit}/{n}" for k, (hit, n) in scores[f"recall by {what}"].items())
        print(f"  recall by {what}: {parts}")
    unknown = scores["unknown actors"]
    if unknown:
        shown = unknown if args.errors else unknown[:12]
        parts = ", ".join(f"{a} ({t}) {n}" for (a, t), n in shown)
        more = "" if len(shown) == len(unknown) else ", ... (--errors lists all)"
        print(f"  not in the gazetteer: {len(unknown)} actors, {sum(n for _, n in unknown)} mentions: {parts}{more}")
    if args.errors:
        print_errors(errors)
    return 0
