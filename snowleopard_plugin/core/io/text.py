"""Reading the text of field files: encodings, delimiters, numbers, coordinates, dates.

The rules every reader shares (tables, vector attributes, Camtrap DP, secr):

* :func:`detect_encoding`, :func:`sniff_delimiter`: cp1251 or UTF-8 (with or
  without BOM), UTF-16; ``;``, ``,`` or tab;
* :func:`parse_number`: decimal comma, spaces as thousands separators;
* :func:`parse_coordinate`: decimal degrees, degrees-minutes, DMS, with Latin
  or Cyrillic hemispheres (``с.ш.``, ``в.д.``);
* :func:`parse_datetime`, :func:`date_parts_order`, :func:`iso_to_datetime`,
  :func:`iso_text`: dates and times as ISO 8601 text, day first unless a
  column says otherwise.

Nothing here imports the readers (:mod:`.tables`, :mod:`.vector`).
"""

from __future__ import annotations

import csv
import datetime as _dt
import math
import re
from typing import Any, Iterable, List, Optional

import numpy as np
import pandas as pd

WGS84 = "EPSG:4326"

# --------------------------------------------------------------------------------------------
# Encoding and delimiter
# --------------------------------------------------------------------------------------------

_CP1251_LETTERS = set(range(0xC0, 0x100)) | {0xA8, 0xB8}  # А..я, Ё, ё


def detect_encoding(raw: bytes) -> str:
    """Guess the text encoding of a table file.

    Args:
        raw: the file's bytes (or its first few hundred kilobytes).

    Returns:
        ``"utf-8-sig"`` when the file starts with a UTF-8 byte-order mark (NextGIS
        Web, Excel "CSV UTF-8"), ``"utf-16"`` for a UTF-16 BOM (Excel "Unicode
        text"), ``"utf-8"`` when the bytes decode as UTF-8, otherwise ``"cp1251"``
        (Excel and 1C on a Russian Windows).
    """
    if raw.startswith(b"\xef\xbb\xbf"):
        return "utf-8-sig"
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    try:
        raw.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError as error:
        # A truncated sample may end inside a multi-byte character.
        if error.start >= len(raw) - 3 and error.reason == "unexpected end of data":
            return "utf-8"
    return "cp1251"


def _looks_binary(raw: bytes, encoding: str) -> bool:
    """True when bytes are clearly not a text table (NULs, many control characters)."""
    if encoding == "utf-16":
        return False
    sample = raw[:65536]
    if b"\x00" in sample:
        return True
    controls = sum(1 for byte in sample if byte < 32 and byte not in (9, 10, 13))
    return controls > max(2, len(sample) // 100)


def _split_row(line: str, delimiter: str) -> List[str]:
    return next(csv.reader([line], delimiter=delimiter), [])


def sniff_delimiter(text: str) -> str:
    """Guess the field delimiter of a CSV text: ``","``, ``";"`` or tab.

    The delimiter that splits the first lines into the same number (> 1) of
    fields wins; on a tie tab beats ``;`` beats ``,`` (a ``;`` file with decimal
    commas splits consistently on both). An Excel ``sep=;`` first line is obeyed.

    Args:
        text: the decoded file, or its first lines.

    Returns:
        The delimiter character (``","`` when nothing splits the lines).
    """
    lines = [line for line in text.splitlines() if line.strip()][:50]
    if lines and lines[0].lower().startswith("sep=") and len(lines[0].strip()) == 5:
        return lines[0].strip()[4]
    best, best_score = ",", (0.0, 0)
    for delimiter in ("\t", ";", ","):
        counts = [len(_split_row(line, delimiter)) for line in lines]
        if not counts or max(counts) < 2:
            continue
        mode = max(set(counts), key=counts.count)
        if mode < 2:
            continue
        share = counts.count(mode) / len(counts)
        score = (round(share, 2), 1)
        if score > best_score:
            best, best_score = delimiter, score
    return best


# --------------------------------------------------------------------------------------------
# Numbers, coordinates, dates
# --------------------------------------------------------------------------------------------

_NUMBER_RE = re.compile(r"^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$")


def parse_number(text: Any) -> Optional[float]:
    """Parse a number written by a spreadsheet in any locale.

    Accepts a decimal comma (``1234,5``), spaces, non-breaking or thin spaces as
    thousand separators (``1 234,5``), ``1,234.5`` and ``1.234,5``.

    Returns:
        The value, or None when the text is empty or not a finite number.
    """
    if text is None:
        return None
    if isinstance(text, (int, float)):
        return float(text) if math.isfinite(text) else None
    s = str(text).strip().lstrip("±")
    for space in (" ", "\u00a0", "\u202f", "\u2009", "'"):
        s = s.replace(space, "")
    if not s:
        return None
    if "," in s and "." in s:
        s = s.replace(".", "").replace(",", ".") if s.rfind(",") > s.rfind(".") else s.replace(",", "")
    elif "," in s:
        if s.count(",") != 1:
            return None
        s = s.replace(",", ".")
    if not _NUMBER_RE.match(s):
        return None
    value = float(s)
    return value if math.isfinite(value) else None


_LAT_AXES = ("lat", "latitude", "y")
_LON_AXES = ("lon", "lng", "longitude", "x")
_CYR_HEMI_RE = re.compile(r"([сю])\s*\.?\s*ш\s*\.?|([вз])\s*\.?\s*д\s*\.?")
_HEMI_LETTERS = "nsewсювз"
_NEGATIVE_HEMI = set("swюз")
_DEG_MARKS_RE = re.compile(r"[°º˚∘d]|''|[′’‘`´']|[\"″”“]|:")
_TOKEN_RE = re.compile(r"^\d+([.,]\d+)?$")


def parse_coordinate(text: Any, axis: str) -> Optional[float]:
    """Parse a latitude or longitude written the way field teams write it.

    Accepted: decimal degrees with a dot or comma (``49.7534``, ``49,7534``,
    ``-120.5``); degrees and decimal minutes (``49 45.205``, ``49°45,205'``);
    degrees, minutes and seconds (``49°45'12.3"N``, ``49 45 12.3``, ``49:45:12.3``);
    hemisphere letters N/S/E/W before or after the value, and their Russian
    forms ``с.ш.``/``ю.ш.``/``в.д.``/``з.д.`` or ``С``/``Ю``/``В``/``З``.
    S, W, Ю and З give negative values.

    Values are not range-checked (a latitude of 88 or a swapped pair comes back
    as written; the season assembler validates coordinates).

    Args:
        text: the cell text.
        axis: ``"lat"`` (or ``"y"``) or ``"lon"`` (or ``"x"``); documents which
            coordinate is read.

    Returns:
        Decimal degrees, or None when the text is empty or not a coordinate
        (minutes or seconds of 60 or more, fractional degrees followed by
        minutes, stray words).

    Raises:
        ValueError: for an unknown ``axis``.
    """
    if axis.lower() not in _LAT_AXES + _LON_AXES:
        raise ValueError(f"axis must be 'lat' or 'lon', not {axis!r}")
    if text is None:
        return None
    if isinstance(text, (int, float)):
        return float(text) if math.isfinite(text) else None
    s = str(text).strip().lower().replace("ё", "е")
    if not s:
        return None
    negative = False
    match = _CYR_HEMI_RE.search(s)
    if match:
        negative = (match.group(1) or match.group(2)) in _NEGATIVE_HEMI
        s = (s[: match.start()] + " " + s[match.end():]).strip()
    else:
        if s[0] in _HEMI_LETTERS:
            negative = s[0] in _NEGATIVE_HEMI
            s = s[1:].lstrip(" .")
        elif s[-1] in _HEMI_LETTERS or (len(s) > 1 and s[-1] == "." and s[-2] in _HEMI_LETTERS):
            s = s.rstrip(".")
            negative = s[-1] in _NEGATIVE_HEMI
            s = s[:-1]
    s = _DEG_MARKS_RE.sub(" ", s).strip()
    if s[:1] in "+-":
        negative = negative or s[0] == "-"
        s = s[1:].strip()
    tokens = s.split()
    if not tokens or len(tokens) > 3 or not all(_TOKEN_RE.match(token) for token in tokens):
        return None
    values = [float(token.replace(",", ".")) for token in tokens]
    if len(values) > 1 and not values[0].is_integer():
        return None
    if len(values) == 3 and not values[1].is_integer():
        return None
    if any(value >= 60 for value in values[1:]):
        return None
    degrees = values[0] + sum(value / 60 ** i for i, value in enumerate(values[1:], start=1))
    return -degrees if negative else degrees


_MONTHS = {
    "январ": 1, "феврал": 2, "март": 3, "апрел": 4, "ма": 5, "июн": 6, "июл": 7, "август": 8,
    "сентябр": 9, "октябр": 10, "ноябр": 11, "декабр": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "oct": 10, "nov": 11, "dec": 12,
}
_ISO_RE = re.compile(
    r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ]+(\d{1,2})[:.](\d{2})(?:[:.](\d{2})(?:[.,](\d+))?)?)?"
    r"\s*(Z|[+-]\d{2}(?::?\d{2})?)?$", re.IGNORECASE)
_DMY_RE = re.compile(
    r"^(\d{1,2})([./-])(\d{1,2})\2(\d{2}|\d{4})(?:[T ,]+(\d{1,2})[:.](\d{2})(?:[:.](\d{2})(?:[.,]\d+)?)?)?"
    r"\s*(Z|[+-]\d{2}(?::?\d{2})?)?$", re.IGNORECASE)
_WORD_DATE_RE = re.compile(r"^(\d{1,2})\s+([^\W\d_]+)\.?\s+(\d{4})(?:\s*г\.?)?(?:[ ,]+(\d{1,2})[:.](\d{2})"
                           r"(?:[:.](\d{2}))?)?$")
_TIME_RE = re.compile(r"^(\d{1,2})[:.](\d{2})(?:[:.](\d{2})(?:[.,]\d+)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$",
                      re.IGNORECASE)


def _offset_text(offset: Optional[str]) -> str:
    if not offset:
        return ""
    if offset.upper() == "Z":
        return "Z"
    digits = offset[1:].replace(":", "")
    if len(digits) == 2:
        digits += "00"
    return f"{offset[0]}{digits[:2]}:{digits[2:]}"


def _compose(year: int, month: int, day: int, hour: Optional[str] = None, minute: Optional[str] = None,
             second: Optional[str] = None, offset: Optional[str] = None) -> Optional[str]:
    try:
        date = _dt.date(year, month, day)
    except ValueError:
        return None
    if hour is None:
        return date.isoformat()
    h, m, sec = int(hour), int(minute or 0), int(second or 0)
    if h == 24 and m == 0 and sec == 0:
        h = 0
        date += _dt.timedelta(days=1)
    if h > 23 or m > 59 or sec > 59:
        return None
    return f"{date.isoformat()}T{h:02d}:{m:02d}:{sec:02d}{_offset_text(offset)}"


def _year(text: str) -> int:
    year = int(text)
    if len(text) == 2:
        year += 2000 if year < 70 else 1900
    return year


def date_parts_order(values: Iterable[str]) -> Optional[str]:
    """Tell day-first from month-first dates in a column written with ``/``.

    Args:
        values: the date cells of one column.

    Returns:
        ``"dmy"`` when some date has a first number above 12, ``"mdy"`` when
        some date has a second number above 12, ``"conflict"`` when both occur,
        None when every ``/`` date is ambiguous (or there are none).
    """
    first = second = False
    for value in values:
        match = _DMY_RE.match(str(value or "").strip())
        if match and match.group(2) == "/":
            first = first or int(match.group(1)) > 12
            second = second or int(match.group(3)) > 12
    if first and second:
        return "conflict"
    if first:
        return "dmy"
    if second:
        return "mdy"
    return None


def parse_datetime(date_text: Any, time_text: Any = None, dayfirst: bool = True) -> Optional[str]:
    """Parse a field date (and time) into ISO 8601 text.

    Dates: ``dd.mm.yyyy``, ``dd.mm.yy`` (years 00-69 are 20xx), ``yyyy-mm-dd``,
    ``yyyy/mm/dd`` (OGR's CSV), ``dd/mm/yyyy``, ``dd-mm-yyyy``, ``15 февраля
    2024``, ``15 Feb 2024``; each optionally followed by a time ``HH:MM[:SS]``.
    ISO 8601 datetimes keep their offset (``+07:00``, ``Z``): nothing is shifted
    to UTC. A separate ``time_text`` (``HH:MM[:SS]``) is joined to the date.

    Args:
        date_text: the date cell (may hold the time too).
        time_text: the time cell, if the table has one.
        dayfirst: read ``a/b/yyyy`` as day/month (True, the Russian and
            European habit) or as month/day. Callers decide per column with
            :func:`date_parts_order` and flag ambiguous columns.

    Returns:
        ``YYYY-MM-DD`` or ``YYYY-MM-DDTHH:MM:SS[offset]``; None when the text is
        empty or not a valid date (e.g. 31.02.2024).
    """
    date_s = "" if date_text is None else str(date_text).strip()
    time_s = "" if time_text is None else str(time_text).strip()
    if not date_s or date_s.lower() in ("nan", "nat", "none", "null"):
        return None
    if time_s.lower() in ("nan", "nat", "none", "null"):
        time_s = ""
    if time_s:
        time_match = _TIME_RE.match(time_s)
        if time_match is None:
            return None
        if re.search(r"\d[T ]\d{1,2}[:.]\d{2}", date_s):  # the date cell already has a time
            date_s = re.split(r"[T ]", date_s, maxsplit=1)[0]
        date_s = f"{date_s} {time_s}"
    match = _ISO_RE.match(date_s)
    if match:
        year, month, day, hour, minute, second, _fraction, offset = match.groups()
        return _compose(int(year), int(month), int(day), hour, minute, second, offset)
    match = _DMY_RE.match(date_s)
    if match:
        a, _sep, b, year, hour, minute, second, offset = match.groups()
        day, month = (int(a), int(b)) if dayfirst else (int(b), int(a))
        return _compose(_year(year), month, day, hour, minute, second, offset)
    match = _WORD_DATE_RE.match(date_s.lower())
    if match:
        day, word, year, hour, minute, second = match.groups()
        month = next((number for stem, number in sorted(_MONTHS.items(), key=lambda kv: -len(kv[0]))
                      if word.startswith(stem)), None)
        if month is None:
            return None
        return _compose(int(year), month, int(day), hour, minute, second)
    return None


def iso_to_datetime(text: Optional[str]) -> Optional[_dt.datetime]:
    """Turn ISO text from :func:`parse_datetime` into a ``datetime`` (aware when it had an offset)."""
    if not text:
        return None
    value = text[:-1] + "+00:00" if text.endswith("Z") else text
    try:
        return _dt.datetime.fromisoformat(value)
    except ValueError:
        return None



def iso_text(value: Any) -> Optional[str]:
    """Any date/time value (text in common layouts, datetime, Timestamp) as ISO 8601 text, or None.

    A date without a time stays ``YYYY-MM-DD``; an offset is kept (UTC as
    ``Z``); text that cannot be parsed gives None.
    """
    if value is None:
        return None
    if isinstance(value, float) and not np.isfinite(value):
        return None
    text = str(value).strip()
    if not text or text.lower() in ("nan", "nat", "none", "null"):
        return None
    text = re.sub(r"^(\d{4})/(\d\d)/(\d\d)", r"\1-\2-\3", text)  # LIBKML writes 2024/02/10 04:00:00+00
    text = re.sub(r"(\d\d:\d\d(?::\d\d(?:\.\d+)?)?)([+-]\d\d)$", r"\1\2:00", text)  # +07 after a time
    if not re.match(r"\d{4}-\d\d-\d\d", text):
        # typed by hand (5.03.2026, 03/04/2026 12:30, 15 февраля 2026): day first, as the tables are read
        return parse_datetime(text)
    date_only = re.fullmatch(r"\d{4}-\d\d-\d\d", text)
    try:
        stamp = pd.Timestamp(text)
    except (ValueError, TypeError, OverflowError):
        return None
    if stamp is pd.NaT or pd.isna(stamp):
        return None
    if date_only:
        return stamp.strftime("%Y-%m-%d")
    out = stamp.isoformat()
    if stamp.tzinfo is not None and stamp.utcoffset().total_seconds() == 0:
        out = out[: -len("+00:00")] + "Z"
    return out
