"""Dispatch ``python -m corpus_tools.evaluate <what>`` to ``corpus_tools.evaluate.<what>``."""

from __future__ import annotations

import importlib
import sys

from . import COMMANDS


def main(argv=None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or argv[0] not in COMMANDS:
        print(f"usage: python -m corpus_tools.evaluate {{{','.join(COMMANDS)}}} [options]", file=sys.stderr)
        return 2
    module = importlib.import_module(f"corpus_tools.evaluate.{argv[0]}")
    return int(module.main(argv[1:]) or 0)


if __name__ == "__main__":
    sys.exit(main())
