"""The ``corpus-tools`` command (also ``python -m corpus_tools``).

Sub-commands::

    corpus-tools report [CORPUS] [--out DIR] [--notebooks DIR] [--no-charts] [--quiet]
        run every notebook on CORPUS (default: the repository's seeds/) and
        write an HTML report with charts and tables into DIR (default: report/)
    corpus-tools evaluate {text,figures,names,quotes,actors} [options]
        accuracy against the gold data (same as python -m corpus_tools.evaluate)

Exit status: 0 when everything was written, 1 when a notebook, chart or table
failed (the report is still written, with the failure listed), 2 for bad input.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .errors import CorpusError

__all__ = ["main", "parser"]


def _default_corpus() -> str:
    """The repository's seeds/ next to the package (editable install), else ./seeds."""
    here = Path(__file__).resolve().parents[1] / "seeds"
    return str(here) if here.is_dir() else "seeds"


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="corpus-tools", description="Read a corpus of news articles as data.")
    sub = p.add_subparsers(dest="command", metavar="{report,evaluate}")
    sub.required = True

    r = sub.add_parser("report", help="run the notebooks on a corpus and write an HTML report",
                       description="Run every notebook in notebooks/ on CORPUS with papermill and write an HTML "
                                   "report (index.html, notebook pages, charts as PNG/SVG, tables as CSV/XLSX).")
    r.add_argument("corpus", nargs="?", default=None,
                   help="a folder of articles, a zip, a CSV/XLSX/JSONL/Parquet file (default: the repository's seeds/)")
    r.add_argument("--out", default="report", help="folder to write the report into (default: report)")
    r.add_argument("--notebooks", default=None, help="folder of notebooks to run (default: the repository's notebooks/)")
    r.add_argument("--timeout", type=int, default=600, help="seconds per notebook cell (default: 600)")
    r.add_argument("--no-charts", dest="charts", action="store_false",
                   help="run the notebooks only, without the charts/ and tables/ folders")
    r.add_argument("--quiet", action="store_true", help="no progress bar")

    e = sub.add_parser("evaluate", help="accuracy against gold data: text, figures, names, quotes or actors", add_help=False)
    e.add_argument("args", nargs=argparse.REMAINDER)
    return p


def _report(args) -> int:
    from .report import build_report

    corpus = args.corpus if args.corpus is not None else _default_corpus()
    report = build_report(corpus, args.out, notebooks_dir=args.notebooks, progress=not args.quiet,
                          timeout=args.timeout, charts=args.charts)
    for line in report.failed:
        print(f"failed: {line}", file=sys.stderr)
    for line in report.skipped:
        print(f"skipped: {line}", file=sys.stderr)
    for line in report.notes:
        print(f"note: {line}", file=sys.stderr)
    print(f"wrote {report.index} ({len(report.notebooks)} notebooks, {len(report.charts)} charts, "
          f"{len(report.tables)} tables)")
    return 0 if report.ok else 1


def main(argv=None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["evaluate"]:  # everything after it belongs to the evaluator
        from .evaluate.__main__ import main as evaluate

        return evaluate(argv[1:])
    args = parser().parse_args(argv)
    try:
        return _report(args)
    except CorpusError as exc:
        print(f"corpus-tools: error: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
