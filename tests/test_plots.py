"""Charts: the tables they draw, the house style, determinism, and one-call saving."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

from corpus_tools import plots  # noqa: E402
from corpus_tools.errors import CorpusError  # noqa: E402

SOURCE = "Kilde: ritzau/Reuters"

# The seed's two headline figures plus a year, a negated and a hypothetical figure.
FIGURES = pd.DataFrame(
    {
        "doc_id": ["seed"] * 5,
        "category": ["displaced", "killed", "date_or_year", "killed", "killed"],
        "value": [160000, 500000, 2011, 0, 1000],
        "hedge": ["exact", "approximate", "exact", "exact", "up_to"],
        "attribution": ["FN", None, None, None, None],
        "is_figure": [True, True, False, True, True],
        "modality": ["fact", "fact", "fact", "negated", "hypothetical"],
        "start": [1500, 1900, 1850, 10, 20],
        "end": [1507, 1907, 1854, 11, 25],
    }
)
FREQ = pd.DataFrame({"term": ["syrien", "rusland", "fn", "krav", "oprørere"], "count": [9, 5, 3, 3, 3]})
MENTIONS = pd.DataFrame(
    {
        "doc_id": ["a", "a", "a", "a", "b", "b"],
        "actor": ["Rusland", "Rusland", "Rusland", "Syrien", "Syrien", "FN"],
        "form": ["name", "adjective", "compound", "name", "demonym", "genitive"],
    }
)
EDGES = pd.DataFrame(
    {"actor_a": ["Rusland", "Syrien", "FN", "Syrien"], "actor_b": ["Syrien", "Rusland", "Syrien", "Syrien"], "weight": [3, 1, 2, 5]}
)
CORPUS = pd.DataFrame(
    {
        "doc_id": ["a", "b"],
        "date": pd.PeriodIndex(["2018-06", "2018-08"], freq="M"),
        "agencies": [["ritzau", "Reuters"], ["ritzau", "AFP"]],
        "byline": ["/ritzau/Reuters", "/ritzau/AFP"],
    }
)
READABILITY = pd.DataFrame({"doc_id": ["a", "b", "c"], "lix": [48.26, 24.9, 55.0]})


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


def _texts(fig) -> list[str]:
    """Every text drawn on a figure: titles, labels, tick labels, annotations, footnotes."""
    return [t.get_text() for t in fig.findobj(matplotlib.text.Text) if t.get_text()]


def _pixels(fig) -> np.ndarray:
    fig.canvas.draw()
    return np.asarray(fig.canvas.buffer_rgba()).copy()


SOURCE_LINE_CASES = [
    # one article: agencies in byline order
    (pd.DataFrame({"agencies": [["ritzau", "Reuters"]]}), "Kilde: ritzau/Reuters"),
    # several: most articles first, ties by first appearance
    (CORPUS, "Kilde: ritzau/Reuters/AFP"),
    (pd.DataFrame({"agencies": [["ritzau", "AFP"], ["ritzau", "Reuters"], ["Reuters"]]}), "Kilde: ritzau/Reuters/AFP"),
    # no agency column: parsed from the byline
    (pd.DataFrame({"byline": ["/ritzau/Reuters", None]}), "Kilde: ritzau/Reuters"),
    # an agency named twice in one byline counts once
    (pd.DataFrame({"agencies": [["ritzau", "ritzau"], ["AFP"], ["AFP"]]}), "Kilde: AFP/ritzau"),
    # nothing to name
    (pd.DataFrame({"agencies": [[]]}), ""),
]


@pytest.mark.parametrize("corpus, expected", SOURCE_LINE_CASES)
def test_source_line(corpus, expected):
    assert plots.source_line(corpus) == expected


HEDGED_CASES = [
    # exact numbers carry no word
    ((160000, "exact"), {}, "160.000"),
    # the hedges in Danish
    ((500000, "approximate"), {}, "ca. 500.000"),
    ((12, "at_least"), {}, "mindst 12"),
    ((1000, "up_to"), {}, "op til 1.000"),
    ((1.5, "more_than"), {}, "over 1,5"),
    # a range shows both ends
    ((None, "range"), {"low": 10000, "high": 15000}, "10.000-15.000"),
    # a range without its ends falls back to the midpoint
    ((12500, "range"), {"low": None, "high": float("nan")}, "12.500"),
    # an unknown hedge is shown as a plain number
    ((7, None), {}, "7"),
]


@pytest.mark.parametrize("args, kwargs, expected", HEDGED_CASES)
def test_hedged(args, kwargs, expected):
    assert plots.hedged(*args, **kwargs) == expected


def test_figures_table_keeps_reported_people_figures_only():
    table = plots.figures_table(FIGURES)
    # the year, the negated and the hypothetical figure are left out; largest first
    assert table[["category", "value", "shown", "attribution"]].to_dict("records") == [
        {"category": "killed", "value": 500000, "shown": "ca. 500.000", "attribution": None},
        {"category": "displaced", "value": 160000, "shown": "160.000", "attribution": "FN"},
    ]
    assert table["label"].tolist() == ["dræbte", "fordrevne"]
    assert plots.figures_table(FIGURES, categories=["displaced"])["value"].tolist() == [160000]


def test_figures_chart_states_the_finding_with_hedge_source_and_attribution():
    fig = plots.figures_chart(FIGURES, source=SOURCE)
    assert isinstance(fig, Figure)
    texts = _texts(fig)
    assert fig.axes[0].get_title(loc="left") == "Ca. 500.000 dræbte og 160.000 fordrevne"
    assert "ca. 500.000" in texts and "160.000" in texts
    assert SOURCE in texts
    assert any("Fordrevne: ifølge FN" in t for t in texts)
    assert any("Dræbte: ingen kilde" in t for t in texts)
    # Danish thousands separators on the axis
    assert "100.000" in [t.get_text() for t in fig.axes[0].get_xticklabels()]
    assert fig.axes[0].get_xlabel()


def test_figures_chart_over_several_articles_names_the_largest():
    other = FIGURES.assign(doc_id="other", value=FIGURES["value"] * 2)
    both = pd.concat([FIGURES, other], ignore_index=True)
    assert plots.figures_table(both, top=3)["value"].tolist() == [1_000_000, 500_000, 320_000]
    fig = plots.figures_chart(both, top=3)
    assert fig.axes[0].get_title(loc="left") == "Største tal: ca. 1.000.000 dræbte"
    # bars name their article when there are several
    assert [t.get_text() for t in fig.axes[0].get_yticklabels()] == [
        "Dræbte (other)", "Dræbte (seed)", "Fordrevne (other)"
    ]


def test_word_frequency_table_sums_groups_and_sorts_ties():
    by_month = pd.DataFrame({"month": ["2018-06", "2018-07", "2018-06"], "term": ["b", "b", "a"], "count": [1, 1, 2]})
    assert plots.word_frequency_table(by_month).to_dict("records") == [
        {"term": "a", "count": 2},
        {"term": "b", "count": 2},
    ]
    assert plots.word_frequency_table(FREQ, top=3)["term"].tolist() == ["syrien", "rusland", "fn"]


def test_titles_name_every_word_tied_for_first():
    tied = pd.DataFrame({"term": ["syriske", "syrien", "krav"], "count": [7, 7, 3]})
    assert plots.word_frequency_chart(tied).axes[0].get_title(loc="left") == (
        "»syrien« og »syriske« er de hyppigste ord: 7 gange hver"
    )
    assert plots.wordcloud_chart(tied).axes[0].get_title(loc="left") == (
        "»syrien« og »syriske« fylder mest blandt de 3 hyppigste ord"
    )


def test_word_frequency_chart():
    fig = plots.word_frequency_chart(FREQ, source=CORPUS)
    assert fig.axes[0].get_title(loc="left") == "»syrien« er det hyppigste ord: 9 gange"
    ticks = {t.get_text(): y for t, y in zip(fig.axes[0].get_yticklabels(), fig.axes[0].get_yticks())}
    # the most frequent word on top, the least frequent at the bottom
    assert sorted(ticks, key=ticks.get, reverse=True) == ["syrien", "rusland", "fn", "krav", "oprørere"]
    assert "Kilde: ritzau/Reuters/AFP" in _texts(fig)


def test_wordcloud_is_seeded_and_uses_only_our_counts():
    # English stop words ("the", "and") are kept: we decide what to drop when we count
    freq = pd.concat([FREQ, pd.DataFrame({"term": ["the", "and"], "count": [4, 4]})])
    first = _pixels(plots.wordcloud_chart(freq, random_state=3))
    again = _pixels(plots.wordcloud_chart(freq, random_state=3))
    other = _pixels(plots.wordcloud_chart(freq, random_state=4))
    assert np.array_equal(first, again)
    assert not np.array_equal(first, other)


def test_actor_table_from_mentions_and_from_counts():
    expected = [
        {"actor": "Rusland", "names": 1, "adjectives": 2, "total": 3},
        {"actor": "Syrien", "names": 2, "adjectives": 0, "total": 2},
        {"actor": "FN", "names": 1, "adjectives": 0, "total": 1},
    ]
    assert plots.actor_table(MENTIONS).to_dict("records") == expected
    counts = MENTIONS.groupby(["actor", "form"]).size().reset_index(name="count")
    assert plots.actor_table(counts).to_dict("records") == expected
    # counts without forms are all names
    plain = pd.DataFrame({"actor": ["FN", "Iran"], "count": [2, 2]})
    assert plots.actor_table(plain)["names"].tolist() == [2, 2]


def test_actor_chart():
    fig = plots.actor_chart(MENTIONS, source=SOURCE)
    assert fig.axes[0].get_title(loc="left") == "Rusland nævnes oftest: 3 gange, heraf 2 som adjektiv el. lign."
    labels = [t.get_text() for t in fig.axes[0].get_legend().get_texts()]
    assert len(labels) == 2 and labels[0].startswith("Navn") and labels[1].startswith("Adjektiv")


def test_network_table_merges_pairs_and_drops_self_loops():
    assert plots.network_table(EDGES).to_dict("records") == [
        {"actor_a": "Rusland", "actor_b": "Syrien", "weight": 4},
        {"actor_a": "FN", "actor_b": "Syrien", "weight": 2},
    ]
    # source/target columns work too; display names win over ids
    renamed = EDGES.rename(columns={"actor_a": "source", "actor_b": "target"})
    assert plots.network_table(renamed).equals(plots.network_table(EDGES))
    named = renamed.assign(source_actor=renamed["source"], target_actor=renamed["target"],
                           source="id:" + renamed["source"], target="id:" + renamed["target"])
    assert plots.network_table(named).equals(plots.network_table(EDGES))


def test_network_chart_layout_is_fixed():
    first = plots.network_chart(EDGES, source=SOURCE)
    again = plots.network_chart(EDGES.iloc[::-1], source=SOURCE)
    assert np.array_equal(_pixels(first), _pixels(again))
    assert first.axes[0].get_title(loc="left") == "Syrien optræder sammen med flest andre aktører (2)"


def test_timeline_table_fills_months_and_joins_dates():
    table = plots.timeline_table(MENTIONS, corpus=CORPUS)
    # July has no article: it is shown as zero, not skipped
    assert table.to_dict("records") == [
        {"month": "2018-06", "count": 4},
        {"month": "2018-07", "count": 0},
        {"month": "2018-08", "count": 2},
    ]
    by_actor = plots.timeline_table(MENTIONS, corpus=CORPUS, by="actor")
    assert len(by_actor) == 3 * 3
    assert by_actor["count"].sum() == len(MENTIONS)
    # day-precision dates and timestamps fall into their month
    days = pd.DataFrame({"date": [pd.Period("2018-06-27", "D"), pd.Timestamp("2018-06-01"), None]})
    assert plots.timeline_table(days).to_dict("records") == [{"month": "2018-06", "count": 2}]


def test_timeline_chart():
    fig = plots.timeline_chart(MENTIONS, corpus=CORPUS, by="actor", source=SOURCE)
    assert fig.axes[0].get_title(loc="left") == "Flest omtaler i juni 2018: 4"
    assert [t.get_text() for t in fig.axes[0].get_xticklabels()] == ["juni 2018", "juli 2018", "august 2018"]
    with pytest.raises(CorpusError, match="corpus="):
        plots.timeline_table(MENTIONS)


LIX_BAND_CASES = [
    # Björnsson's bands, lower bound inclusive
    (24.9, "meget let"),
    (25.0, "let"),
    (44.9, "middel"),
    (48.26, "svær"),
    (55.0, "meget svær"),
]


@pytest.mark.parametrize("lix, band", LIX_BAND_CASES)
def test_lix_bands(lix, band):
    assert plots.lix_table(pd.DataFrame({"lix": [lix]}))["band"].tolist() == [band]


def test_lix_chart_and_table():
    table = plots.lix_table(READABILITY)
    assert table.to_dict("records") == [
        {"doc_id": "c", "lix": 55.0, "band": "meget svær"},
        {"doc_id": "a", "lix": 48.3, "band": "svær"},
        {"doc_id": "b", "lix": 24.9, "band": "meget let"},
    ]
    fig = plots.lix_chart(READABILITY.iloc[[0]], source=SOURCE)
    assert fig.axes[0].get_title(loc="left") == "Artiklen har LIX 48,3: svær"
    # the band is recomputed in the chart's language, whatever the input's band column says
    assert plots.lix_table(READABILITY.assign(band="x"), lang="en")["band"].tolist() == ["very hard", "hard", "very easy"]


def test_save_writes_png_and_reproducible_svg(tmp_path):
    fig = plots.word_frequency_chart(FREQ, source=SOURCE)
    paths = plots.save(fig, tmp_path / "out" / "words")
    assert [p.name for p in paths] == ["words.png", "words.svg"]
    assert paths[0].read_bytes().startswith(b"\x89PNG")
    first = paths[1].read_bytes()
    plots.save(fig, tmp_path / "out" / "words")
    assert paths[1].read_bytes() == first
    assert b"<dc:date>" not in first


BAD_INPUT_CASES = [
    # a missing column is named
    (plots.word_frequency_chart, pd.DataFrame({"word": ["x"]}), "term"),
    (plots.figures_chart, pd.DataFrame({"value": [1]}), "category"),
    (plots.lix_chart, pd.DataFrame({"score": [1]}), "lix"),
    # nothing to draw is said plainly
    (plots.figures_chart, FIGURES[FIGURES["category"] == "date_or_year"], "no figures"),
    (plots.word_frequency_chart, FREQ.iloc[:0], "empty"),
    (plots.network_chart, pd.DataFrame({"weight": [1]}), "two columns"),
    # not a DataFrame at all
    (plots.actor_chart, ["Rusland"], "DataFrame"),
]


@pytest.mark.parametrize("chart, data, message", BAD_INPUT_CASES)
def test_bad_input_raises_corpus_error(chart, data, message):
    with pytest.raises(CorpusError, match=message):
        chart(data)


def test_every_chart_has_title_source_and_house_palette():
    charts = [
        plots.figures_chart(FIGURES, source=SOURCE),
        plots.word_frequency_chart(FREQ, source=SOURCE),
        plots.wordcloud_chart(FREQ, source=SOURCE),
        plots.actor_chart(MENTIONS, source=SOURCE),
        plots.network_chart(EDGES, source=SOURCE),
        plots.timeline_chart(MENTIONS, corpus=CORPUS, source=SOURCE),
        plots.lix_chart(READABILITY, source=SOURCE),
    ]
    for fig in charts:
        assert fig.axes[0].get_title(loc="left")
        assert SOURCE in _texts(fig)
        assert min(t.get_fontsize() for t in fig.findobj(matplotlib.text.Text) if t.get_text()) >= 10
    # user settings are left alone
    assert plt.rcParams["axes.titlelocation"] == matplotlib.rcParamsDefault["axes.titlelocation"]
