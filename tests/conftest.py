"""Shared fixtures. Keep this small: fixtures used by one test file live in that file."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def seed_path() -> Path:
    """The seed article, ``seeds/000_26ea6c9c62baba8a.txt``."""
    return ROOT / "seeds" / "000_26ea6c9c62baba8a.txt"


@pytest.fixture
def write_tree(tmp_path):
    """Write ``{relative path: str or bytes}`` under ``tmp_path / name``; return that folder.

    Strings are written as UTF-8 bytes exactly (no newline translation).
    """

    def write(files: dict, name: str = "corpus") -> Path:
        root = tmp_path / name
        root.mkdir(parents=True, exist_ok=True)
        for rel, content in files.items():
            path = root / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
        return root

    return write
