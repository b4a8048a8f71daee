"""The one-command report: notebooks executed, rendered without script, charts and safe tables."""

from __future__ import annotations

import csv
import sys
from html.parser import HTMLParser
from pathlib import Path

import nbformat
import pytest

from _report_build import NOTEBOOKS, SEEDS as ROOT_SEEDS, available_charts, build_hostile_report, build_seed_report, write_hostile_corpus
from corpus_tools import CorpusError, read_csv
from corpus_tools.report import CSP, _CHARTS, _Analyses, _corpus_param, build_report, clean_html, find_notebooks, render_notebook

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


class _Tags(HTMLParser):
    """Every start tag of a page with its attributes."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, {k.lower(): v or "" for k, v in attrs}))

    handle_startendtag = handle_starttag


def tags(page: str) -> list[tuple[str, dict]]:
    parser = _Tags()
    parser.feed(page)
    return parser.tags


def assert_inert(page: str, where: str = "") -> None:
    """No script element, no event handler, no javascript: URL, no element from the corpus."""
    for tag, attrs in tags(page):
        assert tag not in ("script", "iframe", "object", "embed", "svg", "img") or (
            tag == "img" and not attrs.get("src", "").startswith(("x", "javascript:"))
        ), f"{where}: <{tag} {attrs}>"
        assert not [a for a in attrs if a.startswith("on")], f"{where}: <{tag}> has an event handler {attrs}"
        assert not any(v.strip().lower().startswith("javascript:") for v in attrs.values()), f"{where}: {attrs}"


# --------------------------------------------------------------------------
# clean_html: a table of cases
# --------------------------------------------------------------------------

CLEAN_CASES = [
    # a script from the corpus is shown as text
    ("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
    # an image with an error handler is shown as text, not loaded
    ("<img src=x onerror=alert(1)>", "&lt;img src=x onerror=alert(1)&gt;"),
    # an allowed tag loses its event handler
    ("<b onmouseover=alert(1)>FN</b>", "<b>FN</b>"),
    # a javascript: link loses its target
    ('<a href="javascript:alert(1)">klik</a>', "<a>klik</a>"),
    # an ordinary link stays
    ('<a href="https://example.org/a">kilde</a>', '<a href="https://example.org/a">kilde</a>'),
    # svg (onload) is escaped
    ("<svg onload=alert(1)>", "&lt;svg onload=alert(1)&gt;"),
    # comments are dropped
    ("a<!-- <script>x</script> -->b", "ab"),
    # pandas' table survives whole: thead, th, td and its class
    (
        '<table border="1" class="dataframe"><thead><tr><th>doc_id</th></tr></thead>'
        "<tbody><tr><td>&lt;script&gt;</td></tr></tbody></table>",
        '<table border="1" class="dataframe"><thead><tr><th>doc_id</th></tr></thead>'
        "<tbody><tr><td>&lt;script&gt;</td></tr></tbody></table>",
    ),
    # pandas' <style scoped> block is dropped, not printed as text
    ("<div><style scoped>.dataframe td {x: y}</style><p>t</p></div>", "<div><p>t</p></div>"),
    # style attributes are dropped (no CSS from outputs)
    ('<span style="background:url(x)">s</span>', "<span>s</span>"),
    # bytes are accepted
    (b"<i>\xc3\xb8</i>", "<i>ø</i>"),
]


@pytest.mark.parametrize("fragment, expected", CLEAN_CASES)
def test_clean_html(fragment, expected):
    assert clean_html(fragment) == expected


@pytest.mark.parametrize("fragment, _", CLEAN_CASES)
def test_clean_html_output_is_inert_and_stable(fragment, _):
    cleaned = clean_html(fragment)
    assert_inert(cleaned, repr(fragment))
    # cleaning twice changes nothing
    assert clean_html(cleaned) == cleaned


# --------------------------------------------------------------------------
# render_notebook: a notebook with hostile outputs, no kernel needed
# --------------------------------------------------------------------------

HOSTILE = '<script>document.title="x"</script><img src=x onerror=alert(1)>'


def _hostile_output_notebook():
    nb = nbformat.v4.new_notebook()
    cell = nbformat.v4.new_code_cell("show(corpus)")
    cell.outputs = [
        nbformat.v4.new_output("stream", name="stdout", text=HOSTILE),
        nbformat.v4.new_output("display_data", data={"text/html": HOSTILE, "text/plain": "x"}),
        nbformat.v4.new_output("display_data", data={"text/markdown": HOSTILE + " **fed**"}),
        nbformat.v4.new_output("display_data", data={"application/javascript": "window.__pwned = 1"}),
        nbformat.v4.new_output(
            "display_data",
            data={"image/svg+xml": '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(1)</script></svg>'},
        ),
        nbformat.v4.new_output("error", ename="ValueError", evalue=HOSTILE, traceback=[HOSTILE]),
    ]
    nb.cells = [nbformat.v4.new_markdown_cell("# Hostile *outputs*"), cell]
    return nb


def test_render_notebook_has_no_script_and_a_csp(tmp_path):
    page = render_notebook(_hostile_output_notebook(), tmp_path / "page.html").read_text(encoding="utf-8")
    assert_inert(page, "page.html")
    assert "<script" not in page.lower()
    assert "Content-Security-Policy" in page and "script-src 'none'" in page
    # the hostile text is there for the reader, as text
    assert page.count("&lt;script&gt;") >= 4
    assert "<title>Hostile outputs</title>" in page
    # the SVG became an image (SVG in <img> cannot run script)
    assert 'src="data:image/svg+xml;base64,' in page


def test_csp_forbids_scripts_and_network():
    assert "script-src 'none'" in CSP and "default-src 'none'" in CSP
    assert "http" not in CSP


# --------------------------------------------------------------------------
# build_report with tiny notebooks (two kernels)
# --------------------------------------------------------------------------


def _notebook(path: Path, code: str, *, parameters: bool = True) -> Path:
    cells = [nbformat.v4.new_markdown_cell(f"# Notebook {path.stem}")]
    if parameters:
        cell = nbformat.v4.new_code_cell('corpus_path = "../seeds"')
        cell.metadata["tags"] = ["parameters"]
        cells.append(cell)
    cells.append(nbformat.v4.new_code_cell(code))
    nb = nbformat.v4.new_notebook()
    nb.cells = cells
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(nb, path)
    return path


@pytest.fixture(scope="module")
def tiny_report(tmp_path_factory):
    base = tmp_path_factory.mktemp("tiny")
    notebooks = base / "nbs"
    notebooks.mkdir()
    _notebook(notebooks / "02_fails.ipynb", "raise ValueError('<b>bad</b> corpus')")
    _notebook(
        notebooks / "01_env.ipynb",
        "import sys, os\nfrom pathlib import Path\n"
        "print(sys.executable)\nprint(Path(corpus_path).resolve())\nprint(Path.cwd())",
    )
    (notebooks / "notes.txt").write_text("not a notebook")
    corpus = write_hostile_corpus(base / "corpus")
    return build_report(corpus, base / "out", notebooks_dir=notebooks, progress=False, charts=False), corpus


def _stdout(ipynb: Path) -> str:
    nb = nbformat.read(ipynb, as_version=4)
    return "".join(o.get("text", "") for c in nb.cells for o in c.get("outputs", []) if o.get("name") == "stdout")


def test_notebooks_run_in_order_with_this_python_and_the_corpus(tiny_report):
    report, corpus = tiny_report
    assert [nb["name"] for nb in report.notebooks] == ["01_env.ipynb", "02_fails.ipynb"]
    lines = _stdout(report.notebooks[0]["ipynb"]).splitlines()
    # the kernel is the interpreter that builds the report
    assert Path(lines[0]).resolve() == Path(sys.executable).resolve()
    # corpus_path was injected, relative to the folder the notebook runs in
    assert Path(lines[1]) == corpus.resolve()
    assert Path(lines[2]) == report.out_dir / "notebooks"
    injected = nbformat.read(report.notebooks[0]["ipynb"], as_version=4).cells[2]
    assert "injected-parameters" in injected.metadata.tags and "../../corpus" in injected.source
    # the executed copy keeps the notebook's own kernel name
    assert nbformat.read(report.notebooks[0]["ipynb"], as_version=4).metadata.kernelspec.name == "python3"


def test_a_failing_notebook_is_rendered_and_reported(tiny_report):
    report, _ = tiny_report
    failing = report.notebooks[1]
    assert failing["error"].startswith("ValueError") and not report.ok
    assert report.failed[0].startswith("notebook 02_fails.ipynb: ValueError")
    page = failing["html"].read_text(encoding="utf-8")
    assert "&lt;b&gt;bad&lt;/b&gt; corpus" in page  # the traceback, escaped
    assert_inert(page, "02_fails.html")


def test_index_links_every_page_and_is_inert(tiny_report):
    report, _ = tiny_report
    index = report.index.read_text(encoding="utf-8")
    hrefs = {a.get("href") for tag, a in tags(index) if tag == "a"}
    for nb in report.notebooks:
        assert f"notebooks/{nb['html'].name}" in hrefs and f"notebooks/{nb['name']}" in hrefs
    # charts=False: the notebooks only
    assert report.charts == report.tables == [] and not (report.out_dir / "charts").exists()
    assert_inert(index, "index.html")
    assert "Content-Security-Policy" in index
    # a failure is listed with its message escaped
    assert "&lt;b&gt;bad&lt;/b&gt;" in index


CORPUS_PARAM_CASES = [
    # the README layout: seeds/ beside report/, seen from report/notebooks/
    ("/repo/seeds", "/repo/report", "../../seeds"),
    # a corpus file inside the project
    ("/repo/data/wire.zip", "/repo/report", "../../data/wire.zip"),
    # a corpus elsewhere: absolute, not ../../../..
    ("/mnt/archive/wire", "/repo/report", "/mnt/archive/wire"),
]


@pytest.mark.parametrize("corpus, out, expected", CORPUS_PARAM_CASES)
def test_corpus_param(corpus, out, expected):
    assert _corpus_param(Path(corpus), Path(out)) == expected


def test_progress_bar_goes_to_stderr(tmp_path, capsys):
    (tmp_path / "nbs").mkdir()
    build_report(ROOT_SEEDS, tmp_path / "out", notebooks_dir=tmp_path / "nbs", charts=False, progress=True)
    err = capsys.readouterr().err
    assert "100%" in err and "step" in err
    build_report(ROOT_SEEDS, tmp_path / "out", notebooks_dir=tmp_path / "nbs", charts=False, progress=False)
    assert "100%" not in capsys.readouterr().err


def test_find_notebooks_sorted_and_errors(tmp_path):
    for name in ("b.ipynb", "a.ipynb", "c.txt"):
        (tmp_path / name).write_text("{}")
    assert [p.name for p in find_notebooks(tmp_path)] == ["a.ipynb", "b.ipynb"]
    with pytest.raises(CorpusError, match="not a folder"):
        find_notebooks(tmp_path / "missing")


def test_missing_corpus_is_a_clear_error(tmp_path):
    with pytest.raises(CorpusError, match="no such file or folder"):
        build_report(tmp_path / "nothing", tmp_path / "out", notebooks_dir=tmp_path, progress=False)


def test_report_inside_the_corpus_is_refused(tmp_path):
    corpus = write_hostile_corpus(tmp_path / "corpus")
    with pytest.raises(CorpusError, match="inside the corpus folder"):
        build_report(corpus, corpus / "report", notebooks_dir=tmp_path, progress=False)
    assert not (corpus / "report").exists()


# --------------------------------------------------------------------------
# The hostile corpus through the real notebooks: nothing runs, nothing is a formula
# --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    return build_hostile_report(tmp_path_factory)


def test_hostile_pages_are_inert(hostile):
    pages = [hostile.index] + [nb["html"] for nb in hostile.notebooks if nb["html"] is not None]
    assert len(pages) == 1 + len(hostile.notebooks)
    for page in pages:
        assert_inert(page.read_text(encoding="utf-8"), page.name)
    probe = next(nb for nb in hostile.notebooks if nb["name"] == "99_probe.ipynb")
    assert probe["error"] is None
    text = probe["html"].read_text(encoding="utf-8")
    assert "&lt;script&gt;" in text and "onerror=" in text  # shown as text


def test_hostile_corpus_breaks_no_notebook(hostile):
    # odd text is still text: every notebook, chart and table must cope with it
    assert hostile.failed == []
    assert all(nb["error"] is None for nb in hostile.notebooks)


def _csv_cells(path: Path):
    with path.open(encoding="utf-8-sig", newline="") as f:
        for row in csv.reader(f):
            yield from row


def test_hostile_exports_hold_no_formula(hostile):
    import openpyxl

    csvs = sorted(hostile.out_dir.glob("**/*.csv"))
    xlsxs = sorted(hostile.out_dir.glob("**/*.xlsx"))
    if not csvs:
        pytest.skip("no tables were written: " + "; ".join(hostile.skipped))
    escaped = 0
    for path in csvs:
        for cell in _csv_cells(path):
            # numbers such as -2 are numbers, not formulas
            assert not cell.startswith(FORMULA_START) or _is_number(cell), f"{path.name}: {cell!r}"
            escaped += cell.startswith("'=")
    for path in xlsxs:
        for sheet in openpyxl.load_workbook(path).worksheets:
            for row in sheet.iter_rows():
                for cell in row:
                    assert cell.data_type != "f", f"{path.name}!{cell.coordinate} is a formula: {cell.value!r}"
                    if isinstance(cell.value, str):
                        assert not cell.value.startswith(FORMULA_START), f"{path.name}!{cell.coordinate}"
    # the hostile file name reached the tables and was escaped there (the test can fail)
    assert escaped >= 1


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def test_hostile_charts_hold_no_markup(hostile):
    for svg in hostile.out_dir.glob("charts/*.svg"):
        body = svg.read_text(encoding="utf-8").lower()
        assert "<script" not in body and "onerror" not in body and "onload" not in body, svg.name


# --------------------------------------------------------------------------
# The seed report: every chart the library can draw, every table, no failure
# --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed(tmp_path_factory):
    return build_seed_report(tmp_path_factory)


def test_seed_report_has_every_available_chart_and_no_failure(seed):
    assert seed.failed == []
    written = {c["name"]: c for c in seed.charts}
    for name in available_charts():
        assert name in written, f"chart {name} missing: {seed.skipped}"
    # the chart list names every analysis it needs
    assert {c.data for c in _CHARTS} <= set(_Analyses.RECIPES)
    for chart in seed.charts:
        suffixes = sorted(f.suffix for f in chart["files"])
        assert suffixes == [".csv", ".png", ".svg"] and all(f.stat().st_size > 500 for f in chart["files"] if f.suffix != ".csv")
    for table in seed.tables:
        assert sorted(f.suffix for f in table["files"]) == [".csv", ".xlsx"]
    # every table whose analysis exists was written (quotes included)
    assert {"articles", "load_report", "figures", "actor_mentions", "quotes"} <= {t["name"] for t in seed.tables}


def test_seed_key_figures_chart_shows_displaced_and_killed(seed):
    if "key_figures" not in available_charts():
        pytest.skip("extract_figures or figures_chart is not available yet")
    table = read_csv(seed.out_dir / "charts" / "key_figures.csv")
    # the seed's two headline figures: 160.000 displaced, about 500.000 killed
    assert {"displaced", "killed"} <= set(table["category"])


def test_seed_index_links_every_file(seed):
    index = seed.index.read_text(encoding="utf-8")
    hrefs = {a.get("href") for tag, a in tags(index) if tag == "a"}
    srcs = {a.get("src") for tag, a in tags(index) if tag == "img"}
    for item in seed.charts + seed.tables:
        for f in item["files"]:
            assert f.exists() and f.relative_to(seed.out_dir).as_posix() in hrefs
    # each chart is shown by its PNG
    assert srcs == {f"charts/{c['name']}.png" for c in seed.charts}
    assert_inert(index, "index.html")


def test_seed_report_runs_every_repository_notebook(seed):
    names = [p.name for p in sorted(NOTEBOOKS.glob("*.ipynb"))]
    if not names:
        pytest.skip("notebooks/ holds no notebooks yet")
    assert [nb["name"] for nb in seed.notebooks] == names
    assert all(nb["error"] is None and nb["html"].exists() for nb in seed.notebooks)
