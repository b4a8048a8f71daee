"""Accuracy against gold data: ``python -m corpus_tools.evaluate {text,figures,names,quotes,actors}``.

Each sub-command lives in its own module here (``text.py``, ``figures.py``,
``names.py``, ``quotes.py``, ``actors.py``) with a ``main(argv)`` that prints its figures. The gold data are in
the repository's ``tests/data/`` folder (with their licenses), see README.
"""

from __future__ import annotations

from pathlib import Path

COMMANDS = ("text", "figures", "names", "quotes", "actors")


def data_dir() -> Path:
    """The repository's ``tests/data`` folder (gold data ship with the repo, not the wheel)."""
    return Path(__file__).resolve().parents[2] / "tests" / "data"


def read_jsonl(path, *, line_numbers: bool = False) -> list:
    """The records of a JSON Lines file (blank lines skipped), or ``(line number,
    record)`` pairs with ``line_numbers``; a file that can't be read or a bad line
    raises :class:`corpus_tools.CorpusError` naming the file (and the line)."""
    import json

    from ..errors import CorpusError

    rows = []
    try:
        with open(path, encoding="utf-8") as fh:
            for lineno, line in enumerate(fh, 1):
                if line.strip():
                    try:
                        record = json.loads(line)
                    except json.JSONDecodeError as exc:
                        raise CorpusError(f"not valid JSON: {exc.msg}", path=str(path), line=lineno) from None
                    rows.append((lineno, record) if line_numbers else record)
    except OSError as exc:
        raise CorpusError(f"cannot read labelled file: {exc.strerror or exc}", path=str(path)) from exc
    return rows


def set_parser(what: str, doc: str, default: str):
    """The options of every labelled-set command: ``--data`` (a JSONL file; default
    ``tests/data/<default>``) and ``--errors``; the caller may add more."""
    import argparse

    ap = argparse.ArgumentParser(prog=f"python -m corpus_tools.evaluate {what}", description=doc.split("\n")[0])
    ap.add_argument("--data", type=Path, default=None, help=f"a labelled JSONL file (default: tests/data/{default})")
    ap.add_argument("--errors", action="store_true", help="list every mismatch")
    return ap


def print_errors(errors: list[str]) -> None:
    """The ``--errors`` listing: every mismatch on its own line."""
    print("\nmismatches:")
    for e in errors:
        print("  " + e)
