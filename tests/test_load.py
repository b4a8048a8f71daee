"""Tests for corpus_tools.load: the seed, the wire format, every source kind, every bad input."""

from __future__ import annotations

import codecs
import datetime as dt
import doctest
import importlib
import io
import json
import os
import pathlib
import re
import unicodedata
import zipfile
from collections import Counter

import pandas as pd
import pytest

from corpus_tools import CorpusError, load_corpus, read_article
from corpus_tools._decode import decode_bytes
from corpus_tools.load import COLUMNS, REPORT_COLUMNS

NaT = pd.NaT
M = lambda s: pd.Period(s, "M")  # noqa: E731
D = lambda s: pd.Period(s, "D")  # noqa: E731

ARTICLE = " date 2018-06 Første afsnit om Syrien.\n\nAndet afsnit, ifølge FN.\n\n/ritzau/Reuters"


def report(corpus) -> pd.DataFrame:
    return corpus.attrs["load_report"]


# --- the seed ---------------------------------------------------------------------
def test_seed_loads_to_one_article(seed_path):
    corpus = load_corpus(seed_path.parent)
    assert list(corpus.columns) == COLUMNS
    assert len(corpus) == 1
    row = corpus.iloc[0]
    assert row.doc_id == "000_26ea6c9c62baba8a.txt"
    assert row.date == pd.Period("2018-06", "M") and row.date.freqstr == "M"
    assert row.byline == "/ritzau/Reuters"
    assert row.agencies == ["ritzau", "Reuters"]
    assert row.text.startswith("Syriske oprørere")
    assert row.text.endswith("livet.")
    assert row.encoding == "utf-8"
    assert row.n_chars == len(row.text)
    assert report(corpus).empty


def test_seed_keeps_every_word_of_the_body(seed_path):
    raw = seed_path.read_text(encoding="utf-8")
    body = raw.strip().removeprefix("date 2018-06").removesuffix("/ritzau/Reuters")
    text = load_corpus(seed_path).text.iloc[0]
    # the same words, the same number of times: nothing lost, nothing added
    assert Counter(text.split()) == Counter(body.split())
    assert "date 2018-06" not in text and "/ritzau" not in text
    assert "\r" not in text and unicodedata.is_normalized("NFC", text)


# --- one article in the wire format ---------------------------------------------------
ARTICLE_CASES = [
    # the seed's shape: leading space, first paragraph on the header line
    (" date 2018-06 Første.\n\nAnden.\n\n/ritzau/Reuters", M("2018-06"), "Første.\n\nAnden.", "/ritzau/Reuters"),
    # first paragraph on the next line
    ("date 2018-06\nFørste.\n\n/ritzau/AFP", M("2018-06"), "Første.", "/ritzau/AFP"),
    # 'dato', upper case, a day: day precision
    ("DATO 2018-06-14 Første.\n/ritzau/", D("2018-06-14"), "Første.", "/ritzau/"),
    # a clock time after the date belongs to the header, not to the first paragraph
    ("date 2018-06-14 10:30 Første.", D("2018-06-14"), "Første.", None),
    # a colon after the keyword, blank lines before it
    ("\n\n  Date: 2018-06\n\nFørste.", M("2018-06"), "Første.", None),
    # Windows line ends become \n
    ("date 2018-06\r\nFørste.\r\n\r\nAnden.\r\n/ritzau/", M("2018-06"), "Første.\n\nAnden.", "/ritzau/"),
    # byline at the end of the last paragraph
    ("date 2018-06 Første. Sidste. /ritzau/Reuters", M("2018-06"), "Første. Sidste.", "/ritzau/Reuters"),
    # a day-first header date that cannot be confused (14 > 12)
    ("dato 14.06.2018 Første.", D("2018-06-14"), "Første.", None),
    # an ambiguous header date is refused, not guessed; the header still goes
    ("dato 03.04.2018 Første.", NaT, "Første.", None),
    # a month that does not exist
    ("date 2018-13 Første.", NaT, "Første.", None),
    # no header: missing date, all text kept
    ("Første afsnit.\n\n/ritzau/", NaT, "Første afsnit.", "/ritzau/"),
    # the word 'dato' starting a sentence is not a header
    ("Dato for valget er ikke fastsat.", NaT, "Dato for valget er ikke fastsat.", None),
    # a web address on the last line is not a byline
    ("date 2018-06 Læs mere på www.dr.dk/nyheder", M("2018-06"), "Læs mere på www.dr.dk/nyheder", None),
    # a slash inside the body is not a byline; only the last line is
    ("date 2018-06 A.\n/ikke en byline\nB.", M("2018-06"), "A.\n/ikke en byline\nB.", None),
    # decomposed characters (NFD) come out composed (NFC)
    ("date 2018-06 A\u030arhus", M("2018-06"), "Århus", None),
]


@pytest.mark.parametrize("text, date, body, byline", ARTICLE_CASES)
def test_read_article(text, date, body, byline):
    article = read_article(text)
    assert (article.date is NaT) if date is NaT else (article.date == date and article.date.freqstr == date.freqstr)
    assert article.body == unicodedata.normalize("NFC", body)
    assert article.byline == byline
    # a missing or unreadable date always says why
    assert (article.date is NaT) == bool(article.problems)


def test_read_article_agencies():
    assert read_article("A.\n/ritzau/Reuters").agencies == ["ritzau", "Reuters"]
    assert read_article("A.\n/ritzau/").agencies == ["ritzau"]
    assert read_article("A.").agencies == []


# --- encodings --------------------------------------------------------------------------
DANISH = "Søren så én bøf på Ærø, »æøå«."
ENCODING_CASES = [
    # plain UTF-8
    (DANISH.encode("utf-8"), "utf-8"),
    # UTF-8 with a BOM; the BOM is not part of the text
    (codecs.BOM_UTF8 + DANISH.encode("utf-8"), "utf-8-sig"),
    # UTF-16 little-endian with BOM
    (DANISH.encode("utf-16"), "utf-16"),
    # UTF-16 big-endian with BOM
    (codecs.BOM_UTF16_BE + DANISH.encode("utf-16-be"), "utf-16"),
    # short cp1252 Danish: a detector would guess cp1250 and give 'ř' for 'ø'
    ("Søren".encode("cp1252"), "cp1252"),
    # cp1252's own characters in 0x80-0x9F: „ “ – €
    ("„Hej“ – 5 €, sagde Ærø.".encode("cp1252"), "cp1252"),
    # latin-1 bytes that decode the same in cp1252 (no byte in 0x80-0x9F)
    (DANISH.encode("latin-1"), "cp1252"),
]


@pytest.mark.parametrize("data, encoding", ENCODING_CASES)
def test_encodings(write_tree, data, encoding):
    expected = data.decode(encoding).lstrip("\ufeff")
    corpus = load_corpus(write_tree({"a.txt": data}))
    text = corpus.text.iloc[0]
    assert corpus.encoding.iloc[0] == encoding
    assert text == expected
    assert "ř" not in text and "\ufeff" not in text


def test_the_seed_reads_the_same_in_every_encoding(seed_path, write_tree):
    # relation: the codec changes the bytes, never the loaded article
    raw = seed_path.read_text(encoding="utf-8")
    codecs_ = ["utf-8", "utf-8-sig", "utf-16", "cp1252", "latin-1"]
    corpus = load_corpus(write_tree({f"{c}.txt": raw.encode(c) for c in codecs_}))
    assert corpus.text.nunique() == 1 and corpus.date.nunique() == 1 and report(corpus).empty
    assert corpus.set_index("doc_id").encoding.to_dict() == {
        "utf-8.txt": "utf-8", "utf-8-sig.txt": "utf-8-sig", "utf-16.txt": "utf-16",
        "cp1252.txt": "cp1252", "latin-1.txt": "cp1252"}  # latin-1 and cp1252 agree on the seed's bytes


def test_latin1_with_a_byte_undefined_in_cp1252_is_reported(write_tree):
    # 0x81 is undefined in cp1252: latin-1 is used and the report says so
    folder = write_tree({"a.txt": b"date 2018-06 S\xf8ren \x81"})
    corpus = load_corpus(folder)
    assert corpus.encoding.iloc[0] == "latin-1"
    assert corpus.text.iloc[0].startswith("Søren")
    assert report(corpus).reason.str.contains("0x81").any()


LEGACY_CASES = [
    # DOS Danish (cp865): ø is byte 0x9B, which cp1252 reads as '›'
    ("cp865", "Søren så lørdag"),
    # DOS Danish with Å/Ø: bytes undefined in cp1252, so latin-1, also flagged
    ("cp865", "Åbenrå og Ærø"),
    # Mac Roman: ø is byte 0xBF, which cp1252 reads as '¿'
    ("mac_roman", "Søren så lørdag"),
]


@pytest.mark.parametrize("codec, text", LEGACY_CASES)
def test_dos_and_mac_danish_are_flagged_not_guessed(write_tree, codec, text):
    corpus = load_corpus(write_tree({"a.txt": b"date 2018-06 " + text.encode(codec)}))
    assert corpus.encoding.iloc[0] in ("cp1252", "latin-1")  # the rule is fixed; no guessing
    reasons = " ".join(report(corpus).reason)
    assert "DOS (cp865/cp850) or Mac Roman" in reasons


def test_mojibake_is_reported_and_repaired_on_request(write_tree):
    folder = write_tree({"a.txt": "date 2018-06 KÃ¸benhavn og Ã†rÃ¸ i Ã¥r."})
    plain = load_corpus(folder)
    assert plain.text.iloc[0].startswith("KÃ¸benhavn")  # not changed without asking
    assert report(plain).action.tolist() == ["loaded_with_warning"] and report(plain).line.tolist() == [1]
    assert "fix_mojibake=True" in report(plain).reason.iloc[0]
    fixed = load_corpus(folder, fix_mojibake=True)
    assert fixed.text.iloc[0] == "København og Ærø i år."
    assert fixed.encoding.iloc[0] == "utf-8+ftfy"
    assert "repaired" in report(fixed).reason.iloc[0]


def test_clean_danish_is_not_flagged_as_mojibake(seed_path):
    assert decode_bytes(DANISH.encode()).problems == []
    assert report(load_corpus(seed_path)).empty


# --- source kinds --------------------------------------------------------------------------
def _zip(members: dict) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, content in members.items():
            zf.writestr(name, content)
    return buf.getvalue()


def _xlsx(rows, sheets=1) -> bytes:
    import openpyxl

    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    for i in range(1, sheets):
        book.create_sheet(f"Ark{i + 1}").append(["x"])
    buf = io.BytesIO()
    book.save(buf)
    return buf.getvalue()


def _parquet(frame) -> bytes:
    buf = io.BytesIO()
    frame.to_parquet(buf, index=False)
    return buf.getvalue()


SOURCE_CASES = [
    # a folder: recursive, sorted by relative path, '/' in doc_id
    ({"b/2.txt": ARTICLE, "a.txt": ARTICLE, "c/d/1.txt": ARTICLE}, None,
     {}, ["a.txt", "b/2.txt", "c/d/1.txt"]),
    # a single file named directly: doc_id is its name
    ({"one.txt": ARTICLE}, "one.txt", {}, ["one.txt"]),
    # a glob, relative to its folder part
    ({"x/1.txt": ARTICLE, "x/y/2.txt": ARTICLE, "x/3.md": "no"}, "x/**/*.txt", {}, ["1.txt", "y/2.txt"]),
    # a folder with a pattern: only matching files, others not reported
    ({"1.txt": ARTICLE, "2.text": ARTICLE}, None, {"pattern": "*.txt"}, ["1.txt"]),
    # a zip: members in memory, sorted, 'archive!member'
    ({"w.zip": _zip({"b.txt": ARTICLE, "a/a.txt": ARTICLE, "dir/": ""})}, "w.zip", {}, ["w.zip!a/a.txt", "w.zip!b.txt"]),
    # a table inside a zip
    ({"w.zip": _zip({"t.csv": "text\nEn.\nTo.\n"})}, None, {}, ["w.zip!t.csv#2", "w.zip!t.csv#3"]),
    # CSV as Danish Excel writes it: ';' and commas inside the text, cp1252
    ({"t.csv": "id;dato;tekst\n1;2018-06-14;Han sagde, at det var slut.\n2;2018-06;Æbler, pærer.\n".encode("cp1252")},
     None, {}, ["1", "2"]),
    # Excel's "sep=;" first line names the delimiter; line numbers still count it
    ({"t.csv": "sep=;\ntext;date\nEn, to.;2018-06\n"}, None, {}, ["t.csv#3"]),
    # CSV with quoted multi-line text and no id: doc_id is the file plus the row's line
    ({"t.csv": 'title,text\nA,"Linje et\n\nLinje to"\nB,Kort.\n'}, None, {}, ["t.csv#2", "t.csv#5"]),
    # TSV
    ({"t.tsv": "Text\tDate\nEn, to.\t2018-06\n"}, None, {}, ["t.tsv#2"]),
    # .xlsx with a numeric id and a real date cell
    ({"t.xlsx": _xlsx([["ID", "Dato", "Tekst"], [7, dt.datetime(2018, 6, 14), "En."]])}, None, {}, ["7"]),
    # JSONL with ids and wire-format text in a cell
    ({"t.jsonl": json.dumps({"doc_id": "a1", "body": ARTICLE}) + "\n\n" + json.dumps({"doc_id": "a2", "body": "To."})},
     None, {}, ["a1", "a2"]),
    # Parquet
    ({"t.parquet": _parquet(pd.DataFrame({"text": ["En.", "To."], "date": ["2018-06", "2018-07"]}))}, None, {},
     ["t.parquet#1", "t.parquet#2"]),
    # explicit column names that auto-detection would not find
    ({"t.csv": "Nr,Udkom,Brødtekst\nx9,2018-06-14,En.\n"}, None,
     {"text_column": "Brødtekst", "date_column": "Udkom", "id_column": "Nr"}, ["x9"]),
]


@pytest.mark.parametrize("files, target, kwargs, doc_ids", SOURCE_CASES)
def test_source_kinds(write_tree, files, target, kwargs, doc_ids):
    folder = write_tree(files)
    source = folder / target if target and "*" not in target else (f"{folder}/{target}" if target else folder)
    corpus = load_corpus(source, **kwargs)
    assert corpus.doc_id.tolist() == doc_ids
    assert (corpus.text.str.len() > 0).all() and (corpus.n_chars == corpus.text.str.len()).all()
    assert not corpus.text.str.contains("/ritzau|date 2018|\r").any()
    assert (report(corpus).action != "skipped").all()


def test_folder_zip_and_glob_agree(seed_path, write_tree):
    # relation: how the files arrive changes doc_id and source, never the articles
    files = {"a/seed.txt": seed_path.read_bytes(), "b.txt": ARTICLE}
    folder = write_tree(files)
    archive = write_tree({"c.zip": _zip(files)}, name="zipped") / "c.zip"
    columns = ["date", "byline", "agencies", "text", "encoding"]
    from_folder = load_corpus(folder)[columns]
    pd.testing.assert_frame_equal(from_folder, load_corpus(archive)[columns])
    pd.testing.assert_frame_equal(from_folder, load_corpus(f"{folder}/**/*.txt")[columns])
    assert load_corpus(archive).doc_id.tolist() == ["c.zip!a/seed.txt", "c.zip!b.txt"]


def test_table_values(write_tree):
    folder = write_tree({
        "t.csv": "id;dato;tekst\n1;2018-06-14;Han sagde, at Ærø var slut.\n".encode("cp1252"),
        "u.xlsx": _xlsx([["ID", "Dato", "Overskrift", "Tekst", "Byline"],
                         [7, dt.datetime(2018, 6, 14, 9, 30), "Rubrik", "En.", "/ritzau/AFP"]]),
        "v.jsonl": json.dumps({"id": "j", "body": ARTICLE}),
    })
    corpus = load_corpus(folder).set_index("doc_id")
    # cp1252 CSV with ';': the comma stays in the text, the date keeps its day
    assert corpus.loc["1", "text"] == "Han sagde, at Ærø var slut."
    assert corpus.loc["1", "encoding"] == "cp1252" and corpus.loc["1", "date"] == D("2018-06-14")
    # xlsx: a date cell becomes a day, title and byline columns are used
    assert corpus.loc["7", ["date", "title", "byline"]].tolist() == [D("2018-06-14"), "Rubrik", "/ritzau/AFP"]
    assert corpus.loc["7", "agencies"] == ["ritzau", "AFP"]
    # JSONL cell in wire format: header and byline come out of the text
    assert corpus.loc["j", ["date", "byline", "text"]].tolist() == [
        M("2018-06"), "/ritzau/Reuters", "Første afsnit om Syrien.\n\nAndet afsnit, ifølge FN."]


# --- dates in tables ------------------------------------------------------------------
DATE_COLUMN_CASES = [
    # ISO month and day, with a time that is dropped
    (["2018-06", "2018-06-14T10:30:00Z"], [M("2018-06"), D("2018-06-14")], ""),
    # no value decides day/month order: refused, not guessed
    (["03/04/2018", "05/06/2018"], [NaT, NaT], "ambiguous"),
    # 14 can only be a day: the column is day-first
    (["14/06/2018", "03/04/2018"], [D("2018-06-14"), D("2018-04-03")], "day-first"),
    # 14 can only be a month's day in second place: the column is month-first
    (["06/14/2018", "03/04/2018"], [D("2018-06-14"), D("2018-03-04")], "month-first"),
    # contradicting values: both orders occur, nothing is guessed
    (["14/06/2018", "06/14/2018"], [NaT, NaT], "mixes"),
    # an empty cell and a word are reported
    (["", "i går"], [NaT, NaT], "missing date"),
]


@pytest.mark.parametrize("values, dates, reason", DATE_COLUMN_CASES)
def test_date_column(write_tree, values, dates, reason):
    rows = "".join(f"{v},Tekst {i}.\n" for i, v in enumerate(values))
    corpus = load_corpus(write_tree({"t.csv": "date,text\n" + rows}))
    for got, want in zip(corpus.date, dates):
        assert (got is NaT) if want is NaT else (got == want and got.freqstr == want.freqstr)
    assert len(corpus) == len(values)  # a bad date never drops the article
    reasons = " ".join(report(corpus).reason)
    assert reason in reasons
    assert (report(corpus).action == "loaded_with_warning").all()


def test_missing_cells_are_reported_not_printed(write_tree):
    # nulls from Parquet (None, NaN, NaT) never become the strings 'None', 'nan' or 'NaT'
    frame = pd.DataFrame({"id": [1, None], "text": ["En.", None],
                          "date": pd.to_datetime([None, "2018-06-14"])})
    corpus = load_corpus(write_tree({"t.parquet": _parquet(frame)}))
    assert corpus.doc_id.tolist() == ["1"] and corpus.date.isna().all()
    assert report(corpus)[["line", "action"]].values.tolist() == [
        [1, "loaded_with_warning"], [2, "loaded_with_warning"], [2, "skipped"]]
    assert report(corpus).reason.tolist()[1:] == ["empty id; the row number is used", "empty text in column 'text'"]


def test_table_without_date_column_is_reported_once(write_tree):
    corpus = load_corpus(write_tree({"t.csv": "text\nEn.\ndate 2018-06 To.\nTre.\n"}))
    assert corpus.date.isna().tolist() == [True, False, True]  # a header in the text still counts
    assert report(corpus).reason.str.contains("no date column").sum() == 1
    assert "2 of 3 articles have no date" in report(corpus).reason.iloc[0]


HEADER_AND_COLUMN_CASES = [
    # the column is more precise and agrees with the header: no warning
    ("2018-06-14", "date 2018-06 En.", D("2018-06-14"), ""),
    # the column contradicts the header: the column wins, reported
    ("2019-01", "date 2018-06 En.", M("2019-01"), "the column was used"),
    # the column is empty: the header fills in, reported
    ("", "date 2018-06 En.", M("2018-06"), "header 'date 2018-06' was used"),
]


@pytest.mark.parametrize("cell, text, date, reason", HEADER_AND_COLUMN_CASES)
def test_date_column_and_header(write_tree, cell, text, date, reason):
    corpus = load_corpus(write_tree({"t.jsonl": json.dumps({"date": cell, "text": text})}))
    assert corpus.date.iloc[0] == date and corpus.date.iloc[0].freqstr == date.freqstr
    reasons = report(corpus).reason.tolist()
    assert (reason in reasons[0]) if reason else reasons == []


# --- bad input -----------------------------------------------------------------------------------
BAD_CASES = [
    # an empty file
    ("empty.txt", b"", None, "empty file"),
    # whitespace only
    ("blank.txt", b" \n\t\n", None, "only whitespace"),
    # a PNG named .txt
    ("image.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)), None, "PNG"),
    # NUL bytes in a text file
    ("nul.txt", b"date 2018-06 Hej\x00\x00 verden", None, "NUL"),
    # UTF-16 without a BOM: NUL bytes, with a hint
    ("utf16.txt", "Søren og Ærø".encode("utf-16-le"), None, "UTF-16 without a byte-order mark"),
    # binary junk without NUL bytes
    ("junk.txt", bytes(range(1, 32)) * 20, None, "control bytes"),
    # a header and byline but no article
    ("hollow.txt", b"date 2018-06\n\n/ritzau/", None, "no article text"),
    # a broken JSONL line: the other lines load
    ("t.jsonl", b'{"text": "En."}\n{"text": "To.\n{"text": "Tre."}\n', 2, "broken JSON line"),
    # a JSONL line that is not an object
    ("l.jsonl", b'{"text": "En."}\n["To."]\n', 2, "not an object"),
    # a CSV row with too many fields
    ("t.csv", b"id,text\n1,En.\n2,To,tre,fire\n3,Tre.\n", 3, "broken CSV row"),
    # an unbalanced quote swallows the rest of the file: reported with its extent
    ("q.csv", b'id,text\n1,En.\n2,"To.\n3,Tre.\n', 3, "unbalanced quote"),
    # text after a closing quote: the row is broken, the next one loads
    ("x.csv", b'id,text\n1,"En"x\n2,To.\n', 2, "expected after"),
    # a CSV row with an empty text
    ("e.csv", b"id,text\n1,En.\n2,\n", 3, "empty text"),
    # a table without a text column
    ("n.csv", b"id,title\n1,En.\n", None, "no text column"),
    # a table with a header only
    ("h.csv", b"id,text\n", None, "no rows"),
    # not a workbook, named .xlsx
    ("fake.xlsx", b"date 2018-06 Tekst", None, "not a readable .xlsx"),
    # not a Parquet file
    ("fake.parquet", b"PAR1 not really", None, "not a readable .parquet"),
    # a broken zip archive
    ("broken.zip", b"PK\x03\x04 broken", None, "not a readable zip"),
]


@pytest.mark.parametrize("name, data, line, reason", BAD_CASES)
def test_bad_input_is_reported_and_skipped(write_tree, name, data, line, reason):
    folder = write_tree({"good.txt": ARTICLE, name: data})
    corpus = load_corpus(folder)
    assert "good.txt" in corpus.doc_id.tolist()  # the good file still loads
    rep = report(corpus)
    hits = rep[rep.path.str.endswith(name) & (rep.action == "skipped")]
    assert len(hits) == 1, rep.to_string()
    assert reason in hits.reason.iloc[0]
    assert (hits.line.iloc[0] is pd.NA) if line is None else hits.line.iloc[0] == line


@pytest.mark.parametrize("name, data, line, reason", BAD_CASES)
def test_bad_input_raises_when_strict(write_tree, name, data, line, reason):
    folder = write_tree({"good.txt": ARTICLE, name: data})
    with pytest.raises(CorpusError) as err:
        load_corpus(folder, strict=True)
    assert str(err.value).count(name) == 1 and reason in str(err.value)
    assert err.value.line == line
    if line is not None:
        assert f"line {line}" in str(err.value)


def test_unreadable_files_are_reported(write_tree):
    folder = write_tree({"good.txt": ARTICLE})
    # a link to nothing: the folder lists it, reading it fails
    os.symlink(folder / "missing.txt", folder / "dangling.txt")
    corpus = load_corpus(folder)
    rep = report(corpus)
    assert rep.path.str.endswith("dangling.txt").any()
    assert "unreadable file" in rep.reason.iloc[0] and rep.action.iloc[0] == "skipped"
    with pytest.raises(CorpusError, match="dangling.txt"):
        load_corpus(folder, strict=True)


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root can read a file without read permission")
def test_permission_denied_is_reported(write_tree):
    folder = write_tree({"good.txt": ARTICLE, "secret.txt": ARTICLE})
    (folder / "secret.txt").chmod(0)
    rep = report(load_corpus(folder))
    assert rep.reason.str.contains("Permission denied").any()


def test_unlistable_folder_is_reported(write_tree, monkeypatch):
    # os.walk skips a folder it cannot list unless asked; the loader reports it
    folder = write_tree({"good.txt": ARTICLE, "locked/a.txt": ARTICLE})
    real = os.scandir

    def scandir(path):
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    corpus = load_corpus(folder)
    assert corpus.doc_id.tolist() == ["good.txt"]
    assert report(corpus).reason.tolist() == ["unreadable folder: Permission denied"]
    with pytest.raises(CorpusError, match="locked"):
        load_corpus(folder, strict=True)


def test_permission_denied_is_reported_even_as_root(write_tree, monkeypatch):
    # root reads everything, so the OS error is simulated where the loader reads bytes
    folder = write_tree({"good.txt": ARTICLE, "secret.txt": ARTICLE})
    real = pathlib.Path.read_bytes

    def read_bytes(self):
        if self.name == "secret.txt":
            raise PermissionError(13, "Permission denied", str(self))
        return real(self)

    monkeypatch.setattr(pathlib.Path, "read_bytes", read_bytes)
    corpus = load_corpus(folder)
    assert corpus.doc_id.tolist() == ["good.txt"]
    assert report(corpus).reason.tolist() == ["unreadable file: Permission denied"]
    with pytest.raises(CorpusError, match="secret.txt: unreadable file: Permission denied"):
        load_corpus(folder, strict=True)


def test_non_corpus_files_are_reported_not_read(write_tree):
    folder = write_tree({
        "a.txt": ARTICLE, "README.md": "# notes", "chart.png": b"\x89PNG", "data.json": "[]",
        ".hidden.txt": ARTICLE, ".ipynb_checkpoints/a-checkpoint.txt": ARTICLE,
    })
    corpus = load_corpus(folder)
    assert corpus.doc_id.tolist() == ["a.txt"]
    rep = report(corpus)
    assert sorted(rep.path.str.rsplit("/", n=1).str[-1]) == sorted(
        [".hidden.txt", ".ipynb_checkpoints", "README.md", "chart.png", "data.json"])
    assert rep.reason.str.contains("not read").all()
    assert rep.reason[rep.path.str.endswith("data.json")].str.contains(".jsonl").all()  # says what to do
    # not being a corpus file is not an error, even when strict
    assert len(load_corpus(folder, strict=True)) == 1


def test_file_without_header_loads_with_missing_date(write_tree):
    folder = write_tree({"a.txt": "Første afsnit.\n\nAndet afsnit.\n/ritzau/"})
    for strict in (False, True):  # a warning, never an error
        corpus = load_corpus(folder, strict=strict)
        assert corpus.date.isna().all() and corpus.text.iloc[0] == "Første afsnit.\n\nAndet afsnit."
        assert report(corpus).action.tolist() == ["loaded_with_warning"]
        assert "no 'date YYYY-MM' header" in report(corpus).reason.iloc[0]


def test_duplicate_ids_are_reported(write_tree):
    corpus = load_corpus(write_tree({"t.csv": "id,text\n1,En.\n1,To.\n"}))
    assert corpus.doc_id.tolist() == ["1", "1"]
    assert report(corpus).reason.str.contains("used by 2 articles").sum() == 2


def test_extra_sheets_are_reported(write_tree):
    corpus = load_corpus(write_tree({"t.xlsx": _xlsx([["text"], ["En."]], sheets=2)}))
    assert len(corpus) == 1 and report(corpus).reason.str.contains("only the first").any()


# --- zip archives -----------------------------------------------------------------------------
def test_zip_refuses_unsafe_members(write_tree):
    archive = _zip({"ok.txt": ARTICLE, "../evil.txt": ARTICLE, "/etc/passwd.txt": ARTICLE,
                    "inner.zip": _zip({"x.txt": ARTICLE}), "__MACOSX/._ok.txt": b"\x00\x05",
                    "notes.md": "x"})
    folder = write_tree({"a.zip": archive})
    corpus = load_corpus(folder)
    assert corpus.doc_id.tolist() == ["a.zip!ok.txt"]
    rep = report(corpus).set_index("member")
    assert "path traversal" in rep.loc["../evil.txt", "reason"]
    assert "absolute" in rep.loc["/etc/passwd.txt", "reason"]
    assert "archive inside an archive" in rep.loc["inner.zip", "reason"]
    assert "hidden" in rep.loc["__MACOSX/._ok.txt", "reason"]
    assert "not a corpus file" in rep.loc["notes.md", "reason"]
    assert not (folder.parent / "evil.txt").exists()  # nothing extracted
    with pytest.raises(CorpusError, match=r"a\.zip!\.\./evil\.txt"):
        load_corpus(folder, strict=True)


ZIP_LIMIT_CASES = [
    # more members than allowed
    ({"a.txt": ARTICLE, "b.txt": ARTICLE}, {"max_members": 1}, "2 members"),
    # a total uncompressed size above the limit
    ({"a.txt": ARTICLE * 10}, {"max_total_bytes": 100}, "would inflate"),
    # one member above the member limit
    ({"a.txt": ARTICLE * 10}, {"max_member_bytes": 100}, "member 'a.txt' would inflate"),
    # a zip bomb: 2 MiB of zeros compress about 1000:1
    ({"bomb.txt": b"\x00" * (2 * 1024**2)}, {}, "compression ratio"),
    # an unknown limit is a typo, not a silent no-op
    ({"a.txt": ARTICLE}, {"max_files": 1}, "unknown zip limit"),
]


def test_xlsx_is_checked_like_a_zip(write_tree):
    # a workbook is a zip archive: a bomb inside it is refused before openpyxl inflates it
    folder = write_tree({"t.xlsx": _xlsx([["text"], ["En."]])})
    with pytest.raises(CorpusError, match="t.xlsx.*would inflate"):
        load_corpus(folder, zip_limits={"max_total_bytes": 1000})


@pytest.mark.parametrize("members, limits, message", ZIP_LIMIT_CASES)
def test_zip_limits_raise_clear_errors(write_tree, members, limits, message):
    folder = write_tree({"a.zip": _zip(members)})
    with pytest.raises(CorpusError, match=re.escape(message)):
        load_corpus(folder / "a.zip", zip_limits=limits)


# --- sources that are not there, determinism, progress ---------------------------------------------
def test_missing_sources_raise(tmp_path):
    with pytest.raises(CorpusError, match="no such file or folder"):
        load_corpus(tmp_path / "nope")
    with pytest.raises(CorpusError, match="no files match"):
        load_corpus(f"{tmp_path}/*.txt")
    (tmp_path / "empty").mkdir()
    with pytest.raises(CorpusError, match="empty"):
        load_corpus(tmp_path / "empty")


def test_two_loads_are_identical(write_tree):
    folder = write_tree({
        "b.txt": ARTICLE, "a/x.txt": "Uden dato.", "t.csv": "text;date\nEn, to.;03/04/2018\n",
        "z.zip": _zip({"m.txt": ARTICLE, "../bad.txt": "x"}), "bad.txt": b"", "n.md": "x",
    })
    first, second = load_corpus(folder), load_corpus(folder)
    pd.testing.assert_frame_equal(first, second)
    pd.testing.assert_frame_equal(report(first), report(second))
    assert list(report(first).columns) == REPORT_COLUMNS
    assert len(first) == 4 and len(report(first)) >= 5


def test_every_file_is_a_row_or_a_report_line(write_tree):
    # the loader's promise: nothing is dropped without a report entry
    files = {name: data for name, data, _, _ in BAD_CASES} | {
        "ok/a.txt": ARTICLE, "ok/b.csv": "text\nEn.\n", "notes.md": "x", "pic.png": b"\x89PNG",
        ".DS_Store": b"\x00\x01", "no_header.txt": "Bare tekst.",
    }
    folder = write_tree(files)
    corpus = load_corpus(folder)
    seen = set(corpus.source) | set(report(corpus).path)
    assert {f"{folder.as_posix()}/{name}" for name in files} == seen


@pytest.mark.parametrize("module", ["load", "_archive", "_dates", "_decode", "_tables"])
def test_docstring_examples(module):
    # the examples in the loader's docstrings are true
    result = doctest.testmod(importlib.import_module(f"corpus_tools.{module}"))
    assert result.failed == 0 and result.attempted > 0


def test_progress_is_silent_by_default_and_shown_on_request(write_tree, capsys):
    folder = write_tree({"a.txt": ARTICLE})
    load_corpus(folder)
    assert capsys.readouterr().err == ""
    load_corpus(folder, progress=True)
    assert "loading" in capsys.readouterr().err
