"""The package's own error type, raised for bad input when the user asks for it."""

from __future__ import annotations

__all__ = ["CorpusError"]


class CorpusError(ValueError):
    """Bad or unreadable input.

    The message names the file (and the line, row or archive member where known),
    says what was expected, and what to do about it. ``path`` and ``line`` are
    available as attributes for programs that want them.
    """

    def __init__(self, message: str, *, path: str | None = None, line: int | None = None):
        self.path = path
        self.line = line
        where = ""
        if path is not None:
            where = f"{path}"
            if line is not None:
                where += f", line {line}"
            where += ": "
        super().__init__(where + message)
