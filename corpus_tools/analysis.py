"""The whole analysis in one pass: statistics, key figures and actor mentions.

:func:`analyze` reads the corpus once, in batches of articles, and gives every batch
to the statistics pass, to :func:`corpus_tools.extract_figures` and to
:func:`corpus_tools.actor_mentions` in the same process, so a large corpus (a
generator of texts, a streamed folder) is read and split only once, and with
``n_jobs`` the whole analysis runs in several processes. Each table is the one the
function on its own gives (tested).

>>> a = analyze(["FN oplyser, at 160.000 mennesker er fordrevet fra deres hjem i Syrien."])
>>> a.figures[["surface", "value", "category", "attribution"]].values.tolist()
[['160.000', 160000.0, 'displaced', 'FN']]
>>> a.mentions.actor_id.tolist()
['igo:UN', 'country:SY']
"""

from __future__ import annotations

from typing import NamedTuple

import pandas as pd

__all__ = ["Analysis", "analyze"]


class Analysis(NamedTuple):
    """The tables of :func:`analyze`."""

    frequencies: pd.DataFrame  #: as :func:`corpus_tools.stats.corpus_pass` (term, count, rate_per_1000, n_docs)
    readability: pd.DataFrame  #: LIX per article (doc_id, lix, band, words, sentences)
    figures: pd.DataFrame  #: as :func:`corpus_tools.extract_figures`
    mentions: pd.DataFrame  #: as :func:`corpus_tools.actor_mentions`


def analyze(corpus, *, stopwords=True, lexicon=None, gazetteer=None, n_jobs: int = 1,
            batch_size: int = 256, progress=None) -> Analysis:
    """Word frequencies, LIX per article, key figures and actor mentions in ONE pass.

    ``corpus``: a corpus DataFrame, a string, or strings (a generator is read once).
    ``stopwords`` as in :func:`corpus_tools.word_frequencies`; ``lexicon`` as in
    :func:`corpus_tools.extract_figures` (a path); ``gazetteer`` as in
    :func:`corpus_tools.actor_mentions`. ``n_jobs``: processes (this one and
    ``n_jobs - 1`` workers; -1: one per core), with the same tables. ``progress``: a
    progress bar (None: from 5,000 articles in a terminal or Jupyter).
    """
    from .actors import _resolve
    from .figures import _frame, load_figure_lexicon
    from .stats import _corpus_pass, _stop_set

    load_figure_lexicon(lexicon)  # a broken lexicon or gazetteer fails before any work
    _resolve(gazetteer)
    figure_rows: list[tuple] = []
    mention_parts: list[pd.DataFrame] = []

    def take(part) -> None:
        rows, mentions = part
        figure_rows.extend(rows)
        if len(mentions):
            mention_parts.append(mentions)

    path = None if lexicon is None else str(lexicon)
    freq, table = _corpus_pass(corpus, _stop_set(stopwords), n_jobs=n_jobs, batch_size=batch_size,
                               progress=progress, desc="analysis", more=(_batch, (path, gazetteer)), take=take)
    mentions = _mentions_table(mention_parts, gazetteer)
    return Analysis(freq, table, _frame(figure_rows), mentions)


def _batch(batch, lexicon_path, gazetteer):
    """Figures and mentions of a batch of (doc_id, text), in the process that counts it."""
    from .actors import actor_mentions
    from .figures import _figures_batch

    rows = _figures_batch((batch, lexicon_path))
    docs = pd.DataFrame({"doc_id": [d for d, _ in batch], "text": [t for _, t in batch]})
    return rows, actor_mentions(docs, gazetteer=gazetteer)


def _mentions_table(parts: list[pd.DataFrame], gazetteer) -> pd.DataFrame:
    from .actors import actor_mentions

    if not parts:
        return actor_mentions([], gazetteer=gazetteer)  # the columns, no rows
    return pd.concat(parts, ignore_index=True)
