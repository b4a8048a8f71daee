"""One command, one folder: every curated notebook run on a corpus, rendered to safe HTML.

:func:`build_report` executes each notebook in ``notebooks/`` (sorted by name)
with papermill in a fresh kernel of the running Python, with ``corpus_path``
injected into its ``parameters`` cell; renders each executed notebook to a static
HTML page; draws the charts (PNG and SVG) and writes the tables (CSV and XLSX,
safe to open in a spreadsheet) straight from the library; and links it all from an
``index.html``. The folder it writes::

    report/
      index.html                    links to everything below
      notebooks/01_corpus_overview.html, .ipynb   executed notebooks and their pages
      charts/key_figures.png, .svg, .csv         chart, and its table for Datawrapper
      tables/figures.csv, .xlsx                  full tables, one row per observation

Corpus text never runs as code in the report: HTML in cell outputs and Markdown is
cleaned with an allow-list (a ``<script>`` or ``<img onerror=...>`` in an article
shows up as text), the pages carry no JavaScript at all, and a
Content-Security-Policy meta tag forbids scripts in case anything slipped through.

Example (from the repository root)::

    from corpus_tools.report import build_report
    report = build_report("seeds", "report")   # executes the notebooks: about 30 s
    report.index                               # .../report/index.html

Command line: ``corpus-tools report seeds --out report``.
"""

from __future__ import annotations

import base64
import html
import importlib
import os
import re
import string
import tempfile
import warnings
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from urllib.parse import quote

from .errors import CorpusError

__all__ = ["CSP", "Report", "build_report", "clean_html", "render_notebook", "find_notebooks"]

#: Content-Security-Policy of every report page: no script of any kind, no
#: network; images only from the report folder or inline data, inline styles only.
CSP = (
    "default-src 'none'; script-src 'none'; object-src 'none'; img-src 'self' data: file:; "
    "style-src 'unsafe-inline'; font-src 'self' data:; base-uri 'none'; form-action 'none'"
)

_KERNEL_NAME = "corpus-tools-python"
_PACKAGE_ROOT = Path(__file__).resolve().parent
_REPO_ROOT = _PACKAGE_ROOT.parent


# --------------------------------------------------------------------------
# HTML cleaning
# --------------------------------------------------------------------------

# Tags kept in HTML outputs and Markdown: text structure and tables (pandas'
# to_html). Everything else (script, img, iframe, svg, style, form, ...) is
# escaped, so it shows as text instead of being parsed.
_ALLOWED_TAGS = frozenset(
    """a abbr acronym b blockquote br caption code col colgroup dd del details div dl dt em
    h1 h2 h3 h4 h5 h6 hr i ins kbd li ol p pre q s samp small span strong sub summary sup
    table tbody td tfoot th thead tr u ul""".split()
)
_ALLOWED_ATTRIBUTES = {
    "*": ["class", "id", "title"],
    "a": ["href", "title", "class", "id"],
    "abbr": ["title"],
    "td": ["colspan", "rowspan", "align", "class", "id"],
    "th": ["colspan", "rowspan", "align", "class", "id"],
    "table": ["border", "class", "id"],
    "ol": ["start"],
}
_ALLOWED_PROTOCOLS = ["http", "https", "mailto"]
# pandas' DataFrame._repr_html_ starts with a <style scoped> block: cosmetic, and
# escaping it would print CSS as text, so it is dropped before cleaning.
_STYLE_BLOCK = re.compile(r"<style\b[^>]*>.*?</style\s*>", re.IGNORECASE | re.DOTALL)


def clean_html(fragment) -> str:
    """Make an HTML fragment from a notebook output safe to embed in a page.

    Keeps text structure and tables; escapes every other tag, so corpus text such
    as ``<script>alert(1)</script>`` is shown, not run; drops event-handler and
    style attributes, comments, and ``javascript:`` links.

    >>> clean_html('<b>FN</b><img src=x onerror=alert(1)>')
    '<b>FN</b>&lt;img src=x onerror=alert(1)&gt;'
    >>> clean_html('<table><tbody><tr><th>a</th><td>&lt;script&gt;</td></tr></tbody></table>')
    '<table><tbody><tr><th>a</th><td>&lt;script&gt;</td></tr></tbody></table>'
    """
    import bleach

    text = fragment.decode("utf-8") if isinstance(fragment, bytes) else str(fragment)
    text = _STYLE_BLOCK.sub("", text)
    return bleach.clean(
        text,
        tags=_ALLOWED_TAGS,
        attributes=_ALLOWED_ATTRIBUTES,
        protocols=_ALLOWED_PROTOCOLS,
        strip=False,
        strip_comments=True,
    )


def _svg_base64(svg) -> str:
    text = svg.decode("utf-8") if isinstance(svg, bytes) else str(svg)
    return base64.b64encode(text.encode("utf-8")).decode("ascii")


# --------------------------------------------------------------------------
# Notebooks: find, execute, render
# --------------------------------------------------------------------------


def find_notebooks(notebooks_dir=None) -> list[Path]:
    """Every ``*.ipynb`` in ``notebooks_dir`` (not recursive), sorted by file name.

    ``notebooks_dir=None`` means the repository's ``notebooks/`` folder (next to
    the installed ``corpus_tools`` package, as with ``pip install -e .``), else
    ``./notebooks``. Checkpoint copies are ignored.
    """
    if notebooks_dir is None:
        for candidate in (_REPO_ROOT / "notebooks", Path.cwd() / "notebooks"):
            if candidate.is_dir():
                notebooks_dir = candidate
                break
        else:
            raise CorpusError(
                "found no notebooks/ folder next to the corpus_tools package or in the current folder; "
                "pass notebooks_dir= (command line: --notebooks DIR)"
            )
    folder = Path(notebooks_dir)
    if not folder.is_dir():
        raise CorpusError("is not a folder of notebooks", path=str(folder))
    return sorted((p for p in folder.glob("*.ipynb") if p.is_file()), key=lambda p: p.name)


def _kernel_spec_dir(root: Path) -> Path:
    """A kernel spec that starts a kernel with *this* Python (sys.executable).

    Written to a private folder, so that neither a user-wide ``python3`` kernel
    pointing at another interpreter nor a missing ``jupyter kernelspec install``
    can make the notebooks run outside the environment that runs the report
    (only ``ipykernel`` needs to be installed).
    """
    from ipykernel.kernelspec import write_kernel_spec

    kernels = root / "kernels"
    # The notebooks import the same corpus_tools that builds the report, installed or not.
    path = os.pathsep.join(p for p in (str(_PACKAGE_ROOT.parent), os.environ.get("PYTHONPATH", "")) if p)
    overrides = {"display_name": "Python (corpus_tools report)", "env": {"PYTHONPATH": path}}
    # The kernel's own log (e.g. "running over TCP without encryption", on loopback)
    # would only garble the progress bar; errors in cells still reach the notebook.
    write_kernel_spec(kernels / _KERNEL_NAME, overrides=overrides, extra_arguments=["--IPKernelApp.log_level=ERROR"])
    return kernels


def _execute(notebook: Path, output: Path, *, corpus_param: str, cwd: Path, kernels: Path, timeout: int):
    """Run one notebook in a fresh kernel; returns (executed notebook, error text or None)."""
    import nbformat
    import papermill as pm
    from jupyter_client.kernelspec import KernelSpecManager
    from jupyter_client.manager import AsyncKernelManager

    original = nbformat.read(notebook, as_version=4)
    km = AsyncKernelManager(
        kernel_name=_KERNEL_NAME, kernel_spec_manager=KernelSpecManager(kernel_dirs=[str(kernels)])
    )
    error = None
    try:
        pm.execute_notebook(
            str(notebook),
            str(output),
            parameters={"corpus_path": corpus_param},
            kernel_name=_KERNEL_NAME,
            language="python",
            progress_bar=False,
            cwd=str(cwd),
            km=km,
            execution_timeout=timeout,
        )
    except pm.PapermillExecutionError as exc:
        error = f"{exc.ename}: {exc.evalue} (cell {exc.exec_count})"
    if not output.exists():  # failed before the first save (e.g. the kernel did not start)
        raise CorpusError("papermill wrote no output notebook", path=str(notebook))
    executed = nbformat.read(output, as_version=4)
    # Keep the notebook's own kernel name, so the executed copy opens in Jupyter.
    if "kernelspec" in original.metadata:
        executed.metadata["kernelspec"] = original.metadata["kernelspec"]
    else:
        executed.metadata.pop("kernelspec", None)
    nbformat.write(executed, output)
    return executed, error


def _notebook_title(nb, fallback: str) -> str:
    """The first Markdown heading of a notebook, as plain text."""
    for cell in nb.cells:
        if cell.cell_type != "markdown":
            continue
        for line in cell.source.splitlines():
            m = re.match(r"^\s*#{1,6}\s+(.+?)\s*#*\s*$", line)
            if m:
                return re.sub(r"[*_`]", "", m.group(1)).strip() or fallback
    return fallback


def render_notebook(nb, html_path) -> Path:
    """Write an (executed) notebook as a static HTML page without any JavaScript.

    ``nb`` is a notebook node or a path to an ``.ipynb`` file. Outputs and
    Markdown are cleaned with :func:`clean_html`; images are embedded, so the
    page is a single file.
    """
    import nbformat
    from nbconvert import HTMLExporter

    if not hasattr(nb, "cells"):
        nb = nbformat.read(str(nb), as_version=4)
    html_path = Path(html_path)
    exporter = HTMLExporter(
        template_name="lab",
        template_file="notebook.html.j2",
        extra_template_paths=[str(resources.files("corpus_tools") / "report_templates")],
        sanitize_html=True,
    )
    exporter.register_filter("clean_html", clean_html)
    exporter.register_filter("svg_base64", _svg_base64)
    title = _notebook_title(nb, html_path.stem)
    body, _ = exporter.from_notebook_node(
        nb, resources={"corpus_tools_csp": CSP, "metadata": {"name": title}}
    )
    html_path.parent.mkdir(parents=True, exist_ok=True)
    html_path.write_text(body, encoding="utf-8")
    return html_path


# --------------------------------------------------------------------------
# Charts and tables, straight from the library
# --------------------------------------------------------------------------


class _Unavailable(Exception):
    """A library function the report needs does not exist (yet): skip, don't fail."""


def _function(module: str, name: str):
    try:
        mod = importlib.import_module(f"corpus_tools.{module}")
    except ModuleNotFoundError as exc:
        if exc.name == f"corpus_tools.{module}":
            raise _Unavailable(f"corpus_tools.{module} is not available") from None
        raise
    fn = getattr(mod, name, None)
    if fn is None:
        raise _Unavailable(f"corpus_tools.{module}.{name} is not available")
    return fn


def _api(name: str):
    """A public function of ``corpus_tools`` by name (wherever its submodule lives)."""
    from . import _EXPORTS

    module = _EXPORTS.get(name)
    if module is None:
        raise _Unavailable(f"corpus_tools.{name} is not available")
    return _function(module, name)


class _Analyses:
    """Each analysis of the corpus computed once, on first use; failures remembered."""

    RECIPES = {
        "figures": lambda a: _api("extract_figures")(a.corpus),
        "words": lambda a: _api("word_frequencies")(a.corpus),
        "mentions": lambda a: _api("actor_mentions")(a.corpus),
        "cooccurrence": lambda a: _api("cooccurrence")(a["mentions"]),
        "quotes": lambda a: _api("quotes")(a.corpus),
        "readability": lambda a: _api("readability")(a.corpus),
    }

    def __init__(self, corpus):
        self.corpus = corpus
        self._done: dict[str, object] = {}

    def __getitem__(self, key: str):
        if key not in self._done:
            try:
                self._done[key] = self.RECIPES[key](self)
            except Exception as exc:  # remembered, re-raised for every chart that needs it
                self._done[key] = exc
        value = self._done[key]
        if isinstance(value, Exception):
            raise value
        return value


@dataclass(frozen=True)
class _Chart:
    name: str  # file stem in charts/
    title: str  # caption in index.html
    data: str  # key in _Analyses.RECIPES
    plot: str  # function in corpus_tools.plots
    table: str  # its companion table function in corpus_tools.plots
    options: tuple = ()  # extra keyword arguments: (name, value) pairs; "corpus" means the corpus


_CHARTS = [
    _Chart("key_figures", "Key figures: people killed, displaced, wounded", "figures", "figures_chart", "figures_table"),
    _Chart("word_frequencies", "Most frequent words (without stop words)", "words", "word_frequency_chart", "word_frequency_table"),
    _Chart("wordcloud", "Word cloud", "words", "wordcloud_chart", "word_frequency_table"),
    _Chart("actors", "Actor mentions: names and adjectives", "mentions", "actor_chart", "actor_table"),
    _Chart("actor_network", "Actors mentioned in the same sentence", "cooccurrence", "network_chart", "network_table"),
    _Chart("mentions_by_month", "Actor mentions per month", "mentions", "timeline_chart", "timeline_table",
           (("corpus", "corpus"), ("by", "actor"))),
    _Chart("lix", "Readability (LIX) per article", "readability", "lix_chart", "lix_table"),
]

# Full tables: file stem -> (caption, key in _Analyses.RECIPES or "articles"/"load_report").
_TABLES = [
    ("articles", "Articles (metadata, one row per article)", "articles"),
    ("load_report", "Load report (files that did not load cleanly)", "load_report"),
    ("figures", "Figures: every quantity with category, hedge, attribution and offsets", "figures"),
    ("word_frequencies", "Word frequencies", "words"),
    ("actor_mentions", "Actor mentions with offsets", "mentions"),
    ("cooccurrence", "Actor co-occurrence (edge list)", "cooccurrence"),
    ("quotes", "Quotes and speakers", "quotes"),
    ("readability", "Readability per article", "readability"),
]


def _articles_table(corpus):
    import pandas as pd

    table = corpus.drop(columns=[c for c in ("text",) if c in corpus.columns]).copy()
    if "text" in corpus.columns:
        table["characters"] = corpus["text"].fillna("").str.len()
    for column in table.columns:  # lists (agencies) as "ritzau/Reuters", periods as text
        if table[column].map(lambda v: isinstance(v, (list, tuple))).any():
            table[column] = table[column].map(lambda v: "/".join(map(str, v)) if isinstance(v, (list, tuple)) else v)
        elif isinstance(table[column].dtype, pd.PeriodDtype):
            table[column] = table[column].astype(str).replace("NaT", "")
    return table


def _load_report_table(corpus):
    import pandas as pd

    report = corpus.attrs.get("load_report")
    if report is None:
        raise _Unavailable("the corpus carries no load report")
    if isinstance(report, pd.DataFrame):
        return report
    return pd.DataFrame(list(report) if not isinstance(report, dict) else report)


@dataclass
class Report:
    """What :func:`build_report` wrote. ``problems`` lists everything skipped or failed."""

    out_dir: Path
    index: Path
    notebooks: list = field(default_factory=list)  # dicts: name, title, html, ipynb, error
    charts: list = field(default_factory=list)  # dicts: name, title, files
    tables: list = field(default_factory=list)  # dicts: name, title, files, rows
    skipped: list = field(default_factory=list)  # "what: why" for functions not available
    failed: list = field(default_factory=list)  # "what: error" for real errors
    notes: list = field(default_factory=list)  # warnings, e.g. cells too long for Excel

    @property
    def ok(self) -> bool:
        """True when no notebook, chart or table failed (skips are not failures)."""
        return not self.failed


def _rel(path: Path, root: Path) -> str:
    return Path(os.path.relpath(path, root)).as_posix()


def _corpus_param(corpus: Path, out: Path) -> str:
    """The corpus path as the notebooks see it (they run in ``out/notebooks``).

    Relative (``../../seeds``) when the corpus lies beside the report folder, as in
    a project checkout, so the executed notebooks can be reopened from the report;
    absolute otherwise, rather than a long chain of ``../``.
    """
    try:
        corpus.relative_to(out.parent)
    except ValueError:
        return str(corpus)
    return Path(os.path.relpath(corpus, out / "notebooks")).as_posix()


def build_report(corpus_path, out_dir, *, notebooks_dir=None, progress=True, timeout: int = 600,
                 charts: bool = True) -> Report:
    """Run every notebook on ``corpus_path`` and write the report folder ``out_dir``.

    ``corpus_path`` is anything :func:`corpus_tools.load_corpus` reads (a folder
    of wire files, a zip, a CSV...). The notebooks run with ``out_dir/notebooks``
    as their working folder and ``corpus_path`` injected relative to it when the
    corpus lies beside the report folder (else absolute), so the executed copies
    can be reopened in JupyterLab from the report folder.
    ``timeout`` is seconds per notebook cell. ``progress`` shows a tqdm bar.
    ``charts=False`` runs the notebooks only (no charts/ and tables/ folders).
    A notebook that raises is rendered with its error and listed in
    ``Report.failed``; a chart whose library function does not exist is skipped
    with a note in ``Report.skipped``. Returns a :class:`Report`.
    """
    from tqdm.auto import tqdm

    corpus = Path(corpus_path).expanduser().resolve()
    if not corpus.exists():
        raise CorpusError("no such file or folder; pass a corpus (a folder of articles, a zip, a CSV...)",
                          path=str(corpus_path))
    out = Path(out_dir).expanduser().resolve()
    if corpus.is_dir() and out.is_relative_to(corpus):
        raise CorpusError(
            f"the report folder {out} is inside the corpus folder: its tables and pages would be read as "
            "articles next time; choose --out outside it", path=str(corpus_path))
    notebooks = find_notebooks(notebooks_dir)
    pages_dir = out / "notebooks"
    pages_dir.mkdir(parents=True, exist_ok=True)
    report = Report(out_dir=out, index=out / "index.html")

    steps = len(notebooks) + (1 + len(_CHARTS) + len(_TABLES) if charts else 0) + 1
    bar = tqdm(total=steps, desc="report", unit="step", disable=not progress)
    try:
        with tempfile.TemporaryDirectory(prefix="corpus_tools_report_") as tmp:
            kernels = _kernel_spec_dir(Path(tmp))
            for notebook in notebooks:
                bar.set_description(f"notebook {notebook.stem}")
                ipynb = pages_dir / notebook.name
                page = pages_dir / (notebook.stem + ".html")
                try:
                    executed, error = _execute(notebook, ipynb, corpus_param=_corpus_param(corpus, out),
                                               cwd=pages_dir, kernels=kernels, timeout=timeout)
                    render_notebook(executed, page)
                    title = _notebook_title(executed, notebook.stem)
                except Exception as exc:  # a broken notebook must not stop the others
                    error, title = f"{type(exc).__name__}: {exc}", notebook.stem
                    page = page if page.exists() else None
                if error:
                    report.failed.append(f"notebook {notebook.name}: {error}")
                report.notebooks.append({"name": notebook.name, "title": title, "html": page,
                                         "ipynb": ipynb if ipynb.exists() else None, "error": error})
                bar.update()

        if charts:
            bar.set_description("loading corpus")
            analyses = None
            try:
                loaded = _api("load_corpus")(os.fspath(corpus_path))  # as given: no absolute paths in tables
                analyses = _Analyses(loaded)
            except _Unavailable as exc:
                report.skipped.append(f"charts and tables: {exc}")
            except Exception as exc:
                report.failed.append(f"loading the corpus: {type(exc).__name__}: {exc}")
            bar.update()
            _write_charts(analyses, out, report, bar)
            _write_tables(analyses, out, report, bar)
        _write_index(report, Path(corpus_path))
        bar.update()
    finally:
        bar.close()
    return report


def _write_charts(analyses, out: Path, report: Report, bar) -> None:
    import matplotlib

    matplotlib.use("Agg", force=False)  # no window, also where no display exists
    import matplotlib.pyplot as plt

    for chart in _CHARTS:
        bar.set_description(f"chart {chart.name}")
        if analyses is None:
            bar.update()
            continue
        try:
            data = analyses[chart.data]
            options = {k: (analyses.corpus if v == "corpus" else v) for k, v in chart.options}
            plot = _function("plots", chart.plot)
            save = _function("plots", "save")
            fig = plot(data, source=analyses.corpus, **options)
            try:
                files = [Path(p) for p in save(fig, out / "charts" / chart.name)]
            finally:
                plt.close(fig)
            try:  # the table the chart draws, ready for Datawrapper
                table = _function("plots", chart.table)(data, **options)
                dw = out / "charts" / f"{chart.name}.csv"
                _api("datawrapper_csv")(table, dw)
                files.append(dw)
            except _Unavailable as exc:
                report.skipped.append(f"chart data {chart.name}: {exc}")
            report.charts.append({"name": chart.name, "title": chart.title, "files": files})
        except _Unavailable as exc:
            report.skipped.append(f"chart {chart.name}: {exc}")
        except CorpusError as exc:  # nothing to draw in this corpus (e.g. no killed/displaced figures)
            report.skipped.append(f"chart {chart.name}: {exc}")
        except Exception as exc:
            report.failed.append(f"chart {chart.name}: {type(exc).__name__}: {exc}")
        bar.update()


def _write_tables(analyses, out: Path, report: Report, bar) -> None:
    for name, title, key in _TABLES:
        bar.set_description(f"table {name}")
        if analyses is None:
            bar.update()
            continue
        try:
            if key == "articles":
                df = _articles_table(analyses.corpus)
            elif key == "load_report":
                df = _load_report_table(analyses.corpus)
            else:
                df = analyses[key]
            to_csv, to_excel = _api("to_csv"), _api("to_excel")
            folder = out / "tables"
            folder.mkdir(parents=True, exist_ok=True)
            with warnings.catch_warnings(record=True) as caught:
                warnings.simplefilter("always")
                to_csv(df, folder / f"{name}.csv")
                to_excel(df, folder / f"{name}.xlsx")
            for w in caught:  # e.g. a cell too long for Excel: reported, never silent
                report.notes.append(f"table {name}: {w.message}")
            report.tables.append({"name": name, "title": title, "rows": len(df),
                                  "files": [folder / f"{name}.csv", folder / f"{name}.xlsx"]})
        except _Unavailable as exc:
            report.skipped.append(f"table {name}: {exc}")
        except Exception as exc:
            report.failed.append(f"table {name}: {type(exc).__name__}: {exc}")
        bar.update()


# --------------------------------------------------------------------------
# index.html
# --------------------------------------------------------------------------


def _link(path: Path | None, root: Path, text: str) -> str:
    if path is None:
        return ""
    href = quote(_rel(path, root), safe="/")
    return f'<a href="{html.escape(href, quote=True)}">{html.escape(text)}</a>'


def _write_index(report: Report, corpus: Path) -> None:
    from . import __version__

    e = html.escape
    root = report.out_dir
    parts = [
        "<h1>Corpus report</h1>",
        f'<p class="meta">Corpus: <code>{e(str(corpus))}</code> &middot; made with corpus_tools {e(__version__)}</p>',
        "<h2>Notebooks</h2>",
        "<table>",
    ]
    for nb in report.notebooks:
        status = f'<span class="problem">failed: {e(nb["error"])}</span>' if nb["error"] else ""
        parts.append(
            f"<tr><td>{_link(nb['html'], root, nb['title']) or e(nb['title'])}</td>"
            f"<td>{_link(nb['ipynb'], root, nb['name'])}</td><td>{status}</td></tr>"
        )
    parts.append("</table>")
    if not report.notebooks:
        parts.append("<p>No notebooks were found.</p>")
    parts.append('<h2>Charts</h2>\n<div class="charts">')
    for chart in report.charts:
        png = next((f for f in chart["files"] if f.suffix == ".png"), None)
        img = ""
        if png is not None:
            src = html.escape(quote(_rel(png, root), safe="/"), quote=True)
            img = f'<a href="{src}"><img src="{src}" alt="{e(chart["title"], quote=True)}"></a>'
        links = " &middot; ".join(
            _link(f, root, "data (CSV)" if f.suffix == ".csv" else f.suffix[1:].upper()) for f in chart["files"]
        )
        parts.append(f"<figure id=\"chart-{e(chart['name'], quote=True)}\">{img}"
                     f"<figcaption>{e(chart['title'])}<br>{links}</figcaption></figure>")
    parts.append("</div>")
    parts.append("<h2>Tables</h2>\n<table>")
    for table in report.tables:
        links = " &middot; ".join(_link(f, root, f.suffix[1:].upper()) for f in table["files"])
        parts.append(f"<tr><td>{e(table['title'])}</td><td>{e(str(table['rows']))} {'row' if table['rows'] == 1 else 'rows'}</td><td>{links}</td></tr>")
    parts.append("</table>")
    parts.append(
        "<p class=\"meta\">CSV and XLSX cells that would start a spreadsheet formula "
        "(<code>= + - @</code>, tab, carriage return) are neutralised, so a spreadsheet shows them as text (see <code>corpus_tools.export</code>).</p>"
    )
    if report.failed or report.skipped or report.notes:
        parts.append("<h2>Problems and notes</h2>\n<ul>")
        parts += [f'<li class="problem">{e(p)}</li>' for p in report.failed]
        parts += [f"<li>{e(p)}</li>" for p in report.skipped + report.notes]
        parts.append("</ul>")
    template = string.Template((resources.files("corpus_tools") / "report_templates" / "index.html").read_text("utf-8"))
    page = template.substitute(csp=e(CSP, quote=True), title=e(f"Corpus report: {corpus.name}"), body="\n".join(parts))
    report.index.write_text(page, encoding="utf-8")

