"""Accuracy against gold data: ``python -m corpus_tools.evaluate {text,figures,names,quotes}``.

Each sub-command lives in its own module here (``text.py``, ``figures.py``,
``names.py``, ``quotes.py``) with a ``main(argv)`` that prints its figures. The gold data are in
the repository's ``tests/data/`` folder (with their licenses), see README.
"""

from __future__ import annotations

from pathlib import Path

COMMANDS = ("text", "figures", "names", "quotes")


def data_dir() -> Path:
    """The repository's ``tests/data`` folder (gold data ship with the repo, not the wheel)."""
    return Path(__file__).resolve().parents[2] / "tests" / "data"


def read_jsonl(path) -> list[dict]:
    """The records of a JSON Lines file (blank lines skipped); a bad line raises
    :class:`corpus_tools.CorpusError` naming the file and the line."""
    import json

    from ..errors import CorpusError

    rows = []
    with open(path, encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            if line.strip():
                try:
                    rows.append(json.loads(line))
                except json.JSONDecodeError as exc:
                    raise CorpusError(f"not valid JSON: {exc.msg}", path=str(path), line=lineno) from None
    return rows
