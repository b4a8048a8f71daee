"""Batches of documents in this process or in worker processes (``n_jobs``).

:func:`run_batches` is what ``n_jobs=`` means in corpus_tools: ``n_jobs`` processes
count, this one and ``n_jobs - 1`` forked workers, and the results come back in the
order of the batches, so that a table built from them is the same as with one process.
"""

from __future__ import annotations

from typing import Iterable

__all__ = ["batches", "run_batches"]


#: items in the first batch when workers count (see batches): this process counts it
#: before it starts them (they inherit what it loaded), so they wait for it
FIRST_BATCH = 16
#: batches a worker holds at a time: the one it counts and two more, so that it does
#: not run dry while this process counts a batch of its own (with one more it was idle
#: 8 % of its time on benchmarks/bench.py's corpus, with two more 4 %)
AHEAD = 3


def batches(items: Iterable, size: int, n_jobs: int | None = 1):
    """Lists of ``size`` items (the last may be shorter). With ``n_jobs`` other than 1
    the first has only ``FIRST_BATCH`` items: :func:`run_batches` counts it in this
    process before it starts the workers (a measured 40 ms sooner on 256 articles)."""
    batch = []
    want = size if n_jobs in (None, 1) else max(1, min(FIRST_BATCH, size))
    for item in items:
        batch.append(item)
        if len(batch) >= want:
            yield batch
            batch = []
            want = size
    if batch:
        yield batch


def _serve(tasks, results, func, finish=None) -> None:  # pragma: no cover - runs in a worker process
    """Worker process: apply ``func`` to every batch that arrives, until None arrives;
    then hand back ``finish()`` (when given).

    A thread takes the batches off the pipe as soon as they arrive, so that the main
    process never waits to hand one over, even while this process waits to hand back a
    result larger than the pipe holds (otherwise each could wait for the other).
    """
    import pickle
    import queue
    import threading

    inbox: queue.SimpleQueue = queue.SimpleQueue()
    stop = pickle.dumps(None)

    def read() -> None:
        # only the bytes: reading from the pipe lets go of the GIL, unpickling would not,
        # and the counting thread would wait for it
        try:
            while True:
                data = tasks.recv_bytes()
                inbox.put(data)
                if data == stop:
                    return
        except (EOFError, OSError):  # the main process has gone
            inbox.put(stop)

    threading.Thread(target=read, daemon=True).start()
    while True:
        batch = pickle.loads(inbox.get())
        if batch is None:
            if finish is not None:
                try:
                    results.send((True, finish()))
                except Exception as exc:  # noqa: BLE001 - handed back to the parent, which raises it
                    results.send((False, exc))
            return
        try:
            results.send((True, func(batch)))
        except Exception as exc:  # noqa: BLE001 - handed back to the parent, which raises it
            results.send((False, exc))


def _pipe(ctx):
    """A one-way pipe whose buffer holds a whole batch where Linux allows (F_SETPIPE_SZ):
    handing a batch over then costs one copy, without a switch to the worker."""
    recv, send = ctx.Pipe(duplex=False)
    try:
        import fcntl

        fcntl.fcntl(send.fileno(), getattr(fcntl, "F_SETPIPE_SZ", 1031), 1 << 20)
    except (ImportError, OSError):
        pass  # other systems: a smaller buffer, the same results
    return recv, send


def run_batches(func, jobs, n_jobs: int, *, finish=None, collect=None):
    """Apply ``func`` to each of ``jobs``, in this process or with ``n_jobs - 1`` worker processes.

    ``finish`` and ``collect`` (optional, together) let ``func`` keep a running total in
    the process that runs it instead of handing every batch's share back: after the
    last batch each worker calls ``finish()`` and this process passes its value to
    ``collect``; this process's own total is the caller's to take (``finish()`` here).

    Results come in the order of the batches. With ``n_jobs`` > 1 this process and
    ``n_jobs - 1`` forked workers share the work: this process reads the batches,
    keeps each worker ``AHEAD`` batches supplied (sent through a pipe), and counts a batch
    itself whenever the workers have enough; so ``n_jobs`` processes count, and only
    the workers' batches pay for the hand-over (pickling, the pipe, unpickling).
    """
    if n_jobs is None or n_jobs == 1:
        yield from map(func, jobs)
        return
    import multiprocessing as mp
    import os

    if n_jobs < 1:
        n_jobs = os.cpu_count() or 1
    if n_jobs == 1:
        yield from map(func, jobs)
        return
    # the first batch here, before the workers start: forked workers inherit what it
    # loaded and learned (lemma tables, automata, vocabularies) instead of each paying for it
    jobs = iter(jobs)
    for first in jobs:
        yield func(first)
        break
    else:
        return
    ctx = mp.get_context("fork" if "fork" in mp.get_all_start_methods() else "spawn")
    workers = []  # (process, task pipe, result pipe, indices of the batches it holds)
    finished = False
    try:
        for _ in range(n_jobs - 1):
            task_recv, task_send = _pipe(ctx)
            result_recv, result_send = _pipe(ctx)
            proc = ctx.Process(target=_serve, args=(task_recv, result_send, func, finish), daemon=True)
            proc.start()
            task_recv.close()
            result_send.close()
            workers.append((proc, task_send, result_recv, []))
        done: dict = {}
        next_out = 1

        def receive(w, block: bool) -> None:
            while w[3] and (block or w[2].poll()):
                ok, value = w[2].recv()
                if not ok:
                    raise value
                done[w[3].pop(0)] = value
                block = False

        for i, batch in enumerate(jobs, 1):
            for w in workers:
                receive(w, False)
            w = min(workers, key=lambda w: len(w[3]))
            if len(w[3]) < AHEAD:
                w[1].send(batch)
                w[3].append(i)
            else:
                done[i] = func(batch)
            while next_out in done:
                yield done.pop(next_out)
                next_out += 1
        for w in workers:
            while w[3]:
                receive(w, True)
        while next_out in done:
            yield done.pop(next_out)
            next_out += 1
        for w in workers:  # idle workers: ask them to stop (and for their totals)
            w[1].send(None)
        if finish is not None:
            for w in workers:
                ok, value = w[2].recv()
                if not ok:
                    raise value
                collect(value)
        finished = True
    finally:
        for proc, task_send, result_recv, _held in workers:
            if not finished:  # an error or an abandoned generator: stop them whatever they are doing
                proc.terminate()
            proc.join(timeout=5)
            if proc.is_alive():
                proc.kill()
                proc.join()
            task_send.close()
            result_recv.close()
