"""Tokens, sentence boundaries and lemmas against UD Danish DDT (dev split).

``python -m corpus_tools.evaluate text [--conllu PATH] [--errors N]`` prints:

- **token F1**: every sentence's raw ``# text`` is tokenised with
  :func:`corpus_tools.text.tokenize`; a token counts as correct when its character
  span equals the span of a gold token (the gold forms aligned to the raw text).
- **sentence-boundary F1**: all raw sentences are joined with one space into one
  text (no paragraph breaks to help), split with :func:`corpus_tools.text.sentences`,
  and the predicted sentence ends are compared with the gold ends. The end of the
  whole text is not counted (it is always right).
- **lemma accuracy**: the gold tokens are lemmatised with
  :func:`corpus_tools.text.lemmatize` (no context, as in use) and compared with the
  gold lemma, ignoring case. Reported over all tokens and over words only (tokens
  whose gold part of speech is not PUNCT/SYM/NUM), which is the harder figure.

The gold data are in the repository's ``tests/data/ud-danish-ddt/`` (CC BY-SA 4.0).

``--sentences PATH`` scores sentence boundaries on a JSON Lines set instead (one
object per line: ``text`` and its ``sentences``, each an exact substring, in order;
e.g. ``tests/data/sentences/blind.jsonl``): the ends between the sentences of each
text, as above.
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path
from typing import NamedTuple

from ..errors import CorpusError
from . import data_dir, read_jsonl

__all__ = ["GoldSentence", "read_conllu", "token_scores", "sentence_scores", "lemma_scores", "evaluate",
           "read_sentence_set", "sentence_set_scores", "main"]

DEFAULT_CONLLU = ("ud-danish-ddt", "da_ddt-ud-dev.conllu")
_NON_WORDS = {"PUNCT", "SYM", "NUM"}


class GoldSentence(NamedTuple):
    text: str
    forms: list[str]
    lemmas: list[str]
    upos: list[str]


def read_conllu(path) -> list[GoldSentence]:
    """Sentences of a CoNLL-U file: raw text, token forms, lemmas, parts of speech."""
    path = Path(path)
    out: list[GoldSentence] = []
    text, forms, lemmas, upos = None, [], [], []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise CorpusError(f"cannot read gold file: {exc}", path=str(path)) from exc
    for lineno, line in enumerate(lines + [""], 1):
        if line.startswith("# text = "):
            text = line[len("# text = "):]
        elif line.startswith("#"):
            continue
        elif not line.strip():
            if forms:
                if text is None:
                    raise CorpusError("sentence without a '# text = ' line", path=str(path), line=lineno)
                out.append(GoldSentence(text, forms, lemmas, upos))
            text, forms, lemmas, upos = None, [], [], []
        else:
            cols = line.split("\t")
            if len(cols) != 10:
                raise CorpusError(f"expected 10 tab-separated columns, found {len(cols)}", path=str(path), line=lineno)
            if "-" in cols[0] or "." in cols[0]:
                continue  # multiword ranges and empty nodes carry no surface token of their own
            forms.append(cols[1])
            lemmas.append(cols[2])
            upos.append(cols[3])
    return out


def _gold_spans(sent: GoldSentence) -> list[tuple[int, int]]:
    spans, pos = [], 0
    for form in sent.forms:
        start = sent.text.find(form, pos)
        if start < 0:
            raise CorpusError(f"gold token {form!r} not found in sentence text {sent.text!r}")
        spans.append((start, start + len(form)))
        pos = start + len(form)
    return spans


def _f1(tp: int, n_pred: int, n_gold: int) -> dict:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0, "gold": n_gold, "predicted": n_pred}


def token_scores(gold: list[GoldSentence], errors: list | None = None) -> dict:
    """Precision, recall and F1 of token spans, summed over all sentences."""
    from ..text import tokenize

    tp = n_pred = n_gold = 0
    for sent in gold:
        g = set(_gold_spans(sent))
        p = {(t.start, t.end) for t in tokenize(sent.text)}
        tp += len(g & p)
        n_pred += len(p)
        n_gold += len(g)
        if errors is not None and g != p:
            errors.append((sent.text, sorted(sent.text[a:b] for a, b in p - g), sorted(sent.text[a:b] for a, b in g - p)))
    return _f1(tp, n_pred, n_gold)


def sentence_scores(gold: list[GoldSentence], errors: list | None = None) -> dict:
    """Precision, recall and F1 of sentence ends in the gold sentences joined by spaces."""
    from ..text import sentences

    text = " ".join(s.text for s in gold)
    ends, pos = set(), 0
    for s in gold:
        pos += len(s.text)
        ends.add(pos)
        pos += 1
    ends.discard(len(text))
    pred = {s.end for s in sentences(text)}
    pred.discard(len(text))
    if errors is not None:
        _boundary_errors(text, pred, ends, errors)
    return _f1(len(pred & ends), len(pred), len(ends))


def _boundary_errors(text: str, pred: set, gold: set, errors: list) -> None:
    """The false and the missed sentence ends, each with the text around it."""
    for kind, ends in (("false boundary", pred - gold), ("missed boundary", gold - pred)):
        for e in sorted(ends):
            errors.append((kind, text[max(0, e - 40):e] + " | " + text[e:e + 30]))


def read_sentence_set(path) -> list[tuple[str, list[tuple[int, int]]]]:
    """``(text, sentence spans)`` of each line of a JSON Lines sentence set; every label
    must be an exact substring, in order, and together they must cover the text's
    non-space characters (a CorpusError names the file and the line otherwise)."""
    out = []
    for lineno, item in read_jsonl(path, line_numbers=True):
        try:
            text, labels = item["text"], item["sentences"]
        except (KeyError, TypeError) as exc:
            raise CorpusError(f"not an object with 'text' and 'sentences': {exc}", path=str(path), line=lineno) from exc
        spans, pos = [], 0
        for label in labels:
            at = text.find(label, pos) if label else -1
            if at < 0 or text[pos:at].strip():
                raise CorpusError(f"sentence {label!r} is not the next part of the text", path=str(path), line=lineno)
            spans.append((at, at + len(label)))
            pos = at + len(label)
        if text[pos:].strip():
            raise CorpusError(f"the sentences leave {text[pos:].strip()[:40]!r} out", path=str(path), line=lineno)
        out.append((text, spans))
    return out


def sentence_set_scores(items, errors: list | None = None) -> dict:
    """Precision, recall and F1 of the ends between the sentences of each text."""
    from ..text import sentences

    tp = n_pred = n_gold = 0
    for text, spans in items:
        gold = {b for _a, b in spans[:-1]}
        pred = {s.end for s in sentences(text)[:-1]}
        tp += len(gold & pred)
        n_pred += len(pred)
        n_gold += len(gold)
        if errors is not None:
            _boundary_errors(text, pred, gold, errors)
    return _f1(tp, n_pred, n_gold)


def lemma_scores(gold: list[GoldSentence], errors: Counter | None = None) -> dict:
    """Share of gold tokens whose lemma we get right (case ignored): all tokens and words only."""
    from ..text import lemmatize

    right = total = right_w = total_w = 0
    for sent in gold:
        pred = lemmatize(sent.forms)
        for form, g, p, pos in zip(sent.forms, sent.lemmas, pred, sent.upos):
            ok = p.lower() == g.lower()
            right += ok
            total += 1
            if pos not in _NON_WORDS:
                right_w += ok
                total_w += 1
            if errors is not None and not ok:
                errors[(form, p, g, pos)] += 1
    return {"accuracy": right / total, "accuracy_words": right_w / total_w, "tokens": total, "words": total_w}


def evaluate(path=None) -> dict:
    """All three scores as a dict: ``{"tokens": {...}, "sentences": {...}, "lemmas": {...}}``."""
    gold = read_conllu(path or data_dir().joinpath(*DEFAULT_CONLLU))
    return {"tokens": token_scores(gold), "sentences": sentence_scores(gold), "lemmas": lemma_scores(gold)}


def _print_sentences(s: dict) -> None:
    print(f"sentence-boundary F1  {s['f1']:.4f}  (precision {s['precision']:.4f}, recall {s['recall']:.4f}, {s['gold']} boundaries)")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="python -m corpus_tools.evaluate text", description=__doc__.split("\n")[0])
    ap.add_argument("--conllu", default=None, help="a CoNLL-U file (default: UD DDT dev in tests/data)")
    ap.add_argument("--errors", type=int, default=0, metavar="N", help="also print up to N errors of each kind")
    ap.add_argument("--sentences", default=None, metavar="PATH",
                    help="score sentence boundaries on a JSON Lines set of texts and their sentences instead")
    args = ap.parse_args(argv)
    if args.sentences:
        items = read_sentence_set(args.sentences)
        errs: list = []
        s = sentence_set_scores(items, errs)
        print(f"gold: {Path(args.sentences).name}, {len(items)} texts, {sum(len(sp) for _t, sp in items)} sentences")
        _print_sentences(s)
        for e in errs[: args.errors]:
            print(" ", e)
        return 0
    path = Path(args.conllu) if args.conllu else data_dir().joinpath(*DEFAULT_CONLLU)
    gold = read_conllu(path)
    tok_err: list = []
    sent_err: list = []
    lem_err: Counter = Counter()
    t = token_scores(gold, tok_err)
    s = sentence_scores(gold, sent_err)
    lem = lemma_scores(gold, lem_err)
    print(f"gold: {path.name}, {len(gold)} sentences, {t['gold']} tokens")
    print(f"token F1              {t['f1']:.4f}  (precision {t['precision']:.4f}, recall {t['recall']:.4f})")
    _print_sentences(s)
    print(f"lemma accuracy        {lem['accuracy']:.4f}  all {lem['tokens']} tokens")
    print(f"lemma accuracy        {lem['accuracy_words']:.4f}  {lem['words']} words (no PUNCT/SYM/NUM)")
    if args.errors:
        print("\n# token errors (sentence, predicted-only, gold-only)")
        for e in tok_err[: args.errors]:
            print(" ", e)
        print("\n# sentence errors")
        for e in sent_err[: args.errors]:
            print(" ", e)
        print("\n# lemma errors (form, predicted, gold, upos): count")
        for (form, p, g, pos), c in sorted(lem_err.items(), key=lambda kv: (-kv[1], kv[0]))[: args.errors]:
            print(f"  {form!r} -> {p!r}, gold {g!r} {pos}: {c}")
    return 0
