"""Throughput and peak memory of corpus_tools' statistics pass against common alternatives.

    .venv/bin/python benchmarks/bench.py                 # 100 MB corpus, 400 MB for the streaming row
    .venv/bin/python benchmarks/bench.py --size-mb 10    # a quick run (40 MB streaming row)
    .venv/bin/python benchmarks/bench.py --repeat 3 --spacy-mb 20   # best of 3 rounds, spaCy on 20 MB
    .venv/bin/python benchmarks/bench.py --vocab open    # fresh words in every sentence: a real vocabulary

Run on demand; not part of the test suite. The corpus (``make_corpus.py``: real
Danish sentences from UD DDT dev, sampled with a seeded RNG into articles in the
seed's format) is written once under ``benchmarks/_data/`` (git-ignored).

Every contender runs in its own fresh subprocess over the same files, streamed
shard by shard, and reports:
- ``MB/s wall``: UTF-8 megabytes of article text per second of wall-clock time;
- ``MB/s cpu``: the same per second of CPU time of that process (for one process this
  is steadier than wall time on a shared machine; for worker pools it is the
  parent's CPU only, so read the wall column there);
- ``peak RSS``: the process's maximum resident set size (``resource.getrusage``,
  ``ru_maxrss``), interpreter and libraries included; ``base RSS`` is its RSS after
  the imports and before the first article, so the difference is the work's own;
  for worker pools the largest worker's peak is shown as well.
Contenders:
- ``reading the articles only``: the stream of texts that every contender reads;
- ``re.findall+Counter``: ``Counter.update(re.findall(r"\\w+", text.lower()))``, the floor;
- ``corpus_tools pass``: :func:`corpus_tools.stats.corpus_pass`: Danish tokens (the
  tokenizer's rules: 160.000, FN's, bl.a. ...), stop words removed, term counts,
  number of articles per term, and LIX (words, long words, sentences) per article;
- ``... 2 processes``: the same with ``n_jobs=2`` (this process and one worker);
- ``2 independent halves``: no pool at all, the ceiling of any two-process design: two
  forked processes, each running the one-process pass over its own half of the corpus
  (by bytes; each reads its own files), with nothing handed over and nothing merged;
  the wall time is until both have finished. Its ratio to one process shows what
  two busy cores of this machine give, whatever the code does;
- ``sklearn CountVectorizer``: ``CountVectorizer().fit_transform(texts)``;
- ``spaCy blank('da')``: ``nlp.tokenizer.pipe(texts)`` and a Counter of ``token.lower_``;
- ``extract_figures`` (also with ``n_jobs=2``), ``actor_mentions`` and all three
  together in one pass (:func:`corpus_tools.analyze`, also with ``n_jobs=2``), on the
  first ``--extras-mb`` MB only (they are slower).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from make_corpus import build, iter_articles  # noqa: E402

CONTENDERS = ("read", "floor", "ours", "ours2", "halves", "sklearn", "spacy", "figures", "figures2", "actors", "combined", "combined2")
LABELS = {
    "read": "reading the articles only",
    "floor": "re.findall+Counter (floor)",
    "ours": "corpus_tools pass",
    "ours2": "corpus_tools pass, 2 processes",
    "halves": "2 independent halves (ceiling)",
    "sklearn": "sklearn CountVectorizer",
    "spacy": "spaCy blank('da') + Counter",
    "figures": "extract_figures",
    "figures2": "extract_figures, 2 processes",
    "actors": "actor_mentions",
    "combined": "pass + figures + actors",
    "combined2": "pass + figures + actors, 2 proc.",
    "stream": "corpus_tools pass, streamed",
}


def _rss_mb() -> float:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1e6


def _limited(folder: Path, limit_mb: float | None):
    """Articles of the corpus, stopping after ``limit_mb`` megabytes (None: all)."""
    seen = 0.0
    for text in iter_articles(folder):
        if limit_mb is not None and seen >= limit_mb * 1e6:
            return
        seen += len(text.encode("utf-8"))
        yield text


def _batches(texts, n=500):
    batch = []
    for t in texts:
        batch.append(t)
        if len(batch) == n:
            yield batch
            batch = []
    if batch:
        yield batch


def child(name: str, folder: Path, limit_mb: float | None) -> dict:
    """Run one contender in this (fresh) process and return its measurements."""
    from collections import Counter

    nbytes = [0]

    def texts():
        for t in _limited(folder, limit_mb):
            nbytes[0] += len(t.encode("utf-8"))
            yield t

    if name == "read":

        def work():
            return sum(1 for _ in texts())

    elif name == "floor":
        import re

        word = re.compile(r"\w+")

        def work():
            c = Counter()
            for t in texts():
                c.update(word.findall(t.lower()))
            return len(c)

    elif name in ("ours", "ours2", "stream"):
        from corpus_tools.stats import corpus_pass

        jobs = 2 if name == "ours2" else 1

        def work():
            freq, table = corpus_pass(texts(), n_jobs=jobs)
            return len(freq)

    elif name == "halves":
        import multiprocessing as mp

        from corpus_tools.stats import corpus_pass
        from make_corpus import SEPARATOR

        files = sorted(folder.glob("part-*.txt"))
        sizes = [f.stat().st_size for f in files]
        half = sum(sizes) / 2
        sep = len(SEPARATOR.encode("utf-8"))

        def half_texts(first: bool):
            """The articles that start before (``first``) or after the middle byte."""
            start = 0
            for f, size in zip(files, sizes):
                if (first and start >= half) or (not first and start + size <= half):
                    start += size
                    continue
                at = start
                for text in f.read_text(encoding="utf-8").split(SEPARATOR):
                    if (at < half) == first:
                        yield text
                    at += len(text.encode("utf-8")) + sep
                start += size

        def count(first: bool, out) -> None:  # pragma: no cover - a forked process
            mine = [0]

            def texts_of_half():
                for t in half_texts(first):
                    mine[0] += len(t.encode("utf-8"))
                    yield t

            corpus_pass(texts_of_half())
            out.send(mine[0])

        def work():
            # what the first batch loads (stop words, compiled patterns) is loaded once,
            # before the fork, as the pool does: both children inherit it
            corpus_pass(["Varm op: 160.000 flygtede, siger FN."])
            ctx = mp.get_context("fork")
            pipes, procs = [], []
            for first in (True, False):
                recv, send = ctx.Pipe(duplex=False)
                proc = ctx.Process(target=count, args=(first, send))
                proc.start()
                pipes.append(recv)
                procs.append(proc)
            nbytes[0] = sum(r.recv() for r in pipes)
            for proc in procs:
                proc.join()
            return nbytes[0]

    elif name == "sklearn":
        from sklearn.feature_extraction.text import CountVectorizer

        def work():
            return CountVectorizer().fit_transform(texts()).shape[1]

    elif name == "spacy":
        import spacy

        nlp = spacy.blank("da")

        def work():
            c = Counter()
            for doc in nlp.tokenizer.pipe(texts(), batch_size=256):
                c.update(t.lower_ for t in doc)
            return len(c)

    elif name == "figures2":
        import corpus_tools as ct

        def work():
            return len(ct.extract_figures(texts(), n_jobs=2))

    elif name in ("combined", "combined2"):
        import corpus_tools as ct

        jobs = 2 if name == "combined2" else 1

        def work():
            a = ct.analyze(texts(), n_jobs=jobs)
            return len(a.frequencies) + len(a.figures) + len(a.mentions)

    elif name in ("figures", "actors"):
        import corpus_tools as ct

        fig = ct.extract_figures if name == "figures" else None
        act = ct.actor_mentions if name == "actors" else None

        def work():
            rows = 0
            for batch in _batches(texts()):
                if fig is not None:
                    rows += len(fig(batch))
                if act is not None:
                    rows += len(act(batch))
            return rows

    else:
        raise SystemExit(f"unknown contender {name}")
    base = _rss_mb()
    t0, c0 = time.perf_counter(), time.process_time()
    result = work()
    wall, cpu = time.perf_counter() - t0, time.process_time() - c0
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e3
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    if name == "halves":  # the work is all in the two children: their CPU time is its CPU time
        cpu = kids.ru_utime + kids.ru_stime
    return {
        "mb": nbytes[0] / 1e6,
        "wall": wall,
        "cpu": cpu,
        "peak": own,
        "base": base,
        "workers_peak": kids.ru_maxrss / 1e3,
        "workers_cpu": kids.ru_utime + kids.ru_stime,
        "result": result,
    }


def run_child(name: str, folder: Path, limit_mb: float | None, timeout: float) -> dict:
    cmd = [sys.executable, str(Path(__file__).resolve()), "--child", name, "--corpus", str(folder)]
    if limit_mb is not None:
        cmd += ["--limit-mb", str(limit_mb)]
    try:
        out = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return {"error": f"timed out after {timeout:.0f} s"}
    if out.returncode != 0:
        last = (out.stderr.strip().splitlines() or ["?"])[-1]
        if "ModuleNotFoundError" in out.stderr or "ImportError" in out.stderr:
            return {"error": f"not available ({last})"}
        return {"error": f"failed: {last}"}
    return json.loads(out.stdout.strip().splitlines()[-1])


def fmt_row(label: str, r: dict) -> str:
    if "error" in r:
        return f"{label:34s} {r['error']}"
    mbs, mbc = r["mb"] / r["wall"], r["mb"] / r["cpu"] if r["cpu"] else float("nan")
    workers = f"  workers {r['workers_peak']:6.0f} MB" if r.get("workers_peak", 0) > 1 else ""
    return f"{label:34s} {r['mb']:7.1f} {mbs:8.1f} {mbc:8.1f} {r['peak']:8.0f} MB {r['base']:6.0f} MB{workers}"


def _best(rs: list[dict]) -> dict:
    """The fastest of repeated runs: best wall time and best CPU time, highest peak RSS."""
    ok = [r for r in rs if "error" not in r]
    if not ok:
        return rs[-1]
    best = dict(min(ok, key=lambda r: r["wall"] / r["mb"]))
    best["cpu"] = min(r["cpu"] / r["mb"] for r in ok) * best["mb"]
    best["peak"] = max(r["peak"] for r in ok)
    return best


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--size-mb", type=float, default=100.0, help="corpus size (default 100)")
    ap.add_argument("--stream-mb", type=float, default=None, help="size of the streaming-memory run (default 4x --size-mb; 0 skips)")
    ap.add_argument("--extras-mb", type=float, default=10.0, help="MB given to figures/actors/combined (default 10)")
    ap.add_argument("--only", nargs="*", choices=CONTENDERS, help="run only these contenders")
    ap.add_argument("--spacy-mb", type=float, default=None, help="MB given to spaCy (default: all; it is slow)")
    ap.add_argument("--repeat", type=int, default=1, help="rounds; the best of them is shown (default 1)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--vocab", choices=("ddt", "open"), default="ddt",
                    help="ddt: DDT dev sentences as they are; open: with fresh words, a growing vocabulary (make_corpus.py)")
    ap.add_argument("--timeout", type=float, default=1800.0, help="seconds per contender")
    ap.add_argument("--child", help=argparse.SUPPRESS)
    ap.add_argument("--corpus", help=argparse.SUPPRESS)
    ap.add_argument("--limit-mb", type=float, default=None, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child:
        print(json.dumps(child(args.child, Path(args.corpus), args.limit_mb)))
        return 0

    folder = build(args.size_mb, args.seed, vocab=args.vocab)
    names = args.only or list(CONTENDERS)
    words = "DDT dev sentences" if args.vocab == "ddt" else "DDT dev sentences with fresh words (--vocab open)"
    print(f"corpus: {folder.relative_to(HERE.parent)} ({args.size_mb:g} MB of articles in the seed's format, {words}, seed {args.seed})")
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} at start")
    print("each contender in a fresh subprocess; peak = ru_maxrss of that process; base = its RSS before the first article")
    if args.repeat > 1:
        print(f"best of {args.repeat} round-robin rounds (fastest wall time, fastest CPU time, highest peak)")
    print()
    print(f"{'contender':34s} {'MB':>7s} {'MB/s':>8s} {'MB/s':>8s} {'peak RSS':>11s} {'base RSS':>9s}")
    print(f"{'':34s} {'':>7s} {'wall':>8s} {'cpu':>8s}")
    runs: dict[str, list] = {name: [] for name in names}
    for round_no in range(args.repeat):  # round-robin, so that load changes hit every contender
        for name in names:
            limit = args.extras_mb if name in ("figures", "figures2", "actors", "combined", "combined2") else None
            if name == "spacy" and args.spacy_mb is not None:
                limit = args.spacy_mb
            runs[name].append(run_child(name, folder, limit, args.timeout))
            if args.repeat > 1:
                print(f"  round {round_no + 1}: {fmt_row(LABELS[name], runs[name][-1])}", file=sys.stderr, flush=True)
    results = {name: _best(rs) for name, rs in runs.items()}
    for name in names:
        print(fmt_row(LABELS[name], results[name]), flush=True)
    stream_mb = 4 * args.size_mb if args.stream_mb is None else args.stream_mb
    if stream_mb:
        big = build(stream_mb, args.seed, vocab=args.vocab)
        results["stream"] = run_child("stream", big, None, args.timeout * stream_mb / args.size_mb)
        print(fmt_row(f"{LABELS['stream']} {stream_mb:g} MB", results["stream"]), flush=True)

    print("\nratios of throughput (targets from issue 3); wall = wall-clock, cpu = CPU time of the process:")
    ours = results.get("ours", {})

    def speed(r, key):
        return r["mb"] / r[key] if r and "error" not in r and r[key] else None

    def ratio(a, b, target, what, keys=("wall", "cpu")):
        parts = []
        for key in keys:
            sa, sb = speed(results.get(a), key), speed(results.get(b), key)
            if sa and sb:
                parts.append(f"{key} {sa / sb:5.2f}x")
        if parts:
            goal = f"  (target >= {target}x)" if target else ""
            print(f"  {what:40s} {'   '.join(parts)}{goal}")

    ratio("ours", "sklearn", 1.5, "ours / sklearn CountVectorizer")
    ratio("ours", "spacy", 2.5, "ours / spaCy blank('da')")
    ratio("ours", "floor", 0, "ours / re.findall+Counter floor")
    ratio("ours2", "ours", 1.8, "ours, 2 processes / ours, 1 process", keys=("wall",))
    ratio("halves", "ours", 0, "2 independent halves / ours, 1 process", keys=("wall",))
    ratio("ours2", "halves", 0, "ours, 2 processes / 2 independent halves", keys=("wall",))
    one, two, read = results.get("ours"), results.get("ours2"), results.get("read")
    if one and two and "error" not in one and "error" not in two and two.get("workers_cpu"):
        # what the two processes cost in CPU, whatever else the machine runs: on an idle
        # 2-core machine the wall time cannot be shorter than the busier of the two, nor
        # than half their sum
        bound = one["cpu"] / max(two["cpu"], two["workers_cpu"], (two["cpu"] + two["workers_cpu"]) / 2)
        print(f"  {'2 processes, CPU seconds':40s} main {two['cpu']:.1f} s, worker {two['workers_cpu']:.1f} s "
              f"(1 process: {one['cpu']:.1f} s): about {bound:.2f}x if two cores were free")
    if one and two and read and all("error" not in r for r in (one, two, read)) and two.get("workers_cpu"):
        extra = two["cpu"] + two["workers_cpu"] - one["cpu"]
        print(f"  {'2 processes, CPU beyond 1 process':40s} {extra:.1f} s ({100 * extra / one['cpu']:.0f} %): handing "
              f"batches over, batches slower with both cores busy; the main process also reads ({read['cpu']:.1f} s)")
    halves = results.get("halves")
    if one and halves and "error" not in one and "error" not in halves and halves.get("workers_cpu"):
        extra = halves["workers_cpu"] - one["cpu"]
        print(f"  {'2 independent halves, CPU seconds':40s} {halves['workers_cpu']:.1f} s for the same work as 1 process's "
              f"{one['cpu']:.1f} s ({100 * extra / one['cpu']:+.0f} %: the same code, slower with both cores busy)")
    ratio("figures", "sklearn", 2.0, "extract_figures / CountVectorizer")
    ratio("figures2", "figures", 0, "extract_figures, 2 processes / 1 process", keys=("wall",))
    ratio("actors", "sklearn", 2.0, "actor_mentions / CountVectorizer")
    ratio("combined", "sklearn", 1.0, "pass + figures + actors / CountVectorizer")
    ratio("combined2", "combined", 0, "pass + figures + actors, 2 processes / 1 process", keys=("wall",))
    if "stream" in results and "error" not in results["stream"] and ours and "error" not in ours:
        print(f"  {'peak RSS, streamed %g MB / %g MB' % (stream_mb, args.size_mb):40s} "
              f"{results['stream']['peak'] / ours['peak']:5.2f}x  (target <= 1.3x)")
    print(f"\nload average at end {os.getloadavg()[0]:.1f} (the machine is shared; numbers vary from run to run)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
