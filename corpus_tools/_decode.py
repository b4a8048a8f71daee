"""Bytes to text for the loader: BOMs, strict UTF-8, a Danish-aware legacy fallback.

Charset detectors are not used on purpose: on short Danish text they often guess
cp1250 and turn ``ø`` (byte 0xF8) into ``ř``. The rule here is fixed and testable:

1. a byte-order mark decides (UTF-8, UTF-16, UTF-32);
2. NUL bytes or a known binary signature (PNG, PDF, ZIP, ...) mean "not text";
3. strict UTF-8, which almost never decodes legacy text by accident;
4. otherwise a Western-European legacy codec. cp1252 and latin-1 agree on every
   byte except 0x80-0x9F, where latin-1 has invisible C1 control characters and
   cp1252 has ``€ „ “ ” – —`` and friends. Danish text never contains C1 controls,
   so cp1252 is chosen whenever it decodes, and latin-1 (reported) only when the
   file holds a byte that cp1252 leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D).
   Either way, a symbol such as ``›`` or ``¿`` right after a letter (``l›rdag``)
   is reported: that is how DOS (cp865/cp850) and Mac Roman Danish letters look
   in cp1252, and the user should convert such a file rather than have it guessed.

After decoding, mojibake (UTF-8 that was once read as a legacy codec, ``Ã¸`` for
``ø``) is detected with ftfy's badness heuristic and optionally repaired.

>>> decode_bytes("Søren så én bøf".encode("cp1252")).text
'Søren så én bøf'
>>> decode_bytes("Søren".encode("cp1252")).encoding
'cp1252'
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from typing import NamedTuple

__all__ = ["Decoded", "NotText", "decode_bytes", "find_mojibake", "normalize_text", "repair_mojibake"]

# Byte-order marks, longest first (the UTF-32-LE BOM starts with the UTF-16-LE one).
_BOMS = [
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
]

# File signatures of formats that are sometimes misnamed .txt or .csv.
_SIGNATURES = [
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or .docx/.xlsx)"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x1f\x8b", "a gzip file"),
    (b"\xd0\xcf\x11\xe0", "an old Office document (.doc/.xls)"),
    (b"PAR1", "a Parquet file"),
    (b"\x7fELF", "an executable"),
]

# C0 control bytes other than tab, newline, vertical tab, form feed, carriage return.
_CONTROL_BYTES = re.compile(rb"[\x01-\x08\x0e-\x1f\x7f]")
_C1_CHARS = re.compile("[\x80-\x9f]")
# What DOS (cp865/cp850) and Mac Roman bytes for æ ø å become in cp1252/latin-1, right
# after a letter ('l›rdag', 's†', 'l¿rdag'): never Danish, a sign of the wrong codec.
_OTHER_LEGACY = re.compile("(?<=[^\\W\\d_])[\x80-\x9f†‡‹›‰Œ¾¿]")


class NotText(ValueError):
    """The bytes are not a text file (empty, binary, NUL bytes); the message says why."""


class Decoded(NamedTuple):
    text: str
    encoding: str  # codec name as Python spells it: 'utf-8', 'utf-8-sig', 'utf-16', 'cp1252', 'latin-1'
    problems: list  # human-readable warnings; the text still loaded


def decode_bytes(data: bytes) -> Decoded:
    """Decode one file's bytes; raise :class:`NotText` for empty or binary input.

    >>> decode_bytes(b"\\xef\\xbb\\xbfdate 2018-06").encoding
    'utf-8-sig'
    >>> decode_bytes("Århus".encode("latin-1")).text
    'Århus'
    """
    if not data.strip():
        raise NotText("empty file" if not data else "file holds only whitespace")
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data.decode(codec), codec, [])
            except UnicodeDecodeError as exc:
                raise NotText(f"starts with a {codec} byte-order mark but is not valid {codec} ({exc.reason})") from None
    for magic, what in _SIGNATURES:
        if data.startswith(magic):
            raise NotText(f"binary file: this is {what}, not text")
    if b"\x00" in data:
        hint = ""
        if data[1::2].count(0) > len(data) // 4 or data[0::2].count(0) > len(data) // 4:
            hint = " (it looks like UTF-16 without a byte-order mark; save it as UTF-8)"
        raise NotText(f"binary file: contains NUL bytes{hint}")
    n_control = len(_CONTROL_BYTES.findall(data[:65536]))
    if n_control > max(2, len(data[:65536]) // 200):
        raise NotText(f"binary file: {n_control} control bytes in the first 64 KiB")
    try:
        return Decoded(data.decode("utf-8"), "utf-8", [])
    except UnicodeDecodeError:
        pass
    try:
        text, codec, problems = data.decode("cp1252"), "cp1252", []
    except UnicodeDecodeError as exc:
        text, codec = data.decode("latin-1"), "latin-1"
        problems = [
            f"decoded as latin-1: byte 0x{data[exc.start]:02X} at offset {exc.start} is undefined in cp1252, "
            f"so the file holds {len(_C1_CHARS.findall(text))} invisible C1 control character(s); "
            "check the source encoding"
        ]
    if m := _OTHER_LEGACY.search(text):
        word = re.search(r"\S*\Z", text[: m.end()])[0] + re.match(r"\S*", text[m.end():])[0]
        problems.append(
            f"{m[0]!r} after a letter in {word!r}: the file may be in a DOS (cp865/cp850) or Mac Roman encoding, "
            f"where that byte is a Danish letter, not {codec}; convert it to UTF-8 and load it again")
    return Decoded(text, codec, problems)


# UTF-8 read as cp1252/latin-1 always leaves a lead byte (0xC2-0xF4, 'Â'..'ô') followed
# by a continuation byte (0x80-0xBF: C1 controls, cp1252's „ “ – € ..., or NBSP..'¿').
# Text without such a pair is never mojibake of this kind; only text with one is given
# to ftfy's slower heuristic (which keeps false alarms such as 'på»' rare).
_CONTINUATION = "\u0080-\u00bf" + "".join(sorted(set(bytes(range(0x80, 0xA0)).decode("cp1252", "ignore"))))
_MOJIBAKE_PAIR = re.compile(f"[\u00c2-\u00f4][{_CONTINUATION}]+")


def find_mojibake(text: str) -> str | None:
    """Return a short example if ``text`` looks like mojibake (``Ã¸`` for ``ø``), else None.

    Uses ftfy's badness heuristic, which is tuned to keep false alarms on real
    text rare.

    >>> find_mojibake("KÃ¸benhavn")
    'Ã¸'
    >>> find_mojibake("København") is None
    True
    """
    import ftfy.badness

    match = _MOJIBAKE_PAIR.search(text)
    if match is None or not ftfy.badness.is_bad(text):
        return None
    return match.group(0)


def repair_mojibake(text: str) -> str:
    """Undo mojibake with ftfy (encoding repair only; quotes and ligatures untouched)."""
    import ftfy

    return ftfy.fix_encoding(text)


def normalize_text(text: str) -> str:
    """NFC, ``\\n`` line ends, no byte-order mark.

    >>> normalize_text("\\ufeffa\\r\\nb\\rc")
    'a\\nb\\nc'
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    return unicodedata.normalize("NFC", text)
