"""analyze(): statistics, figures and mentions in one pass, the same as each on its own."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import corpus_tools as ct
from corpus_tools.stats import corpus_pass

ROOT = Path(__file__).resolve().parents[1]
SEED = ct.load_corpus(ROOT / "seeds")

TEXTS = [
    "FN oplyser, at 160.000 mennesker er fordrevet. Rusland afviser det.",
    "",
    "Ingen tal og ingen aktører her.",
    "»Vi går ikke,« siger Ali Said. Omkring 500.000 er dræbt siden 2011, ifølge Det Syriske Observatorium for Menneskerettigheder.",
] * 40


def _alone(data):
    freq, table = corpus_pass(data)
    return freq, table, ct.extract_figures(data), ct.actor_mentions(data)


@pytest.mark.parametrize("n_jobs", [1, 2])
@pytest.mark.parametrize("data", [SEED, TEXTS, TEXTS[1:3], []], ids=["seed", "texts", "no-hits", "empty"])
def test_analyze_gives_each_table_as_on_its_own(data, n_jobs):
    a = ct.analyze(data, n_jobs=n_jobs, batch_size=7)
    for got, want in zip(a, _alone(data)):
        pd.testing.assert_frame_equal(got, want)


def test_analyze_on_the_seed_finds_the_key_figures_and_actors():
    a = ct.analyze(SEED)
    displaced = a.figures[a.figures.category == "displaced"]
    assert displaced.value.tolist() == [160000.0] and displaced.attribution.tolist() == ["FN"]
    assert {"country:SY", "country:RU", "igo:UN", "person:bashar_al-assad"} <= set(a.mentions.actor_id)
    assert a.readability.words.sum() == a.frequencies["count"].sum() + _stop_count(SEED)


def _stop_count(data):
    with_stop, _ = corpus_pass(data, stopwords=False)
    without, _ = corpus_pass(data)
    return int(with_stop["count"].sum() - without["count"].sum())


def test_analyze_reads_a_generator_once_and_takes_string_ids():
    frame = pd.DataFrame({"doc_id": [f"a{i}" for i in range(len(TEXTS))], "text": TEXTS})
    a = ct.analyze(frame, n_jobs=2, batch_size=5)
    assert set(a.mentions.doc_id) <= set(frame.doc_id) and a.readability.doc_id.tolist() == frame.doc_id.tolist()
    pd.testing.assert_frame_equal(a.figures, ct.extract_figures(frame))
    once = ct.analyze(t for t in TEXTS)
    pd.testing.assert_frame_equal(once.figures, ct.extract_figures(TEXTS))


def test_analyze_fails_early_on_a_bad_lexicon(tmp_path):
    bad = tmp_path / "lexicon.toml"
    bad.write_text("[categories\n", encoding="utf-8")
    with pytest.raises(Exception) as info:
        ct.analyze(TEXTS, lexicon=bad)
    assert "lexicon.toml" in str(info.value)
