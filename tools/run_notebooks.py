"""Re-execute the curated notebooks in place (Restart & Run All) and strip run timestamps.

    .venv/bin/python tools/run_notebooks.py            # all of notebooks/*.ipynb
    .venv/bin/python tools/run_notebooks.py 03_words    # some of them

Run it after any library change that alters a result, then commit the notebooks:
strict nbval compares their stored outputs. Cell metadata ``execution`` (wall-clock
timestamps written by nbclient) is removed so that the stored files are deterministic.
"""

from __future__ import annotations

import sys
from pathlib import Path

import nbformat
from nbclient import NotebookClient

NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"


def strip_timestamps(nb) -> None:
    for cell in nb.cells:
        cell.metadata.pop("execution", None)


def run(path: Path) -> None:
    nb = nbformat.read(path, as_version=4)
    NotebookClient(nb, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}}).execute()
    strip_timestamps(nb)
    nbformat.write(nb, path)
    print(f"executed {path.name}")


def main(argv: list[str]) -> int:
    names = argv or sorted(p.stem for p in NOTEBOOKS.glob("*.ipynb"))
    for name in names:
        run(NOTEBOOKS / (Path(name).stem + ".ipynb"))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
