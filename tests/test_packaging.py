"""The project's packaging: environment.yml and pyproject.toml agree, the public API resolves."""

from __future__ import annotations

import re
try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib
from pathlib import Path

import pytest

import corpus_tools as ct

ROOT = Path(__file__).resolve().parents[1]


def _name(requirement: str) -> str:
    """'pandas>=2.0  # comment' -> 'pandas' (normalised as pip does)."""
    name = re.split(r"[<>=!~\[ ;#]", requirement.strip(), maxsplit=1)[0]
    return re.sub(r"[-_.]+", "-", name).lower()


def _environment_names() -> set[str]:
    text = (ROOT / "environment.yml").read_text(encoding="utf-8")
    names = set()
    for line in text.split("dependencies:", 1)[1].splitlines():
        m = re.match(r"^\s+- (?!pip:)(\S.*)$", line)
        if m and not m.group(1).startswith("-e "):
            names.add(_name(m.group(1)))
    return names - {"python", "pip"}


def test_environment_yml_lists_the_same_dependencies_as_pyproject():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    wanted = {_name(r) for r in project["dependencies"]}
    wanted |= {_name(r) for r in project["optional-dependencies"]["test"]}
    assert _environment_names() == wanted


def test_environment_yml_installs_the_package_itself_from_conda_forge():
    text = (ROOT / "environment.yml").read_text(encoding="utf-8")
    assert re.search(r"^channels:\n  - conda-forge$", text, re.M)
    assert re.search(r"^\s+- -e \.", text, re.M)


@pytest.mark.parametrize("name", sorted(ct.__all__))
def test_every_public_name_resolves(name):
    assert getattr(ct, name) is not None


def test_seed_is_byte_for_byte_the_wire_file():
    data = (ROOT / "seeds" / "000_26ea6c9c62baba8a.txt").read_bytes()
    assert data.startswith(b" date 2018-06 Syriske")
    assert data.endswith(b"/ritzau/Reuters")  # no final newline, as received
