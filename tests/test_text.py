"""Danish tokens, sentences, lemmas and word lists: tables of cases, invariants, gold figures."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import corpus_tools as ct
from corpus_tools import text as T
from corpus_tools.errors import CorpusError
from corpus_tools.evaluate import text as ev

ROOT = Path(__file__).resolve().parents[1]
SEED = (ROOT / "seeds" / "000_26ea6c9c62baba8a.txt").read_text(encoding="utf-8")
GOLD = ev.read_conllu(ROOT / "tests" / "data" / "ud-danish-ddt" / "da_ddt-ud-dev.conllu")
DDT_TEXT = " ".join(s.text for s in GOLD)

TOKEN_CASES = [
    # genitive with an apostrophe stays one token (acronyms)
    ("FN's udsending", ["FN's", "udsending"]),
    ("USA’s krav", ["USA’s", "krav"]),
    # genitive -s of a name is one token (base_form strips it)
    ("Ruslands støtte", ["Ruslands", "støtte"]),
    # genitive apostrophe after s, x, z
    ("Lars' far og Schweiz' grænse", ["Lars'", "far", "og", "Schweiz'", "grænse"]),
    # ... but a single-quoted word keeps its quotes apart
    ("'Paris' er smuk", ["'", "Paris", "'", "er", "smuk"]),
    # hyphenated names are one token
    ("Saudi-Arabien og al-Assad", ["Saudi-Arabien", "og", "al-Assad"]),
    ("COVID-19 og F-16", ["COVID-19", "og", "F-16"]),
    # thousands separator dot, decimal comma, ranges
    ("160.000 mennesker", ["160.000", "mennesker"]),
    ("1,5 mio. kr.", ["1,5", "mio.", "kr."]),
    ("10-15.000 døde", ["10-15.000", "døde"]),
    ("10–15 år", ["10–15", "år"]),
    # a number with a suffix, decades, fractions and dates with a slash
    ("en 34-årig mand i 80'erne", ["en", "34-årig", "mand", "i", "80'erne"]),
    ("den 26/8 spiste vi 1/2 kage", ["den", "26/8", "spiste", "vi", "1/2", "kage"]),
    # a clock time and a date with dots are one token
    ("kl. 10.30 den 24.12.2018", ["kl.", "10.30", "den", "24.12.2018"]),
    # a final dot is never part of a number (cannot tell an ordinal from a sentence end)
    ("i 2015. Det", ["i", "2015", ".", "Det"]),
    ("den 5. juni", ["den", "5", ".", "juni"]),
    # abbreviations keep their dots
    ("f.eks. bl.a. ca. mio. mia. kr. pct. nr. jf.", ["f.eks.", "bl.a.", "ca.", "mio.", "mia.", "kr.", "pct.", "nr.", "jf."]),
    # an abbreviation with a capital at the start of a sentence
    ("Bl.a. FN", ["Bl.a.", "FN"]),
    # a word that only looks like an abbreviation's start is a word and a dot
    ("i Afrika.", ["i", "Afrika", "."]),
    # guillemets, low-high quotes and straight quotes are tokens of their own
    ("»Vi går,« siger han.", ["»", "Vi", "går", ",", "«", "siger", "han", "."]),
    ("„Nej“ sagde hun", ["„", "Nej", "“", "sagde", "hun"]),
    ('"Ja" sagde han', ['"', "Ja", '"', "sagde", "han"]),
    # a dash quote and an en dash as punctuation
    ("- Det er slut, siger han", ["-", "Det", "er", "slut", ",", "siger", "han"]),
    ("Syrien – og Rusland", ["Syrien", "–", "og", "Rusland"]),
    # URLs and e-mail addresses whole, without trailing punctuation
    ("Se https://dr.dk/nyheder/a?b=1.", ["Se", "https://dr.dk/nyheder/a?b=1", "."]),
    ("på www.dr.dk, eller", ["på", "www.dr.dk", ",", "eller"]),
    ("Skriv til jens.hansen@dr.dk.", ["Skriv", "til", "jens.hansen@dr.dk", "."]),
    # initials: B.T., H.C. Andersen, H. C. Andersen
    ("B.T. skriver", ["B.T.", "skriver"]),
    ("H. C. Andersen", ["H.", "C.", "Andersen"]),
    # a suspended compound keeps its hyphen
    ("tv- og radioudstyr", ["tv-", "og", "radioudstyr"]),
    ("majs-, raps- og solsikkeolie", ["majs-", ",", "raps-", "og", "solsikkeolie"]),
    ("1,6- eller 2-liters", ["1,6-", "eller", "2-liters"]),
    # an ellipsis is one token
    ("Og så ... nej…", ["Og", "så", "...", "nej", "…"]),
    # the seed's cut-off sentence and split word are tokenized as written (not repaired)
    ("Bashar al-Assad mens USA'", ["Bashar", "al-Assad", "mens", "USA", "'"]),
    ("Syrien s præsident", ["Syrien", "s", "præsident"]),
]


@pytest.mark.parametrize("text, expected", TOKEN_CASES)
def test_tokenize_cases(text, expected):
    assert [t.text for t in ct.tokenize(text)] == expected


SENTENCE_CASES = [
    # a plain full stop before a capital
    ("Han kom. Det regnede.", ["Han kom.", "Det regnede."]),
    # abbreviations inside a sentence do not end it
    ("Han kom ca. kl. 10. Det regnede.", ["Han kom ca. kl. 10.", "Det regnede."]),
    ("Bl.a. FN og f.eks. USA deltog.", ["Bl.a. FN og f.eks. USA deltog."]),
    # a unit abbreviation can end a sentence when a capital follows
    ("Prisen steg 5 pct. Det var ventet.", ["Prisen steg 5 pct.", "Det var ventet."]),
    ("Det kostede 2 mia. kr. Pengene kom fra EU.", ["Det kostede 2 mia. kr.", "Pengene kom fra EU."]),
    # initials do not end a sentence
    ("Det sagde H.C. Hansen i går.", ["Det sagde H.C. Hansen i går."]),
    # a question, and a closing guillemet glued to the mark
    ("Hvem? Ingen ved det.", ["Hvem?", "Ingen ved det."]),
    ("»Vi går.« Han gik.", ["»Vi går.«", "Han gik."]),
    # a quote followed by its speaker in lower case stays one sentence
    ("»Vi går,« siger han. Så gik de.", ["»Vi går,« siger han.", "Så gik de."]),
    # a dash quote or an opening guillemet starts a new sentence
    ("Han tav. - Nej, sagde hun.", ["Han tav.", "- Nej, sagde hun."]),
    ("Han tav. »Nej,« sagde hun.", ["Han tav.", "»Nej,« sagde hun."]),
    # a digit starts a sentence
    ("Han tav. 500.000 er døde.", ["Han tav.", "500.000 er døde."]),
    # an ordinal before a lower-case word is no end
    ("Det skete den 5. juni i år.", ["Det skete den 5. juni i år."]),
    # a blank line always ends a sentence (a headline without a full stop)
    ("Krig i Syrien\n\nDet regner.", ["Krig i Syrien", "Det regner."]),
    # a single line break does not
    ("Det var\nen god dag.", ["Det var\nen god dag."]),
    # a headline without a full stop ends where a word that only a sentence starts with
    # follows it, on the same line or the next (UD DDT: "Ansvars-placering En valutakrise")
    ("Til orgie hos Søren Men det har intet med Unionen at gøre.",
     ["Til orgie hos Søren", "Men det har intet med Unionen at gøre."]),
    ("Fire døde i Aleppo\nEn bilbombe sprang i går.", ["Fire døde i Aleppo", "En bilbombe sprang i går."]),
    ("Valget 2019  Hvem vinder?", ["Valget 2019", "Hvem vinder?"]),
    # ... not in names, titles or formal address, not after a comma or an opening quote
    ("Han arbejder i Den Danske Bank og Det Røde Kors.", ["Han arbejder i Den Danske Bank og Det Røde Kors."]),
    ("Prisen gik til Han Kang fra Sydkorea.", ["Prisen gik til Han Kang fra Sydkorea."]),
    ("Premierminister Hun Manet er søn af Hun Sen, ikke af U Nu.", ["Premierminister Hun Manet er søn af Hun Sen, ikke af U Nu."]),
    ("Har I set det, som De ønskede?", ["Har I set det, som De ønskede?"]),
    ("Det var koldt, Men ikke vådt.", ["Det var koldt, Men ikke vådt."]),
    ("Han sagde »Men nej« og gik.", ["Han sagde »Men nej« og gik."]),
    # ... nor in longer words, compounds or genitives
    ("Se Menneskerettighedsrådet og Enhedslisten.", ["Se Menneskerettighedsrådet og Enhedslisten."]),
    ("Et En-dags kursus om Og-konstruktioner", ["Et En-dags kursus om Og-konstruktioner"]),
    # a URL's dots end nothing
    ("Læs mere på www.dr.dk. Tak.", ["Læs mere på www.dr.dk.", "Tak."]),
    # empty and blank texts have no sentences
    ("", []),
    ("  \n\n  ", []),
]


@pytest.mark.parametrize("text, expected", SENTENCE_CASES)
def test_sentences_cases(text, expected):
    spans = ct.sentences(text)
    assert [s.text for s in spans] == expected
    # offsets point into the text
    assert all(text[s.start : s.end] == s.text for s in spans)
    # the fast count used by the statistics agrees
    assert T._sentence_count(text) == len(expected)


def test_seed_sentences_and_paragraphs():
    spans = ct.sentences(SEED)
    texts = [s.text for s in spans]
    # the quote with its speaker is one sentence, the abbreviation-free seed splits at full stops
    assert any(t.startswith("»Russerne var ikke parate") for t in texts)
    assert any(t.startswith("De sagde, at den eneste mulighed") and "Ibrahim Jabawi" in t for t in texts)
    # the cut-off paragraph ends at its paragraph break, not in the next one
    cut = [t for t in texts if t.endswith("mens USA'")]
    assert len(cut) == 1 and "Overvågningsgruppen" not in cut[0]
    assert texts[-1] == "/ritzau/Reuters"


LEMMA_CASES = [
    # inflected nouns and adjectives from simplemma's dictionary
    ("russerne", "russer"),
    ("syriske", "syrisk"),
    ("styrker", "styrke"),
    # genitives of names: dictionary, then our rules
    ("Ruslands", "Rusland"),
    ("FN's", "FN"),
    ("USA’s", "USA"),
    ("TEBA's", "TEBA"),
    ("Assads", "Assad"),
    ("Lars'", "Lars"),
    # a name that ends in s by itself is left alone
    ("Paris", "Paris"),
    # numbers, punctuation, URLs and e-mails are their own lemma
    ("160.000", "160.000"),
    ("»", "»"),
    ("www.dr.dk", "www.dr.dk"),
    ("jens@dr.dk", "jens@dr.dk"),
]


@pytest.mark.parametrize("form, expected", LEMMA_CASES)
def test_lemma_cases(form, expected):
    assert ct.lemmatize([form]) == [expected]


def test_lemmatize_text_gives_one_lemma_per_token():
    text = "Russerne var ikke parate, siger FN's udsending."
    assert len(ct.lemmatize(text)) == len(ct.tokenize(text))
    # Token tuples from tokenize() work as well as strings
    assert ct.lemmatize(ct.tokenize(text)) == ct.lemmatize(text)


BASE_FORM_CASES = [
    # apostrophe genitives are certain
    ("FN's", "FN"),
    ("USA’s", "USA"),
    ("Lars'", "Lars"),
    # a capitalised name loses its genitive s
    ("Ruslands", "Rusland"),
    # lower-case words that end in s keep it
    ("hus", "hus"),
    ("kurs", "kurs"),
    # not from a double s
    ("Hess", "Hess"),
    # known limitation: a name that ends in s by itself loses it (lemma() knows Paris)
    ("Paris", "Pari"),
    # short words are left alone
    ("Ens", "Ens"),
]


@pytest.mark.parametrize("form, expected", BASE_FORM_CASES)
def test_base_form_cases(form, expected):
    assert ct.base_form(form) == expected


# --------------------------------------------------------------------------- word lists


def _raw_entries(name: str) -> list[str]:
    path = ROOT / "corpus_tools" / "lang" / "da" / name
    return path.read_text(encoding="utf-8").splitlines()


DANISH_ORDER = "abcdefghijklmnopqrstuvwxyzæøå."


def _danish_key(word: str) -> list[int]:
    return [DANISH_ORDER.index(c) if c in DANISH_ORDER else -1 for c in word]


@pytest.mark.parametrize("name", ["stopwords.txt", "abbreviations.txt", "abbreviations_final.txt"])
def test_word_list_files_are_reviewable(name):
    lines = _raw_entries(name)
    # the first line names the source
    assert lines[0].startswith("# Source:")
    entries = [ln.strip() for ln in lines if ln.strip() and not ln.startswith("#")]
    # lower case, no duplicates, in Danish alphabetical order (æ, ø, å after z)
    assert all(e == e.lower() for e in entries)
    assert len(entries) == len(set(entries))
    assert entries == sorted(entries, key=_danish_key)


@pytest.mark.parametrize("word", sorted(T._default_stopwords()))
def test_every_stop_word_is_one_token(word):
    # a stop word the tokenizer can never produce would silently never be removed
    assert [t.text for t in ct.tokenize(word)] == [word]
    assert ct.words(word) == [word]


@pytest.mark.parametrize("abbr", sorted(ct.text.abbreviations()))
def test_every_abbreviation_is_one_token(abbr):
    assert [t.text for t in ct.tokenize(f"se {abbr} her")] == ["se", abbr, "her"]


def test_final_abbreviations_are_abbreviations():
    assert T._final_abbreviations() <= T.abbreviations()


def test_stopwords_add_and_remove_per_call():
    base = ct.stopwords()
    assert {"og", "i", "det", "ikke"} <= base
    # content words of news are not stop words
    assert not {"ifølge", "siger", "syrien", "millioner"} & base
    sw = ct.stopwords(add=["Siger"], remove=["ikke"])
    assert "siger" in sw and "ikke" not in sw
    # the default list is unchanged by a call with add/remove
    assert ct.stopwords() == base
    with pytest.raises(CorpusError):
        ct.stopwords(add="siger")


# --------------------------------------------------------------------------- invariants


def test_offsets_point_into_the_text():
    for text in (SEED, DDT_TEXT):
        toks = ct.tokenize(text)
        assert all(text[t.start : t.end] == t.text for t in toks)
        # tokens are in order and never overlap or contain whitespace
        assert all(a.end <= b.start for a, b in zip(toks, toks[1:]))
        assert not any(re.search(r"\s", t.text) for t in toks)


@pytest.mark.parametrize("text", [SEED, DDT_TEXT] + [c[0] for c in TOKEN_CASES])
def test_words_are_the_word_tokens(text):
    # the fast path (WORD_RE) gives exactly the word tokens of the full tokenizer
    assert ct.words(text, lower=False) == [t.text for t in ct.tokenize(text) if T.is_word(t.text)]
    assert ct.words(text) == [w.lower() for w in ct.words(text, lower=False)]


@pytest.mark.parametrize("text", [SEED, DDT_TEXT] + [c[0] for c in TOKEN_CASES])
def test_tokens_are_local_to_whitespace_chunks(text):
    # the statistics cache tokens per whitespace-separated chunk: this must hold
    per_chunk = [t.text for chunk in text.split() for t in ct.tokenize(chunk)]
    assert per_chunk == [t.text for t in ct.tokenize(text)]


def test_doubling_whitespace_changes_no_token_or_sentence():
    doubled = re.sub(r"(\s)", r"\1\1", SEED)
    assert [t.text for t in ct.tokenize(doubled)] == [t.text for t in ct.tokenize(SEED)]
    assert len(ct.sentences(doubled)) == len(ct.sentences(SEED))


def test_sentence_count_matches_sentences_on_gold_text():
    for text in (SEED, DDT_TEXT, "\n\n".join(s.text for s in GOLD[:200])):
        assert T._sentence_count(text) == len(ct.sentences(text))


def test_python_310_word_pattern_gives_the_same_tokens():
    # Python 3.10 has no possessive quantifiers: the fallback must tokenize identically
    alt = r"[^\W\d_]\w*(?:[-'’]\w+)*(?![\w.@+:'’/-])"
    assert T._FASTWORD in T.WORD_RE.pattern or alt in T.WORD_RE.pattern
    other = T.WORD_RE.pattern.replace(T._FASTWORD, alt if T._FASTWORD != alt else r"[^\W\d_]\w*+(?:[-'’]\w++)*+(?![.@+:'’/-])")
    try:
        rx = re.compile(other, re.VERBOSE)
    except re.error:
        pytest.skip("this Python has no possessive quantifiers")
    for text in (SEED, DDT_TEXT):
        assert rx.findall(text) == T.WORD_RE.findall(text)


# --------------------------------------------------------------------------- gold figures


def test_gold_scores_meet_targets():
    # `python -m corpus_tools.evaluate text` prints these; the README quotes them
    scores = ev.evaluate()
    assert scores["tokens"]["f1"] >= 0.99
    assert scores["sentences"]["f1"] >= 0.95
    assert scores["lemmas"]["accuracy_words"] >= 0.92
    assert scores["tokens"]["gold"] == 10332 and scores["sentences"]["gold"] == 563
    # the README's accuracy table quotes exactly these
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    t, sn, lm = scores["tokens"], scores["sentences"], scores["lemmas"]
    assert f"| token F1 (UD DDT dev, 10,332 tokens) | {t['f1']:.4f} |" in readme
    assert f"| sentence-boundary F1 (564 sentences) | {sn['f1']:.4f} (P {sn['precision']:.3f}, R {sn['recall']:.3f}) |" in readme
    assert f"| {lm['accuracy_words']:.4f} ({lm['accuracy']:.4f} all tokens) |" in readme
    # ... and so does the text module's docstring, to three places
    doc = " ".join(T.__doc__.split())
    assert (f"token F1 {t['f1']:.3f}, sentence-boundary F1 {sn['f1']:.3f}, lemma accuracy "
            f"{lm['accuracy_words']:.3f} on words") in doc


def test_evaluate_command_prints_the_figures(capsys):
    assert ev.main([]) == 0
    out = capsys.readouterr().out
    assert "token F1" in out and "sentence-boundary F1" in out and "lemma accuracy" in out


def test_bad_gold_file_names_file_and_line(tmp_path):
    bad = tmp_path / "bad.conllu"
    bad.write_text("# text = Hej\n1\tHej\n", encoding="utf-8")
    with pytest.raises(CorpusError, match=r"bad\.conllu, line 2"):
        ev.read_conllu(bad)


def test_sentence_set_scoring_counts_the_ends_between_sentences(tmp_path, capsys):
    import json

    f = tmp_path / "set.jsonl"
    items = [
        # one end between two sentences, found
        {"text": "Krig i Syrien. Rusland tav.", "sentences": ["Krig i Syrien.", "Rusland tav."]},
        # a headline without a full stop before a name: the end is missed
        {"text": "Krig i Syrien Rusland tav.", "sentences": ["Krig i Syrien", "Rusland tav."]},
        # one sentence, no end to find; an abbreviation that ends nothing
        {"text": "Det kostede ca. 5 kr. i alt.", "sentences": ["Det kostede ca. 5 kr. i alt."]},
    ]
    f.write_text("\n".join(json.dumps(i, ensure_ascii=False) for i in items) + "\n", encoding="utf-8")
    scores = ev.sentence_set_scores(ev.read_sentence_set(f))
    assert (scores["gold"], scores["predicted"]) == (2, 1)
    assert scores["precision"] == 1.0 and scores["recall"] == 0.5
    assert ev.main(["--sentences", str(f), "--errors", "5"]) == 0
    out = capsys.readouterr().out
    assert "3 texts, 5 sentences" in out and "missed boundary" in out and "Krig i Syrien | " in out


def test_bad_sentence_set_names_file_and_line(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "A b. C d.", "sentences": ["A b."]}\n{"text": "x", "sentences": ["y"]}\n', encoding="utf-8")
    with pytest.raises(CorpusError, match=r"bad\.jsonl, line 1.*leave 'C d\.' out"):
        ev.read_sentence_set(bad)
    bad.write_text('{"text": "A b. C d.", "sentences": ["C d.", "A b."]}\n', encoding="utf-8")
    with pytest.raises(CorpusError, match=r"line 1.*not the next part"):
        ev.read_sentence_set(bad)
    bad.write_text('not json\n', encoding="utf-8")
    with pytest.raises(CorpusError, match=r"line 1"):
        ev.read_sentence_set(bad)
    with pytest.raises(CorpusError, match=r"missing\.jsonl: cannot read"):
        ev.read_sentence_set(tmp_path / "missing.jsonl")


def test_blind_sentence_set_floor_and_readme():
    # the blind set (tests/data/sentences) as first scored; the README quotes it
    path = Path(__file__).resolve().parent / "data" / "sentences" / "blind.jsonl"
    items = ev.read_sentence_set(path)
    assert len(items) == 80 and sum(len(sp) for _t, sp in items) == 251
    s = ev.sentence_set_scores(items)
    assert s["f1"] >= 0.95 and s["precision"] >= 0.99
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    assert f"first scored | {s['f1']:.4f} (P {s['precision']:.3f}, R {s['recall']:.3f};" in readme
