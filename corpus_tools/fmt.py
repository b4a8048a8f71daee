"""Numbers formatted the way the corpus's language writes them.

Danish writes ``160.000`` and ``47,7 pct.``; English ``160,000`` and ``47.7%``.
Formatting goes through babel's CLDR data, so other locales work too.

>>> format_number(160000)
'160.000'
>>> format_number(1.5, decimals=1)
'1,5'
>>> format_percent(47.7)
'47,7 pct.'
"""

from __future__ import annotations

import math

from babel.numbers import format_decimal

__all__ = ["format_number", "format_percent"]


def format_number(value, *, locale: str = "da", decimals: int | None = None) -> str:
    """Format ``value`` with the locale's grouping and decimal signs.

    ``decimals=None`` keeps integers whole and shows up to two decimals otherwise.
    Missing values (None, NaN) give an empty string.
    """
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if decimals is None:
        pattern = "#,##0" if float(value).is_integer() else "#,##0.##"
    else:
        pattern = "#,##0" + ("." + "0" * decimals if decimals > 0 else "")
    return format_decimal(value, format=pattern, locale=locale)


def format_percent(value, *, locale: str = "da", decimals: int = 1) -> str:
    """Format a percentage given in percent (47.7, not 0.477): ``47,7 pct.`` in Danish."""
    number = format_number(value, locale=locale, decimals=decimals)
    if not number:
        return ""
    if locale.split("_")[0] == "da":
        return f"{number} pct."
    return f"{number}%"
