"""Key figures: every number in Danish news, with what it counts, its hedge and source.

``extract_figures`` returns one row per number expression (``160.000``, ``omkring
500.000``, ``2,5 mia. kr.``, ``to``, ``2015``), each with its sentence and offsets,
so a number on a chart leads back to the words it came from. Years, dates, clock
times, ordinals, scores and identifiers are returned too, with ``is_figure`` False
and ``kind`` saying what they are, so a user can see why they are not figures.

>>> fig = extract_figures("Ifølge FN er 160.000 mennesker fordrevet siden 2015.")
>>> fig[["surface", "value", "unit", "category", "hedge", "attribution"]].values.tolist()
[['160.000', 160000.0, 'menneske', 'displaced', 'exact', 'FN'], ['2015', 2015.0, nan, 'date_or_year', 'exact', nan]]
>>> fig["is_figure"].tolist()
[True, False]

How it works: a scan in C (an Aho-Corasick automaton over a lower-cased Latin-1
copy of the text, ``_scan_hits``; it finds exactly the matches of ``PREFILTER_RE``:
digits and number words) proposes start positions, one compiled pattern
(``CANDIDATE_RE``) reads the whole expression there (``2,5 mio.``, ``et par
hundrede``, ``10-15``; ``en``/``et`` only before a multiplier or fraction); only
those hits are classified, from a few words around them and the lexicon in
``lang/da/figure_lexicon.toml`` (triggers per category, hedges, units, attribution
verbs, modality cues). Sentence spans are those of ``corpus_tools.text.sentences``,
computed only for paragraphs that hold a hit (``_sentence_cuts``).

Speed (one process, CPU time, 10 MB of DDT-style articles with 3.4 numbers per KB,
caches warm): about 0.6x scikit-learn's CountVectorizer (about 7.5 MB/s). Per number
about 16 microseconds go to classifying it (Python: the words around it, hedge,
identifier and modality checks), and about as much again to the scan and candidate
pattern, sentence spans and the DataFrame. Quick tests skip work that cannot change
an answer: the facts of a number's surface are kept per surface (``_FACTS``), a
sentence end per chunk (``_CHUNK_ENDS``), and an Aho-Corasick automaton of the first
words of the trigger, modality and attribution phrases over the scan's copy of the
text says where none of them can match (for the modality cues of a number near its
sentence's start, over the whole start of the sentence, without cutting it into words).
Sentence ends are read in a paragraph only from the last one before its first hit
(read backwards) to the first one after its last hit. Every shortcut is tested to give
what the plain code gives (``tests/test_figures.py``). A fresh process first pays about 0.7 s
to load simplemma's Danish dictionary (the lemmas of units).

Conventions (the same as the labelled set in ``tests/data/figures/CONVENTIONS.md``):
the span covers the number and its multiplier (``13 mia.``, ``halvanden million``),
not the hedge or the unit; a range covers both ends (``10-15``, ``200 og 300``), its
``value`` is the midpoint and ``low``/``high`` its ends; vague quantities
(``tusindvis``, ``flere hundrede``) have no value. Ordinal words (``første``,
``anden``) and ``en``/``et`` on their own are not extracted: they are articles and
adjectives far more often than figures.
"""

from __future__ import annotations

import bisect
import codecs
from itertools import chain as _chain
import math
import re
try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

import numpy as np
import pandas as pd

from ._docs import iter_docs
from ._parallel import batches, run_batches
from .errors import CorpusError
from .numbers import FRACTIONS, MULTIPLIERS, VAGUE, number_words, parse_quantity, word_pattern
from .numbers import parse_number  # noqa: F401  (public re-export: corpus_tools.parse_number)

__all__ = [
    "extract_figures", "figure_conflicts", "parse_number", "load_figure_lexicon",
    "COLUMNS", "CATEGORIES", "HEDGES", "MODALITIES",
]

COLUMNS = [
    "doc_id", "sentence", "sentence_start", "start", "end", "surface", "value", "low", "high",
    "unit", "category", "hedge", "attribution", "is_figure", "kind", "modality",
]
TRIGGER_CATEGORIES = ("killed", "wounded", "displaced", "refugees", "arrested", "missing")
CATEGORIES = TRIGGER_CATEGORIES + (
    "people", "money", "percent", "count", "duration", "age", "date_or_year", "ordinal", "other",
)
HEDGES = ("exact", "approximate", "at_least", "more_than", "less_than", "up_to", "at_most", "range")
MODALITIES = ("fact", "negated", "hypothetical")

# --------------------------------------------------------------------------- lexicon


@dataclass(frozen=True)
class FigureLexicon:
    """The compiled lexicon: trigger regexes per category, hedges, units and cues."""

    triggers: tuple  # ((category, compiled regex), ...) in file order
    trigger_re: re.Pattern  # all categories at once, one named group each
    hedge_re: re.Pattern
    units: dict  # surface (lower) -> (category, lemma)
    multiword_units: dict  # "svenske kroner" -> (category, lemma)
    people: frozenset
    attribution_re: re.Pattern
    verbs_re: re.Pattern
    negation_re: re.Pattern
    hypothetical_re: re.Pattern
    months: frozenset
    clock: frozenset
    rank: frozenset
    identifier_after: frozenset
    change_re: re.Pattern
    month_date_re: re.Pattern  # ". maj", ". juni 2018" right after a day number
    attribution_phrases: tuple = ()  # (prepositions, verbs): the phrases behind attribution_re and verbs_re
    hedge_phrases: tuple = ()  # the phrases behind hedge_re, one tuple per hedge
    trigger_phrases: tuple = ()  # the phrases behind trigger_re, one tuple per category
    modality_phrases: tuple = ()  # (negation, hypothetical): the phrases behind negation_re and hypothetical_re
    modal_after: frozenset = frozenset()  # modal verbs among the three words after the number: "10.000 kan dø"
    memo: dict = field(default_factory=dict, compare=False, hash=False)  # word -> is a trigger; tuple keys: compiled helpers


def _phrase_regex(phrase: str) -> str:
    parts = []
    for word in phrase.split():
        if word == "…":
            parts.append(r"(?:\W+[\w.]+){0,6}?")
            continue
        if word.endswith("*"):
            parts.append(re.escape(word[:-1]) + r"\w*")
        else:
            parts.append(re.escape(word))
    out = ""
    for i, p in enumerate(parts):
        if i == 0:
            out = p
        elif parts[i - 1].startswith(r"(?:\W+"):
            out += r"\W+" + p
        elif p.startswith(r"(?:\W+"):
            out += p
        else:
            out += r"\W+" + p
    return out


def _alternation(phrases) -> str:
    items = sorted(set(phrases), key=lambda p: (-len(p), p))
    return "|".join(_phrase_regex(p) for p in items)


def load_figure_lexicon(path=None) -> FigureLexicon:
    """Load and compile a figure lexicon (TOML); ``None`` gives the packaged Danish one.

    A user file has the same sections as ``corpus_tools/lang/da/figure_lexicon.toml``.
    Errors name the file and, for syntax errors, the line.
    """
    if path is None:
        return _default_lexicon()
    return _compile_lexicon(Path(path).read_text(encoding="utf-8"), str(path))


@lru_cache(maxsize=None)
def _default_lexicon() -> FigureLexicon:
    res = resources.files("corpus_tools").joinpath("lang", "da", "figure_lexicon.toml")
    return _compile_lexicon(res.read_text(encoding="utf-8"), "corpus_tools/lang/da/figure_lexicon.toml")


def _compile_lexicon(source: str, name: str) -> FigureLexicon:
    try:
        data = tomllib.loads(source)
    except tomllib.TOMLDecodeError as exc:
        raise CorpusError(f"not valid TOML: {exc}", path=name) from None
    try:
        cats = data["categories"]
        unknown = sorted(set(cats) - set(TRIGGER_CATEGORIES))
        if unknown:
            raise CorpusError(f"unknown categories {unknown}; expected some of {list(TRIGGER_CATEGORIES)}", path=name)
        triggers = tuple(
            (cat, re.compile(r"(?<!\w)(?:" + _alternation(words) + r")(?!\w)")) for cat, words in cats.items()
        )
        trigger_re = re.compile(
            r"(?<!\w)(?:" + "|".join(f"(?P<{cat}>" + _alternation(words) + ")" for cat, words in cats.items()) + r")(?!\w)"
        )
        hedges = data["hedges"]
        unknown = sorted(set(hedges) - set(HEDGES))
        if unknown:
            raise CorpusError(f"unknown hedges {unknown}; expected some of {list(HEDGES)}", path=name)
        hedge_alts = []
        for hedge, words in hedges.items():
            hedge_alts.append(f"(?P<{hedge}>" + _alternation(words) + ")")
        # the hedge ends right before the number; "de"/"den"/"det" may come between, and
        # "være"/"blive" where the hedge stands before the verb ("må maksimalt være 25")
        hedge_re = re.compile(r"(?<!\w)(?:" + "|".join(hedge_alts) + r")\s+(?:(?:være|blive)\s+)?(?:(?:de|den|det|en|et)\s+)?$")
        units: dict = {}
        multi: dict = {}
        category_of = {"money": "money", "percent": "percent", "duration": "duration", "measure": "other", "count": "count"}
        for group, table in data["units"].items():
            if group not in category_of:
                raise CorpusError(f"unknown unit group [units.{group}]; expected {sorted(category_of)}", path=name)
            for surface, lemma in table.items():
                target = multi if " " in surface else units
                target[surface.lower()] = (category_of[group], lemma)
        people = frozenset(data["people"]["nouns"])
        att = data["attribution"]
        attribution_re = re.compile(r"(?<!\w)(?:" + _alternation(att["prepositions"]) + r")\s+", re.I)
        verbs_re = re.compile(r"(?<!\w)(?:" + _alternation(att["verbs"]) + r")(?!\w)")
        mod = data["modality"]
        negation_re = re.compile(r"(?<!\w)(?:" + _alternation(mod["negation"]) + r")(?!\w)")
        hypothetical_re = re.compile(r"(?<!\w)(?:" + _alternation(mod["hypothetical"]) + r")(?!\w)")
        tm = data["time"]
        return FigureLexicon(
            triggers, trigger_re, hedge_re, units, multi, people, attribution_re, verbs_re, negation_re,
            hypothetical_re, frozenset(tm["months"]), frozenset(tm["clock"]), frozenset(tm["rank"]),
            frozenset(data["identifiers"]["after"]),
            re.compile(r"(?<!\w)(?:" + _alternation(data["changes"]["verbs"]) + r")(?!\w)"),
            re.compile(
                r"\.\s+(?:" + "|".join(re.escape(x) for x in sorted(tm["months"], key=lambda m: (-len(m), m)))
                + r")(?!\w)(?:\s+\d{4}(?!\d))?",
                re.I,
            ),
            (tuple(att["prepositions"]), tuple(att["verbs"])),
            tuple(tuple(words) for words in hedges.values()),
            tuple(tuple(words) for words in cats.values()),
            (tuple(mod["negation"]), tuple(mod["hypothetical"])),
            frozenset(w.lower() for w in mod.get("hypothetical_after", ())),
        )
    except KeyError as exc:
        raise CorpusError(f"missing section or key {exc.args[0]!r}", path=name) from None
    except re.error as exc:
        raise CorpusError(f"an entry does not compile as a pattern: {exc}", path=name) from None


# --------------------------------------------------------------------------- candidates

_WORDS = sorted(number_words())
_WORD_SET = frozenset(_WORDS)
_SMALL_WORDS = sorted(w for w, v in number_words().items() if v < 100 and w != "halvanden")
_MULT_RE = r"(?:" + "|".join(
    # a full word may end the sentence ("var 4,1 millioner."); a bare abbreviation may not
    (re.escape(m[:-1]) + r"\." if m.endswith(".") else re.escape(m) + (r"(?!\w)(?!\.\d)" if len(m) > 4 else r"(?![\w.])"))
    for m in sorted(MULTIPLIERS, key=lambda m: (-len(m), m))
) + r")"
# 160.000, 1,5, 1/2, 9 1/2, and thousands grouped by (no-break) spaces: 160 000
_DIGITS = r"(?:\d*[½¼¾]|\d+\s\d/\d|\d+/\d+|\d{1,3}(?:[\u00a0\u202f ]\d{3})+(?![\d.,/])|\d+(?:[.,]\d+)*)(?![^\W\d_])"
_WORD = r"(?:" + word_pattern(_WORDS) + r")(?!\w)"
_ENET = r"(?:[Ee][nt]|E[NT])(?=[\s-]+(?:halvt?|kvart|par|hundrede|tusinde?|million|milliard|to|tre)(?!\w))"
_FRACTION = r"(?:halvt?|kvart|par)(?!\w)"
_VAGUE = r"(?:" + word_pattern(VAGUE) + r"|(?:[Ff]lere|[Mm]ange|[Aa]dskillige|[Nn]ogle)(?=\s+(?:hundrede|tusinde?|millioner|milliarder)(?!\w)))(?!\w)"
# "en"/"et" right after a hedge that needs a number: ca. en gang, mindst et barn
# (lookarounds come after a matched character, so that failing positions stay cheap)
_ENET_HEDGED = r"[Ee][nt](?!\w)(?:(?<=ca\.[ ]e[nt])|(?<=cirka[ ]e[nt])|(?<=mindst[ ]e[nt])|(?<=højst[ ]e[nt]))"
_ATOM = rf"(?:{_DIGITS}|{_ENET}(?:\s+{_FRACTION})?|{_ENET_HEDGED}|{_WORD}(?!(?<=[Tt]usind)\s+tak\b))"

CANDIDATE_RE = re.compile(
    rf"""
    (?<![\w.,/])
    (?:
      (?P<vague>{_VAGUE}(?:\s+{_MULT_RE}){{0,2}})
    | (?P<ingen>[Ii]ngen(?=\s+(?:af\s+(?:de|disse)\s+(?:[\w.-]+\s+){{0,4}}?|(?:[\w-]+\s+){{0,2}}?)(?:blev|er|var|kom|omkom|døde|dræbt|såret|mistede)(?!\w)))
    | (?P<num>
        {_ATOM}
        (?:(?:[-–]|\s[-–]\s)(?={_ATOM})(?P<hi>{_ATOM}))?      # range: 10-15, fem-seks, 20 - 30
        (?:\s+komma\s+{_WORD})?                              # to komma fem
        (?:(?<![-–])(?<=\w)\s+og\s+e[nt]\s+(?:halvt?|kvart)(?!\w))?   # tre og en halv (million), to og et halvt (år)
        (?:\s+{_MULT_RE})*                                   # 2,5 mio., to hundrede tusind
        (?:(?:(?<=hundrede)|(?<=tusinde))\s+og\s+(?:{word_pattern(_SMALL_WORDS)})(?!\w)(?:\s+{_MULT_RE})*)?   # hundrede og tyve
      )
    )
    """,
    re.VERBOSE,
)

_HEDGE_STARTS = frozenset({"ca.", "cirka", "mindst", "højst"})
_BACKUP_WORDS = frozenset(
    {"halv", "halvt", "kvart", "par", "hundrede", "tusind", "tusinde", "million", "milliard",
     "millioner", "milliarder", "to", "tre"}
)
# what may stand before those words and belongs to the expression: "en ", "et-", "flere "
_BACKUP_RE = re.compile(r"(?<![\w.,/])(?:[Ee][nt]|E[NT]|[Ff]lere|[Mm]ange|[Aa]dskillige|[Nn]ogle)[\s-]+$")
_SCAN_WORDS = sorted(set(_WORDS) | set(VAGUE) | {"halv", "halvt", "kvart", "par", "ingen", "cirka", "mindst", "højst"})
# Where a candidate may start: a digit or ½ after a non-word character, a number word
# (lower case, capitalised or upper case) standing alone, or "ca. ". This pattern is the
# definition; _scan_hits finds exactly its matches, faster (see there).
PREFILTER_RE = re.compile(r"(?:\b\d|(?<!\w)[½¼¾]|\b(?:" + word_pattern(_SCAN_WORDS) + r")\b|\bca\.(?=[ ]))")
_WORD_AFTER_RE = re.compile(r"\s*([$€£%°]|[^\W\d_][\w'’/-]*\.?)")
_CLAUSE_RE = re.compile(r"[;:()«»\"“”„]|,\s|\s[-–—]\s")
_PARA_RE = re.compile(r"\n[ \t]*\n")
# a name may hold a small number after a word when the name ends there or goes on: "TV 2",
# "TV 2 Lorry", "Kanal 5" (not "FN 20 mennesker", not "TV 2.000")
_NUM_IN_NAME = r"(?:\s+\d{1,2}(?![\d]|[.,]\d)(?=\s*[,.;:!?»«)]|\s*$|\s+[A-ZÆØÅ]))?"
_CAP_RUN = (r"[A-ZÆØÅ][\w'’.-]*" + _NUM_IN_NAME + r"(?:\s+(?:(?:for|af|i|og|&|de|den|det|al|von|van|bin)\s+)?[A-ZÆØÅ][\w'’-]*"
            + _NUM_IN_NAME + ")*")
_CAP_RUN_RE = re.compile(_CAP_RUN)
_AFTER_VERB_CAP_RE = re.compile(r"\s+(" + _CAP_RUN + ")")
_CAP_RUN_END_RE = re.compile(r"(" + _CAP_RUN + r")$")
_rx = lru_cache(maxsize=None)(re.compile)  # compiled once per pattern; cheaper than re.*'s own cache
_PRONOUNS = frozenset("det den de der han hun vi jeg du man dette disse han, hun, i".split())
_STOP_AFTER = frozenset(
    """og eller i af fra til på for med som der er var blev bliver har havde kan skal vil om ved
    efter før under over mod uden men at end så da hvor hvis mens the of in and
    siger sagde blevet været ikke også nu kun hver pr. per
    stadig stadigvæk fortsat endnu allerede dog heller nemlig altså desuden formentlig
    sandsynligvis angiveligt tilsyneladende""".split()
)  # the last lines: sentence adverbs, which never name what a number counts ("40 er stadig savnet")
_SHORT_ADJ = frozenset(
    """små store nye gamle unge få lange korte gode flere andre sidste første hele halve
    høje lave sorte hvide røde grønne blå gule tunge lette mindre større ældre yngre bedste""".split()
)
# adjective endings (tilfældige, fynske, tilbageværende, bøjede, brugte); plural nouns
# end in -er/-ere/-e (spillere, skibe) and are not skipped
_ADJ_ENDINGS = ("ige", "ske", "ende", "ede", "lige", "elle", "ære", "iske", "nske", "gte", "kte", "ste", "dte",
                "ene",  # almene, egene (plural/definite of -en adjectives)
                "igt", "ivt")  # adverbs before an adjective or participle: ulovligt ansatte, repræsentativt udvalgte
_YEAR_PREP = frozenset("i siden fra til før efter år året årene omkring indtil frem foråret efteråret sommeren vinteren".split())
_SCORE_CUES = re.compile(r"(?<!\w)(?:vandt|vinde|vinder|tabte|tabe|taber|slog|besejrede|stillingen|sejr|nederlag|resultatet|uafgjort|cifrene)(?!\w)")
_OPENERS = " »«\"„“-–—("
_NOT_NEGATION_RE = re.compile(r"\bikke\s+(?:mindst|under|over|mere|flere|færre|mindre|helt|færre)\b")
# currency codes written before the amount: kr. 500, USD 5 mio. (not "kroner 14 dage")
_PREFIX_CURRENCY = frozenset({"kr.", "kr", "dkk", "usd", "eur", "$", "€", "£", "sek", "nok", "gbp"})
_AGE_PREPS = frozenset({"over", "under", "på", "mellem", "fra"})  # people noun + these + N år = age
_REFLEXIVE = frozenset({"sig", "sin", "sit", "sine", "hans", "hendes", "deres", "mig", "dig", "os"})
_DECADE_RE = re.compile(r"['’]?erne")
_GROUPED_INT_RE = re.compile(r"\d{1,3}(?:\.\d{3})+")  # 1.000, 160.000: an integer with thousands
_DECADE_FIRST = frozenset("e'’")  # what a match of _DECADE_RE starts with
_TIDEN_RE = re.compile(r"[-\s]tiden\b")
_ISO_DATE_RE = re.compile(r"(?:1[5-9]|20)\d\d-[01]\d(?:-[0-3]\d)?(?!\d)")
_MINUTES_RE = re.compile(r"\s+minutter\s+(?:i|over)\s+(?:\d{1,2}|" + _WORD + ")")
_PREV_WORDS_RE = re.compile(r"[\w.'’$€£§-]+")
_DAY_SPAN_RE = re.compile(r"\.?\s*[-–]\s*\d{1,2}(?=\.)")
_SEASON_RE = re.compile(r"(?:1[89]|20)\d\d/\d\d")
_AGE_PAREN_RE = re.compile(r"[A-ZÆØÅ][\w-]+\s\($")
_CLOCK_RE = re.compile(r"(?:[01]?\d|2[0-4])[.:][0-5]\d")
# compiled once here rather than looked up per row (same patterns, same flags)
_TWO_DIGITS_RE = re.compile(r"\d\d")
_DAY_MONTH_RE = re.compile(r"(\d{1,2})/(\d{1,2})")
_YEAR_RE = re.compile(r"1[5-9]\d\d|20\d\d|21\d\d")
_YEAR_RANGE_RE = re.compile(r"(?:1[5-9]|20|21)\d\d(?:\s*[-–]\s*|\s+(?:til|og)\s+)(?:1[5-9]|20|21)?\d\d")
_DIGIT_RANGE_RE = re.compile(r"\d+\s*[-–]\s*\d+")
_SUFFIX_RE = re.compile(r"-([^\W\d_][\w]*\.?)")
_HYPHEN_SPACE_RE = re.compile(r"-\s")
_SUSPENDED_SUFFIX_RE = re.compile(r"(?<=\d)-([^\W\d_][\w]*\.?)")
_PLURAL_S_RE = re.compile(r"(?<=[a-zæøå])s$")
_NAME_COMMA_END_RE = re.compile(r"[A-ZÆØÅ]\w+,\s*$")
_LETTER_HYPHEN_END_RE = re.compile(r"[^\W\d_]-$")
_SPACE_TWO_DIGITS_RE = re.compile(r" \d\d(?!\d)")
_TWO_DIGITS_SPACE_END_RE = re.compile(r"(?<!\d)\d\d $")
_SMALL_NUMBER_RE = re.compile(r"\d{1,4}(?:,\d)?")
_RAW_WORD_RE = re.compile(r"[\w'’.-]+")
_FOUR_DIGITS_RE = re.compile(r"\d{4}")
_NAME_NUMBER_END_RE = re.compile(r"[A-ZÆØÅ]\w*\s+\d+\s+$")
_ACRONYM_RE = re.compile(r"[A-ZÆØÅ]{2,}")
_OPENER_SET = frozenset(_OPENERS)


def _only_openers(text: str, lo: int, hi: int) -> bool:
    """``not text[lo:hi].strip(_OPENERS)`` without copying the slice: nothing but openers."""
    i = lo
    while i < hi and text[i] in _OPENER_SET:
        i += 1
    return i >= hi


@lru_cache(maxsize=20000)
def _lemma(word: str) -> str:
    import simplemma

    return simplemma.lemmatize(word, lang="da")


# --------------------------------------------------------------------------- extraction


def extract_figures(data, *, lexicon=None, progress=None, n_jobs: int = 1) -> pd.DataFrame:
    """One row per number expression in ``data`` (a corpus DataFrame, a string, or strings).

    Columns:

    - ``doc_id``; ``sentence`` (its text) and ``sentence_start`` (its offset);
      ``start``, ``end``: character offsets of the number expression in the
      document's text (``text[start:end] == surface``).
    - ``value``: the number (``160.000`` -> 160000.0; ``2,5 mio.`` -> 2500000.0);
      for a range the midpoint, with ``low``/``high`` its ends (else NaN); NaN for
      vague quantities (``tusindvis``), dates, clock times and scores.
    - ``unit``: the counted noun or unit as a lemma (``menneske``, ``krone``,
      ``procent``, ``år``) or None.
    - ``category``: one of ``CATEGORIES`` (killed, wounded, displaced, refugees,
      arrested, missing, people, money, percent, count, duration, age,
      date_or_year, ordinal, other).
    - ``hedge``: exact, approximate (omkring, ca., et par), at_least (mindst),
      more_than (over, mere end), less_than (under, knap, næsten), up_to (op til),
      at_most (højst) or range.
    - ``attribution``: the source named by ``ifølge X`` or ``siger/oplyser/... X``
      in the sentence, else None; only for figures (``is_figure``).
    - ``is_figure``: False for years, dates, clock times, ordinals, scores and
      identifiers (``kind`` says which: number, range, vague, year, date, clock,
      ordinal, score, identifier).
    - ``modality``: fact, negated (``ingen blev dræbt``, value 0) or hypothetical
      (``kan koste op til 1.000 liv``, ``10.000 kan dø``); count only facts as facts.

    ``lexicon`` is a path to a user TOML lexicon (see ``load_figure_lexicon``).
    ``progress``: a progress bar (tqdm); None shows one only for 5,000 or more
    articles in an interactive session (a terminal or Jupyter), never under pytest.
    ``n_jobs``: processes that classify (this one and ``n_jobs - 1`` workers; -1: one
    per core); the table is the same, in the same order.
    """
    lex = load_figure_lexicon(lexicon)  # here first: a broken lexicon fails before any work
    rows: list[tuple] = []
    docs = iter_docs(data, progress=progress, desc="figures")
    if n_jobs == 1:
        for doc_id, text in docs:
            rows.extend(_doc_figures(doc_id, text, lex))
    else:
        path = None if lexicon is None else str(lexicon)
        for part in run_batches(_figures_batch, ((batch, path) for batch in batches(docs, _BATCH_DOCS, n_jobs)), n_jobs):
            rows.extend(part)
    return _frame(rows)


_BATCH_DOCS = 128  # articles per batch handed to a worker process


def _figures_batch(args) -> list[tuple]:
    """Worker: the rows of a batch of (doc_id, text)."""
    batch, path = args
    lex = _lexicon_at(path, Path(path).stat().st_mtime_ns) if path is not None else load_figure_lexicon()
    rows: list[tuple] = []
    for doc_id, text in batch:
        rows.extend(_doc_figures(doc_id, text, lex))
    return rows


@lru_cache(maxsize=8)
def _lexicon_at(path: str, mtime_ns: int) -> FigureLexicon:
    """A user lexicon compiled once per worker (and again when the file changes)."""
    return load_figure_lexicon(path)


_FLOAT_COLUMNS = frozenset({"value", "low", "high"})
_INT_COLUMNS = frozenset({"start", "end", "sentence_start"})


def _frame(rows: list[tuple]) -> pd.DataFrame:
    """``pd.DataFrame(rows, columns=COLUMNS)`` with extract_figures' dtypes, built column by column.

    The same frame as building it from the rows and casting the columns (tested),
    without pandas reading every row as objects first: None becomes NaN in the float
    and string columns. ``doc_id`` is int64 when every id is a Python int that fits,
    else whatever pandas infers from the rows.
    """
    data = {}
    for name, col in zip(COLUMNS, list(zip(*rows)) or [()] * len(COLUMNS)):
        if name == "doc_id":
            if col and all(type(x) is int for x in col):
                try:
                    data[name] = np.array(col, dtype=np.int64)
                    continue
                except OverflowError:
                    pass
            data[name] = pd.DataFrame(list(zip(col)), columns=[name])[name].array
        elif name in _FLOAT_COLUMNS:
            data[name] = np.array(col, dtype="float64")
        elif name in _INT_COLUMNS:
            data[name] = np.array(col, dtype="int64")
        elif name == "is_figure":
            data[name] = np.array(col, dtype=bool)
        else:
            data[name] = _str_array(col)  # pandas' string dtype; missing values are NaN
    return pd.DataFrame(data, copy=False)


_ARROW_STR = []  # [pyarrow's type of pandas' "str" arrays] or [None] when they are not Arrow-backed


def _str_array(col):
    """``pd.array(col, dtype="str")`` for a column of str and None: through ``pyarrow.array``
    (in C) when pandas keeps its strings in Arrow, the same array (tested) several times faster."""
    if not _ARROW_STR:
        kind = None
        try:
            import pyarrow as pa

            probe = pd.array(["a", None], dtype="str")
            if type(probe).__name__ == "ArrowStringArray" and probe._pa_array.num_chunks == 1:
                kind = probe._pa_array.type
                if not pd.array(pa.array(["a", None], type=kind), dtype="str").equals(probe):
                    kind = None
        except Exception:  # no pyarrow, or pandas' internals changed: take the plain way
            kind = None
        _ARROW_STR.append(kind)
    kind = _ARROW_STR[0]
    if kind is not None:
        import pyarrow as pa

        try:
            arr = pa.array(col, type=kind)  # raises on anything but str and None
        except (TypeError, ValueError, pa.ArrowException):
            pass
        else:
            return pd.array(arr, dtype="str")
    return pd.array(col, dtype="str")


# ---- the scan: PREFILTER_RE's matches at C speed
#
# Python's re tries a pattern at every position when it has no literal prefix, which
# holds PREFILTER_RE to about 10 MB/s. Instead the text is mapped, one byte per
# character, to a lower-case Latin-1 copy in which every non-word character is a space
# (str.encode + bytes.translate, both in C), and an Aho-Corasick automaton finds
# " word " and " digit" in that copy. Characters outside Latin-1 (dashes, curly quotes,
# other scripts) become \x01, and the few positions next to one are checked with
# PREFILTER_RE itself. tests/test_figures.py checks that both give the same positions.
_SCAN_MARK = "corpus_tools.figures.scan"
codecs.register_error(_SCAN_MARK, lambda exc: ("\x01" * (exc.end - exc.start), exc.end))
_SCAN_FORMS = frozenset(f for w in _SCAN_WORDS for f in (w, w[:1].upper() + w[1:], w.upper()))


def _scan_table() -> bytes:
    word = re.compile(r"\w")
    table = bytearray(256)
    for c in range(256):
        ch = chr(c)
        if word.match(ch):  # the same \w as PREFILTER_RE's \b, lower-cased where it stays one Latin-1 character
            low = ch.lower()
            table[c] = ord(low) if len(low) == 1 and ord(low) < 256 else c
        else:
            table[c] = 0x20
    table[1] = 1  # the mark of a character outside Latin-1 (and of a literal \x01): checked separately
    return bytes(table)


_SCAN_TABLE = _scan_table()


@lru_cache(maxsize=None)
def _scan_automaton():
    import ahocorasick

    auto = ahocorasick.Automaton()
    for w in _SCAN_WORDS:
        auto.add_word(" " + w + " ", w)
    for d in "0123456789½¼¾":
        auto.add_word(" " + d, "")
    auto.add_word(" ca ", "ca.")  # "ca. " maps to " ca  "
    auto.make_automaton()
    return auto


def _scan_map(text: str) -> str:
    """``" " + text + " "`` with word characters lower-cased, all others spaces, non-Latin-1 ``\\x01``.

    One character per character of ``text`` (shifted by one), so offsets carry over.
    """
    return (" " + text + " ").encode("latin-1", _SCAN_MARK).translate(_SCAN_TABLE).decode("latin-1")


def _scan_hits(text: str, mapped: str | None = None) -> list[tuple[int, str]]:
    """``(start, lower-case match)`` of every PREFILTER_RE match in ``text``, in order."""
    if mapped is None:
        mapped = _scan_map(text)
    out = []
    forms = _SCAN_FORMS
    # end is the index in mapped (one ahead of text) of the key's last character
    for end, w in _scan_automaton().iter(mapped):
        if not w:
            out.append((end - 1, text[end - 1]))
        elif w == "ca.":
            if text.startswith("ca. ", end - 3):
                out.append((end - 3, w))
        elif text[end - len(w) - 1:end - 1] in forms:
            out.append((end - len(w) - 1, w))
    q = mapped.find("\x01")
    if q >= 0:
        seen = {p for p, _w in out}
        extra = set()
        while q >= 0:
            word_start = max(mapped.rfind(" ", 0, q), mapped.rfind("\x01", 0, q)) + 1
            # in text: the marked character, the one after it, the word that ends at it
            extra.update(p for p in (q - 1, q, word_start - 1) if 0 <= p < len(text) and p not in seen)
            q = mapped.find("\x01", q + 1)
        for p in extra:
            m = PREFILTER_RE.match(text, p)
            if m:
                out.append((p, m.group().lower()))
        out.sort()
    return out


def _candidates(text: str, mapped: str | None = None) -> list:
    """CANDIDATE_RE matches, found fast: the scan proposes start positions.

    Python's re does not skip ahead for a pattern as branched as CANDIDATE_RE (about
    5 MB/s when searched directly); the scan of digits and number words (``PREFILTER_RE``'s
    matches, see ``_scan_hits``) runs at about 90 MB/s, and CANDIDATE_RE is then matched
    only where it hits. ``en``/``et`` (articles, too frequent to scan for) are found by
    stepping back from the word after them (``halv``, ``par``, ``million``); ``ca. en``
    from the hedge.
    """
    if mapped is None:
        mapped = _scan_map(text)
    return _candidates_at(text, _scan_hits(text, mapped))


def _candidates_at(text: str, hits) -> list:
    """CANDIDATE_RE matches from the scan's hits ``(start, lower-case match)`` (see ``_candidates``)."""
    out = []
    last = 0
    for p, w in hits:
        if p < last:
            continue
        if w in _HEDGE_STARTS:
            q = p + len(w)
            while q < len(text) and text[q] == " ":
                q += 1
            cm = CANDIDATE_RE.match(text, q)
            if cm:
                out.append(cm)
                last = cm.end()
            continue
        if w in _BACKUP_WORDS:
            back = _BACKUP_RE.search(text, max(0, p - 12), p)
            if back:
                cm = CANDIDATE_RE.match(text, back.start())
                if cm and cm.end() > p:
                    out.append(cm)
                    last = cm.end()
                    continue
            if w in FRACTIONS or w == "par":
                continue
        cm = CANDIDATE_RE.match(text, p)
        if cm:
            out.append(cm)
            last = cm.end()
    return out


def _doc_figures(doc_id, text: str, lex: FigureLexicon):
    mapped = _scan_map(text)
    hits = _merge_ranges(text, _candidates(text, mapped), lex)
    if not hits:
        return []
    cuts, cut_ends = _sentence_cuts(text, sorted(h[0] for h in hits), True)  # in order (they nearly are)
    out = []
    attribution_cache: dict = {}
    last_end = 0
    ci = -2
    for start, end, groupkind in hits:
        i = bisect.bisect_right(cuts, start) - 1
        if i != ci:  # a new sentence: the piece the hit falls in, stripped
            ci = i
            if i >= 0:
                seg = text[cuts[i]:cut_ends[i]]
                sentence = seg.strip()  # what str.isspace() calls space, as text._span strips
                s_start = cuts[i] + seg.index(sentence) if sentence else cuts[i]
                s_end = s_start + len(sentence)
            else:
                s_start, s_end, sentence = 0, len(text), text
        if start >= s_end:  # a hit outside every sentence span: use the hit's own line
            s_start, s_end, sentence = start, end, text[start:end]
        if start < last_end:
            continue  # inside an expression a row before has grown into (klokken ti minutter i fem)
        row = _classify(text, start, end, groupkind, s_start, s_end, lex, mapped)
        if row is None:
            continue
        last_end = row[1]
        start, end, value, low, high, unit, category, hedge, is_figure, kind, modality = row
        source = None
        if is_figure:  # a year or an ordinal has no source
            if s_start not in attribution_cache:
                attribution_cache[s_start] = (
                    _attribution(sentence, lex) if _may_name_source(mapped, s_start, s_end, lex) else None
                )
            source = attribution_cache[s_start]
        out.append((
            doc_id, sentence, s_start, start, end, text[start:end], value, low, high, unit,
            category, hedge, source, is_figure, kind, modality,
        ))
    _share_units(text, out)
    _share_after_heraf(text, out)
    _share_after_men(text, out)
    return out


# "ikke 300, men 186": the figure after ", men" corrects a denied one
_MEN_END_RE = re.compile(r",\s*men\s+(?:[^\W\d]+\s+){0,2}$", re.I)


def _share_after_men(text: str, rows: list) -> None:
    """A figure after ", men" that corrects a negated figure before it in the sentence counts
    what that one counts: "Dødstallet er ikke 300, som først oplyst, men 186" (186 killed);
    "Der blev ikke dræbt 40, men 12 personer" (12 killed, not just people)."""
    for i in range(1, len(rows)):
        b = rows[i]
        if not b[13] or b[15] != "fact" or b[10] not in ("count", "people"):
            continue
        if "men" not in text[max(b[2], b[3] - 30):b[3]].lower() or not _MEN_END_RE.search(text, max(b[2], b[3] - 30), b[3]):
            continue
        a = next((r for r in reversed(rows[:i]) if r[2] == b[2] and r[13]), None)
        if a is None or a[15] != "negated" or a[10] == "count" or a[6] == 0:
            continue  # (not "Ingen blev dræbt, men seks personer blev kørt på hospitalet")
        if b[9] is not None and not (b[10] == "people" and a[10] in TRIGGER_CATEGORIES):
            continue  # its own noun: "ikke 3 børn, men 4 hunde"
        rows[i] = b[:9] + (b[9] if b[9] is not None else a[9], a[10]) + b[11:]


# words that open a part of the number before: "heraf 41", "heriblandt 13 børn"
_SUBSET_WORDS = r"(?:heraf|deraf|hvoraf|heriblandt|deriblandt|herunder|derunder|blandt\s+dem|blandt\s+andre|bl\.\s?a\.)"
_HERAF_END_RE = re.compile(r"(?<!\w)" + _SUBSET_WORDS + r"\s+(?:[^\W\d]+\s+){0,2}$", re.I)
_PEOPLE_CATEGORIES = frozenset(TRIGGER_CATEGORIES + ("people",))
_SUBSET_HINTS = ("af", "bland", "under", "bl.")  # a cheap check before _HERAF_END_RE


def _share_after_heraf(text: str, rows: list) -> None:
    """A part after "heraf"/"heriblandt"/"herunder"... counts what the figure before it in the
    sentence counts: "312 patienter er indlagt, heraf 41 på intensiv" (41 people, noun
    elided); "22 mennesker blev dræbt, heriblandt 13 børn" (13 killed, not just people)."""
    for i in range(1, len(rows)):
        b = rows[i]
        if not b[13] or not (b[9] is None and b[10] == "count" or b[10] == "people"):
            continue
        before = text[max(b[2], b[3] - 30):b[3]].lower()
        if not any(h in before for h in _SUBSET_HINTS) or not _HERAF_END_RE.search(text, max(b[2], b[3] - 30), b[3]):
            continue
        # the nearest figure before it in the sentence that counts people ("1.300 mennesker
        # blevet dræbt på fire dage, heraf 830 civile": not the days)
        a = next((r for r in reversed(rows[:i]) if r[2] == b[2] and r[13] and r[10] in _PEOPLE_CATEGORIES), None)
        if a is not None and (b[10] == "count" or a[10] != "people"):
            rows[i] = b[:10] + (a[10],) + b[11:]


_SHARE_GAP_RE = re.compile(r"\s+(?:til|og|eller)\s+|\s*[-–]\s*")


def _share_units(text: str, rows: list) -> None:
    """Two values joined by til/og/eller share the unit of the second: ``fra 120 til 95 kroner``."""
    for i in range(len(rows) - 1, 0, -1):
        a, b = rows[i - 1], rows[i]
        # (a first value without a unit is a count, or "other" when it has decimals: 13,49 til 15,99 kroner)
        if a[9] is None and a[10] in ("count", "other") and a[13] and b[13] and b[9] is not None and _SHARE_GAP_RE.fullmatch(text, a[4], b[3]):
            rows[i - 1] = a[:9] + (b[9], b[10]) + a[11:]


_OPENER_RE = re.compile(r"(?<!\w)(mellem|fra)\s+$")
_TIL_GAP_RE = re.compile(r"\s+til\s+")


def _merge_ranges(text: str, matches, lex) -> list[tuple[int, int, str]]:
    """Hits as (start, end, group); ``mellem X og Y``, ``fra X til Y``, ``X til Y`` become one range.

    Not after a verb of change: ``steg fra 3,5 til 4,2 procent`` is two values.
    """
    hits = []
    for m in matches:
        group = m.lastgroup
        if group is None or group == "hi":
            group = "num"
        a, b = m.span()
        hits.append((a, b, group))
    merged = []
    i = 0
    while i < len(hits):
        h = hits[i]
        # digits in pairs are a telephone number: 31 12, 33 12 34 56
        j = i
        while j + 1 < len(hits) and hits[j + 1][0] == hits[j][1] + 1 and text[hits[j][1]] == " " and all(
            _TWO_DIGITS_RE.fullmatch(text[a:b]) for a, b, _g in (hits[j], hits[j + 1])
        ):
            j += 1
        if j > i:
            merged.append((h[0], hits[j][1], "phone"))
            i = j + 1
            continue
        if h[2] == "num" and i + 1 < len(hits) and hits[i + 1][2] == "num":
            before = text[h[0] - 8 if h[0] > 8 else 0:h[0]].lower()
            # every match of _OPENER_RE holds "fra" or "mellem", every one of _TIL_GAP_RE "til"
            opener = _OPENER_RE.search(before) if ("fra" in before or "mellem" in before) else None
            if opener and opener.group(1) == "fra" and lex.change_re.search(text[max(0, h[0] - 50):h[0]].lower()):
                opener = None
            elif opener is None and text.find("til", h[1], hits[i + 1][0]) >= 0 and _TIL_GAP_RE.fullmatch(text, h[1], hits[i + 1][0]) and not lex.change_re.search(
                text[max(0, h[0] - 50):h[0]].lower()
            ):
                lo, hi = parse_quantity(text[h[0]:h[1]])[0], parse_quantity(text[hits[i + 1][0]:hits[i + 1][1]])[0]
                if lo is not None and hi is not None and lo < hi:
                    merged.append((h[0], hits[i + 1][1], "between"))
                    i += 2
                    continue
            if opener and opener.group(1) == "fra":
                # a range never runs downwards: "går fra 40 til 25 ansatte" is two values
                lo, hi = parse_quantity(text[h[0]:h[1]])[0], parse_quantity(text[hits[i + 1][0]:hits[i + 1][1]])[0]
                if lo is not None and hi is not None and lo > hi:
                    opener = None
            if opener:
                gap = text[h[1]:hits[i + 1][0]]
                joiner = "og" if opener.group(1) == "mellem" else "til"
                # the gap may repeat the unit: "100 kroner og 500 kroner", "3.198 kr. til 38.376"
                if _rx(rf"\s+(?:[^\W\d_][\w.]*\.?\s+)?{joiner}\s+").fullmatch(gap) or re.fullmatch(
                    r"\s*[-–]\s*", gap
                ):
                    merged.append((h[0], hits[i + 1][1], "between"))
                    i += 2
                    continue
        merged.append((h[0], h[1], h[2]))
        i += 1
    return merged


def _sentences_for(text: str, hit_starts: list[int]) -> list[tuple[int, int]]:
    """Sentence spans (start, end) of the paragraphs that hold a hit, via text.sentences.

    The definition; ``_sentence_spans`` gives the same spans faster (tested).
    """
    from .text import sentences

    paras = []
    pos = 0
    for m in _PARA_RE.finditer(text):
        paras.append((pos, m.start()))
        pos = m.end()
    paras.append((pos, len(text)))
    pstarts = [p[0] for p in paras]
    wanted = sorted({bisect.bisect_right(pstarts, h) - 1 for h in hit_starts})
    spans = []
    for pi in wanted:
        ps, pe = paras[pi]
        for s in sentences(text[ps:pe]):
            spans.append((ps + s.start, ps + s.end))
    return spans


_TEXT_MODULE = []


def _text_module():
    """corpus_tools.text, imported on first use (an import statement per document costs)."""
    if not _TEXT_MODULE:
        from . import text

        _TEXT_MODULE.append(text)
    return _TEXT_MODULE[0]


_CHUNK_ENDS: dict = {}  # whitespace-free chunk ending in a terminal mark -> text._ends_sentence's answer
_CHUNK_ENDS_MAX = 100_000  # about 10 MB at most (cleared when full)


def _sentence_cuts(text: str, hit_starts: list[int], only_hits: bool = False) -> tuple[list[int], list[int]]:
    """The sentences of the paragraphs that hold a hit, as raw pieces (starts, ends).

    The same cuts as ``text.sentences`` (its paragraphs, its terminal pattern, its
    ``_ends_sentence``) before it strips each piece of the space around it; only
    paragraphs that hold a hit (``hit_starts``, in order) are read. A hit starts on a
    non-space character, so the piece it falls in, stripped, is its sentence in
    ``_sentences_for`` (tested). Whether a terminal mark ends a sentence depends only
    on the whitespace-free chunk it ends (tokens never span whitespace nor look past
    it), so the answer is kept per chunk (``kroner.``, ``2018.``): words repeat.

    ``only_hits``: stop reading a paragraph at the end of the sentence that holds its
    last hit (the pieces after it hold no hit); the pieces that hold a hit are the same.
    """
    T = _text_module()
    try:
        return _sentence_cuts_fast(text, hit_starts, T._PARA_RE, T._TERMINAL_RE, T._OPENERS, T._ends_sentence,
                                   only_hits, T._soft_ends, T._STARTER_RE)
    except (AttributeError, TypeError):  # text's internals changed: take the plain way
        spans = _sentences_for(text, hit_starts)
        return [x for x, _y in spans], [y for _x, y in spans]


def _sentence_cuts_fast(text, hit_starts, para_re, terminal_re, openers, ends_sentence, only_hits=False,
                        soft_ends=None, starter_re=None):
    cuts, ends = _hard_cuts(text, hit_starts, para_re, terminal_re, openers, ends_sentence, only_hits)
    if soft_ends is None:
        return cuts, ends
    # sentence ends without a mark (text._soft_ends: "... Søren Men det") split the pieces
    # (with only_hits, only those that hold a hit: the others are never read). A piece
    # starts after a mark or at its paragraph's start, so the ends text._soft_ends finds
    # inside it are the ones it finds there in the whole paragraph.
    # A starter within two characters of the piece's start begins the piece's own
    # sentence (its whitespace reaches back to the mark), so the search starts after them.
    out_c: list[int] = []
    out_e: list[int] = []
    h, nh = 0, len(hit_starts)
    search = starter_re.search
    for a, b in zip(cuts, ends):
        while h < nh and hit_starts[h] < a:
            h += 1
        if (not only_hits or (h < nh and hit_starts[h] < b)) and search(text, a + 2, b) is not None:
            for e in soft_ends(text, a, b):
                out_c.append(a)
                out_e.append(e)
                a = e
        out_c.append(a)
        out_e.append(b)
    return out_c, out_e


def _hard_cuts(text, hit_starts, para_re, terminal_re, openers, ends_sentence, only_hits=False):
    """The cuts at terminal marks and paragraph breaks (see _sentence_cuts)."""
    cache = _CHUNK_ENDS
    if len(cache) > _CHUNK_ENDS_MAX:
        cache.clear()
    cuts: list[int] = []
    ends: list[int] = []

    def ends_at(t, lo: int) -> bool:
        """Does the terminal mark ``t`` (a match of ``terminal_re``) end a sentence?"""
        nxt = t.group(1)
        if not (nxt.isupper() or nxt.isdigit() or nxt in openers):
            return False
        p, e = t.span()
        # after the last space (or at the paragraph's start, after a newline):
        # when text[q:e] holds no other whitespace, it is the whole chunk
        q = max(text.rfind(" ", lo, p), lo - 1) + 1
        chunk = text[q:e]
        if not chunk.isprintable():  # str.isprintable() is False for every whitespace but " "
            return ends_sentence(text, p, lo)
        v = cache.get(chunk)
        if v is None:
            v = cache[chunk] = ends_sentence(text, p, lo)
        return v

    h, nh = 0, len(hit_starts)
    n = len(text)
    pos = 0
    breaks = para_re.finditer(text)
    while h < nh:
        # the next paragraph, as text._paragraphs gives them
        m = next(breaks, None)
        if m is None:
            if pos >= n:
                break
            lo, hi = pos, n
            pos = n
        else:
            lo, hi = pos, m.start()
            pos = m.end()
            if hi <= lo:
                continue
        if hit_starts[h] >= hi:
            continue  # no hit in this paragraph
        first = hit_starts[h]
        while h < nh and hit_starts[h] < hi:
            h += 1
        # past the last hit of the paragraph, the first cut ends the reading (only_hits)
        last = hit_starts[h - 1] if only_hits else hi
        start = lo
        terms = terminal_re.finditer(text, lo, hi)
        if only_hits:
            # the marks that end before the paragraph's first hit: only the last of them that
            # ends a sentence matters (there that hit's sentence starts), so they are read
            # backwards (a mark never holds a hit: it ends before the hit or starts after it)
            early = []
            t = None
            for t in terms:
                if t.end() > first:
                    break
                early.append(t)
            else:
                t = None
            for u in reversed(early):
                if ends_at(u, lo):
                    start = u.end()
                    break
            if t is None:
                terms = ()
            else:
                terms = _chain((t,), terms)
        for t in terms:
            if ends_at(t, lo):
                e = t.end()
                cuts.append(start)
                ends.append(e)
                start = e
                if e > last:
                    break
        else:
            cuts.append(start)
            ends.append(hi)
    return cuts, ends


def _sentence_spans(text: str, hit_starts: list[int]) -> list[tuple[int, int, str]]:
    """``_sentences_for`` from ``_sentence_cuts``, each span with its text (for the tests)."""
    out = []
    for a, b in zip(*_sentence_cuts(text, hit_starts)):
        seg = text[a:b]
        sent = seg.strip()
        if sent:
            a += seg.index(sent)
            out.append((a, a + len(sent), sent))
    return out


_KEEP_DOT = frozenset({"kr.", "pct.", "mio.", "mia.", "mill.", "mrd.", "min.", "sek.", "cyl.", "stk.", "ca.", "nr.", "pr."})


# up to three words after a number in one match (the same words, one by one, as
# _WORD_AFTER_RE repeated: each group is greedy and the later ones are optional)
_WORD_AFTER_PART = r"\s*([$€£%°]|[^\W\d_][\w'’/-]*\.?)"
_WORDS_AFTER_RE = re.compile(_WORD_AFTER_PART + r"(?:" + _WORD_AFTER_PART + r"(?:" + _WORD_AFTER_PART + r")?)?")


def _next_words(text: str, pos: int, limit: int, n: int = 3) -> list[tuple[str, int, int]]:
    """Up to ``n`` words after ``pos`` (before ``limit``), each as (word, start, end).

    A final dot is kept only on known abbreviations (``kr.``), so ``kroner.`` at a
    sentence end reads as ``kroner``; ``børn/voksne`` reads as ``børn``. Reading stops
    after a word that was cut (at the slash or the dot).
    """
    out = []
    if n == 3:
        m = _WORDS_AFTER_RE.match(text, pos, limit)
        if not m:
            return out
        regs = m.regs
        a, b, c = m.groups()
        whole = text[regs[0][0]:regs[0][1]]
        if "/" not in whole and "." not in whole:  # no word to cut (a "." or "/" would be in it)
            if c is not None:
                return [(a,) + regs[1], (b,) + regs[2], (c,) + regs[3]]
            if b is not None:
                return [(a,) + regs[1], (b,) + regs[2]]
            return [(a,) + regs[1]]
        for g, w in enumerate(m.groups(), 1):
            if w is None:
                break
            ws, we = regs[g]
            if "/" not in w and w[-1] != ".":
                out.append((w, ws, we))  # nothing to cut
                continue
            w, cut = _cut_word(w)
            if not w:
                break
            out.append((w, ws, ws + len(w)))
            if cut:
                break
        return out
    return _next_words_loop(text, pos, limit, n)


def _next_words_loop(text: str, pos: int, limit: int, n: int) -> list[tuple[str, int, int]]:
    """``_next_words`` one word at a time (the definition; the tests compare both)."""
    out = []
    while len(out) < n:
        m = _WORD_AFTER_RE.match(text, pos, limit)
        if not m:
            break
        w, cut = _cut_word(m.group(1))
        if not w:
            break
        out.append((w, m.start(1), m.start(1) + len(w)))
        pos = m.end()
        if cut:
            break
    return out


def _cut_word(w: str) -> tuple[str, bool]:
    """A word after a number without what follows a slash or its final dot (unless it is
    a kept abbreviation: ``kr.``, ``km/t``), and whether anything was cut."""
    full = len(w)
    if "/" in w and w.lower() not in _KEEP_DOT and not w.lower().startswith("km/"):
        w = w.split("/", 1)[0]
    if w.endswith(".") and w.lower() not in _KEEP_DOT:
        w = w[:-1]
    return w, len(w) < full


def _prev_words(before: str, n: int = 3) -> list[str]:
    """The last ``n`` words (lower case) among the last 60 characters of ``before``."""
    # a short window first: when it holds more than n words, only its first may be cut
    found = _PREV_WORDS_RE.findall(before, len(before) - 24 if len(before) > 24 else 0)
    if len(found) <= n and len(before) > 24:
        found = _PREV_WORDS_RE.findall(before, max(0, len(before) - 60))
    if not found:
        return []
    # one lower() for all (words hold no NUL, and lower() makes none)
    return "\x00".join(found[-n:]).lower().split("\x00")


_FACTS: dict = {}  # (surface, group) -> _surface_facts(surface, group)
_FACTS_MAX = 20_000  # about 10 MB at most (cleared when full)


def _surface_facts(surface: str, group: str) -> tuple:
    """What ``_classify`` asks of a number's surface alone (its value, its shape), in one tuple.

    Kept per surface in ``_FACTS``: a news corpus writes the same numbers again and
    again (``2``, ``10``, ``2018``, ``1,5``), like the words the lemma cache keeps.
    """
    low_s = surface.lower()
    if group == "vague" or low_s in ("millioner", "milliarder"):
        value, low, high = None, None, None
        kind, hedge = "vague", "approximate"
    else:
        value, low, high = parse_quantity(("mellem " + surface) if group == "between" else surface)
        if group == "between" and low is None:
            value, low, high = parse_quantity(surface)
        kind, hedge = "number", None
        if group == "between" or low is not None:
            kind, hedge = "range", "range"
    is_digits = surface[:1].isdigit()
    n = len(surface)
    # each pattern only where its match is possible (a length, a character it needs)
    clock = kind == "number" and ("." in surface or ":" in surface) and _CLOCK_RE.fullmatch(surface) is not None
    m = _DAY_MONTH_RE.fullmatch(surface) if "/" in surface else None
    day_month = bool(m and int(m[1]) >= int(m[2]) and int(m[1]) <= 31 and int(m[2]) <= 12)
    year = (n == 4 and _YEAR_RE.fullmatch(surface) is not None) or (kind == "range" and _YEAR_RANGE_RE.fullmatch(surface) is not None)
    score = kind == "range" and group != "between" and is_digits and low is not None and _DIGIT_RANGE_RE.fullmatch(surface) is not None
    fractional = any(v is not None and not float(v).is_integer() for v in ((low, high) if low is not None else (value,)))
    return (
        low_s, value, low, high, kind, hedge, is_digits, surface.isdigit(), clock, is_digits and "-" in surface,
        "/" in surface and _SEASON_RE.fullmatch(surface) is not None, day_month, year, score, surface[-1:] in "%",
        fractional, low_s.startswith(("et par", "et  par")), n == 2 and _TWO_DIGITS_RE.fullmatch(surface) is not None,
        n <= 6 and _SMALL_NUMBER_RE.fullmatch(surface) is not None, n == 4 and _FOUR_DIGITS_RE.fullmatch(surface) is not None,
    )


def _classify(text, start, end, group, s_start, s_end, lex, mapped=None):
    if group == "ingen":
        category = _trigger_category(text, start, end, s_start, s_end, lex, mapped)
        if category is None:
            return None
        return (start, end, 0.0, None, None, None, category, "exact", True, "number", "negated")
    if group == "phone":
        return (start, end, None, None, None, None, "other", "exact", False, "identifier", "fact")

    surface = text[start:end]
    facts = _FACTS.get((surface, group))
    if facts is None:
        if len(_FACTS) >= _FACTS_MAX:
            _FACTS.clear()
        facts = _FACTS[(surface, group)] = _surface_facts(surface, group)
    (low_s, value, low, high, kind, hedge, is_digits, plain_int, clock_like, dashed, season, day_month, year_like,
     score_like, percent_sign, fractional, et_par, two_digits, small_number, four_digits) = facts
    b_start = start - 80 if start - 80 > s_start else s_start
    before = text[b_start:start]  # a window: checks look only a few words back
    prev = _prev_words(before)
    prev1 = prev[-1] if prev else ""
    after_char = text[end:end + 1]
    modality = "fact"

    words = None  # the words after the number, read when first needed (dates need none)
    if low_s == "to":
        words = _next_words(text, end, s_end)
        nxt = words[0][0].lower() if words else ""
        if nxt in _REFLEXIVE:
            return None  # "han to sine hænder": the verb "to" (washed), not two

    # ---- not figures: clock times, dates, ordinals, scores, years, identifiers
    if is_digits or group == "num":
        # clock: kl. 10.30, klokken 22, 21-tiden
        if (
            not lex.clock.isdisjoint(prev[-2:])
            or clock_like
            or (text.startswith("tiden", end + 1) and _TIDEN_RE.match(text, end))
        ) and (is_digits or prev1 == "klokken"):
            if words is None:
                words = _next_words(text, end, s_end)
                nxt = words[0][0].lower() if words else ""
            if not (nxt in lex.units and lex.units[nxt][0] in ("money", "percent")):
                m = _MINUTES_RE.match(text, end, s_end)
                return (start, m.end() if m else end, None, None, None, None, "date_or_year", "exact", False, "clock", "fact")
        # date: 3. maj, 14. juni 2018, 26/8, 2018-06-14
        iso = _ISO_DATE_RE.match(text, start) if dashed else None
        if iso:
            return (start, iso.end(), None, None, None, None, "date_or_year", "exact", False, "date", "fact")
        # date: 3. maj, 14. juni 2018, 26/8; a span of days: 15.-17. juni
        if is_digits and after_char == "." and plain_int:
            m = lex.month_date_re.match(text, end, s_end + 1)
            days = None if m else _DAY_SPAN_RE.match(text, end, s_end)
            if days:
                m = lex.month_date_re.match(text, days.end(), s_end + 1)
            if m and int(surface) <= 31:
                return (start, m.end(), None, None, None, None, "date_or_year", "exact", False, "date", "fact")
        # a season: 1991/92
        if season:
            return (start, end, float(surface[:4]), None, None, None, "date_or_year", "exact", False, "year", "fact")
        if words is None:
            words = _next_words(text, end, s_end)
            nxt = words[0][0].lower() if words else ""
        # postal code after a comma: Vesterbrogade 12, 2100 København Ø
        if plain_int and len(surface) == 4 and before.rstrip().endswith(",") and words and words[0][0][:1].isupper() \
                and words[0][0].lower() not in lex.months:
            return (start, end, value, None, None, None, "other", "exact", False, "identifier", "fact")
        if day_month:
            return (start, end, None, None, None, None, "date_or_year", "exact", False, "date", "fact")
        # ordinal: 43. minut, 2. division; a list number "2." opening a sentence; with
        # thousands too, before a small letter: "krigens 1.000. dag"
        if after_char == "." and text[end + 1:end + 2] in (" ", "\n", "") and (
                (is_digits and plain_int) or _GROUPED_INT_RE.fullmatch(surface)):
            after = text[end + 1:end + 40].lstrip()
            if (after[:1].islower() and not nxt.startswith(("kr", "mio", "mia", "mill", "pct"))) or (
                is_digits and _only_openers(text, s_start, start)
                and (not after or after[:1] in "-–—" or after[:1].isupper())
            ):
                return (start, end + 1, _num(value), None, None, None, "ordinal", "exact", False, "ordinal", "fact")
        if prev1 in lex.identifier_after and is_digits and kind == "number":
            return (start, end, value, None, None, None, "other", "exact", False, "identifier", "fact")
        if prev1 in lex.rank:
            return (start, end, value, low, high, None, "ordinal", hedge or "exact", False, "ordinal", "fact")
        # year: 2015, i 1984, 1716-1717, 80'erne
        if plain_int and after_char in _DECADE_FIRST and _DECADE_RE.match(text, end):
            # a person "i 30'erne" is in their thirties: an age ("en kvinde i 30'erne", "to mænd i
            # 20'erne"); a definite plural is a group in a period ("danskerne i 80'erne")
            if (value is not None and 10 <= value <= 90 and prev1 == "i" and len(prev) > 1
                    and not prev[-2].endswith(("erne", "ene")) and _people_noun(prev[-2], lex)):
                return (start, end, value, None, None, "år", "age", "exact", True, kind, "fact")
            return (start, end, value, None, None, None, "date_or_year", "exact", False, "year", "fact")
        if year_like:
            if not (nxt in lex.units or _people_noun(nxt, lex)) or prev1 in _YEAR_PREP or prev1 in lex.months:
                if kind == "range" and high is not None and high < 100 <= low:  # 1992-93
                    high = low // 100 * 100 + high + (100 if high < low % 100 else 0)
                    value = (low + high) / 2
                return (start, end, value, low, high, None, "date_or_year", "exact" if kind == "number" else "range", False, "year", "fact")
        # score: 22-13 (a range never runs downwards), or a range after "vandt", "tabte"
        if score_like:
            if low >= high or _SCORE_CUES.search(before[-40:].lower()):
                return (start, end, None, None, None, None, "other", "exact", False, "score", "fact")
        # identifiers: TV 2, Audi 80, B 12, Hasselvej 6, TV-2, phone numbers, 3790 Hasle
        if is_digits and _is_identifier(text, end, before, b_start, s_start, nxt, words, lex, two_digits, small_number, four_digits):
            return (start, end, value, None, None, None, "other", "exact", False, "identifier", "fact")

    # ---- quantities
    if words is None:
        words = _next_words(text, end, s_end)
        nxt = words[0][0].lower() if words else ""
    if hedge is None:
        hedge = _hedge(before, lex)
        if et_par:
            hedge = "approximate"
    unit, category = None, None
    suffix = _SUFFIX_RE.match(text, end, end + 30) if after_char == "-" else None
    if suffix is None and after_char == "-" and _HYPHEN_SPACE_RE.match(text, end, end + 2):
        # a suspended compound: the suffix comes with a later number (1,6- 1,8- eller 2-liters)
        suffix = _SUSPENDED_SUFFIX_RE.search(text[end:min(end + 40, s_end)])  # a slice: the lookbehind must not see the number
    if suffix:
        suf = suffix.group(1).lower()
        if suf.startswith("årig") or suf.startswith("års-") :
            return (start, end, value, low, high, "år", "age", hedge, True, kind, "fact")
        cat_lemma = lex.units.get(suf) or lex.units.get(suf.rstrip("s"))
        if cat_lemma:
            category, unit = ("other" if cat_lemma[0] in ("money", "percent") else cat_lemma[0]), cat_lemma[1]
            if category == "duration":
                category = "other"
        else:
            unit, category = _lemma(_PLURAL_S_RE.sub("", suf.rstrip("."))), "count"
    elif percent_sign:
        unit, category = "procent", "percent"
    else:
        # currency sign before the number: $5 mio., € 20
        sign = before.rstrip()[-1:] if before.rstrip() else ""
        if sign in lex.units and lex.units[sign][0] == "money":
            category, unit = "money", lex.units[sign][1]
        elif before.endswith(" ") and prev1 in _PREFIX_CURRENCY and prev1 in lex.units:
            category, unit = "money", lex.units[prev1][1]
        if category is None and words:
            two = (nxt + " " + words[1][0].lower()) if len(words) > 1 else ""
            hit = lex.multiword_units.get(two) or lex.units.get(nxt)
            if hit and text.startswith("-", words[0][2]) and text.startswith("-point", words[0][2]):
                hit = lex.units.get(nxt + "-point", hit)  # "0,2 pct.-point": the word stops at the dot
            if hit is None and nxt.endswith(_DURATION_HEADS) and nxt.isalpha():
                hit = _duration_compound(nxt, lex)
            if hit:
                category, unit = hit
                if category == "measure":
                    category = "other"
    if kind == "number" and is_digits and text[end:end + 1] == ")" and _AGE_PAREN_RE.search(before) and value and 0 < value < 120:
        category, unit = "age", "år"
    if category == "duration" and unit == "år" and prev1 in ("fylder", "fyldte", "fylde", "fyldt"):
        category = "age"
    if category == "duration" and unit == "år":
        # age: "16 år," after a name, "34 år gammel"
        after2 = [w[0].lower() for w in words[1:3]]
        if after2[:1] and after2[0] in ("gammel", "gamle"):
            category = "age"
        elif before.rstrip().endswith(",") and _NAME_COMMA_END_RE.search(before) and text[words[0][2]:words[0][2] + 1] in (",", "."):
            category = "age"
        elif "alderen" in prev or "alder" in prev:
            category = "age"  # "i alderen 22 til 31 år", "en alder af 90 år"
        elif prev1 in _AGE_PREPS and len(prev) > 1 and _people_noun(prev[-2], lex):
            category = "age"  # a person "over 85 år", "under 18 år", "på 12 år": how old, not how long
    total_of_none = category is None and before.endswith((" de ", " disse ")) and _INGEN_AF_RE.search(before) is not None
    if category is None:
        if kind == "vague" and nxt == "af":
            words = words[1:]  # tusinder af flygtninge
        unit = _counted_noun(words, lex)
        if unit and _people_noun(unit, lex):
            category = "people"
        trig = None
        for k, (w, _ws, _we) in enumerate(words[:3]):
            if _is_trigger_word(w.lower(), lex) and not _people_noun(unit or "", lex):
                people_after = [x for x, _a, _b in words[k + 1:k + 2] if _people_noun(x, lex)]
                unit = _lemma(people_after[0].lower()) if people_after else None
                category = "people" if unit else None
                break
            if w.lower() in _STOP_AFTER:
                break
        if total_of_none:
            pass  # "Ingen af de 86 passagerer kom til skade": 86 is everyone, not the injured
        elif unit is None or category == "people":
            trig = _trigger_category(text, start, end, s_start, s_end, lex, mapped)
        elif words and _is_trigger_word(words[0][0].lower(), lex):
            trig, unit = _trigger_category(text, start, end, s_start, s_end, lex, mapped), None
        category = trig or category or "count"
        if category == "count" and kind == "vague" and low_s in ("millioner", "milliarder") and unit is None:
            category = "money"  # "tabte millioner": bare millions are money unless "af" names what
        if category == "count" and fractional:
            category = "other"  # en kvart flaske, 0,5 liter: fractions of things are measures
    if category in ("killed", "wounded", "displaced", "refugees", "arrested", "missing", "people", "count", "money", "percent", "duration", "other") and not total_of_none:
        modality = _modality(text, start, s_start, s_end, lex, mapped)
        if modality == "fact" and lex.modal_after and _modal_after(text, end, s_end, lex):
            modality = "hypothetical"  # "op mod 2 millioner mennesker kan blive fordrevet"
    if kind == "vague":
        value = None
    return (start, end, value, low, high, unit, category, hedge, True, kind, modality)


# "ingen af de 86 passagerer": the number after it counts the whole group, which "ingen" denies
_INGEN_AF_RE = re.compile(r"(?<!\w)[Ii]ngen\s+af\s+(?:de|disse)\s+$")
# compounds are head-final: a noun ending in a plural of days, months or hours counts time
# (12 retsdage, 30 arbejdsdage, 4 hverdage, 18 fængselsmåneder, 200 undervisningstimer)
_DURATION_HEADS = ("dage", "dages", "døgn", "måneder", "måneders", "timer")


def _duration_compound(word: str, lex):
    for head in _DURATION_HEADS:
        if word.endswith(head) and len(word) >= len(head) + 3:
            cat_lemma = lex.units.get(head)
            if cat_lemma and cat_lemma[0] == "duration":
                return "duration", word[: -len(head)] + cat_lemma[1]
    return None


def _num(v):
    return None if v is None else float(v)


def _is_trigger_word(word: str, lex) -> bool:
    hit = lex.memo.get(word)
    if hit is None:
        hit = lex.memo[word] = any(rx.fullmatch(word) for _cat, rx in lex.triggers)
    return hit


@lru_cache(maxsize=1)
def _demonyms() -> frozenset:
    """Every form of the demonyms in the built-in gazetteer (ukrainere, yemenitterne, syrerne):
    counts of them are counts of people. Read from the CSV itself, not ``actors._gazetteer``,
    which also loads CLDR's country names (0.5 s) that no demonym needs."""
    from importlib import resources

    from .actors import _parse_csv, demonym_forms

    where = "corpus_tools/lang/da/actors.csv"
    text = resources.files("corpus_tools").joinpath("lang", "da", "actors.csv").read_text(encoding="utf-8")
    return frozenset(f for _line, row in _parse_csv(text, where) for spec in (row.get("demonyms") or "").split("|")
                     if spec.strip() for f in demonym_forms(spec) if not f.endswith("s"))


def _people_noun(word: str, lex) -> bool:
    if not word:
        return False
    w = word.lower()
    if w in lex.people or w in _demonyms():
        return True
    lem = _lemma(w)
    return lem in lex.people or lem.endswith(("ister", "ianer")) or _person_shape(w, lex.people) or _person_shape(lem, lex.people)


# agent nouns of French origin (direktør, redaktør, instruktør, montør, chauffør, frisør,
# kontrollør, amatør) and demonyms in -enser/-eser (palæstinensere, sudanesere, kinesere)
_PERSON_SUFFIXES = ("ktør", "ntør", "atør", "ffør", "isør", "ssør", "llør", "ingeniør",
                    "enser", "ensere", "eser", "esere")


@lru_cache(maxsize=None)
def _people_heads(people: frozenset) -> tuple:
    """Lexicon people nouns that may end a compound (forsøgsperson, brandfolk, skolebarn):
    Danish compounds are head-final; nouns under five letters are left out (liv, død, søn) except these."""
    return tuple(sorted(n for n in people if len(n) >= 5 or n in ("mand", "folk", "barn")))


@lru_cache(maxsize=20000)
def _person_shape(w: str, people: frozenset) -> bool:
    if not w.isalpha():
        return False
    if w.endswith(_PERSON_SUFFIXES) and len(w) >= 6:
        return True
    return any(w.endswith(h) and len(w) >= len(h) + 3 for h in _people_heads(people))


def _counted_noun(words, lex):
    """The lemma of the noun a number counts: the next word, skipping up to two adjectives."""
    for i, (w, _s, _e) in enumerate(words[:3]):
        wl = w.lower()
        if not wl[:1].isalpha() or wl in _STOP_AFTER or w[:1].isupper():
            return None
        nxt = words[i + 1][0].lower() if i + 1 < len(words) else ""
        is_adj = (wl in _SHORT_ADJ or wl.endswith(_ADJ_ENDINGS)) and nxt[:1].isalpha() and nxt not in _STOP_AFTER and not words[i + 1][0][:1].isupper()
        if is_adj and i < 2:
            continue
        if wl in lex.people:
            return _participle_singular(wl, lex.people) or wl
        return _participle_singular(wl, lex.people) or _lemma(wl)
    return None


@lru_cache(maxsize=20000)
def _participle_singular(w: str, people: frozenset) -> str | None:
    """A past participle used as a plural noun of people, as its singular: ansatte -> ansat,
    indsatte -> indsat, anholdte -> anholdt, tiltalte -> tiltalt, sårede -> såret,
    savnede -> savnet (weak participles add -e, doubling a final t after a short vowel).
    None unless the singular is a people noun of the lexicon (or a compound ending in one)."""
    if not w.endswith("e") or len(w) < 5:
        return None
    if w.endswith("tte"):
        cands = (w[:-2],)
    elif w.endswith("ede"):
        cands = (w[:-3] + "et",)
    elif w.endswith("te"):
        cands = (w[:-1],)
    else:
        return None
    for c in cands:
        if c in people or _person_shape(c, people):
            return c
    return None


def _clause(text: str, start: int, end: int, s_start: int, s_end: int) -> tuple[int, int]:
    c_start = s_start
    for m in _CLAUSE_RE.finditer(text, s_start, start):
        c_start = m.end()
    m = _CLAUSE_RE.search(text, end, s_end)
    c_end = m.start() if m else s_end
    if m and text.startswith(",", c_end):
        # "23 civile, heriblandt syv børn, blev dræbt": an inserted part between commas
        # does not end the clause; nor does a relative clause of the counted noun
        # ("30 fiskere, der har været savnet")
        ins = _INSERTION_RE.match(text, c_end, s_end) or _RELATIVE_RE.match(text, c_end, s_end)
        if ins:
            m = _CLAUSE_RE.search(text, ins.end(), s_end)
            c_end = m.start() if m else s_end
    return c_start, c_end


_RELATIVE_RE = re.compile(r",\s+(?:der|som)\s")
_INSERTION_RE = re.compile(r",\s+" + _SUBSET_WORDS + r"\s[^,.;:!?»«()]{1,60},\s")


def _phrase_automaton(lex, which: str):
    """An automaton of the literal first words of the ``trigger`` or ``modality`` phrases, or None.

    As ``_source_automaton``: every match of those patterns (on lower-cased text)
    starts, after a non-word character or where its slice starts, with the word
    characters its phrase begins with, which in ``_scan_map``'s text is " " + them.
    None when some phrase does not begin with such characters (or a list is empty: an
    empty alternative matches without a phrase): then there is no quick test.
    """
    key = ("phrase automaton", which)  # not a word: lex.memo otherwise holds words
    if key not in lex.memo:
        groups = lex.trigger_phrases if which == "trigger" else lex.modality_phrases
        lex.memo[key] = _head_automaton(groups) if groups and all(groups) else None
    return lex.memo[key]


def _head_automaton(groups):
    """An Aho-Corasick automaton of " " + the first word of every phrase in ``groups``,
    or None when some phrase does not begin with Latin-1 word characters."""
    import ahocorasick

    auto = ahocorasick.Automaton()
    for phrase in [p for g in groups for p in g]:
        head = re.match(r"\w*", phrase.split()[0].rstrip("*").lower()).group() if phrase.split() else ""
        if not head or any(ord(c) > 255 or _SCAN_TABLE[ord(c)] != ord(c) for c in head):
            return None
        auto.add_word(" " + head, head)
    auto.make_automaton()
    return auto


def _may_hold(mapped: str, lo: int, hi: int, auto) -> bool:
    """False only when no phrase of ``auto`` can start in ``text[lo:hi]`` (see ``_phrase_automaton``).

    Such a phrase starts at ``lo`` or after a non-word character, which ``_scan_map``
    makes a space: unless the character before ``lo`` is one too, or a character
    outside Latin-1 (``\x01``, which lower-cases unpredictably) is near, say "maybe".
    """
    if auto is None or mapped[lo] != " " or mapped.find("\x01", lo, hi + 1) >= 0:
        return True
    for _hit in auto.iter(mapped, lo, hi + 1):  # mapped[lo:hi + 1] is " " + text[lo:hi] here
        return True
    return False


_CONJUNCT_RE = re.compile(r"\s(?:og|mens|men|eller)\s")


def _trigger_category(text, start, end, s_start, s_end, lex, mapped=None):
    # the clause lies in the sentence: no trigger's first word in the sentence, no trigger
    if mapped is not None and not _may_hold(mapped, s_start, s_end, _phrase_automaton(lex, "trigger")):
        return None
    c_start, c_end = _clause(text, start, end, s_start, s_end)
    clause = text[c_start:c_end].lower()
    best = None
    refugee_after = event_after = None  # "40 migranter er druknet": the noun, then what befell them
    a, b = start - c_start, end - c_start
    for m in lex.trigger_re.finditer(clause):
        # the trigger nearest the number wins: "5 dræbt og 10 såret"
        dist = a - m.end() if m.end() <= a else (m.start() - b if m.start() >= b else 0)
        if m.end() <= a and _CONJUNCT_RE.search(clause, m.end(), a):
            dist += 40  # "5.018 er såret og 145 fortsat savnet": the trigger of the conjunct before
        if best is None or dist < best[0]:
            best = (dist, m.lastgroup)
        if m.start() >= b:
            if m.lastgroup == "refugees":
                if refugee_after is None:
                    refugee_after = m.start()
            elif refugee_after is not None and event_after is None:
                event_after = m.lastgroup
    # a refugee noun counted by the number, then an event verb after it: the event is what
    # the number reports ("200 flygtninge blev anholdt", "40 migranter er druknet")
    if best and best[1] == "refugees" and event_after is not None:
        return event_after
    return best[1] if best else None


def _modality(text, start, s_start, s_end, lex, mapped=None) -> str:
    """negated/hypothetical when a cue is among the four words before the number.

    For a hypothetical cue the four words are counted before the number's hedge and
    without the infinitive marker "at": the hedge belongs to the number phrase, "at"
    to the modal verb chain ("ventes at blive på omkring 14 mia.", "kan ende med at
    koste op til 3 mia."). A negation denies only what stands right after it.
    """
    if mapped is not None:
        auto = lex.memo.get(_MODALITY_AUTO_KEY, _UNSET)
        if auto is _UNSET:
            auto = _phrase_automaton(lex, "modality")
        # the words come from the last _MODAL_CHUNKS whitespace-separated chunks before the
        # number (or from fewer, cut at the clause's start): no cue's first word there, no cue.
        # A short sentence start is read whole (it holds those chunks: no need to find them)
        if start - s_start <= 120 and auto is not None:
            if mapped[s_start] == " " and mapped.find("\x01", s_start, start + 1) < 0:
                for _hit in auto.iter(mapped, s_start, start + 1):
                    break
                else:
                    return "fact"
        else:
            # (from a window when it holds more chunks than that: then only its first may be cut)
            w_start = start - 120 if start - 120 > s_start else s_start
            seg = text[w_start:start]
            parts = seg.rsplit(None, _MODAL_CHUNKS)
            if len(parts) <= _MODAL_CHUNKS and w_start > s_start:
                w_start, seg = s_start, text[s_start:start]
                parts = seg.rsplit(None, _MODAL_CHUNKS)
            lo = w_start + seg.index(parts[1], len(parts[0])) if len(parts) == _MODAL_CHUNKS + 1 else s_start
            if not _may_hold(mapped, lo, start, auto):
                return "fact"
    c_start = s_start
    for m in _CLAUSE_RE.finditer(text, s_start, start):
        c_start = m.end()
    # the last words of the clause before the number: from a window when it holds
    # more than _MODAL_CHUNKS (then only its first word may be cut), else from the whole clause
    lo = max(c_start, start - 120)
    words = text[lo:start].lower().split()
    if lo > c_start and len(words) <= _MODAL_CHUNKS:
        words = text[c_start:start].lower().split()
    head = " ".join(words[-_MODAL_CHUNKS:])
    cues = lex.memo.get(_CUES_KEY)
    if cues is None:  # negation or hypothetical: matches where either of them does
        cues = lex.memo[_CUES_KEY] = re.compile(lex.negation_re.pattern + "|" + lex.hypothetical_re.pattern)
    if not cues.search(head):
        return "fact"
    near = " ".join(words[-4:])
    if "ikke" in near:  # every match of _NOT_NEGATION_RE holds it
        near = _NOT_NEGATION_RE.sub(" ", near)  # "ikke mindst", "ikke over 100" bound a number, not deny it
    if lex.negation_re.search(near):
        return "negated"
    verbal = words[-_MODAL_CHUNKS:]
    h = lex.hedge_re.search(" ".join(verbal[-5:]) + " ")
    if h and h.lastgroup:  # drop the hedge: "op til", "omkring de"
        verbal = verbal[:len(verbal) - len(h.group().split())]
    verbal = " ".join([w for w in verbal if w != "at"][-4:])
    if lex.hypothetical_re.search(verbal):
        return "hypothetical"
    return "fact"


def _modal_after(text, end, s_end, lex) -> bool:
    """Is one of the three words after the number (before any punctuation or a word that
    opens another clause) one of the lexicon's ``hypothetical_after`` verbs? The number is
    then the subject of what may happen: "10.000 kan dø", "500.000 børn risikerer at sulte"."""
    stop = min(s_end, end + 60)
    quick = lex.memo.get(_MODAL_AFTER_KEY)
    if quick is None:  # one search in C first: most numbers have none of the verbs after them
        quick = lex.memo[_MODAL_AFTER_KEY] = re.compile(
            r"(?<!\w)(?:" + "|".join(sorted(map(re.escape, lex.modal_after))) + r")(?!\w)", re.I)
    if not quick.search(text, end, stop):
        return False
    verbs = lex.modal_after
    for k, m in enumerate(_AFTER_WORD_RE.finditer(text, end, stop)):
        word = m.group().lower()
        if k >= 3 or not word[0].isalpha() or word in _NEW_CLAUSE:
            return False
        if word in verbs:
            return True
    return False


# words after the number's phrase that open another clause: "120 hektar og ventes at stå klar"
_NEW_CLAUSE = frozenset({"og", "eller", "men", "der", "som", "mens", "hvor", "hvis", "når"})


_MODAL_AFTER_KEY = ("modal after",)  # not a word: lex.memo otherwise holds words
_AFTER_WORD_RE = re.compile(r"[^\W\d_]+|[^\w\s]")  # a word, or a mark that ends the number's phrase
_MODAL_CHUNKS = 10  # a hedge of up to three words and "at" may stand among the four words


_HEDGE_ENDS_KEY = ("hedge ends",)  # not a word: lex.memo otherwise holds words
_CUES_KEY = ("modality cues",)
_MODALITY_AUTO_KEY = ("phrase automaton", "modality")  # the key _phrase_automaton keeps it under
_UNSET = object()


def _hedge_ends(lex):
    """What text before a hedged number must end with (before its whitespace), or None.

    hedge_re ends with a phrase's last word, "være"/"blive" or an article (de, den, det,
    en, et), then whitespace; a phrase whose last word has a wildcard gives None (no quick test).
    """
    key = _HEDGE_ENDS_KEY
    if key not in lex.memo:
        groups = lex.hedge_phrases
        # an empty list compiles to an empty alternative, which matches without a phrase
        ends = {"de", "den", "det", "en", "et", "være", "blive"} if groups and all(groups) else None
        for phrase in [p for g in groups for p in g] if ends is not None else []:
            last = phrase.split()[-1] if phrase.split() else ""
            if not last or last.endswith("*") or last == "…":
                ends = None
                break
            ends.add(last.lower())
        lex.memo[key] = tuple(sorted(ends)) if ends else None
    return lex.memo[key]


def _hedge(before: str, lex) -> str:
    if not before[-1:].isspace():  # hedge_re ends in whitespace before the number
        return "exact"
    tail = before[-40:].lower()
    ends = lex.memo.get(_HEDGE_ENDS_KEY, _UNSET)
    if ends is _UNSET:
        ends = _hedge_ends(lex)
    if ends is not None and not tail.rstrip().endswith(ends):
        return "exact"
    m = lex.hedge_re.search(tail)
    if not m:
        return "exact"
    return m.lastgroup or "exact"


def _is_identifier(text, end, before, b_start, s_start, nxt, words, lex, two_digits, small_number, four_digits) -> bool:
    """Is this number an identifier? ``two_digits``, ``small_number``, ``four_digits``: its
    surface fullmatches ``_TWO_DIGITS_RE``, ``_SMALL_NUMBER_RE``, ``_FOUR_DIGITS_RE``."""
    # letters glued by a hyphen: TV-2, F-16
    # (searched from near the end: a match of these end-anchored patterns starts there;
    # it holds the hyphen in one of the last two characters, "$" matching before a final newline)
    if "-" in before[-2:] and _LETTER_HYPHEN_END_RE.search(before, max(0, len(before) - 3)):
        return True
    # phone-like pairs of digits: 31 12, 33 12 34 56
    if two_digits and _SPACE_TWO_DIGITS_RE.match(text, end, end + 4):
        return True
    if two_digits and _TWO_DIGITS_SPACE_END_RE.search(before, max(0, len(before) - 4)):
        return True
    if not small_number:
        return False
    raw_prev = _RAW_WORD_RE.findall(before, max(0, len(before) - 40))
    if not raw_prev:
        return False
    last = raw_prev[-1]
    # postal code: 3790 Hasle
    if four_digits and words and words[0][0][:1].isupper() and text[end:end + 1] == " ":
        return True
    if not before.endswith(" ") or before.rstrip().endswith((",", ":", ";")):
        return False
    # the number after an identifier number: Audi 80 2,0 E
    if before.rstrip()[-1:].isdecimal() and _NAME_NUMBER_END_RE.search(before):
        return True
    last_at = b_start + before.rfind(last)
    first_of_sentence = _only_openers(text, s_start, last_at) and not _ACRONYM_RE.fullmatch(last)
    if last[:1].isupper() and not first_of_sentence and last.lower() not in _PRONOUNS and last.lower() not in lex.months:
        low_last = last.lower()
        if low_last in _STOP_AFTER or _hedge(low_last + " ", lex) != "exact" or low_last in _YEAR_PREP:
            return False
        if nxt in lex.units or _people_noun(nxt, lex) or _is_trigger_word(nxt, lex):
            return False
        # a name goes on after the number ("TV 2 Lorry", "Kanal 5 Nyhederne") or ends the
        # clause with it ("oplyser TV 2.")
        if (words and words[0][0][:1].isupper() and text[end:end + 1] == " ") or text[end:end + 1] in (".", ",", ";", ":", "!", "?") and text[end + 1:end + 2] in (" ", "\n", ""):
            return True
        # a source before the number: "ifølge FN 500 mennesker", "siger FN 20"
        lead = before[: before.rfind(last)]
        if lex.attribution_re.search(lead[-12:]) or lex.verbs_re.search(lead[-14:].lower()):
            return False
        return True
    return False


# --------------------------------------------------------------------------- conflicts


APPROXIMATE_MARGIN = 0.10  # "omkring 500" is read as 450-550 when figures are compared


def _interval(row, tolerance: float) -> tuple[float, float]:
    """The values a figure allows, given its hedge: mindst 40 -> [40, inf)."""
    v = float(row["value"])
    hedge = row.get("hedge")
    lo, hi = v, v
    if hedge == "range" and not pd.isna(row.get("low")) and not pd.isna(row.get("high")):
        lo, hi = float(row["low"]), float(row["high"])
    elif hedge == "approximate":
        lo, hi = v * (1 - APPROXIMATE_MARGIN), v * (1 + APPROXIMATE_MARGIN)
    elif hedge in ("at_least", "more_than"):
        hi = math.inf
    elif hedge in ("less_than", "up_to", "at_most"):
        lo = 0.0
    return lo * (1 - tolerance), hi * (1 + tolerance)


def figure_conflicts(figures: pd.DataFrame, *, on=("category", "unit"), tolerance: float = 0.0) -> pd.DataFrame:
    """Pairs of figures from different articles that report the same thing incompatibly.

    A fact-checking aid: "the same thing" is the same values in the ``on`` columns
    (default ``category`` and ``unit``: killed menneske, displaced menneske; add a
    column of your own, e.g. a place or an actor, to narrow it), among reported facts
    only (``is_figure`` and ``modality == "fact"``). Two figures conflict when the
    values their hedges allow do not overlap: ``mindst 40`` and ``omkring 55`` agree,
    ``40`` and ``omkring 55`` do not (``omkring`` allows +-10 %, ``APPROXIMATE_MARGIN``;
    ``mindst``/``over`` any larger value; ``op til``/``under`` any smaller; a range its
    ends). ``tolerance`` widens every interval by that fraction (0.1 = 10 %).

    Returns one row per conflicting pair, the two sentences side by side: the ``on``
    columns, then for each side (``_a``, ``_b``) ``doc_id``, ``value``, ``hedge``,
    ``attribution``, ``sentence``; and ``ratio`` (larger over smaller value). Sorted by
    the ``on`` columns, ratio (largest first), then doc ids: deterministic.
    """
    on = list(on)
    side = ["doc_id", "value", "hedge", "attribution", "sentence"]
    cols = on + [f"{c}_a" for c in side] + [f"{c}_b" for c in side] + ["ratio"]
    if figures is None or len(figures) == 0:
        return pd.DataFrame(columns=cols)
    missing = (set(on) | {"doc_id", "value", "hedge", "is_figure", "modality", "sentence"}) - set(figures.columns)
    if missing:
        raise CorpusError(f"figure_conflicts needs the columns of extract_figures(); missing {sorted(missing)}")
    f = figures[figures["is_figure"] & (figures["modality"] == "fact") & figures["value"].notna()]
    if "category" in f.columns:
        f = f[f["category"].isin(TRIGGER_CATEGORIES + ("people", "money", "percent"))]
    f = f.copy()
    for c in on:  # missing keys (a figure without a unit) group together, as None
        f[c] = f[c].astype(object).where(f[c].notna(), None)
    rows = []
    keyed = f.assign(_key=f[on].map(str).agg("\x1f".join, axis=1)) if len(f) else f.assign(_key=[])
    for _key, grp in keyed.groupby("_key", sort=True):
        recs = grp.assign(_doc=grp["doc_id"].astype(str)).sort_values(["_doc", "start"], kind="mergesort").to_dict("records")
        for i, a in enumerate(recs):
            ia = _interval(a, tolerance)
            for b in recs[i + 1:]:
                if a["_doc"] == b["_doc"]:
                    continue
                ib = _interval(b, tolerance)
                if ia[0] <= ib[1] and ib[0] <= ia[1]:
                    continue  # the hedges leave room for both
                lo, hi = sorted((abs(a["value"]), abs(b["value"])))
                ratio = hi / lo if lo else math.inf
                rows.append([a[c] for c in on] + [a.get(c) for c in side] + [b.get(c) for c in side] + [ratio])
    out = pd.DataFrame(rows, columns=cols)
    if len(out):
        keys = on + ["ratio", "doc_id_a", "doc_id_b"]
        out = out.sort_values(keys, ascending=[True] * len(on) + [False, True, True], kind="mergesort",
                              key=lambda s: s if s.name == "ratio" else s.astype(str))
        out = out.reset_index(drop=True)
    return out


# --------------------------------------------------------------------------- attribution


_SOURCE_AUTO_KEY = ("source automaton",)  # not a word: lex.memo otherwise holds words


def _source_automaton(lex):
    """An automaton of the literal first words of the attribution phrases, or None.

    Every match of ``attribution_re`` (case-insensitive) and ``verbs_re`` starts, after
    a non-word character, with the word characters its phrase begins with; in the text
    of ``_scan_map`` (lower case, non-word characters as spaces) that is " " + those
    characters. None when some phrase does not begin with Latin-1 word characters.
    """
    key = _SOURCE_AUTO_KEY
    if key not in lex.memo:
        groups = lex.attribution_phrases
        # an empty list compiles to a pattern that matches without a phrase
        lex.memo[key] = _head_automaton(groups) if len(groups) == 2 and all(groups) else None
    return lex.memo[key]


def _may_name_source(mapped: str, s_start: int, s_end: int, lex) -> bool:
    """False only when ``_attribution`` of ``text[s_start:s_end]`` is surely None (no phrase's first word)."""
    auto = lex.memo.get(_SOURCE_AUTO_KEY, _UNSET)
    if auto is _UNSET:
        auto = _source_automaton(lex)
    if auto is None:
        return True
    if mapped.find("\x01", s_start + 1, s_end + 1) >= 0:
        return True  # a character outside Latin-1 may match case-insensitively: ask the patterns
    if mapped[s_start] == " ":  # a space before the sentence already: no copy needed
        for _hit in auto.iter(mapped, s_start, s_end + 1):
            return True
        return False
    seg = " " + mapped[s_start + 1:s_end + 1]  # the sentence alone: its start is a word start
    for _hit in auto.iter(seg):
        return True
    return False


def _attribution(sentence: str, lex) -> str | None:
    """The source a sentence names: ``ifølge X`` first, then ``siger X``, then ``X siger``."""
    m = lex.attribution_re.search(sentence)
    if m:
        rest = sentence[m.end():]
        cap = _CAP_RUN_RE.match(rest)
        if cap:
            return _genitive_source(cap.group(), rest[cap.end():], after_ifolge=True)
        low = _SOURCE_PHRASE_RE.match(rest)
        if low and not rest[low.end():].lstrip()[:1].isdigit():
            return _clean_source(_before_first_name(low.group(1)))
        # a number ends the phrase, or nothing does: the noun phrase after "ifølge"
        # ("ifølge ukrainske myndigheder kostet over 10.000": not "... kostet over")
        np_ = _source_noun_phrase(rest)
        if np_ or low:
            return np_ or _clean_source(low.group(1))
    for vm in lex.verbs_re.finditer(sentence):
        rest = sentence[vm.end():]
        # "siger FN's nødhjælpskoordinator, Tom Fletcher", "oplyser regionens guvernør,
        # Oleh Synjehubov": a title, a comma and the person who speaks
        person = _TITLE_COMMA_PERSON_RE.match(rest)
        if person and not person.group(1).split()[0].lower() in _PRONOUNS:
            return _clean_source(person.group(2))
        cap = _AFTER_VERB_CAP_RE.match(rest)
        # "Det" opening a longer name is no pronoun: "vurderer Det Økonomiske Råd"
        if cap and (cap.group(1).split()[0].lower() not in _PRONOUNS or len(cap.group(1).split()) > 1):
            return _genitive_source(cap.group(1), rest[cap.end():])
        # a definite noun phrase with its article before adjectives, ending the clause:
        # "oplyser de spanske myndigheder.", "meddeler det ukrainske luftvåben."
        art = _ARTICLE_SOURCE_RE.match(rest)
        if art:
            return art.group(1)
        low = _DEFINITE_SOURCE_RE.match(rest)
        if low and low.group(1).split()[0] not in ("den", "det", "hen", "igen"):
            return _clean_source(low.group(1))
        # a title before the name: "siger vicepolitiinspektør Lars Bøgeskov"
        titled = _TITLED_NAME_RE.match(rest)
        if titled and not any(w in _PRONOUNS or w in _STOP_AFTER for w in titled.group(1).split()):
            return _clean_source(titled.group(2))
        # "oplyser landets katastrofemyndighed", "siger den regionale guvernør til ukrainsk
        # tv", "oplyser sikkerhedskilder til AFP": the subject after the verb (the reported
        # clause came first), up to a preposition or the clause's end
        subject = _LOWER_SUBJECT_RE.match(rest) if sentence[:vm.start()].rstrip().endswith(",") else None
        words = subject.group(1).split() if subject else ()
        if words and words[0] not in _PERSONAL_PRONOUNS and not any(w in _STOP_AFTER for w in words) and (
                len(words) > 1 or words[0] not in _PRONOUNS):
            return subject.group(1)
        before = sentence[:vm.start()].rstrip().rstrip(",").rstrip()
        # "Houthi-bevægelsens sundhedsministerium oplyser, at ...": a genitive and a noun before the verb
        gen = _GENITIVE_NOUN_END_RE.search(before)
        if gen and _source_noun(gen.group(1).split()[-1]):
            return gen.group(1)
        cap = _CAP_RUN_END_RE.search(before)
        if cap:
            src = _clean_source(cap.group(1))
            if src.split()[0].lower() not in _PRONOUNS:
                return src
    return None


# after "ifølge": up to five words, ending before an auxiliary or punctuation
# (ifølge politiet er ..., ifølge de lokale myndigheder blev ..., ifølge nyhedsbureauet AFP);
# a number ends no source ("ifølge ukrainske myndigheder kostet over 10.000" is no source phrase)
_SOURCE_PHRASE_RE = re.compile(
    r"((?:[\w'’.-]+\s+){0,4}?[\w'’-]+)(?=\s+(?:har|er|blev|var|bliver|vil|kan|skal|havde|hvis|om|at|\d)\b|\s*[,.;:!?»«](?!\d)|\s*$)"
)
# after a verb of saying: one to three lower-case words (a title), then a name
_TITLED_NAME_RE = re.compile(r"\s+((?:[a-zæøå][\w-]*\s+){1,3}?)(" + _CAP_RUN + r")")
_SOURCE_ADJ_ENDINGS = ("ige", "ske", "ende", "ede", "elle", "ale", "ære", "gte", "kte", "dte")
_SOURCE_DETERMINERS = frozenset("de den det flere mange nogle en et".split())


def _source_noun_phrase(rest: str) -> str | None:
    """The noun phrase right after "ifølge" when no auxiliary or punctuation ends it:
    a determiner, up to two adjectives in -e, a noun ("ifølge eksperterne kan ...",
    "ifølge de lokale myndigheder kostet ..."), and a name after it (nyhedsbureauet AFP)."""
    toks = rest.split(None, 6)[:6]
    i = 1 if toks and toks[0] in _SOURCE_DETERMINERS else 0
    while (
        i + 1 < len(toks) and i < 3 and (toks[i] in _SHORT_ADJ or toks[i].endswith(_SOURCE_ADJ_ENDINGS))
        and toks[i].isalpha() and toks[i].islower() and toks[i + 1].rstrip(",.;:!?").isalpha() and toks[i + 1].islower()
    ):
        i += 1  # an adjective: ukrainske, lokale (a plural noun in -ere is not one: forskere)
    if i >= len(toks):
        return None
    noun = toks[i].rstrip(",.;:!?»«")
    if not (noun.isalpha() and noun.islower()) or noun in _STOP_AFTER or noun in _PRONOUNS:
        return None
    return " ".join(toks[:i] + [noun])
# after a verb: a definite noun, with a name after it (oplyser politiet; skriver avisen The Guardian)
_ARTICLE_SOURCE_RE = re.compile(r"\s+((?:de|den|det)\s+(?:[a-zæøå-]+e\s+){1,2}[a-zæøå-]{3,})(?=\s*[,.;:!?»«)]|\s*$)")
_DEFINITE_SOURCE_RE = re.compile(r"\s+([a-zæøå-]+(?:en|et|erne|ene)(?:\s+(?:" + _CAP_RUN + r"|\d+[A-ZÆØÅ]\w*))?)(?!\w)")


# after a verb of saying: a title (words, names, no sentence mark), a comma, then a
# person's name of two or more words closing the clause or followed by "til"/"i"/"på"
_TITLE_COMMA_PERSON_RE = re.compile(
    r"\s+((?:[a-zæøå]|[A-ZÆØÅ][\w'’.-]*(?:'s|’s|s)\s)[^,.;:!?»«\"]{0,60}?),\s+"
    r"([A-ZÆØÅ][\w'’-]+(?:\s+(?:(?:al|bin|ibn|abu|de|van|von|der|la|le|du|da|el)\s+)?(?:(?:al|el|ad|as|bin|ibn|abu)-)?[A-ZÆØÅ][\w'’-]+)+)"
    r"(?=\s*(?:[,.;:!?»«)]|$)|\s+(?:til|i|på|over|ved|efter|under|om)\b)"
)
# after a name's genitive: a lower-case noun (with "for" and a noun): "Ukraines luftvåben",
# "FN's organisation for migration"
_GENITIVE_NOUN_RE = re.compile(r"\s+([a-zæøå][\wæøå-]+(?:\s+for\s+[a-zæøå][\wæøå-]+)?)(?=\s*(?:[,.;:!?»«)]|$)|\s+(?:til|i|på|om|over|ved)\b)")
# an adjective before the noun of a source: "Hamas' væbnede fløj", "FN's nye rapport"
_SOURCE_ADJ = r"(?:[a-zæøå]+(?:" + "|".join(_SOURCE_ADJ_ENDINGS) + r")|" + "|".join(sorted(_SHORT_ADJ)) + r")\s+"
_GENITIVE_HEAD_RE = re.compile(r"\s+((?:" + _SOURCE_ADJ + r")?[a-zæøå][\wæøå-]+(?:\s+for\s+[a-zæøå][\wæøå-]+(?=\s*(?:[,.;:!?»«)]|$)))?)")
# the end of a name's genitive: FN's, FN’s, Ukraines, Hamas'
_GENITIVE_END = r"(?:'s|’s|(?<=[a-zæøå])s|(?<=[sxz])['’])"
_ENDS_IN_GENITIVE_RE = re.compile(_GENITIVE_END + r"$")
# a genitive and a noun ending the words before a verb of saying
_GENITIVE_NOUN_END_RE = re.compile(
    r"(?:^|(?<=[\s»«\"(]))([A-ZÆØÅ][\w'’-]*" + _GENITIVE_END + r"\s+(?:" + _SOURCE_ADJ + r")?[a-zæøå][\wæøå-]+)$")
# after a verb of saying: a lower-case noun phrase of up to four words, ending the clause
# or before a preposition (a plain noun, a definite one, a genitive and a noun, adjectives)
_LOWER_SUBJECT_RE = re.compile(
    r"\s+((?:[a-zæøå][\wæøå-]*\s+){0,3}[a-zæøå][\wæøå-]{3,})(?=\s*(?:[,.;:!?»«)]|$)|\s+(?:til|over\s+for|på|i|ifølge)\s)"
)


_PERSONAL_PRONOUNS = frozenset("han hun vi jeg du man der".split())  # de, den, det: also articles


_NOT_SOURCE_NOUNS = frozenset("omkring blandt ifølge cirka mindst næsten knap godt hele alle".split())


def _source_noun(word: str) -> bool:
    """Can ``word`` be the noun a genitive names a source with (``Gazas civilforsvar``)?"""
    return len(word) >= 3 and word not in _STOP_AFTER and word not in _NOT_SOURCE_NOUNS and word not in _WORD_SET


def _before_first_name(phrase: str) -> str:
    """A source phrase without the person it runs into: "politiet Mikkel Sørensen, 34 år"
    (after "ifølge politiet" the sentence names the victim) -> "politiet"."""
    from .names import _first_names

    words = phrase.split()
    for k in range(1, len(words)):
        if words[k] in _first_names() and words[k - 1].islower() and words[0].islower():
            return " ".join(words[:k])
    return phrase


def _genitive_source(name: str, after: str, after_ifolge: bool = False) -> str:
    """A source named by a capitalised run: the run, or its genitive with the noun after it
    ("Gazas civilforsvar", "FN's flygtningeorganisation"), or the person a title and a
    comma lead to ("UNHCR's talsmand i Beirut, Lisa Abou Khaled")."""
    if _ENDS_IN_GENITIVE_RE.search(name):
        person = _TITLE_COMMA_PERSON_RE.match(" " + name + after)
        if person:
            return _clean_source(person.group(2))
        # after "ifølge" a genitive always has its noun ("ifølge Sudans sundhedsministerium ramt ..."),
        # after a verb only where the clause ends ("meddeler Ukraines luftvåben.")
        noun = (_GENITIVE_HEAD_RE if after_ifolge else _GENITIVE_NOUN_RE).match(after)
        if noun and _source_noun(noun.group(1).split(" for ")[0].split()[-1]):  # the head noun
            return name + " " + noun.group(1)
    return _clean_source(name)


_ABBREVIATION_END_RE = re.compile(r"\.\w+\.$")


def _clean_source(s: str) -> str:
    s = s.strip()
    if not _ABBREVIATION_END_RE.search(s):  # "B.T." keeps its dot, the sentence's own goes
        s = s.rstrip(".")
    s = _rx(r"(?:'s|’s)$").sub("", s)
    return s
