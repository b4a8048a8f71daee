"""Zip archives read in memory, never extracted, with limits against zip bombs.

Limits are checked on the archive's directory before any member is inflated, and
a member can never inflate beyond its declared size (``zipfile`` stops there and
checks the CRC). A breach raises :class:`~corpus_tools.errors.CorpusError`, even
when loading is not strict: such an archive is not what a corpus looks like, and
the user should raise the limit knowingly (``load_corpus(..., zip_limits={...})``).

Members whose name is absolute, contains ``..``, a backslash or a drive letter
are refused (reported and skipped, never opened), as are encrypted members and
symbolic links.
"""

from __future__ import annotations

import io
import stat
import zipfile
from typing import Iterator, NamedTuple

from .errors import CorpusError

__all__ = ["ZIP_LIMITS", "BrokenArchive", "Member", "iter_zip", "check_limits"]

ZIP_LIMITS = {
    "max_members": 100_000,  # files in one archive
    "max_total_bytes": 2 * 1024**3,  # sum of uncompressed sizes, bytes (2 GiB)
    "max_member_bytes": 256 * 1024**2,  # one uncompressed member, bytes (256 MiB)
    "max_ratio": 100,  # uncompressed / compressed size of a member larger than 1 MiB
}
_RATIO_MIN_BYTES = 1024**2  # small members cannot do harm whatever their ratio


class BrokenArchive(ValueError):
    """The bytes are not a readable zip archive (reported and skipped like any bad file)."""


class Member(NamedTuple):
    name: str  # the member's path inside the archive, '/' separators
    data: bytes | None  # None when refused
    problem: str | None  # why it was refused


def check_limits(limits: dict | None) -> dict:
    """Merge user overrides into :data:`ZIP_LIMITS`; unknown keys are an error."""
    merged = dict(ZIP_LIMITS)
    for key, value in (limits or {}).items():
        if key not in ZIP_LIMITS:
            raise CorpusError(f"unknown zip limit {key!r}; known limits: {', '.join(ZIP_LIMITS)}")
        merged[key] = value
    return merged


def _unsafe_name(name: str) -> str | None:
    if name.startswith("/") or "\\" in name or (len(name) > 1 and name[1] == ":"):
        return f"unsafe member path {name!r} (absolute, backslash or drive letter); refused"
    if ".." in name.split("/"):
        return f"unsafe member path {name!r} (path traversal with '..'); refused"
    return None


def iter_zip(data: bytes, label: str, limits: dict) -> Iterator[Member]:
    """Check the archive now; return an iterator over its file members in name order.

    Each member is read into memory when the iterator reaches it, so memory holds
    one member at a time. ``label`` names the archive in error messages. Raises
    BrokenArchive for a broken archive and CorpusError for a breached limit, both
    before any member is read.

    >>> buf = io.BytesIO()
    >>> with zipfile.ZipFile(buf, "w") as zf:
    ...     zf.writestr("b.txt", "B"); zf.writestr("a.txt", "A")
    >>> [(m.name, m.data) for m in iter_zip(buf.getvalue(), "x.zip", ZIP_LIMITS)]
    [('a.txt', b'A'), ('b.txt', b'B')]
    """
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = [i for i in archive.infolist() if not i.is_dir()]
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as exc:
        raise BrokenArchive(f"not a readable zip archive ({exc})") from None
    if len(infos) > limits["max_members"]:
        raise CorpusError(
            f"archive has {len(infos):,} members, more than the limit of {limits['max_members']:,}; "
            "pass zip_limits={'max_members': ...} if you trust it", path=label)
    total = sum(i.file_size for i in infos)
    if total > limits["max_total_bytes"]:
        raise CorpusError(
            f"archive would inflate to {total:,} bytes, more than the limit of {limits['max_total_bytes']:,}; "
            "pass zip_limits={'max_total_bytes': ...} if you trust it", path=label)
    for info in infos:
        if info.file_size > limits["max_member_bytes"]:
            raise CorpusError(
                f"member {info.filename!r} would inflate to {info.file_size:,} bytes, more than the limit of "
                f"{limits['max_member_bytes']:,}; pass zip_limits={{'max_member_bytes': ...}} if you trust it",
                path=label)
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > _RATIO_MIN_BYTES and ratio > limits["max_ratio"]:
            raise CorpusError(
                f"member {info.filename!r} has a compression ratio of {ratio:,.0f}:1, more than the limit of "
                f"{limits['max_ratio']}:1 (a zip bomb?); pass zip_limits={{'max_ratio': ...}} if you trust it",
                path=label)
    return _members(archive, sorted(infos, key=lambda i: i.filename))


def _members(archive: zipfile.ZipFile, infos: list) -> Iterator[Member]:
    for info in infos:
        name = info.filename
        problem = _unsafe_name(name)
        if problem is None and info.flag_bits & 0x1:
            problem = "encrypted member; cannot be read"
        if problem is None and stat.S_ISLNK(info.external_attr >> 16):
            problem = "symbolic link inside the archive; not followed"
        if problem:
            yield Member(name, None, problem)
            continue
        try:
            yield Member(name, archive.read(info), None)
        except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError, RuntimeError) as exc:
            yield Member(name, None, f"member cannot be read ({exc})")
