"""Tables that are safe to open in a spreadsheet, and CSV files ready for Datawrapper.

A corpus is text written by others. A cell that starts with ``=``, ``+``, ``-``,
``@``, a tab or a carriage return can be run as a formula when the file is opened
in Excel or LibreOffice (CSV injection, see OWASP "CSV Injection"). Every text
cell we write that starts with one of those characters, or with the apostrophe
we use as the escape, gets one apostrophe in front (``=HYPERLINK(...)`` is written
``'=HYPERLINK(...)``); :func:`read_csv` and :func:`read_excel` remove it again, so
a round trip gives back exactly what was written. Numbers are left alone.

Excel keeps at most 32,767 characters in a cell (:data:`EXCEL_CELL_LIMIT`).
:func:`to_excel` never cuts a longer cell silently: it warns with
:class:`LongCellWarning`, marks the cut cell, and lists every such cell in an
extra sheet (or raises, with ``long_cells="raise"``); :func:`to_csv` keeps the
full text and warns, since Excel would cut it when opening the CSV.

>>> import pandas as pd
>>> neutralise("=1+1")
"'=1+1"
>>> restore(neutralise("=1+1"))
'=1+1'
>>> neutralise("Syrien")
'Syrien'
"""

from __future__ import annotations

import warnings
from pathlib import Path

import numpy as np
import pandas as pd

from .errors import CorpusError

__all__ = [
    "EXCEL_CELL_LIMIT",
    "FORMULA_PREFIXES",
    "LongCellWarning",
    "neutralise",
    "restore",
    "neutralise_frame",
    "restore_frame",
    "long_cells",
    "to_csv",
    "read_csv",
    "to_excel",
    "read_excel",
    "datawrapper_csv",
]

# Characters that make a spreadsheet treat a cell as a formula (OWASP CSV injection).
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
# The escape: one apostrophe. Cells that already start with it are escaped too,
# so that restore() is the exact inverse of neutralise().
ESCAPE = "'"
# Excel's maximum number of characters in one cell.
EXCEL_CELL_LIMIT = 32_767
# Control characters an .xlsx file cannot hold (openpyxl refuses them).
_ILLEGAL_XLSX = r"[\x00-\x08\x0b\x0c\x0e-\x1f]"


class LongCellWarning(UserWarning):
    """A cell is longer than a spreadsheet can show (32,767 characters in Excel)."""


def neutralise(value):
    """Escape one cell so that no spreadsheet runs it as a formula; non-strings pass through.

    >>> neutralise("-5 grader")
    "'-5 grader"
    >>> neutralise("'citat'")
    "''citat'"
    >>> neutralise(-5)
    -5
    """
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES + (ESCAPE,)):
        return ESCAPE + value
    return value


def restore(value):
    """Undo :func:`neutralise`: drop the one apostrophe it added.

    >>> restore("''citat'")
    "'citat'"
    """
    if isinstance(value, str) and value.startswith(ESCAPE):
        return value[1:]
    return value


def _cell_text(value):
    """Lists (e.g. the corpus's ``agencies``) as ``a; b``; periods as ``2018-06``; rest unchanged."""
    if isinstance(value, (list, tuple, np.ndarray)):
        return "; ".join(str(v) for v in value)
    if isinstance(value, pd.Period):
        return str(value)
    return value


def _is_text(dtype) -> bool:
    """Object, string (pandas 3's default for text), categorical or period columns."""
    return (dtype == object or pd.api.types.is_string_dtype(dtype)
            or isinstance(dtype, (pd.PeriodDtype, pd.CategoricalDtype)))


def _text_columns(df: pd.DataFrame) -> list:
    return [c for c in df.columns if _is_text(df[c].dtype)]


def neutralise_frame(df: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``df`` with every text cell and column name neutralised (numbers untouched).

    List cells are written as ``a; b`` and periods as text (``2018-06``).
    """
    if not isinstance(df, pd.DataFrame):
        raise CorpusError(f"expected a pandas DataFrame, not {type(df).__name__}")
    out = df.copy()
    for column in _text_columns(out):
        out[column] = out[column].astype(object).map(lambda v: neutralise(_cell_text(v)))
    out.columns = [neutralise(str(c)) if not isinstance(c, str) else neutralise(c) for c in out.columns]
    return out


def restore_frame(df: pd.DataFrame) -> pd.DataFrame:
    """Undo :func:`neutralise_frame` on a table read back from a file (in place on a copy)."""
    out = df.copy()
    for column in out.columns:
        if _is_text(out[column].dtype):
            out[column] = out[column].map(restore)
    out.columns = [restore(c) for c in out.columns]
    return out


def long_cells(df: pd.DataFrame, limit: int = EXCEL_CELL_LIMIT) -> pd.DataFrame:
    """Every cell longer than ``limit`` characters: ``row`` (0-based position), ``column``, ``length``.

    >>> long_cells(pd.DataFrame({"text": ["kort", "x" * 40000]}))
       row column  length
    0    1   text   40000
    """
    rows = []
    for column in df.columns:
        values = df[column]
        if not _is_text(values.dtype):
            continue
        for position, value in enumerate(values):
            if isinstance(value, str) and len(value) > limit:
                rows.append((position, column, len(value)))
    return pd.DataFrame(rows, columns=["row", "column", "length"])


_long_cell_report = long_cells  # to_excel's keyword argument shadows the name


def _warn_long(report: pd.DataFrame, path: Path, what: str) -> None:
    cells = ", ".join(f"row {r}, column {c!r} ({n:,} characters)" for r, c, n in report.head(5).itertuples(index=False))
    more = f" and {len(report) - 5} more" if len(report) > 5 else ""
    warnings.warn(
        f"{path}: {len(report)} cell(s) longer than Excel's {EXCEL_CELL_LIMIT:,} characters {what}: {cells}{more}",
        LongCellWarning,
        stacklevel=3,
    )


def to_csv(df: pd.DataFrame, path, *, sep: str = ",", decimal: str = ".", encoding: str = "utf-8-sig",
           index: bool = False) -> Path:
    """Write ``df`` as a CSV that is safe to open in a spreadsheet; returns the path.

    Text cells are neutralised (see the module docstring); UTF-8 with a byte-order
    mark by default so that Excel shows ``æøå`` right. For Danish Excel, pass
    ``sep=";", decimal=","``. Cells longer than Excel's 32,767 characters are
    written in full and reported with a :class:`LongCellWarning` (Excel would cut
    them when it opens the file). Read it back with :func:`read_csv`.
    """
    path = Path(path)
    report = _long_cell_report(df)
    safe = neutralise_frame(df)
    if index:
        safe.index = safe.index.map(lambda v: neutralise(_cell_text(v)))
    path.parent.mkdir(parents=True, exist_ok=True)
    safe.to_csv(path, sep=sep, decimal=decimal, encoding=encoding, index=index, lineterminator="\n")
    if not report.empty:
        _warn_long(report, path, "(written in full; Excel cuts them when it opens the file)")
    return path


def read_csv(path, *, sep: str = ",", decimal: str = ".", encoding: str = "utf-8-sig", **kwargs) -> pd.DataFrame:
    """Read a CSV written by :func:`to_csv` and undo the formula escaping.

    Empty cells become missing values; texts such as ``NA`` or ``null`` stay text.
    Other keyword arguments go to :func:`pandas.read_csv`.
    """
    kwargs.setdefault("keep_default_na", False)
    kwargs.setdefault("na_values", [""])
    try:
        df = pd.read_csv(path, sep=sep, decimal=decimal, encoding=encoding, **kwargs)
    except (OSError, UnicodeDecodeError, pd.errors.ParserError) as exc:
        raise CorpusError(f"cannot read the CSV: {exc}", path=str(path)) from exc
    return restore_frame(df)


def to_excel(df: pd.DataFrame, path, *, sheet_name: str = "data", long_cells: str = "warn",
             index: bool = False) -> Path:
    """Write ``df`` as an ``.xlsx`` file in which no cell is a formula; returns the path.

    Text cells are neutralised as in :func:`to_csv`. Control characters that the
    xlsx format cannot hold are replaced by ``\\ufffd`` (and reported). A text
    longer than Excel's 32,767 characters is handled by ``long_cells``:

    - ``"warn"`` (default): cut at the limit with a visible marker ending in
      ``[afkortet: N tegn]``, listed in an extra sheet ``long_cells`` (row,
      column, length) and reported with a :class:`LongCellWarning`;
    - ``"raise"``: raise :class:`~corpus_tools.errors.CorpusError` naming the cells.

    Keep the full text with :func:`to_csv` or Parquet.
    """
    if long_cells not in ("warn", "raise"):
        raise CorpusError(f"long_cells must be 'warn' or 'raise', not {long_cells!r}")
    path = Path(path)
    report = _long_cell_report(df)
    if not report.empty and long_cells == "raise":
        cells = ", ".join(f"row {r}, column {c!r} ({n:,} characters)" for r, c, n in report.itertuples(index=False))
        raise CorpusError(f"cells longer than Excel's {EXCEL_CELL_LIMIT:,} characters: {cells}", path=str(path))
    safe = neutralise_frame(df)
    replaced = 0
    for column in _text_columns(safe):
        values = safe[column]
        is_text = values.map(lambda v: isinstance(v, str))
        if not is_text.any():
            continue
        texts = values[is_text]
        count = texts.str.count(_ILLEGAL_XLSX)
        replaced += int(count.sum())
        texts = texts.str.replace(_ILLEGAL_XLSX, "\ufffd", regex=True)
        texts = texts.map(_cut)
        safe.loc[is_text, column] = texts
    path.parent.mkdir(parents=True, exist_ok=True)
    with pd.ExcelWriter(path, engine="openpyxl") as writer:
        safe.to_excel(writer, sheet_name=sheet_name, index=index)
        if not report.empty:
            report.assign(column=report["column"].map(lambda c: neutralise(str(c)))).to_excel(
                writer, sheet_name="long_cells", index=False
            )
        _strings_not_formulas(writer)
    if not report.empty:
        _warn_long(report, path, "(cut and listed in the sheet 'long_cells')")
    if replaced:
        warnings.warn(f"{path}: {replaced} control character(s) that xlsx cannot hold replaced by U+FFFD", UserWarning,
                      stacklevel=2)
    return path


def _cut(text: str) -> str:
    if len(text) <= EXCEL_CELL_LIMIT:
        return text
    marker = f" … [afkortet: {len(text):,} tegn]".replace(",", ".")
    return text[: EXCEL_CELL_LIMIT - len(marker)] + marker


def _strings_not_formulas(writer) -> None:
    """Belt and braces: make sure openpyxl stored no cell as a formula."""
    for sheet in writer.book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if cell.data_type == "f":
                    cell.value = ESCAPE + str(cell.value)
                    cell.data_type = "s"


def read_excel(path, *, sheet_name: str | int = 0, **kwargs) -> pd.DataFrame:
    """Read a sheet written by :func:`to_excel` and undo the formula escaping.

    Empty cells become missing values; texts such as ``NA`` stay text.
    """
    kwargs.setdefault("keep_default_na", False)
    kwargs.setdefault("na_values", [""])
    try:
        df = pd.read_excel(path, sheet_name=sheet_name, engine="openpyxl", **kwargs)
    except (OSError, ValueError) as exc:
        raise CorpusError(f"cannot read the Excel file: {exc}", path=str(path)) from exc
    return restore_frame(df)


def datawrapper_csv(df: pd.DataFrame, path) -> Path:
    """Write a chart's table as a CSV to paste or upload into Datawrapper; returns the path.

    Datawrapper reads a comma-separated UTF-8 file with a header row, labels in
    the first column and plain numbers with ``.`` as decimal sign (it formats
    them for display itself, e.g. in Danish). Periods become ``2018-06``, lists
    ``a; b``. Text cells are neutralised as in :func:`to_csv`, since the file may
    be opened in a spreadsheet too. Use the ``*_table`` functions of
    :mod:`corpus_tools.plots` to get the table each chart draws:

    >>> from corpus_tools import plots
    >>> table = plots.word_frequency_table(pd.DataFrame({"term": ["syrien"], "count": [9]}))
    >>> datawrapper_csv(table, "/tmp/words_datawrapper.csv").name  # doctest: +SKIP
    'words_datawrapper.csv'
    """
    path = Path(path)
    safe = neutralise_frame(df)
    path.parent.mkdir(parents=True, exist_ok=True)
    safe.to_csv(path, sep=",", decimal=".", encoding="utf-8", index=False, lineterminator="\n")
    return path
