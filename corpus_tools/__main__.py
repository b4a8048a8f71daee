"""``python -m corpus_tools report ...``: the same as the ``corpus-tools`` command."""

from __future__ import annotations

import sys

from .cli import main

if __name__ == "__main__":
    sys.exit(main())
