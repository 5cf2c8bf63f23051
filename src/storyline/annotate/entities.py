"""Named-entity mentions of one document: spaCy's entities, repaired for news text, with in-document names.

spaCy's small English model errs on news text in ways a document itself can correct: it tags a bare
surname ORG although the full name is a PERSON three lines up, calls a country code or official name
an ORG, cuts "Moon Jae-in" at the hyphen and keeps the hyphen of "North Korea-US". Each repair below is
a general mechanism (document-level evidence, a country gazetteer, token repair), never a list of the
sample corpus's strings.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from storyline.annotate.descriptions import plural
from storyline.annotate.doctext import doc_text, sentence_starts
from storyline.annotate.gazetteer import (
    TITLE_ABBREVIATIONS,
    capital_country,
    city_countries,
    country_name,
    is_city,
    is_generation,
    major_city,
    name_key,
    normalize_space,
    us_state,
    us_state_abbreviation,
)
from storyline.annotate.verbforms import verb_forms
from storyline.model import Mention
from storyline.temporal import lexicon as lx

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = ["LABELS", "defined_acronyms", "find_mentions", "given_name_gender", "is_given_name", "looks_like_personal_name",
           "person_name_parts"]

LABELS = ("PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT")

# Words that open a person's name in news copy without being part of it ("US President Donald Trump").
_TITLES = {
    "president", "vice", "prime", "minister", "secretary", "chairman", "chairwoman", "chair", "leader",
    "supreme", "general", "gen", "sen", "senator", "rep", "representative", "gov", "governor", "mayor",
    "mr", "mrs", "ms", "miss", "dr", "prof", "professor", "sir", "dame", "lord", "lady", "king", "queen",
    "prince", "princess", "pope", "premier", "chancellor", "ambassador", "envoy", "spokesman",
    "spokeswoman", "spokesperson", "commander", "chief", "state", "foreign", "defense", "defence",
    "judge", "justice", "rev", "reverend", "father", "sister", "brother", "emperor", "sheikh",
    "former", "late", "first", "deputy", "acting", "dictator", "strongman", "counsel", "attorney",
    "pastor", "bishop", "archbishop", "cardinal", "rabbi", "imam", "captain", "capt", "sergeant", "sgt",
    "lieutenant", "colonel", "admiral", "detective", "congressman", "congresswoman",
}
# Titles that stay with a single given name: royals, popes and sheikhs are called by them.
_ROYAL_TITLES = {"king", "queen", "prince", "princess", "pope", "emperor", "empress", "sheikh", "duke", "duchess"}
_REGNAL = re.compile(r"^[IVXL]+[.,]?$")  # a roman numeral: "Henry VIII", "Joe Manchin III"
# A business named after its founder: "Dick Clark Productions", "Walt Disney Studios".
_BUSINESS_WORDS = {"productions", "studios", "pictures", "films", "records", "entertainment", "ventures",
                   "enterprises", "industries", "brands", "foods", "publishing", "associates", "technologies",
                   "systems"}
# The last word of a newspaper's name that no surname is: "Orlando Sentinel" is no Orlando.
_NEWSPAPER_HEADS = {"sentinel", "gazette", "chronicle", "inquirer", "examiner", "courier", "dispatch", "bulletin",
                    "weekly", "daily", "monitor", "register", "observer"}
# Nouns that make a capitalised phrase an organisation, whatever name opens it ("Morgan Library").
_ORG_WORDS = {
    "university", "college", "school", "institute", "institution", "ministry", "department", "office",
    "agency", "bureau", "council", "committee", "commission", "party", "bank", "group", "company",
    "corporation", "corp", "inc", "ltd", "llc", "co", "association", "foundation", "fund", "trust",
    "society", "union", "league", "club", "church", "center", "centre", "court", "house", "hall",
    "news", "times", "post", "press", "journal", "herald", "tribune", "media", "network", "airlines",
    "airways", "motors", "holdings", "partners", "brothers", "capital", "labs", "hospital", "museum",
    "library", "army", "navy", "force", "forces", "police", "service", "services", "board", "senate", "pac",
} | _BUSINESS_WORDS | _NEWSPAPER_HEADS
# Heads of institutions named after a person that no surname shares (unlike "Hall", "Church", "Court"):
# a PERSON ending in one is the institution.
_NAMED_AFTER_HEADS = {
    "center", "centre", "university", "college", "institute", "foundation", "museum", "library", "hospital",
    "stadium", "airport", "school", "academy", "ministry", "department", "agency", "committee", "commission",
    "council", "association", "society", "corporation", "company", "inc", "corp", "ltd", "llc",
    "studio", "media", "group", "holdings", "partners", "motors", "capital", "labs", "gallery", "fund", "pac",
} | _BUSINESS_WORDS | _NEWSPAPER_HEADS
# Heads of buildings named after someone ("Trump Tower"): no surname is one of these.
_FACILITY_HEADS = {"tower", "towers", "plaza", "hotel", "casino", "arena", "building", "boulevard", "avenue"}
# Endings that are abbreviations: their final period belongs to the name ("U.S.", "Jr.").
_ABBREVIATION_END = re.compile(r"(?:\b[A-Za-z]\.)+$|\b(?:Jr|Sr|Inc|Co|Corp|Ltd|St|Bros)\.$")
# trademark signs are not part of a name either ("® Honey", "Switch Lite™")
_TRAILING = "-\u2010\u2011\u2012\u2013\u2014\u2015,;:!?\"'\u201c\u201d\u2018\u2019()[] \t\n\u00a0\u00ae\u2122\u00a9\u2026"
_LEADING = "\"'\u201c\u201d\u2018\u2019([ \t\n\u00a0-\u2013\u2014\u00ae\u2122\u00a9"
# A possessive "'s", with a left quote typed for the apostrophe too ("Trump‘s")
_POSSESSIVE = "['\u2019\u2018]s"
_POSSESSIVE_END = re.compile(_POSSESSIVE + "$")
# Words glued by a hyphen to a name that make an adjective, not a longer name ("Trump-era").
_HYPHEN_SUFFIXES = {"led", "era", "style", "like", "based", "born", "backed", "owned", "run", "type",
                    "esque", "ish", "linked", "made", "free", "wide", "level", "bound"}
# Verbs whose direct object or "from" phrase is a place one moves through, not a government.
# every form: the pipeline runs without spaCy's lemmatizer ("went back to Washington", "visited Beijing")
_MOTION = verb_forms(("go", "come", "return", "travel", "fly", "arrive", "visit", "leave", "reach", "move", "head",
                      "land", "tour", "enter", "depart", "live", "stay", "drive", "walk", "sail", "relocate", "flee",
                      "escape", "commute", "evacuate", "bomb", "attack", "shell", "strike", "invade", "capture"))
# nouns of the city itself: "the city center of Amsterdam", "the streets of Beijing", "the mayor of Paris"
_CITY_NOUNS = {"center", "centre", "city", "heart", "streets", "street", "outskirts", "suburbs", "suburb",
               "mayor", "residents", "resident", "people", "citizens", "skyline", "airport", "downtown",
               "neighborhood", "neighbourhood", "district", "districts", "part", "parts", "area", "areas",
               "population", "air", "pollution", "traffic", "museums", "university", "port", "edge", "north",
               "south", "east", "west", "inhabitants", "council", "police", "metro", "subway"}
# what is told or shown about a place: "stories about Amsterdam" is the city
_TOPIC_NOUNS = {"story", "stories", "tale", "tales", "history", "histories", "guide", "guides", "book", "books",
                "film", "films", "documentary", "song", "songs", "photos", "photographs", "pictures", "facts",
                "things", "memories", "anecdotes", "legends", "novel", "poem"}
_PLACE_PREPOSITIONS = {"in", "at", "to", "into", "near", "around", "outside", "inside", "through", "via",
                       "within", "throughout", "across", "onto", "beyond", "past"}
_PLATFORM_PREPOSITIONS = {"on", "via"}
# Social platforms spaCy's small model often tags PERSON in every position ("took to Twitter", "Twitter’s
# director"): a closed class, named here (name keys).
_PLATFORMS = {"twitter", "facebook", "instagram", "youtube", "tiktok", "reddit", "snapchat", "linkedin",
              "whatsapp", "telegram", "weibo", "wechat", "truthsocial", "threads", "bluesky"}


@dataclass
class _Span:
    start: int
    end: int
    label: str
    name: str = ""
    expansion_of: str | None = None  # the acronym this span is, when the document defines it


def find_mentions(doc: Doc) -> list[Mention]:
    """Every PERSON/ORG/GPE/LOC/NORP/FAC/EVENT mention of ``doc``, labels corrected, named within the document."""
    text = doc_text(doc)
    spans = [_Span(e.start_char, e.end_char, e.label_) for e in doc.ents if e.label_ in LABELS]
    spans = [_hyphen_name_repaired(text, s) for s in spans]
    spans = [_surname_he_repaired(doc, s) for s in spans]
    # the last words of the names the tagger found: a given name that is one of them is a surname here
    surnames = {_POSSESSIVE_END.sub("", text[s.start:s.end].split()[-1]) for s in spans if s.label == "PERSON"}
    spans = [_given_name_joined(doc, s, surnames) for s in spans]
    spans = [_royal_title_joined(text, s) for s in spans]
    spans = [piece for s in spans for piece in _possessor_split(doc, s, surnames)]
    spans = [_possessive_cut(text, s) for s in spans]
    spans = [t for s in spans if (t := _trimmed(text, s)) is not None]
    # English writes names with a capital: an all-lower-case "entity" is the tagger's mistake ("secretary
    # of state", "in the bush", "albeit modest", "us")
    spans = [s for s in spans if any(ch.isupper() for ch in text[s.start:s.end])]
    spans = [s for s in spans if not _common_word_opening_a_sentence(doc, s, spans)]
    spans = _without_capitals_of_position(doc, spans)
    # days of a schedule are no actor: "Closed on Sun & Mon", "Tue-Fri"
    spans = [s for s in spans if not all(w.casefold().rstrip(".") in lx.WEEKDAYS
                                         for w in re.findall(r"[^\W\d_]+", text[s.start:s.end]))]
    # capitals right after a number are a unit, not a code: "512GB of flash storage", "16 GB"
    spans = [s for s in spans if not (re.fullmatch(r"[A-Z]{2,4}", text[s.start:s.end])
                                      and re.search(r"\d\s?$", text[max(0, s.start - 2):s.start]))]
    spans = [s for s in spans if not _names_no_actor(text, s)]
    spans = _country_names_completed(text, spans)
    spans = [piece for s in spans for piece in _country_pair_split(text, s)]
    spans = _adjective_names_joined(text, spans)
    spans = [_without_titles(text, s) for s in spans]
    person_surfaces = {_surface(text, s) for s in spans if s.label == "PERSON"}
    spans = [_without_leading_words(doc, s, person_surfaces) for s in spans]
    spans = _coordinated_people_split(text, spans)
    for s in spans:
        surface = _surface(text, s)
        if s.label in ("PERSON", "ORG") and (counted := _person_and_number(text, s, person_surfaces)):
            s.end, s.label = counted, "PERSON"  # "Ted Cruz 1", "Barron 9": a tally or an age after a person
        elif s.label == "ORG" and looks_like_personal_name(surface):
            s.label = "PERSON"
        elif s.label == "PERSON" and len(surface.split()) >= 2 \
                and surface.split()[-1].casefold().rstrip(".") in _NAMED_AFTER_HEADS:
            s.label = "ORG"  # "the Muhammad Ali Center", "Morgan Library": named after someone, not someone
        elif s.label == "PERSON" and len(surface.split()) >= 2 \
                and surface.split()[-1].casefold().rstrip(".") in _FACILITY_HEADS:
            s.label = "FAC"  # "Trump Tower": a building, and "Trump" in the same story is still the man
        elif s.label == "PERSON" and any(ch.isdigit() or ch in "+&@#" for ch in surface):
            s.label = "ORG"  # "Thunderbolt 3 Apple", "iPhone 11", "Disney+", "PG&E": a product or a firm
        elif s.label == "PERSON" and _is_group_plural(surface.split()[-1]):
            s.label = "NORP"  # "Democrats", "Log Cabin Republicans", "Hill Democrats": a party's people
        elif s.label in ("FAC", "PERSON", "GPE", "LOC") and _BODY_FOR.match(surface):
            s.label = "ORG"  # "Center for Strategic and International Studies": a body, not a building
        elif s.label in ("FAC", "PERSON", "GPE", "LOC", "ORG") and _is_named_day(surface):
            s.label = "EVENT"  # "Bastille Day", "Veteran's Day", "Martin Luther King Day" (not "Kristen Day")
        elif s.label == "PERSON" and len(surface.split()) >= 3 and _is_nationality(surface.split()[0]) \
                and not any(is_given_name(w) for w in surface.split()) \
                or s.label == "PERSON" and len(surface.split()) == 2 and _is_nationality(surface.split()[0]) \
                and surface.split()[1].casefold() in _ORG_WORDS | {"star", "times", "sun"}:
            s.label = "ORG"  # "Philippine Star", "German Energy Transition": a nation's paper, not a person
    spans = _glued_acronyms_split(text, spans)
    _institutions_relabelled(text, spans)
    _unconfirmed_names_relabelled(doc, spans)
    parts = person_name_parts([_surface(text, s) for s in spans if s.label == "PERSON"])
    people = {**parts, **{k: set() for k in _one_word_people(doc, spans) if k not in parts}}
    spans = _split_name_compounds(text, spans, people)
    spans = _with_propagated_names(doc, spans, people)
    spans = _with_repeated_surfaces(text, spans)
    acronyms = defined_acronyms(text, [(s.start, s.end) for s in spans])
    _relabel(doc, spans, people, acronyms)
    _name(doc, spans, parts, acronyms)
    _coordinated_given_names_named(text, spans)
    _declared_aliases_named(text, spans)
    starts = sentence_starts(doc)
    mentions = []
    for s in sorted(spans, key=lambda x: (x.start, x.end)):
        sentence = max(bisect.bisect_right(starts, s.start) - 1, 0)
        mentions.append(Mention(s.start, s.end, text[s.start:s.end], s.label, s.name, sentence))
    return mentions


_WEEKDAY_AFTER = re.compile(r"\s(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b")
_BODY_FOR = re.compile(r"(?:The\s+)?(?:Center|Centre|Institute|Council|Committee|Coalition|Alliance|Campaign)\s+"
                       r"(?:for|on|of)\s+[A-Z]")
_ACRONYM = re.compile(r"[A-Z]{2,5}")


def _person_and_number(text: str, s: _Span, person_surfaces: set[str]) -> int | None:
    """Where the person ends in a name run on into a number ("Ted Cruz 1", "Donald Trump 384" in a delegate
    count, "Barron 9" for his age): the person the document names so, or whose name looks personal."""
    m = re.fullmatch(r"(.+?)\s+(\d{1,4})", text[s.start:s.end])
    if m is None:
        return None
    name = normalize_space(m[1])
    # a full name the document gives a person; a given name alone, only an age ("Bill 1523" is a bill,
    # "Thunderbolt 3" a port, though spaCy tags "Thunderbolt" a person too)
    if " " in name and (name in person_surfaces or looks_like_personal_name(name)) \
            or " " not in name and given_name_gender(name) and int(m[2]) <= 110:
        return s.start + m.end(1)
    return None


def _is_named_day(surface: str) -> bool:
    """A holiday's name: "Bastille Day", "Veteran's Day", "Martin Luther King Day"; "Kristen Day" and
    "Doris Day" are people (a given name before the surname)."""
    words = surface.split()
    if len(words) < 2 or words[-1] != "Day":
        return False
    return len(words) >= 3 or _POSSESSIVE_END.search(words[0]) is not None or not is_given_name(words[0])


def _country_pair_split(text: str, s: _Span) -> list[_Span]:
    """"the U.S.-Mexico border": two countries joined by a hyphen are two places, not one body (a country
    whose own name has a hyphen, "Guinea-Bissau", stays whole)."""
    surface = text[s.start:s.end]
    m = re.fullmatch(r"(.+?)[-\u2013](.+)", surface)
    if m is None or country_name(surface) or not (country_name(m[1]) and country_name(m[2])):
        return [s]
    return [_Span(s.start, s.start + m.end(1), "GPE"), _Span(s.start + m.start(2), s.end, "GPE")]


def _glued_acronyms_split(text: str, spans: list[_Span]) -> list[_Span]:
    """A "person" whose first or last word is an acronym the document also writes on its own is two names
    run together, a headline's last word and the next line's first ("… Reporting On Carson" + "CNN was quick
    to push back"): the person and the body ("Carson", "CNN"). A name's roman numeral ("Joe Manchin III")
    is no acronym."""
    labels_of: dict[str, Counter[str]] = {}
    for o in spans:
        labels_of.setdefault(text[o.start:o.end], Counter())[o.label] += 1
    out: list[_Span] = []
    for s in spans:
        surface = text[s.start:s.end]
        words = list(re.finditer(r"\S+", surface))
        if s.label != "PERSON" or len(words) < 2 or not any(ch.islower() for ch in surface):
            out.append(s)
            continue
        for word, rest in ((words[-1], words[:-1]), (words[0], words[1:])):
            known = labels_of.get(word.group())
            if _ACRONYM.fullmatch(word.group()) and not _REGNAL.match(word.group()) and known:
                label = known.most_common(1)[0][0]
                out += sorted([_Span(s.start + word.start(), s.start + word.end(), label),
                               _Span(s.start + rest[0].start(), s.start + rest[-1].end(), "PERSON")],
                              key=lambda x: x.start)
                break
        else:
            out.append(s)
    return out


# Acronyms of common nouns: "a super PAC" is a kind of committee, not one; spaCy tags them ORG, and as actors
# they joined every PAC of a corpus into one (81 mentions over PolNeAR, 76 of them "super PAC").
_COMMON_NOUN_ACRONYMS = {"PAC", "PACs", "CEO", "CEOs", "CFO", "CFOs", "COO", "NGO", "NGOs", "GDP", "IPO", "IPOs"}


def _names_no_actor(text: str, s: _Span) -> bool:
    """Spans the recognizer tags that name no actor: a stance ("pro-Clinton", "anti-Muslim"), the first word
    of a named day ("Super Tuesday", "Black Friday"), the office in a title ("Secretary of State John
    Kerry", "State Senator José Rodríguez": the State Department is written so, or as "the Department of
    State"), a common noun written as an acronym ("a super PAC", "the CEO")."""
    chunk = text[s.start:s.end]
    if re.match(r"(?i)(?:pro|anti)[-\u2010\u2011]", chunk):
        return True
    if chunk in _COMMON_NOUN_ACRONYMS:
        return True
    if s.label == "PERSON" or len(chunk.split()) != 1:
        return False
    if _WEEKDAY_AFTER.match(text, s.end):
        return True
    if chunk.casefold().rstrip(".") not in _TITLES:
        return False
    before = re.search(r"(\w+)\s+of\s+(?:the\s+)?$", text[max(0, s.start - 40):s.start])
    after = re.match(r"\s+([A-Z]\w*)", text[s.end:s.end + 30])
    return bool(before and before.group(1).casefold() in _TITLES
                or after and after.group(1).casefold() in _TITLES)


def _adjective_names_joined(text: str, spans: list[_Span]) -> list[_Span]:
    """"the Islamic State": spaCy tags "Islamic" NORP and "State" ORG. A group's adjective right before a
    one-word organisation that is an institution's common noun (State, Party, Army, Church) is one name."""
    heads = _ORG_WORDS | {"state"}
    out: list[_Span] = []
    for s in sorted(spans, key=lambda x: (x.start, x.end)):
        prev = out[-1] if out else None
        word = text[s.start:s.end]
        if prev is not None and prev.label == "NORP" and s.label == "ORG" and text[prev.end:s.start] == " " \
                and " " not in word and word.casefold() in heads:
            out[-1] = _Span(prev.start, s.end, "ORG")
            continue
        out.append(s)
    taken = {s.start for s in out}
    for i, s in enumerate(out):
        # ... or the recognizer left the noun untagged ("the Islamic State, also known as ISIS")
        nxt = re.match(r" ([A-Z][a-z]+)\b(?! [A-Z])", text[s.end:s.end + 20])  # not "Republican State Senator"
        if s.label == "NORP" and nxt and nxt.group(1).casefold() in heads and s.end + 1 not in taken:
            out[i] = _Span(s.start, s.end + nxt.end(), "ORG")
    return out


# lower-case words that open names ("de Blasio", "al-Assad", "von Moltke")
_NAME_PARTICLES = {"de", "da", "di", "del", "della", "van", "von", "der", "den", "al", "el", "bin", "ibn", "le",
                   "la", "du", "dos", "das", "ter", "ten", "st"}
# tags of words that are never a name's first word, whatever follows
_FUNCTION_TAGS = {"DT", "IN", "RB", "RBR", "RBS", "CC", "PRP", "PRP$", "WDT", "WP", "WRB", "MD", "TO", "EX",
                  "VB", "VBD", "VBG", "VBN", "VBP", "VBZ", "CD", "UH", "POS"}


def _without_leading_words(doc: Doc, s: _Span, person_surfaces: set[str]) -> _Span:
    """A PERSON span starts at the name; spaCy takes in a word before it: "Certainly Donald Trump", "That’s
    Jeb Bush", "Telling Jeb Bush", "Among Latinos", "older MacBook Pro" (a word of another class),
    "Billionaire Donald Trump" (a common noun before a full name), "Floridians Jeb Bush", "N.J. Roger Ailes"
    (a state's people or abbreviation), "Cheeto Donald Trump" (no given name, before a full name the document
    spells without it). A given name or a name particle never goes ("Will Smith", "de Blasio", "Full Fact")."""
    if s.label != "PERSON":
        return s
    span = doc.char_span(s.start, s.end, alignment_mode="expand")
    if span is None or len(span) < 2:
        return s
    text = doc_text(doc)
    i = 0
    while len(span) - i >= 2:
        tok = span[i]
        rest = normalize_space(text[span[i + 1].idx:s.end])
        full_name_after = len(rest.split()) >= 2
        word = tok.text
        if tok.lower_ in _NAME_PARTICLES or is_given_name(word) or not (word[:1].isupper() or word[:1].islower()):
            break
        if not (tok.tag_ in _FUNCTION_TAGS
                or full_name_after and (tok.tag_ not in ("NNP", "NNPS") or rest in person_surfaces)
                or word[:1].isupper() and (_is_demonym(word) or us_state_abbreviation(word))):
            break
        i += 1
        if i < len(span) - 1 and span[i].lower_ in ("'s", "\u2019s"):
            i += 1  # "That’s"
    if i == 0 or not span[i].text[:1].isupper():
        return s
    return _Span(span[i].idx, s.end, s.label, s.name, s.expansion_of)


def _institutions_relabelled(text: str, spans: list[_Span]) -> None:
    """"the Obama White House" tagged PERSON: a "person" whose name after its first word is an institution
    the document names ("White House" ORG) is that institution, not Obama."""
    institutions = {_surface(text, o): o.label for o in spans
                    if o.label in ("ORG", "FAC", "GPE") and len(_surface(text, o).split()) >= 2}
    for s in spans:
        words = _surface(text, s).split()
        if s.label == "PERSON" and len(words) >= 3 and (label := institutions.get(" ".join(words[1:]))):
            s.label = label


@lru_cache(maxsize=2)
def _lowercase_words(text: str) -> frozenset[str]:
    """The words the text writes in lower case (letters only, not part of a hyphenated word)."""
    return frozenset(_LOWERCASE_WORD.findall(text))


_LOWERCASE_WORD = re.compile(r"(?<![\w-])[a-z]+(?![\w-])")


def _common_word_opening_a_sentence(doc: Doc, s: _Span, spans: list[_Span]) -> bool:
    """"Border agents say …" tagged PERSON: a one-word "person" whose capital only opens a sentence and
    whose word the document writes in lower case elsewhere ("the border") is that common word, unless it
    is a given name or part of a longer name the document gives."""
    text = doc_text(doc)
    word = text[s.start:s.end]
    if s.label != "PERSON" or not re.fullmatch(r"[A-Z][a-z]+", word) or given_name_gender(word):
        return False
    span = doc.char_span(s.start, s.end, alignment_mode="expand")
    if span is None or not span[0].is_sent_start:
        return False
    if span[0].tag_ in ("VBG", "VBN", "VBD") and span[0].dep_ in ("advcl", "csubj", "ROOT", "xcomp"):
        return True  # "Conceding that there would be a deal, he warned": a verb opening the sentence
    if word.lower() not in _lowercase_words(text):
        return False
    longer = (text[o.start:o.end] for o in spans if o is not s and o.label == "PERSON")
    return not any(word in name.split() and name != word for name in longer)


# A one-word name spaCy calls a person or a place, with nothing in the document that makes it one, is often
# something else: a firm ("Pfizer buying Allergan", "a Carrier factory", "Verizon"), a group ("many
# Latinos"), a town ("in Worcester, Massachusetts"). en_core_web_sm has no knowledge of names and tags an
# unknown capitalised word by its position; how the text uses the word tells the kind. A word the document
# shows to be a person (a given name, part of a full name, a title before it, "he" after it, ", who") keeps
# its label whatever else is said of it.
_PERSON_AFTER = re.compile(r",\s+(?:who\b|whose\b|\d{1,3},)")  # "Mateen, who …", "Walker, 44,"
_NONPERSON_AFTER = re.compile(r",\s+which\b")  # "Mondelez, which generated …", "Acapulco, which has"
# what a firm has and a politician seldom does: "a Carrier factory", "Valeant's stock", "a Quinnipiac poll"
# (not "brand", "chief", "spokeswoman": "the Trump brand", "Obama's chief of staff", "a Cruz spokeswoman")
_FIRM_PARTS = {
    "factory", "plant", "mill", "store", "restaurant", "outlet", "headquarters", "subsidiary", "unit", "division",
    "executive", "ceo", "employee", "worker", "board", "shareholder", "stockholder", "investor",
    "share", "stock", "price", "valuation", "merger", "acquisition", "takeover", "earnings", "revenue",
    "profit", "product", "customer", "subscriber", "poll", "polling", "survey",
}
# what a firm is called: "the liberal gossip site Gawker", "the blood-testing company Theranos" (not "rival"
# or "partner": "his rival Rubio")
_FIRM_NOUNS = {
    "company", "firm", "corporation", "business", "site", "website", "network", "startup", "start-up",
    "maker", "drugmaker", "automaker", "carmaker", "retailer", "chain", "brand", "pollster", "bank", "giant",
    "conglomerate", "manufacturer", "publisher", "magazine", "newspaper", "outlet", "app", "platform",
    "insurer", "lender", "supplier", "contractor",
}
_ACQUIRING = verb_forms(("buy", "acquire", "purchase"))
# what is said of a group and not of one person: "many Latinos", "55 million Latinos", "among Latinos"
_MANY = {"many", "most", "some", "few", "several", "all", "other", "these", "those", "million",
         "millions", "thousand", "thousands", "hundred", "hundreds", "dozens", "old", "older", "young",
         "younger", "fellow", "more", "fewer", "majority", "percent", "share", "number", "among"}


def _unconfirmed_names_relabelled(doc: Doc, spans: list[_Span]) -> None:
    """A one-word name the tagger calls a person, a place no gazetteer knows or a plural organisation, when
    the document gives it nothing personal, takes the kind its uses show: a demonym or a group spoken of in
    the plural is NORP ("many Latinos"), a town written "Worcester, Mass." or "in Nashua" is GPE, a name
    used as firms are ("a Carrier factory", "buy Compaq") is ORG. A name the tagger calls a person in a
    few of its mentions and a place in most is the place ("Cologne"); one it calls an organisation in most
    is one only when the text treats it as a thing ("the Census", "Mondelez, which"): bare "Trump" is
    tagged ORG more often than PERSON. All the name's mentions are read and relabelled alike."""
    text = doc_text(doc)
    groups: dict[str, list[_Span]] = {}
    for s in spans:
        surface = _surface(text, s)
        if len(surface.split()) == 1 and surface[:1].isupper():
            groups.setdefault(surface, []).append(s)
    full_names = [words for o in spans if o.label == "PERSON" and len(words := _surface(text, o).split()) > 1]
    full_name_words = {w for words in full_names for w in words}
    surnames = {words[-1] for words in full_names}
    countries = _countries_named(text, spans)
    for word, group in groups.items():
        labels = Counter(s.label for s in group)
        if not labels.keys() & {"PERSON", "GPE", "ORG"} or labels["PERSON"] and (
                word in full_name_words or is_given_name(word) or _said_personal(doc, text, group)):
            continue
        known_place = bool(country_name(word) or us_state(word) or capital_country(word) or is_city(word)
                           or us_state_abbreviation(word, postal=True))
        kind = None
        if _is_nationality(word) and labels.keys() & {"PERSON", "ORG"}:
            kind = "NORP"
        elif _plural_of_no_name(word, surnames) and not known_place \
                and any(_spoken_of_as_many(doc, s) for s in group):
            kind = "NORP"
        elif labels.keys() & {"PERSON", "GPE"} and "ORG" not in labels \
                and any(_placed(doc, text, s, word, countries) for s in group):
            kind = "GPE"
        elif labels.keys() & {"PERSON", "GPE"} and not known_place \
                and sum(_used_as_firm(doc, text, s) for s in group) >= (1 if labels["PERSON"] else 2):
            kind = "ORG"  # a place the tagger invents needs two uses as a firm ("Courtland's hardware store")
        if kind is not None:
            for s in group:
                s.label = kind
            continue
        others = labels - Counter(PERSON=labels["PERSON"])
        if not labels["PERSON"] or not others:
            continue
        majority = others.most_common(1)[0][0]
        if len(group) >= _OUTVOTED_AT_LEAST and labels["PERSON"] <= _OUTVOTED_SHARE * len(group) and (
                majority in ("GPE", "LOC", "FAC") or sum(_impersonal(doc, text, s) for s in group) >= 2):
            for s in group:
                if s.label == "PERSON":
                    s.label = majority


_OUTVOTED_AT_LEAST = 3  # mentions
_OUTVOTED_SHARE = 1 / 3  # of them tagged PERSON at most


def _plural_of_no_name(word: str, surnames: set[str]) -> bool:
    """"Latinos", "Oromos": a plural whose singular is no surname of the document's full names ("the
    Khans", "the Bushes" are families)."""
    if not _plural(word):
        return False
    return not any(w in surnames for w in [word[:-1]] + ([word[:-2]] if word.endswith("es") else []))


def _countries_named(text: str, spans: list[_Span]) -> set[str]:
    """The countries a document names, the United States for a US state too."""
    found: set[str] = set()
    for s in spans:
        if s.label in ("GPE", "LOC"):
            surface = _surface(text, s)
            if country := country_name(surface):
                found.add(country)
            elif us_state(surface) or us_state_abbreviation(surface):
                found.add("United States")  # GeoNames' name, as country_name gives it
    return found


def _plural(word: str) -> bool:
    """Does a name end as English plurals do ("Latinos", "Khans"; not "Census", "Congress", "Paris"), with
    no capital inside ("MacBooks", "WikiLeaks" are products and firms)?"""
    return word.endswith("s") and not word.endswith(("ss", "us", "is")) and not any(c.isupper() for c in word[1:])


def _impersonal(doc: Doc, text: str, s: _Span) -> bool:
    """"the Census relies", "Mondelez, which generated": a name written as a thing's, never a person's
    (a family is "the Khans")."""
    if _NONPERSON_AFTER.match(text, s.end):
        return True
    span = doc.char_span(s.start, s.end, alignment_mode="expand")
    return span is not None and not _plural(span.text) \
        and any(c.dep_ == "det" and c.lower_ == "the" for c in span.root.children)


def _said_personal(doc: Doc, text: str, group: list[_Span]) -> bool:
    """A title before a mention ("Sen. Symms"), ", who" or an age after one, or "he"/"she" as the next
    personal word of its sentence when the word is its subject: a person."""
    for s in group:
        if _titled_before(text, s.start) or _PERSON_AFTER.match(text, s.end) and not _plural(text[s.start:s.end]):
            return True  # "Latinos, who will play a role" are people, not a person
        span = doc.char_span(s.start, s.end, alignment_mode="expand")
        if span is None or span.root.dep_ not in ("nsubj", "nsubjpass"):
            continue
        if _he_after(doc, span):
            return True
    return False


def _he_after(doc: Doc, span) -> bool:
    """"Trump tweeted on June 13 as he went back": "he"/"she" after the verb the name is the subject of, in
    its sentence, with no other person between ("Compaq, she predicted, would come" is not Compaq)."""
    for tok in doc[span.end:span.sent.end]:
        if tok.ent_type_ == "PERSON":
            return False
        if tok.lower_ in ("he", "she") and tok.i > span.root.head.i:
            return True
    return False


def _spoken_of_as_many(doc: Doc, s: _Span) -> bool:
    span = doc.char_span(s.start, s.end, alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    if any(c.lower_ in _MANY or c.dep_ == "nummod" for c in root.children):
        return True  # "many Latinos", "55 million Latinos", "older Latinos"
    if root.dep_ == "pobj" and (root.head.lower_ == "among" or root.head.lower_ == "of"
                                and root.head.head.lower_ in _MANY):
        return True  # "among Latinos", "thousands of Oromos"
    return False


_PLACE_PREPOSITIONS_OF_TOWNS = {"in", "near", "outside"}  # "to Obama", "from Carson" are as often people


def _placed(doc: Doc, text: str, s: _Span, word: str, countries: set[str]) -> bool:
    """"Worcester, Mass.", "Clarkston, Ga.": a state after a comma; "in Nashua": a place preposition before a
    town GeoNames knows in a country the document names (a US state names the United States): "Obama" is a
    city in Japan."""
    after = re.match(r",\s+([A-Z][\w.]*(?:\s+[A-Z]\w*)?)", text[s.end:s.end + 30])
    if after:
        state = after.group(1)
        if us_state_abbreviation(state) or us_state(state) or us_state(state.split()[0]):
            return True
    if not city_countries(word) & countries:
        return False
    span = doc.char_span(s.start, s.end, alignment_mode="expand")
    return span is not None and span.root.dep_ == "pobj" and span.root.head.lower_ in _PLACE_PREPOSITIONS_OF_TOWNS


def _used_as_firm(doc: Doc, text: str, s: _Span) -> bool:
    span = doc.char_span(s.start, s.end, alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    head = _singular(root.head.lower_)
    if root.dep_ in ("compound", "nmod", "poss") and root.head.pos_ in ("NOUN", "PROPN") and head in _FIRM_PARTS:
        return True
    if root.dep_ == "appos" and head in _FIRM_NOUNS or root.dep_ == "dobj" and root.head.lower_ in _ACQUIRING:
        return True
    return any(c.dep_ in ("compound", "appos", "amod") and _singular(c.lower_) in _FIRM_NOUNS for c in root.children)


def _singular(word: str) -> str:
    """A noun's singular, near enough for the word lists here (the pipeline runs no lemmatizer)."""
    return word[:-1] if plural(word) else word


def _without_capitals_of_position(doc: Doc, spans: list[_Span]) -> list[_Span]:
    """The spans that name something, of those a capital alone made names:
    - a one-word "name" the document capitalizes only where every word is (opening a sentence, in a
      title-case headline) and writes in lower case elsewhere is that common word: "Teachers", "More",
      "Email", "Vetting" in "Hillary Clinton's Union Problem: Teachers …". A given name, a word of a longer
      name the document gives, a place or a people keep their capital's meaning;
    - a headline's run of capitalised words with a verb in it is a clause, not a name ("Flint Water Response
      Perfectly Captures The Difference"); its subject stays when the document writes it elsewhere too;
    - a name opened by such a word, when the document writes the rest as a name of its own, is that name:
      "Battleground Senate races in Ohio …" (and "three battleground Senate races") is the Senate."""
    text = doc_text(doc)
    lowercase = _lowercase_words(text)
    long_name_words = {w for s in spans if len(words := text[s.start:s.end].split()) > 1 for w in words}
    surfaces = {text[s.start:s.end] for s in spans}
    verdicts: dict[str, bool] = {}
    kept = []
    cut: list[_Span] = []

    def by_position(w: str) -> bool:
        if w not in verdicts:
            verdicts[w] = _capitalized_only_by_position(doc, text, w)
        return verdicts[w]

    for s in spans:
        word = text[s.start:s.end]
        if re.fullmatch(r"[A-Z][a-z]+", word) and word.lower() in lowercase and word not in long_name_words:
            if by_position(word):
                continue
        elif " " in word and _in_a_headline(text, s) and (verb := _headline_verb(doc, s)) is not None:
            # the clause's subject is a name when the document writes it elsewhere: "Marco Rubio" of "Marco
            # Rubio Responds To Question"
            subject = text[s.start:verb].rstrip()
            if not subject or text.count(subject) < 2:
                continue
            s.end = s.start + len(subject)
            cut.append(s)
        elif (opener := re.match(r"([A-Z][a-z]+)\s+", word)) and opener[1].lower() in lowercase \
                and word[opener.end():] in surfaces and _opening(text, s.start) and not _is_title(opener[1]) \
                and opener[1].lower() not in _ROYAL_TITLES and by_position(opener[1]):
            s.start += opener.end()
            cut.append(s)
        kept.append(s)
    for s in cut:  # the subject (the name) takes the kind the document's other mentions of it have
        labels = Counter(o.label for o in kept if o is not s and text[o.start:o.end] == text[s.start:s.end])
        if labels:
            s.label = labels.most_common(1)[0][0]
    return kept


def _capitalized_only_by_position(doc: Doc, text: str, word: str) -> bool:
    if is_given_name(word) or country_name(word) or us_state(word) or capital_country(word) \
            or _is_demonym(word) or _is_group_plural(word):
        return False
    for m in re.finditer(rf"(?<![\w-]){word}(?![\w-])", text):
        span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
        if span is None or span[0].is_sent_start or _opening(text, m.start()) \
                or _in_a_headline(text, _Span(m.start(), m.end(), "")):
            continue
        return False  # capitalized mid-sentence: a name ("a Carrier factory")
    return True


def _opening(text: str, at: int) -> bool:
    """Does a word at ``at`` open the text, a line, a sentence, a clause after a colon or a quotation?"""
    before = text[max(0, at - 40):at].rstrip(" \t\u00a0")
    return not before and at <= 40 or before.endswith(_OPENERS)


_OPENERS = tuple("\n.!?:;\"“‘'(—–-")


_FINITE_VERB_TAGS = {"VBZ", "VBD", "VBP", "MD"}


def _headline_verb(doc: Doc, s: _Span) -> int | None:
    """Where the span's first finite verb after its first word starts, if it has one and three words."""
    span = doc.char_span(s.start, s.end, alignment_mode="expand")
    if span is None or len(span) < 3:
        return None
    return next((t.idx for t in span[1:] if t.tag_ in _FINITE_VERB_TAGS), None)


def _is_title(word: str) -> bool:
    """"Senator", "Sen", "Mr", "Captain": a word of ``_TITLES`` or ``TITLE_ABBREVIATIONS``."""
    return word.casefold() in _TITLES or word.casefold() in TITLE_ABBREVIATIONS


# words of _TITLES that open other names too: "Former Breitbart reporter", "State Department", "First Data"
_TITLE_MODIFIERS = {"vice", "prime", "supreme", "state", "foreign", "defense", "defence", "former", "late", "first",
                    "deputy", "acting", "chief"}


def _titled_before(text: str, start: int) -> bool:
    """"Sen. Symms", "Mr. Ackman", "President Obama": a person's title right before ``start``."""
    title = _TITLE_BEFORE.search(text, max(0, start - 20), start)
    return title is not None and _is_title(title[1]) and title[1].casefold() not in _TITLE_MODIFIERS


def _surface(text: str, s: _Span) -> str:
    return normalize_space(text[s.start:s.end])


def _trimmed(text: str, s: _Span) -> _Span | None:
    """Drop a leading "the", a possessive "'s"/"’s", and punctuation that is not part of the name."""
    start, end = s.start, s.end
    while True:
        before = (start, end)
        while start < end and text[start] in _LEADING:
            start += 1
        m = re.match(r"(?i)the\s+", text[start:end])
        if m and end - start > m.end():
            start += m.end()
        chunk = text[start:end]
        if _POSSESSIVE_END.search(chunk):
            end -= 2
        while start < end and text[end - 1] in _TRAILING:
            end -= 1
        if start < end and text[end - 1] == "." and not _ABBREVIATION_END.search(text[start:end]):
            end -= 1
        if (start, end) == before:
            break
    if start >= end or not any(c.isalnum() for c in text[start:end]):
        return None
    s.start, s.end = start, end
    return s


def _possessive_cut(text: str, s: _Span) -> _Span:
    """"Donald Trump‘s remarks" tagged PERSON (a left quote typed for the apostrophe hides the possessive
    from the tokenizer): a person's name ends at its possessive, and at a dash between spaces."""
    if s.label == "PERSON" and (m := re.search(_POSSESSIVE + r"\s", text[s.start:s.end])):
        s.end = s.start + m.start() + 2
    if s.label == "PERSON" and (m := re.search(r"\s[-–—]\s", text[s.start:s.end])):
        s.end = s.start + m.start()  # "Deborah Jordan Reynolds - Santilli's girlfriend": a dash ends a name
    return s


# a possessor before a person's name: "Fox News’ Sean Hannity", "Commentary’s Noah Rothman"
_POSSESSOR = re.compile(r"(?:['’]s|(?<=s)['’])\s+")
# words whose "’s" is "is": "That’s Jeb Bush", "Here’s"
_CONTRACTED = {"that", "it", "there", "here", "what", "who", "this", "he", "she", "where", "how"}


def _possessor_split(doc: Doc, s: _Span, surnames: set[str]) -> list[_Span]:
    """"Fox News’ Sean Hannity" tagged as one ORG is two actors: the outlet and its host. Split where the
    words after a possessive are a personal name (a known given name first); a name that holds a
    possessive ("Emily's List", "Dick's Sporting Goods", "New Year's Eve") stays whole, and so does a
    title-case headline's ("Hollywood’s Latino Problem"). "That’s Jeb Bush" is a contraction before a name."""
    text = doc_text(doc)
    m = _POSSESSOR.search(text, s.start, s.end)
    if m is None or m.end() >= s.end:
        return [s]
    owner = text[s.start:m.start()].rstrip("'’")
    owner_end = s.start + len(owner)
    last = doc.char_span(s.start, owner_end, alignment_mode="expand") if owner.strip() else None
    if last is not None and last[-1].lower_ in _CONTRACTED and m.group().startswith(("'s", "’s")) \
            and text[m.end()].isupper() and not _in_a_headline(text, s):
        return [_Span(m.end(), s.end, s.label)]  # "That’s Jeb Bush": a contraction, and the name after it
    named = normalize_space(text[m.end():s.end])
    if last is None or not looks_like_personal_name(named) or named.split()[0] in surnames or _in_a_headline(text, s):
        return [s]  # "Schweizer’s Clinton Cash" is a book: its first word is a surname the document spells
    owner_label = "PERSON" if looks_like_personal_name(normalize_space(owner)) else \
        s.label if s.label != "PERSON" else "ORG"
    return [_Span(s.start, owner_end, owner_label), _Span(m.end(), s.end, "PERSON")]


def _hyphen_name_repaired(text: str, s: _Span) -> _Span:
    """Rejoin a hyphenated given name spaCy cut at the hyphen: "Moon Jae" + "-in" -> "Moon Jae-in"."""
    if s.label != "PERSON" or len(text[s.start:s.end].split()) < 2:
        return s
    m = re.match(r"[-\u2010\u2011]([a-z]{1,5})\b", text[s.end:])
    if m and m.group(1) not in _HYPHEN_SUFFIXES and not text[s.end + m.end():].startswith("-"):
        s.end += m.end()
    return s


def _given_name_joined(doc: Doc, s: _Span, surnames: set[str]) -> _Span:
    """Rejoin a first given name the recognizer left out: "Tennis great Billie Jean King" was "Jean King"
    (a capitalised proper noun right before the name that is a known given name, no place, and no surname
    of the document: "Clinton Cash" is a book, "Christie Chris Christie" a list of names)."""
    if s.label != "PERSON":
        return s
    first = doc.char_span(s.start, s.end, alignment_mode="expand")
    if first is None or first.start == 0 or len(first) > 3:
        return s
    given = doc[first.start - 1]
    word = given.text
    if not (given.tag_ == "NNP" and given.ent_iob_ == "O" and given.whitespace_ == " "
            and word[:1].isupper() and word[1:].islower()):
        return s
    # a name of some sex ("andy" is a word of either: "Side", "Mi"), no title, surname or place
    if _gender_detector().get_gender(word) in ("unknown", "andy") or word.casefold() in _TITLES \
            or word in surnames or country_name(word) or us_state(word) or major_city(word) or capital_country(word):
        return s
    return _Span(given.idx, s.end, s.label, s.name, s.expansion_of)


def _surname_he_repaired(doc: Doc, s: _Span) -> _Span:
    """Rejoin the surname He, which the recognizer leaves out of the name: "He Jianxiong" (a capital "He"
    right before a person's name is a name when the tagger says so, or when it stands inside a sentence)."""
    if s.label != "PERSON":
        return s
    first = doc.char_span(s.start, s.end, alignment_mode="expand")
    if first is None or first.start == 0:
        return s
    he = doc[first.start - 1]
    mid_sentence = not he.is_sent_start and he.i > 0 and doc[he.i - 1].text not in (".", "!", "?")
    if he.text == "He" and he.whitespace_ == " " and (mid_sentence or he.pos_ == "PROPN"):
        return _Span(he.idx, s.end, s.label, s.name, s.expansion_of)
    return s


_ROYAL_BEFORE = re.compile(r"\b(?:" + "|".join(sorted(t.capitalize() for t in _ROYAL_TITLES)) + r")\s$")


def _royal_title_joined(text: str, s: _Span) -> _Span:
    """"Prince Andrew", "Pope Francis": the recognizer leaves the title out, but these people are called by
    it with one given name (and "Andrew" alone is anyone)."""
    words = text[s.start:s.end].split()
    if s.label != "PERSON" or not (len(words) == 1 or len(words) == 2 and _REGNAL.match(words[1])):
        return s
    m = _ROYAL_BEFORE.search(text, max(0, s.start - 10), s.start)
    return _Span(m.start(), s.end, s.label, s.name, s.expansion_of) if m else s


def _country_names_completed(text: str, spans: list[_Span]) -> list[_Span]:
    """spaCy splits long official names ("the Democratic" NORP + ...): a span that opens a country name
    written out in the text is extended to the whole name."""
    out: list[_Span] = []
    for s in spans:
        words = list(re.finditer(r"\S+", text[s.start:s.start + 120]))
        for n in range(min(len(words), 7), 1, -1):
            end = s.start + words[n - 1].end()
            if end > s.end and country_name(re.sub(r"[,;:.]$", "", text[s.start:end])):
                # trimmed again: the name reader forgives a dash or a possessive after the name ("China –",
                # "Hong Kong’s"), which are not part of it
                longer = _trimmed(text, _Span(s.start, end, "GPE"))
                if longer is not None and longer.end > s.end:
                    s = longer
                break
        out.append(s)
    kept: list[_Span] = []
    for s in sorted(out, key=lambda x: (x.start, -(x.end - x.start))):
        if kept and s.start < kept[-1].end:
            continue  # a fragment the completed name now covers
        kept.append(s)
    return kept


def _without_titles(text: str, s: _Span) -> _Span:
    """A PERSON span starts at the name: titles, roles and nationalities before it are not the name. A title
    before a personal name tagged ORG makes it a person's ("Spokeswoman Haley Morris"), a royal one does not
    ("King James Bible", "Prince Edward Island")."""
    if s.label == "ORG" and (m := re.match(r"(\S+)\s+", text[s.start:s.end])) \
            and m.group(1).rstrip(".").casefold() in _TITLES - _ROYAL_TITLES \
            and looks_like_personal_name(normalize_space(text[s.start + m.end():s.end])):
        s.label = "PERSON"
    if s.label != "PERSON":
        return s
    # a team and position, an office or a party before the name: "Browns DL Sheldon Richardson", "Acme CEO
    # Jane Roe": an all-capital abbreviation after the first word, two capitalised words after it
    role = re.match(r"(?:\S+\s+)+?[A-Z]{2,4}\s+(?=[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+)+$)", text[s.start:s.end])
    if role:
        s.start += role.end()
    while True:
        m = re.match(r"(\S+)\s+", text[s.start:s.end])
        if not m:
            return s
        word = m.group(1).rstrip(".").casefold()
        rest = text[s.start + m.end():s.end].split()
        if word in _ROYAL_TITLES and (len(rest) == 1 or len(rest) == 2 and _REGNAL.match(rest[1])):
            return s  # "Prince Andrew", "Pope Francis", "King Charles III": the title is how the name is said
        if word in _TITLES or country_name(m.group(1)) and not is_given_name(m.group(1)) or \
                _is_demonym(m.group(1)):
            s.start += m.end()
        else:
            return s


# the people of a party, in the plural
_PARTY_PEOPLE = {"republicans", "democrats", "libertarians", "socialists", "tories", "whigs", "dems"}


def _is_group_plural(word: str) -> bool:
    """"Democrats", "Republicans", "Floridians": a party's or a place's people, never one person."""
    w = word.rstrip(".,")
    return w.casefold() in _PARTY_PEOPLE or (w.endswith("s") and _is_demonym(w))


def _is_nationality(word: str) -> bool:
    """A demonym, or a country's adjective its name adds a letter to ("German", "Philippine"): not tested
    where a given name may stand ("German Ortega" is Germán Ortega)."""
    return _is_demonym(word) or word[:1].isupper() and word.isalpha() \
        and any(country_name(word + end) for end in ("y", "s"))


def _is_demonym(word: str) -> bool:
    """"South Korean", "Chinese", "Kentuckian", "Floridians": a nationality or a state's people in front of a
    name (a capitalised -an/-ese/-ish/-i word whose stem is a country or a US state; "Kazakh", "Uzbek" of
    a -stan)."""
    w = word.rstrip(".")
    if w.endswith("ans"):
        w = w[:-1]
    if w[:1].isupper() and w.isalpha() and any(country_name(w + end) for end in ("stan", "istan")):
        return True  # "Kazakh", "Uzbek"
    for suffix, stems in (("ese", ("a", "")), ("an", ("a", "", "as")), ("ian", ("ia", "", "a", "y")),
                          ("ish", ("", "and")), ("i", ("", "a"))):
        if w.endswith(suffix) and w[:1].isupper():
            for stem in stems:
                place = w[: -len(suffix)] + stem
                if country_name(place) or us_state(place):
                    return True
    return False


@lru_cache(maxsize=1)
def _gender_detector():
    import gender_guesser.detector as gender

    return gender.Detector(case_sensitive=False)


def is_given_name(word: str) -> bool:
    """A word gender-guesser knows as a given name, of either sex ("Will", "Jae", "Jordan")."""
    return _gender_detector().get_gender(word) != "unknown"


def given_name_gender(word: str) -> str | None:
    """"male"/"female" when ``word`` is a given name used (almost) only for one sex, else None."""
    g = _gender_detector().get_gender(word)
    return g if g in ("male", "female") else None


def looks_like_personal_name(surface: str) -> bool:
    """"Bruce Cumings" tagged ORG: two or three capitalised words opened by a known given name, no org noun."""
    words = surface.split()
    if not 2 <= len(words) <= 3 or not all(w[:1].isupper() and re.sub(r"[-.'’]", "", w).isalpha() for w in words):
        return False
    if any(w.casefold().rstrip(".") in _ORG_WORDS for w in words) or country_name(surface):
        return False
    # a place's name that is also a given name opens a body's name far more often than a person's in a
    # span the tagger calls an organisation: "America Rising", "America First", "Georgia Power"
    if country_name(words[0]) or us_state(words[0]):
        return False
    return given_name_gender(words[0]) is not None and not _is_nationality(words[0])


def person_name_parts(person_surfaces: list[str]) -> dict[str, set[str]]:
    """Name-part key -> the full names (2+ words) it can stand for: "trump" -> {"Donald Trump"}.

    News text shortens a name to its last word ("Trump") or, for East Asian names written family name
    first, its first word ("Kim", "Moon"); both are taken from the longer names the document spells out.
    """
    parts: dict[str, set[str]] = {}
    for surface in person_surfaces:
        words = surface.split()
        if len(words) > 2 and (_REGNAL.match(words[-1]) or is_generation(words[-1])):
            words = words[:-1]  # "King Charles III" is "Charles"; "James P. Kennedy Jr." is "Kennedy"
        if len(words) < 2:
            continue
        for word in (words[0], words[-1]):
            key = name_key(word)
            # a title opens a name ("King Abdullah") but may also be a surname: "Pete King", "Mark Judge"
            titled = word.casefold().rstrip(".") in _TITLES and (word is words[0] or not is_given_name(words[0]))
            if key and not titled and not country_name(word):
                parts.setdefault(key, set()).add(surface)
    return parts


def _one_word_people(doc: Doc, spans: list[_Span]) -> set[str]:
    """Keys of one-word names the document shows to be people although it never spells the full name:
    spaCy tags the word PERSON somewhere (``_unconfirmed_names_relabelled`` has taken back the tags the
    text belies), or "he"/"she" follows its verb (``_he_after``): organisations are not "he"."""
    text = doc_text(doc)
    found: set[str] = set()
    for s in spans:
        surface = _surface(text, s)
        if len(surface.split()) != 1 or country_name(surface) or capital_country(surface) or us_state(surface) \
                or major_city(surface) or name_key(surface) in _PLATFORMS or _is_group_plural(surface):
            continue  # a place a headline tagged PERSON once ("Iowa caucus is first look …") stays a place
        if s.label == "PERSON" and not _is_platform(doc, s):
            found.add(name_key(surface))
            continue
        span = doc.char_span(s.start, s.end, alignment_mode="expand")
        if span is not None and span.root.dep_ in ("nsubj", "nsubjpass") and _he_after(doc, span):
            found.add(name_key(surface))
    return found


def _split_name_compounds(text: str, spans: list[_Span], parts: dict[str, set[str]]) -> list[_Span]:
    """"Kim-Trump meeting", "Trump-Kim Summit": a hyphen compound of known names is one mention per person."""
    out: list[_Span] = []
    for s in spans:
        chunk = text[s.start:s.end]
        pieces = list(re.finditer(r"[^\s\-\u2010-\u2015]+", chunk))
        joined = re.search(r"\w\s*[-\u2010-\u2015]\s*\w", chunk)
        heads = [p for i, p in enumerate(pieces) if i == 0 or re.search(r"[-\u2010-\u2015]\s*$", chunk[:p.start()])]
        if not joined or len(heads) < 2 or not all(name_key(p.group()) in parts for p in heads):
            out.append(s)
            continue
        out.extend(_Span(s.start + p.start(), s.start + p.end(), "PERSON") for p in heads)
    return out


def _with_propagated_names(doc: Doc, spans: list[_Span], parts: dict[str, set[str]]) -> list[_Span]:
    """A known surname spaCy skipped ("the Trump- Kim summit") is a PERSON mention too."""
    if not parts:
        return spans
    taken = _Intervals((s.start, s.end, 0) for s in spans)
    added: list[_Span] = []
    for tok in doc:
        word = _POSSESSIVE_END.sub("", tok.text.rstrip("-\u2010\u2011\u2013\u2014"))
        if not word[:1].isupper() or tok.pos_ in ("VERB", "AUX", "ADP", "DET", "PRON", "CCONJ", "SCONJ"):
            continue
        if name_key(word) not in parts:
            continue
        start, end = tok.idx, tok.idx + len(word)
        if not taken.overlaps(start, end):
            added.append(_Span(start, end, "PERSON"))
        partner = _summit_partner(doc, tok)
        if partner is not None and not taken.overlaps(partner.idx, partner.idx + len(partner)):
            added.append(_Span(partner.idx, partner.idx + len(partner), "PERSON"))
            taken.add(partner.idx, partner.idx + len(partner))
    return spans + added


class _Intervals:
    """Character ranges [start, end), each with a key, asked which overlap a range without a pass over all
    of them: a long text holds thousands of mentions."""

    def __init__(self, ranges: Iterable[tuple[int, int, int]]) -> None:
        self._ranges = sorted(ranges)
        self._longest = max((b - a for a, b, _ in self._ranges), default=0)

    def add(self, a: int, b: int, key: int = 0) -> None:
        bisect.insort(self._ranges, (a, b, key))
        self._longest = max(self._longest, b - a)

    def remove(self, a: int, b: int, key: int = 0) -> None:
        self._ranges.pop(bisect.bisect_left(self._ranges, (a, b, key)))

    def overlapping(self, a: int, b: int) -> list[int]:
        """The keys of the ranges that overlap [a, b)."""
        lo = bisect.bisect_left(self._ranges, (a - self._longest,))
        hi = bisect.bisect_left(self._ranges, (b,))
        return [key for _, end, key in self._ranges[lo:hi] if end > a]

    def overlaps(self, a: int, b: int) -> bool:
        return bool(self.overlapping(a, b))


# "the Trump-Kim summit", "a Biden-Xi call": the other name of a two-leader compound is a person too,
# even when the document names that person nowhere else.
_GATHERING_NOUNS = {"summit", "summits", "meeting", "meetings", "talks", "call", "deal", "handshake",
                    "negotiations", "relationship", "rapprochement", "encounter"}


def _summit_partner(doc: Doc, tok) -> object | None:
    """The capitalized name hyphenated to the known person ``tok`` before a gathering noun, if any."""
    i = tok.i
    candidates = []
    if i + 3 < len(doc) and doc[i + 1].text in "-‐‑–" and doc[i + 3].lower_ in _GATHERING_NOUNS:
        candidates.append(doc[i + 2])
    if i >= 2 and i + 1 < len(doc) and doc[i - 1].text in "-‐‑–" and doc[i + 1].lower_ in _GATHERING_NOUNS:
        candidates.append(doc[i - 2])
    for cand in candidates:
        if cand.text[:1].isupper() and cand.is_alpha and cand.pos_ in ("PROPN", "NOUN", "ADJ"):
            return cand
    return None


def _with_repeated_surfaces(text: str, spans: list[_Span]) -> list[_Span]:
    """One sense per discourse: a name the document tags once ("Korean Peninsula", "DPRK") is a mention
    wherever else it is written, even where spaCy missed it or tagged only a part ("Korean" NORP)."""
    labels: dict[str, Counter] = {}
    for s in spans:
        surface = _surface(text, s)
        if s.label != "PERSON" and surface[:1].isupper() and len(surface) > 1:
            labels.setdefault(surface, Counter())[s.label] += 1
    out = {id(o): o for o in spans}  # in order, new spans last
    index = _Intervals((o.start, o.end, id(o)) for o in spans)
    runs = _word_starts(text)
    for surface in sorted(labels, key=len, reverse=True):
        label = labels[surface].most_common(1)[0][0]
        for m in _occurrences(text, surface, runs):
            a, b = m.span()
            overlapping = [out[k] for k in index.overlapping(a, b)]
            if all(a <= o.start and o.end <= b and (o.start, o.end) != (a, b) for o in overlapping):
                for o in overlapping:
                    del out[id(o)]
                    index.remove(o.start, o.end, id(o))
                new = _Span(a, b, label)
                out[id(new)] = new
                index.add(a, b, id(new))
    return list(out.values())


def _word_starts(text: str) -> dict[str, list[int]]:
    """Where each word starts (a run of word characters after no word character or hyphen), by word."""
    runs: dict[str, list[int]] = {}
    for m in _WORD_RUN.finditer(text):
        runs.setdefault(m.group(), []).append(m.start())
    return runs


_WORD_RUN = re.compile(r"(?<![\w\-])\w+")


def _occurrences(text: str, surface: str, runs: dict[str, list[int]]) -> Iterator[re.Match[str]]:
    """``_written_as(surface).finditer(text)``, tried only where the name's first word starts: a long text
    writes thousands of names, and a scan of the whole text for each would grow with their product."""
    pattern = _written_as(surface)
    first = _WORD_RUN.match(surface)
    if first is None:
        yield from pattern.finditer(text)
        return
    end = 0
    for start in runs.get(first.group(), ()):
        if start >= end and (m := pattern.match(text, start)):
            end = m.end()
            yield m


# Compiled once per name, not per document: a corpus on one story writes the same names in every article.
@lru_cache(maxsize=4096)
def _written_as(surface: str) -> re.Pattern[str]:
    """The name ``surface`` as a whole word sequence, written with any spacing ("Korean\nPeninsula")."""
    return re.compile(r"(?<![\w\-])" + r"\s+".join(map(re.escape, surface.split())) + r"(?![\w])")


def defined_acronyms(text: str, spans: list[tuple[int, int]] | None = None) -> dict[str, str]:
    """Acronyms the text defines, "the Demilitarized Zone (DMZ)" -> {"DMZ": "Demilitarized Zone"}.

    The long form is found as Schwartz & Hearst (2003) do: the short form's letters matched right to left
    in the words before the parenthesis, its first letter opening a word.
    """
    found: dict[str, str] = {}
    for m in re.finditer(r"\(\s*([A-Z][A-Za-z.&]{1,9})\s*\)", text):
        short = m.group(1)
        letters = re.sub(r"[^A-Za-z]", "", short)
        if len(letters) < 2 or sum(c.isupper() for c in letters) < 2:
            continue
        before = text[max(0, m.start() - 200):m.start()]
        # the long form stays in its sentence: "… at the Pentagon.\n\nWASHINGTON (AP)" defines nothing
        before = re.split(r"[.!?]\s+|\n", before)[-1]
        words = re.findall(r"\S+", before)[-min(len(letters) + 5, 2 * len(letters)):]
        long_form = _long_form(letters, " ".join(words))
        if long_form:
            found.setdefault(short, normalize_space(long_form))
    return found


def _long_form(short: str, candidate: str) -> str | None:
    s, lf = short.casefold(), candidate.replace("\u2019", "'")
    si, li = len(s) - 1, len(lf) - 1
    while si >= 0:
        c = s[si]
        while li >= 0 and (lf[li].casefold() != c or (si == 0 and li > 0 and lf[li - 1].isalnum())):
            li -= 1
        if li < 0:
            return None
        li -= 1
        si -= 1
    start = lf.rfind(" ", 0, li + 1) + 1
    result = candidate[start:].strip()
    result = re.sub(r"(?i)^the\s+", "", result)
    return result if len(result.split()) >= 1 and len(result) > len(short) else None


def _relabel(doc: Doc, spans: list[_Span], parts: dict[str, set[str]], acronyms: dict[str, str]) -> None:
    """Document-level label correction: countries are GPE, a known person's name part is PERSON,
    a defined acronym takes its long form's label, and a surface's other mentions follow its majority."""
    text = doc_text(doc)
    fixed: set[int] = set()
    by_surface = {name_key(_surface(text, s)): s for s in spans}
    bodies: dict[str, _Span] | None = None  # read once, when a name part first follows "the"
    for i, s in enumerate(spans):
        surface = _surface(text, s)
        key = name_key(surface)
        words = surface.split()
        if s.label in ("PERSON", "ORG") and key in _PLATFORMS:
            s.label = "ORG"
            fixed.add(i)
        elif key in parts and len(words) == 1:
            body = None
            if _heads_a_phrase_after_the(doc, s):
                bodies = _bodies_by_last_word(text, spans) if bodies is None else bodies
                body = bodies.get(surface)
            # "the Post" in a story on the Washington Post is the paper, not Marjorie Merriweather Post
            s.label = body.label if body is not None else "PERSON"
            fixed.add(i)
        elif s.label != "NORP" and country_name(surface, iso3=s.label == "GPE") and (s.label != "PERSON" or len(words) > 1
                                                               or surface.isupper()):
            s.label = "GPE"
            fixed.add(i)
        elif surface in acronyms:
            long_form = acronyms[surface]
            s.expansion_of = long_form
            if country_name(long_form):
                s.label = "GPE"
            elif (owner := by_surface.get(name_key(long_form))) is not None and owner is not s:
                s.label = owner.label
            fixed.add(i)
        elif s.label == "PERSON" and len(words) == 1 and _is_platform(doc, s):
            s.label = "ORG"
            fixed.add(i)
    groups: dict[str, list[int]] = {}
    for i, s in enumerate(spans):
        groups.setdefault(name_key(_surface(text, s)), []).append(i)
    for members in groups.values():
        counts = Counter(spans[i].label for i in members)
        fixed_labels = {spans[i].label for i in members if i in fixed}
        if len(fixed_labels) == 1:
            winner = next(iter(fixed_labels))
        else:
            (winner, top), *rest = counts.most_common()
            if rest and rest[0][1] == top:
                continue  # a tie is no evidence: keep spaCy's per-mention labels
        for i in members:
            if i not in fixed:
                spans[i].label = winner


# what a phrase's head does in its clause (not "compound" or "amod": a word modifying a noun)
_HEAD_DEPS = {"nsubj", "nsubjpass", "dobj", "pobj", "conj", "appos", "attr", "ROOT", "dative", "agent"}


def _heads_a_phrase_after_the(doc: Doc, s: _Span) -> bool:
    """"the Post announced", "for the Post": a word after "the" that heads its phrase; people's surnames take
    no article. Not "the Trump campaign" (a modifier) or "the Braun-owned company"."""
    text = doc_text(doc)
    if not re.search(r"\bthe\s+$", text[max(0, s.start - 5):s.start]):
        return False
    span = doc.char_span(s.start, s.end, alignment_mode="expand")
    return span is not None and span.root.dep_ in _HEAD_DEPS and text[s.end:s.end + 1] != "-"


def _bodies_by_last_word(text: str, spans: list[_Span]) -> dict[str, _Span]:
    """The bodies the document names, by the last word of their name ("Post" -> "the Washington Post"), for
    a word after "the" that is also a person's surname there. Not a body named for a person ("the National
    Diversity Coalition for Trump", "Move Against Bernie Sanders")."""
    people = {_surface(text, o) for o in spans if o.label == "PERSON"}
    found: dict[str, _Span] = {}
    for o in spans:
        words = _surface(text, o).split()
        if o.label in ("ORG", "FAC") and len(words) >= 2 and not any(w[:1].islower() for w in words) \
                and " ".join(words[-2:]) not in people:
            found.setdefault(words[-1], o)
    return found


def _is_platform(doc: Doc, s: _Span) -> bool:
    """"trading barbs on Twitter": a one-word PERSON with no known given name, object of "on"/"via", is a
    platform or outlet (people are rarely the object of "on")."""
    span = doc.char_span(s.start, s.end, alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    word = span.text
    return (root.dep_ == "pobj" and root.head.lower_ in _PLATFORM_PREPOSITIONS
            and given_name_gender(word) is None)


def _name(doc: Doc, spans: list[_Span], parts: dict[str, set[str]], acronyms: dict[str, str]) -> None:
    text = doc_text(doc)
    full_forms = _preferred_spellings([_surface(text, s) for s in spans if s.label == "PERSON"])
    # the spans by name key, and each key's first mention: asked per bare name, so never a pass over all
    # the spans for each (a long text has thousands of both)
    by_key: dict[str, list[_Span]] = {}
    for s in spans:
        by_key.setdefault(name_key(_surface(text, s)), []).append(s)
    first_start = {k: min(o.start for o in group) for k, group in by_key.items()}
    longer_forms: dict[tuple[str, str], set[str]] | None = None
    for s in spans:
        surface = _surface(text, s)
        if s.expansion_of:
            s.name = country_name(s.expansion_of) or _plain_name(s.expansion_of)
        elif s.label == "PERSON":
            s.name = _person_name(doc, s, by_key, parts, full_forms, first_start)
        elif s.label != "PERSON" and (state := _abbreviated_state(text, s)):
            s.name, s.label = _state_name(state), "GPE"
        elif s.label in ("GPE", "LOC") and (state := us_state(surface)) \
                and re.match(r"\s+state\b", text[s.end:s.end + 7], re.I):
            s.name = _state_name(state)  # "Washington state", "New York State"
        elif s.label in ("GPE", "LOC", "ORG", "FAC") and (country := country_name(surface, iso3=s.label == "GPE")):
            s.name = country
        elif s.label in ("LOC", "GPE") and (country := _elliptical_country(text, s, spans)):
            s.name, s.label = country, "GPE"
        elif s.label in ("LOC", "FAC", "ORG", "EVENT") and len(surface.split()) == 1 \
                and name_key(surface) not in _STANDALONE \
                and len(longer := (longer_forms := longer_forms or _longer_forms(text, spans)).get(
                    (s.label, name_key(surface)), ())) == 1:
            s.name = next(iter(longer))
        elif s.label == "GPE" and (state := capital_country(surface)) and _means_state(doc, s):
            s.name = state
        else:
            s.name = _plain_name(surface)
    # A long form that is itself a mention takes the name its acronym gave it (one name per entity).
    named_acronyms = {name_key(v): v for v in acronyms.values()}
    for s in spans:
        key = name_key(_surface(text, s))
        if key in named_acronyms and not country_name(_surface(text, s)):
            s.name = _plain_name(named_acronyms[key])


_COORDINATION = re.compile(r"\s+(?:and|&)\s+")
# before a given name: a title of several people ("Presidents Reagan and George W. Bush") or a list ("Brandy,
# Monica and Lauryn Hill"): several people, each of a name of their own
_SEVERAL_BEFORE = re.compile(r"(?:\b[A-Z][a-z]+s\.?|[A-Z][\w.'’-]*,)\s+$")
# the last word of a pair of places the tagger took for a person ("the corner of Allen and Stanton Streets")
_PLACES_AFTER = {"streets", "avenues", "roads", "lanes", "boulevards", "drives", "squares", "counties", "rivers",
                 "islands", "mountains", "parks"}


def _coordinated_people_split(text: str, spans: list[_Span]) -> list[_Span]:
    """"Christie and Jindal", "Braynard and Chrabaszcz" tagged one organisation: two names joined by "and",
    each the surname (or the whole name) of a person the document names in full, are those two people."""
    people = [words for s in spans if s.label == "PERSON" and len(words := _surface(text, s).split()) >= 2]
    names = {" ".join(words) for words in people} | {words[-1] for words in people}
    out: list[_Span] = []
    for s in spans:
        chunk = text[s.start:s.end]
        m = _COORDINATION.search(chunk)
        first, second = (chunk[:m.start()], chunk[m.end():]) if m else ("", "")
        if first in names and second in names:  # not "Bill and Hillary Clinton": "Bill" is no surname here
            out += [_Span(s.start, s.start + len(first), "PERSON"), _Span(s.start + m.end(), s.end, "PERSON")]
        else:
            out.append(s)
    return out


def _coordinated_given_names_named(text: str, spans: list[_Span]) -> None:
    """A given name joined to a full name shares its family name: "Bill and Hillary Clinton" is Bill Clinton,
    "Jeb and George W. Bush" Jeb Bush, and so is the given name alone elsewhere in the document. Not a word
    the document uses as a surname ("Sanders and Hillary Clinton"), nor a given name the document already
    gave a full name ("Hillary and Bernie Sanders" after "Hillary Clinton")."""
    people = sorted((s for s in spans if s.label == "PERSON"), key=lambda x: x.start)
    surnames = {name_key(words[-1]) for s in people if len(words := _surface(text, s).split()) >= 2}
    family_names: dict[str, str] = {}
    for a, b in zip(people, people[1:], strict=False):
        given, words = _surface(text, a), _surface(text, b).split()
        if " " in given or a.name != _plain_name(given) or len(words) < 2 or name_key(given) in surnames \
                or not is_given_name(given) or not _COORDINATION.fullmatch(text, a.end, b.start) \
                or _SEVERAL_BEFORE.search(text, max(0, a.start - 30), a.start) or words[-1].casefold() in _PLACES_AFTER:
            continue
        family = words[-2] if len(words) > 2 and is_generation(words[-1]) else words[-1]
        family_names[given] = f"{_plain_name(given)} {_plain_name(family)}"
    for s in people:
        surface = _surface(text, s)
        if surface in family_names and s.name == _plain_name(surface):
            s.name = family_names[surface]


def _state_name(state: str) -> str:
    """A US state's actor name: "Washington State" for the one whose name news uses for the federal
    government and its capital ("Olympia, Wash." is not "Washington insisted")."""
    return f"{state} State" if capital_country(state) else state


def _abbreviated_state(text: str, s: _Span) -> str | None:
    """"ORLANDO, Fla.", "Calif", "N.H.": a US state in AP style; a postal code ("SC") only after a place
    ("Columbia, SC"), or tagged a place in a document that names the state ("Hillary won SC" after "the
    South Carolina primary"): two capitals are often something else ("VA" is Veterans Affairs)."""
    surface = _surface(text, s)
    if s.label in ("GPE", "LOC") or "." in surface.rstrip("."):
        if state := us_state_abbreviation(surface):
            return state
    if s.label in ("GPE", "ORG") and re.fullmatch(r"[A-Z]{2}", surface):
        state = us_state_abbreviation(surface, postal=True)
        after_place = re.search(r"[A-Z][\w.]+,\s*$", text[max(0, s.start - 40):s.start])
        if state and (after_place or s.label == "GPE" and re.search(rf"\b{re.escape(state)}\b", text)):
            return state
    return None


# "the Islamic State, also known as ISIS", "the Islamic State (also known as ISIL)", "the Islamic State, or ISIS,"
_ALIAS_BETWEEN = re.compile(r"\s*(?:,|\()?\s*(?:also\s+known\s+as|known\s+as|a\.k\.a\.?|or)\s+(?:the\s+)?", re.I)
_ALIAS_ACRONYM = re.compile(r"[A-Z][A-Z&]{1,7}")


def _declared_aliases_named(text: str, spans: list[_Span]) -> None:
    """An acronym the text declares another name of an organisation is that organisation: "the Islamic
    State, also known as ISIS" ("or ISIS" only when the acronym closes the phrase: "Iraq or Syria" is two
    places). Letters need not be the name's initials, so only these words declare it."""
    ordered = sorted(spans, key=lambda x: x.start)
    for a, b in zip(ordered, ordered[1:], strict=False):
        between = text[a.end:b.start]
        alias = text[b.start:b.end]
        if a.label in ("PERSON", "GPE") or not _ALIAS_ACRONYM.fullmatch(alias) or not _ALIAS_BETWEEN.fullmatch(between):
            continue
        if re.search(r"\bor\s", between, re.I) and not re.match(r"\s*[,)]|\s*$", text[b.end:b.end + 2]):
            continue
        b.name, b.label = a.name, a.label


_COMPASS = {"north", "south", "east", "west"}


def _elliptical_country(text: str, s: _Span, spans: list[_Span]) -> str | None:
    """"the North" in a story that names North Korea (and no other "North ..." country) is North Korea,
    as Korea coverage writes it; "the North" of a country, or with two such countries named, stays a place."""
    surface = _surface(text, s)
    if surface.lower() not in _COMPASS or not text[max(0, s.start - 4):s.start].lower() == "the ":
        return None
    if re.match(r"\s*(?:of\b|[A-Z])", text[s.end:s.end + 4]):
        return None  # "the North of England", "the North Atlantic"
    countries = Counter(country for o in spans if o is not s and (country := country_name(_surface(text, o))))
    named = [c for c in countries if c.split()[0].lower() == surface.lower()]
    if len(named) != 1:
        return None
    # The story must be about that country, not name it in passing: it names it twice, or names its
    # other half ("South Korea" beside "North Korea"). A US story that mentions South Korea once keeps
    # "the South" as the American South.
    rest = named[0].split(maxsplit=1)[1:]
    other = {"north": "south", "south": "north", "east": "west", "west": "east"}[surface.lower()]
    other_half = bool(rest) and any(c.lower() == f"{other} {rest[0].lower()}" for c in countries)
    return named[0] if countries[named[0]] >= 2 or other_half else None


# One-word names that are an institution of their own, not the short form of a longer name that ends
# in them: "the House" (of Representatives) is not the White House.
_STANDALONE = {"house"}


def _longer_forms(text: str, spans: list[_Span]) -> dict[tuple[str, str], set[str]]:
    """(label, key of the last word) -> the names of more than one word of that label ending in that word:
    "the Peninsula" after "the Korean Peninsula" is that name when it is the only one (one word closing
    exactly one longer name of the same label in the document)."""
    out: dict[tuple[str, str], set[str]] = {}
    for o in spans:
        words = _surface(text, o).split()
        name = _plain_name(_surface(text, o))
        if len(words) > 1 and not _REGION_OF.match(name):
            out.setdefault((o.label, name_key(words[-1])), set()).add(name)
    return out


# "Western Europe", "South Florida", "Greater London": a part of the place, not another name for it
_REGION_OF = re.compile(r"(?i)(?:north|south|east|west|northern|southern|eastern|western|central|north-?east|"
                        r"north-?west|south-?east|south-?west|upper|lower|greater|inner|outer|downtown|rural)\s")


def _plain_name(surface: str) -> str:
    name = normalize_space(surface).replace("\u2019", "'").replace("\u2018", "'")
    return re.sub(r"^(?i:the)\s+", "", name)


def _preferred_spellings(person_surfaces: list[str]) -> dict[str, str]:
    """Key -> the document's most used spelling of a full name ("Kim Jong-un" over "Kim Jong Un")."""
    counts: dict[str, Counter] = {}
    for surface in person_surfaces:
        counts.setdefault(name_key(surface), Counter())[surface] += 1
    return {k: c.most_common(1)[0][0] for k, c in counts.items()}


def _person_name(doc: Doc, s: _Span, by_key: dict[str, list[_Span]], parts: dict[str, set[str]],
                 full_forms: dict[str, str], first_start: dict[str, int]) -> str:
    """"Kim" -> "Kim Jong-un": the one full name the document gives that this word opens or closes;
    if several ("Donald J. Trump", "Ivana Trump"), the one ``_namesakes_narrowed`` leaves, else the
    first the document spells out."""
    text = doc_text(doc)
    surface = _surface(text, s)
    key = name_key(surface)
    if len(surface.split()) > 1 or key not in parts:
        return full_forms.get(key, surface)
    # A full name can be known from its parts yet have lost its PERSON span to a later repair
    # ("Bashar al-Assad" relabelled): then its own spelling stands in for the document's preferred one.
    spelled = {name_key(f): f for f in sorted(parts[key])}
    candidates = set(spelled)
    if len(candidates) == 1:
        (only,) = candidates
        return full_forms.get(only, spelled[only])
    candidates = _namesakes_narrowed(doc, s, key, spelled, by_key)
    if len(candidates) == 1:
        (only,) = candidates
        return full_forms.get(only, spelled[only])
    # still several: the one the story introduces first, its main person ("Kim Jong-un" before his sister)
    introduced = [c for c in candidates if c in first_start]
    if not introduced:
        return surface
    k = min(introduced, key=lambda c: (first_start[c], c))
    return full_forms.get(k, spelled.get(k, surface))


_PRESIDENCY_AFTER = re.compile(r"(?:['’]s)?\s+(?:administrations?|presidency|years|era|White\s+House)\b")
_TITLE_BEFORE = re.compile(r"\b([A-Z][a-z]+)\.?\s+$")
_HONORIFIC_SEX = re.compile(r"\b(?:(Mr)|(Mrs|Ms|Miss|Mme))\.?\s+$")
_PRONOUN_SEX = re.compile(r"\b(?:(he|his|him|himself)|(she|her|hers|herself))\b", re.I)
_SENTENCE_STOP = re.compile(r"[.!?](?:\s|$)|\n")


def _namesakes_narrowed(doc: Doc, s: _Span, key: str, spelled: dict[str, str],
                        by_key: dict[str, list[_Span]]) -> set[str]:
    """Which of the document's full names sharing the word ``key`` ("Donald J. Trump", "Ivana Trump",
    "Freddy Trump", "Trump Shuttle") can this bare "Trump" be? (Measured by
    ``benchmarks/namesakes_polnear.py``.)

    - the name written out right before it ("George W. [[Bush]]", where the tagger cut the name);
    - not a headline's words taken for a name ("Top Clinton Adviser", "Senator Endorsed Trump");
    - the one the document gave the title in front ("President Bush", "Captain Khan"); "the Clinton
      administration" is the one it titles President;
    - "Mr. Trump" is not a woman, "Mrs./Ms. Trump" not a man;
    - a name the word closes ("Donald J. Trump") before one it opens ("Trump Shuttle"; the first word
      is the family name only in names written family name first, "Kim Jong-un");
    - when the namesakes differ in sex, the sex of the pronouns that follow the bare surname as a subject
      through the document ("Clinton said she", "Trump himself"), when they clearly agree: a story tells a
      namesake apart by the full or given name and keeps the bare surname for its main person.
    With none of these deciding, several remain (``_person_name`` takes the first introduced)."""
    text = doc_text(doc)
    people: dict[tuple[str, str], set[str]] = {}  # one person's spellings: "Donald Trump", "Donald J. Trump"
    for k, name in spelled.items():
        words = name.split()
        people.setdefault((name_key(words[0]), name_key(words[-1])), set()).add(k)
    for ks in people.values():  # "George W. Bush" the tagger cut before "Bush": the name written out
        if any(text.endswith(" ".join(spelled[k].split()[:-1]) + " ", 0, s.start) for k in ks):
            return ks
    sex = {p: given_name_gender(spelled[min(ks)].split()[0]) for p, ks in people.items()}
    # "Top Clinton", "Endorsed Trump", "Clinton Acceptance Speech" from headlines: a name only a title-case
    # headline spells, or whose first word is a word rather than a given name, is no namesake
    no_namesake = doc.user_data.setdefault("storyline.no_namesake", {})  # once per name and document
    for p, ks in people.items():
        if (key_set := frozenset(ks)) not in no_namesake:
            no_namesake[key_set] = (all(_in_a_headline(text, o) for k in ks for o in by_key.get(k, ()))
                                    or not sex[p] and _opened_by_a_word(doc, ks, by_key))
    people = {p: ks for p, ks in people.items() if not no_namesake[frozenset(ks)]} or people
    title = _TITLE_BEFORE.search(text, max(0, s.start - 20), s.start)
    # "the Clinton administration", "the Reagan years": the president's, as "President Clinton" would be
    word = "president" if _PRESIDENCY_AFTER.match(text, s.end) else None
    if title and _is_title(title[1]) and not _HONORIFIC_SEX.search(title[0]):
        word = title[1].casefold()
    if word:
        # "President Bush", "Captain Khan": the namesake the document titled so ("President George W. Bush")
        titled = {p: ks for p, ks in people.items()
                  if any((t := _TITLE_BEFORE.search(text, max(0, o.start - 20), o.start))
                         and t[1].casefold() in (word, *TITLE_ABBREVIATIONS.get(word, ()))
                         for k in ks for o in by_key.get(k, ()))}
        people = titled or people
    honorific = _HONORIFIC_SEX.search(text, max(0, s.start - 6), s.start)
    if honorific:
        unwanted = "female" if honorific[1] else "male"
        people = {p: ks for p, ks in people.items() if sex[p] != unwanted} or people
    if given_name_gender(_surface(text, s)) is None:  # "Hillary", "John" open names, "Trump" closes them
        people = {p: ks for p, ks in people.items() if p[1] == key} or people
    if len(people) > 1 and len({sex[p] for p in people}) > 1:
        votes = doc.user_data.setdefault("storyline.surname_sex", {})  # once per surname and document
        if key not in votes:
            votes[key] = _pronoun_sex_after(doc, key, by_key)
        if told := votes[key]:
            people = {p: ks for p, ks in people.items() if sex[p] == told} or people
    return set().union(*people.values())


def _opened_by_a_word(doc: Doc, keys: set[str], by_key: dict[str, list[_Span]]) -> bool:
    """Does a "name" spelled so open with a word rather than a given name: one the document also writes in
    lower case ("Top Clinton" beside "top aides"), or one the tagger reads as a verb or an adjective?"""
    text = doc_text(doc)
    tried: set[str] = set()
    for o in sorted((o for k in keys for o in by_key.get(k, ())), key=lambda o: o.start):
        first = _surface(text, o).split()[0].lower()
        if first not in tried:
            tried.add(first)
            if re.search(rf"\b{re.escape(first)}\b", text):
                return True
        span = doc.char_span(o.start, o.end, alignment_mode="expand")
        if span is not None and span[0].tag_ in ("VBD", "VBN", "VBG", "JJ", "JJR", "JJS", "RB"):
            return True
    return False


def _in_a_headline(text: str, s: _Span) -> bool:
    """Is the span in a line written in title case ("Senator Endorsed Trump, Establishment Did Something"),
    where capitals say nothing of names?"""
    line_start = text.rfind("\n", 0, s.start) + 1
    line_end = text.find("\n", s.end)
    words = [w for w in text[line_start:line_end if line_end >= 0 else len(text)].split() if len(w) > 3]
    return len(words) >= 4 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)


def _pronoun_sex_after(doc: Doc, key: str, by_key: dict[str, list[_Span]]) -> str | None:
    """"male" or "female" when the first he/she-pronoun after each bare ``key`` that is a subject, in its
    sentence with no other person named between, is mostly (two to one, at least twice) of that sex."""
    text = doc_text(doc)
    votes: Counter = Counter()
    people = sorted(o.start for group in by_key.values() for o in group if o.label == "PERSON")
    for o in by_key.get(key, ()):
        if _HONORIFIC_SEX.search(text, max(0, o.start - 6), o.start):
            continue
        span = doc.char_span(o.start, o.end, alignment_mode="expand")
        if span is None or span.root.dep_ not in ("nsubj", "nsubjpass"):
            continue  # "Obama positioned Clinton as … he said": after an object, the pronoun is the subject's
        stop = _SENTENCE_STOP.search(text, o.end)
        m = _PRONOUN_SEX.search(text, o.end, stop.start() if stop else len(text))
        if m and not _any_between(people, o.end, m.start()):
            votes["male" if m[1] else "female"] += 1
    if not votes:
        return None
    (top, n), *rest = votes.most_common()
    return top if n >= 2 and n >= 2 * (rest[0][1] if rest else 0) else None


def _any_between(starts: list[int], a: int, b: int) -> bool:
    """Does the sorted list ``starts`` hold a value in [a, b)?"""
    i = bisect.bisect_left(starts, a)
    return i < len(starts) and starts[i] < b


def _means_state(doc: Doc, s: _Span) -> bool:
    """Is a capital used for its government ("Washington insisted", "talks between Washington and
    Pyongyang") rather than for the city ("went back to Washington", "the summit in Hanoi")?"""
    span: Span | None = doc.char_span(s.start, s.end, alignment_mode="expand")
    if span is None:
        return False
    return _token_means_state(span.root, depth=0)


def _token_means_state(tok: Token, depth: int) -> bool:
    if depth > 3:
        return False
    nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    if nxt is not None and re.fullmatch(r",?|D\.?C\.?", nxt.text) and nxt.text.startswith("D"):
        return False  # "Washington DC"
    dep = tok.dep_
    if dep in ("nsubj", "nsubjpass", "poss"):
        return True
    if dep == "dobj":
        return tok.head.lower_ not in _MOTION
    if dep == "pobj":
        prep = tok.head
        if prep.lower_ in _PLACE_PREPOSITIONS:
            return False
        if prep.lower_ == "of" and prep.head.lower_ in _CITY_NOUNS:
            return False
        if prep.lower_ == "about" and prep.head.lower_ in _TOPIC_NOUNS:
            return False  # "remarkable stories about Amsterdam", "a guide about Beijing": the city
        return prep.head.lower_ not in _MOTION
    if dep == "conj":
        head = tok.head
        if country_name(head.text) and head.ent_type_ in ("GPE", ""):
            return True
        return _token_means_state(head, depth + 1)
    return False
