"""One way in for every analysis: a corpus DataFrame, one string, or strings.

>>> list(iter_docs("Hej."))
[(0, 'Hej.')]
>>> list(iter_docs(["a", "b"]))
[(0, 'a'), (1, 'b')]
"""

from __future__ import annotations

from typing import Iterable, Iterator

import pandas as pd

from .errors import CorpusError

__all__ = ["iter_docs"]


def iter_docs(data, *, text_column: str = "text", id_column: str = "doc_id") -> Iterator[tuple[object, str]]:
    """Yield ``(doc_id, text)`` pairs from a corpus DataFrame, a string, or an iterable of strings.

    A DataFrame needs a ``text`` column; its ``doc_id`` column is used when present,
    else the index. Strings are numbered 0, 1, 2, ... in order. Missing texts (None,
    NaN) are yielded as empty strings so that row counts stay aligned.
    """
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
