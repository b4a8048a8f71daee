"""Load a corpus of news articles into a DataFrame, and account for every file.

``load_corpus(source)`` returns one row per article; every input that did not
load cleanly is a row of ``corpus.attrs["load_report"]``. ``read_article(text)``
parses one article in the wire format below.

Accepted input
--------------
**Sources.** A file; a folder (read recursively, in sorted order of the path
relative to the folder); a glob such as ``"wires/**/*.txt"`` (sorted); a ``.zip``
archive (members read in memory, never extracted; member paths with ``..`` or
an absolute path refused; limits on member count, total size and compression
ratio, see ``zip_limits``). Inside a
folder or archive these count as corpus files, by extension (any case):

- articles: ``.txt``, ``.text``, one article per file;
- tables: ``.csv``, ``.tsv`` (delimiter sniffed among ``, ; TAB |``, or named
  by Excel's ``sep=;`` first line; the first row is the header), ``.xlsx`` (the
  first sheet; its first non-empty row is the header), ``.jsonl``/``.ndjson``
  (one JSON object per line), ``.parquet``; one article per row;
- archives: ``.zip`` (not nested).

Any other file (``.md``, ``.png``, ``.json``, ``.xls``, ``.docx``, no extension,
hidden files and folders such as ``.ipynb_checkpoints``) is not read and gets a
report line saying so. A file named directly as the source is read as an article
whatever its extension, unless it is a table or an archive.

**Article files** (the wire format)::

     date 2018-06 Syriske oprørere, som lørdag mødtes ...

    »Russerne var ikke parate ...« siger Ibrahim Jabawi ...

    /ritzau/Reuters

Optional leading whitespace; a header ``date YYYY-MM`` or ``date YYYY-MM-DD``
(``date`` or ``dato``, any case, an optional ``:``); the first paragraph on the same
line or the next; paragraphs separated by blank lines; a last line that is a byline
starting with ``/`` (``/ritzau/Reuters``, ``/ritzau/AFP``, ``/ritzau/``; also
accepted at the end of the last paragraph after its final punctuation). A file
without the header loads with a missing date (NaT), keeps all its text, and gets a
report line. A header date like ``14.06.2018`` is read only when day and month
cannot be confused (one of them above 12, or both equal); ``03.04.2018`` is
refused with a report line, never guessed.

**Tables.** Column names are matched case-insensitively. The text column is
``text_column`` or the first of ``text, body, tekst, brødtekst, content, article,
artikel``; the date column ``date_column`` or ``date, dato, published,
publiceret, udgivet, pubdate``; the id column ``id_column`` or ``doc_id, id,
article_id, artikel_id``; optional ``byline`` and ``title``/``headline``/
``overskrift``/``rubrik`` columns are used when present. A cell's text is read
with ``read_article``, so a wire-format text in a cell loses its header and byline
too; the date column wins over a header in the text (a disagreement is reported)
and the header fills in an empty or unreadable date cell. Dates: ISO ``YYYY-MM``
(month precision) or ``YYYY-MM-DD`` (day; a time after it is dropped), date
cells of Excel and Parquet (day), and ``D/M/YYYY``-style strings (with ``/ . -``)
only when the column as a whole decides the order: a value with a first field
above 12 makes the column day-first, one with a second field above 12
month-first; if no value decides it, or values contradict each other, those dates
are left missing and reported.

**Encodings.** A byte-order mark (UTF-8, UTF-16, UTF-32) decides; otherwise strict
UTF-8; otherwise cp1252, or latin-1 when cp1252 cannot decode a byte (see
``corpus_tools._decode``). No charset detector is used. Mojibake such as ``Ã¸``
for ``ø`` is reported; with ``fix_mojibake=True`` it is repaired with ftfy and the
encoding column says ``+ftfy``. Text is NFC with ``\\n`` line ends.

Bad input (empty files, binary files, NUL bytes, unreadable files, broken JSONL
lines, broken CSV rows, a table without a text column, an empty article) is
reported and skipped; with ``strict=True`` it raises CorpusError naming the file
and line instead. Warnings (no date, mojibake, ambiguous dates) never raise.
"""

from __future__ import annotations

import glob
import os
import re
import stat
from collections import Counter
from pathlib import Path
from typing import NamedTuple

import pandas as pd

from ._archive import BrokenArchive, check_limits, iter_zip
from ._dates import DATE_TOKEN, column_order, parse_date
from ._decode import NotText, decode_bytes, find_mojibake, normalize_text, repair_mojibake
from ._docs import progress_bar, want_progress
from ._tables import Table, cell_text, pick_column, read_table
from .errors import CorpusError

__all__ = ["load_corpus", "read_article", "Article", "COLUMNS", "REPORT_COLUMNS"]

TEXT_SUFFIXES = {".txt", ".text"}
TABLE_SUFFIXES = {".csv", ".tsv", ".xlsx", ".jsonl", ".ndjson", ".parquet"}
ARCHIVE_SUFFIXES = {".zip"}
COLUMNS = ["doc_id", "source", "date", "byline", "agencies", "title", "text", "encoding", "n_chars"]
REPORT_COLUMNS = ["path", "member", "line", "doc_id", "action", "reason"]
TEXT_NAMES = ["text", "body", "tekst", "brødtekst", "content", "article", "artikel"]
DATE_NAMES = ["date", "dato", "published", "publiceret", "udgivet", "pubdate"]
ID_NAMES = ["doc_id", "id", "article_id", "artikel_id"]
TITLE_NAMES = ["title", "headline", "overskrift", "rubrik"]
PROGRESS_MIN_FILES = 200  # a progress bar only for loads of at least this many files

# --- one article --------------------------------------------------------------
# the wire header: "date 2018-06" / "Dato: 2018-06-14" at the very start
# (a clock time after the date is part of the header; the date keeps day precision)
_HEADER = re.compile(
    rf"\A\s*(?P<header>(?:date|dato)[ \t]*:?[ \t]*(?P<value>{DATE_TOKEN})(?:[ T]\d{{1,2}}:\d{{2}}(?::\d{{2}})?)?)(?=\s|\Z)",
    re.I)
# a byline: '/ritzau/Reuters', '/ritzau/AFP', '/ritzau/'
_BYLINE_BODY = r"/[^\S\n]*[^\W\d_][\w&.' -]{0,40}(?:/[\w&.' -]{0,40}){0,5}"
_BYLINE_LINE = re.compile(rf"\s*({_BYLINE_BODY})\s*")
_BYLINE_TAIL = re.compile(rf"(?<=[.!?»«\"”])[^\S\n]+({_BYLINE_BODY})[^\S\n]*\Z")


class Article(NamedTuple):
    header: str | None  # the raw header, e.g. 'date 2018-06', or None
    date: object  # pandas Period ('M' or 'D') or pd.NaT
    body: str  # the text without header and byline, stripped
    byline: str | None  # the raw byline, e.g. '/ritzau/Reuters'
    agencies: list  # ['ritzau', 'Reuters']
    problems: list  # warnings for the load report


def _agencies(byline: str | None) -> list:
    if not byline:
        return []
    parts = re.split(r"[/,;]", byline)
    return [p.strip() for p in parts if p.strip()]


def read_article(text: str) -> Article:
    """Parse one article in the wire format into header, date, body, byline.

    The text is normalised first (NFC, ``\\n`` line ends, no BOM). The date is a
    pandas Period at the precision given: month for ``2018-06``, day for
    ``2018-06-14``; NaT when there is no header or it cannot be read (``problems``
    says why).

    >>> a = read_article(" date 2018-06 Første afsnit.\\n\\nAndet afsnit.\\n\\n/ritzau/Reuters")
    >>> a.date, a.body, a.byline, a.agencies
    (Period('2018-06', 'M'), 'Første afsnit.\\n\\nAndet afsnit.', '/ritzau/Reuters', ['ritzau', 'Reuters'])
    >>> read_article("Dato: 2018-06-14\\nTekst /ritzau/").date
    Period('2018-06-14', 'D')
    """
    text = normalize_text(text)
    problems = []
    header, date, body = None, pd.NaT, text
    if m := _HEADER.match(text):
        header, body = m["header"], text[m.end():]
        date, problem = parse_date(m["value"])
        if problem:
            problems.append(f"header {header!r}: {problem}")
    else:
        problems.append("no 'date YYYY-MM' header: date is missing, all text kept")
    body = body.rstrip()
    byline, cut = None, body.rfind("\n") + 1  # only the last line can hold the byline
    if m := _BYLINE_LINE.fullmatch(body, cut):
        byline, body = m[1].strip(), body[:cut]
    elif m := _BYLINE_TAIL.search(body, cut):
        byline, body = m[1].strip(), body[: m.start()]
    return Article(header, date, body.strip(), byline, _agencies(byline), problems)


# --- the loader -----------------------------------------------------------------
class _Loader:
    """Collects rows and report lines; raises in strict mode."""

    def __init__(self, strict, fix_mojibake, limits, text_column, date_column, id_column):
        self.strict, self.fix_mojibake, self.limits = strict, fix_mojibake, limits
        self.columns = (text_column, date_column, id_column)
        self.rows, self.report = [], []

    def note(self, path, member, line, action, reason, doc_id=None, *, bad=True):
        """Add a report line; in strict mode a skipped bad input raises instead."""
        if self.strict and action == "skipped" and bad:
            where = path + (f"!{member}" if member else "")
            raise CorpusError(reason, path=where, line=line)
        self.report.append(dict(path=path, member=member, line=line, doc_id=doc_id, action=action, reason=reason))

    def read_file(self, path: Path, source: str, rel: str, named: bool):
        """One file on disk; ``source`` is its path as the user would write it."""
        suffix = path.suffix.lower()
        kind = _kind(suffix, named)
        if kind is None:
            return self.note(source, None, None, "skipped", _not_corpus(suffix), bad=False)
        try:
            mode = path.stat().st_mode
            if not stat.S_ISREG(mode):
                raise OSError("not a regular file (a device, pipe or socket)")
            data = path.read_bytes()
        except OSError as exc:
            reason = exc.strerror or str(exc)
            return self.note(source, None, None, "skipped", f"unreadable file: {reason}")
        if kind == "zip":
            return self.read_zip(data, source, rel)
        self.read_bytes(data, kind, suffix, source, None, rel)

    def read_zip(self, data: bytes, source: str, rel: str):
        try:
            members = iter_zip(data, source, self.limits)
        except BrokenArchive as exc:
            return self.note(source, None, None, "skipped", str(exc))
        for m in members:
            if m.problem:
                self.note(source, m.name, None, "skipped", m.problem)
                continue
            parts = m.name.split("/")
            suffix = Path(m.name).suffix.lower()
            kind = _kind(suffix, named=False)
            if any(p.startswith(".") or p == "__MACOSX" for p in parts):
                self.note(source, m.name, None, "skipped", "hidden file (name starts with '.' or __MACOSX); not read",
                          bad=False)
            elif kind == "zip":
                self.note(source, m.name, None, "skipped", "archive inside an archive; not read (extract it first)")
            elif kind is None:
                self.note(source, m.name, None, "skipped", _not_corpus(suffix), bad=False)
            else:
                self.read_bytes(m.data, kind, suffix, source, m.name, f"{rel}!{m.name}")

    def read_bytes(self, data, kind, suffix, source, member, doc_id):
        label = source + (f"!{member}" if member else "")
        try:
            if kind == "text":
                decoded = decode_bytes(data)
            else:
                if suffix == ".xlsx":  # a workbook is a zip archive: the same limits apply
                    iter_zip(data, label, self.limits)
                table = read_table(data, suffix)
        except NotText as exc:
            return self.note(source, member, None, "skipped", str(exc))
        except CorpusError:
            raise
        except Exception as exc:  # noqa: BLE001 - openpyxl/pyarrow raise many types for a broken file
            return self.note(source, member, None, "skipped",
                             f"not a readable {suffix} file ({type(exc).__name__}: {exc})")
        if kind == "text":
            return self.read_text(decoded, source, member, doc_id)
        self.read_rows(table, source, member, doc_id)

    def _fix(self, text, source, member, line, doc_id):
        """Detect (and optionally repair) mojibake; return (text, encoding suffix)."""
        sample = find_mojibake(text)
        if sample is None:
            return text, ""
        if line is None:  # a text file: the line of the first sample
            line = text.count("\n", 0, text.find(sample)) + 1
        if self.fix_mojibake:
            self.note(source, member, line, "loaded_with_warning",
                      f"mojibake such as {sample!r} repaired with ftfy", doc_id)
            return repair_mojibake(text), "+ftfy"
        self.note(source, member, line, "loaded_with_warning",
                  f"mojibake such as {sample!r} (UTF-8 once read as a legacy codec); "
                  "pass fix_mojibake=True to repair it", doc_id)
        return text, ""

    def read_text(self, decoded, source, member, doc_id):
        for problem in decoded.problems:
            self.note(source, member, None, "loaded_with_warning", problem, doc_id)
        text, fixed = self._fix(decoded.text, source, member, None, doc_id)
        article = read_article(text)
        if not article.body:
            return self.note(source, member, None, "skipped", "no article text after the header and byline")
        for problem in article.problems:  # about the header, which is line 1
            self.note(source, member, 1, "loaded_with_warning", problem, doc_id)
        self.add(doc_id, source, article.date, article.byline, article.agencies, None, article.body,
                 decoded.encoding + fixed)

    def read_rows(self, table: Table, source, member, file_id):
        text_col, date_col, id_col = self.columns
        for note in table.notes:
            self.note(source, member, None, "loaded_with_warning", note)
        cols = table.columns
        try:
            ti = pick_column(cols, text_col, TEXT_NAMES, "text", "text_column")
            di = pick_column(cols, date_col, DATE_NAMES, "date", "date_column")
            ii = pick_column(cols, id_col, ID_NAMES, "id", "id_column")
        except NotText as exc:
            return self.note(source, member, None, "skipped", str(exc))
        bi = pick_column(cols, None, ["byline"], "byline", "")
        hi = pick_column(cols, None, TITLE_NAMES, "title", "")
        if not table.records and not table.problems:
            return self.note(source, member, None, "skipped", "the table has a header but no rows")
        order, loaded, undated = None, 0, 0
        if di is not None:
            order, order_note = column_order(values[di] for _, values in table.records)
            if order_note:
                self.note(source, member, None, "loaded_with_warning", order_note)
        events = [(line, 0, reason) for line, reason in table.problems]
        events += [(line, 1, values) for line, values in table.records]
        for line, is_record, payload in sorted(events, key=lambda e: (e[0], e[1])):
            if not is_record:
                self.note(source, member, line, "skipped", payload)
                continue
            values = payload
            doc_id = cell_text(values[ii]) if ii is not None else None
            if doc_id is None:
                if ii is not None:
                    self.note(source, member, line, "loaded_with_warning", "empty id; the row number is used")
                doc_id = f"{file_id}#{line}"
            raw = cell_text(values[ti])
            if raw is None:
                self.note(source, member, line, "skipped", f"empty text in column {cols[ti]!r}", doc_id)
                continue
            raw, fixed = self._fix(raw, source, member, line, doc_id)
            article = read_article(raw)
            if not article.body:
                self.note(source, member, line, "skipped", "no article text after the header and byline", doc_id)
                continue
            date = article.date
            if di is not None:
                date, problem = parse_date(values[di], order)
                if problem and article.date is not pd.NaT:
                    problem += f"; the text's header {article.header!r} was used"
                    date = article.date
                if problem:
                    self.note(source, member, line, "loaded_with_warning", f"column {cols[di]!r}: {problem}", doc_id)
                elif article.date is not pd.NaT and not _overlap(article.date, date):
                    self.note(source, member, line, "loaded_with_warning",
                              f"the text's header says {article.header!r} but column {cols[di]!r} says "
                              f"{values[di]!r}; the column was used", doc_id)
            byline = (cell_text(values[bi]) if bi is not None else None) or article.byline
            title = cell_text(values[hi]) if hi is not None else None
            self.add(doc_id, source, date, byline, _agencies(byline), title, article.body, table.encoding + fixed)
            loaded, undated = loaded + 1, undated + (date is pd.NaT)
        if di is None and undated:
            self.note(source, member, None, "loaded_with_warning",
                      f"no date column (looked for {', '.join(DATE_NAMES)}) and no 'date YYYY-MM' header in the "
                      f"text: {undated} of {loaded} articles have no date; name the column with date_column=")

    def add(self, doc_id, source, date, byline, agencies, title, text, encoding):
        title = normalize_text(title) if title else None
        self.rows.append(dict(doc_id=doc_id, source=source, date=date, byline=byline, agencies=agencies,
                              title=title, text=text, encoding=encoding, n_chars=len(text)))

    def frame(self) -> pd.DataFrame:
        seen = Counter(r["doc_id"] for r in self.rows)
        for row in self.rows:
            if seen[row["doc_id"]] > 1:
                self.note(row["source"], None, None, "loaded_with_warning",
                          f"doc_id {row['doc_id']!r} is used by {seen[row['doc_id']]} articles", row["doc_id"])
        corpus = pd.DataFrame(self.rows, columns=COLUMNS)
        dates = [r["date"] for r in self.rows]
        if dates and all(d is pd.NaT for d in dates):
            corpus["date"] = pd.Series(dates, dtype=object)  # not datetime64: the column holds Periods
        corpus["n_chars"] = corpus["n_chars"].astype("int64")
        report = pd.DataFrame(self.report, columns=REPORT_COLUMNS)
        report["line"] = report["line"].astype("Int64")
        corpus.attrs["load_report"] = report
        return corpus


def _overlap(a: pd.Period, b: pd.Period) -> bool:
    """True when two month or day periods share a day: 2018-06 and 2018-06-14 agree."""
    if a.freqstr == b.freqstr:
        return a == b
    return (a.year, a.month) == (b.year, b.month)


def _kind(suffix: str, named: bool) -> str | None:
    if suffix in TEXT_SUFFIXES:
        return "text"
    if suffix in TABLE_SUFFIXES:
        return "table"
    if suffix in ARCHIVE_SUFFIXES:
        return "zip"
    return "text" if named else None


def _not_corpus(suffix: str) -> str:
    what = f"extension {suffix!r}" if suffix else "no extension"
    known = ", ".join(sorted(TEXT_SUFFIXES | TABLE_SUFFIXES | ARCHIVE_SUFFIXES))
    hint = " (save it as .xlsx)" if suffix == ".xls" else " (write one object per line as .jsonl)" if suffix == ".json" else ""
    return f"not a corpus file ({what}){hint}; corpus files are {known}; not read"


# --- discovery ------------------------------------------------------------------
def _walk(root: Path):
    """Every entry under ``root`` as ``(relative posix path, path, flag)``, sorted. The flag is
    None for a file to read, 'hidden' for a hidden file, 'folder' for a hidden or symlinked
    folder (listed once, not entered), or the reason a folder could not be listed."""
    found = []

    def unreadable(exc: OSError):  # os.walk would skip a folder it cannot list without a word
        folder = Path(exc.filename)
        found.append((folder.relative_to(root).as_posix() + "/", folder, f"unreadable folder: {exc.strerror}"))

    for dirpath, dirnames, filenames in os.walk(root, onerror=unreadable, followlinks=False):
        here = Path(dirpath)
        for d in list(dirnames):
            if d.startswith(".") or d == "__MACOSX" or (here / d).is_symlink():
                dirnames.remove(d)
                found.append(((here / d).relative_to(root).as_posix() + "/", here / d, "folder"))
        found += [((here / f).relative_to(root).as_posix(), here / f, "hidden" if f.startswith(".") else None)
                  for f in filenames]
    return sorted(found, key=lambda item: item[0])


def _glob_root(pattern: str) -> Path:
    parts = []
    for part in Path(pattern).parts:
        if any(ch in part for ch in "*?["):
            break
        parts.append(part)
    return Path(*parts) if parts else Path(".")


def _discover(source, pattern: str | None):
    """``[(path, source string, relative id, named, skip reason)]`` in load order."""
    path = Path(os.fspath(source))
    text = os.fspath(source)
    if path.is_dir():
        entries = []
        for rel, p, hidden in _walk(path):
            if pattern and not hidden and not p.match(pattern) and not Path(rel).match(pattern):
                continue
            reason = {None: None, "folder": "hidden or symlinked folder; not read",
                      "hidden": "hidden file (name starts with '.'); not read"}.get(hidden, hidden)
            entries.append((p, (path / rel).as_posix().rstrip("/"), rel, False, reason))
        if not entries:
            raise CorpusError(f"the folder is empty{' (or nothing matches ' + repr(pattern) + ')' if pattern else ''}",
                              path=text)
        return entries
    if path.exists() or path.is_symlink():
        return [(path, path.as_posix(), path.name, True, None)]
    if any(ch in text for ch in "*?["):
        root = _glob_root(text)
        matches = sorted(glob.glob(text, recursive=True))
        files = [Path(m) for m in matches if not Path(m).is_dir()]
        if not files:
            raise CorpusError(f"no files match the pattern (relative to {Path.cwd()})", path=text)
        return [(p, p.as_posix(), p.relative_to(root).as_posix() if p.is_relative_to(root) else p.name, False, None)
                for p in files]
    raise CorpusError(f"no such file or folder (relative to {Path.cwd()}); check the path", path=text)


def load_corpus(source, *, strict: bool = False, text_column: str | None = None, date_column: str | None = None,
                id_column: str | None = None, pattern: str | None = None, progress: bool | None = None,
                fix_mojibake: bool = False, zip_limits: dict | None = None) -> pd.DataFrame:
    """Load articles from a file, folder, glob, zip archive or table into a DataFrame.

    See the module docstring for the accepted input. Returns one row per article:

    - ``doc_id`` (str): stable id: the path relative to the folder (``/``
      separators; the file name for a single file), ``archive.zip!member`` inside
      an archive, the id column's value for a table, else ``file.csv#N`` with N the
      line (CSV, JSONL), sheet row (xlsx) or 1-based row (Parquet);
    - ``source`` (str): the file on disk, as the user's path plus the relative part;
    - ``date``: pandas Period at the precision given (``'M'`` for 2018-06, ``'D'``
      for 2018-06-14), or NaT; the column has a ``period`` dtype when all dates
      share a precision, else object;
    - ``byline`` (str or None): raw, e.g. ``'/ritzau/Reuters'``;
    - ``agencies`` (list of str): ``['ritzau', 'Reuters']``;
    - ``title`` (str or None): from a title column of a table;
    - ``text`` (str): the body without header and byline; NFC, ``\\n`` line ends;
    - ``encoding`` (str): codec used (``utf-8``, ``utf-8-sig``, ``utf-16``,
      ``cp1252``, ``latin-1``; ``utf-8`` for .xlsx and Parquet, whose formats
      define it), with ``+ftfy`` when mojibake was repaired;
    - ``n_chars`` (int): characters in ``text``.

    ``corpus.attrs["load_report"]`` is a DataFrame with one row per input that did
    not load cleanly, in load order: ``path`` (file on disk), ``member`` (archive
    member or None), ``line`` (line or row, 1-based, or <NA>), ``doc_id`` (the
    article concerned, or None), ``action`` (``'skipped'`` or
    ``'loaded_with_warning'``) and ``reason``. Note: pandas cannot ``pd.concat``
    two frames whose attrs hold different DataFrames; clear ``attrs`` first.

    ``strict=True`` raises CorpusError (naming file and line) for any input that
    would be skipped as bad; files that are simply not corpus files (``.md``) and
    warnings are reported, never raised. A source that does not exist, an empty
    folder and a zip archive beyond ``zip_limits`` (see
    ``corpus_tools._archive.ZIP_LIMITS``) raise CorpusError in any mode.
    ``pattern`` keeps only files under a folder whose path matches it
    (``"*.txt"``); the others are not reported. ``progress``: True/False forces a
    tqdm bar on or off; None shows one only for ``PROGRESS_MIN_FILES`` (200)
    or more files in an interactive session (a terminal or a Jupyter kernel), and
    never under pytest.

    From the repository root:

    >>> corpus = load_corpus("seeds")
    >>> corpus.loc[0, ["doc_id", "date", "agencies"]].tolist()
    ['000_26ea6c9c62baba8a.txt', Period('2018-06', 'M'), ['ritzau', 'Reuters']]
    """
    loader = _Loader(strict, fix_mojibake, check_limits(zip_limits), text_column, date_column, id_column)
    entries = _discover(source, pattern)
    if want_progress(progress, len(entries), PROGRESS_MIN_FILES):
        entries = progress_bar(len(entries), "loading", "file", entries)
    for path, shown, rel, named, reason in entries:
        if reason:
            loader.note(shown, None, None, "skipped", reason, bad=reason.startswith("unreadable"))
        else:
            loader.read_file(path, shown, rel, named)
    return loader.frame()

