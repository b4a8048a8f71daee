"""Key figures: Danish numbers, categories, hedges, non-figures, the seed, invariants."""

from __future__ import annotations

import math
import re
from pathlib import Path

import pandas as pd
import pytest

from corpus_tools import CorpusError
from corpus_tools.figures import (
    CATEGORIES,
    COLUMNS,
    HEDGES,
    MODALITIES,
    extract_figures,
    figure_conflicts,
    load_figure_lexicon,
    parse_number,
)
from corpus_tools.numbers import number_words, parse_quantity
from corpus_tools.text import tokenize

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_26ea6c9c62baba8a.txt"

# --------------------------------------------------------------------------- numbers

NUMBER_CASES = [
    # thousands separator is a dot in Danish
    ("160.000", 160_000),
    # decimal comma
    ("1,5", 1.5),
    # both at once
    ("1.234,5", 1234.5),
    # several groups
    ("2.500.000", 2_500_000),
    # a decimal comma with an abbreviated multiplier
    ("6,5 mio.", 6_500_000),
    ("2,5 mia.", 2_500_000_000),
    ("1 mill.", 1_000_000),
    # multiplier written out
    ("60 millioner", 60_000_000),
    ("35 milliarder", 35_000_000_000),
    # number words: a compound with the unit first
    ("enogtyve", 21),
    ("femogfyrre", 45),
    ("nioghalvfems", 99),
    # words with multipliers
    ("to hundrede", 200),
    ("syvhundrede", 700),
    ("tre tusind", 3000),
    ("et hundrede og tyve", 120),
    ("tre hundrede og tyve tusind", 320_000),
    ("to millioner", 2_000_000),
    # text2num's Danish edges, read right here
    ("halvanden million", 1_500_000),
    ("to komma fem milliarder", 2_500_000_000),
    ("en halv million", 500_000),
    # "et par" is about two
    ("et par", 2),
    ("et par hundrede", 200),
    # fractions
    ("1/2", 0.5),
    ("9 1/2", 9.5),
    # vulgar fractions
    ("1½", 1.5),
    ("½ mio.", 500_000),
    # thousands grouped by a no-break space
    ("160\u00a0000", 160_000),
    # vague quantities have no value
    ("tusindvis", None),
    ("flere hundrede", None),
    # a bare "halv" is an adjective
    ("halv", None),
    # not a number at all
    ("bastion", None),
]


@pytest.mark.parametrize("surface,expected", NUMBER_CASES)
def test_parse_number(surface, expected):
    got = parse_number(surface)
    if expected is None:
        assert got is None
    else:
        assert got == pytest.approx(expected)


RANGE_CASES = [
    # a hyphen range; value is the midpoint
    ("10-15", (12.5, 10, 15)),
    # the upper end lends its scale to the lower end
    ("10-15.000", (12_500, 10_000, 15_000)),
    ("2-3 mio.", (2_500_000, 2_000_000, 3_000_000)),
    # mellem ... og ...
    ("mellem 200 og 300", (250, 200, 300)),
    # words
    ("fem-seks", (5.5, 5, 6)),
    # fractions in a range
    ("1/2-3/4", (0.625, 0.5, 0.75)),
    # a unit repeated inside the range
    ("fra 3.198 kr. til 38.376", (20_787, 3198, 38_376)),
]


@pytest.mark.parametrize("surface,expected", RANGE_CASES)
def test_parse_quantity_ranges(surface, expected):
    assert parse_quantity(surface) == pytest.approx(expected)


def test_number_words_round_trip_through_text2num():
    # every integer word in our table, against text2num's Danish (where it is right)
    text2num = pytest.importorskip("text_to_num").text2num
    for word, value in sorted(number_words().items()):
        if not float(value).is_integer():
            continue
        # text2num does not know the accented numeral (én, ét): it is "en"/"et" stressed
        assert text2num(word.replace("é", "e"), "da") == value, word
        if word in ("millioner", "milliarder"):
            # a bare plural multiplier is vague here ("tabte millioner"), not 10**6
            assert parse_number(word) is None
        else:
            assert parse_number(word) == value, word


def test_text2num_danish_edges_documented():
    # why we do not hand word sequences to text2num: it refuses these two
    text2num = pytest.importorskip("text_to_num").text2num
    for phrase in ("halvanden million", "to komma fem milliarder"):
        with pytest.raises(ValueError):
            text2num(phrase, "da")


@pytest.mark.parametrize("surface", ["160.000", "1,5", "1.234,5", "2015", "0,15", "219.996"])
def test_digits_agree_with_babel(surface):
    babel = pytest.importorskip("babel.numbers")
    assert float(babel.parse_decimal(surface, locale="da")) == pytest.approx(parse_number(surface))


@pytest.mark.parametrize("word", sorted(number_words()))
def test_every_number_word_is_one_token(word):
    # a number word the tokenizer splits could never be found
    assert [t.text for t in tokenize(word)] == [word]


# --------------------------------------------------------------------------- extraction table

# (sentence, surface, value, category, hedge, is_figure)
FIGURE_CASES = [
    # the seed's displacement figure
    ("ifølge FN har fordrevet 160.000 mennesker fra deres hjem", "160.000", 160_000, "displaced", "exact", True),
    # trigger after the number, hedge before it
    ("har kostet omkring 500.000 mennesker livet.", "500.000", 500_000, "killed", "approximate", True),
    # a decimal comma with a multiplier, money
    ("Projektet koster 2,5 mio. kr.", "2,5 mio.", 2_500_000, "money", "exact", True),
    # percent in three spellings
    ("Ledigheden er 4,2 pct.", "4,2", 4.2, "percent", "exact", True),
    ("Han fik 54 procent af stemmerne.", "54", 54, "percent", "exact", True),
    ("Renten steg 2 %.", "2", 2, "percent", "exact", True),
    # at_least
    ("Mindst 23 mennesker blev dræbt.", "23", 23, "killed", "at_least", True),
    # more_than
    ("Over 1.000 personer blev såret.", "1.000", 1000, "wounded", "more_than", True),
    # less_than
    ("Knap 300 mennesker er savnet.", "300", 300, "missing", "less_than", True),
    # up_to
    ("Op til 40 demonstranter blev anholdt.", "40", 40, "arrested", "up_to", True),
    # at_most
    ("Højst 12 kroner.", "12", 12, "money", "at_most", True),
    # a range
    ("Mellem 200 og 300 soldater er sendt af sted.", "200 og 300", 250, "people", "range", True),
    # a number word counting people
    ("De to mænd blev set.", "to", 2, "people", "exact", True),
    # a number word counting things
    ("Regeringen indgik tre aftaler.", "tre", 3, "count", "exact", True),
    # age
    ("En 34-årig mand blev anholdt.", "34", 34, "age", "exact", True),
    # duration
    ("Han sad fængslet i 20 år.", "20", 20, "duration", "exact", True),
    # refugees: the trigger is in the clause
    ("Over 5 millioner syrere er flygtninge.", "5 millioner", 5_000_000, "refugees", "more_than", True),
    # et par = about two
    ("Vi ventede et par timer.", "et par", 2, "duration", "approximate", True),
    # halvanden million
    ("Der kom halvanden million turister.", "halvanden million", 1_500_000, "people", "exact", True),
    # a vague quantity is reported without a value
    ("Tusindvis af mennesker demonstrerede.", "Tusindvis", None, "people", "approximate", True),
    # a year is not a figure
    ("Krigen begyndte i 2011.", "2011", 2011, "date_or_year", "exact", False),
    # a date is not a figure
    ("Mødet er den 14. juni.", "14. juni", None, "date_or_year", "exact", False),
    # a clock time is not a figure
    ("Vi mødes kl. 10.30 i morgen.", "10.30", None, "date_or_year", "exact", False),
    # an ordinal is not a figure
    ("Han blev udvist i det 43. minut.", "43.", 43, "ordinal", "exact", False),
    # ", men" corrects a denied figure: it counts what that one counts ...
    ("Antallet af dræbte er ikke 25, som politiet først meldte, men 19.", "19", 19, "killed", "exact", True),
    # ... unless it has its own noun, or the denial is "ingen"
    ("Hun ejer ikke 2 katte, men 3 heste.", "3", 3, "count", "exact", True),
    ("Ingen blev dræbt, men otte personer blev behandlet for chok.", "otte", 8, "people", "exact", True),
    # an ordinal with thousands: a dot and then a small letter
    ("Belejringen gik lørdag ind i sin 2.000. time.", "2.000.", 2000, "ordinal", "exact", False),
    # a score is not a figure (ranges never run downwards)
    ("Holdet vandt 3-1 over Brøndby.", "3-1", None, "other", "exact", False),
    # an identifier is not a figure
    ("Programmet blev sendt på TV 2 i går.", "2", 2, "other", "exact", False),
    # a UN resolution number is an identifier
    ("FN's resolution 2254 blev vedtaget.", "2254", 2254, "other", "exact", False),
    # a postal code after a comma is an identifier, not the year 2100
    ("Adressen er Vesterbrogade 12, 2100 København Ø.", "2100", 2100, "other", "exact", False),
    # a span of days is one date
    ("Festivalen varer fra 15.-17. juni 1992.", "15.-17. juni 1992", None, "date_or_year", "exact", False),
    # a season is a year, not the fraction 1991/92
    ("Sæsonen 1991/92 var god.", "1991/92", 1991, "date_or_year", "exact", False),
    # a two-digit year range gets its century
    ("Sæsonen 1992-93 var bedre.", "1992-93", 1992.5, "date_or_year", "range", False),
    # age in brackets after a name
    ("Peter Jensen (45) blev anholdt.", "45", 45, "age", "exact", True),
    # thousands grouped by a space
    ("Der var 160 000 mennesker på flugt.", "160 000", 160_000, "displaced", "exact", True),
    # a currency code before the amount
    ("Det koster USD 5 mio. at bygge.", "5 mio.", 5_000_000, "money", "exact", True),
    # the first of two values borrows the unit of the second
    ("Aktien faldt fra 120 til 95 kroner.", "120", 120, "money", "exact", True),
    # the trigger nearest the number wins
    ("Ved angrebet blev 5 dræbt og 10 såret.", "10", 10, "wounded", "exact", True),
    # a source before the number is not an identifier's name
    ("Her blev ifølge FN 500 mennesker dræbt.", "500", 500, "killed", "exact", True),
    # a trigger word right after the number, the people noun after it
    ("Der er 6,6 millioner internt fordrevne syrere.", "6,6 millioner", 6_600_000, "displaced", "exact", True),
    # a decade
    ("Det skete i 1990'erne.", "1990", 1990, "date_or_year", "exact", False),
    # a vulgar fraction with its unit
    ("Han sad fængslet i 1½ år.", "1½", 1.5, "duration", "exact", True),
    # --- rules from the hand-written unseen set (tests/data/figures/unseen.jsonl), new sentences
    # "halvandet" is the neuter of "halvanden"
    ("Forhandlingerne tog halvandet år.", "halvandet", 1.5, "duration", "exact", True),
    # the accented "én"/"ét" is the numeral, not the article
    ("Butikken holder lukket én uge i juli.", "én", 1, "duration", "exact", True),
    # drowning is a death; the refugee noun is what the number counts, the event what befell them
    ("Seks fiskere druknede, da båden sank.", "Seks", 6, "killed", "exact", True),
    ("I weekenden blev 60 migranter anholdt ved grænsen.", "60", 60, "arrested", "exact", True),
    # the object stands inside "mistede … livet", an adverb inside "kom … til skade"
    ("I alt mistede 14 soldater livet ved angrebet.", "14", 14, "killed", "exact", True),
    ("Fire passagerer kom lettere til skade.", "Fire", 4, "wounded", "exact", True),
    # a person over/under N years, "i alderen": an age, not a duration
    ("Vaccinen tilbydes nu alle borgere over 50 år.", "50", 50, "age", "more_than", True),
    ("Syv unge i alderen 15 til 19 år er sigtet.", "15 til 19", 17, "age", "range", True),
    ("Han har boet i byen i over 20 år.", "20", 20, "duration", "more_than", True),
    # "fra X til Y" running downwards is two values, not a range
    ("Staben går fra 40 til 25 ansatte.", "40", 40, "people", "exact", True),
    ("Staben går fra 40 til 25 ansatte.", "25", 25, "people", "exact", True),
    # the present tense "dør" is a death
    ("Hvert år dør over 400 mennesker i trafikken.", "400", 400, "killed", "more_than", True),
    # a vague quantity with two multipliers
    ("Oversvømmelsen gav skader for mange hundrede millioner kroner.", "mange hundrede millioner", None, "money", "approximate", True),
    # the hedge before the verb: "må højst være 30"
    ("Der må højst være 30 elever i hver klasse.", "30", 30, "people", "at_most", True),
    # a number inside a name after a verb of saying: "TV 2 Østjylland", "oplyser TV 2."
    ("Fem huse brændte, skriver TV 2 Østjylland.", "2", 2, "other", "exact", False),
    ("Fire er anholdt, oplyser TV 2.", "2", 2, "other", "exact", False),
    # "heraf N": the part counts what the whole counts
    ("Der er 250 patienter indlagt, heraf 30 på intensiv.", "30", 30, "people", "exact", True),
    # a spelled-out multiplier may end the sentence: one span, not "5,8" and a vague "millioner"
    ("Indbyggertallet i Danmark er nu 5,9 millioner.", "5,9 millioner", 5_900_000, "count", "exact", True),
    ("Antallet af solgte billetter nåede op på to milliarder.", "to milliarder", 2_000_000_000, "count", "exact", True),
    # "Ingen af de N ..." with a casualty verb: "Ingen" is the (denied) casualty row, N the whole group
    ("Ingen af de 23 skolebørn i bussen kom til skade.", "Ingen", 0, "wounded", "exact", True),
    ("Ingen af de 23 skolebørn i bussen kom til skade.", "23", 23, "people", "exact", True),
    # a person "i 40'erne" is in their forties (an age); a definite plural in a decade is a period
    ("Politiet efterlyser en mand i 40'erne med kort hår.", "40", 40, "age", "exact", True),
    ("Pensionisterne i 60'erne fik ingen pension.", "60", 60, "date_or_year", "exact", False),
    # the plural nouns titusinder/hundredtusinder are vague quantities like tusinder/tusindvis
    ("Titusinder af demonstranter fyldte gaderne i Tbilisi.", "Titusinder", None, "people", "approximate", True),
    ("Hundredtusinder af høns er blevet aflivet.", "Hundredtusinder", None, "count", "approximate", True),
    # a numbered motorway exit or platform is an identifier
    ("Lastbilen kørte galt ved afkørsel 47 på Holbækmotorvejen.", "47", 47, "other", "exact", False),
    ("Toget mod Esbjerg afgår fra perron 6.", "6", 6, "other", "exact", False),
    # "N og en halv" / "N og et halvt" is one number, with or without a multiplier
    ("Renoveringen af svømmehallen koster fire og en halv million kroner.", "fire og en halv million", 4_500_000, "money", "exact", True),
    ("Han har ventet på en ny hofte i tre og et halvt år.", "tre og et halvt", 3.5, "duration", "exact", True),
    ("Flyveturen til Bangkok varer 11 og en halv time.", "11 og en halv", 11.5, "duration", "exact", True),
    # a part opened by heriblandt/herunder/heraf counts what the people figure before it counts,
    # also past a duration between them; the inserted part does not end the clause
    ("Mindst 40 passagerer, herunder ni børn, omkom ved ulykken.", "40", 40, "killed", "at_least", True),
    ("Mindst 40 passagerer, herunder ni børn, omkom ved ulykken.", "ni", 9, "killed", "exact", True),
    ("Over 600 soldater er såret på tre uger, heraf 120 officerer.", "120", 120, "wounded", "exact", True),
    # a relative clause of the counted noun belongs to its clause
    ("Kystvagten leder efter 12 sømænd, som har været savnet siden fredag.", "12", 12, "missing", "exact", True),
    # demonyms from the gazetteer count people
    ("Over 2 millioner afghanere har brug for nødhjælp.", "2 millioner", 2_000_000, "people", "more_than", True),
    # the trigger of the conjunct before "og" does not reach past it
    ("Mindst 80 blev såret og 14 er stadig savnet efter eksplosionen.", "14", 14, "missing", "exact", True),
    # "dødsfald" counts deaths
    ("Hedebølgen har kostet 340 dødsfald i Spanien.", "340", 340, "killed", "exact", True),
]


UNIT_CASES = [
    # "pct.-point": the word after the number stops at the dot
    ("Arbejdsløsheden steg 0,3 pct.-point i april.", "0,3", "procentpoint", "percent"),
    # millimetres of rain spelled out
    ("Der faldt 42 millimeter regn i Aalborg.", "42", "millimeter", "other"),
    # votes and seats are counts, not measures
    ("Partiet mistede fire mandater.", "fire", "mandat", "count"),
    # an adverb in -igt/-ivt before a participle is skipped on the way to the noun
    ("Undersøgelsen omfatter 2.000 tilfældigt udvalgte borgere.", "2.000", "borger", "people"),
    # a first value with decimals borrows the unit of the second
    ("Kaffen er steget fra 4,95 til 6,50 kroner.", "4,95", "krone", "money"),
    # compounds are head-final: a lexicon people noun ending a compound counts people
    ("Ved ulykken var 35 redningsfolk i aktion.", "35", "redningsfolk", "people"),
    ("Studiet omfattede 600 testpersoner.", "600", "testperson", "people"),
    # agent nouns of French origin (-ktør, -ntør, -ffør, -isør ...) and demonyms in -enser/-eser
    ("Selskabet har ansat 40 nye buschauffører.", "40", "buschauffør", "people"),
    ("Mødet samlede 120 skoleinspektører.", "120", "skoleinspektør", "people"),
    ("Over 200 libanesere er dræbt ved luftangrebene.", "200", "libaneser", "killed"),
    # a past participle used as a plural noun of people has its singular as unit
    ("Hotellet har 85 fastansatte og 30 vikarer.", "85", "fastansat", "people"),
    # a sentence adverb after the number is no counted noun: the noun is elided
    ("Dykkerne har fundet 15 sømænd i live, mens 3 stadig er savnet.", "3", None, "missing"),
    # the object between "drevet" and "fra deres hjem", as in "kostet … livet"
    ("Tørken har drevet 700.000 mennesker fra deres hjem i Somalia.", "700.000", "menneske", "displaced"),
    # fled from a town or the fighting is displacement inside the country; across a border, refugees
    ("Næsten 4.000 indbyggere er flygtet fra byerne langs fronten.", "4.000", "indbygger", "displaced"),
    ("Omkring 900 flygtede fra kampene i nat.", "900", None, "displaced"),
    ("I alt 12.000 er flygtet over grænsen til Tchad.", "12.000", None, "refugees"),
    # a compound ending in days/months/hours counts time: the head names the unit
    ("Medarbejderne havde i snit 11 sygedage sidste år.", "11", "sygedag", "duration"),
    ("Eleverne mister 150 undervisningstimer om året.", "150", "undervisningstime", "duration"),
    ("Arresthuset huser i dag 64 indsatte.", "64", "indsat", "people"),
]


@pytest.mark.parametrize("sentence,surface,unit,category", UNIT_CASES)
def test_unit_cases(sentence, surface, unit, category):
    row = extract_figures(sentence).set_index("surface").loc[surface]
    assert (None if pd.isna(row["unit"]) else row["unit"], row["category"]) == (unit, category)


@pytest.mark.parametrize("sentence,surface,value,category,hedge,is_figure", FIGURE_CASES)
def test_figure_cases(sentence, surface, value, category, hedge, is_figure):
    df = extract_figures(sentence)
    row = df[df["surface"] == surface]
    assert len(row) == 1, df[["surface", "category"]].to_dict("records")
    row = row.iloc[0]
    if value is None:
        assert math.isnan(row["value"])
    else:
        assert row["value"] == pytest.approx(value)
    assert (row["category"], row["hedge"], bool(row["is_figure"])) == (category, hedge, is_figure)


NO_FIGURE_CASES = [
    # "en"/"et" are articles
    "Han købte en bil og et hus.",
    # "En anden bastion": article and "other"
    "En anden bastion er en region i nordvestlige del af landet.",
    # ordinal words are not extracted
    "Det er hans første rigtige teaterrolle.",
    # "tusind tak" is thanks, not a thousand
    "Tusind tak for hjælpen.",
    # "ingen" without a casualty verb is not a figure
    "Der er ingen mennesker på gaden.",
    # "en kvartet" is not "en kvart"
    "Hun spillede med en kvartet.",
    # digits glued to letters are a name
    "Bilen har en MTX75-gearkasse.",
    # "to" is also the past tense of "tvætte"
    "Han to sine hænder og gik.",
]


@pytest.mark.parametrize("sentence", NO_FIGURE_CASES)
def test_no_figures(sentence):
    assert extract_figures(sentence).empty


MODALITY_CASES = [
    # the group that "Ingen af de ..." picks from is not denied
    ("Ingen af de 40 gæster på hotellet blev såret.", "40", "fact"),
    # a reported fact
    ("40 mennesker blev dræbt.", "40", "fact"),
    # a hypothetical
    ("Krigen kan koste op til 1.000 liv.", "1.000", "hypothetical"),
    # "ingen blev dræbt" is a negated row with value 0
    ("Ingen blev dræbt ved angrebet.", "Ingen", "negated"),
    # negation right before the number
    ("Det var ikke 500 dræbte, som først meldt.", "500", "negated"),
    # "ikke over" bounds the number (at_most), it does not deny it
    ("Ikke over 100 mennesker blev dræbt.", "100", "fact"),
    # a modal cue reaches past the number's hedge and the infinitive marker "at"
    ("Renoveringen ventes at ende på omkring 90 millioner kroner.", "90 millioner", "hypothetical"),
    ("Projektet kan ende med at koste op til 700 mio. kr.", "700 mio.", "hypothetical"),
    # ... but not past four other words
    ("Ministeren ventes også at besøge de andre fem lande.", "fem", "fact"),
    # percentages and durations are forecast too
    ("Ledigheden ventes at stige til 3,5 procent.", "3,5", "hypothetical"),
    ("Han risikerer op til ti års fængsel.", "ti", "hypothetical"),
    # a modal verb right after the number's phrase: the number is what may happen
    ("Unicef advarer om, at omkring 400.000 børn kan komme til at sulte.", "400.000", "hypothetical"),
    ("Eksperter siger, at 2.500 job risikerer at forsvinde.", "2.500", "hypothetical"),
    # ... not in another clause, and not the past "kunne" (they were able to)
    ("Broen er 800 meter lang og ventes at åbne i maj.", "800", "fact"),
    ("Kun 30 passagerer kunne gå fra borde.", "30", "fact"),
]


@pytest.mark.parametrize("sentence,surface,modality", MODALITY_CASES)
def test_modality(sentence, surface, modality):
    df = extract_figures(sentence)
    row = df[df["surface"] == surface].iloc[0]
    assert row["modality"] == modality


ATTRIBUTION_CASES = [
    # ifølge X
    ("Ifølge FN er 160.000 mennesker fordrevet.", "FN"),
    # verb before the source
    ("Mindst 23 mennesker er dræbt, oplyser politiet.", "politiet"),
    # verb with a named source
    ("Over 100 blev såret, skriver Reuters.", "Reuters"),
    # no source
    ("Over 100 blev såret.", None),
    # "ifølge" + a noun phrase that no auxiliary ends: the noun phrase, not the words up to the number
    ("Ifølge avisen sidder 12 ministre i regeringen.", "avisen"),
    ("Sygdommen har ifølge svenske forskere ramt over 2.000 børn.", "svenske forskere"),
    # a title between the verb and the name
    ("Vi har reddet 14 mennesker, siger indsatsleder Jens Holm.", "Jens Holm"),
    # a name with a number in it; "Det" opening a name
    ("Fem huse brændte, skriver TV 2 Østjylland.", "TV 2 Østjylland"),
    ("Reformen koster 3 mia. kr., vurderer Det Økonomiske Råd.", "Det Økonomiske Råd"),
    # article + adjectives + noun ending the clause after the verb: not a name earlier in the sentence
    ("Tre broer i Odesa blev ramt af 12 droner, oplyser de lokale myndigheder.", "de lokale myndigheder"),
    ("Der blev affyret 40 raketter mod Haifa, meddeler det israelske militær.", "det israelske militær"),
    # "&" joins a two-part name; "skønner" names a source as "vurderer" does
    ("Eksporten steg med 4 procent, oplyser Dansk Erhverv & Industri.", "Dansk Erhverv & Industri"),
    ("Boligpriserne falder 3 procent næste år, skønner Økonomisk Råd.", "Økonomisk Råd"),
    # a name's genitive and its noun name the source, not the name alone
    ("Over 40 droner blev skudt ned i nat, oplyser Moldovas forsvarsministerium.", "Moldovas forsvarsministerium"),
    ("Ifølge WHO's regionskontor er 1.200 børn smittet.", "WHO's regionskontor"),
    ("Malaria har ifølge Ugandas sundhedsstyrelse ramt 30.000 mennesker.", "Ugandas sundhedsstyrelse"),
    ("Cirka 9.000 er flygtet, meddeler FN's kontor for flygtninge.", "FN's kontor for flygtninge"),
    # a title, a comma and the person: the person
    ("Mindst 12 mennesker er dræbt i Mosul, siger provinsens guvernør, Najm al-Jabouri.", "Najm al-Jabouri"),
    ("Over 300 lastbiler venter, oplyser en talsmand for Egyptens Røde Halvmåne, Khaled Zayed, til AFP.", "Khaled Zayed"),
    # a lower-case subject after the verb, up to a preposition; before the verb, a genitive and a noun
    ("Omkring 50 huse er ødelagt, siger den lokale borgmester til Reuters.", "den lokale borgmester"),
    ("Mindst 20 soldater blev dræbt, oplyser militærkilder til nyhedsbureauet AP.", "militærkilder"),
    ("Hamas' væbnede fløj oplyser, at 5 gidsler er løsladt.", "Hamas' væbnede fløj"),
    ("Somalias regering oplyser, at 14 mennesker er omkommet.", "Somalias regering"),
    # a source runs into no first name after it; an abbreviation keeps its dot
    ("Offeret er ifølge politiet Jonas Mikkelsen, 27 år, fra Vejle.", "politiet"),
    ("Spilleren koster 40 millioner kroner, skriver B.T.", "B.T."),
]


@pytest.mark.parametrize("sentence,source", ATTRIBUTION_CASES)
def test_attribution(sentence, source):
    got = extract_figures(sentence)["attribution"].iloc[0]
    assert (None if pd.isna(got) else got) == source


# --------------------------------------------------------------------------- the seed sentinel


def _seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


def test_seed_sentinel():
    text = _seed_text()
    df = extract_figures(text)
    figures = df[df["is_figure"]].set_index("surface")
    # exactly three figures: 160.000 displaced, about 500.000 killed, "to" bastions
    assert sorted(figures.index) == ["160.000", "500.000", "to"]
    d = figures.loc["160.000"]
    assert (d["value"], d["category"], d["hedge"], d["attribution"], d["unit"]) == (
        160_000, "displaced", "exact", "FN", "menneske")
    k = figures.loc["500.000"]
    assert (k["value"], k["category"], k["hedge"], k["unit"], k["modality"]) == (
        500_000, "killed", "approximate", "menneske", "fact")
    assert pd.isna(k["attribution"])
    assert (figures.loc["to", "value"], figures.loc["to", "category"], figures.loc["to", "unit"]) == (2, "count", "bastion")
    years = df[df["surface"].isin(["2011", "2015"])]
    assert list(years["category"]) == ["date_or_year", "date_or_year"] and not years["is_figure"].any()
    # every row points back to its text
    for r in df.itertuples():
        assert text[r.start:r.end] == r.surface
        assert text[r.sentence_start:r.sentence_start + len(r.sentence)] == r.sentence
        assert r.sentence_start <= r.start < r.end <= r.sentence_start + len(r.sentence)


# --------------------------------------------------------------------------- invariants


def test_columns_and_vocabularies():
    df = extract_figures([_seed_text(), "Mindst 2 døde og 3,5 pct. kl. 10.30"])
    assert list(df.columns) == COLUMNS
    assert set(df["category"]) <= set(CATEGORIES)
    assert set(df["hedge"]) <= set(HEDGES)
    assert set(df["modality"]) <= set(MODALITIES)
    assert df["value"].dtype == "float64" and df["is_figure"].dtype == bool


def test_empty_inputs():
    assert list(extract_figures("").columns) == COLUMNS
    assert extract_figures([]).empty


def test_doubling_whitespace_changes_no_value():
    text = _seed_text()
    doubled = text.replace(" ", "  ")
    a = extract_figures(text)
    b = extract_figures(doubled)
    assert list(a["surface"].str.split().str.join(" ")) == list(b["surface"].str.split().str.join(" "))
    pd.testing.assert_series_equal(a["value"], b["value"])
    assert list(a["category"]) == list(b["category"]) and list(a["hedge"]) == list(b["hedge"])


def test_deterministic_and_per_document():
    # a corpus is the concatenation of its documents' rows
    docs = [_seed_text(), "Mindst 23 mennesker blev dræbt.", ""]
    whole = extract_figures(docs)
    parts = pd.concat([extract_figures(d).assign(doc_id=i) for i, d in enumerate(docs)], ignore_index=True)
    pd.testing.assert_frame_equal(whole, parts)
    pd.testing.assert_frame_equal(whole, extract_figures(docs))


def test_corpus_dataframe_keeps_doc_ids():
    corpus = pd.DataFrame({"doc_id": ["a.txt", "b.txt"], "text": ["Ifølge FN er 10 dræbt.", "Over 20 dræbt."]})
    assert list(extract_figures(corpus)["doc_id"]) == ["a.txt", "b.txt"]


def test_bad_input_raises_corpus_error():
    with pytest.raises(CorpusError):
        extract_figures(42)


# --------------------------------------------------------------------------- conflicts


def test_figure_conflicts_side_by_side():
    docs = pd.DataFrame({
        "doc_id": ["a", "b", "c", "d"],
        "text": [
            "Mindst 40 mennesker blev dræbt, oplyser politiet.",
            "Omkring 55 mennesker blev dræbt ifølge Reuters.",
            "Ingen blev dræbt. 40 mennesker blev dræbt.",
            "Over 1.000 mennesker er fordrevet.",
        ],
    })
    conflicts = figure_conflicts(extract_figures(docs))
    # "mindst 40" agrees with both; "omkring 55" (49,5-60,5) and "40" do not; the
    # negated row is not a fact; displaced is another subject
    assert list(zip(conflicts["doc_id_a"], conflicts["doc_id_b"])) == [("b", "c")]
    row = conflicts.iloc[0]
    assert (row["category"], row["unit"], row["value_a"], row["value_b"]) == ("killed", "menneske", 55, 40)
    assert row["attribution_a"] == "Reuters" and "40 mennesker" in row["sentence_b"]
    assert row["ratio"] == pytest.approx(55 / 40)


def test_figure_conflicts_tolerance_and_empty():
    docs = ["100 mennesker blev dræbt.", "105 mennesker blev dræbt."]
    figs = extract_figures(docs)
    assert len(figure_conflicts(figs)) == 1
    # widening each value by 10 % makes them agree
    assert figure_conflicts(figs, tolerance=0.1).empty
    assert figure_conflicts(figs.iloc[0:0]).empty
    # narrowing by a column of one's own: different places never conflict
    placed = figs.assign(place=["Aleppo", "Idlib"])
    assert figure_conflicts(placed, on=("category", "unit", "place")).empty


# --------------------------------------------------------------------------- lexicon


def test_lexicon_has_source_line_and_loads():
    path = ROOT / "corpus_tools" / "lang" / "da" / "figure_lexicon.toml"
    assert path.read_text(encoding="utf-8").startswith("# Source:")
    lex = load_figure_lexicon()
    assert [c for c, _rx in lex.triggers][:3] == ["killed", "wounded", "displaced"]


def test_number_words_file_has_source_line():
    path = ROOT / "corpus_tools" / "lang" / "da" / "number_words.txt"
    assert path.read_text(encoding="utf-8").startswith("# Source:")


def test_bad_user_lexicon_names_the_file(tmp_path):
    bad = tmp_path / "mine.toml"
    bad.write_text("[categories\nkilled = [", encoding="utf-8")
    with pytest.raises(CorpusError, match="mine.toml"):
        load_figure_lexicon(bad)
    unknown = tmp_path / "unknown.toml"
    unknown.write_text('[categories]\nexploded = ["bang"]\n', encoding="utf-8")
    with pytest.raises(CorpusError, match="exploded"):
        load_figure_lexicon(unknown)


# --------------------------------------------------------------------------- the fast scan

SCAN_CASES = [
    # digits after a space, a dot and a comma; not inside a word (a5, _5)
    "160.000 og 1,5 men ikke a5 eller _5",
    # number words in the three spellings the pattern allows, not in mixed case
    "to To TO tO",
    # a number word inside a longer word is no hit: til, tid, fortog
    "til tiden fortog tre",
    # vulgar fractions after a space, not after a digit
    "½ liter og 2½ time og ¾",
    # ca. counts only before a plain space
    "ca. 5 og ca.5 og Ca. 5 og ca.\n5",
    # letters outside Latin-1 next to numbers: dashes, quotes, Arabic and full-width digits
    "10–15 “tre” ’to’ ١٢ ٣ １２ €5 İto tos",
    # Latin-1 letters that are word characters (ø, µ, ß) glue to a number word
    "øto toø µfem femß ×to to×",
    # the start and the end of the text
    "tre",
    "5",
    # a control character and a lone surrogate
    "\x01to\x01 \ud800tre\ud800",
]


@pytest.mark.parametrize("text", SCAN_CASES)
def test_scan_finds_exactly_the_prefilter_matches(text):
    from corpus_tools.figures import PREFILTER_RE, _scan_hits

    assert _scan_hits(text) == [(m.start(), m.group().lower()) for m in PREFILTER_RE.finditer(text)]


def test_scan_agrees_with_the_prefilter_on_ddt():
    # the fast scan is an optimisation: on real sentences it must change nothing
    from corpus_tools.figures import PREFILTER_RE, _scan_hits

    text = _ddt_text()
    hits = _scan_hits(text)
    assert len(hits) > 200
    assert hits == [(m.start(), m.group().lower()) for m in PREFILTER_RE.finditer(text)]


def _ddt_text() -> str:
    conllu = ROOT / "tests" / "data" / "ud-danish-ddt" / "da_ddt-ud-dev.conllu"
    return "\n".join(ln[9:] for ln in conllu.read_text(encoding="utf-8").splitlines() if ln.startswith("# text = "))


# hard cases for the windows of the fast paths: long words, non-Latin-1 letters, URLs
FAST_PATH_EXTRA = [
    "Ifølge Verdenssundhedsorganisationens generalsekretariatsafdelingsleder ikke 5 døde.",
    "Der kan ifølge https://www.example.com/en/meget/lang/adresse/der/bliver/ved/og/ved 40 være døde.",
    "İFØLGE ſtatens tal er 20 dræbt, siger Ministeriet. Iflg. FN 30 døde; JÆVNFØR loven 4.",
    "Op til                                                   10 døde, «omkring»  \n 20 såret.",
    "Det ville – måske – aldrig blive 7, men ingen tror på ΣΊΣΥΦΟΣ 8 gange.",
    # re.IGNORECASE reads the Turkish İ and ı as i: "İfølge" names a source
    "İfølge Politiet er 5 døde.",
    "ıfølge Politiet er 5 døde.",
    # a cue more than 100 characters before the number, with few words between
    "Han kunne " + "x" * 95 + " og ja 7 gange.",
    # cues and triggers glued to other characters, at the start, around letters outside Latin-1
    "Kan 5 dø? x-kan 5 dræbte, (kan 5 såret) «ikke 5» İkke 5 døde; “kan” 5 fordrevne – ikke mindst 5 dræbt.",
    "Mistede 5 mennesker livet? Krigen har kostet mindst 500.000 mennesker livet, siger FN; ingen 5 blev DRÆBT.",
    "kan\u2028 5 dræbt og ıkke 5 sårede og kaN 6 flygtninge, hvis 7 anholdt ellerikke 8 savnet",
    # a modal cue before a hedge and "at": "kan ende med at koste op til 3", "ventes at blive omkring 4"
    "Det kan ende med at koste op til 3 mia. Det ventes at blive på omkring 4. Vil at at at at at at at at at 9.",
    "Det kan, siger de, blive helt op til 12. Hvis man så ville sige at det var ikke over 5, kunne vi mindst 6 gange.",
]


def test_fast_paths_agree_with_their_definitions():
    # each speed-up of the classification must give what the plain code gives
    import re

    from corpus_tools.figures import (
        _CLAUSE_RE, _NOT_NEGATION_RE, _PREV_WORDS_RE, _attribution, _hedge, _may_name_source,
        _modality, _next_words, _next_words_loop, _prev_words, _scan_map, _trigger_category,
    )

    lex = load_figure_lexicon()
    text = "\n".join([_ddt_text()] + FAST_PATH_EXTRA)
    mapped = _scan_map(text)
    positions = [m.end() for m in re.finditer(r"\S+", text)]
    for pos in positions:
        limit = text.find("\n", pos) % (len(text) + 1)
        assert _next_words(text, pos, limit) == _next_words_loop(text, pos, limit, 3)
        before = text[max(0, pos - 80):pos + 1]
        assert _prev_words(before) == [w.lower() for w in _PREV_WORDS_RE.findall(before, max(0, len(before) - 60))][-3:]
        m = lex.hedge_re.search(before[-40:].lower())
        assert _hedge(before, lex) == ((m.lastgroup or "exact") if m else "exact")
    lo = 0
    for line in text.split("\n"):
        hi = lo + len(line)
        # attribution: the quick test says "no" only when there is none
        if not _may_name_source(mapped, lo, hi, lex):
            assert _attribution(line, lex) is None, line
        for m in re.finditer(r"\d+", line):
            start = lo + m.start()
            c_start = lo
            for c in _CLAUSE_RE.finditer(text, lo, start):
                c_start = c.end()
            # negation: the four words before the number; hypothetical: the four before its
            # hedge, without the infinitive marker "at", among the last ten
            words = text[c_start:start].lower().split()
            head = _NOT_NEGATION_RE.sub(" ", " ".join(words[-4:]))
            verbal = words[-10:]
            h = lex.hedge_re.search(" ".join(verbal[-5:]) + " ")
            if h and h.lastgroup:
                verbal = verbal[:len(verbal) - len(h.group().split())]
            verbal = " ".join([w for w in verbal if w != "at"][-4:])
            plain = "negated" if lex.negation_re.search(head) else "hypothetical" if lex.hypothetical_re.search(verbal) else "fact"
            assert _modality(text, start, lo, hi, lex) == plain, line
            # the quick tests with the mapped text ("no cue here", "no trigger here") change nothing
            assert _modality(text, start, lo, hi, lex, mapped) == plain, line
            end = lo + m.end()
            assert _trigger_category(text, start, end, lo, hi, lex, mapped) == _trigger_category(text, start, end, lo, hi, lex), line
        lo = hi + 1


# --------------------------------------------------------------------------- the labelled set


@pytest.mark.parametrize(
    "name, at_least",
    [
        ("labelled.jsonl", 150),  # DDT dev and the seed
        ("unseen.jsonl", 200),  # written in wire style across domains (CONVENTIONS.md)
        ("unseen2.jsonl", 120),  # other topics, scored before rules were fixed from them
        ("unseen3.jsonl", 120),  # war and humanitarian copy with sources, labelled blind
    ],
)
def test_labelled_sets_meet_targets(name, at_least):
    from corpus_tools.evaluate import data_dir
    from corpus_tools.evaluate.figures import TARGETS, _met, evaluate, load_labelled

    rows = load_labelled(data_dir() / "figures" / name)
    assert len(rows) >= at_least
    scores, _errors = evaluate(rows)
    for target in TARGETS:
        assert _met(target, scores[target]), (name, target, scores[target])


def test_sources_on_the_blind_set_keep_their_floor():
    # unseen3.jsonl was labelled without running the extractor; its first attribution
    # score was 0.798, 0.988 after the general rules above (CONVENTIONS.md)
    from corpus_tools.evaluate import data_dir
    from corpus_tools.evaluate.figures import evaluate, load_labelled

    scores, _errors = evaluate(load_labelled(data_dir() / "figures" / "unseen3.jsonl"))
    assert scores["attribution accuracy"] >= 0.95


SENTENCE_CASES = [
    "Krig i Syrien Men 5 døde\nEn bombe dræbte 12 Og, 3. Og 4 x\n\nMen 7 y 8\u00a0 Hvis 9",
    "Han kom ca. kl. 10. Det regnede.\n\nNy linje 5 her. Og 6 der!",
    "a 5.\n\r\nB 6. C\r\n \n7 d.\n\n\n8 e.  \t\n  \n  9 f",
    "Prisen steg 5 pct. Det sagde bl.a. H.C. Hansen 3 gange.\n\n»Vi går,« siger 2. – Nej.",
    "  \n\n 12 mennesker . . . 13? »14!« (15.) [16…] Så 17\u00a0år.\u2028 18 x.\x1c19 y",
    "1.\n\n2.\n\n\n\n3.",
    "",
    "Ingen tal her. Slet ingen.",
]


def test_sentence_spans_agree_with_text_sentences():
    # the fast sentence spans must be those of text.sentences, paragraph by paragraph
    import random

    from corpus_tools.figures import _candidates, _sentence_spans, _sentences_for

    texts = list(SENTENCE_CASES) + _ddt_text().split("\n")[:400]
    rng = random.Random(0)
    lines = _ddt_text().split("\n")
    for _ in range(60):  # articles with paragraphs, as the corpus has them
        texts.append("\n\n".join(" ".join(rng.sample(lines, 3)) for _p in range(rng.randint(1, 6))))
    for text in texts:
        for hit_starts in ([m.start() for m in _candidates(text)], [m.start() for m in re.finditer(r"\S", text)]):
            spans = _sentences_for(text, hit_starts)
            fast = _sentence_spans(text, hit_starts)
            assert [(a, b) for a, b, _s in fast] == spans, text
            assert all(s == text[a:b] for a, b, s in fast)


def test_sentence_cuts_for_hits_only_give_each_hit_its_sentence():
    # _doc_figures reads a paragraph only up to the sentence of its last hit: every hit
    # must fall in the same piece as with the whole paragraphs read
    import bisect
    import random

    from corpus_tools.figures import _candidates, _sentence_cuts

    texts = list(SENTENCE_CASES) + _ddt_text().split("\n")[:400] + _mixed_texts(150, seed=3)
    rng = random.Random(1)
    lines = _ddt_text().split("\n")
    for _ in range(60):
        texts.append("\n\n".join(" ".join(rng.sample(lines, 3)) for _p in range(rng.randint(1, 6))))
    for text in texts:
        every = [m.start() for m in re.finditer(r"\S", text)]
        for hit_starts in ([m.start() for m in _candidates(text)], every[::7], every[-1:], every[:1]):
            cuts, ends = _sentence_cuts(text, hit_starts)
            fast_cuts, fast_ends = _sentence_cuts(text, hit_starts, True)
            for h in hit_starts:
                i = bisect.bisect_right(cuts, h) - 1
                j = bisect.bisect_right(fast_cuts, h) - 1
                assert (i < 0) == (j < 0), text
                if i >= 0:
                    assert (cuts[i], ends[i]) == (fast_cuts[j], fast_ends[j]), text


def _mixed_texts(n=400, seed=7):
    """Seeded random mixes of DDT words and number forms, cues, odd spaces and letters."""
    import random

    lines = _ddt_text().split("\n")
    vocab = " ".join(lines).split()
    forms = (
        "160.000 1,5 2015 10-15 10-15.000 kl. klokken 3. 14. maj 22.30 10:15 ca. omkring mindst over op til mellem og "
        "fra til mio. mia. kr. procent % pct. tusindvis af en et halv par hundrede to tre enogtyve ingen blev dræbt "
        "døde såret ifølge FN siger oplyser politiet 34-årig år gammel , . ; : » « – - ( ) TV 2 Audi 80 31 12 1991/92 "
        "26/8 2018-06-14 80'erne 9 1/2 ½ $5 € 20 1.234,5 3790 Hasle vandt 22-13 halvanden million flere kan ikke "
        "mindst 43. minut nr. 7 1,6- 2-liters fylder (34) sig sine Ole Σ İ"
    ).split()
    seps = [" "] * 20 + ["  ", "\n", "\n\n", " \n \n", "\t", "\u00a0", "\r\n\r\n", "’ ", "” "]
    rng = random.Random(seed)
    texts = []
    for _ in range(n):
        parts = []
        for _ in range(rng.randint(10, 120)):
            w = rng.choice(vocab if rng.random() < 0.5 else forms)
            parts.append(w.capitalize() if rng.random() < 0.08 else w)
            parts.append(rng.choice(seps))
        texts.append("".join(parts))
    return texts


def test_speed_ups_change_no_result():
    # the frame the plain code (before the speed-ups: per-number surface checks, sentences
    # via text.sentences per paragraph) gave on these texts, as a digest of dtypes and CSV;
    # a deliberate change of results must update it
    import hashlib

    df = extract_figures(_mixed_texts())
    # updated for the rules from tests/data/figures/unseen.jsonl: two rows more ("én" is a
    # numeral); attribution of rows whose sentence names a source after "ifølge", a title or
    # with a number in the name; unit/category of first values that borrow the second's unit;
    # modality now also of percent, duration and "other" rows
    # updated for the rules from tests/data/figures/unseen2.jsonl: three rows whose counted
    # noun is a compound of a people noun or an agent noun (forretningsmænd, skuespiller,
    # tidsskriftredaktøren) are "people" now, not "count"/"other"; five rows whose "unit"
    # was a sentence adverb (endnu, allerede, nemlig, dog) have none, and two lose the
    # attribution "Efter" (a title run "ophold heller" before it is no title)
    # updated for the sources from tests/data/figures/unseen3.jsonl: one row of a word-salad
    # sentence (", hævdede lægehjælp, ...") has the lower-case subject after the verb as its source
    # updated for the modal verb after the number (hypothetical_after: "10.000 kan dø"): 33
    # rows of word salad with "kan"/"vil" among the three words after the number are
    # hypothetical now, not fact; nothing else changed (checked row by row)
    # updated for sentence ends without a mark (text._soft_ends: "... Søren Men det"): the
    # word salad holds capitalised starters after plain words, so 428 rows have a shorter
    # sentence (220 a later start); from that alone 7 categories, 10 attributions and 4
    # modalities change (a cue word now in the next sentence: "Men ... såret"); checked row by row
    # updated when "Hun" and "Nu" left the starters (Hun Sen, U Nu): 37 rows get their
    # longer sentence back (18 an earlier start), no other column changes
    assert len(df) == 5112
    digest = hashlib.sha256((str(df.dtypes.tolist()) + df.to_csv(index=False)).encode()).hexdigest()
    assert digest == "ccddddb55d5d64300e204f26eea9375731569bf4187134b4b4e4cd55e8142f1c"


def test_surface_facts_agree_with_the_patterns():
    # _surface_facts tries each pattern only where its match is possible: same answers
    from corpus_tools import figures as F

    surfaces = {m.group() for m in F._candidates(_ddt_text() + "\n" + "\n".join(SCAN_CASES + FAST_PATH_EXTRA))}
    surfaces |= {
        "10.30", "22:15", "24.59", "1991/92", "26/8", "8/26", "1/2", "9 1/2", "2015", "1992-93", "1716-1717",
        "22-13", "13-22", "10-15", "31", "3790", "12,5", "1234,5", "160 000", "½", "2½", "et par", "et  par hundrede",
        "millioner", "milliarder", "tusindvis", "Millioner", "٢٠١٥", "١٢", "2015-06-14", "10%", "0,5", "en halv",
    }
    for surface in sorted(surfaces):
        for group in ("num", "vague", "between"):
            (low_s, value, low, high, kind, hedge, is_digits, plain_int, clock, dashed, season, day_month, year,
             score, percent, fractional, et_par, two, small, four) = F._surface_facts(surface, group)
            assert low_s == surface.lower()
            assert is_digits == surface[:1].isdigit() and plain_int == surface.isdigit()
            assert clock == bool(F._CLOCK_RE.fullmatch(surface) and ("." in surface or ":" in surface) and kind == "number")
            assert dashed == (is_digits and "-" in surface)
            assert season == bool(F._SEASON_RE.fullmatch(surface))
            m = F._DAY_MONTH_RE.fullmatch(surface)
            assert day_month == bool(m and int(m[1]) >= int(m[2]) and int(m[1]) <= 31 and int(m[2]) <= 12)
            assert year == bool(F._YEAR_RE.fullmatch(surface) or (kind == "range" and F._YEAR_RANGE_RE.fullmatch(surface)))
            assert score == bool(kind == "range" and group != "between" and is_digits and low is not None
                                 and F._DIGIT_RANGE_RE.fullmatch(surface))
            assert percent == (surface[-1:] in "%")
            assert et_par == surface.lower().startswith(("et par", "et  par"))
            assert two == bool(F._TWO_DIGITS_RE.fullmatch(surface))
            assert small == bool(F._SMALL_NUMBER_RE.fullmatch(surface))
            assert four == bool(F._FOUR_DIGITS_RE.fullmatch(surface))


def test_frame_is_the_frame_of_the_rows():
    # _frame builds the columns directly: the same frame as pandas from the rows, then the casts
    import numpy as np

    from corpus_tools.figures import _doc_figures, _frame

    lex = load_figure_lexicon()
    rows = [r for i, t in enumerate(_mixed_texts(40)) for r in _doc_figures(i, t, lex)]

    def plain(rows):
        df = pd.DataFrame(rows, columns=COLUMNS)
        for col in ("value", "low", "high"):
            df[col] = df[col].astype("float64")
        for col in ("start", "end", "sentence_start"):
            df[col] = df[col].astype("int64")
        df["is_figure"] = df["is_figure"].astype(bool)
        for col in ("sentence", "surface", "unit", "category", "hedge", "attribution", "kind", "modality"):
            df[col] = df[col].astype("str")
        return df

    ids = [
        lambda i: i, lambda i: -i, lambda i: f"doc{i}", lambda i: np.int64(i), lambda i: 2**70 + i,
        lambda i: float(i), lambda i: i if i % 2 else str(i), lambda i: bool(i % 2), lambda i: pd.Timestamp(2018, 1, 1 + i % 28),
    ]
    for make in ids:
        these = [(make(r[0]),) + r[1:] for r in rows]
        pd.testing.assert_frame_equal(_frame(these), plain(these))


def test_string_columns_are_those_of_pandas():
    # _frame builds its string columns through pyarrow when pandas keeps strings in Arrow:
    # the same arrays as pd.array(col, dtype="str"), the same errors
    from corpus_tools.figures import _str_array

    cases = [("a", None, "", "æøå", "😀", "x" * 1000), (None,), (None, None), (), ("x", 1), ("a\ud800", None), ("n", float("nan"))]
    for col in cases:
        try:
            want, err = pd.array(col, dtype="str"), None
        except Exception as exc:  # noqa: BLE001
            want, err = None, type(exc)
        if err is not None:
            with pytest.raises(err):
                _str_array(col)
            continue
        got = _str_array(col)
        assert type(got) is type(want) and got.dtype == want.dtype
        pd.testing.assert_series_equal(pd.Series(got), pd.Series(want))
        if hasattr(want, "_pa_array"):
            assert got._pa_array.equals(want._pa_array)


def test_processes_give_the_same_table(tmp_path):
    # n_jobs=2: batches classified in this process and a worker, the same rows in order
    lines = _ddt_text().split("\n")
    docs = ["\n\n".join(lines[i:i + 12]) for i in range(0, 564, 12)] + [SEED.read_text(encoding="utf-8")]
    one = extract_figures(docs)
    pd.testing.assert_frame_equal(extract_figures(docs, n_jobs=2), one)
    # a user lexicon reaches the worker too (by its path): "nedkæmpet" is killed there
    toml = (ROOT / "corpus_tools" / "lang" / "da" / "figure_lexicon.toml").read_text(encoding="utf-8")
    assert "dræbt" in toml
    user = tmp_path / "lexicon.toml"
    user.write_text(toml.replace('"dræbt"', '"dræbt", "nedkæmpet"', 1), encoding="utf-8")
    extra = docs + ["Mindst 40 mennesker blev nedkæmpet i går."] * 300
    mine = extract_figures(extra, lexicon=user, n_jobs=2)
    pd.testing.assert_frame_equal(mine, extract_figures(extra, lexicon=user))
    added = mine[mine["sentence"] == "Mindst 40 mennesker blev nedkæmpet i går."]
    assert len(added) == 300 and (added["category"] == "killed").all() and (added["hedge"] == "at_least").all()
    assert (extract_figures(extra[-1:])["category"] == "people").all()  # not with the packaged lexicon
