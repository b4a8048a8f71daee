"""Charts in one house style, drawn from the tidy DataFrames the analyses return.

Every chart function takes a DataFrame, returns a :class:`matplotlib.figure.Figure`
(it never shows it) and has a companion ``*_table`` function that returns exactly
the table the chart draws, so a notebook can display the numbers above the chart
(nbval compares tables, never images) and :func:`corpus_tools.export.datawrapper_csv`
can write the same table for Datawrapper.

The house style: DejaVu Sans at readable sizes (12 pt text, 15 pt titles), the
Okabe-Ito palette (safe for the common kinds of colour blindness), a left-aligned
title that states the finding, labelled axes, numbers in the corpus language's
format through :mod:`corpus_tools.fmt` (``160.000`` in Danish), and a source line
such as ``Kilde: ritzau/Reuters`` built from the corpus's agencies by
:func:`source_line`.

>>> import pandas as pd
>>> freq = pd.DataFrame({"term": ["syrien", "rusland"], "count": [9, 5]})
>>> fig = word_frequency_chart(freq, source="Kilde: ritzau/Reuters")
>>> fig.axes[0].get_title(loc="left")
'»syrien« er det hyppigste ord: 9 gange'
>>> paths = save(fig, "/tmp/corpus_tools_doctest_words")  # doctest: +SKIP
"""

from __future__ import annotations

import math
import textwrap
from collections import Counter
from pathlib import Path

import matplotlib

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.ticker import FuncFormatter, MaxNLocator

from .errors import CorpusError
from .fmt import format_number

__all__ = [
    "OKABE_ITO",
    "STYLE",
    "CATEGORY_LABELS",
    "HEDGE_PREFIX",
    "PEOPLE_CATEGORIES",
    "source_line",
    "hedged",
    "figures_table",
    "figures_chart",
    "word_frequency_table",
    "word_frequency_chart",
    "wordcloud_chart",
    "actor_table",
    "actor_chart",
    "network_table",
    "network_chart",
    "timeline_table",
    "timeline_chart",
    "lix_table",
    "lix_chart",
    "save",
]

# Okabe & Ito (2008), "Color Universal Design": distinguishable with protanopia,
# deuteranopia and tritanopia. Black is left out (reserved for text).
OKABE_ITO = [
    "#0072B2",  # blue
    "#E69F00",  # orange
    "#009E73",  # bluish green
    "#CC79A7",  # reddish purple
    "#56B4E9",  # sky blue
    "#D55E00",  # vermillion
    "#F0E442",  # yellow (low contrast on white: last)
]
_GREY = "#595959"

# rcParams applied while a chart is built (never globally, so a user's own
# matplotlib settings are left alone).
STYLE = {
    "font.family": "DejaVu Sans",
    "font.size": 12,
    "axes.titlesize": 15,
    "axes.titleweight": "bold",
    "axes.titlelocation": "left",
    "axes.labelsize": 12,
    "axes.labelcolor": "#222222",
    "axes.edgecolor": _GREY,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.prop_cycle": matplotlib.cycler(color=OKABE_ITO),
    "xtick.labelsize": 11,
    "ytick.labelsize": 11,
    "legend.fontsize": 11,
    "legend.frameon": False,
    "figure.dpi": 100,
    "savefig.dpi": 150,
    "svg.hashsalt": "corpus-tools",
    "svg.fonttype": "path",
}

# Danish labels for the figure categories of corpus_tools.figures.
CATEGORY_LABELS = {
    "killed": "dræbte",
    "wounded": "sårede",
    "displaced": "fordrevne",
    "refugees": "flygtninge",
    "arrested": "anholdte",
    "missing": "savnede",
    "people": "personer",
    "money": "beløb",
    "percent": "procent",
    "count": "antal",
    "duration": "varighed",
    "age": "alder",
    "date_or_year": "årstal/dato",
    "ordinal": "ordenstal",
    "other": "andet",
}
# Categories that count people: the default selection of figures_chart.
PEOPLE_CATEGORIES = ("killed", "wounded", "displaced", "refugees", "arrested", "missing")

# How a hedge is written before a number in Danish.
HEDGE_PREFIX = {
    "exact": "",
    "approximate": "ca.",
    "at_least": "mindst",
    "more_than": "over",
    "less_than": "under",
    "up_to": "op til",
    "at_most": "højst",
    "range": "",
}

# mention forms of corpus_tools.actors that modify another word (``russiske``,
# ``FN-diplomaten``); every other form (name, alias, genitive, metonym, demonym)
# names the actor itself. The same split as mention_counts(include_adjectives=False).
_ADJECTIVE_FORMS = ("adjective", "compound")

# LIX reading bands live in corpus_tools.stats.LIX_BANDS (Björnsson 1968):
# (upper bound, exclusive; English name; Danish name).


# --------------------------------------------------------------------------- helpers


def source_line(corpus, *, prefix: str = "Kilde: ") -> str:
    """The chart source line built from a corpus's agencies (or bylines).

    Agencies are ordered by the number of articles that name them (most first),
    ties by first appearance, and joined with ``/`` as a byline writes them.
    Returns ``""`` when the corpus names no agency and no byline.

    >>> corpus = pd.DataFrame({"agencies": [["ritzau", "Reuters"]], "byline": ["/ritzau/Reuters"]})
    >>> source_line(corpus)
    'Kilde: ritzau/Reuters'
    """
    if isinstance(corpus, str):
        return corpus
    counts: Counter = Counter()
    first: dict[str, int] = {}
    column = "agencies" if "agencies" in getattr(corpus, "columns", ()) else None
    values = corpus[column] if column else corpus.get("byline", pd.Series(dtype=object))
    for value in values:
        if isinstance(value, str):
            names = [part.strip() for part in value.split("/") if part.strip()]
        elif isinstance(value, (list, tuple, np.ndarray)):
            names = [str(part).strip() for part in value if str(part).strip()]
        else:
            continue
        for name in dict.fromkeys(names):  # once per article
            counts[name] += 1
            first.setdefault(name, len(first))
    if not counts:
        return ""
    ordered = sorted(counts, key=lambda name: (-counts[name], first[name]))
    return prefix + "/".join(ordered)


def hedged(value, hedge: str | None = None, *, low=None, high=None, locale: str = "da") -> str:
    """A number as a reader sees it: ``ca. 500.000``, ``mindst 12``, ``10.000-15.000``.

    >>> hedged(500000, "approximate")
    'ca. 500.000'
    >>> hedged(None, "range", low=10000, high=15000)
    '10.000-15.000'
    """
    if not _missing(low) and not _missing(high) and (hedge == "range" or _missing(value)):
        return f"{format_number(low, locale=locale)}-{format_number(high, locale=locale)}"
    number = format_number(value, locale=locale)
    prefix = HEDGE_PREFIX.get(hedge or "exact", "")
    return f"{prefix} {number}".strip()


def _missing(value) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA


def _source_text(source) -> str:
    if source is None:
        return ""
    if isinstance(source, pd.DataFrame):
        return source_line(source)
    return str(source)


def _capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]


def _leaders(terms: pd.Series, counts: pd.Series, limit: int = 3) -> list[str]:
    """The terms tied for the highest count (table sorted by count), quoted: ``»syrien«``."""
    top = counts.iloc[0]
    tied = [f"»{t}«" for t, c in zip(terms, counts) if c == top]
    return tied[:limit] + (["flere"] if len(tied) > limit else [])


def _join(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " og " + items[-1]


def _number_axis(axis, locale: str) -> None:
    axis.set_major_formatter(FuncFormatter(lambda x, _pos: format_number(x, locale=locale)))


def _finish(fig, ax, *, title: str, source, notes=()) -> None:
    """Title, tight layout with room for footnotes, footnotes and the source line."""
    ax.set_title(title, loc="left", pad=12)
    lines = [part for note in notes if note for part in textwrap.wrap(note, width=int(12 * fig.get_figwidth()))]
    lines += [s for s in [_source_text(source)] if s]
    height = fig.get_figheight()
    footer = (0.26 * len(lines) + 0.1) / height if lines else 0
    fig.tight_layout(rect=(0, footer, 1, 1))
    for i, line in enumerate(reversed(lines)):
        fig.text(0.01, (0.08 + 0.26 * i) / height, line, ha="left", va="bottom", fontsize=10, color=_GREY)


def _require(df: pd.DataFrame, columns, what: str) -> None:
    if not isinstance(df, pd.DataFrame):
        raise CorpusError(f"{what} needs a pandas DataFrame, not {type(df).__name__}")
    missing = [c for c in columns if c not in df.columns]
    if missing:
        raise CorpusError(
            f"{what} needs the column(s) {', '.join(missing)}; the DataFrame has {', '.join(map(str, df.columns))}"
        )


# --------------------------------------------------------------------------- key figures


def figures_table(figures_df: pd.DataFrame, categories=None, *, top: int | None = None,
                  locale: str = "da") -> pd.DataFrame:
    """The rows :func:`figures_chart` draws: one per reported figure, largest first.

    Keeps rows with ``is_figure`` true (when that column exists) and only facts:
    rows whose ``modality`` is ``negated`` or ``hypothetical`` are dropped (as are
    rows with a true boolean ``negated``/``hypothetical`` column). ``categories`` defaults to the
    categories that count people (killed, wounded, displaced, refugees,
    arrested, missing). Columns: ``doc_id``, ``category``, ``label`` (Danish),
    ``value``, ``hedge``, ``shown`` (the number as written on the chart, e.g.
    ``ca. 500.000``), ``attribution``, ``start``, ``end``. ``top`` keeps only
    the largest figures.
    """
    _require(figures_df, ["category", "value"], "figures_table")
    df = figures_df
    if "is_figure" in df.columns:
        df = df[df["is_figure"].fillna(False).astype(bool)]
    for flag in ("negated", "hypothetical"):
        if flag in df.columns:
            df = df[~df[flag].fillna(False).astype(bool)]
    if "modality" in df.columns:
        df = df[df["modality"].fillna("fact") == "fact"]
    wanted = tuple(categories) if categories is not None else PEOPLE_CATEGORIES
    df = df[df["category"].isin(wanted)].copy()
    value = pd.to_numeric(df["value"], errors="coerce")
    if "high" in df.columns:  # a range without a midpoint is drawn to its upper end
        value = value.fillna(pd.to_numeric(df["high"], errors="coerce"))
    df["value"] = value
    df = df[df["value"].notna()]
    for column in ("doc_id", "hedge", "attribution", "start", "end", "low", "high"):
        if column not in df.columns:
            df[column] = None
    for column in ("hedge", "attribution"):  # missing as None, not NaN, whatever the dtype
        df[column] = pd.Series([None if _missing(v) else v for v in df[column]], index=df.index, dtype=object)
    df["label"] = df["category"].map(lambda c: CATEGORY_LABELS.get(c, str(c)))
    df["shown"] = [
        hedged(v, h, low=lo, high=hi, locale=locale)
        for v, h, lo, hi in zip(df["value"], df["hedge"], df["low"], df["high"])
    ]
    df = df.sort_values(["value", "category", "doc_id", "start"], ascending=[False, True, True, True], kind="mergesort")
    columns = ["doc_id", "category", "label", "value", "hedge", "shown", "attribution", "start", "end"]
    return df[columns].head(top).reset_index(drop=True)


def figures_chart(
    figures_df: pd.DataFrame,
    categories=None,
    *,
    top: int = 12,
    source=None,
    title: str | None = None,
    locale: str = "da",
):
    """Key figures as horizontal bars, hedges written on the bars, attribution in a footnote.

    ``figures_df`` is what :func:`corpus_tools.extract_figures` returns; the bars
    are the rows of :func:`figures_table`. A bar for an approximate or bounded
    figure is hatched and its number carries the hedge (``ca. 500.000``,
    ``mindst 12``). The footnote says who reported each figure (``ifølge FN``)
    or that the article names no source. ``source`` is a source line or a corpus
    DataFrame (see :func:`source_line`). At most ``top`` bars, the largest.
    """
    table = figures_table(figures_df, categories, top=top, locale=locale)
    if table.empty:
        raise CorpusError("no figures of the requested categories to chart; check figures_table(...) first")
    several_docs = table["doc_id"].nunique() > 1
    labels = [
        _capitalise(f"{lab} ({doc})" if several_docs else lab) for lab, doc in zip(table["label"], table["doc_id"])
    ]
    with plt.rc_context(STYLE):
        fig, ax = plt.subplots(figsize=(9, 2.2 + 0.75 * len(table)))
        y = np.arange(len(table))[::-1]
        colours = [OKABE_ITO[i % len(OKABE_ITO)] for i in range(len(table))]
        hatches = ["" if h in (None, "exact") or _missing(h) else "//" for h in table["hedge"]]
        bars = ax.barh(y, table["value"], color=colours, edgecolor="white", height=0.6)
        for bar, hatch in zip(bars, hatches):
            bar.set_hatch(hatch)
        ax.set_yticks(y, labels)
        top = float(table["value"].max())
        for yi, value, shown in zip(y, table["value"], table["shown"]):
            ax.text(value + top * 0.01, yi, shown, va="center", ha="left", fontsize=12, fontweight="bold")
        ax.set_xlim(0, top * 1.25)
        _number_axis(ax.xaxis, locale)
        people = table["category"].isin(PEOPLE_CATEGORIES + ("people",)).all()
        ax.set_xlabel("Antal personer ifølge artiklerne" if people else "Værdi ifølge artiklerne")
        attributions = "; ".join(
            f"{lab}: ifølge {who}" if isinstance(who, str) and who else f"{lab}: ingen kilde nævnt i artiklen"
            for lab, who in zip(labels, table["attribution"])
        )
        hedge_note = "Skraverede søjler: tallet er angivet med forbehold (ca., mindst, op til ...)." if any(hatches) else ""
        if title is None:
            parts = [f"{shown} {lab}" for shown, lab in zip(table["shown"], table["label"])]
            if several_docs or len(parts) > 3:
                title = f"Største tal: {parts[0]}"
            else:
                title = _capitalise(" og ".join([", ".join(parts[:-1]), parts[-1]]) if len(parts) > 1 else parts[0])
        _finish(fig, ax, title=title, source=source, notes=[attributions, hedge_note])
    return fig


# --------------------------------------------------------------------------- words


def word_frequency_table(freq_df: pd.DataFrame, top: int = 20) -> pd.DataFrame:
    """The ``top`` terms of a :func:`corpus_tools.word_frequencies` table, most frequent first.

    Counts of the same term in several groups (``by=...``) are summed. Ties are
    sorted alphabetically. Columns: ``term``, ``count``.
    """
    _require(freq_df, ["term", "count"], "word_frequency_table")
    table = freq_df.groupby("term", as_index=False, sort=False)["count"].sum()
    table = table.sort_values(["count", "term"], ascending=[False, True], kind="mergesort").head(top)
    return table.reset_index(drop=True)


def word_frequency_chart(
    freq_df: pd.DataFrame, top: int = 20, *, source=None, title: str | None = None, locale: str = "da"
):
    """The most frequent terms as horizontal bars, the most frequent on top.

    ``freq_df`` has the columns ``term`` and ``count`` (what
    :func:`corpus_tools.word_frequencies` returns); the bars are the rows of
    :func:`word_frequency_table`.
    """
    table = word_frequency_table(freq_df, top)
    if table.empty:
        raise CorpusError("no words to chart: the frequency table is empty")
    with plt.rc_context(STYLE):
        fig, ax = plt.subplots(figsize=(9, 1.8 + 0.32 * len(table)))
        y = np.arange(len(table))[::-1]
        ax.barh(y, table["count"], color=OKABE_ITO[0], height=0.7)
        ax.set_yticks(y, table["term"])
        ax.xaxis.set_major_locator(MaxNLocator(integer=True))
        _number_axis(ax.xaxis, locale)
        ax.set_xlabel("Antal forekomster")
        ax.set_ylabel("Ord (uden stopord)")
        first = table.iloc[0]
        if title is None:
            times = "gang" if first["count"] == 1 else "gange"
            leaders = _leaders(table["term"], table["count"])
            if len(leaders) == 1:
                title = f"{leaders[0]} er det hyppigste ord: {format_number(first['count'], locale=locale)} {times}"
            else:
                title = f"{_join(leaders)} er de hyppigste ord: {format_number(first['count'], locale=locale)} {times} hver"
        _finish(fig, ax, title=title, source=source)
    return fig


def wordcloud_chart(
    freq_df: pd.DataFrame,
    random_state: int = 42,
    *,
    max_words: int = 100,
    source=None,
    title: str | None = None,
    width: int = 1000,
    height: int = 500,
):
    """A word cloud drawn from our own counts (``term``, ``count``), seeded.

    Uses ``WordCloud.generate_from_frequencies`` so that wordcloud's English stop
    words and plural merging never touch the Danish counts: remove stop words
    when you count (``word_frequencies(..., stopwords=True)``). The same table
    and ``random_state`` give the same picture. Colours come from the Okabe-Ito
    palette by frequency rank.
    """
    from wordcloud import WordCloud

    table = word_frequency_table(freq_df, max_words)
    if table.empty:
        raise CorpusError("no words for a word cloud: the frequency table is empty")
    frequencies = dict(zip(table["term"], table["count"].astype(float)))
    rank = {term: i for i, term in enumerate(table["term"])}
    dark = OKABE_ITO[:6]

    def colour(word, **_kwargs):
        return dark[rank.get(word, 0) % len(dark)]

    cloud = WordCloud(
        width=width,
        height=height,
        background_color="white",
        random_state=random_state,
        max_words=max_words,
        color_func=colour,
        prefer_horizontal=0.95,
        relative_scaling=0.5,
        normalize_plurals=False,
        collocations=False,
    ).generate_from_frequencies(frequencies)
    with plt.rc_context(STYLE):
        fig, ax = plt.subplots(figsize=(10, 5.6))
        ax.imshow(cloud.to_array(), interpolation="bilinear")
        ax.set_axis_off()
        if title is None:
            leaders = _leaders(table["term"], table["count"])
            title = f"{_join(leaders)} fylder mest blandt de {len(table)} hyppigste ord"
        _finish(fig, ax, title=title, source=source, notes=["Ordenes størrelse følger antal forekomster; stopord er fjernet."])
    return fig


# --------------------------------------------------------------------------- actors


def actor_table(counts_df: pd.DataFrame, top: int = 15) -> pd.DataFrame:
    """Mentions per actor, split into names and adjectives/demonyms, most mentioned first.

    Accepts either mentions (one row per mention with ``actor`` and ``form``, as
    :func:`corpus_tools.actor_mentions` returns) or counts (``actor``, a
    ``count`` column, and optionally ``form``; as :func:`corpus_tools.mention_counts`
    returns). Forms ``adjective`` and ``compound`` count as adjectives
    (``russiske``, ``FN-diplomaten``); every other form (name, genitive, alias,
    metonym, demonym such as ``russerne``) as a name, as
    ``mention_counts(include_adjectives=False)`` does. Columns: ``actor``, ``names``, ``adjectives``, ``total``;
    ties sorted by actor.
    """
    actor_col = "actor" if isinstance(counts_df, pd.DataFrame) and "actor" in counts_df.columns else "actor_id"
    _require(counts_df, [actor_col], "actor_table")
    df = counts_df
    count_col = next((c for c in ("count", "mentions", "n") if c in df.columns), None)
    weights = df[count_col] if count_col else pd.Series(1, index=df.index)
    if "form" in df.columns:
        kind = np.where(df["form"].isin(_ADJECTIVE_FORMS), "adjectives", "names")
        frame = pd.DataFrame({"actor": df[actor_col].values, "kind": kind, "n": weights.values})
        table = frame.pivot_table(index="actor", columns="kind", values="n", aggfunc="sum", fill_value=0)
    else:
        table = pd.DataFrame({"names": weights.groupby(df[actor_col]).sum()})
    for column in ("names", "adjectives"):
        if column not in table.columns:
            table[column] = 0
    table = table[["names", "adjectives"]].astype(int)
    table["total"] = table["names"] + table["adjectives"]
    table = table.rename_axis("actor").reset_index()
    table.columns.name = None
    table = table.sort_values(["total", "actor"], ascending=[False, True], kind="mergesort").head(top)
    return table.reset_index(drop=True)


def actor_chart(counts_df: pd.DataFrame, top: int = 15, *, source=None, title: str | None = None, locale: str = "da"):
    """Actor mentions as stacked bars: names (blue) and adjectives/compounds (orange, hatched).

    See :func:`actor_table` for what it accepts. The title names the most
    mentioned actor and how many of its mentions are adjectives.
    """
    table = actor_table(counts_df, top)
    if table.empty:
        raise CorpusError("no actor mentions to chart")
    with plt.rc_context(STYLE):
        fig, ax = plt.subplots(figsize=(10, 2.0 + 0.4 * len(table)))
        y = np.arange(len(table))[::-1]
        ax.barh(y, table["names"], color=OKABE_ITO[0], height=0.7, label="Navn (Rusland, Moskva, russerne)")
        ax.barh(
            y,
            table["adjectives"],
            left=table["names"],
            color=OKABE_ITO[1],
            height=0.7,
            hatch="//",
            edgecolor="white",
            label="Adjektiv/sammensætning (russiske, FN-diplomaten)",
        )
        ax.set_yticks(y, [textwrap.fill(str(a), 26) for a in table["actor"]])
        for yi, total in zip(y, table["total"]):
            ax.text(total + 0.15, yi, format_number(total, locale=locale), va="center", fontsize=11)
        ax.xaxis.set_major_locator(MaxNLocator(integer=True))
        _number_axis(ax.xaxis, locale)
        ax.set_xlabel("Antal omtaler")
        ax.set_xlim(0, float(table["total"].max()) * 1.7)
        ax.legend(loc="lower right")
        first = table.iloc[0]
        if title is None:
            title = f"{first['actor']} nævnes oftest: {format_number(first['total'], locale=locale)} gange"
            if first["adjectives"]:
                title += f", heraf {format_number(first['adjectives'], locale=locale)} som adjektiv el. lign."
        _finish(fig, ax, title=title, source=source)
    return fig


def _edge_columns(edges_df: pd.DataFrame) -> tuple[str, str, str | None]:
    for a, b in (("source_actor", "target_actor"), ("actor_a", "actor_b"), ("source", "target"), ("a", "b"), ("actor1", "actor2"), ("u", "v")):
        if a in edges_df.columns and b in edges_df.columns:
            break
    else:
        objects = [c for c in edges_df.columns if edges_df[c].dtype == object]
        if len(objects) < 2:
            raise CorpusError(
                "network needs two columns naming the actors of each edge (e.g. actor_a, actor_b) "
                f"and a weight; the DataFrame has {', '.join(map(str, edges_df.columns))}"
            )
        a, b = objects[:2]
    weight = next((c for c in ("weight", "count", "n") if c in edges_df.columns), None)
    return a, b, weight


def network_table(edges_df: pd.DataFrame, top: int = 40) -> pd.DataFrame:
    """The ``top`` heaviest edges of a co-occurrence edge list, heaviest first.

    Accepts what :func:`corpus_tools.cooccurrence` returns: two actor columns
    (the display names ``source_actor``/``target_actor``, else ``actor_a``/``actor_b``,
    ``source``/``target`` or the first two text columns) and a ``weight`` (or ``count``) column; a missing weight counts 1.
    Each pair is put in alphabetical order and merged. Columns: ``actor_a``,
    ``actor_b``, ``weight``; ties sorted by the names.
    """
    if not isinstance(edges_df, pd.DataFrame):
        raise CorpusError(f"network_table needs a pandas DataFrame, not {type(edges_df).__name__}")
    a, b, weight = _edge_columns(edges_df)
    left = edges_df[a].astype(str)
    right = edges_df[b].astype(str)
    frame = pd.DataFrame(
        {
            "actor_a": np.where(left <= right, left, right),
            "actor_b": np.where(left <= right, right, left),
            "weight": edges_df[weight].values if weight else 1,
        }
    )
    frame = frame[frame["actor_a"] != frame["actor_b"]]
    table = frame.groupby(["actor_a", "actor_b"], as_index=False)["weight"].sum()
    table = table.sort_values(["weight", "actor_a", "actor_b"], ascending=[False, True, True], kind="mergesort")
    return table.head(top).reset_index(drop=True)


def network_chart(edges_df: pd.DataFrame, top: int = 40, *, seed: int = 7, source=None, title: str | None = None):
    """Co-occurrence as a network: actors are nodes, edge width is the weight.

    Node size follows the weighted degree (how often an actor appears with
    others); the actor with the most partners is orange. The layout is
    networkx's Kamada-Kawai layout started from a spring layout with a fixed
    ``seed``, over nodes inserted in sorted order, so the same table gives the
    same drawing.
    """
    import networkx as nx

    table = network_table(edges_df, top)
    if table.empty:
        raise CorpusError("no co-occurring actors to draw")
    graph = nx.Graph()
    graph.add_nodes_from(sorted(set(table["actor_a"]) | set(table["actor_b"])))
    for a, b, w in table.itertuples(index=False):
        graph.add_edge(a, b, weight=float(w))
    degree = dict(graph.degree(weight="weight"))
    hub = sorted(degree, key=lambda n: (-degree[n], n))[0]
    start = nx.spring_layout(graph, seed=seed, weight="weight")
    # Kamada-Kawai from a seeded start spreads the nodes evenly and is deterministic
    layout = nx.kamada_kawai_layout(graph, pos=start, weight=None) if graph.number_of_nodes() > 2 else start
    wmax = float(table["weight"].max())
    dmax = max(degree.values())
    with plt.rc_context(STYLE):
        fig, ax = plt.subplots(figsize=(10, 7.5))
        nx.draw_networkx_edges(
            graph,
            layout,
            ax=ax,
            width=[0.8 + 5 * graph[a][b]["weight"] / wmax for a, b in graph.edges()],
            edge_color=OKABE_ITO[4],
            alpha=0.8,
        )
        nx.draw_networkx_nodes(
            graph,
            layout,
            ax=ax,
            node_size=[150 + 1200 * degree[n] / dmax for n in graph.nodes()],
            node_color=[OKABE_ITO[5] if n == hub else OKABE_ITO[0] for n in graph.nodes()],
            edgecolors="white",
        )
        for node, (x, y) in layout.items():
            ax.annotate(textwrap.fill(node, 24), (x, y), xytext=(0, 14), textcoords="offset points", ha="center", fontsize=11,
                        bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none", "alpha": 0.8})
        ax.set_axis_off()
        ax.margins(0.12)
        if title is None:
            partners = graph.degree(hub)
            title = f"{hub} optræder sammen med flest andre aktører ({partners})"
        _finish(fig, ax, title=title, source=source,
                notes=["Linjens tykkelse: hvor tit to aktører nævnes i samme sætning eller artikel."])
    return fig


# --------------------------------------------------------------------------- time


def _months(values: pd.Series) -> pd.Series:
    """Any date-like column as monthly periods (missing dates stay missing)."""
    if isinstance(values.dtype, pd.PeriodDtype):
        return values.dt.asfreq("M")
    converted = []
    for v in values:
        if isinstance(v, pd.Period):
            converted.append(v.asfreq("M"))
        elif _missing(v) or v is pd.NaT:
            converted.append(pd.NaT)
        else:
            converted.append(pd.Period(pd.Timestamp(v), freq="M"))
    return pd.Series(pd.PeriodIndex(converted, freq="M"), index=values.index)


def timeline_table(df: pd.DataFrame, *, corpus=None, date: str = "date", by: str | None = None,
                   value: str | None = None) -> pd.DataFrame:
    """Rows (or the sum of ``value``) per calendar month, every month between first and last.

    ``df`` is any tidy table: mentions, figures, or the corpus itself. When it has
    no ``date`` column but ``corpus`` is given, dates are joined from the corpus
    by ``doc_id``. Rows without a date are left out (count them with
    ``df[date].isna().sum()``). Columns: ``month`` (``YYYY-MM``), ``by`` when
    given, and ``count`` (rows) or the ``value`` column summed.
    """
    if not isinstance(df, pd.DataFrame):
        raise CorpusError(f"timeline_table needs a pandas DataFrame, not {type(df).__name__}")
    if date not in df.columns:
        if corpus is None or "doc_id" not in df.columns:
            raise CorpusError(f"the table has no {date!r} column; pass corpus=... to join dates by doc_id")
        df = df.merge(corpus[["doc_id", date]], on="doc_id", how="left")
    months = _months(df[date])
    frame = pd.DataFrame({"month": months})
    name = value or "count"
    frame[name] = pd.to_numeric(df[value], errors="coerce").values if value else 1
    keys = ["month"]
    if by is not None:
        frame[by] = df[by].values
        keys.append(by)
    frame = frame[frame["month"].notna()]
    if frame.empty:
        return pd.DataFrame(columns=keys + [name])
    table = frame.groupby(keys, as_index=False)[name].sum()
    full = pd.period_range(table["month"].min(), table["month"].max(), freq="M")
    if by is None:
        index = pd.Index(full, name="month")
    else:
        index = pd.MultiIndex.from_product([full, sorted(table[by].astype(str).unique())], names=keys)
        table[by] = table[by].astype(str)
    table = table.set_index(keys).reindex(index, fill_value=0).reset_index()
    table["month"] = table["month"].astype(str)
    return table.sort_values(keys, kind="mergesort").reset_index(drop=True)


def _month_label(month: str, locale: str) -> str:
    from babel.dates import format_date

    period = pd.Period(month, freq="M")
    return format_date(period.start_time.date(), "MMMM y", locale=locale)


def timeline_chart(df: pd.DataFrame, *, corpus=None, date: str = "date", by: str | None = None,
                   value: str | None = None, what: str = "omtaler", top: int = 6, source=None,
                   title: str | None = None, locale: str = "da"):
    """Counts per month as lines (bars when there is only one month), one line per ``by`` group.

    ``what`` names the counted thing in the title and axis label (``omtaler``,
    ``artikler``, ``tal``). With ``by``, the ``top`` groups with the largest
    totals are drawn. See :func:`timeline_table` for the table.
    """
    table = timeline_table(df, corpus=corpus, date=date, by=by, value=value)
    if table.empty:
        raise CorpusError("nothing to draw over time: no row has a date")
    name = value or "count"
    with plt.rc_context(STYLE):
        fig, ax = plt.subplots(figsize=(9, 4.8))
        months = list(dict.fromkeys(table["month"]))
        x = np.arange(len(months))
        if by is None:
            series = {what: table.set_index("month")[name]}
        else:
            totals = table.groupby(by)[name].sum()
            groups = sorted(totals.index, key=lambda g: (-totals[g], g))[:top]
            series = {g: table[table[by] == g].set_index("month")[name] for g in groups}
        width = (0.8 if len(months) > 1 else 0.5) / len(series)
        for i, (label, values) in enumerate(series.items()):
            ys = values.reindex(months).fillna(0).to_numpy()
            if len(months) == 1:
                ax.bar(x + i * width - width * len(series) / 2 + width / 2, ys, width=width, label=label,
                       color=OKABE_ITO[i % 7])
            else:
                ax.plot(x, ys, marker="o", label=label, color=OKABE_ITO[i % 7], linewidth=2)
        ax.set_xticks(x, [_month_label(m, locale) for m in months], rotation=0 if len(months) < 7 else 45,
                      ha="center" if len(months) < 7 else "right")
        ax.yaxis.set_major_locator(MaxNLocator(integer=True))
        _number_axis(ax.yaxis, locale)
        ax.set_ylim(0, max(1.0, float(table[name].max())) * 1.3)
        if len(months) == 1:
            ax.set_xlim(-0.6, 0.6)
        ax.set_xlabel("Måned")
        ax.set_ylabel(f"Antal {what}")
        if by is not None:
            ax.legend(loc="upper right", ncol=min(3, len(series)))
        if title is None:
            per_month = table.groupby("month", sort=True)[name].sum()
            peak = sorted(per_month.index, key=lambda m: (-per_month[m], m))[0]
            if len(per_month) == 1:
                title = f"Alle {what} er fra {_month_label(peak, locale)}: {format_number(per_month[peak], locale=locale)}"
            else:
                title = f"Flest {what} i {_month_label(peak, locale)}: {format_number(per_month[peak], locale=locale)}"
        _finish(fig, ax, title=title, source=source)
    return fig


# --------------------------------------------------------------------------- readability


def lix_table(readability_df: pd.DataFrame, top: int = 30, *, lang: str = "da") -> pd.DataFrame:
    """LIX per article, hardest first: ``doc_id``, ``lix`` (rounded to 1 decimal), ``band``.

    ``readability_df`` is what :func:`corpus_tools.readability` returns (``doc_id``
    and ``lix``). ``band`` is the reading band of the unrounded LIX in ``lang``
    (``"da"``: meget let, let, middel, svær, meget svær; ``"en"``: very easy ...
    very hard), from :func:`corpus_tools.stats.lix_band`. LIX is words per
    sentence plus the percentage of words longer than six letters: higher is
    harder, 55 and above is very hard.
    """
    from .stats import lix_band

    _require(readability_df, ["lix"], "lix_table")
    df = readability_df
    ids = df["doc_id"] if "doc_id" in df.columns else pd.Series(df.index, index=df.index)
    values = pd.to_numeric(df["lix"], errors="coerce")
    table = pd.DataFrame({
        "doc_id": ids.values,
        "lix": values.round(1).values,
        "band": [lix_band(float(v), lang=lang) for v in values],
    })
    table = table[table["lix"].notna()]
    table = table.sort_values(["lix", "doc_id"], ascending=[False, True], kind="mergesort").head(top)
    return table.reset_index(drop=True)


def lix_chart(readability_df: pd.DataFrame, top: int = 30, *, source=None, title: str | None = None,
              locale: str = "da"):
    """LIX per article as bars over the shaded Danish reading bands (Björnsson's LIX).

    The bars are the rows of :func:`lix_table`. Higher is harder; the bands are
    meget let (< 25), let (25-34), middel (35-44), svær (45-54), meget svær (55+).
    """
    from .stats import LIX_BANDS, lix_band

    lang = "da" if locale.split("_")[0] == "da" else "en"
    table = lix_table(readability_df, top, lang=lang)
    if table.empty:
        raise CorpusError("no LIX values to chart")
    with plt.rc_context(STYLE):
        fig, ax = plt.subplots(figsize=(9, 2.2 + 0.4 * len(table)))
        xmax = max(70.0, float(table["lix"].max()) + 8)
        lower = 0.0
        shades = ["#F2F2F2", "#E6E6E6"]
        for i, (upper, label_en, label_da) in enumerate(LIX_BANDS):
            label = label_da if lang == "da" else label_en
            right = min(upper, xmax)
            ax.axvspan(lower, right, color=shades[i % 2], zorder=0)
            ax.text((lower + right) / 2, 1.01, label, transform=ax.get_xaxis_transform(), ha="center", va="bottom",
                    fontsize=10, color=_GREY)
            lower = right
        y = np.arange(len(table))[::-1]
        ax.barh(y, table["lix"], color=OKABE_ITO[2], height=0.6, zorder=2)
        for yi, v in zip(y, table["lix"]):
            ax.text(v + 0.6, yi, format_number(v, locale=locale, decimals=1), va="center", fontsize=11, zorder=3)
        ax.set_yticks(y, [str(d) for d in table["doc_id"]])
        ax.set_xlim(0, xmax)
        ax.set_xlabel("LIX (højere er sværere)")
        ax.set_ylabel("Artikel")
        if title is None:
            if len(table) == 1:
                row = table.iloc[0]
                title = f"Artiklen har LIX {format_number(row['lix'], locale=locale, decimals=1)}: {row['band']}"
            else:
                median = float(table["lix"].median())
                title = f"Median-LIX {format_number(median, locale=locale, decimals=1)}: {lix_band(median, lang=lang)}"
        _finish(fig, ax, title=title, source=source, notes=["LIX-grænser: Björnsson (1968): 25, 35, 45, 55."])
        ax.set_title(title, loc="left", pad=26)
    return fig


# --------------------------------------------------------------------------- saving


def save(fig, path_without_suffix, *, formats=("png", "svg"), dpi: int = 150) -> list[Path]:
    """Write ``fig`` as PNG and SVG next to each other; returns the paths written.

    ``save(fig, "out/figures")`` writes ``out/figures.png`` and
    ``out/figures.svg`` (folders are created). The SVG is byte-for-byte
    reproducible: no creation date (``metadata={'Date': None}``) and element ids
    from a fixed ``svg.hashsalt``.
    """
    base = Path(path_without_suffix)
    base.parent.mkdir(parents=True, exist_ok=True)
    written = []
    with plt.rc_context({"svg.hashsalt": STYLE["svg.hashsalt"], "svg.fonttype": "path"}):
        for fmt in formats:
            path = base.with_name(base.name + "." + fmt)
            metadata = {"Date": None} if fmt in ("svg", "pdf") else {"Software": None}
            fig.savefig(path, format=fmt, dpi=dpi, bbox_inches="tight", metadata=metadata, facecolor="white")
            written.append(path)
    return written
