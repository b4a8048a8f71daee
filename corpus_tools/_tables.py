"""Tables for the loader: CSV/TSV (delimiter sniffed), JSONL, .xlsx and Parquet.

Each reader turns a file's bytes into a :class:`Table`: header names, records
``(line, values)``, rows that could not be read ``(line, reason)``, the codec and
file-level notes. Mapping columns to articles happens in ``corpus_tools.load``.

>>> t = read_table("id;tekst\\n1;Hej, verden\\n".encode(), ".csv")
>>> t.columns, t.records
(['id', 'tekst'], [(2, ['1', 'Hej, verden'])])
"""

from __future__ import annotations

import csv
import io
import json
import re
import warnings
from typing import NamedTuple

import pandas as pd

from ._decode import NotText, decode_bytes, normalize_text

__all__ = ["Table", "read_table", "cell_text", "is_missing", "pick_column"]


class Table(NamedTuple):
    columns: list  # header names, stripped
    records: list  # (line, values) with len(values) == len(columns)
    problems: list  # (line, reason) for rows that could not be read
    encoding: str
    notes: list  # file-level warnings


_EXCEL_SEP = re.compile(r"sep=([,;\t|])\n")


def _sniff(text: str, suffix: str) -> str:
    """The delimiter: csv.Sniffer's answer if the first rows agree with it, else the
    candidate under which they have the most equal field counts."""
    if suffix == ".tsv":
        return "\t"
    sample = text[:65536]
    truncated = len(text) > len(sample)

    def fields(delim):
        rows = [r for r in csv.reader(io.StringIO(sample, newline=""), delimiter=delim) if r]
        rows = rows[:-1] if truncated and len(rows) > 1 else rows
        return [len(r) for r in rows[:50]]

    def score(delim):
        counts = fields(delim)
        if not counts or counts[0] < 2:
            return (0, 0)
        return (sum(c == counts[0] for c in counts), counts[0])

    try:
        sniffed = csv.Sniffer().sniff(sample, delimiters=",;\t|").delimiter
    except csv.Error:
        sniffed = None
    candidates = [",", ";", "\t", "|"]
    best = max(candidates, key=lambda d: (score(d), -candidates.index(d)))
    if sniffed and score(sniffed) == score(best):
        return sniffed
    return best if score(best)[0] else ","


def _read_csv(data: bytes, suffix: str) -> Table:
    decoded = decode_bytes(data)
    text = normalize_text(decoded.text)
    start = 1
    if m := _EXCEL_SEP.match(text):  # Excel's "sep=;" first line names the delimiter
        text, delim, start = text[m.end():], m[1], 2
    else:
        delim = _sniff(text, suffix)
    # strict: a quote that never closes raises instead of swallowing the rest of the file
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delim, strict=True)
    header, records, problems, first = None, [], [], start
    while True:
        line = start
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            start = first + reader.line_num
            hint = " (an unbalanced quote: the rest of the file could not be read)" if "end of data" in str(exc) else ""
            problems.append((line, f"broken CSV row: {exc}{hint}"))
            continue
        start = first + reader.line_num
        if not any(cell.strip() for cell in row):
            continue
        if header is None:
            header = [cell.strip() for cell in row]
            continue
        if len(row) > len(header) and not any(c.strip() for c in row[len(header):]):
            row = row[: len(header)]  # Excel's trailing empty fields
        if len(row) != len(header):
            problems.append((line, f"broken CSV row: {len(row)} fields, the header has {len(header)}"))
            continue
        records.append((line, row))
    return Table(header or [], records, problems, decoded.encoding, list(decoded.problems))


def _read_jsonl(data: bytes) -> Table:
    decoded = decode_bytes(data)
    columns, objects, problems = {}, [], []
    for line, raw in enumerate(normalize_text(decoded.text).split("\n"), 1):
        if not raw.strip():
            continue
        try:
            obj = json.loads(raw)
        except json.JSONDecodeError as exc:
            problems.append((line, f"broken JSON line ({exc.msg}, column {exc.colno})"))
            continue
        if not isinstance(obj, dict):
            problems.append((line, f"JSON line is a {type(obj).__name__}, not an object"))
            continue
        columns.update(dict.fromkeys(map(str, obj)))
        objects.append((line, {str(k): v for k, v in obj.items()}))
    columns = list(columns)
    records = [(line, [obj.get(c) for c in columns]) for line, obj in objects]
    return Table(columns, records, problems, decoded.encoding, list(decoded.problems))


def _read_xlsx(data: bytes) -> Table:
    import openpyxl

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # openpyxl warns about styles it cannot read
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    try:
        sheet = book.worksheets[0]
        notes = []
        if len(book.worksheets) > 1:
            notes.append(f"workbook has {len(book.worksheets)} sheets; only the first ({sheet.title!r}) was read")
        header, records = None, []
        for line, row in enumerate(sheet.iter_rows(values_only=True), 1):
            if all(v is None or str(v).strip() == "" for v in row):
                continue
            if header is None:
                header = [("" if v is None else str(v)).strip() for v in row]
                while header and not header[-1]:
                    header.pop()
                continue
            values = list(row[: len(header)]) + [None] * (len(header) - len(row))
            records.append((line, values))
    finally:
        book.close()
    return Table(header or [], records, [], "utf-8", notes)


def _read_parquet(data: bytes) -> Table:
    import pyarrow.parquet as pq

    frame = pq.read_table(io.BytesIO(data)).to_pandas()
    records = [(i, list(row)) for i, row in enumerate(frame.itertuples(index=False, name=None), 1)]
    return Table([str(c) for c in frame.columns], records, [], "utf-8", [])


def read_table(data: bytes, suffix: str) -> Table:
    if suffix in (".csv", ".tsv"):
        return _read_csv(data, suffix)
    if suffix in (".jsonl", ".ndjson"):
        return _read_jsonl(data)
    if suffix == ".xlsx":
        return _read_xlsx(data)
    return _read_parquet(data)


def is_missing(value) -> bool:
    """None, NaN, NaT and pd.NA (but not an empty list or array)."""
    return value is None or (pd.api.types.is_scalar(value) and bool(pd.isna(value)))


def cell_text(value) -> str | None:
    """A cell as stripped text, None when missing or blank; 7.0 -> '7' (ids from Excel)."""
    if is_missing(value):
        return None
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    text = str(value).strip()
    return text or None


def pick_column(columns: list, explicit: str | None, names: list, what: str, argument: str) -> int | None:
    """Index of the column for ``what``: the one named explicitly, else the first known name."""
    lower = {}
    for i, c in enumerate(columns):
        lower.setdefault(c.strip().lower(), i)
    if explicit is not None:
        if explicit in columns:
            return columns.index(explicit)
        if explicit.strip().lower() in lower:
            return lower[explicit.strip().lower()]
        raise NotText(f"no column {explicit!r} for the {what} (columns: {', '.join(columns) or 'none'})")
    for name in names:
        if name in lower:
            return lower[name]
    if what == "text":
        raise NotText(f"no text column (looked for {', '.join(names)}; columns: {', '.join(columns) or 'none'}); "
                      f"pass {argument}=")
    return None
