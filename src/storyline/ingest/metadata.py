"""Article metadata from what comes with a copy: its URL, a sidecar file, author and date strings.

Plain functions, each returning one normalized field: ``outlet_from_url`` (registered domain),
``read_sidecar`` (a ``*.meta.json`` beside an input), ``normalize_authors`` (a clean list of names),
``normalize_datetime`` (ISO 8601, as precise as the source and no more).
"""

from __future__ import annotations

import ipaddress
import json
import re
import warnings
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from storyline.errors import RejectedInput
from storyline.ingest.encoding import without_surrogates
from storyline.temporal import lexicon as lx

__all__ = [
    "SIDECAR_FIELDS",
    "normalize_authors",
    "normalize_datetime",
    "outlet_from_url",
    "read_sidecar",
    "sidecar_path_for",
]

# Second-level labels under which country-code registries sell names (bbc.co.uk, smh.com.au,
# koreaherald.co.kr, asahi.co.jp): the registered domain then has three labels, not two.
_SECOND_LEVEL = {"co", "com", "net", "org", "gov", "ac", "edu", "or", "ne", "go", "gv", "nic", "mil", "gen",
                 "ltd", "plc", "sch", "info", "biz", "nom", "press", "news", "int"}


def outlet_from_url(url: str) -> str | None:
    """The registered domain of ``url`` without ``www`` ("https://www.khaleejtimes.com/x" ->
    "khaleejtimes.com", "https://www.bbc.co.uk/news" -> "bbc.co.uk"); None when it names no site
    (a relative path, ``file:``, an IP address, ``localhost``)."""
    if not url or not isinstance(url, str):
        return None
    url = url.strip()
    if "://" not in url:
        if url.startswith("//"):
            url = "http:" + url
        elif re.match(r"^www\.[\w.-]+\.[a-z]{2,}(/|$)|^[\w.-]+\.[a-z]{2,}/", url, re.I) and not re.match(
                r"^[\w.-]+\.(?:txt|html?|json|jsonl|md|xml|gz|pdf|warc)(?:/|$)", url, re.I):
            # "www.example.com" or "example.com/path": a URL written without its scheme ("article.txt"
            # is a file name, not a site)
            url = "http://" + url
        else:
            return None
    try:
        host = urlsplit(url).hostname
    except ValueError:
        return None
    if not host:
        return None
    host = host.rstrip(".").lower()
    try:
        ipaddress.ip_address(host)
        return None
    except ValueError:
        pass
    labels = [part for part in host.split(".") if part]
    if len(labels) < 2 or not re.fullmatch(r"[a-z]{2,63}|xn--[a-z0-9-]+", labels[-1]):
        return None
    keep = 2
    if len(labels) >= 3 and len(labels[-1]) == 2 and labels[-2] in _SECOND_LEVEL:
        keep = 3
    return ".".join(labels[-keep:])


SIDECAR_FIELDS = ("title", "outlet", "url", "published", "updated", "authors", "language")

# Names a sidecar may use for each field (the same habits as news exports).
_SIDECAR_ALIASES: dict[str, tuple[str, ...]] = {
    "title": ("title", "headline"),
    "outlet": ("outlet", "source", "publisher", "site_name", "sitename"),
    "url": ("url", "link", "canonical_url"),
    "published": ("published", "date", "published_at", "datePublished", "pubDate", "date_publish"),
    "updated": ("updated", "modified", "updated_at", "dateModified", "last_updated"),
    "authors": ("authors", "author", "byline"),
    "language": ("language", "lang"),
}


def sidecar_path_for(path: Path) -> Path | None:
    """The sidecar beside an input, if any: ``article.txt.meta.json`` first, then ``article.meta.json``."""
    path = Path(path)
    for cand in (path.with_name(path.name + ".meta.json"), path.with_name(path.stem + ".meta.json")):
        if cand.is_file():
            return cand
    return None


def read_sidecar(path: Path) -> dict[str, Any]:
    """The metadata a sidecar file states about an input, normalized; ``{}`` when there is none.

    ``path`` is the sidecar itself (``article.txt.meta.json`` or ``article.meta.json``) or the input
    it sits beside. The sidecar is one JSON object, every field optional::

        {
          "title": "KT edit: Trump and Kim will need to build strategic trust",
          "outlet": "Khaleej Times",                 # else derived from url
          "url": "https://www.khaleejtimes.com/...",
          "published": "2019-02-27T19:00:00+04:00",  # any common date string
          "updated": "Wed 27 Feb 2019, 9:39 PM",
          "authors": ["A. Writer"],                  # or "A and B", or [{"name": "A"}]
          "language": "en"                            # ISO 639-1
        }

    Common alternative names are accepted (``headline``, ``source``, ``link``, ``date``,
    ``datePublished``, ``author``, ``byline``, ``lang``, ...); unknown keys are ignored. The result
    holds only the fields given, with ``published``/``updated`` as ISO 8601, ``authors`` as a list of
    names and ``outlet`` from the URL's domain when only ``url`` is given.

    Raises RejectedInput when the sidecar exists but is not a JSON object: a sidecar states what the
    user knows about the file, so a broken one is reported rather than silently ignored.
    """
    path = Path(path)
    sidecar = path if path.name.endswith(".meta.json") else sidecar_path_for(path)
    if sidecar is None or not sidecar.is_file():
        return {}
    try:
        data = without_surrogates(json.loads(sidecar.read_text(encoding="utf-8-sig")))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError, RecursionError) as err:
        raise RejectedInput(f"its sidecar {sidecar.name} cannot be read as JSON ({err}): "
                            "fix the sidecar or remove it") from err
    if not isinstance(data, dict):
        raise RejectedInput(f"its sidecar {sidecar.name} is not a JSON object: "
                            'write it as {"title": ..., "published": ...} or remove it')
    out: dict[str, Any] = {}
    for name, aliases in _SIDECAR_ALIASES.items():
        value = next((data[a] for a in aliases if data.get(a) not in (None, "", [])), None)
        if value is None:
            continue
        if name == "authors":
            authors = normalize_authors(value)
            if authors:
                out[name] = authors
        elif name in ("published", "updated"):
            when = normalize_datetime(value)
            if when:
                out[name] = when
        elif isinstance(value, dict):  # {"name": "Reuters"} for an outlet/publisher object
            if isinstance(value.get("name"), str) and value["name"].strip():
                out[name] = " ".join(value["name"].split())
        else:
            text = " ".join(str(value).split())
            if text:
                out[name] = text.lower() if name == "language" else text
    if "outlet" not in out and out.get("url"):
        outlet = outlet_from_url(out["url"])
        if outlet:
            out["outlet"] = outlet
    return out


# A byline's words that are not part of any name.
_BY_PREFIX = re.compile(r"^\s*(?:(?:written|words|reporting|story|text)\s+)?by\s*:?\s+", re.I)
# "und", "et", "y" join names only in lower case: "Bruce Y. Lee" is one name.
_SPLIT_NAMES = re.compile(r"\s*(?:,|;|\||&|\band\b|(?-i:\b(?:und|et|y)\b)|/)\s*", re.I)
# A trailing "for Reuters", "in Seoul", "Staff Writer" or an email ends the name part of a byline.
_BYLINE_TAIL = re.compile(r"\s+(?:for|in|at)\s+[A-Z].*$|\S+@\S+")
_ROLE_WORDS = {
    "staff", "writer", "reporter", "correspondent", "editor", "editorial", "columnist", "contributor",
    "bureau", "chief", "senior", "special", "desk", "team", "board", "agencies", "agency", "wires",
    "news", "staff writer",
}
# A publishing system's account names, which sites print when nobody signed the piece (WordPress's "admin").
_ACCOUNT_NAMES = {"admin", "administrator", "site admin", "webmaster", "web master", "root", "sysadmin",
                  "superuser", "user", "guest", "author", "anonymous", "unknown", "wpadmin", "wp admin",
                  "default", "publisher", "content team", "web team", "web editor", "webeditor"}


# News agencies and desks a byline names after the writer ("By Jane Morrison, Associated Press"):
# the writer's affiliation, not a second author (kept when it is the only name).
_AFFILIATIONS = {
    "associated press", "the associated press", "ap", "reuters", "afp", "agence france-presse", "bloomberg",
    "xinhua", "yonhap", "kyodo", "dpa", "efe", "ani", "pti", "ians", "tass", "upi", "cnn", "bbc", "bbc news",
    "staff", "staff writer", "staff reporter", "the editorial board", "editorial board", "wire services",
}


# What follows the names on a byline's first line: "Updated 3:41 PM EST", "Published Feb. 27".
_BYLINE_STAMP = re.compile(r"\s+(?:updated|published|posted|last\s+updated|modified)\b.*$", re.I)
# "(Reuters)", "(AP)": the writer's agency in brackets.
_BRACKETED = re.compile(r"\s*\(([^()]*)\)")
# "The Washington Post", "Korea Times", "BBC News": a publication named beside the writer.
_PUBLICATION = re.compile(
    r"^(?:the\s+)?(?:[A-Z][\w.'-]*\s+){0,3}(?:Post|Times|Journal|Herald|Tribune|Guardian|Telegraph|Daily|Press|"
    r"Globe|Observer|Chronicle|Gazette|Examiner|Star|Sun|Mail|Standard|Independent|Economist|Review|Monitor|"
    r"Inquirer|Bulletin|Dispatch|Courier|Register|Record|Today|Magazine|Network|Radio|Television|TV)$")


# Agencies and outlets a byline can end with ("Jill Lawless Associated Press"), longest first; not the
# collective authors ("KT Editorial Board", "Reuters staff"), which stay whole.
_AGENCIES = sorted((a for a in _AFFILIATIONS if not re.search(r"staff|editorial|board|wire", a)), key=len, reverse=True)
# A person's title after the name; not "Board" or "Desk", which name a collective author ("KT Editorial Board").
_ROLE_TITLES = {"editor", "correspondent", "reporter", "writer", "columnist", "contributor", "chief", "senior",
                "special", "analyst", "producer"}
# A date trailing a byline: "Jane Doe March 3, 2019", "Carrie Arnold November". Without a day, a month
# that is also a surname stays ("Theresa May", "Fredric March").
_MONTH_TAIL = re.compile(rf"\s+(?:{lx.MONTH_RE})\.?\s+\d.*$|\s+(?!(?:May|March|June|April|August)$)"
                         rf"(?:{lx.MONTH_RE})\.?$")


def _without_tails(name: str) -> tuple[str, bool]:
    """A name without what trails it on a byline: a date ("Carrie Arnold November"), role words ("CNN
    Editor-at-large"), an agency ("Jill Lawless Associated Press"). True when an agency or role went."""
    name = _MONTH_TAIL.sub("", name)
    cut = False
    words = name.split()
    while len(words) > 1 and all(w.lower().rstrip("s") in _ROLE_TITLES for w in words[-1].split("-")
                                 if w.lower() not in ("at", "large", "in")):
        words, cut = words[:-1], True
    name = " ".join(words)
    for agency in _AGENCIES:
        if name.lower().endswith(" " + agency) and len(name) > len(agency) + 1:
            return name[:-len(agency) - 1].strip(" ,.-"), True
    return name, cut


def _is_role(name: str) -> bool:
    """"Staff Writers", "Senior Correspondent": only role words."""
    return all(w.lower().rstrip("s") in _ROLE_WORDS or w.lower() in _ROLE_WORDS for w in name.split())


def normalize_authors(value: Any) -> list[str]:
    """A clean list of author names from whatever a source gives.

    Accepts a string ("A and B", "By A, B", "A; B | C"), a list of strings, a dict or list of dicts
    with ``name`` (schema.org Person). Drops the "By" prefix, roles ("Staff Writer"), emails, empty
    and duplicate names; keeps the order given. An agency named beside a writer ("Jane Morrison,
    Associated Press") is the writer's affiliation and goes; alone ("Reuters"), it is the byline the
    outlet printed and stays. All-capital names ("JANE MORRISON") come back in Title Case.
    """
    names: list[str] = []
    affiliations: list[str] = []
    for raw in _author_strings(value):
        # a byline's first line holds the names; the next ones are stamps ("Updated 3:41 PM EST")
        text = next((line for line in raw.splitlines() if line.strip()), "")
        text = _BYLINE_STAMP.sub("", " ".join(text.split()))
        text = _BY_PREFIX.sub("", text)
        bracketed = [m.strip() for m in _BRACKETED.findall(text) if m.strip()]
        text = _BRACKETED.sub("", text)
        if not text and not bracketed:
            continue
        parts = [text] if _is_single_org(text) else _SPLIT_NAMES.split(text)
        for part, in_brackets in [(p, False) for p in parts] + [(b, True) for b in bracketed]:
            name = _BYLINE_TAIL.sub("", part).strip(" .,-–—:()[]\"'")
            name = _BY_PREFIX.sub("", name)
            if not name or name.lower() in _ROLE_WORDS or name.lower() in _ACCOUNT_NAMES \
                    or (_is_role(name) and name.lower() not in _AFFILIATIONS) \
                    or not re.search(r"[^\W\d_]", name) or name.startswith("@"):
                continue  # a role, a number, or a social-media handle
            name, trimmed = _without_tails(name)
            if not name:
                continue
            if name.isupper() and len(name.split()) >= 2:
                name = name.title()  # "JANE MORRISON": wire style capitals, not an acronym
            publication = bool(_PUBLICATION.match(name)) and (name.startswith("The ") or len(name.split()) <= 2)
            affiliation = in_brackets or name.lower() in _AFFILIATIONS or publication \
                or (trimmed and len(name.split()) == 1 and name.isupper())  # "CNN Editor-at-large"
            target = affiliations if affiliation else names
            if name.lower() not in {n.lower() for n in names + affiliations}:
                target.append(name)
    return names or affiliations


def _author_strings(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        for key in ("name", "fullname", "full_name", "display_name", "byline"):
            if isinstance(value.get(key), str):
                return [value[key]]
        given = " ".join(str(value[k]) for k in ("givenName", "familyName") if value.get(k))
        return [given] if given else []
    if isinstance(value, (list, tuple)):
        return [s for item in value for s in _author_strings(item)]
    return []


def _is_single_org(text: str) -> bool:
    # "Johnson & Johnson", "Agence France-Presse": no comma or "and" to split on sensibly
    return bool(re.fullmatch(r"[A-Z][\w.-]*(?: [A-Z][\w.-]*)* & [A-Z][\w.-]*", text))


# Zone abbreviations newsrooms print after a time; dateutil knows only UTC/GMT by itself.
_TZ_HOURS = {
    "UTC": 0, "GMT": 0, "Z": 0, "BST": 1, "CET": 1, "CEST": 2, "EET": 2, "EEST": 3, "MSK": 3,
    "GST": 4, "PKT": 5, "IST": 5.5, "ICT": 7, "WIB": 7, "SGT": 8, "HKT": 8, "CST": -6, "CDT": -5,
    "EST": -5, "EDT": -4, "MST": -7, "MDT": -6, "PST": -8, "PDT": -7, "KST": 9, "JST": 9, "AEST": 10,
    "AEDT": 11, "NZST": 12, "PHT": 8, "AST": -4, "HST": -10, "AKST": -9, "AKDT": -8, "ET": -5,
    "PT": -8,
}
_TZINFOS = {name: int(h * 3600) for name, h in _TZ_HOURS.items()}
# A year is required: "27 Feb" or "Monday" cannot be placed without guessing one.
_HAS_YEAR = re.compile(r"(?<!\d)(1[89]\d\d|2[01]\d\d)(?!\d)")
_RELATIVE = re.compile(r"\b(ago|yesterday|today|tomorrow|last|next|hours?|minutes?)\b", re.I)
_TIME_WORDS = re.compile(r"\d{1,2}[:.]\d{2}|\d\s*(?:am|pm|a\.m\.|p\.m\.)", re.I)
_NOISE = re.compile(r"^\s*(?:published|updated|last updated|posted|first published|modified|date)\s*(?:on|at)?\s*:?\s*",
                    re.I)


def normalize_datetime(value: Any) -> str | None:
    """ISO 8601 from a common date string, as precise as it was given; None for junk.

    "Wed 27 Feb 2019, 7:00 PM" -> "2019-02-27T19:00:00"; "2019-02-27T19:00:00+04:00" stays;
    "Wed, 27 Feb 2019 15:00:00 GMT" -> "2019-02-27T15:00:00+00:00"; "June 12, 2018" -> "2018-06-12";
    "February 2019" -> "2019-02" (no day given: none is invented); "2019" -> "2019". A Unix timestamp
    (int, or a string of 10 digits) is read as UTC. Strings without a year, relative phrases
    ("2 hours ago"), impossible dates and anything else unreadable give None. Other languages
    ("27 février 2019") are read with dateparser.
    """
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, datetime):
        return _iso(value, has_time=True)
    if isinstance(value, (int, float)):
        return _from_timestamp(float(value))
    text = _NOISE.sub("", " ".join(str(value).split())).strip(" ,.")
    if not text or len(text) > 80:
        return None
    if re.fullmatch(r"\d{10}(\.\d+)?|\d{13}", text):
        return _from_timestamp(float(text) / (1000 if len(text) == 13 else 1))
    if not _HAS_YEAR.search(text) or _RELATIVE.search(text):
        return None
    if re.fullmatch(r"\d{4}", text):
        return text
    # "09.15 BST": British papers print times with a dot, which dateutil does not read.
    text = re.sub(r"(?<=\s)([01]?\d|2[0-3])\.([0-5]\d)(?!\.?\d)", r"\1:\2", text)
    found = _parse_dateutil(text)
    if found is None:
        found = _parse_dateparser(text)
    if found is None:
        return None
    moment, has_day, has_time = found
    if not has_day:
        return moment.strftime("%Y-%m")
    try:
        return _iso(moment, has_time)
    except ValueError:
        return None  # "2019-02-27T10:00:00+25:00": dateutil keeps a zone offset off the clock; no time has one


def _parse_dateutil(text: str) -> tuple[datetime, bool, bool] | None:
    from dateutil import parser

    # Two different defaults reveal which fields the string itself fixed (day, time).
    first, second = datetime(1904, 1, 1, 0, 0, 0), datetime(1908, 2, 28, 13, 17, 23)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            a = parser.parse(text, default=first, tzinfos=_TZINFOS, dayfirst=_day_first(text))
            b = parser.parse(text, default=second, tzinfos=_TZINFOS, dayfirst=_day_first(text))
    except (ValueError, OverflowError, TypeError, parser.ParserError):
        return None
    if a.year != b.year or a.month != b.month:
        return None  # no year or no month in the string
    has_day = a.day == b.day
    has_time = (a.hour, a.minute) == (b.hour, b.minute) and bool(_TIME_WORDS.search(text) or "T" in text)
    return a, has_day, has_time


def _day_first(text: str) -> bool:
    # "27/02/2019" can only be day-first; "02/27/2019" only month-first; ambiguous numeric dates follow
    # the international order, as most outlets outside the US print them.
    m = re.search(r"\b(\d{1,2})[/.](\d{1,2})[/.]\d{2,4}\b", text)
    if not m:
        return False
    return int(m.group(2)) <= 12 if int(m.group(1)) > 12 else int(m.group(2)) <= 12 and int(m.group(1)) <= 12


def _parse_dateparser(text: str) -> tuple[datetime, bool, bool] | None:
    try:
        import dateparser  # slow to import: only for strings dateutil cannot read
    except ImportError:  # pragma: no cover - dateparser is a pinned dependency
        return None
    settings = {"REQUIRE_PARTS": ["month", "year"], "RETURN_AS_TIMEZONE_AWARE": False,
                "PREFER_DAY_OF_MONTH": "first", "STRICT_PARSING": False}
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            moment = dateparser.parse(text, settings=settings)
            if moment is None:
                return None
            other = dateparser.parse(text, settings={**settings, "PREFER_DAY_OF_MONTH": "last"})
    except (ValueError, OverflowError, TypeError):
        return None  # dateparser raises on some junk rather than giving None
    has_day = other is not None and other.day == moment.day
    has_time = bool(_TIME_WORDS.search(text))
    return moment, has_day, has_time


def _from_timestamp(seconds: float) -> str | None:
    # 1990..2100: anything else is an ID or a count, not a publication time.
    if not 631152000 <= seconds <= 4102444800:
        return None
    return _iso(datetime.fromtimestamp(seconds, tz=UTC), has_time=True)


def _iso(moment: datetime, has_time: bool) -> str:
    if not has_time:
        return moment.date().isoformat()
    return moment.replace(microsecond=0).isoformat()
