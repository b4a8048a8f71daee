"""Static checks of the committed notebooks: what ``pytest --nbval`` cannot see.

nbval passes a notebook committed without outputs (it has nothing to compare),
never compares images, and cannot tell a clean Restart & Run All from cells run
out of order. These checks read the stored JSON only (no kernel), so they are
fast and run in every test session.
"""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"
CURATED = [
    "01_corpus_overview.ipynb",
    "02_key_figures.ipynb",
    "03_words.ipynb",
    "04_actors.ipynb",
    "05_classroom_exercises.ipynb",
]
PRESENT = [name for name in CURATED if (NOTEBOOKS / name).exists()]

# 64-bit object addresses: <Figure at 0x7f1099f621d0>
ADDRESS_RE = re.compile(r"\b0x[0-9a-fA-F]{8,16}\b")
# absolute POSIX paths with >= 2 parts, not URLs (https://a/b) or HTML closing tags (</td>)
POSIX_PATH_RE = re.compile(r"(?<![\w.:/<~])(?:/[\w.@+-]+){2,}/?")
# Windows drive paths and file:// URLs
OTHER_PATH_RE = re.compile(r"\b[A-Za-z]:\\|file://")
# a figure object printed instead of shown: the last line of a cell returned a Figure/Axes
FIGURE_REPR_RE = re.compile(r"^<(?:Figure size|Axes|matplotlib\.)")
# timestamps that would change on every run
TIMESTAMP_RE = re.compile(r"\b20\d\d-\d\d-\d\d[ T]\d\d:\d\d")


def _load(name: str) -> dict:
    return json.loads((NOTEBOOKS / name).read_text(encoding="utf-8"))


def _text(value) -> str:
    return "".join(value) if isinstance(value, list) else str(value)


def _code_cells(nb: dict) -> list[dict]:
    return [c for c in nb["cells"] if c["cell_type"] == "code" and _text(c["source"]).strip()]


def _tags(cell: dict) -> set[str]:
    return set(cell.get("metadata", {}).get("tags", []))


def _output_texts(cell: dict):
    """(kind, text) of every textual output that nbval compares (images are skipped by nbval)."""
    for out in cell.get("outputs", []):
        if out["output_type"] == "stream":
            yield out["name"], _text(out["text"])
        elif out["output_type"] in ("execute_result", "display_data"):
            for mime in ("text/plain", "text/html", "text/markdown"):
                if mime in out.get("data", {}):
                    yield mime, _text(out["data"][mime])


def test_all_curated_notebooks_exist():
    assert PRESENT == CURATED, f"missing: {sorted(set(CURATED) - set(PRESENT))}"


@pytest.mark.parametrize("name", PRESENT)
def test_executed_top_to_bottom_in_a_fresh_kernel(name):
    counts = [c["execution_count"] for c in _code_cells(_load(name))]
    assert counts == list(range(1, len(counts) + 1)), f"{name}: execution counts {counts}; Restart & Run All"


@pytest.mark.parametrize("name", PRESENT)
def test_no_run_timestamps_stored(name):
    # nbclient writes wall-clock times into cell metadata; tools/run_notebooks.py strips them
    stamped = [i for i, c in enumerate(_load(name)["cells"]) if "execution" in c.get("metadata", {})]
    assert stamped == [], f"{name}: cells {stamped} carry run timestamps; re-run tools/run_notebooks.py"


@pytest.mark.parametrize("name", PRESENT)
def test_every_code_cell_has_stored_output(name):
    # the parameters cell holds assignments only; every other cell shows something,
    # so nbval compares it (an empty output is never checked)
    empty = [
        _text(c["source"]).splitlines()[0]
        for c in _code_cells(_load(name))
        if not c.get("outputs") and "parameters" not in _tags(c)
    ]
    assert empty == [], f"{name}: code cells without stored output: {empty}"


@pytest.mark.parametrize("name", PRESENT)
def test_no_errors_paths_addresses_or_figure_reprs(name):
    problems = []
    for n, cell in enumerate(_code_cells(_load(name))):
        for out in cell.get("outputs", []):
            if out["output_type"] == "error":
                problems.append(f"cell {n}: error {out.get('ename')}: {out.get('evalue')}")
        for kind, text in _output_texts(cell):
            if kind == "stderr":
                problems.append(f"cell {n}: stderr output {text[:80]!r}")
            if "Traceback (most recent call last)" in text:
                problems.append(f"cell {n}: traceback in {kind}")
            for regex, what in ((ADDRESS_RE, "memory address"), (POSIX_PATH_RE, "absolute path"),
                                (OTHER_PATH_RE, "absolute path"), (TIMESTAMP_RE, "timestamp")):
                for hit in regex.findall(text):
                    problems.append(f"cell {n}: {what} {hit!r} in {kind}")
            if kind == "text/plain" and FIGURE_REPR_RE.match(text) and not _has_image(cell):
                problems.append(f"cell {n}: a figure's repr without the figure: end the cell with plt.show()")
    assert problems == [], f"{name}: " + "; ".join(problems)


def _has_image(cell: dict) -> bool:
    return any("image/png" in out.get("data", {}) for out in cell.get("outputs", []))


@pytest.mark.parametrize("name", PRESENT)
def test_parameters_cell_is_literals_with_corpus_path(name):
    cells = [c for c in _code_cells(_load(name)) if "parameters" in _tags(c)]
    assert len(cells) == 1, f"{name}: expected one cell tagged 'parameters', found {len(cells)}"
    tree = ast.parse(_text(cells[0]["source"]))
    names = {}
    for node in tree.body:
        assert isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name), (
            f"{name}: the parameters cell may only assign literals: {ast.unparse(node)}"
        )
        names[node.targets[0].id] = ast.literal_eval(node.value)  # raises if not a literal
    assert isinstance(names.get("corpus_path"), str), f"{name}: no corpus_path string in the parameters cell"
    assert not Path(names["corpus_path"]).is_absolute(), f"{name}: corpus_path must be relative to the notebook"


@pytest.mark.parametrize("name", PRESENT)
def test_skeleton_sentence_before_each_code_cell_and_caveats(name):
    cells = _load(name)["cells"]
    assert cells[0]["cell_type"] == "markdown" and _text(cells[0]["source"]).startswith("# "), f"{name}: no title"
    for before, cell in zip(cells, cells[1:]):
        if cell["cell_type"] == "code":
            assert before["cell_type"] == "markdown", (
                f"{name}: code cell {_text(cell['source'])[:50]!r} has no sentence before it"
            )
    headings = [line for c in cells if c["cell_type"] == "markdown" for line in _text(c["source"]).splitlines()
                if line.startswith("## ")]
    assert any("Caveats" in h for h in headings), f"{name}: no Caveats section"
    # findings are asked as questions
    assert sum(h.rstrip().endswith("?") for h in headings) >= 2, f"{name}: findings should be question headings"


@pytest.mark.parametrize("name", PRESENT)
def test_plotting_cells_end_with_plt_show(name):
    for cell in _code_cells(_load(name)):
        source = _text(cell["source"])
        if "_chart(" in source:
            assert source.rstrip().endswith("plt.show()"), f"{name}: {source.splitlines()[0]!r} must end with plt.show()"


@pytest.mark.parametrize("name", PRESENT)
def test_no_hand_typed_numbers_in_outputs_code(name):
    # a figure is computed and formatted, never typed: no Danish-formatted number literal in code
    typed = []
    for cell in _code_cells(_load(name)):
        source = _text(cell["source"])
        typed += re.findall(r"[\"'][^\"'\n]*\b\d{1,3}(?:\.\d{3})+\b[^\"'\n]*[\"']", source)
    assert typed == [], f"{name}: hand-typed figures in code: {typed}"


# The seed's answers, as a student would type them (several spellings each).
RIGHT_ANSWERS = {
    "answer_1": ["160000", "'160.000'"],
    "answer_2": ["'FN'", "'De Forenede Nationer'"],
    "answer_3": ["(500000, 'approximate')", "('500.000', 'Approximate')"],
    "answer_4": ["'Syrien'", "'syrien'"],
    "answer_5": ["'svær'", "'Svær'"],
}
WRONG_ANSWERS = {
    "answer_1": "500000",
    "answer_2": "'Rusland'",
    "answer_3": "(500000, 'exact')",
    "answer_4": "'Rusland'",
    "answer_5": "'let'",
}


def _run_classroom(answers: dict[str, str]) -> list[str]:
    """Execute the classroom notebook with the answers filled in; return the check cells' verdicts."""
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    nb = nbformat.read(NOTEBOOKS / "05_classroom_exercises.ipynb", as_version=4)
    for cell in nb.cells:
        for name, value in answers.items():
            if cell.cell_type == "code" and cell.source.startswith(f"{name} = None"):
                cell.source = cell.source.replace(f"{name} = None", f"{name} = {value}", 1)
    nbclient.NotebookClient(nb, timeout=120, kernel_name="python3",
                            resources={"metadata": {"path": str(NOTEBOOKS)}}).execute()
    verdicts = []
    for cell in nb.cells:
        if cell.cell_type == "code" and "check(answer_" in cell.source:
            verdicts.append("".join(o.get("text", "") for o in cell.outputs if o.output_type == "stream").strip())
    return verdicts


@pytest.mark.skipif("05_classroom_exercises.ipynb" not in PRESENT, reason="classroom notebook not written yet")
def test_classroom_checks_tell_right_from_wrong_without_revealing():
    right = _run_classroom({k: v[0] for k, v in RIGHT_ANSWERS.items()})
    assert right == ["Right! Well done."] * 5
    other_spelling = _run_classroom({k: v[1] for k, v in RIGHT_ANSWERS.items()})
    assert other_spelling == ["Right! Well done."] * 5
    wrong = _run_classroom(WRONG_ANSWERS)
    assert len(wrong) == 5 and all(v.startswith("Not quite") for v in wrong)
    # the verdicts never contain the expected values
    assert not any(s in " ".join(wrong) for s in ("160", "500", "FN", "Syrien", "svær"))
