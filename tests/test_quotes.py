"""Direct quotes, their speakers and roles; unpaired marks never crash."""

from __future__ import annotations

from pathlib import Path

import pytest

import corpus_tools as ct

SEED = (Path(__file__).resolve().parents[1] / "seeds" / "000_26ea6c9c62baba8a.txt").read_text(encoding="utf-8")

QUOTE_CASES = [
    # guillemets, speech verb after, role from ", som er ..."
    ("»Vi går ikke,« siger Ali Said, som er talsmand for oprørerne.", ("Vi går ikke,", "Ali Said", "talsmand for oprørerne", "quote")),
    # a title between the verb and the name is the role
    ("»Vi kommer,« siger udenrigsminister Anders Samuelsen.", ("Vi kommer,", "Anders Samuelsen", "udenrigsminister", "quote")),
    # "sagde han" points back to the last named person
    ("Peter Hansen var vred. »Det er slut,« sagde han.", ("Det er slut,", "Peter Hansen", None, "quote")),
    # a pronoun with no person before it stays unresolved
    ("„Nej,“ siger hun.", ("Nej,", None, None, "quote")),
    # the name before the verb, after the quote
    ("»Vi er klar,« Ibrahim Jabawi siger.", ("Vi er klar,", "Ibrahim Jabawi", None, "quote")),
    # a one-word quote with a speech verb is a quote even when the speaker stays unknown
    ("»Nej« siger hun.", ("Nej", None, None, "quote")),
    # the speaker named before a colon
    ("Mette Frederiksen siger: »Vi er klar.«", ("Vi er klar.", "Mette Frederiksen", None, "quote")),
    # the name right before "siger:", not an earlier name in the sentence
    ('Han kan vente støtte fra SF, hvor Ebba Strange siger: "Vi vil ikke."', ("Vi vil ikke.", "Ebba Strange", None, "quote")),
    # "siger <role> <name>:" before the quote
    ("Det siger formand Ebba Strange: »Vi vil ikke.«", ("Vi vil ikke.", "Ebba Strange", "formand", "quote")),
    # "Han siger:" resolves to the last person named before
    ("Ole Sohn talte længe. Han siger: »Nej.«", ("Nej.", "Ole Sohn", None, "quote")),
    # straight double quotes
    ('Han skrev: "Det er slut." Og så gik han.', ("Det er slut.", None, None, "quote")),
    # a dash-introduced line, the quote ends before the speech verb
    ("- Kris er en seriøs kører, siger Kurt Hansen.", ("Kris er en seriøs kører,", "Kurt Hansen", None, "dash")),
    # an organisation and a title before the name both belong to the role
    ("»Det går godt,« siger administrerende direktør i DI Jens Hansen.", ("Det går godt,", "Jens Hansen", "administrerende direktør i DI", "quote")),
    # "hun" with two people before: the last named one (no gender is guessed)
    ("Peter Hansen og Lone Dybkjær mødtes. »Det er slut,« siger hun til Ritzau.", ("Det er slut,", "Lone Dybkjær", None, "quote")),
    # a short phrase in quotes without a speech verb is a scare quote
    ("De roste de »væsentlige og vægtige« forhandlinger.", ("væsentlige og vægtige", None, None, "scare")),
    # "siger <role>, <Name>": the role before the comma, the person after it
    ("»Vi åbner igen,« siger Tysklands kansler, Olaf Scholz, efter mødet.", ("Vi åbner igen,", "Olaf Scholz", "Tysklands kansler", "quote")),
    ("»Det er for sent,« sagde den svenske statsminister, Ulf Kristersson.", ("Det er for sent,", "Ulf Kristersson", "den svenske statsminister", "quote")),
    # ... but an unnamed employee of a company is not the company
    ("»Vi så røg,« siger en ansat i rederiet, Maersk.", ("Vi så røg,", None, None, "quote")),
    # what follows the name is a role only when it reads as one, not "til DR" / "efter mødet"
    ("»Vi er klar,« siger Karen Holm, til Politiken.", ("Vi er klar,", "Karen Holm", None, "quote")),
    # an organisation with "&" and a genitive in the role, then a comma and the person
    ('"Prisen er for høj," lyder det fra Bryggeriet Jensen & Søns direktør, Anne Holm.',
     ("Prisen er for høj,", "Anne Holm", "Bryggeriet Jensen & Søns direktør", "quote")),
    # an age before the name is part of the description, not a reason to give up
    ("»Vi flygtede om natten,« fortæller 61-årige Karin Lund.", ("Vi flygtede om natten,", "Karin Lund", "61-årige", "quote")),
    # a politician's party letter between the name and the verb
    ('Skatteminister Jeppe Bruus (S) skriver: "Reglerne gælder alle."', ("Reglerne gælder alle.", "Jeppe Bruus", None, "quote")),
    # an organisation the gazetteer knows, then the person: the person speaks
    ("- Vi har travlt, siger talsmand i Røde Kors Mikkel Berg.", ("Vi har travlt,", "Mikkel Berg", "talsmand i Røde Kors", "dash")),
    # a dash quote after a sentence in the same paragraph, closed by a speech verb
    ("Han tog ordet i Odense. - Vi giver ikke op, sagde Jens Vestergaard til de fremmødte.",
     ("Vi giver ikke op,", "Jens Vestergaard", None, "dash")),
]


def test_dash_in_running_text_is_not_a_quote():
    # a dash between sentences without a speech verb, and dashes as punctuation, open no quote
    assert ct.quotes("Det er - som bekendt - svært. Så er det slut. - Hvad så?").empty
    # several dash lines in one paragraph: one quote each
    q = ct.quotes("- Ja, siger Ole Hansen.\n- Nej, siger Per Olsen.")
    assert q[["quote", "speaker"]].values.tolist() == [["Ja,", "Ole Hansen"], ["Nej,", "Per Olsen"]]


@pytest.mark.parametrize("text, expected", QUOTE_CASES)
def test_quote_cases(text, expected):
    q = ct.quotes(text)
    assert len(q) == 1
    row = q.iloc[0]
    got = (row.quote, row.speaker if isinstance(row.speaker, str) else None,
           row.speaker_role if isinstance(row.speaker_role, str) else None, row.kind)
    assert got == expected
    assert row.paired


def test_seed_quote_by_ibrahim_jabawi():
    q = ct.quotes(SEED)
    first = q.iloc[0]
    assert first.quote.startswith("Russerne var ikke parate")
    assert first.speaker == "Ibrahim Jabawi"
    assert first.speaker_role == "talsmand for Den Frie Syriske Hær"
    assert SEED[first.start] == "»" and SEED[first.end - 1] == "«"
    # the second quoted phrase is a scare quote, not attributed
    assert list(q.kind) == ["quote", "scare"]
    assert q.iloc[1].quote == "væsentlige og vægtige"


@pytest.mark.parametrize("text", [
    # an opening mark never closed
    "»Det er slut, siger Ole Olsen.",
    # a stray closing mark, an odd number of straight quotes
    'Han sagde « og " noget',
    # marks at the very end
    "Slut»",
])
def test_unpaired_marks_are_reported_not_raised(text):
    with pytest.warns(UserWarning, match="without a closing mark"):
        q = ct.quotes(text)
    assert (~q.paired).sum() >= 1
    assert all(0 <= s < e <= len(text) for s, e in zip(q.start, q.end))


def test_closing_mark_without_opening_gives_the_paragraph_and_its_speaker():
    # the quote began in an earlier paragraph; the row runs from the paragraph start
    text = 'Oplægget blev fulgt 100 procent," pointerer Susan Mackensie.'
    with pytest.warns(UserWarning):
        q = ct.quotes(text)
    assert list(zip(q.quote, q.speaker, q.paired)) == [("Oplægget blev fulgt 100 procent,", "Susan Mackensie", False)]


def test_quotes_over_corpus_and_empty():
    # the module is corpus_tools.quoting, so ct.quotes stays the function after any import
    from corpus_tools.quoting import QUOTE_COLUMNS

    q = ct.quotes(["Ingen citater her.", SEED])
    assert set(q.doc_id) == {1}
    assert list(ct.quotes("Intet.").columns) == QUOTE_COLUMNS


CONTINUATION_CASES = [
    # a second quote in the same paragraph continues the speaker
    ("»Vi er klar,« siger Peter Hansen. »Og vi går nu.«", ["Peter Hansen", "Peter Hansen"]),
    # ... and one that opens the very next paragraph
    ("»Vi er klar,« siger Peter Hansen.\n\n»Og vi går nu.«", ["Peter Hansen", "Peter Hansen"]),
    # but not across a paragraph of other text
    ("»Vi er klar,« siger Peter Hansen.\n\nHan gik.\n\n»Og vi går nu.«", ["Peter Hansen", None]),
]


@pytest.mark.parametrize("text, expected", CONTINUATION_CASES)
def test_quote_continuation(text, expected):
    q = ct.quotes(text)
    assert [s if isinstance(s, str) else None for s in q.speaker] == expected
