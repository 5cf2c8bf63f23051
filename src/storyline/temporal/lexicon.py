"""Words of English news-text time expressions: month and day names, number words, units.

Each table maps a lower-cased word to what it means; the ``*_RE`` strings are regex alternations built
from the tables (longest first, so "September" wins over "Sept").
"""

from __future__ import annotations

__all__ = ["MONTHS", "WEEKDAYS", "UNITS", "SEASONS", "ORDINALS", "parse_number",
           "MONTH_RE", "WEEKDAY_RE", "NUMBER_RE", "UNIT_RE", "ORDINAL_RE"]

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}

WEEKDAYS = {
    "monday": 1, "mon": 1, "tuesday": 2, "tues": 2, "tue": 2, "wednesday": 3, "wed": 3,
    "thursday": 4, "thurs": 4, "thu": 4, "friday": 5, "fri": 5, "saturday": 6, "sat": 6,
    "sunday": 7, "sun": 7,
}

SEASONS = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}

# unit word -> (TIMEX3 duration letter, whether it is a time-of-day unit written after "PT")
UNITS = {
    "second": ("S", True), "minute": ("M", True), "hour": ("H", True), "day": ("D", False),
    "night": ("D", False), "week": ("W", False), "weekend": ("WE", False), "month": ("M", False),
    "quarter": ("Q", False), "year": ("Y", False), "decade": ("DE", False), "century": ("CE", False),
}

_SMALL = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
         "eighty": 80, "ninety": 90}
# Vague quantities: TIMEX3 writes them as X ("several years" -> PXY).
_VAGUE = ("a few", "few", "several", "a couple of", "couple of", "a number of", "some", "many")

ORDINALS = {
    "first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
    "fifth": 5, "5th": 5, "sixth": 6, "6th": 6, "seventh": 7, "7th": 7, "eighth": 8, "8th": 8,
    "ninth": 9, "9th": 9, "tenth": 10, "10th": 10, "eleventh": 11, "twelfth": 12, "twentieth": 20,
    "nineteenth": 19, "eighteenth": 18, "twenty-first": 21,
}


def _alternation(words: list[str]) -> str:
    return "|".join(sorted(words, key=len, reverse=True))


_NUMBER_WORDS = [f"{t}(?:[- ](?:{'|'.join(w for w in _SMALL if _SMALL[w] < 10 and w != 'zero')}))?"
                 for t in _TENS] + list(_SMALL)
# "a hundred", "two thousand": a small number times a hundred or a thousand
_MULTIPLE = r"(?:(?:a|one|two|three|four|five|six|seven|eight|nine|ten)\s+)?(?:hundred|thousand)"
NUMBER_RE = (r"(?:\d+(?:\.\d+|\s+1/2)?|(?:" + _MULTIPLE + "|" + _alternation(_NUMBER_WORDS) + r"|a|an|one|a dozen|dozen|"
             + _alternation([v.replace(" ", r"\s+") for v in _VAGUE]) + r"|half\s+a|a\s+half)"
             r"(?:\s+and\s+a\s+half)?)")
UNIT_RE = r"(?:second|minute|hour|day|night|week|month|quarter|year|decade|centur(?:y|ie))s?"
ORDINAL_RE = _alternation(list(ORDINALS))

# Capitalised (or all-caps) only: lower-case "may" and "march" are a modal and a verb.
MONTH_RE = _alternation([w.capitalize() for w in MONTHS] + [w.upper() for w in MONTHS])
WEEKDAY_RE = _alternation([w for w in WEEKDAYS if len(w) > 4] + ["sunday", "monday"])


def parse_number(words: str) -> float | None:
    """The quantity a number phrase names ("two and a half" -> 2.5, "24" -> 24); None when vague."""
    w = " ".join(words.lower().replace("-", " ").split())
    extra = 0.0
    if w.endswith(" and a half"):
        w, extra = w[: -len(" and a half")], 0.5
    if w in ("half a", "a half"):
        return 0.5
    if w in ("a", "an", "one"):
        return 1 + extra
    if w in ("a dozen", "dozen"):
        return 12 + extra
    if w in ("a couple of", "couple of"):  # TBAQ: "a couple of years" is P2Y
        return 2 + extra
    if any(w == v for v in _VAGUE):
        return None
    if w.endswith(" 1/2"):
        w, extra = w[:-4], extra + 0.5
    try:
        return float(w.replace(",", "")) + extra
    except ValueError:
        pass
    total = current = 0
    for part in w.split():
        if part in _TENS:
            current += _TENS[part]
        elif part in _SMALL:
            current += _SMALL[part]
        elif part in ("a", "an"):
            current += 1
        elif part == "hundred":
            current = (current or 1) * 100
        elif part == "thousand":
            total, current = total + (current or 1) * 1000, 0
        else:
            return None
    return total + current + extra
