"""German number, money, percent and date formats (babel), for reports and tables."""

from __future__ import annotations

import math
from datetime import date, datetime

from babel.dates import format_date
from babel.numbers import format_currency, format_decimal, format_percent

LOCALE = "de_DE"
MISSING = "–"


def _missing(value: object) -> bool:
    if value is None:
        return True
    try:
        return bool(value != value) or (isinstance(value, float) and math.isnan(value))
    except (TypeError, ValueError):
        return str(value) in {"<NA>", "NaT"}


def number(value: object, *, digits: int = 0) -> str:
    """``3.5`` → "3,5"; ``7000`` → "7.000"; missing → "–"."""
    if _missing(value):
        return MISSING
    pattern = "#,##0" + ("." + "0" * digits if digits else "")
    return format_decimal(float(value), format=pattern, locale=LOCALE)


def money(value: object, *, digits: int = 0) -> str:
    """``7000`` → "7.000 €"; missing → "–" (unknown is not zero)."""
    if _missing(value):
        return MISSING
    pattern = "#,##0" + ("." + "0" * digits if digits else "") + "\xa0¤"
    return format_currency(
        float(value), "EUR", format=pattern, locale=LOCALE, currency_digits=False
    )


def money_range(low: object, high: object) -> str:
    """A cost range "2.000 € – 4.000 €"; one amount when equal; "unbekannt" when unknown."""
    if _missing(low) and _missing(high):
        return "unbekannt"
    if _missing(low) or _missing(high) or float(low) == float(high):
        return money(high if _missing(low) else low)
    return f"{money(low)} – {money(high)}"


def percent(value: object, *, digits: int = 0) -> str:
    """``0.425`` → "43 %" (German spacing); missing → "–"."""
    if _missing(value):
        return MISSING
    pattern = "#,##0" + ("." + "0" * digits if digits else "") + "\xa0%"
    return format_percent(float(value), format=pattern, locale=LOCALE)


def day(value: object) -> str:
    """An ISO date or date object → "20. Oktober 2016"; text that is no date is returned as is."""
    if _missing(value) or value == "":
        return MISSING
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, str):
        try:
            value = date.fromisoformat(value.strip())
        except ValueError:
            return value
    if isinstance(value, date):
        return format_date(value, format="long", locale=LOCALE)
    return str(value)
