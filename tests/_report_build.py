"""Reports built once per test session, shared by test_report.py and test_browser.py.

Executing the curated notebooks is the slow part of the report (a fresh kernel
each), so the seed report and the hostile report are each built once per pytest
session and cached here, whichever test file asks first; the hostile one is built
in a second process while the seed one builds.
"""

from __future__ import annotations

import multiprocessing
import shutil
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import nbformat

from corpus_tools.report import build_report

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
NOTEBOOKS = ROOT / "notebooks"

# Set as document.title by every hostile script; a page title containing it means one ran.
HOSTILE_MARK = "PWNED-by-corpus"
# Only a running script can set these: static markup cannot reach <body>'s attributes.
HOSTILE_JS = f"document.title='{HOSTILE_MARK}';window.__pwned=1;document.body.setAttribute('data-pwned','1')"

# Invented articles in the seed's format, every field a place where markup or a
# spreadsheet formula could leak: text, quotes, attribution, byline, file name.
HOSTILE_ARTICLES = {
    # a file name that is a formula: doc_id lands in every table
    "=HYPERLINK(\"http---example.invalid\",\"klik\").txt": (
        f" date 2024-03 <script>{HOSTILE_JS}</script> Rusland og FN mødtes i Damaskus.\n\n"
        f"Ifølge <img src=x onerror=\"{HOSTILE_JS}\"> er omkring 1.000 mennesker dræbt, og 2.500 er fordrevet.\n\n"
        "»=HYPERLINK(\"http://example.invalid/x\",\"klik her\")«, siger Ibrahim Jabawi, talsmand for Den Frie Syriske Hær.\n\n"
        "/ritzau/=cmd|' /C calc'!A0"
    ),
    "+cmd.txt": (
        " date 2024-04 +cmd|' /C calc'!A0 Tyrkiet og Iran kritiserer USA.\n\n"
        f"<svg onload=\"{HOSTILE_JS}\"></svg> Mindst 12 civile blev såret ifølge @SUM(1+1) og -2+3.\n\n"
        "»<b onmouseover=alert(1)>Vi trækker os</b>«, siger en talsmand for FN.\n\n"
        "[klik](javascript:alert(1)) Syrien og Rusland.\n\n"
        "/ritzau/AFP"
    ),
}


def _probe_notebook() -> nbformat.NotebookNode:
    """A notebook that shows the raw corpus text in every way a notebook can display HTML."""
    parameters = nbformat.v4.new_code_cell('corpus_path = "."')
    parameters.metadata["tags"] = ["parameters"]
    show = nbformat.v4.new_code_cell(
        "from html import escape\n"
        "from pathlib import Path\n"
        "import pandas as pd\n"
        "from IPython.display import HTML, SVG, Javascript, Markdown, display\n"
        "texts = [p.read_text(encoding='utf-8') for p in sorted(Path(corpus_path).glob('*.txt'))]\n"
        "for text in texts:\n"
        "    print(text)\n"
        "    display(HTML(text))\n"
        "    display(Markdown(text))\n"
        "    display(pd.DataFrame({'text': [text]}))\n"
        "    display(SVG(data='<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"40\" height=\"20\" onload=\"window.__pwned=1\">'\n"
        "                     '<script>window.__pwned=1</script><text y=\"15\">' + escape(text[:20]) + '</text></svg>'))\n"
        f"display(Javascript({HOSTILE_JS!r}))\n"
        "len(texts)"
    )
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_markdown_cell("# Probe: the corpus shown raw"), parameters, show]
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    return nb


def available_charts() -> list[str]:
    """The charts whose library functions exist (they grow while this project is built)."""
    from corpus_tools.report import _CHARTS, _api, _function, _Unavailable

    needs = {"figures": ["extract_figures"], "words": ["word_frequencies"], "mentions": ["actor_mentions"],
             "cooccurrence": ["actor_mentions", "cooccurrence"], "readability": ["readability"]}
    names = []
    for chart in _CHARTS:
        try:
            for name in needs[chart.data] + ["load_corpus"]:
                _api(name)
            _function("plots", chart.plot)
        except _Unavailable:
            continue
        names.append(chart.name)
    return names


_CACHE: dict[tuple[str, str], object] = {}
_PENDING: dict[tuple[str, str], tuple] = {}


def _key(tmp_path_factory, what: str) -> tuple[str, str]:
    return (str(tmp_path_factory.getbasetemp()), what)


def build_seed_report(tmp_path_factory):
    """The report over seeds/ with the repository's notebooks (built once per session)."""
    _start_hostile_report(tmp_path_factory)  # builds in another process meanwhile
    key = _key(tmp_path_factory, "seed")
    if key not in _CACHE:
        out = tmp_path_factory.mktemp("seed_report") / "report"
        _CACHE[key] = build_report(SEEDS, out, notebooks_dir=NOTEBOOKS, progress=False)
    return _CACHE[key]


def write_hostile_corpus(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in HOSTILE_ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def _start_hostile_report(tmp_path_factory) -> None:
    """Start building the hostile report in a separate (spawned) process, once per session.

    Executing notebooks is mostly waiting for kernels; building the two reports
    side by side keeps each test file within its time budget.
    """
    key = _key(tmp_path_factory, "hostile")
    if key in _CACHE or key in _PENDING:
        return
    base = tmp_path_factory.mktemp("hostile_report")
    corpus = write_hostile_corpus(base / "corpus")
    notebooks = base / "notebooks"
    notebooks.mkdir()
    for nb in sorted(NOTEBOOKS.glob("*.ipynb")):
        shutil.copy(nb, notebooks / nb.name)
    nbformat.write(_probe_notebook(), notebooks / "99_probe.ipynb")
    pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"))
    future = pool.submit(build_report, corpus, base / "report", notebooks_dir=notebooks, progress=False)
    _PENDING[key] = (pool, future)


def build_hostile_report(tmp_path_factory):
    """The report over the hostile corpus: the repository's notebooks plus the probe notebook."""
    _start_hostile_report(tmp_path_factory)
    key = _key(tmp_path_factory, "hostile")
    if key not in _CACHE:
        build_seed_report(tmp_path_factory)  # needed by the same tests anyway: build it meanwhile
        pool, future = _PENDING.pop(key)
        try:
            _CACHE[key] = future.result(timeout=600)
        finally:
            pool.shutdown()
    return _CACHE[key]
