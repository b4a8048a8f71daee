"""Safe exports: no cell is ever a formula, our reader undoes the escaping, long cells are reported."""

from __future__ import annotations

import csv
import warnings

import openpyxl
import pandas as pd
import pytest

from corpus_tools import export
from corpus_tools.errors import CorpusError

NEUTRALISE_CASES = [
    # a formula
    ("=1+1", "'=1+1"),
    # a DDE payload that Excel would run
    ("=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"),
    # plus and minus also start formulas
    ("+45 12 34 56 78", "'+45 12 34 56 78"),
    ("-2+3", "'-2+3"),
    # @ starts a function call in Excel
    ("@SUM(A1)", "'@SUM(A1)"),
    # tab and carriage return at the start
    ("\t=1", "'\t=1"),
    ("\r=1", "'\r=1"),
    # our escape character itself is escaped, so restore() is exact
    ("'citat'", "''citat'"),
    # ordinary Danish text is untouched, also with = inside
    ("Syrien", "Syrien"),
    ("pris = 5 kr.", "pris = 5 kr."),
    # the empty string
    ("", ""),
    # numbers are not text: untouched
    (-5, -5),
    (2.5, 2.5),
    (None, None),
]


@pytest.mark.parametrize("raw, written", NEUTRALISE_CASES)
def test_neutralise(raw, written):
    assert export.neutralise(raw) == written
    assert export.restore(export.neutralise(raw)) == raw


HOSTILE = pd.DataFrame(
    {
        "doc_id": ["a.txt", "=b.txt", "c.txt", "d.txt"],
        "text": ["=HYPERLINK(\"http://x\",\"klik\")", "+45 nr", "@SUM(1)", "'allerede citeret"],
        "value": [160000, -5, 2.5, None],
        "note": ["-", "\tfane", "NA", None],
    }
)


def _cells_start_with_formula(values) -> list:
    return [v for v in values if isinstance(v, str) and v.startswith(export.FORMULA_PREFIXES)]


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def test_csv_round_trip_and_no_formula_in_file(tmp_path):
    path = export.to_csv(HOSTILE, tmp_path / "t.csv")
    with open(path, encoding="utf-8-sig", newline="") as handle:
        cells = [cell for row in csv.reader(handle) for cell in row]
    # no raw cell in the file starts with a formula character (negative numbers excepted: they are numbers)
    assert [c for c in _cells_start_with_formula(cells) if not _is_number(c)] == []
    back = export.read_csv(path)
    pd.testing.assert_frame_equal(back, HOSTILE, check_dtype=False)


def test_csv_danish_excel_separators(tmp_path):
    df = pd.DataFrame({"term": ["=x", "y"], "rate": [1.5, 2.25]})
    path = export.to_csv(df, tmp_path / "da.csv", sep=";", decimal=",")
    text = path.read_text(encoding="utf-8-sig")
    # semicolons between cells, decimal commas inside numbers
    assert text.splitlines() == ["term;rate", "'=x;1,5", "y;2,25"]
    pd.testing.assert_frame_equal(export.read_csv(path, sep=";", decimal=","), df)


def test_xlsx_holds_no_formula_and_round_trips(tmp_path):
    path = export.to_excel(HOSTILE, tmp_path / "t.xlsx")
    book = openpyxl.load_workbook(path)
    cells = [cell for row in book["data"].iter_rows() for cell in row]
    assert [c.coordinate for c in cells if c.data_type == "f"] == []
    assert _cells_start_with_formula([c.value for c in cells]) == []
    back = export.read_excel(path)
    pd.testing.assert_frame_equal(back, HOSTILE, check_dtype=False)


def test_long_cells_are_reported_not_silently_cut(tmp_path):
    long_text = "ø" * (export.EXCEL_CELL_LIMIT + 10)
    df = pd.DataFrame({"doc_id": ["a", "b"], "text": ["kort", long_text]})
    assert export.long_cells(df).to_dict("records") == [
        {"row": 1, "column": "text", "length": export.EXCEL_CELL_LIMIT + 10}
    ]
    # CSV keeps the full text and warns
    with pytest.warns(export.LongCellWarning, match="row 1, column 'text'"):
        csv_path = export.to_csv(df, tmp_path / "long.csv")
    assert export.read_csv(csv_path)["text"][1] == long_text
    # xlsx cuts with a visible marker, lists the cell in a sheet, and warns
    with pytest.warns(export.LongCellWarning, match="long_cells"):
        xlsx_path = export.to_excel(df, tmp_path / "long.xlsx")
    cell = export.read_excel(xlsx_path)["text"][1]
    assert len(cell) == export.EXCEL_CELL_LIMIT
    assert cell.endswith("[afkortet: 32.777 tegn]")
    listed = export.read_excel(xlsx_path, sheet_name="long_cells")
    assert listed.to_dict("records") == [{"row": 1, "column": "text", "length": export.EXCEL_CELL_LIMIT + 10}]
    # or refuses, naming the cell
    with pytest.raises(CorpusError, match="row 1, column 'text'"):
        export.to_excel(df, tmp_path / "refused.xlsx", long_cells="raise")


def test_categorical_text_is_neutralised_too(tmp_path):
    df = pd.DataFrame({"kind": pd.Categorical(["=1+1", "ok", "=1+1"])})
    path = export.to_excel(df, tmp_path / "cat.xlsx")
    cells = [c.value for row in openpyxl.load_workbook(path)["data"].iter_rows() for c in row]
    assert _cells_start_with_formula(cells) == []
    assert export.read_excel(path)["kind"].tolist() == ["=1+1", "ok", "=1+1"]


def test_no_warning_for_ordinary_tables(tmp_path):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        export.to_csv(HOSTILE, tmp_path / "a.csv")
        export.to_excel(HOSTILE, tmp_path / "a.xlsx")


def test_xlsx_control_characters_replaced_and_reported(tmp_path):
    df = pd.DataFrame({"text": ["bip\x07bip", "ok"]})
    with pytest.warns(UserWarning, match="1 control character"):
        path = export.to_excel(df, tmp_path / "ctl.xlsx")
    assert export.read_excel(path)["text"].tolist() == ["bip\ufffdbip", "ok"]


def test_corpus_columns_lists_and_periods(tmp_path):
    corpus = pd.DataFrame(
        {
            "doc_id": ["000.txt"],
            "date": pd.PeriodIndex(["2018-06"], freq="M"),
            "agencies": [["ritzau", "Reuters"]],
        }
    )
    back = export.read_csv(export.to_csv(corpus, tmp_path / "c.csv"))
    assert back.to_dict("records") == [{"doc_id": "000.txt", "date": "2018-06", "agencies": "ritzau; Reuters"}]


def test_datawrapper_csv(tmp_path):
    table = pd.DataFrame({"label": ["Dræbte", "=Fordrevne"], "value": [500000, 160000.5]})
    path = export.datawrapper_csv(table, tmp_path / "dw.csv")
    raw = path.read_bytes()
    # plain UTF-8 without byte-order mark, comma separated, '.' decimals, neutralised labels
    assert not raw.startswith(b"\xef\xbb\xbf")
    assert raw.decode("utf-8").splitlines() == ["label,value", "Dræbte,500000.0", "'=Fordrevne,160000.5"]


def test_bad_input_raises_corpus_error(tmp_path):
    with pytest.raises(CorpusError):
        export.neutralise_frame(["not", "a", "frame"])
    with pytest.raises(CorpusError, match="missing.csv"):
        export.read_csv(tmp_path / "missing.csv")
    with pytest.raises(CorpusError, match="long_cells"):
        export.to_excel(HOSTILE, tmp_path / "x.xlsx", long_cells="cut")
