"""Normal forms the KB looks things up by: ISO dates and lower-cased names."""

from __future__ import annotations

import datetime as _dt
import re
from typing import Optional, Union

DateLike = Union[str, _dt.date, _dt.datetime, None]


def end_of(partial: str) -> str:
    """Pad a partial ISO date ("1990", "1990-05") to the last day it covers."""
    if len(partial) == 4:
        return partial + "-12-31"
    if len(partial) == 7:
        return partial + "-31"
    return partial[:10]


def to_iso_date(date: DateLike) -> Optional[str]:
    """Normalize a date, datetime or ISO string ("2019", "2019-05", "2019-05-02") to a string.

    Raises:
        ValueError: for a string that is not an ISO date.
    """
    if date is None or date == "":
        return None
    if isinstance(date, _dt.datetime):
        return date.date().isoformat()
    if isinstance(date, _dt.date):
        return date.isoformat()
    if isinstance(date, str) and re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", date.strip()[:10]):
        text = date.strip()[:10]
        return {4: text + "-07-01", 7: text + "-15"}.get(len(text), text)
    raise ValueError(f"not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD): {date!r}")


def norm_name(text: str) -> str:
    """Lower-case and collapse whitespace (also no-break spaces) for lookups."""
    return re.sub(r"\s+", " ", text.replace("\u00ad", "")).strip().lower()
