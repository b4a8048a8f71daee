"""Build a benchmark corpus of Danish news-like articles from UD Danish DDT dev sentences.

    python benchmarks/make_corpus.py --size-mb 100        # -> benchmarks/_data/da_100mb/

Each article is in the seed's format (``seeds/000_26ea6c9c62baba8a.txt``): a leading
space and ``date YYYY-MM`` with the first paragraph on the same line, paragraphs of
1-4 real DDT sentences separated by blank lines, and a last line that is a byline
(``/ritzau/``, ``/ritzau/Reuters``, ``/ritzau/AFP``). Articles are written to shard
files ``part-NNNN.txt`` (about 8 MB each), separated by a line holding one form feed
(``\\f``), so that a benchmark can stream them without 40,000 small files. The random
generator is seeded: the same size and seed give byte-identical files.
The sentences are CC BY-SA 4.0 (UD Danish DDT, see tests/data/README.md).

DDT dev has only 564 sentences, so this corpus repeats them and its vocabulary stops
growing after a few articles (about 4,000 distinct whitespace chunks), which flatters
any per-word cache. ``--vocab open`` gives every sentence fresh words instead: each
word of four or more letters is replaced, with probability 0.3, by a word of four or
more letters from wordfreq's Danish frequency list (among its 200,000 most frequent
words, drawn in proportion to their frequency, so the vocabulary grows the way a real
corpus's does: about 59,000 distinct chunks in 10 MB instead of 4,000). The sentences are then no longer real, but their lengths,
punctuation, numbers and names are, and almost no sentence repeats.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from itertools import accumulate
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DDT = ROOT / "tests" / "data" / "ud-danish-ddt" / "da_ddt-ud-dev.conllu"
DATA = ROOT / "benchmarks" / "_data"
SEPARATOR = "\n\f\n"
SHARD_BYTES = 8_000_000
BYLINES = ("/ritzau/", "/ritzau/Reuters", "/ritzau/AFP")


def ddt_sentences(path: Path = DDT) -> list[str]:
    return [line[len("# text = "):] for line in path.read_text(encoding="utf-8").splitlines() if line.startswith("# text = ")]


_WORD = re.compile(r"\b[^\W\d_]{4,}\b")


class OpenVocabulary:
    """Replaces words by words drawn from wordfreq's Danish list (``--vocab open``)."""

    def __init__(self, rng: random.Random, n: int = 200_000, p: float = 0.3):
        from wordfreq import top_n_list, word_frequency

        self.words = [w for w in top_n_list("da", n) if w.isalpha() and len(w) >= 4]
        self.cum = list(accumulate(word_frequency(w, "da") for w in self.words))
        self.rng, self.p = rng, p

    def _sub(self, m: re.Match) -> str:
        if self.rng.random() >= self.p:
            return m.group()
        w = self.rng.choices(self.words, cum_weights=self.cum)[0]
        return w.capitalize() if m.group()[0].isupper() else w

    def __call__(self, sentence: str) -> str:
        return _WORD.sub(self._sub, sentence)


def article(rng: random.Random, sents: list[str], vocab=None) -> str:
    year, month = rng.choice((2017, 2018, 2019)), rng.randint(1, 12)
    pick = (lambda: rng.choice(sents)) if vocab is None else (lambda: vocab(rng.choice(sents)))
    paras = [" ".join(pick() for _ in range(rng.randint(1, 4))) for _ in range(rng.randint(4, 12))]
    return f" date {year}-{month:02d} " + "\n\n".join(paras) + "\n\n" + rng.choice(BYLINES)


def corpus_dir(size_mb: float, seed: int = 0, vocab: str = "ddt") -> Path:
    return DATA / (f"da_{size_mb:g}mb_seed{seed}" + ("" if vocab == "ddt" else f"_{vocab}"))


def build(size_mb: float, seed: int = 0, *, vocab: str = "ddt", quiet: bool = False) -> Path:
    """Write the corpus (if not there yet) and return its folder (``vocab``: "ddt" or "open")."""
    if vocab not in ("ddt", "open"):
        raise SystemExit(f"unknown vocabulary {vocab!r}: ddt or open")
    out = corpus_dir(size_mb, seed, vocab)
    done = out / "DONE"
    if done.exists():
        return out
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    sents = ddt_sentences()
    opener = OpenVocabulary(random.Random(seed + 1)) if vocab == "open" else None
    target = int(size_mb * 1_000_000)
    written = shard = n_articles = 0
    while written < target:
        parts, size = [], 0
        while size < SHARD_BYTES and written + size < target:
            a = article(rng, sents, opener)
            parts.append(a)
            size += len(a.encode("utf-8")) + len(SEPARATOR)
        (out / f"part-{shard:04d}.txt").write_text(SEPARATOR.join(parts), encoding="utf-8")
        written += size
        shard += 1
        n_articles += len(parts)
    done.write_text(f"{n_articles} articles, {written} bytes, seed {seed}\n")
    if not quiet:
        print(f"wrote {out}: {n_articles} articles, {written / 1e6:.1f} MB", file=sys.stderr)
    return out


def iter_articles(folder: Path):
    """Stream the articles of a corpus folder, shard by shard (one shard in memory at a time)."""
    for part in sorted(Path(folder).glob("part-*.txt")):
        yield from part.read_text(encoding="utf-8").split(SEPARATOR)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--size-mb", type=float, default=100.0)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--vocab", choices=("ddt", "open"), default="ddt", help="DDT's words only, or fresh words (see above)")
    args = ap.parse_args(argv)
    print(build(args.size_mb, args.seed, vocab=args.vocab))
    return 0


if __name__ == "__main__":
    sys.exit(main())
