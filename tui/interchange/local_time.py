"""Wall-clock times in exports: Strong and Hevy write local times without an offset.

A zone of None means the machine's own zone; OneMore stores every time with its offset.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from tui.interchange.numbers import RowProblem

MONTHS = {
    name: number
    for number, name in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1
    )
}
# Hevy: "15 Sep 2025, 07:48" (month names in English whatever the phone's language)
HEVY_TIME = re.compile(r"(\d{1,2}) ([A-Za-z]{3})[a-z]* (\d{4}),? (\d{1,2}):(\d{2})(?::(\d{2}))?")
DURATION_PART = re.compile(r"(\d+(?:[.,]\d+)?)\s*([a-z]+)")
DURATION_UNITS = {"h": 3600, "hr": 3600, "m": 60, "min": 60, "s": 1, "sec": 1}


def zone_named(name: str) -> tzinfo:
    """The IANA zone called `name`; ValueError with a line for the lifter if there is none."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValueError(
            f"unknown time zone {name!r}: use a name like Europe/Amsterdam, America/New_York or UTC"
        ) from None


def iso_time(text: str, what: str = "date") -> datetime:
    """'2025-06-03 20:23:00' (or with T, without seconds); RowProblem if it is not one."""
    try:
        return datetime.fromisoformat(text.strip())
    except ValueError:
        raise RowProblem(f"{what} is not a time like 2025-06-03 20:23:00") from None


def hevy_time(text: str, what: str = "start_time") -> datetime:
    """'15 Sep 2025, 07:48' as Hevy writes it; ISO times are read too."""
    found = HEVY_TIME.fullmatch(text.strip())
    if found is None:
        return iso_time(text, what)
    day, month, year, hour, minute, second = found.groups()
    month_number = MONTHS.get(month.casefold())
    try:
        if month_number is None:
            raise ValueError(month)
        return datetime(int(year), month_number, int(day), int(hour), int(minute), int(second or 0))
    except ValueError:
        raise RowProblem(f"{what} is not a time like 15 Sep 2025, 07:48") from None


def with_offset(moment: datetime, zone: tzinfo | None) -> datetime:
    """A local time from a file, with the offset it had in `zone` (None: this machine's zone)."""
    if moment.tzinfo is not None:
        return moment
    return moment.replace(tzinfo=zone) if zone is not None else moment.astimezone()


def local_text(moment: datetime, zone: tzinfo | None) -> str:
    """'2025-06-03 20:23:00' on the wall clock of `zone` (None: this machine's zone)."""
    return moment.astimezone(zone).strftime("%Y-%m-%d %H:%M:%S")


def duration_seconds(text: str) -> float | None:
    """'1h 5m' -> 3900, '7m' -> 420, '264h 1m', '45s', '3900' (seconds); None if unreadable."""
    text = text.strip().casefold()
    if not text:
        return None
    try:
        return float(text)
    except ValueError:
        pass
    parts = DURATION_PART.findall(text)
    if not parts or DURATION_PART.sub("", text).strip():
        return None
    total = 0.0
    for amount, unit in parts:
        if unit not in DURATION_UNITS:
            return None
        total += float(amount.replace(",", ".")) * DURATION_UNITS[unit]
    return total


def duration_text(length: timedelta) -> str:
    """Strong's way of writing a duration: '1h 5m', '54m', '0m'."""
    minutes = int(length.total_seconds() // 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}h {minutes}m" if hours else f"{minutes}m"
