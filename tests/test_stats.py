"""Word statistics: a corpus counted by hand, invariants, and one seed sentinel."""

from __future__ import annotations

import math
import re
from collections import Counter
from pathlib import Path

import pandas as pd
import pytest

import corpus_tools as ct
from corpus_tools import stats
from corpus_tools.errors import CorpusError
from corpus_tools.evaluate import text as ev

ROOT = Path(__file__).resolve().parents[1]
SEED = (ROOT / "seeds" / "000_26ea6c9c62baba8a.txt").read_text(encoding="utf-8")
GOLD = ev.read_conllu(ROOT / "tests" / "data" / "ud-danish-ddt" / "da_ddt-ud-dev.conllu")
# 40 articles of 14 real DDT sentences each, in paragraphs of two
DDT_DOCS = [
    "\n\n".join(" ".join(s.text for s in GOLD[i + j : i + j + 2]) for j in range(0, 14, 2)) for i in range(0, 560, 14)
]

# A corpus to count with a pencil (word tokens in brackets; stop words: at, er, i, det):
#   a (2018-06, ritzau): Rusland støtter Syrien. Syrien takker Rusland.        [6 words, 2 sentences]
#   b (2018-06, ritzau): FN siger, at 160.000 er fordrevet i Syrien.           [8 words, 1 sentence]
#   c (2018-07, AFP):    Det er Ruslands krig, siger FN. FN's udsending advarer. [9 words, 2 sentences]
HAND = pd.DataFrame(
    {
        "doc_id": ["a", "b", "c"],
        "source": ["ritzau", "ritzau", "AFP"],
        "date": [pd.Period("2018-06", "M"), pd.Period("2018-06-12", "D"), pd.Period("2018-07", "M")],
        "text": [
            "Rusland støtter Syrien. Syrien takker Rusland.",
            "FN siger, at 160.000 er fordrevet i Syrien.",
            "Det er Ruslands krig, siger FN. FN's udsending advarer.",
        ],
    }
)
HAND_WORDS = 6 + 8 + 9


def test_word_frequencies_by_hand():
    f = ct.word_frequencies(HAND)
    assert list(f.columns) == ["term", "count", "rate_per_1000", "n_docs"]
    # most frequent first; ties by term (code point order: digits before letters)
    assert f["term"].tolist() == [
        "syrien",
        "fn", "rusland", "siger",
        "160.000", "advarer", "fn's", "fordrevet", "krig", "ruslands", "støtter", "takker", "udsending",
    ]
    row = f.set_index("term")
    # syrien: twice in a, once in b
    assert row.loc["syrien", "count"] == 3 and row.loc["syrien", "n_docs"] == 2
    # rate per 1,000 word tokens, stop words included in the denominator
    assert row.loc["syrien", "rate_per_1000"] == pytest.approx(3 / HAND_WORDS * 1000)
    # rusland: twice, both in a
    assert row.loc["rusland", "count"] == 2 and row.loc["rusland", "n_docs"] == 1
    # stop words are removed
    assert not {"at", "er", "i", "det"} & set(f["term"])


def test_word_frequencies_keep_stopwords_and_custom_list():
    f = ct.word_frequencies(HAND, stopwords=False).set_index("term")
    assert f["count"].sum() == HAND_WORDS
    assert f.loc["er", "count"] == 2 and f.loc["er", "n_docs"] == 2
    # a custom collection replaces the Danish list
    g = ct.word_frequencies(HAND, stopwords={"Syrien", "FN"})
    assert "syrien" not in set(g["term"]) and "fn" not in set(g["term"]) and "er" in set(g["term"])
    with pytest.raises(CorpusError):
        ct.word_frequencies(HAND, stopwords="og")


def test_word_frequencies_lemmas_merge_genitives():
    f = ct.word_frequencies(HAND, lemmas=True).set_index("term")
    # Rusland x2 + Ruslands; FN x2 + FN's
    assert f.loc["rusland", "count"] == 3 and f.loc["rusland", "n_docs"] == 2
    assert f.loc["fn", "count"] == 3 and f.loc["fn", "n_docs"] == 2
    assert "ruslands" not in f.index and "fn's" not in f.index
    # with stop words kept the lemma counts still sum to the token count
    assert ct.word_frequencies(HAND, lemmas=True, stopwords=False)["count"].sum() == HAND_WORDS


def test_word_frequencies_by_doc_month_and_column():
    d = ct.word_frequencies(HAND, by="doc")
    assert list(d.columns) == ["doc_id", "term", "count", "rate_per_1000", "n_docs"]
    a = d[d["doc_id"] == "a"].set_index("term")
    assert a.loc["syrien", "count"] == 2 and a.loc["syrien", "rate_per_1000"] == pytest.approx(2 / 6 * 1000)
    assert (d["n_docs"] == 1).all()
    m = ct.word_frequencies(HAND, by="month")
    # a daily date counts in its month
    assert m["month"].drop_duplicates().tolist() == [pd.Period("2018-06", "M"), pd.Period("2018-07", "M")]
    june = m[m["month"] == pd.Period("2018-06", "M")].set_index("term")
    assert june.loc["syrien", "count"] == 3 and june.loc["syrien", "rate_per_1000"] == pytest.approx(3 / 14 * 1000)
    s = ct.word_frequencies(HAND, by="source")
    # groups sorted by their value
    assert s["source"].drop_duplicates().tolist() == ["AFP", "ritzau"]
    assert s[s["source"] == "AFP"].set_index("term").loc["fn", "count"] == 1


def test_word_frequencies_errors():
    with pytest.raises(CorpusError, match="needs a corpus DataFrame"):
        ct.word_frequencies(["tekst"], by="month")
    with pytest.raises(CorpusError, match="not 'doc', 'month' or a column"):
        ct.word_frequencies(HAND, by="nope")


def test_min_count_drops_rare_terms():
    f = ct.word_frequencies(HAND, min_count=2)
    assert f["term"].tolist() == ["syrien", "fn", "rusland", "siger"]


# --------------------------------------------------------------------------- invariants


@pytest.mark.parametrize("text", [SEED] + DDT_DOCS[:10] + HAND["text"].tolist())
def test_frequencies_sum_to_token_count(text):
    assert ct.word_frequencies(text, stopwords=False)["count"].sum() == len(ct.words(text))


def test_frequencies_equal_counter_of_words():
    # the chunk cache gives exactly the counts of the tokenizer's words
    expected = Counter(w for doc in DDT_DOCS for w in ct.words(doc))
    got = ct.word_frequencies(DDT_DOCS, stopwords=False)
    assert dict(zip(got["term"], got["count"])) == dict(expected)


def test_lemma_frequencies_equal_counter_of_lemmas():
    # the cached path gives the lemma of every word token, stop words dropped by form or lemma
    stop = ct.stopwords()
    expected = Counter()
    for doc in DDT_DOCS[:15]:
        for w in ct.words(doc, lower=False):
            lem = ct.text.lemma(w).lower()
            if w.lower() not in stop and lem not in stop:
                expected[lem] += 1
    got = ct.word_frequencies(DDT_DOCS[:15], lemmas=True)
    assert dict(zip(got["term"], got["count"])) == dict(expected)


def test_dropping_stopwords_never_raises_a_count():
    full = ct.word_frequencies(DDT_DOCS, stopwords=False).set_index("term")["count"]
    cut = ct.word_frequencies(DDT_DOCS).set_index("term")["count"]
    assert set(cut.index) <= set(full.index)
    assert (cut <= full[cut.index]).all()
    assert cut.sum() < full.sum()


def test_doubling_whitespace_changes_no_count():
    doubled = [re.sub(r"(\s)", r"\1\1", d) for d in DDT_DOCS[:10] + [SEED]]
    pd.testing.assert_frame_equal(ct.word_frequencies(doubled), ct.word_frequencies(DDT_DOCS[:10] + [SEED]))
    pd.testing.assert_frame_equal(ct.readability(doubled), ct.readability(DDT_DOCS[:10] + [SEED]))


def test_streamed_batched_and_two_processes_agree():
    one = ct.word_frequencies(DDT_DOCS)
    # a generator, small batches, two worker processes: same table
    pd.testing.assert_frame_equal(ct.word_frequencies(iter(DDT_DOCS), batch_size=3), one)
    pd.testing.assert_frame_equal(ct.word_frequencies(DDT_DOCS, n_jobs=2, batch_size=7), one)


def test_batches_are_small_first_only_with_workers():
    # with workers the first batch, which this process counts before it starts them, is small
    from corpus_tools._parallel import FIRST_BATCH, batches

    assert [len(b) for b in batches(range(600), 256)] == [256, 256, 88]
    assert [len(b) for b in batches(range(600), 256, n_jobs=2)] == [FIRST_BATCH, 256, 256, 600 - 512 - FIRST_BATCH]
    assert [len(b) for b in batches(range(5), 3, n_jobs=-1)] == [3, 2]  # never larger than the batch size
    assert [x for b in batches(range(600), 256, n_jobs=2) for x in b] == list(range(600))
    assert list(batches([], 4, n_jobs=2)) == []


def test_corpus_pass_agrees_with_the_separate_functions():
    freq, table = stats.corpus_pass(iter(DDT_DOCS), batch_size=5)
    pd.testing.assert_frame_equal(freq, ct.word_frequencies(DDT_DOCS))
    r = ct.readability(DDT_DOCS)
    pd.testing.assert_frame_equal(table, r[["doc_id", "lix", "band", "words", "sentences"]])
    freq2, table2 = stats.corpus_pass(DDT_DOCS, n_jobs=2, batch_size=9)
    pd.testing.assert_frame_equal(freq2, freq)
    pd.testing.assert_frame_equal(table2, table)


# Edge cases of the batched numpy pass, each checked against the per-document functions
PASS_EDGES = [
    "",  # empty article
    "   \n\n  ",  # whitespace and a paragraph break only
    "\n\nRusland støtter Syrien.\n\n",  # paragraph breaks before and after
    "Syrien.Rusland og x/y og FN's og USA's.",  # chunks with several word tokens and terms
    "og i at det.",  # stop words only: no terms, but words and a sentence
    "...",  # punctuation only: no words
    "Ca. 500 blev dræbt. Bl.a. i Aleppo, siger FN. Det er 1,5 pct. Mere end før!",  # abbreviations
    "Første afsnit slutter her.\n\nAndet afsnit uden punktum\n\nTredje? Ja.",  # paragraphs
    "»Vi kæmper,« siger han. »Ja!« Rusland/Iran svarer.",  # quotes and slashes
]


def test_corpus_pass_edge_cases_agree_with_the_separate_functions():
    for batch_size in (1, 3, 1024):  # article boundaries inside and across batches
        freq, table = stats.corpus_pass(PASS_EDGES, batch_size=batch_size)
        pd.testing.assert_frame_equal(freq, ct.word_frequencies(PASS_EDGES))
        r = ct.readability(PASS_EDGES)
        pd.testing.assert_frame_equal(table, r[["doc_id", "lix", "band", "words", "sentences"]])
    # chunks with several terms ("Syrien.Rusland", "x/y", "Rusland/Iran") count each term
    counts = dict(zip(freq["term"], freq["n_docs"]))
    assert counts["rusland"] == 3 and counts["x"] == 1 and counts["iran"] == 1


def test_corpus_pass_chunk_shortcuts_agree_with_the_tokenizer_rules():
    # corpus_pass gives new chunks their properties by shortcuts (plain words; one word
    # between punctuation marks); every chunk must get what the full rules give it
    from corpus_tools.text import abbreviations

    words = ["Syrien", "hus", "a", "B", "www", "Assad", "mennesker", "FN", "kr", "ca", "pct", "mio", "bl", "f", "Lars"]
    words += ["al-Assad", "FN's", "USA's", "Lolland-Falster", "O'Brien", "rock'n'roll", "tv-", "x-y", "Lars'", "e-mail"]
    words += sorted(abbreviations())[:40]
    marks = ["", ".", ",", ":", ";", "!", "?", "…", ".«", ",«", "?«", ".»", "»", '"', '."', ")", ").", "),", "..", "!?", ".)"]
    chunks = {p + w + m for w in words for p in ("", "»", "(", "„", '"') for m in marks}
    chunks |= {c for d in DDT_DOCS + [SEED] for c in d.split()}
    fast = stats._Vocab(frozenset(["og", "i"]))
    fast.add(chunks)
    slow = stats._Vocab(frozenset(["og", "i"]))
    for c in sorted(chunks):
        slow.ids[c] = cid = len(slow.ids)
        slow._add_slow(cid, c)

    def props(v, c):
        i = v.ids[c]
        terms = v.multi.get(i, (v.term_of[i],))
        return ([v.terms[t] for t in terms], v.words[i], v.long[i], v.ends[i], v.starts[i])

    assert [props(fast, c) for c in sorted(chunks)] == [props(slow, c) for c in sorted(chunks)]
    # the shortcuts were taken (and the check above is not between two slow paths)
    assert len(fast._ends_after) > 5


def _square_unless_seven(x):
    if x == 7:
        raise ValueError("batch 7 is bad")
    return x * x


def test_processes_keep_the_order_and_pass_errors_on():
    import multiprocessing as mp

    # many small batches, shared between this process and a worker: results in order
    assert list(stats._run(_square_unless_seven, iter(range(7)), 2)) == [x * x for x in range(7)]
    assert list(stats._run(_square_unless_seven, iter(range(8, 60)), 3)) == [x * x for x in range(8, 60)]
    # an error in a batch (wherever it ran) reaches the caller, and no worker is left behind
    with pytest.raises(ValueError, match="batch 7 is bad"):
        list(stats._run(_square_unless_seven, iter(range(20)), 2))
    with pytest.raises(ValueError, match="batch 7 is bad"):  # the first batch runs here, before any worker
        list(stats._run(_square_unless_seven, iter([7, 1, 2]), 2))
    with pytest.raises(ValueError, match="batch 7 is bad"):  # the second goes to a worker
        list(stats._run(_square_unless_seven, iter([1, 7, 2]), 2))
    assert mp.active_children() == []


_SUMS: dict = {}


def _add_to_running_sum(x):
    import os

    _SUMS[os.getpid()] = _SUMS.get(os.getpid(), 0) + x
    return os.getpid()


def _take_running_sum():
    import os

    return _SUMS.pop(os.getpid(), 0)


def test_processes_hand_back_running_totals_once():
    # finish/collect: each worker keeps its own total and hands it back once, at the end
    import os

    for n_jobs in (1, 2, 3):
        _SUMS.clear()
        workers = []
        pids = list(stats._run(_add_to_running_sum, iter(range(1, 201)), n_jobs, finish=_take_running_sum, collect=workers.append))
        assert len(pids) == 200 and pids[0] == os.getpid()  # the first batch always runs here
        assert len(workers) == n_jobs - 1
        assert _take_running_sum() + sum(workers) == sum(range(1, 201))
        if n_jobs > 1:
            assert len(set(pids)) > 1  # the workers did take batches


def test_corpus_pass_same_in_any_number_of_processes(monkeypatch):
    # the term totals stay in each process until the end; also when a vocabulary starts
    # afresh in the middle (small cache), the counts are the same as in one process
    docs = DDT_DOCS * 3
    one = stats.corpus_pass(docs)
    monkeypatch.setattr(stats, "_CACHE_MAX", 400)
    for n_jobs in (1, 2, 3):
        freq, table = stats.corpus_pass(iter(docs), n_jobs=n_jobs, batch_size=7)
        pd.testing.assert_frame_equal(freq, one[0])
        pd.testing.assert_frame_equal(table, one[1])
    assert stats._RUNNING == {}  # nothing left behind in this process


def _big_result(batch):
    return batch * 2  # about 4 MB back for 2 MB in


@pytest.mark.skipif(not hasattr(__import__("signal"), "SIGALRM"), reason="needs SIGALRM to stop a hang")
def test_processes_do_not_wait_for_each_other_with_small_pipes(monkeypatch):
    # pipes of the system's default size (as on macOS): batches and results larger than
    # a pipe holds must not leave the main process and the worker waiting for each other
    import signal

    from corpus_tools import _parallel

    monkeypatch.setattr(_parallel, "_pipe", lambda ctx: ctx.Pipe(duplex=False))
    batches = ["x" * 2_000_000 for _ in range(8)]

    def hung(signum, frame):
        raise TimeoutError("the processes waited for each other")

    old = signal.signal(signal.SIGALRM, hung)
    signal.alarm(60)
    try:
        out = list(stats._run(_big_result, iter(batches), 2))
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)
    assert [len(r) for r in out] == [4_000_000] * 8


def test_progress_bars_show_on_request_and_change_nothing(capsys):
    # long analyses show a tqdm bar on request (never by themselves under pytest),
    # counting articles, and give the same tables with or without it
    from corpus_tools._docs import want_progress

    docs = DDT_DOCS[:12]
    calls = [
        ("figures", lambda p: ct.extract_figures(docs, progress=p)),
        ("actors", lambda p: ct.actor_mentions(docs, progress=p)),
        ("quotes", lambda p: ct.quotes(docs, warn=False, progress=p)),
        ("names", lambda p: ct.find_names(docs, progress=p)),
        ("frequencies", lambda p: ct.word_frequencies(docs, progress=p)),
        ("readability", lambda p: ct.readability(docs, progress=p)),
        ("statistics", lambda p: stats.corpus_pass(docs, progress=p)[0]),
    ]
    for desc, call in calls:
        quiet = call(None)
        assert capsys.readouterr().err == "", desc
        shown = call(True)
        err = capsys.readouterr().err
        assert desc in err and "12/12" in err, (desc, err[-200:])
        pd.testing.assert_frame_equal(shown, quiet)
    # by themselves: only for many articles, never under pytest, never for a generator
    assert not want_progress(None, 10**6, 5000)  # pytest is running
    assert not want_progress(None, None, 5000) and want_progress(True, 1, 5000)


def test_corpus_pass_string_ids_and_empty_corpus():
    freq, table = stats.corpus_pass(HAND)
    assert table["doc_id"].tolist() == ["a", "b", "c"]
    assert table["lix"].tolist() == pytest.approx(ct.readability(HAND)["lix"].tolist())
    # an article without words has no LIX and no band
    freq, table = stats.corpus_pass(["", "Hej med dig."])
    assert math.isnan(table.loc[0, "lix"]) and pd.isna(table.loc[0, "band"])
    freq, table = stats.corpus_pass([])
    assert freq.empty and table.empty


def test_doc_stats_sum_to_corpus_counts():
    total = Counter()
    for doc in DDT_DOCS:
        total.update(stats.doc_stats(doc).counts)
    f = ct.word_frequencies(DDT_DOCS)
    assert dict(zip(f["term"], f["count"])) == dict(total)


def test_cache_limit_changes_no_result(monkeypatch):
    expected = ct.word_frequencies(DDT_DOCS)
    monkeypatch.setattr(stats, "_CACHE_MAX", 50)
    stats._NWL.clear()
    for d in stats._TERMS.values():
        d.clear()
    pd.testing.assert_frame_equal(ct.word_frequencies(DDT_DOCS), expected)
    assert len(stats._NWL) <= 50 + max(len(set(d.split())) for d in DDT_DOCS)
    # corpus_pass's chunk ids start afresh between batches when the limit is passed
    stats._VOCABS.clear()
    limited, _ = stats.corpus_pass(DDT_DOCS, batch_size=4)
    pd.testing.assert_frame_equal(limited, expected)
    assert all(len(v.ids) <= 50 + sum(len(set(d.split())) for d in DDT_DOCS[-4:]) + 1 for v in stats._VOCABS.values())


# --------------------------------------------------------------------------- n-grams, collocations, keyness


def test_ngrams_within_sentences():
    g = ct.ngrams("Den Frie Syriske Hær. Den Frie Syriske Hær er støttet af USA.", 2)
    assert list(g.columns) == ["term", "count", "rate_per_1000", "n_docs"]
    counts = dict(zip(g["term"], g["count"]))
    assert counts["frie syriske"] == 2 and counts["syriske hær"] == 2
    # n-grams that start or end with a stop word are dropped
    assert "den frie" not in counts and "hær er" not in counts
    # no n-gram crosses the sentence boundary
    assert "hær den" not in counts
    # with stop words kept the bigrams of a sentence of k words are k - 1
    all2 = ct.ngrams("Den Frie Syriske Hær. Den Frie Syriske Hær er støttet af USA.", 2, stopwords=False)
    assert all2["count"].sum() == 3 + 7
    with pytest.raises(CorpusError):
        ct.ngrams("tekst", 0)


def test_collocations_by_hand():
    docs = ["Bashar al-Assad taler.", "Bashar al-Assad svarer.", "Bashar al-Assad går.", "Han taler."]
    c = ct.collocations(docs, min_count=1, stopwords=False)
    top = c.iloc[0]
    assert top["term"] == "bashar al-assad" and top["count"] == 3
    # N = 7 bigrams; O11 = 3, row 3, column 3, O22 = 4:
    # G2 = 2 (3 ln(3*7/9) + 4 ln(4*7/16)) = 9.5608; PMI = log2(3*7/9) = 1.2224
    assert top["g2"] == pytest.approx(2 * (3 * math.log(7 / 3) + 4 * math.log(7 / 4)))
    assert top["pmi"] == pytest.approx(math.log2(7 / 3))
    # min_count drops pairs seen fewer times
    assert ct.collocations(docs, min_count=2, stopwords=False)["term"].tolist() == ["bashar al-assad"]
    # sorted by G2 descending
    assert c["g2"].is_monotonic_decreasing


def test_keyness_by_hand():
    k = ct.keyness(["syrien syrien syrien syrien og"], ["og og og og syrien"], stopwords=False, min_count=1)
    row = k.set_index("term").loc["syrien"]
    # a=4 of 5, b=1 of 5: E = 2.5 each; G2 = 2 (4 ln(4/2.5) + 1 ln(1/2.5)); log ratio = log2(4/1)
    assert row["g2"] == pytest.approx(2 * (4 * math.log(4 / 2.5) + math.log(1 / 2.5)))
    assert row["log_ratio"] == pytest.approx(2.0)
    assert k.set_index("term").loc["og", "log_ratio"] == pytest.approx(-2.0)


def test_keyness_against_general_danish():
    k = ct.keyness(SEED, "general", min_count=2)
    assert list(k.columns) == ["term", "count_target", "count_reference", "rate_target", "rate_reference", "g2", "log_ratio"]
    top = k[k["log_ratio"] > 0]["term"].head(5).tolist()
    # the seed is about Syria: it is over-represented against general Danish
    assert "syrien" in top
    # a common function word is not key (stop words kept)
    k2 = ct.keyness(SEED, "general", stopwords=False, min_count=2).set_index("term")
    assert abs(k2.loc["og", "log_ratio"]) < 1.5
    assert k2.loc["syrien", "log_ratio"] > 5


# --------------------------------------------------------------------------- readability


def test_readability_by_hand():
    r = ct.readability(HAND).set_index("doc_id")
    # a: 6 words / 2 sentences + 100 * 3 long (støtter, Rusland x2) / 6 = 3 + 50 = 53
    assert r.loc["a", "lix"] == pytest.approx(53.0) and r.loc["a", "band"] == "hard"
    # b: 8 / 1 + 100 * 1 (fordrevet; 160.000 has no letters) / 8 = 20.5
    assert r.loc["b", "lix"] == pytest.approx(20.5) and r.loc["b", "band"] == "very easy"
    # c: 9 / 2 + 100 * 3 (Ruslands, udsending, advarer) / 9
    assert r.loc["c", "lix"] == pytest.approx(4.5 + 100 / 3) and r.loc["c", "band"] == "medium"
    assert r.loc["a", "type_token_ratio"] == pytest.approx(4 / 6)
    assert r.loc["c", "mean_sentence_length"] == pytest.approx(4.5)
    assert r.loc["b", "long_word_share"] == pytest.approx(1 / 8)
    assert list(r.reset_index().columns) == stats.READABILITY_COLUMNS


LIX_BAND_CASES = [
    # the Danish LIX scale, half-open bands
    (0, "very easy"),
    (24.99, "very easy"),
    (25, "easy"),
    (34.99, "easy"),
    (35, "medium"),
    (45, "hard"),
    (54.99, "hard"),
    (55, "very hard"),
    (80, "very hard"),
]


@pytest.mark.parametrize("value, band", LIX_BAND_CASES)
def test_lix_bands(value, band):
    assert ct.lix_band(value) == band


def test_lix_edge_cases():
    assert math.isnan(ct.lix(""))
    assert ct.lix_band(float("nan")) is None
    assert ct.lix_band(40, lang="da") == "middel"
    with pytest.raises(CorpusError):
        ct.lix_band(40, lang="sv")
    # one sentence of four short words
    assert ct.lix("Det er en kat.") == pytest.approx(4.0)


def test_seed_sentinel():
    # the seed's headline results, computed (one regression sentinel)
    f = ct.word_frequencies(SEED).set_index("term")
    # Syrien 7 times, Rusland 4 times (grep -ow); the genitive FN's is its own form
    assert f.loc["syrien", "count"] == 7 and f.loc["rusland", "count"] == 4 and f.loc["fn's", "count"] == 2
    r = ct.readability(SEED).iloc[0]
    # 13 paragraphs (header line and byline included), three of them with two sentences
    assert r["sentences"] == 16 and r["words"] == len(ct.words(SEED))
    assert r["band"] == ct.lix_band(r["lix"])


# --------------------------------------------------------------------------- concordance


def test_concordance_offsets_and_window():
    text = "Rusland har støttet Syrien, siden Rusland gik ind i krigen. Ruslands rolle er stor."
    c = ct.concordance(text, "Rusland", window=10)
    assert list(c.columns) == ["doc_id", "start", "end", "left", "match", "right"]
    # whole words only: Ruslands is not Rusland
    assert c["match"].tolist() == ["Rusland", "Rusland"]
    assert all(text[s:e] == m for s, e, m in zip(c["start"], c["end"], c["match"]))
    assert c.loc[1, "left"] == text[c.loc[1, "start"] - 10 : c.loc[1, "start"]]
    assert len(c.loc[1, "right"]) == 10
    # a regular expression finds the genitive too
    assert ct.concordance(text, r"Rusland\w*")["match"].tolist() == ["Rusland", "Rusland", "Ruslands"]
    # case is ignored by default
    assert len(ct.concordance(text, "rusland")) == 2
    assert len(ct.concordance(text, "rusland", ignore_case=False)) == 0


def test_concordance_corpus_and_errors():
    c = ct.concordance(HAND, "FN")
    # an apostrophe ends a word, so FN's is found too (doc c has FN and FN's)
    assert c["doc_id"].tolist() == ["b", "c", "c"]
    # line breaks are shown as spaces
    c2 = ct.concordance("a\nRusland\nb", "Rusland", window=2)
    assert c2.loc[0, "left"] == "a " and c2.loc[0, "right"] == " b"
    with pytest.raises(CorpusError):
        ct.concordance(HAND, "(")
    with pytest.raises(CorpusError):
        ct.concordance(HAND, "FN", window=-1)
