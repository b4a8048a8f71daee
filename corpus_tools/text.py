"""Danish-aware tokens, sentences and lemmas, each with character offsets.

One compiled regular expression tokenises a text in one pass. Tokens keep their
offsets into the original text, so every later analysis can point back to it.

>>> [t.text for t in tokenize("FN's udsending siger, at 160.000 er fordrevet, bl.a. i Syrien.")]
["FN's", 'udsending', 'siger', ',', 'at', '160.000', 'er', 'fordrevet', ',', 'bl.a.', 'i', 'Syrien', '.']
>>> [s.text for s in sentences("Han kom ca. kl. 10. Det regnede.")]
['Han kom ca. kl. 10.', 'Det regnede.']
>>> lemmatize("Ruslands syriske styrker")
['Rusland', 'syrisk', 'styrke']

Accuracy on UD Danish DDT dev (``python -m corpus_tools.evaluate text``): token F1
0.998, sentence-boundary F1 0.970, lemma accuracy 0.948 on words (see README, Caveats).
"""

from __future__ import annotations

import re
import sys
from functools import lru_cache
from heapq import merge
from itertools import compress, islice
from importlib import resources
from typing import NamedTuple

from .errors import CorpusError

__all__ = [
    "Token",
    "Sentence",
    "tokenize",
    "sentences",
    "words",
    "is_word",
    "lemmatize",
    "lemma",
    "base_form",
    "stopwords",
    "abbreviations",
    "TOKEN_RE",
    "WORD_RE",
]


class Token(NamedTuple):
    text: str
    start: int
    end: int


class Sentence(NamedTuple):
    text: str
    start: int
    end: int


def _read_list(name: str, lang: str = "da") -> list[str]:
    """Lines of a lexicon file in ``corpus_tools/lang/<lang>/``, without comments."""
    path = resources.files("corpus_tools").joinpath("lang", lang, name)
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise CorpusError(f"no {name} for language {lang!r}", path=str(path)) from exc
    out = []
    for line in raw.splitlines():
        line = line.split("#", 1)[0].strip() if not line.lstrip().startswith("#") else ""
        if line:
            out.append(line)
    return out


@lru_cache(maxsize=None)
def abbreviations(lang: str = "da") -> frozenset[str]:
    """Abbreviations (lower case, with dots) that are one token and rarely end a sentence."""
    return frozenset(_read_list("abbreviations.txt", lang))


@lru_cache(maxsize=None)
def _final_abbreviations(lang: str = "da") -> frozenset[str]:
    """Abbreviations that may end a sentence (``5 pct. Det ...``); a subset of abbreviations()."""
    items = frozenset(_read_list("abbreviations_final.txt", lang))
    stray = sorted(items - abbreviations(lang))
    if stray:
        raise CorpusError(f"abbreviations_final.txt lists {', '.join(stray)}, which abbreviations.txt lacks")
    return items


def _abbrev_pattern() -> str:
    items = sorted(abbreviations(), key=lambda a: (-len(a), a))
    return "|".join(re.escape(a) for a in items)


# A compound cut short before "og"/"eller": "tv- og radioudstyr", "majs-, solsikkeolie":
# a hyphen glued to a word and followed by a space, a comma or the end.
_SUSPENDED = r"-(?![^\s,])"

_TOKEN_CASES = r"""
    # 1. the common case first, for speed: a word that starts with a letter, with inner
    #    hyphens and apostrophes (Saudi-Arabien, al-Assad, FN's, USA's, COVID-19), and is
    #    not followed by anything a later case needs (a dot: abbreviation, initial;
    #    @ or +: e-mail; ://: URL; a hyphen before a space: a suspended compound;
    #    a colon, slash or apostrophe). Possessive: it never backtracks to part of a word.
      FASTWORD
    # 2. numbers: 160.000  1,5  10-15.000  1/2  26/8  80'erne  34-årig  2-liters;
    #    a suspended "1,6- og 2-liters". A final dot is never part of a number: it
    #    cannot tell "2. verdenskrig" from "i 1945." without looking past the space.
    | \d+(?:[.,/]\d+)*(?:[-–]\d+(?:[.,/]\d+)*)?(?:['’][^\W\d_]+)?(?:-\w+)*(?:SUSPENDED)?
    # 3. URLs and e-mail addresses stay whole (trailing punctuation is not part of them)
    | (?:https?://|www\.)[^\s<>»«"]*[^\s<>»«".,;:!?)\]]
    | \w[\w.+-]*@[\w-]+(?:\.[\w-]+)+
    # 4. abbreviations with their dots: bl.a., f.eks., mio., kr. (tried only where a
    #    short word is followed by a dot)
    | (?=[^\W\d_]{1,HEAD}\.)(?i:ABBREVIATIONS)(?!\w)
    # 5. initials: B.T., H.L. Hansen, U.S.A., H. C. Andersen (a capital and a dot)
    | [A-ZÆØÅ]\.(?:[A-ZÆØÅ]\.)*
    # 6. a genitive apostrophe after s, x or z: Lars', Laos', Schweiz' (not a quoted 'Paris')
    | (?<!['‘’])\w+(?:[-'’]\w+)*(?<=[sxzSXZ])['’](?!\w)
    # 7. any other word: one before a full stop (Syrien.), a suspended "tv- og"
    | \w+(?:[-'’]\w+)*(?:SUSPENDED)?
"""
# 8. (tokens only) an ellipsis, then any other single non-space character
_PUNCT_CASES = r"""
    | \.\.\.|…|[^\w\s]
"""


if sys.version_info >= (3, 11):  # possessive quantifiers: no backtracking into a word
    _FASTWORD = r"[^\W\d_]\w*+(?:[-'’]\w++)*+(?![.@+:'’/-])"
else:  # the same tokens: the lookahead also fails wherever the match stopped mid-word
    _FASTWORD = r"[^\W\d_]\w*(?:[-'’]\w+)*(?![\w.@+:'’/-])"


def _word_cases() -> str:
    head = max(len(a.split(".", 1)[0]) for a in abbreviations())
    return (
        _TOKEN_CASES.replace("FASTWORD", _FASTWORD)
        .replace("SUSPENDED", _SUSPENDED)
        .replace("HEAD", str(head))
        .replace("ABBREVIATIONS", _abbrev_pattern())
    )


# Every word case starts with a word character: the (?=\w) guard makes the regex
# give up at once on spaces and punctuation (a measured 1.3x on Danish news text).
#: Every token: words, numbers, abbreviations, URLs and single punctuation marks.
TOKEN_RE = re.compile(r"(?=\w)(?:" + _word_cases() + ")" + _PUNCT_CASES, re.VERBOSE)
#: Word tokens only (cases 1-7): ``WORD_RE.findall(text)`` is the statistics' fast path.
#: It gives exactly the tokens of TOKEN_RE that start with a word character.
WORD_RE = re.compile(r"(?=\w)(?:" + _word_cases() + ")", re.VERBOSE)


def tokenize(text: str) -> list[Token]:
    """Tokens of ``text`` with their character offsets (``text[start:end] == token``).

    Tokens never span whitespace and no rule looks past it, so the tokens of a text
    are the tokens of its whitespace-separated chunks, one chunk at a time: the
    statistics cache them per chunk.

    >>> [t.text for t in tokenize("»Vi går ikke,« siger al-Assad til USA's udsending.")]
    ['»', 'Vi', 'går', 'ikke', ',', '«', 'siger', 'al-Assad', 'til', "USA's", 'udsending', '.']
    """
    return [Token(m.group(), m.start(), m.end()) for m in TOKEN_RE.finditer(text)]


def is_word(token: str) -> bool:
    """True for a word or number token (it starts with a letter, digit or ``_``), False for punctuation."""
    return bool(token) and (token[0].isalnum() or token[0] == "_")


def _lower_all(items: list[str]) -> list[str]:
    # one C-level lower() for all tokens; tokens never contain a newline
    return "\n".join(items).lower().split("\n") if items else []


def words(text: str, *, lower: bool = True) -> list[str]:
    """Word tokens only (no punctuation), lower-cased by default: the statistics' fast path.

    The same tokens as ``[t.text for t in tokenize(text) if is_word(t.text)]``, faster.

    >>> words("Ifølge FN er 160.000 fordrevet, bl.a. fra Daraa.")
    ['ifølge', 'fn', 'er', '160.000', 'fordrevet', 'bl.a.', 'fra', 'daraa']
    """
    toks = WORD_RE.findall(text)
    return _lower_all(toks) if lower else toks


# --------------------------------------------------------------------------- sentences

_OPENERS = frozenset("»«\"“„'‘-–—([")
# a run of terminal marks, closing quotes/brackets glued to it, then space and the next character
_TERMINAL_RE = re.compile(r"""[.!?…][.!?…]*[»«"”“’')\]]*(?=\s+(\S))""")
_PARA_RE = re.compile(r"\n[ \t\r]*\n")


def sentences(text: str) -> list[Sentence]:
    """Sentence spans of ``text``.

    A sentence ends at ``.``, ``!``, ``?`` or an ellipsis (with any closing quote or
    bracket glued to it) when the next character is a capital letter, a digit, an
    opening quote, a bracket or a dash; and always at a paragraph break (a blank line).
    A dot that belongs to an abbreviation (``bl.a.``, ``ca.``, ``f.eks.``), an initial
    (``B.T.``) or a URL ends no sentence, except the unit and list abbreviations of
    ``abbreviations_final.txt`` (``5 pct. Det ...``). A line without final punctuation
    (a headline) ends at a blank line, or where a word that only a sentence starts
    with follows it (``Til orgie hos Søren Men det har ...``: see ``_STARTERS``).

    >>> [s.text for s in sentences("Prisen steg 5 pct. Det sagde bl.a. H.C. Hansen.\\n\\nNy linje")]
    ['Prisen steg 5 pct.', 'Det sagde bl.a. H.C. Hansen.', 'Ny linje']
    """
    spans: list[Sentence] = []
    for lo, hi in _paragraphs(text):
        start = lo
        for end in _ends(text, lo, hi):
            span = _span(text, start, end)
            if span is not None:
                spans.append(span)
            start = end
        span = _span(text, start, hi)
        if span is not None:
            spans.append(span)
    return spans


def _ends(text: str, lo: int, hi: int):
    """Offsets just after each sentence end inside the paragraph ``text[lo:hi]``."""
    hard = _hard_ends(text, lo, hi)
    soft = list(_soft_ends(text, lo, hi))
    return merge(hard, soft) if soft else hard


def _hard_ends(text: str, lo: int, hi: int):
    """Sentence ends at terminal marks inside the paragraph ``text[lo:hi]``."""
    for m in _TERMINAL_RE.finditer(text, lo, hi):
        nxt = m.group(1)
        if (nxt.isupper() or nxt.isdigit() or nxt in _OPENERS) and _ends_sentence(text, m.start(), lo):
            yield m.end()


# Words that begin a sentence even with no full stop before them: a headline without
# punctuation run into its article (``Ansvars-placering En valutakrise ...``, ``RUBRIK
# Men ugen efter ...``). With a capital they stand only at a sentence start: they are
# not parts of names or titles, unlike ``Den``/``Det``/``De`` (``Den Danske Bank``,
# ``Det Røde Hav``, formal ``De``), ``Han`` and ``Hun`` (``Han Kang``, Cambodia's
# ``Hun Sen`` and ``Hun Manet``), ``Nu`` (Burma's ``U Nu``), ``Man`` (Isle of Man),
# ``Der`` (``Der Spiegel``), ``Her`` (English) and ``I`` (plural "you" has a capital
# inside a sentence). None of them stands mid-sentence with a capital in UD DDT dev,
# nor in the seed or the 865 labelled news texts of tests/data.
_STARTERS = (
    "Men", "Og", "Jeg", "Vi", "En", "Et", "Så", "Er", "Derfor", "Desuden",
    "Samtidig", "Alligevel", "Når", "Hvis", "Mens", "Selvom", "Fordi", "Hvad", "Hvem",
    "Hvor", "Hvordan", "Hvorfor", "Sådan",
)
#: a starter at the start of a whitespace-free chunk ("Men", "Men,"; not "Menneske",
#: "En-dags" or "Og's")
_STARTER_RE = re.compile(r"(?:" + "|".join(sorted(_STARTERS, key=lambda w: (-len(w), w))) + r")(?![\w'’-])")


def _soft_ends(text: str, lo: int, hi: int):
    """Sentence ends without a mark inside the paragraph ``text[lo:hi]``: after a chunk
    that ends in a letter or digit, before whitespace and a chunk that starts with a
    starter (``_STARTER_RE``). The offset is just after that letter or digit."""
    for m in _STARTER_RE.finditer(text, lo, hi):
        p = m.start()
        if p == lo or not text[p - 1].isspace():
            continue
        j = p - 1
        while j > lo and text[j - 1].isspace():
            j -= 1
        if j > lo and text[j - 1].isalnum():
            yield j


def _chunks(text: str) -> list[str]:
    """The whitespace-separated chunks of ``text``, with a ``PARAGRAPH`` chunk at each paragraph break."""
    if "\n" in text:
        text = _PARA_GAP_RE.sub(_PARAGRAPH_SUB, text)
    return text.split()


def _sentence_count(text: str, chunks: list[str] | None = None) -> int:
    """``len(sentences(text))`` without building the spans (the statistics' fast path).

    Works on the chunks of :func:`_chunks` (pass them if you have them): a sentence
    ends between two chunks when the first can end one (a cached property of the
    chunk alone, see :func:`_chunk_can_end`) and the second starts with a capital, a
    digit, an opening quote, a bracket or a dash; before a starter chunk (``Men``,
    ``Og``: see ``_STARTERS``) after one that ends in a letter or digit; and at every
    paragraph break. Every step runs in C but one per starter chunk. Tested to agree
    with ``len(sentences(text))``.
    """
    if chunks is None:
        chunks = _chunks(text)
    n_marks = chunks.count(PARAGRAPH)
    if n_marks == len(chunks):
        return 0
    ends, starts, starters = _ENDS, _STARTS, _STARTER_CHUNKS
    try:
        flags = list(map(ends.__getitem__, chunks))
    except KeyError:
        if len(ends) > _ENDS_MAX:
            ends.clear()
            starts.clear()
            starters.clear()
            ends[PARAGRAPH] = starts[PARAGRAPH] = starters[PARAGRAPH] = False
        for c in set(chunks).difference(ends):
            ends[c] = _chunk_can_end(c)
            starts[c] = _starts_sentence(c)
            starters[c] = _STARTER_RE.match(c) is not None
        flags = list(map(ends.__getitem__, chunks))
    # chunks that follow a chunk that can end a sentence (compress stops before the last)
    following = map(chunks.__getitem__, compress(range(1, len(chunks)), flags))
    paragraphs = 1 + n_marks - (chunks[0] == PARAGRAPH) - (chunks[-1] == PARAGRAPH)
    n = paragraphs + sum(map(starts.__getitem__, following))
    # starters after a chunk that ends in a letter or digit (not PARAGRAPH: U+FFFF is neither)
    for i in compress(range(1, len(chunks)), map(starters.__getitem__, islice(chunks, 1, None))):
        n += chunks[i - 1][-1].isalnum()
    return n


#: the chunk that stands for a paragraph break in :func:`_chunks` (a Unicode noncharacter)
PARAGRAPH = "\uffff"
_PARAGRAPH_SUB = " \uffff "
# one paragraph break (a blank line) and all the whitespace after it
_PARA_GAP_RE = re.compile(r"\n[ \t\r]*\n\s*")
_ENDS: dict[str, bool] = {PARAGRAPH: False}  # chunk -> _chunk_can_end(chunk)
_STARTS: dict[str, bool] = {PARAGRAPH: False}  # chunk -> _starts_sentence(chunk), for the same chunks
_STARTER_CHUNKS: dict[str, bool] = {PARAGRAPH: False}  # chunk -> does it start with a starter (_STARTER_RE)
_ENDS_MAX = 1_000_000
# the run of terminal marks (and closing quotes) that ends a chunk, from its leftmost mark
_TRAIL_RE = re.compile(r"""[.!?…]+[»«"”“’')\]]*\Z""")
_TRAIL_CHARS = frozenset(".!?…»«\"”“’')]")


def _starts_sentence(chunk: str) -> bool:
    c = chunk[0]
    return c.isupper() or c.isdigit() or c in _OPENERS


def _chunk_can_end(chunk: str) -> bool:
    """Does this whitespace-free chunk end a sentence when a capital follows it?

    True when it ends with ``.``/``!``/``?``/an ellipsis (and closing quotes) and that
    mark is a token of its own, not the dot of an abbreviation, an initial or a URL
    (except the final abbreviations: ``pct.``, ``kr.``).
    """
    if chunk[-1] not in _TRAIL_CHARS:
        return False
    m = _TRAIL_RE.search(chunk)
    if m is None:
        return False
    return _mark_ends(chunk, 0, m.start())


def _mark_ends(text: str, q: int, p: int) -> bool:
    """Tokenising ``text`` from ``q``: is the mark at ``p`` a token of its own, or the
    dot of a final abbreviation (``pct.``, ``kr.``)?"""
    for m in TOKEN_RE.finditer(text, q):
        s, e = m.span()
        if e <= p:
            continue
        return s == p or m.group().lower() in _final_abbreviations()
    return True


def _ends_sentence(text: str, p: int, lo: int) -> bool:
    """Is the terminal mark at ``text[p]`` a token of its own (or a final abbreviation's dot)?"""
    q = max(text.rfind(" ", lo, p), text.rfind("\n", lo, p), lo - 1) + 1
    chunk = text[q:p]
    # fast path, the common case: a plain word of two or more letters before the mark
    if chunk.isalpha() and len(chunk) > 1 and (text[p] != "." or chunk.lower() + "." not in abbreviations()):
        return True
    while q > lo and not text[q - 1].isspace():
        q -= 1
    return _mark_ends(text, q, p)


def _paragraphs(text: str):
    pos = 0
    for m in _PARA_RE.finditer(text):
        if m.start() > pos:
            yield pos, m.start()
        pos = m.end()
    if pos < len(text):
        yield pos, len(text)


def _span(text: str, start: int, end: int) -> Sentence | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Sentence(text[start:end], start, end) if end > start else None


# --------------------------------------------------------------------------- lemmas


def base_form(token: str) -> str:
    """Strip a Danish genitive from a proper name: ``FN's`` -> ``FN``, ``Ruslands`` -> ``Rusland``.

    Only apostrophe genitives are certain; a bare final ``s`` is removed only from
    capitalised words (names) of four or more letters, since ``hus``/``kurs`` end in
    s by themselves, and not from ``ss``/``xs``/``zs`` (``Hess``). Names that end in s
    themselves (``Hans``, ``Jens``, ``Paris``) are a known limitation of the bare-s
    rule: use :func:`lemma`, which asks simplemma's dictionary first.

    >>> [base_form(w) for w in ["FN's", "USA’s", "Ruslands", "Lars'", "hus", "Assads"]]
    ['FN', 'USA', 'Rusland', 'Lars', 'hus', 'Assad']
    """
    if token.endswith(("'s", "’s")):
        return token[:-2]
    if token.endswith(("'", "’")):
        return token[:-1]
    if token[:1].isupper() and len(token) > 3 and token.endswith("s") and token[-2] not in "sxzSXZ":
        return token[:-1]
    return token


@lru_cache(maxsize=1 << 18)
def lemma(token: str, lang: str = "da") -> str:
    """The lemma of one token (cached).

    Rules first, then simplemma's Danish dictionary (shipped with simplemma, no
    download): numbers, punctuation, URLs and e-mail addresses are their own lemma;
    an apostrophe genitive is stripped (``FN's`` -> ``FN``); a capitalised word that
    the dictionary does not know loses a genitive ``s`` (``Assads`` -> ``Assad``).
    The case of the word is kept for names; compare lemmas case-insensitively.

    >>> [lemma(w) for w in ["russerne", "syriske", "Ruslands", "FN's", "TEBA's", "160.000"]]
    ['russer', 'syrisk', 'Rusland', 'FN', 'TEBA', '160.000']
    """
    import simplemma

    if not token or not token[0].isalpha() or "@" in token or "://" in token:
        return token
    if token.endswith(("'s", "’s", "'", "’")):
        token = base_form(token)
        if not token:
            return token
    out = simplemma.lemmatize(token, lang=lang)
    if out == token and token[0].isupper() and not simplemma.is_known(token, lang=lang):
        out = base_form(token)
    return out


def lemmatize(text_or_tokens, *, lang: str = "da") -> list[str]:
    """Lemmas for the tokens of a text (or for a list of tokens or Token tuples), one per token.

    Context-free: each token is looked up on its own with :func:`lemma`.

    >>> lemmatize(["De", "syriske", "styrker", "fortsætter", "."])
    ['den', 'syrisk', 'styrke', 'fortsætte', '.']
    """
    if isinstance(text_or_tokens, str):
        toks = [t.text for t in tokenize(text_or_tokens)]
    else:
        toks = [t.text if isinstance(t, Token) else t for t in text_or_tokens]
    return [lemma(t, lang) for t in toks]


@lru_cache(maxsize=None)
def _default_stopwords(lang: str = "da") -> frozenset[str]:
    return frozenset(_read_list("stopwords.txt", lang))


def stopwords(lang: str = "da", *, add=(), remove=()) -> frozenset[str]:
    """The stop word list for ``lang`` (lower case), with words added or removed per call.

    The Danish list is ``corpus_tools/lang/da/stopwords.txt`` (Snowball's list plus
    25 function words; see its header).

    >>> sw = stopwords(add=["siger"], remove=["ikke"])
    >>> "siger" in sw, "ikke" in sw, "og" in sw
    (True, False, True)
    """
    if isinstance(add, str) or isinstance(remove, str):
        raise CorpusError("add= and remove= take a list of words, not one string")
    base = set(_default_stopwords(lang))
    base |= {w.lower() for w in add}
    base -= {w.lower() for w in remove}
    return frozenset(base)
