"""Danish-aware tokens, sentences and lemmas, each with character offsets.

One compiled regular expression tokenises a text in one pass. Tokens keep their
offsets into the original text, so every later analysis can point back to it.

>>> [t.text for t in tokenize("FN's udsending siger, at 160.000 er fordrevet, bl.a. i Syrien.")]
["FN's", 'udsending', 'siger', ',', 'at', '160.000', 'er', 'fordrevet', ',', 'bl.a.', 'i', 'Syrien', '.']
>>> [s.text for s in sentences("Han kom ca. kl. 10. Det regnede.")]
['Han kom ca. kl. 10.', 'Det regnede.']
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources
from typing import NamedTuple

__all__ = [
    "Token",
    "Sentence",
    "tokenize",
    "sentences",
    "words",
    "lemmatize",
    "base_form",
    "stopwords",
    "abbreviations",
    "TOKEN_RE",
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
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip() if not line.lstrip().startswith("#") else ""
        if line:
            out.append(line)
    return out


@lru_cache(maxsize=None)
def abbreviations(lang: str = "da") -> frozenset[str]:
    """Abbreviations (lower case, with dots) that are one token and never end a sentence."""
    return frozenset(_read_list("abbreviations.txt", lang))


def _abbrev_pattern() -> str:
    items = sorted(abbreviations(), key=lambda a: (-len(a), a))
    return "|".join(re.escape(a) for a in items)


TOKEN_RE = re.compile(
    r"""
    # URLs and e-mail addresses stay whole (trailing punctuation is not part of them)
      (?:https?://|www\.)[^\s<>»«"]*[^\s<>»«".,;:!?)\]]
    | [\w.+-]+@[\w-]+(?:\.[\w-]+)+
    # abbreviations with their dots: bl.a., f.eks., mio., kr.
    | (?<!\w)(?i:"""
    + _abbrev_pattern()
    + r""")(?!\w)
    # an initial: H. C. Andersen
    | (?<!\w)[A-ZÆØÅ]\.(?=\s+[A-ZÆØÅ])
    # numbers: 160.000  1,5  10-15.000  34-årig; an ordinal keeps its dot before a
    # lower-case word (2. verdenskrig)
    | \d+(?:[.,]\d+)*(?:[-–]\d+(?:[.,]\d+)*)?(?:-\w+)*(?:\.(?=\s+[a-zæøå]))?
    # words with inner hyphens and apostrophes: Saudi-Arabien, al-Assad, FN's
    | \w+(?:[-'’]\w+)*
    # an ellipsis, then any other single non-space character
    | \.\.\.|…
    | [^\w\s]
    """,
    re.VERBOSE,
)

_SIMPLE_WORD_RE = re.compile(r"\w+(?:[-'’.,]\w+)*")


def tokenize(text: str) -> list[Token]:
    """Tokens of ``text`` with their character offsets (``text[start:end] == token``)."""
    return [Token(m.group(), m.start(), m.end()) for m in TOKEN_RE.finditer(text)]


def words(text: str, *, lower: bool = True) -> list[str]:
    """Word tokens only (no punctuation), lower-cased by default: the statistics' fast path."""
    toks = [t for t in TOKEN_RE.findall(text) if t[0].isalnum()]
    return [t.lower() for t in toks] if lower else toks


_TERMINALS = {".", "!", "?", "...", "…"}
_CLOSERS = {"»", "«", '"', "”", "“", ")", "]", "'", "’"}
_PARA_RE = re.compile(r"\n[ \t]*\n")


def sentences(text: str) -> list[Sentence]:
    """Sentence spans of ``text``.

    A sentence ends at ``.``, ``!``, ``?`` or an ellipsis (with any closing quote or
    bracket after it) when the next token starts with a capital letter, a digit, an
    opening quote or a dash, and always at a paragraph break (a blank line).
    Abbreviations (``bl.a.``, ``ca.``, ``mio.``) are tokens of their own and never end one.
    """
    spans: list[Sentence] = []
    for pm_start, pm_end in _paragraphs(text):
        toks = [(m.group(), m.start(), m.end()) for m in TOKEN_RE.finditer(text, pm_start, pm_end)]
        i, n = 0, len(toks)
        start_i = 0
        while i < n:
            tok = toks[i][0]
            if tok in _TERMINALS:
                j = i + 1
                while j < n and toks[j][0] in _CLOSERS and toks[j][1] == toks[j - 1][2]:
                    j += 1
                if j >= n:
                    break
                nxt = toks[j][0]
                if nxt[0].isupper() or nxt[0].isdigit() or nxt[0] in "»«\"“„-–—(":
                    spans.append(_span(text, toks[start_i][1], toks[j - 1][2]))
                    start_i = j
                    i = j
                    continue
            i += 1
        if start_i < n:
            spans.append(_span(text, toks[start_i][1], toks[n - 1][2]))
    return spans


def _paragraphs(text: str):
    pos = 0
    for m in _PARA_RE.finditer(text):
        if m.start() > pos:
            yield pos, m.start()
        pos = m.end()
    if pos < len(text):
        yield pos, len(text)


def _span(text: str, start: int, end: int) -> Sentence:
    return Sentence(text[start:end], start, end)


# --------------------------------------------------------------------------- lemmas

_GENITIVE_RE = re.compile(r"^(?P<base>.+?)(?:'s|’s|'|’|(?<=[^sxz])s)$")


def base_form(token: str) -> str:
    """Strip a Danish genitive from a proper name: ``FN's`` -> ``FN``, ``Ruslands`` -> ``Rusland``.

    Only apostrophe genitives are certain; a bare final ``s`` is removed only from
    capitalised words (names), since ``hus``/``kurs`` end in s by themselves.
    """
    if token.endswith(("'s", "’s")):
        return token[:-2]
    if token.endswith(("'", "’")):
        return token[:-1]
    if token[:1].isupper() and len(token) > 3 and token.endswith("s") and token[-2] not in "sxz":
        return token[:-1]
    return token


def lemmatize(text_or_tokens, *, lang: str = "da") -> list[str]:
    """Lemmas for the tokens of a text (or for a list of tokens), one per token.

    Uses simplemma's Danish data (shipped with the package, no download).
    """
    import simplemma

    toks = [t.text for t in tokenize(text_or_tokens)] if isinstance(text_or_tokens, str) else list(text_or_tokens)
    return [simplemma.lemmatize(t, lang=lang) if t[0].isalpha() else t for t in toks]


@lru_cache(maxsize=None)
def _default_stopwords(lang: str = "da") -> frozenset[str]:
    return frozenset(_read_list("stopwords.txt", lang))


def stopwords(lang: str = "da", *, add=(), remove=()) -> frozenset[str]:
    """The stop word list for ``lang`` (lower case), with words added or removed per call."""
    base = set(_default_stopwords(lang))
    base |= {w.lower() for w in add}
    base -= {w.lower() for w in remove}
    return frozenset(base)
