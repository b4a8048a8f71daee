"""Dates for the loader: ISO at the precision given, day/month never guessed.

>>> parse_date("2018-06")
(Period('2018-06', 'M'), None)
>>> parse_date("14.06.2018")
(Period('2018-06-14', 'D'), None)
>>> parse_date("03/04/2018")[0] is pd.NaT
True
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

import pandas as pd

__all__ = ["DATE_TOKEN", "parse_date", "column_order"]

_ISO = re.compile(r"(\d{4})-(\d{1,2})(?:-(\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?)?")
# day-month-year or month-day-year with one separator kind
_DMY = re.compile(r"(\d{1,2})([./-])(\d{1,2})\2(\d{4})")
DATE_TOKEN = r"\d{4}-\d{1,2}(?:-\d{1,2})?|\d{1,2}(?P<sep>[./-])\d{1,2}(?P=sep)\d{4}"


@lru_cache(maxsize=100_000)  # a corpus repeats its dates; building a Period is slow
def _period(year: int, month: int, day: int | None) -> pd.Period:
    if day is None:
        if not 1 <= month <= 12:
            raise ValueError(f"month {month} does not exist")
        return pd.Period(year=year, month=month, freq="M")
    dt.date(year, month, day)  # raises ValueError for 2018-02-30
    return pd.Period(year=year, month=month, day=day, freq="D")


def parse_date(value, order: str | None = None):
    """Return ``(Period or NaT, problem or None)`` for one date value.

    ``order`` is 'dmy' or 'mdy' when a table column decided it; a header date
    without it is read only when day and month cannot be confused.
    """
    if value is None or (pd.api.types.is_scalar(value) and bool(pd.isna(value))):
        return pd.NaT, "missing date"
    if isinstance(value, (dt.datetime, dt.date, pd.Timestamp)):
        return pd.Period(year=value.year, month=value.month, day=value.day, freq="D"), None
    text = str(value).strip()
    if not text:
        return pd.NaT, "missing date"
    try:
        if m := _ISO.fullmatch(text):
            return _period(int(m[1]), int(m[2]), int(m[3]) if m[3] else None), None
        if m := _DMY.fullmatch(text):
            a, b, year = int(m[1]), int(m[3]), int(m[4])
            if order == "conflict":
                return pd.NaT, (f"date {text!r} left missing: this column mixes day-first and month-first "
                                "dates (write them as YYYY-MM-DD)")
            if order is None:
                order = "dmy" if a > 12 or a == b else "mdy" if b > 12 else None
            if order is None:
                return pd.NaT, (f"ambiguous date {text!r}: day and month cannot be told apart; "
                                "left missing (write it as YYYY-MM-DD)")
            day, month = (a, b) if order == "dmy" else (b, a)
            return _period(year, month, day), None
    except ValueError as exc:
        return pd.NaT, f"invalid date {text!r} ({exc})"
    return pd.NaT, f"unrecognised date {text!r}; expected YYYY-MM or YYYY-MM-DD"


def column_order(values) -> tuple[str | None, str | None]:
    """Decide day/month order for a table column: ``(order, note)``."""
    first = second = False
    for v in values:
        if isinstance(v, str) and (m := _DMY.fullmatch(v.strip())):
            first |= int(m[1]) > 12
            second |= int(m[3]) > 12
    if first and second:
        return "conflict", "the date column mixes day-first and month-first values; such dates are left missing"
    if first:
        return "dmy", "dates like D/M/YYYY read day-first (the column has values with a day above 12)"
    if second:
        return "mdy", "dates like M/D/YYYY read month-first (the column has values with a second field above 12)"
    return None, None
