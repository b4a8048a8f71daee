"""One way in for every analysis: a corpus DataFrame, one string, or strings.

>>> list(iter_docs("Hej."))
[(0, 'Hej.')]
>>> list(iter_docs(["a", "b"]))
[(0, 'a'), (1, 'b')]
"""

from __future__ import annotations

import sys
import warnings
from typing import Iterable, Iterator

import pandas as pd

from .errors import CorpusError

__all__ = ["iter_docs", "PROGRESS_MIN_DOCS"]

#: an analysis shows a progress bar by itself (``progress=None``) from this many articles
PROGRESS_MIN_DOCS = 5_000


def want_progress(progress, n: int | None, minimum: int) -> bool:
    """Show a progress bar? True/False decide; None: only for ``minimum`` or more items
    (``n``; None when unknown, as for a generator) in an interactive session (a
    terminal or a Jupyter kernel), never under pytest."""
    if progress is not None:
        return bool(progress)
    if n is None or n < minimum or "pytest" in sys.modules:
        return False
    return "ipykernel" in sys.modules or (hasattr(sys.stderr, "isatty") and sys.stderr.isatty())


def progress_bar(total: int | None, desc: str, unit: str, iterable=None):
    """A tqdm bar, over ``iterable`` if given (text in a terminal, a widget in Jupyter
    when ipywidgets is there)."""
    with warnings.catch_warnings():  # without ipywidgets tqdm.auto warns, then uses a text bar
        warnings.simplefilter("ignore")
        from tqdm.auto import tqdm

        return tqdm(iterable, total=total, desc=desc, unit=unit)


def n_docs(data) -> int | None:
    """How many documents ``data`` holds, when that is known without reading it."""
    if isinstance(data, str):
        return 1
    try:
        return len(data)
    except TypeError:
        return None


def iter_docs(data, *, text_column: str = "text", id_column: str = "doc_id", progress=False,
              desc: str = "articles") -> Iterator[tuple[object, str]]:
    """Yield ``(doc_id, text)`` pairs from a corpus DataFrame, a string, or an iterable of strings.

    A DataFrame needs a ``text`` column; its ``doc_id`` column is used when present,
    else the index. Strings are numbered 0, 1, 2, ... in order. Missing texts (None,
    NaN) are yielded as empty strings so that row counts stay aligned.
    ``progress``: see :func:`want_progress` (``PROGRESS_MIN_DOCS`` articles); the bar
    is labelled ``desc``.
    """
    docs = _docs(data, text_column, id_column)
    total = n_docs(data)
    if not want_progress(progress, total, PROGRESS_MIN_DOCS):
        return docs
    return _counted(docs, progress_bar(total, desc, "article"))


def _counted(docs, bar):
    with bar:
        for doc in docs:
            yield doc
            bar.update()


def _docs(data, text_column: str, id_column: str) -> Iterator[tuple[object, str]]:
    if isinstance(data, str):
        yield 0, data
        return
    if isinstance(data, pd.Series):
        data = data.to_frame(name=text_column)
    if isinstance(data, pd.DataFrame):
        if text_column not in data.columns:
            raise CorpusError(
                f"the DataFrame has no {text_column!r} column (columns: {', '.join(map(str, data.columns))}); "
                "pass a corpus from load_corpus() or name the text column"
            )
        ids = data[id_column] if id_column in data.columns else data.index
        for doc_id, text in zip(ids, data[text_column]):
            yield doc_id, text if isinstance(text, str) else ""
        return
    if isinstance(data, Iterable):
        for i, text in enumerate(data):
            if not isinstance(text, str):
                raise CorpusError(f"item {i} is a {type(text).__name__}, not a string")
            yield i, text
        return
    raise CorpusError(f"expected a corpus DataFrame, a string or strings, not {type(data).__name__}")
