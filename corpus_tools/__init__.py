"""corpus_tools: read a corpus of (Danish) news articles as data.

``import corpus_tools as ct`` gives every public function below. Submodules are
imported lazily on first use, so ``import corpus_tools`` stays fast.

>>> import corpus_tools as ct
>>> [t.text for t in ct.tokenize("FN's udsending")]
["FN's", 'udsending']
"""

from __future__ import annotations

import importlib

from .errors import CorpusError

__version__ = "0.1.0"

# public name -> submodule that defines it
_EXPORTS = {
    # load
    "load_corpus": "load",
    "read_article": "load",
    # text
    "tokenize": "text",
    "sentences": "text",
    "lemmatize": "text",
    "words": "text",
    "base_form": "text",
    "stopwords": "text",
    # stats
    "word_frequencies": "stats",
    "ngrams": "stats",
    "collocations": "stats",
    "keyness": "stats",
    "readability": "stats",
    "lix": "stats",
    "lix_band": "stats",
    "concordance": "stats",
    "doc_stats": "stats",
    "corpus_pass": "stats",
    # the whole analysis in one pass
    "analyze": "analysis",
    "Analysis": "analysis",
    # figures
    "extract_figures": "figures",
    "figure_conflicts": "figures",
    "parse_number": "figures",
    # actors, names, quotes
    "actor_mentions": "actors",
    "mention_counts": "actors",
    "cooccurrence": "actors",
    "load_gazetteer": "actors",
    "actor_forms": "actors",
    "find_names": "names",
    "quotes": "quoting",
    # formatting, plots, export, report
    "format_number": "fmt",
    "format_percent": "fmt",
    "to_csv": "export",
    "to_excel": "export",
    "read_csv": "export",
    "datawrapper_csv": "export",
    "build_report": "report",
}

__all__ = sorted(["CorpusError", "__version__", *_EXPORTS])


def __getattr__(name: str):
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'corpus_tools' has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__():
    return __all__
