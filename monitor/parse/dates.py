"""Dates as news sites write them, to aware UTC datetimes. No dateutil: it reads ``GMT+7`` as UTC-7.

Handled: ISO 8601 (with or without offset, date only), RFC 822 (``Thu, 06 Feb 2025 20:30:00 +0700``),
NATO's ``19 Sep. 2025 12:00:00 GMT`` / ``19 Sept. 2025`` / ``Last updated: 27 Oct. 2017 17:02``,
English ``May 26, 2023 11:47 AM GMT+1``, Vietnamese ``Thứ Ba, 22:35, 26/08/2025``,
``Thứ Ba, 11/07/2023 06:15``, ``Thứ bảy, 24/8/2025, 09:00 (GMT+7)``, ``ngày 26 tháng 8 năm 2025``,
and a unix epoch (VnExpress ``data-publishtime``).

Vietnamese numeric dates with no zone are Asia/Ho_Chi_Minh (+07:00, no DST) unless the caller
gives ``default_tz_hours``; any other date with no zone uses ``default_tz_hours``, else UTC.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import UTC, datetime, timedelta, timezone
from email.utils import parsedate_to_datetime

VIETNAM_TZ_HOURS = 7

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_MON = r"(?P<mon>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
_TIME = r"(?P<hh>\d{1,2}):(?P<mi>\d{2})(?::(?P<ss>\d{2})(?:\.\d+)?)?(?:\s*(?P<ampm>[ap]\.?m\.?)\b)?"

_EPOCH = re.compile(r"^\d{9,11}$")
_ISO = re.compile(
    r"^(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})"
    r"(?:[T ](?P<hh>\d{2}):(?P<mi>\d{2})(?::(?P<ss>\d{2})(?:[.,]\d+)?)?)?"
    r"\s*(?P<tz>Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?$",
    re.I,
)
# dd/mm/yyyy with the time before or after it; also dd-mm-yyyy and dd.mm.yyyy.
_VN = re.compile(
    r"(?:(?P<h1>\d{1,2})[:h](?P<m1>\d{2})(?::\d{2})?\D{0,5})?"
    r"(?<!\d)(?P<d>\d{1,2})(?P<sep>[/.-])(?P<m>\d{1,2})(?P=sep)(?P<y>\d{4})(?!\d)"
    r"(?:\D{0,5}?(?P<h2>\d{1,2})[:h](?P<m2>\d{2})(?::\d{2})?)?"
)
_VN_WORDS = re.compile(r"ngày\s+(?P<d>\d{1,2})\s+tháng\s+(?P<m>\d{1,2}),?\s+năm\s+(?P<y>\d{4})", re.I)
_DMY = re.compile(r"(?<!\d)(?P<d>\d{1,2})\s+" + _MON + r",?\s+(?P<y>\d{4})(?:\D{0,4}?" + _TIME + ")?", re.I)
_MDY = re.compile(
    _MON + r"\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y>\d{4})(?:\D{0,4}?" + _TIME + ")?", re.I
)
_ZONE_OFFSET = re.compile(r"\b(?:GMT|UTC)\s*(?P<sign>[+-])\s*(?P<h>\d{1,2})(?::?(?P<m>\d{2}))?", re.I)
_ZONE_NUMERIC = re.compile(r"(?<![\d:])(?P<sign>[+-])(?P<h>\d{2}):?(?P<m>\d{2})\)?\s*$")
_ZONE_UTC = re.compile(r"\b(?:GMT|UTC|UT|Z)\b")
_NAMED_ZONES = {
    "EST": -5, "EDT": -4, "CST": -6, "CDT": -5, "MST": -7, "MDT": -6, "PST": -8, "PDT": -7,
    "CET": 1, "CEST": 2, "BST": 1, "EET": 2, "EEST": 3, "ICT": 7,
}  # fmt: skip
_ZONE_NAMED = re.compile(r"\b(" + "|".join(_NAMED_ZONES) + r")\b")


def parse_date(text: str, *, default_tz_hours: int | None = None) -> datetime | None:
    """An aware UTC datetime for ``text``, or None when it holds no date we know."""
    if not text:
        return None
    s = " ".join(unicodedata.normalize("NFC", str(text)).split())
    if not s:
        return None
    try:
        return _parse(s, default_tz_hours)
    except (ValueError, OverflowError):
        return None


# The RFC 822 date of most RSS feeds, as written by most software: "Thu, 06 Feb 2025 20:30:00 +0700", "Sun, 24 Aug
# 2025 09:00:00 GMT". Read at once (``_rfc822``); the long way (``_parse``) reads it the same, by ``_DMY`` and
# ``_find_zone``, and gives None for an offset over 14 hours: such a text is left to it.
_RFC822 = re.compile(
    r"(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), )?(\d{1,2}) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (\d{4}) "
    r"(\d{2}):(\d{2}):(\d{2}) (?:GMT|UTC|UT|Z|([+-])(\d{2})(\d{2}))"
)
_RFC822_MONTHS = {name.title(): number for name, number in _MONTHS.items()}
_MAX_OFFSET = timedelta(hours=14)


def _rfc822(s: str) -> datetime | None:
    """``s`` read as ``_RFC822``'s date, or None when it is not one (or has an offset ``_parse`` refuses)."""
    m = _RFC822.fullmatch(s)
    if m is None:
        return None
    d, mon, y, hh, mi, ss, sign, zh, zm = m.groups()
    if sign is None:
        tz = UTC
    else:
        offset = timedelta(hours=int(zh), minutes=int(zm))
        if offset > _MAX_OFFSET:
            return None
        tz = timezone(-offset if sign == "-" else offset)
    return datetime(int(y), _RFC822_MONTHS[mon], int(d), int(hh), int(mi), int(ss), tzinfo=tz).astimezone(UTC)


def _parse(s: str, default_tz_hours: int | None) -> datetime | None:
    if (dt := _rfc822(s)) is not None:
        return dt
    return _parse_long(s, default_tz_hours)


def _parse_long(s: str, default_tz_hours: int | None) -> datetime | None:
    """Every format, one after the other (``_rfc822`` is the common case's short cut)."""
    if _EPOCH.match(s):
        return datetime.fromtimestamp(int(s), tz=UTC)
    m = _ISO.match(s)
    if m:
        tz = _zone_from_token(m.group("tz")) if m.group("tz") else None
        return _build(m["y"], m["m"], m["d"], m["hh"], m["mi"], m["ss"], tz, default_tz_hours)
    zone = _find_zone(s)
    m = _VN.search(s)
    if m:
        hh, mi = (m["h1"], m["m1"]) if m["h1"] else (m["h2"], m["m2"])
        default = VIETNAM_TZ_HOURS if default_tz_hours is None else default_tz_hours
        return _build(m["y"], m["m"], m["d"], hh, mi, None, zone, default)
    m = _VN_WORDS.search(s)
    if m:
        default = VIETNAM_TZ_HOURS if default_tz_hours is None else default_tz_hours
        return _build(m["y"], m["m"], m["d"], None, None, None, zone, default)
    for rx in (_DMY, _MDY):
        m = rx.search(s)
        if m:
            hh = _hour_12(m["hh"], m["ampm"])
            month = _MONTHS[m["mon"][:3].lower()]
            return _build(m["y"], month, m["d"], hh, m["mi"], m["ss"], zone, default_tz_hours)
    try:
        dt = parsedate_to_datetime(s)  # RFC 822 with named US zones (EST, PDT, ...)
    except (TypeError, ValueError, IndexError):
        return None
    if dt is None:
        return None
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=_tz(default_tz_hours or 0))
    return dt.astimezone(UTC)


def _hour_12(hh: str | None, ampm: str | None) -> str | None:
    if hh is None or not ampm:
        return hh
    h = int(hh) % 12
    if ampm.lower().startswith("p"):
        h += 12
    return str(h)


def _tz(hours: float) -> timezone:
    return timezone(timedelta(minutes=round(hours * 60)))


def _zone_from_token(token: str) -> timezone:
    token = token.upper()
    if token in {"Z", "UTC", "GMT"}:
        return UTC
    sign = -1 if token[0] == "-" else 1
    digits = token[1:].replace(":", "")
    hours, minutes = int(digits[:2]), int(digits[2:4] or 0)
    return timezone(sign * timedelta(hours=hours, minutes=minutes))


def _find_zone(s: str) -> timezone | None:
    """The zone a free-form date names: ``GMT+7`` is UTC+7 (not POSIX), ``+0700``, ``GMT``."""
    m = _ZONE_OFFSET.search(s) or _ZONE_NUMERIC.search(s)
    if m:
        sign = -1 if m["sign"] == "-" else 1
        offset = timedelta(hours=int(m["h"]), minutes=int(m["m"] or 0))
        if offset > timedelta(hours=14):
            raise ValueError("offset out of range")
        return timezone(sign * offset)
    if _ZONE_UTC.search(s):
        return UTC
    m = _ZONE_NAMED.search(s)
    if m:
        return _tz(_NAMED_ZONES[m.group(1)])
    return None


def _build(y, mo, d, hh, mi, ss, tz: timezone | None, default_hours: int | None) -> datetime:
    if tz is None:
        tz = _tz(default_hours or 0)
    dt = datetime(int(y), int(mo), int(d), int(hh or 0), int(mi or 0), int(ss or 0), tzinfo=tz)
    return dt.astimezone(UTC)
