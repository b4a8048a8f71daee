"""Word statistics as tidy DataFrames: frequencies, n-grams, collocations, keyness, LIX, concordance.

Every function takes a corpus DataFrame (from :func:`corpus_tools.load_corpus`), one
string, or an iterable of strings (numbered 0, 1, 2, ...), and returns a pandas
DataFrame with documented columns. Ties are sorted explicitly (count descending,
then term), so the same input always gives the same table.

Counting is one pass per document (:func:`doc_stats`) plus a cheap merge (sums of
counters), so a corpus can stream through in batches with flat memory, or be spread
over processes (``n_jobs=2``), with the same per-document function. The hot
path caches the tokens of each whitespace-separated chunk, so that per token only
dictionary look-ups and Counter updates run, in C. :func:`corpus_pass`, the pass for
large corpora, goes further: it turns a whole batch of articles into an array of chunk
ids and computes every count with numpy (see the comment above it); it is tested to
give exactly what :func:`word_frequencies` and :func:`readability` give.

Units: ``count`` is occurrences; ``rate_per_1000`` is occurrences per 1,000 word
tokens of the group (stop words included in the denominator, punctuation not);
``n_docs`` is the number of articles that contain the term.

>>> word_frequencies(["Rusland og Syrien.", "Rusland støtter Syrien, siger FN."]).head(3)
      term  count  rate_per_1000  n_docs
0  rusland      2          250.0       2
1   syrien      2          250.0       2
2       fn      1          125.0       1
"""

from __future__ import annotations

import itertools
import math
import os
import re
from array import array
from collections import Counter
from functools import partial
from itertools import repeat
from operator import itemgetter, mul, or_

try:  # the C helper behind Counter.update(iterable)
    from collections import _count_elements
except ImportError:  # pragma: no cover - other Pythons

    def _count_elements(mapping, iterable):
        mapping.update(iterable)
from typing import Iterable, NamedTuple

import numpy as np
import pandas as pd

from ._docs import iter_docs
from ._parallel import batches as _batches
from ._parallel import run_batches as _run
from .errors import CorpusError
from .text import PARAGRAPH, WORD_RE, _STARTER_RE, _STARTERS, _chunk_can_end, abbreviations, _chunks, _sentence_count, _starts_sentence, lemma, sentences, words
from .text import stopwords as _stopword_list

__all__ = [
    "DocStats",
    "doc_stats",
    "word_frequencies",
    "ngrams",
    "collocations",
    "keyness",
    "readability",
    "lix",
    "lix_band",
    "LIX_BANDS",
    "concordance",
    "corpus_pass",
]

# --------------------------------------------------------------------------- per document


class DocStats(NamedTuple):
    """Counts of one document (see :func:`doc_stats`); documents combine by summing them."""

    counts: dict  # term -> occurrences (terms after stop-word removal / lemmatisation)
    n_words: int  # word tokens (numbers included, punctuation not), before stop-word removal
    n_long: int  # word tokens with more than six letters (LIX's long words)
    n_sentences: int  # sentences, as corpus_tools.text.sentences splits them


# The counting works on whitespace-separated chunks. Tokens never span whitespace and
# no tokenizer rule looks past it (see text.tokenize), so a chunk's word tokens can be
# cached: caching per chunk gives exactly the tokens of WORD_RE.findall(text), and the
# per-token work becomes dictionary look-ups and Counter updates that run in C.
# chunk -> (word tokens << 32) | long words (more than six letters): one sum gives both
_NWL: dict[str, int] = {}
_SHIFT = 32
_MASK = (1 << _SHIFT) - 1
# (lemmas, stop words) -> chunk -> its term ("" when it has none or all are dropped),
# or a tuple of terms for the rare chunk with several word tokens ("x/y", "Syrien.Rusland")
_TERMS: dict[tuple, dict[str, object]] = {}
_MULTI: dict[tuple, set] = {}  # (lemmas, stop words) -> the tuples used as terms
_CACHE_MAX = 1_000_000  # chunks; all caches are emptied together when full: memory stays bounded
_LONG = 6  # LIX: a long word has more than six letters


def _n_letters(word: str) -> int:
    return sum(map(str.isalpha, word))


def _stop_set(stopwords) -> frozenset:
    if stopwords is True:
        return _stopword_list()
    if stopwords is False or stopwords is None:
        return frozenset()
    if isinstance(stopwords, str):
        raise CorpusError("stopwords= takes True, False or a collection of words, not one string")
    return frozenset(w.lower() for w in stopwords)


def _config(lemmas: bool, stop: frozenset) -> tuple:
    key = (bool(lemmas), stop)
    if key not in _TERMS:
        if len(_TERMS) > 16:
            _TERMS.clear()
            _MULTI.clear()
        _TERMS[key] = {}
        _MULTI[key] = set()
    return key


def _term(word: str, lemmas: bool, stop: frozenset) -> str | None:
    low = word.lower()
    if low in stop:
        return None
    if lemmas:
        lem = lemma(word).lower()
        return None if lem in stop else lem
    return low


def _fill(chunks, key: tuple) -> None:
    """Add the chunks that the caches do not know yet."""
    lemmas, stop = key
    tm = _TERMS[key]
    if len(_NWL) > _CACHE_MAX:
        _NWL.clear()
        for d in _TERMS.values():
            d.clear()
    missing = set(chunks).difference(tm)
    for chunk in missing:
        if chunk.isalpha():  # a plain word (most chunks): it is its own one token
            _NWL[chunk] = (1 << _SHIFT) | (len(chunk) > _LONG)
            t = _term(chunk, lemmas, stop)
            tm[chunk] = "" if t is None else t
            continue
        toks = WORD_RE.findall(chunk)
        _NWL[chunk] = (len(toks) << _SHIFT) | sum(_n_letters(t) > _LONG for t in toks)
        terms = [t for t in (_term(w, lemmas, stop) for w in toks) if t is not None]
        if len(terms) == 1:
            tm[chunk] = terms[0]
        elif not terms:
            tm[chunk] = ""
        else:
            tm[chunk] = tuple(terms)
            _MULTI[key].add(tm[chunk])


def _count(text: str, key: tuple) -> tuple[Counter, list, int, int]:
    """(term counts, the term of every chunk, word tokens, long words) of one text."""
    chunks = text.split()
    tm = _TERMS[key]
    try:
        terms = list(map(tm.__getitem__, chunks))
        packed = sum(map(_NWL.__getitem__, chunks))
    except KeyError:
        _fill(chunks, key)
        terms = list(map(tm.__getitem__, chunks))
        packed = sum(map(_NWL.__getitem__, chunks))
    n_words, n_long = packed >> _SHIFT, packed & _MASK
    counts = Counter(terms)
    counts.pop("", None)
    multi = _MULTI[key]
    if multi and not multi.isdisjoint(counts):
        _expand(counts, multi)
    return counts, terms, n_words, n_long


def _expand(counts: Counter, multi: set) -> None:
    """Replace the tuple keys of chunks with several terms by their terms; drop ""."""
    counts.pop("", None)
    for tup in multi.intersection(counts):
        n = counts.pop(tup)
        for t in tup:
            counts[t] += n


def doc_stats(text: str, *, lemmas: bool = False, stopwords=True) -> DocStats:
    """Count one document in one pass: term counts, word tokens, long words, sentences.

    The per-document unit of every statistic here: results of several documents
    combine by summing (``Counter`` for ``counts``, ``+`` for the numbers), which is
    what lets a corpus stream in batches or run in worker processes.

    ``stopwords``: True drops the Danish stop words (``corpus_tools.stopwords()``),
    False keeps every word, a collection of words drops those. ``lemmas=True`` counts
    lemmas (:func:`corpus_tools.text.lemma`) instead of lower-cased word forms; a
    token is dropped when its form or its lemma is a stop word.

    >>> d = doc_stats("Russerne var ikke parate. FN's udsending advarer.")
    >>> sorted(d.counts.items()), d.n_words, d.n_long, d.n_sentences
    ([('advarer', 1), ("fn's", 1), ('parate', 1), ('russerne', 1), ('udsending', 1)], 7, 3, 2)
    """
    key = _config(bool(lemmas), _stop_set(stopwords))
    counts, _terms, n_words, n_long = _count(text, key)
    return DocStats(counts, n_words, n_long, _sentence_count(text))


# --------------------------------------------------------------------------- grouping and workers


def _group_keys(data, by, progress=False):
    """Yield (group key, doc_id, text) for every document."""
    if by is None:
        for doc_id, text in iter_docs(data, progress=progress, desc="frequencies"):
            yield None, doc_id, text
        return
    if by == "doc":
        for doc_id, text in iter_docs(data, progress=progress, desc="frequencies"):
            yield doc_id, doc_id, text
        return
    if not isinstance(data, pd.DataFrame):
        raise CorpusError(f"by={by!r} needs a corpus DataFrame; strings can only be grouped by=None or by='doc'")
    if by == "month":
        if "date" not in data.columns:
            raise CorpusError("by='month' needs a 'date' column (load the corpus with load_corpus)")
        keys = [_month(d) for d in data["date"]]
    elif by in data.columns:
        keys = list(data[by])
    else:
        raise CorpusError(f"by={by!r} is not 'doc', 'month' or a column (columns: {', '.join(map(str, data.columns))})")
    for key, (doc_id, text) in zip(keys, iter_docs(data, progress=progress, desc="frequencies")):
        yield key, doc_id, text


def _month(value):
    if value is None or (not isinstance(value, pd.Period) and pd.isna(value)):
        return pd.NaT
    if isinstance(value, pd.Period):
        return value.asfreq("M") if value.freqstr not in ("Y", "A", "Y-DEC", "A-DEC") else pd.NaT
    try:
        return pd.Period(value, freq="M")
    except (ValueError, TypeError):
        return pd.NaT


def _freq_batch(args):
    """Worker: counts of a batch of (key, doc_id, text), merged per group key."""
    batch, lemmas, stop = args
    config = _config(lemmas, stop)
    out: dict = {}
    for key, _doc_id, text in batch:
        counts, terms, n_words, _n_long = _count(text, config)
        g = out.get(key)
        if g is None:
            g = out[key] = [Counter(), Counter(), 0, 0]
        g[0].update(terms)  # raw chunk terms, counted in C; "" and tuples are fixed below
        g[1].update(counts.keys())
        g[2] += n_words
        g[3] += 1
    for g in out.values():
        _expand(g[0], _MULTI[config])
    return out


def _stable_group_order(keys) -> list:
    def sort_key(k):
        missing = k is None or (not isinstance(k, str) and pd.isna(k))
        return (missing, str(type(k).__name__), k if not missing else 0)

    try:
        return sorted(keys, key=sort_key)
    except TypeError:
        return sorted(keys, key=lambda k: (str(type(k).__name__), str(k)))


def _group_column(by) -> str:
    return "doc_id" if by == "doc" else by


# --------------------------------------------------------------------------- frequencies


def word_frequencies(
    corpus,
    by=None,
    *,
    lemmas: bool = False,
    stopwords=True,
    min_count: int = 1,
    n_jobs: int = 1,
    batch_size: int = 1024,
    progress=None,
) -> pd.DataFrame:
    """How often each word occurs: one row per term (and group), most frequent first.

    Columns: ``term`` (lower case; a lemma when ``lemmas=True``), ``count``
    (occurrences), ``rate_per_1000`` (occurrences per 1,000 word tokens of the group,
    stop words included in that denominator, so rates compare across stop lists),
    ``n_docs`` (articles of the group that contain the term). With ``by`` a first
    column names the group: ``doc_id`` (``by="doc"``), ``month`` (``by="month"``, a
    pandas Period; articles without a date, or dated only by year, form a NaT
    group, sorted last) or the column named. Rows are sorted by group, then count descending, then term.

    ``stopwords=True`` REMOVES the Danish stop words; False keeps all; a collection
    removes those words instead. ``min_count`` drops rarer terms (per group).
    ``n_jobs=2`` counts batches of ``batch_size`` documents in two processes (this
    one and a worker; ``n_jobs=-1``: one per core); a generator of texts streams
    through with flat memory either way. ``progress``: a progress bar (tqdm); None
    shows one only for 5,000 or more articles in an interactive session.

    Invariant: with ``stopwords=False`` the counts sum to the number of word tokens,
    ``len(corpus_tools.words(text))``.

    >>> word_frequencies("Syrien, Syrien og Rusland.", stopwords=False)
          term  count  rate_per_1000  n_docs
    0   syrien      2          500.0       1
    1       og      1          250.0       1
    2  rusland      1          250.0       1
    """
    stop = _stop_set(stopwords)
    lemmas = bool(lemmas)
    groups: dict = {}
    jobs = ((batch, lemmas, stop) for batch in _batches(_group_keys(corpus, by, progress), batch_size, n_jobs))
    for part in _run(_freq_batch, jobs, n_jobs):
        for key, (c, df, nw, nd) in part.items():
            g = groups.get(key)
            if g is None:
                groups[key] = [c, df, nw, nd]
            else:
                g[0].update(c)
                g[1].update(df)
                g[2] += nw
                g[3] += nd
    rows = []
    for key in _stable_group_order(groups):
        counts, dfs, n_words, _ = groups[key]
        items = sorted(((t, n) for t, n in counts.items() if n >= min_count), key=lambda kv: (-kv[1], kv[0]))
        scale = 1000.0 / n_words if n_words else float("nan")
        rows.extend((key, t, n, n * scale, dfs[t]) for t, n in items)
    cols = ["term", "count", "rate_per_1000", "n_docs"]
    if by is None:
        return pd.DataFrame([r[1:] for r in rows], columns=cols).astype({"count": "int64", "n_docs": "int64"})
    out = pd.DataFrame(rows, columns=[_group_column(by), *cols]).astype({"count": "int64", "n_docs": "int64"})
    return out


# --------------------------------------------------------------------------- n-grams and collocations


def _sentence_words(text: str, lemmas: bool) -> Iterable[list[str]]:
    for s in sentences(text):
        ws = words(s.text, lower=False)
        yield [lemma(w).lower() for w in ws] if lemmas else [w.lower() for w in ws]


def ngrams(corpus, n: int = 2, *, lemmas: bool = False, stopwords=True, min_count: int = 1) -> pd.DataFrame:
    """Sequences of ``n`` consecutive words within a sentence, most frequent first.

    Columns: ``term`` (the words joined by one space), ``count``, ``rate_per_1000``
    (per 1,000 word tokens of the corpus), ``n_docs``. N-grams never cross a sentence
    boundary. ``stopwords=True`` drops n-grams that begin or end with a Danish stop
    word (``den frie`` goes, ``frie syriske`` stays; a stop word inside a longer
    n-gram stays); False keeps all; a collection drops those words at the edges.

    >>> ngrams("Den Frie Syriske Hær. Den Frie Syriske Hær er støttet af USA.", 2).head(2)
               term  count  rate_per_1000  n_docs
    0  frie syriske      2     166.666667       1
    1   syriske hær      2     166.666667       1
    """
    if not isinstance(n, int) or n < 1:
        raise CorpusError(f"n must be a whole number of words, at least 1 (got {n!r})")
    stop = _stop_set(stopwords)
    counts: Counter = Counter()
    dfs: Counter = Counter()
    n_words = 0
    for _doc_id, text in iter_docs(corpus):
        doc: Counter = Counter()
        for ws in _sentence_words(text, lemmas):
            n_words += len(ws)
            for i in range(len(ws) - n + 1):
                gram = ws[i : i + n]
                if gram[0] in stop or gram[-1] in stop:
                    continue
                doc[" ".join(gram)] += 1
        counts.update(doc)
        dfs.update(doc.keys())
    items = sorted(((t, c) for t, c in counts.items() if c >= min_count), key=lambda kv: (-kv[1], kv[0]))
    scale = 1000.0 / n_words if n_words else float("nan")
    return pd.DataFrame(
        [(t, c, c * scale, dfs[t]) for t, c in items], columns=["term", "count", "rate_per_1000", "n_docs"]
    ).astype({"count": "int64", "n_docs": "int64"})


def _xlogx_ratio(o: float, e: float) -> float:
    return o * math.log(o / e) if o > 0 else 0.0


def _g2_2x2(o11: float, o12: float, o21: float, o22: float) -> float:
    n = o11 + o12 + o21 + o22
    r1, r2, c1, c2 = o11 + o12, o21 + o22, o11 + o21, o12 + o22
    g = 0.0
    for o, r, c in ((o11, r1, c1), (o12, r1, c2), (o21, r2, c1), (o22, r2, c2)):
        if o > 0:
            g += o * math.log(o * n / (r * c))
    return 2.0 * g


def collocations(corpus, *, lemmas: bool = False, stopwords=True, min_count: int = 3) -> pd.DataFrame:
    """Pairs of adjacent words that occur together more often than chance.

    Columns: ``term`` ("word1 word2"), ``word1``, ``word2``, ``count`` (the pair),
    ``count_word1`` (bigrams starting with word1), ``count_word2`` (bigrams ending
    with word2), ``g2`` (Dunning's log-likelihood G² of the 2x2 table; higher means
    stronger evidence; 3.84 is p < 0.05, 10.83 is p < 0.001) and ``pmi`` (pointwise
    mutual information in bits, log2 of observed over expected; favours rare pairs,
    hence ``min_count``). Pairs never cross a sentence boundary. Marginals count all
    words; pairs with a stop word are then dropped (``stopwords=True``). Sorted by G²
    descending, then the pair.

    >>> text = "Bashar al-Assad taler. Bashar al-Assad svarer. Bashar al-Assad går. Han taler."
    >>> collocations(text, min_count=3)[["term", "count"]]
                  term  count
    0  bashar al-assad      3
    """
    stop = _stop_set(stopwords)
    pairs: Counter = Counter()
    for _doc_id, text in iter_docs(corpus):
        for ws in _sentence_words(text, lemmas):
            pairs.update(zip(ws, ws[1:]))
    n = sum(pairs.values())
    first: Counter = Counter()
    second: Counter = Counter()
    for (a, b), c in pairs.items():
        first[a] += c
        second[b] += c
    rows = []
    for (a, b), c in pairs.items():
        if c < min_count or a in stop or b in stop:
            continue
        r1, c1 = first[a], second[b]
        g2 = _g2_2x2(c, r1 - c, c1 - c, n - r1 - c1 + c)
        pmi = math.log2(c * n / (r1 * c1))
        rows.append((f"{a} {b}", a, b, c, r1, c1, g2, pmi))
    rows.sort(key=lambda r: (-r[6], r[0]))
    cols = ["term", "word1", "word2", "count", "count_word1", "count_word2", "g2", "pmi"]
    return pd.DataFrame(rows, columns=cols)


# --------------------------------------------------------------------------- keyness

#: nominal size (word tokens) of the "general Danish" reference built from wordfreq
GENERAL_DANISH_SIZE = 1_000_000_000
_GENERAL = {"general", "general danish", "wordfreq"}


def _totals(corpus, lemmas: bool, stop: frozenset) -> tuple[Counter, int]:
    config = _config(lemmas, stop)
    total: Counter = Counter()
    n_words = 0
    for _doc_id, text in iter_docs(corpus):
        _counts, terms, nw, _nl = _count(text, config)
        total.update(terms)
        n_words += nw
    _expand(total, _MULTI[config])
    return total, n_words


def keyness(target, reference="general", *, lemmas: bool = False, stopwords=True, min_count: int = 3) -> pd.DataFrame:
    """Words that are over- (or under-) used in ``target`` compared with ``reference``.

    ``reference`` is another corpus or subcorpus (DataFrame, strings; one string
    other than ``"general"`` is one document) or ``"general"``: general Danish, as wordfreq's Danish frequencies (``wordfreq.get_frequency_dict('da')``,
    shipped with wordfreq; no download), taken as a reference of
    ``GENERAL_DANISH_SIZE`` (10⁹) word tokens.

    Columns: ``term``, ``count_target``, ``count_reference`` (for general Danish the
    expected count, a float), ``rate_target`` and ``rate_reference`` (per 1,000 word
    tokens), ``g2`` (log-likelihood G², Rayson and Garside 2000; higher is more
    certain; 3.84 is p < 0.05, 15.13 is p < 0.0001) and ``log_ratio`` (Hardie 2014:
    log2 of the ratio of the relative frequencies, 0.5 added to a zero count;
    +1 means twice as frequent in the target, negative means rarer). Only terms
    with at least ``min_count`` occurrences in the target. Sorted by G²
    descending, then term; keep ``log_ratio > 0`` for the target's keywords.

    >>> k = keyness(["Syrien Syrien Syrien Syrien og Rusland"], ["og det var Rusland"] * 4, stopwords=False)
    >>> k.loc[0, "term"], int(k.loc[0, "count_target"]), bool(k.loc[0, "log_ratio"] > 0)
    ('syrien', 4, True)
    """
    stop = _stop_set(stopwords)
    lemmas = bool(lemmas)
    t_counts, n_t = _totals(target, lemmas, stop)
    general = isinstance(reference, str) and reference.strip().lower() in _GENERAL
    if general:
        import wordfreq

        table = wordfreq.get_frequency_dict("da")
        n_r = GENERAL_DANISH_SIZE

        def ref_count(term: str) -> float:
            f = table.get(term)
            if f is None and not term.isalpha():
                f = wordfreq.word_frequency(term, "da")
            return (f or 0.0) * n_r

    else:
        r_counts, n_r = _totals(reference, lemmas, stop)

        def ref_count(term: str) -> float:
            return r_counts.get(term, 0)

    if not n_t or not n_r:
        raise CorpusError("keyness needs words in both the target and the reference")
    rows = []
    for term, a in t_counts.items():
        if a < min_count:
            continue
        b = ref_count(term)
        e1 = n_t * (a + b) / (n_t + n_r)
        e2 = n_r * (a + b) / (n_t + n_r)
        g2 = 2.0 * (_xlogx_ratio(a, e1) + _xlogx_ratio(b, e2))
        lr = math.log2(((a or 0.5) / n_t) / ((b or 0.5) / n_r))
        rows.append((term, a, b, 1000.0 * a / n_t, 1000.0 * b / n_r, g2, lr))
    rows.sort(key=lambda r: (-r[5], r[0]))
    cols = ["term", "count_target", "count_reference", "rate_target", "rate_reference", "g2", "log_ratio"]
    return pd.DataFrame(rows, columns=cols)


# --------------------------------------------------------------------------- readability

#: Danish LIX bands: (upper bound, English label, Danish label). Source: C.-H. Björnsson,
#: "Läsbarhet" (1968), with the Danish reading bands as commonly published (e.g. Den
#: Store Danske / Danish Wikipedia "Lix"): under 25 children's books; 25-34 easy
#: (fiction, popular magazines); 35-44 medium (daily newspapers); 45-54 hard
#: (non-fiction, popular science); 55 and above very hard (academic and legal text).
LIX_BANDS = (
    (25.0, "very easy", "meget let"),
    (35.0, "easy", "let"),
    (45.0, "medium", "middel"),
    (55.0, "hard", "svær"),
    (math.inf, "very hard", "meget svær"),
)


def lix(text: str) -> float:
    """LIX readability of a text: words per sentence + percentage of long words.

    Long words have more than six letters (digits, hyphens and apostrophes do not
    count). Higher is harder: below 25 is very easy, 55 and above very hard (see
    :data:`LIX_BANDS`). NaN for a text without words.

    >>> round(lix("Det er en kort tekst. Den er let at læse."), 1)
    5.0
    """
    d = doc_stats(text, stopwords=False)
    return _lix(d.n_words, d.n_long, d.n_sentences)


def _lix(n_words: int, n_long: int, n_sentences: int) -> float:
    if not n_words or not n_sentences:
        return float("nan")
    return n_words / n_sentences + 100.0 * n_long / n_words


def lix_band(value: float, lang: str = "en") -> str | None:
    """The Danish reading band of a LIX value: 'very easy', 'easy', 'medium', 'hard', 'very hard'.

    Bands are half-open: 35 is 'medium', 34.9 'easy'. ``lang="da"`` gives the Danish
    names ('meget let' ... 'meget svær'). None for NaN.

    >>> lix_band(24.9), lix_band(35), lix_band(55), lix_band(40, lang="da")
    ('very easy', 'medium', 'very hard', 'middel')
    """
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    if lang not in ("en", "da"):
        raise CorpusError(f"lix_band: lang must be 'en' or 'da', not {lang!r}")
    for upper, en, da in LIX_BANDS:
        if value < upper:
            return en if lang == "en" else da
    return None  # unreachable: the last band is open-ended


def _readability_row(doc_id, text: str) -> tuple:
    counts, _terms, nw, n_long = _count(text, _config(False, frozenset()))
    n_sent = _sentence_count(text)
    value = _lix(nw, n_long, n_sent)
    return (
        doc_id,
        value,
        lix_band(value),
        nw,
        n_sent,
        nw / n_sent if n_sent else float("nan"),
        n_long / nw if nw else float("nan"),
        len(counts) / nw if nw else float("nan"),
    )


READABILITY_COLUMNS = [
    "doc_id",
    "lix",
    "band",
    "words",
    "sentences",
    "mean_sentence_length",
    "long_word_share",
    "type_token_ratio",
]


def readability(corpus, *, progress=None) -> pd.DataFrame:
    """LIX readability of each article, with its Danish band and the parts of the formula.

    Columns: ``doc_id``; ``lix`` (words per sentence + 100 x long words / words;
    higher is harder); ``band`` (see :data:`LIX_BANDS`: very easy < 25 <= easy < 35
    <= medium < 45 <= hard < 55 <= very hard; Björnsson 1968); ``words`` (word
    tokens, numbers included); ``sentences``; ``mean_sentence_length`` (words per
    sentence); ``long_word_share`` (share of words with more than six letters,
    0-1); ``type_token_ratio`` (distinct lower-cased words / words, 0-1; it falls
    as texts grow longer, so compare articles of similar length). One row per
    article, in corpus order.
    ``progress``: as :func:`word_frequencies`.

    >>> readability("Det er en kort tekst. Den er let at læse.")[["doc_id", "lix", "band", "words", "sentences"]]
       doc_id  lix       band  words  sentences
    0       0  5.0  very easy     10          2
    """
    rows = [_readability_row(doc_id, text) for doc_id, text in iter_docs(corpus, progress=progress, desc="readability")]
    return pd.DataFrame(rows, columns=READABILITY_COLUMNS).astype({"words": "int64", "sentences": "int64"})


# --------------------------------------------------------------------------- one full pass
#
# corpus_pass works on a whole batch at once: the chunks of all its articles go into
# one list, each chunk becomes an integer id (one dictionary look-up per token, in C),
# and everything else is numpy arithmetic on the id array: term counts by bincount,
# words and long words by table look-up and cumulative sums, sentence ends by comparing
# each chunk's "can end" flag with the next chunk's "can start" flag, articles per term
# by sorting (article, term) pairs. Per token that is two passes in Python's C code
# (str.split and the id look-up) and a few in numpy, instead of one Python-level
# pass per statistic.


# one word of letters (inner hyphens and apostrophes allowed: al-Assad, FN's) between
# punctuation marks that are tokens of their own (no slash, @, + or trailing hyphen or
# apostrophe: those can join or end a word)
_WORD_IN_MARKS = re.compile(r"([«»\"“„(\[]*)([^\W\d_]+(?:[-'’][^\W\d_]+)*)([,.:;!?«»\"”“)\]…]*)\Z")


# sentence flags per chunk (bits): a sentence ends between two chunks when the first's
# ``ends`` and the second's ``starts`` share a bit. Bit 1: the chunk can end a sentence
# (a terminal mark) / starts with a capital, digit or opener. Bit 2: it ends in a letter
# or digit / starts with a starter (``Men``, ``Og``: text._STARTERS), as text._soft_ends.
_SOFT_END, _STARTER = 2, 2
_STARTER_SET = frozenset(_STARTERS)


def _start_flags(chunk: str) -> int:
    return _starts_sentence(chunk) | (_STARTER if _STARTER_RE.match(chunk) else 0)


class _Vocab:
    """Chunk ids and per-chunk properties for :func:`corpus_pass` (one per stop-word set)."""

    def __init__(self, stop: frozenset):
        self.ids: dict[str, int] = {}
        self.terms: list[str] = [""]  # term id 0: the chunk has no (kept) term
        # lower-cased word -> term id; stop words -> 0
        self.lookup: dict[str, int] = dict.fromkeys(stop, 0)
        self.lookup[""] = 0
        self.term_of, self.words, self.long = array("q"), array("q"), array("q")
        self.ends, self.starts, self.is_multi = array("b"), array("b"), array("b")
        self.multi: dict[int, tuple[int, ...]] = {}  # chunk id -> term ids, for chunks with several terms
        self._ends_after: dict[str, bool] = {}  # closing marks -> can a word with them end a sentence
        self._arrays = None  # numpy copies of the arrays above (see arrays())
        self._synced = 0  # how many chunks they hold
        self.ids[PARAGRAPH] = 0
        self._add_slow(0, PARAGRAPH)

    def _term_ids(self, lows: list[str]) -> list[int]:
        """Term ids of lower-cased words (0 for stop words), adding the new ones in sorted order."""
        new = set(lows).difference(self.lookup)
        if new:
            first = len(self.terms)
            added = sorted(new)
            self.terms.extend(added)
            self.lookup.update(zip(added, range(first, first + len(added))))
        return list(map(self.lookup.__getitem__, lows))

    def add(self, chunks) -> None:
        """Give ids to new chunks (in sorted order, so that ids do not depend on set order)."""
        chunks = sorted(chunks)
        # plain words, most new chunks, in bulk: one word token each, the lower-cased
        # word its term, long when more than six letters; a plain word cannot end a
        # sentence (no terminal mark) and starts one when it is capitalised
        alpha = list(filter(str.isalpha, chunks))
        if alpha:
            first = len(self.ids)
            self.ids.update(zip(alpha, range(first, first + len(alpha))))
            self.term_of.extend(self._term_ids(list(map(str.lower, alpha))))
            self.words.extend(repeat(1, len(alpha)))
            self.long.extend(map(_LONG.__lt__, map(len, alpha)))
            self.ends.extend(repeat(_SOFT_END, len(alpha)))
            self.starts.extend(map(or_, map(str.isupper, map(itemgetter(0), alpha)),
                                   map(mul, map(_STARTER_SET.__contains__, alpha), repeat(_STARTER))))
            self.is_multi.extend(repeat(0, len(alpha)))
        if len(alpha) < len(chunks):
            self._add_other([c for c in chunks if not c.isalpha()])

    def _add_other(self, chunks) -> None:
        abbrev = abbreviations()
        ends_after = self._ends_after
        for chunk in chunks:
            cid = self.ids[chunk] = len(self.ids)
            m = _WORD_IN_MARKS.match(chunk)
            if m is not None:
                word, marks = m.group(2), m.group(3)
                if marks[:1] != "." or (len(word) > 1 and word.lower() + "." not in abbrev):
                    # one word between punctuation marks ("Syrien.", "»Vi", "(FN),"): its
                    # properties are the word's, and whether it ends a sentence depends
                    # on the closing marks only (tests check this against the full rules)
                    low = word.lower()
                    tid = self.lookup.get(low)
                    self.term_of.append(self._term_ids([low])[0] if tid is None else tid)
                    self.words.append(1)
                    self.long.append((len(word) if word.isalpha() else _n_letters(word)) > _LONG)
                    self.is_multi.append(0)
                    e = ends_after.get(marks)
                    if e is None:
                        e = ends_after[marks] = _chunk_can_end("hus" + marks) if marks else False
                    self.ends.append(e if marks else _SOFT_END)  # the word's last letter ends the chunk
                    self.starts.append(_start_flags(chunk))
                    continue
            self._add_slow(cid, chunk)

    def _add_slow(self, cid: int, chunk: str) -> None:
        """A chunk's properties by the full rules (the tokenizer's regular expression)."""
        toks = [] if chunk == PARAGRAPH else WORD_RE.findall(chunk)
        tids = [t for t in self._term_ids([w.lower() for w in toks]) if t]
        self.words.append(len(toks))
        self.long.append(sum(_n_letters(t) > _LONG for t in toks))
        self.term_of.append(tids[0] if len(tids) == 1 else 0)
        self.is_multi.append(len(tids) > 1)
        if len(tids) > 1:
            self.multi[cid] = tuple(tids)
        plain = chunk != PARAGRAPH
        self.ends.append(plain and (_chunk_can_end(chunk) or (_SOFT_END if chunk[-1].isalnum() else 0)))
        self.starts.append(plain and _start_flags(chunk))

    def chunk_ids(self, chunks: list[str]) -> np.ndarray:
        """The id of every chunk, adding the chunks not seen yet."""
        ids = np.fromiter(map(self.ids.get, chunks, repeat(-1)), dtype=np.int64, count=len(chunks))
        unseen = np.flatnonzero(ids < 0)
        if len(unseen):
            new = list(map(chunks.__getitem__, unseen.tolist()))
            self.add(set(new))
            ids[unseen] = np.fromiter(map(self.ids.__getitem__, new), dtype=np.int64, count=len(new))
        return ids

    def arrays(self):
        """The per-chunk properties as numpy arrays indexed by chunk id.

        They grow by doubling and only the chunks added since the last call are copied
        in, so a vocabulary that keeps growing costs no more than one that has settled.
        """
        n = len(self.words)
        sources = (self.term_of, self.words, self.long, self.ends, self.starts, self.is_multi)
        if self._arrays is None or len(self._arrays[0]) < n:
            size = max(n, 2 * (len(self._arrays[0]) if self._arrays is not None else 0), 1024)
            grown = []
            for i, a in enumerate(sources):
                g = np.zeros(size, dtype=np.int64 if a.typecode == "q" else np.int8)
                if self._arrays is not None:
                    g[: self._synced] = self._arrays[i][: self._synced]
                grown.append(g)
            self._arrays = tuple(grown)
        if self._synced < n:
            for arr, a in zip(self._arrays, sources):
                arr[self._synced : n] = np.frombuffer(a, dtype=arr.dtype)[self._synced : n]
            self._synced = n
        return self._arrays


_VOCABS: dict[frozenset, _Vocab] = {}


def _vocab(stop: frozenset) -> _Vocab:
    v = _VOCABS.get(stop)
    if v is None or len(v.ids) > _CACHE_MAX:  # bounded memory: start afresh between batches
        if len(_VOCABS) > 16:
            _VOCABS.clear()
        v = _VOCABS[stop] = _Vocab(stop)
    return v


def _per_doc(values: np.ndarray, offsets: np.ndarray) -> np.ndarray:
    """Sums of ``values`` over each article's slice ``offsets[i]:offsets[i + 1]``."""
    c = np.zeros(len(values) + 1, dtype=np.int64)
    np.cumsum(values, out=c[1:])
    return c[offsets[1:]] - c[offsets[:-1]]


def _pass_batch(args):
    """((doc ids, words, long words, sentences), more) of a batch; its term counts and
    articles per term go into this process's running total for the pass ``key``
    (:class:`_Running`). ``more``: None, or ``func(batch, *extra)`` when ``args`` ends
    with ``(func, extra)`` (other analyses of the same batch, see ``corpus_tools.analyze``)."""
    batch, stop, key, more = args
    v = _vocab(stop)
    chunks: list[str] = []
    bounds = [0]
    doc_ids = []
    for doc_id, text in batch:
        chunks += _chunks(text)
        bounds.append(len(chunks))
        doc_ids.append(doc_id)
    n, n_docs = len(chunks), len(doc_ids)
    ids = v.chunk_ids(chunks)
    del chunks
    term_of, words, long, ends, starts, is_multi = v.arrays()
    offsets = np.asarray(bounds, dtype=np.int64)
    lengths = np.diff(offsets)
    nonempty = lengths > 0

    n_words = _per_doc(words[ids], offsets)
    n_long = _per_doc(long[ids], offsets)
    # sentences (as text._sentence_count): a boundary after chunk i when it can end a
    # sentence and chunk i + 1 can start one, within the article; plus its paragraphs
    boundary = np.zeros(n, dtype=np.int8)
    if n > 1:
        boundary[:-1] = (ends[ids[:-1]] & starts[ids[1:]]) != 0
    boundary[offsets[1:][nonempty] - 1] = 0  # no boundary between two articles
    para = (ids == 0).view(np.int8)  # chunk id 0 is PARAGRAPH
    marks = _per_doc(para, offsets)
    first = np.zeros(n_docs, dtype=np.int64)
    last = np.zeros(n_docs, dtype=np.int64)
    first[nonempty] = para[offsets[:-1][nonempty]]
    last[nonempty] = para[offsets[1:][nonempty] - 1]
    n_sent = np.where(marks == lengths, 0, 1 + marks - first - last + _per_doc(boundary, offsets))

    # terms: counts, and articles per term from the sorted (article, term) pairs
    n_terms = len(v.terms)
    tids = term_of[ids]
    doc_of = np.repeat(np.arange(n_docs, dtype=np.int64), lengths)
    kept = tids > 0
    pairs = [doc_of[kept] * n_terms + tids[kept]]
    counts = np.bincount(tids, minlength=n_terms)
    if v.multi:
        where = np.flatnonzero(is_multi[ids])
        if len(where):
            extra_doc, extra_term = [], []
            for p, cid in zip(where.tolist(), ids[where].tolist()):
                for t in v.multi[cid]:
                    extra_doc.append(doc_of[p])
                    extra_term.append(t)
            extra = np.asarray(extra_term, dtype=np.int64)
            counts += np.bincount(extra, minlength=n_terms)
            pairs.append(np.asarray(extra_doc, dtype=np.int64) * n_terms + extra)
    keys = np.sort(np.concatenate(pairs)) if len(pairs) > 1 else np.sort(pairs[0])
    if len(keys):
        keys = keys[np.concatenate(([True], keys[1:] != keys[:-1]))]
    dfs = np.bincount(keys % n_terms, minlength=n_terms)
    _running(key).add(v, counts, dfs)
    return (doc_ids, n_words, n_long, n_sent), (None if more is None else more[0](batch, *more[1]))


class _Running:
    """Term counts and articles per term of one pass, summed in the process that counts
    (this one or a worker) by the vocabulary's own term ids: no strings per batch. The
    strings come once, at the end (:meth:`totals`), or when the vocabulary starts afresh."""

    def __init__(self):
        self.vocab: _Vocab | None = None
        self.counts = np.zeros(0, dtype=np.int64)
        self.dfs = np.zeros(0, dtype=np.int64)
        self.done = _Totals()

    def add(self, v: _Vocab, counts: np.ndarray, dfs: np.ndarray) -> None:
        if v is not self.vocab:
            self._flush()
            self.vocab = v
        n = len(counts)
        if n > len(self.counts):
            size = max(n, 2 * len(self.counts))
            self.counts = np.concatenate([self.counts, np.zeros(size - len(self.counts), dtype=np.int64)])
            self.dfs = np.concatenate([self.dfs, np.zeros(size - len(self.dfs), dtype=np.int64)])
        self.counts[:n] += counts
        self.dfs[:n] += dfs

    def _flush(self) -> None:
        if self.vocab is not None:
            present = np.flatnonzero(self.counts[1:]) + 1  # term id 0: no term
            self.done.add(list(map(self.vocab.terms.__getitem__, present.tolist())), self.counts[present], self.dfs[present])
            self.counts[:] = 0
            self.dfs[:] = 0
            self.vocab = None

    def totals(self) -> "_Totals":
        self._flush()
        return self.done


_RUNNING: dict[tuple, _Running] = {}  # per process: the passes under way


def _running(key: tuple) -> _Running:
    # keyed by process too: a worker forked mid-pass inherits a copy of its parent's
    # total, which is not its own
    r = _RUNNING.get((key, os.getpid()))
    if r is None:
        r = _RUNNING[key, os.getpid()] = _Running()
    return r


def _take_totals(key: tuple) -> "_Totals":
    """The finished total of pass ``key`` in this process (emptied)."""
    r = _RUNNING.pop((key, os.getpid()), None)
    return r.totals() if r is not None else _Totals()


_PASSES = itertools.count()


class _Totals:
    """Term counts and articles per term summed over batches, in numpy arrays."""

    def __init__(self):
        self.index: dict[str, int] = {}
        self.terms: list[str] = []
        self.counts = np.zeros(1024, dtype=np.int64)
        self.dfs = np.zeros(1024, dtype=np.int64)

    def add(self, terms: list[str], counts: np.ndarray, dfs: np.ndarray) -> None:
        if not terms:
            return
        new = set(terms).difference(self.index)
        if new:
            added = sorted(new)
            self.index.update(zip(added, range(len(self.terms), len(self.terms) + len(added))))
            self.terms.extend(added)
            if len(self.terms) > len(self.counts):
                size = max(len(self.terms), 2 * len(self.counts))
                self.counts = np.concatenate([self.counts, np.zeros(size - len(self.counts), dtype=np.int64)])
                self.dfs = np.concatenate([self.dfs, np.zeros(size - len(self.dfs), dtype=np.int64)])
        at = np.fromiter(map(self.index.__getitem__, terms), dtype=np.int64, count=len(terms))
        self.counts[at] += counts  # the terms of one batch are distinct
        self.dfs[at] += dfs


def corpus_pass(
    corpus, *, stopwords=True, n_jobs: int = 1, batch_size: int = 256, progress=None
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Word frequencies and LIX per article in ONE pass over the texts (for large corpora).

    Returns ``(frequencies, lix_table)``: ``frequencies`` has the columns of
    :func:`word_frequencies` (term, count, rate_per_1000, n_docs); ``lix_table`` has
    doc_id, lix, band, words, sentences. ``corpus`` may be a generator of texts: it is
    read once, in batches of ``batch_size`` documents, optionally in ``n_jobs``
    processes (this one and ``n_jobs - 1`` workers; -1: one per core); memory grows
    with the vocabulary and the number of articles, not with the text. This is the
    pass that ``benchmarks/bench.py`` times. ``progress``: as :func:`word_frequencies`.
    """
    return _corpus_pass(corpus, _stop_set(stopwords), n_jobs=n_jobs, batch_size=batch_size, progress=progress)


def _corpus_pass(corpus, stop, *, n_jobs, batch_size, progress, desc="statistics", more=None, take=None):
    """:func:`corpus_pass`; with ``more = (func, extra)``, ``func(batch, *extra)`` also
    runs on every batch (in the same process as its statistics) and ``take`` receives
    its results in the order of the batches."""
    # per-article numbers as 8-byte machine integers, not Python objects: memory stays
    # flat for a streamed corpus (about 32 bytes an article)
    ids: array | list = array("q")
    n_words, n_long, n_sent = array("q"), array("q"), array("q")
    docs = iter_docs(corpus, progress=progress, desc=desc)
    key = (os.getpid(), next(_PASSES))  # this pass's running totals, in every process
    jobs = ((batch, stop, key, more) for batch in _batches(docs, batch_size, n_jobs))
    worker_totals = []
    try:
        for (doc_ids, nw, nl, ns), extra in _run(_pass_batch, jobs, n_jobs, finish=partial(_take_totals, key), collect=worker_totals.append):
            if take is not None:
                take(extra)
            if isinstance(ids, array):
                n0 = len(ids)
                try:
                    ids.extend(doc_ids)
                except (TypeError, OverflowError):  # doc_ids that are not integers (paths, strings)
                    ids = ids[:n0].tolist()  # extend may have appended some before failing
            if not isinstance(ids, array):
                ids.extend(doc_ids)
            n_words.frombytes(nw.astype(np.int64).tobytes())
            n_long.frombytes(nl.astype(np.int64).tobytes())
            n_sent.frombytes(ns.astype(np.int64).tobytes())
    finally:
        totals = _take_totals(key)  # this process's share (also after an error: nothing left behind)
    for part in worker_totals:
        n = len(part.terms)
        totals.add(part.terms, part.counts[:n], part.dfs[:n])
    total = sum(n_words)
    scale = 1000.0 / total if total else float("nan")
    n_terms = len(totals.terms)
    counts, dfs = totals.counts[:n_terms], totals.dfs[:n_terms]
    by_term = np.empty(n_terms, dtype=np.int64)  # each term's rank in code point order
    by_term[sorted(range(n_terms), key=totals.terms.__getitem__)] = np.arange(n_terms)
    order = np.lexsort((by_term, -counts))  # count descending, then term
    freq = pd.DataFrame(
        {
            "term": list(map(totals.terms.__getitem__, order.tolist())),
            "count": counts[order].astype("int64"),
            "rate_per_1000": counts[order] * scale,
            "n_docs": dfs[order].astype("int64"),
        }
    )
    nw = np.frombuffer(n_words, dtype=np.int64) if len(n_words) else np.zeros(0, dtype=np.int64)
    nl = np.frombuffer(n_long, dtype=np.int64) if len(n_long) else np.zeros(0, dtype=np.int64)
    ns = np.frombuffer(n_sent, dtype=np.int64) if len(n_sent) else np.zeros(0, dtype=np.int64)
    with np.errstate(divide="ignore", invalid="ignore"):
        values = np.where((nw > 0) & (ns > 0), nw / ns + 100.0 * nl / nw, np.nan)
    bands = np.full(len(values), None, dtype=object)
    lower = -np.inf
    for upper, en, _da in LIX_BANDS:
        bands[(values >= lower) & (values < upper)] = en
        lower = upper
    table = pd.DataFrame(
        {
            "doc_id": list(ids) if isinstance(ids, array) else ids,
            "lix": values,
            "band": bands,
            "words": nw.copy(),
            "sentences": ns.copy(),
        }
    )
    return freq, table


# --------------------------------------------------------------------------- concordance


def concordance(corpus, pattern, *, window: int = 40, ignore_case: bool = True, whole_words: bool = True) -> pd.DataFrame:
    """Keyword in context: every match of ``pattern`` with the text around it.

    ``pattern`` is a regular expression (a plain word works as is; ``Rusland\\w*``
    also finds ``Ruslands``); with ``whole_words=True`` a match must not start or
    end inside a word. ``window`` is the number of characters shown on each side.

    Columns: ``doc_id``, ``start`` and ``end`` (character offsets of the match in
    that article's text, ``text[start:end] == match``), ``left``, ``match``,
    ``right`` (line breaks shown as spaces). In corpus order, then by offset.

    >>> concordance("Rusland har støttet Syrien, siden Rusland gik ind.", "Rusland", window=10)
       doc_id  start  end        left    match       right
    0       0      0    7              Rusland   har støtt
    1       0     34   41  en, siden   Rusland    gik ind.
    """
    if window < 0:
        raise CorpusError(f"window must be 0 or more characters (got {window})")
    if isinstance(pattern, re.Pattern):
        rx = pattern
    else:
        if not isinstance(pattern, str) or not pattern:
            raise CorpusError("pattern must be a non-empty string or a compiled regular expression")
        src = rf"(?<!\w)(?:{pattern})(?!\w)" if whole_words else pattern
        try:
            rx = re.compile(src, re.IGNORECASE if ignore_case else 0)
        except re.error as exc:
            raise CorpusError(f"pattern {pattern!r} is not a valid regular expression: {exc}") from exc
    rows = []
    for doc_id, text in iter_docs(corpus):
        for m in rx.finditer(text):
            s, e = m.span()
            if s == e:
                continue
            left = text[max(0, s - window) : s].replace("\n", " ")
            right = text[e : e + window].replace("\n", " ")
            rows.append((doc_id, s, e, left, m.group(), right))
    return pd.DataFrame(rows, columns=["doc_id", "start", "end", "left", "match", "right"])
