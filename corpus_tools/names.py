"""Proper names in Danish text, known to the gazetteer or not.

Danish writes only names with a capital letter (nouns are lower case, unlike German),
so a name is a run of capitalised tokens, with name particles inside it
(``Staffan de Mistura``, ``Ludwig van Beethoven``, ``Det Syriske Observatorium for
Menneskerettigheder``) and hyphenated Arabic articles (``Bashar al-Assad``). The hard
part is the sentence start, where every word is capitalised: a first word counts
when the gazetteer knows it, when it recurs capitalised inside sentences elsewhere
in the data, or when it is not an ordinary Danish word.

>>> n = find_names("Syriske oprørere mødtes med Ibrahim Jabawi fra Den Frie Syriske Hær i Daraa.")
>>> list(zip(n.surface, n.known))
[('Ibrahim Jabawi', True), ('Den Frie Syriske Hær', True), ('Daraa', False)]
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

import pandas as pd

from ._docs import iter_docs

__all__ = ["find_names"]

# Lower-case words that may sit inside a name between capitalised words.
# Danish function words other than "for" (og, i, til) are left out on purpose:
# "Jytte Hilden og Lone Dybkjær" are two names, "John Winther i TEBA's" too.
_PARTICLES = frozenset(
    "al bin ibn abu da de del della der den di do dos du el la le van von zu ter ten y "
    "for of".split()
)
# single capitalised words that are pronouns, not names, mid-sentence: De (polite you), I (you);
# a lone capital letter (vitamin C, pulje B, 2,0 E) is not a name either
_PRONOUNS = frozenset("De Dem Deres Den Det I".split())
# initialisms of common nouns, which Retskrivningsordbogen writes in lower case (tv, pc,
# hiv): not names when they stand alone (but TV 2, TV Syd are)
_COMMON_INITIALISMS = frozenset(
    "AIDS BNP CD CPR DNA DVD EDB GPS HIV IT MMS PC PH PR SMS TV USB VIP".split()
)
# abbreviated titles (abbreviations.txt): not part of the name that follows
_TITLE_ABBREVIATIONS = frozenset("adm. dir. dr. fhv. fmd. frk. hr. prof. red.".split())
# the definite and plural endings of Danish nouns: an unknown capitalised word
# with one at a sentence start is a compound noun (Forligsresultatet), not a name
_NOUN_END_RE = re.compile(r"(?:en|et|ene|erne|ens|ets|enes|ernes)$")
# Arabic and other articles glued with a hyphen: al-Assad, el-Sisi, bin-Salman
_GLUED_RE = re.compile(r"^(?:al|el|ad|as|ash|at|az|bin|ibn|abu|abd|ul|ur)-[A-ZÆØÅ]")
# an acronym with a Danish noun ending is a common noun made from it: CB'erne (the
# CB-radio people), OB'eren (a player of OB), pc'er, tv'et; the genitive (OBs, ØK's) is not
# a romanised (Korean, Chinese) given name with a lower-case second syllable, and the
# short family name before it: Kim Jong-un, Lai Ching-te, Ban Ki-moon, Tsai Ing-wen
_ROMANISED_RE = re.compile(r"^[A-Z][a-z]{1,4}-[a-z]{1,4}s?$")
_FAMILY_RE = re.compile(r"^[A-Z][a-z]{1,3}$")
_ACRONYM_NOUN_RE = re.compile(r"^[A-ZÆØÅ]{2,}['’]?(?:er|ere|erne|eren|ernes|erens|en|ens|et|ets)$")
# characters after which a new sentence (and so a capital) begins
_OPENERS = frozenset("»«\"“„:–—-(")
_QUOTES = frozenset("»«\"“”„'")


@lru_cache(maxsize=1)
def _first_names() -> frozenset[str]:
    from importlib import resources

    path = resources.files("corpus_tools").joinpath("lang", "da", "first_names.txt")
    return frozenset(
        line.strip() for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    )


@lru_cache(maxsize=1)
def _gazetteer_words() -> frozenset[str]:
    """Adjective and demonym forms of the built-in gazetteer, lower case."""
    from .actors import _actor_form_rows, _resolve

    return frozenset(s.lower() for s, a, f, amb in _actor_form_rows(_resolve(None)) if f in ("adjective", "demonym"))


@lru_cache(maxsize=1 << 16)
def _is_common_word(word: str) -> bool:
    """Is the capitalised ``word`` an ordinary Danish word (so a sentence start, not a name)?

    simplemma's Danish dictionary keeps proper nouns capitalised (``morten`` ->
    ``Morten``), so a known word with a lower-case lemma is a common word; an
    unknown long word with a noun ending is taken for a compound noun.
    """
    import simplemma

    from .text import stopwords

    low = word.lower()
    if low in stopwords():
        return True
    if word in _first_names():
        return False
    if low in _gazetteer_words():
        return True  # russiske, Syriske: adjectives and demonyms are ordinary words
    if simplemma.is_known(low, lang="da"):
        return not simplemma.lemmatize(low, lang="da")[:1].isupper()
    return len(low) > 6 and bool(_NOUN_END_RE.search(low))


@lru_cache(maxsize=4)
def _known_surfaces(actors: tuple) -> dict[str, str]:
    """Surface -> actor_id for the capitalised name-like forms of a resolved gazetteer."""
    from .actors import _actor_form_rows

    return {s: a.actor_id for s, a, f, amb in _actor_form_rows(actors)
            if f in ("name", "alias", "genitive", "metonym") and s[:1].isupper()}


@lru_cache(maxsize=4)
def _known_longer(actors: tuple) -> dict[str, list[tuple[str, ...]]]:
    """First token -> token sequences (longest first) of the known names that the
    capitalisation rule alone would cut short (TV 2, Læger uden Grænser, Antigua og
    Barbuda); only names that end in a capitalised word or a number."""
    from .text import tokenize

    out: dict[str, list[tuple[str, ...]]] = {}
    for surface in _known_surfaces(actors):
        toks = tuple(t.text for t in tokenize(surface))
        if (len(toks) > 1 and not all(_is_cap(t) or t in _PARTICLES for t in toks)
                and (_is_cap(toks[-1]) or toks[-1].isdigit())):
            out.setdefault(toks[0], []).append(toks)
    for seqs in out.values():
        seqs.sort(key=len, reverse=True)
    return out


def _is_cap(tok: str) -> bool:
    """A name token: capitalised (FN, Assad, Saudi-Arabien) or glued (al-Assad), but not a
    compound common noun with a capitalised first part (FN-styrken, KTAS-ledelsen)."""
    c = tok[0]
    if c.isupper():
        if not (c.isalpha() or len(tok) == 1 or any(ch.isalpha() for ch in tok)):
            return False
    elif "-" not in tok or not _GLUED_RE.match(tok):  # the hyphen test spares most lower-case words a regex
        return False
    if "-" in tok:
        tail = tok.rsplit("-", 1)[1]
        return not (tail[:1].islower())
    return not (tok[1:2].isupper() and _ACRONYM_NOUN_RE.match(tok))


def _is_headline_word(tok: str) -> bool:
    """An all-capitals word that is an ordinary word (DE, RUBRIK, POLITI-AFPRESNING), not an
    acronym (FN, HIV) or a name in a headline (SAUDI-ARABIEN)."""
    if not (tok.isupper() and len(tok) > 1):
        return False
    if "-" in tok:
        tok = tok.rsplit("-", 1)[1]  # a compound's head decides, as in FN-styrken
    return (len(tok) > 4 or tok.lower() in _stop()) and _is_common_word(tok)


def _is_label(toks, i) -> bool:
    """An ordinary word in capitals before a colon is a label (PRIS:, FOTO:), not a name;
    a dateline (ODENSE:) is not an ordinary word."""
    t = toks[i].text
    return (i + 1 < len(toks) and toks[i + 1].text == ":" and len(t) > 2 and t.isupper()
            and _is_common_word(t))


@lru_cache(maxsize=1)
def _stop():
    from .text import stopwords

    return stopwords()


def _acronym_then_word(a: str, b: str) -> bool:
    """An acronym before a capitalised word starts a new name: "direktør i DI Jens Hansen"."""
    return (len(a) > 1 and a.isalpha() and a.isupper() and a.capitalize() not in _first_names()
            and not b.isupper() and b[1:].islower())


@lru_cache(maxsize=1 << 12)
def _is_attributive(word: str) -> bool:
    """Can ``word`` stand before a noun inside a name: an article (Den, Det, De) or an
    adjective (Dansk, Nye, Hvide, Forenede), but not a preposition (Ifølge) or a
    quantifier (Mange)?"""
    import simplemma

    if word in ("Den", "Det", "De"):
        return True
    low = word.lower()
    if low in _stop():
        return False
    if low.endswith("sk"):
        return True
    if not low.endswith("e"):
        return False
    lemma = simplemma.lemmatize(low, lang="da")  # nye -> ny, grønne -> grøn, forenede -> forene
    return lemma != low and low.startswith(lemma) and len(low) - len(lemma) <= 2


def _is_title_abbreviation(tok: str) -> bool:
    """An abbreviated title before a name is not part of it (Prof. Ib Madsen, Dir. Jens
    Hansen); other abbreviations can be (St. Petersborg, Sdr. Omme, Gl. Kongevej)."""
    return tok[-1] == "." and tok.lower() in _TITLE_ABBREVIATIONS


def _is_acronym_genitive(tok: str) -> bool:
    """An acronym in the genitive (OBs, DSB's, FN’s): a name, even where ``obs`` is a word."""
    base = tok[:-2] if tok.endswith(("'s", "’s")) else tok[:-1] if tok.endswith("s") else ""
    return len(base) > 1 and base.isupper()


def _is_genitive(tok: str, mid_caps) -> bool:
    """Does ``tok`` end a name with a genitive (``TEBA's``, ``OBs``, ``Etlars`` when ``Etlar`` is seen)?"""
    if tok.endswith(("'s", "’s", "'", "’")):
        return True
    if len(tok) > 2 and tok.endswith("s") and tok[:-1].isupper():
        return True
    return len(tok) > 3 and tok.endswith("s") and mid_caps[tok[:-1]] > 0


def find_names(data, *, gazetteer=None, progress=None) -> pd.DataFrame:
    """Every proper-name span in ``data`` (a corpus DataFrame, a string, or strings).

    Columns: ``doc_id``, ``start``, ``end`` (character offsets into the text),
    ``surface``, ``known`` (the gazetteer has this surface as a name, alias,
    genitive or metonym) and ``actor_id`` (where known, else None). Rows are in
    text order. Use ``known == False`` to see who is missing from your gazetteer.
    ``gazetteer`` is as for :func:`corpus_tools.actor_mentions` (None, a CSV path
    added to the built-in one, or a DataFrame from ``load_gazetteer``).

    Rules: a name is a run of capitalised tokens (acronyms included), which may
    contain name particles (``de``, ``von``, ``van``, ``bin``, ``al``; ``for``/``of`` in
    organisation names) when a capitalised token follows; a genitive ends a run
    (``Carit Etlars Dronningens ...``) unless the gazetteer knows the longer name
    (``FN's Sikkerhedsråd``); a name the gazetteer knows wins over these rules (``TV 2``,
    ``Læger uden Grænser``). A nickname in quotes (``Jørn »Jønke« Nielsen``) and a
    company form (``Novo Nordisk A/S``, ``ApS``) belong to the name; an abbreviated
    title (``Prof.``, ``Dir.``) does not; a romanised given name with a lower-case
    second syllable after a short family name does (``Kim Jong-un``, ``Lai Ching-te``).
    Not names: compounds with a lower-case tail (``FN-styrken``), an acronym with a noun ending (``SF'erne``, ``TV'et``), the
    pronouns ``De``/``Den``/``Det``/``I`` alone, a lone capital letter (``vitamin C``),
    initialisms of common nouns alone (``HIV``, ``TV``, ``PC``), ordinary words in
    capitals (``RUBRIK``, ``SKOLE-REFORM``, the label ``PRIS:``), and a lone
    capitalised noun in its definite form (``Folketinget``, ``Korstogene``) unless
    known or a proper noun in simplemma's dictionary (``Sovjetunionen``). A word at
    a sentence start (or after ``»``, ``:``, a dash) counts if the gazetteer knows
    it, if it is an acronym (``OBs`` too), a common first name, if it recurs
    capitalised inside sentences elsewhere in ``data``, or if it is not an ordinary
    Danish word (simplemma's dictionary, which keeps proper nouns capitalised); an
    article or adjective before an ordinary word in capitals stays (``Dansk
    Industri``, ``De Grønne``); otherwise the first word is dropped and the rest of
    the run is kept (``Ungareren György Dalos`` -> ``György Dalos``).

    Accuracy on DaNE dev (exact spans, labels ignored): precision 0.87, recall
    0.94, F1 0.91; ``python -m corpus_tools.evaluate names`` prints it.
    ``progress``: a progress bar (tqdm); None shows one only for 5,000 or more
    articles in an interactive session (a terminal or Jupyter), never under pytest.

    >>> find_names("Han mødte Staffan de Mistura og FN's Sikkerhedsråd.")[["surface", "actor_id"]].values.tolist()
    [['Staffan de Mistura', 'person:staffan_de_mistura'], ["FN's Sikkerhedsråd", 'igo:UNSC']]
    """
    from .actors import _resolve

    actors = _resolve(gazetteer)
    known, longer = _known_surfaces(actors), _known_longer(actors)
    common = _is_common_word
    # pass 1 counts capitalised words inside sentences over all of ``data``; pass 2
    # finds the names. Only the texts are kept between the passes, not their tokens.
    texts = []
    mid_caps: Counter = Counter()  # capitalised inside a sentence
    run_starts: Counter = Counter()  # ... and first in its run (not Syriske in Den Frie Syriske Hær)
    for doc_id, text in iter_docs(data, progress=progress, desc="names"):
        toks, initial = _tokens(text)
        for i, t in enumerate(toks):
            if not initial[i] and _is_cap(t.text):
                mid_caps[t.text] += 1
                if not _is_cap(toks[i - 1].text):
                    run_starts[t.text] += 1
        texts.append((doc_id, text))

    rows = []
    for doc_id, text in texts:
        toks, initial = _tokens(text)
        for start_i, end_i in _runs(toks, initial, known, common, mid_caps, run_starts, longer):
            s, e = toks[start_i].start, toks[end_i].end
            # Lars' far: the apostrophe genitive belongs to the name
            if e < len(text) and text[e] in "'’" and text[e - 1] in "sxz" and (e + 1 == len(text) or not text[e + 1].isalnum()):
                e += 1
            if text.endswith("/S.", s, e):  # Novo Nordisk A/S. at the end of a sentence
                e -= 1
            surface = text[s:e]
            aid = known.get(surface)
            rows.append((doc_id, s, e, surface, aid is not None, aid))
    return pd.DataFrame(rows, columns=["doc_id", "start", "end", "surface", "known", "actor_id"])


def _tokens(text: str):
    """Tokens of ``text`` and, per token, whether it starts a sentence (or follows »:–)."""
    from .text import sentences, tokenize

    toks = tokenize(text)
    starts = {s.start for s in sentences(text)}
    initial = [t.start in starts or i == 0 or toks[i - 1].text in _OPENERS for i, t in enumerate(toks)]
    return toks, initial


def _runs(toks, initial, known, common, mid_caps, run_starts, longer=None):
    n = len(toks)
    i = 0
    while i < n:
        t = toks[i].text
        if not _is_cap(t) or _is_headline_word(t) or _is_label(toks, i) or _is_title_abbreviation(t):
            i += 1
            continue
        if (longer and initial[i] and i + 1 < n and toks[i + 1].text in longer and t not in longer
                and _trim_initial(toks, i, i, known, common, run_starts) is None
                and _known_at(toks, i + 1, longer) is not None):
            i += 1  # "Ifølge Læger uden Grænser": the plain first word goes, the known name starts
            continue
        # extend over capitalised tokens and inner particles
        j = i
        if longer and t in longer:  # a known name wins: TV 2 (News), Læger uden Grænser
            end = _known_at(toks, i, longer)
            if end is not None:
                j = end
        while True:
            if _is_genitive(toks[j].text, mid_caps) and not _known_prefix(toks, i, j + 1, known):
                break
            k = _company_suffix(toks, j)
            if k > j:
                j = k
                break
            k = j + 1
            if k < n and _is_cap(toks[k].text) and not _is_headline_word(toks[k].text) \
                    and toks[k].start - toks[j].end <= 1 and not _acronym_then_word(toks[j].text, toks[k].text) \
                    and not (toks[k].text in _first_names() and _known_prefix(toks, i, j, known)):
                # (a known name, then a first name: two names, "generalsekretær i Dansk
                # Flygtningehjælp Charlotte Slente")
                j = k
                continue
            if (k < n and _ROMANISED_RE.match(toks[k].text) and _FAMILY_RE.match(toks[j].text)
                    and toks[k].start - toks[j].end <= 1):
                j = k  # a romanised given name after a short family name: Kim Jong-un, Lai Ching-te
                break
            if (k + 1 < n and toks[j].text.endswith("-") and toks[k].text in ("og", "eller")
                    and _is_cap(toks[k + 1].text) and toks[k].start - toks[j].end <= 1):
                j = k + 1  # a suspended compound: Midt- og Vestjyllands Politi, Nord- og Sydamerika
                continue
            if (k + 1 < n and toks[k].text in _PARTICLES and _is_cap(toks[k + 1].text)
                    and not _is_genitive(toks[k + 1].text, mid_caps)
                    and toks[k].start - toks[j].end <= 1):
                j = k + 1
                continue
            if (k + 2 < n and toks[k].text in _PARTICLES and toks[k + 1].text in _PARTICLES
                    and _is_cap(toks[k + 2].text) and not _is_genitive(toks[k + 2].text, mid_caps)
                    and toks[k].start - toks[j].end <= 1 and toks[k + 1].start - toks[k].end <= 1):
                j = k + 2  # two particles: Ursula von der Leyen, Rafael van der Vaart
                continue
            if k + 3 < n and toks[k].text in _QUOTES and _is_nickname(toks, j, k):
                j = k + 3
                continue
            break
        span = (i, j)
        if initial[i]:
            span = _trim_initial(toks, i, j, known, common, run_starts)
        if span is not None and span[0] == span[1]:
            one = toks[span[0]].text
            if (one in _PRONOUNS or len(one) == 1 or (one in _COMMON_INITIALISMS and one not in known)
                    or (not initial[span[0]] and _is_definite_noun(one, known))):
                span = None
        if span is not None:
            yield span
        i = j + 1


def _known_at(toks, i, longer):
    """The last token of the longest known name (``longer``) that starts at token ``i``, or None."""
    n = len(toks)
    for seq in longer.get(toks[i].text, ()):
        m = len(seq)
        if i + m <= n and all(toks[i + x].text == seq[x] for x in range(1, m)):
            return i + m - 1
    return None


def _company_suffix(toks, j) -> int:
    """Extend a name over a company form after it: Novo Nordisk A/S, Hansen ApS, Vest I/S."""
    n = len(toks)
    if j + 1 < n and toks[j + 1].start - toks[j].end == 1:
        nxt = toks[j + 1].text
        if nxt in ("ApS", "AmbA"):
            return j + 1
        if (nxt in ("A", "I", "K", "P") and j + 3 < n and toks[j + 2].text == "/" and toks[j + 3].text in ("S", "S.")
                and toks[j + 2].start == toks[j + 1].end and toks[j + 3].start == toks[j + 2].end):
            return j + 3
    return j


def _is_nickname(toks, j, k) -> bool:
    """A nickname in quotes between first name and surname belongs to the name:
    Sylvester "Rambo" Stallone, Jørn »Jønke« Nielsen (toks[k] is the opening quote)."""
    a, nick, b, last = toks[k:k + 4]
    return (b.text in _QUOTES and _is_cap(nick.text) and not nick.text.isupper() and _is_cap(last.text)
            and not last.text.isupper() and not toks[j].text.isupper() and toks[j].text[-1:] not in "'’"
            and a.start - toks[j].end <= 1 and last.start - b.end <= 1)


def _is_definite_noun(tok: str, known) -> bool:
    """A capitalised single word in a noun's definite form (Folketinget, Korstogene): an
    institution or thing more often than a name in DaNE's sense, unless known."""
    return (tok not in known and len(tok) > 6 and bool(_NOUN_END_RE.search(tok)) and tok[1:].islower()
            and not tok.endswith("ien")  # Jugoslavien, Tanzanien: places
            and not _dictionary_name(tok))  # Sovjetunionen, Nordkalotten


@lru_cache(maxsize=1 << 14)
def _dictionary_name(tok: str) -> bool:
    """Does simplemma's Danish dictionary, which keeps proper nouns capitalised, give ``tok``
    a capitalised lemma (Sovjetunionen, Nordkalotten; not folketing, regering)?"""
    import simplemma

    low = tok.lower()
    return simplemma.is_known(low, lang="da") and simplemma.lemmatize(low, lang="da")[:1].isupper()


def _known_prefix(toks, i, j, known) -> bool:
    """Is the text of tokens i..j (inclusive, clipped) a known name (FN's Sikkerhedsråd)?"""
    j = min(j, len(toks) - 1)
    return " ".join(t.text for t in toks[i:j + 1]) in known


def _trim_initial(toks, i, j, known, common, run_starts):
    """Decide on a run that starts a sentence; drop a first word that is just capitalised."""
    first = toks[i].text
    whole = " ".join(t.text for t in toks[i:j + 1])
    if whole in known or first in known or (len(first) > 1 and (first.isupper() or _is_acronym_genitive(first))):
        return (i, j)
    if not common(first):
        return (i, j)
    if run_starts[first] and first.lower() not in _stop() and first.lower() not in _gazetteer_words():
        return (i, j)  # the word recurs capitalised inside sentences: a name (Hafnia, Horsens)
    if i < j and toks[i + 1].text[1:].islower() and _is_attributive(first) and common(toks[i + 1].text):
        return (i, j)  # Dansk Industri, Det Hvide Hus: an ordinary word inside the run marks a name
    # "I Danmark", "Ungareren György Dalos": keep the rest, without leading particles
    i += 1
    while i <= j and toks[i].text in _PARTICLES:
        i += 1
    return (i, j) if i <= j else None
