"""One actor per real-world entity across documents.

Each document already names its mentions (``Mention.name``: "Kim" -> "Kim Jong-un", "DPRK" -> "North
Korea", "Washington insisted" -> "United States"). Linking merges those names across documents:
spelling variants share a key ("Kim Jong-un" = "Kim Jong Un"), country names, codes and official
names share the gazetteer's canonical name, and a bare surname left unresolved in a document that never
spells the full name joins the one full name the corpus gives it (or the namesake most documents name).
A person's middle name, nickname or generation is the same person unless the corpus tells two such people
apart; an acronym joins the name other documents spell it out as, or the one name of its initials. A name
the tagger calls a person in some documents and something else in others takes the type the corpus gives
it twice as often (the price: a rare namesake person of a much-named place joins the place). Measured on
840 PolNeAR texts by ``benchmarks/actors_polnear.py``.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from storyline.annotate.entities import given_name_gender, is_given_name, person_name_parts
from storyline.annotate.gazetteer import (
    country_name,
    initialism,
    is_generation,
    name_key,
    normalize_space,
    us_state,
    without_accents,
)
from storyline.model import Actor, Mention

__all__ = ["ActorIndex", "actor_id", "link_actors"]

# A spelling is "common" when it has at least this share of the most used spelling's mentions; the
# fullest common one is the canonical name (so one stray "Donald John Trump" does not win).
_COMMON_SHARE = 0.2


@dataclass
class ActorIndex:
    actors: list[Actor] = field(default_factory=list)
    _by_mention: dict[tuple[str, int], str] = field(default_factory=dict, repr=False)
    _by_name: dict[str, str] = field(default_factory=dict, repr=False)  # canonical name key -> id
    _by_alias: dict[str, str] = field(default_factory=dict, repr=False)  # alias key -> id
    _by_id: dict[str, Actor] = field(default_factory=dict, repr=False)

    def actor_for(self, doc_id: str, mention_index: int) -> str:
        """The actor id of mention ``mention_index`` of document ``doc_id`` (KeyError if unknown)."""
        return self._by_mention[(doc_id, mention_index)]

    def find(self, name: str) -> Actor | None:
        """The actor a name stands for, case- and variant-insensitively ("kim jong un", "the U.S.", "DPRK")."""
        if not name or not name.strip():
            return None
        keys = [name_key(name)]
        if country := country_name(name):
            keys.insert(0, name_key(country))
        for key in keys:
            for table in (self._by_name, self._by_alias):
                if key in table:
                    return self._by_id[table[key]]
        # A bare surname: the one person actor whose name it opens or closes.
        people = [a for a in self.actors if a.type == "PERSON" and len(a.name.split()) > 1]
        hits = {a.id for a in people for w in (a.name.split()[0], a.name.split()[-1]) if name_key(w) == keys[-1]}
        return self._by_id[hits.pop()] if len(hits) == 1 else None


def actor_id(name: str, label: str) -> str:
    """A stable id from the canonical name and type: "person-donald-trump"."""
    # letters without their accents ("person-enrique-pena-nieto", not "person-enrique-pe-a-nieto")
    slug = re.sub(r"[^a-z0-9]+", "-", without_accents(normalize_space(name)).casefold().replace("'", "")).strip("-")
    return f"{label.lower()}-{slug or 'unnamed'}"


def link_actors(mentions_by_doc: dict[str, list[Mention]]) -> ActorIndex:
    """Cluster every document's mentions into actors (see the module docstring)."""
    cluster_of: dict[tuple[str, int], tuple[bool, str]] = {}
    members: dict[tuple[bool, str], list[Mention]] = {}
    docs_of: dict[tuple[bool, str], list[str]] = {}
    for doc_id, mentions in mentions_by_doc.items():
        for i, m in enumerate(mentions):
            key = _cluster_key(m)
            cluster_of[(doc_id, i)] = key
            members.setdefault(key, []).append(m)
            if doc_id not in docs_of.setdefault(key, []):
                docs_of[key].append(doc_id)

    names = {key: _canonical_name(ms) for key, ms in members.items()}  # each cluster's name, read once
    merged = _surnames_merged(members, docs_of, names)
    merged.update(_group_adjectives_merged(members))
    merged.update(_acronyms_merged(members, merged, docs_of, names))
    variants = _variants_merged(members, merged, docs_of, names)
    # a variant merged in does not rename its target ("Billionaire Donald Trump" is not the fuller name)
    named = {target: _canonical_name(members[target]) for target in variants.values()}
    merged.update(variants)
    merged.update(_types_merged(members, merged, names))
    merged = {key: _final(key, merged) for key in merged}  # "Pro" -> "MacBook Pro" (person) -> (product)
    for key, target in merged.items():
        members.setdefault(target, []).extend(members.pop(key))
        for d in docs_of.pop(key):
            if d not in docs_of.setdefault(target, []):
                docs_of[target].append(d)

    index = ActorIndex()
    id_of: dict[tuple[bool, str], str] = {}
    for key in sorted(members, key=lambda k: (-len(members[k]), k)):
        ms = members[key]
        name = named.get(key) or _canonical_name(ms)
        label = Counter(m.label for m in ms).most_common(1)[0][0]
        aid = actor_id(name, label)
        n = 2
        while aid in index._by_id:
            aid, n = f"{actor_id(name, label)}-{n}", n + 1
        aliases = sorted({normalize_space(m.text) for m in ms} | {name})
        actor = Actor(id=aid, name=name, type=label, aliases=aliases, mentions=len(ms),
                      documents=list(docs_of[key]))
        index.actors.append(actor)
        index._by_id[aid] = actor
        index._by_name.setdefault(name_key(name), aid)
        id_of[key] = aid
    # Aliases point at the biggest actor that has them ("Washington" the state beats a stray city use).
    for actor in index.actors:
        for alias in actor.aliases:
            index._by_alias.setdefault(name_key(alias), actor.id)
    for ref, key in cluster_of.items():
        index._by_mention[ref] = id_of[merged.get(key, key)]
    return index


def _cluster_key(m: Mention) -> tuple[bool, str]:
    """Persons and everything else apart ("Washington" the city is not George Washington); within
    each, the variant-insensitive key of the document's name, a country's canonical name first, also
    where it opens a body's name ("U.S. Senate" = "United States Senate"); a group's singular and plural
    are one ("Republicans" = "Republican")."""
    key = name_key(_with_country_prefix(_linked_name(m)) if m.label != "PERSON" else _linked_name(m))
    if m.label == "NORP" and len(key) > 4 and key.endswith("s") and not key.endswith("ss"):
        key = key[:-1]
    return (m.label == "PERSON", key)


def _with_country_prefix(name: str) -> str:
    """"U.S. Senate" -> "United States Senate": the country that opens a body's name, by its canonical name."""
    words = name.split()
    for n in (2, 1):
        if len(words) > n and words[n][:1].isupper() and (country := country_name(" ".join(words[:n]))):
            return " ".join([country, *words[n:]])
    return name


def _linked_name(m: Mention) -> str:
    """The document's name for a mention, a country's canonical name when it is one ("USA")."""
    name = normalize_space(m.name or m.text)
    if m.label != "PERSON" and (country := country_name(name)):
        return country
    return name


def _surnames_merged(members: dict[tuple[bool, str], list[Mention]], docs_of: dict[tuple[bool, str], list[str]],
                     names: dict[tuple[bool, str], str]) -> dict[tuple[bool, str], tuple[bool, str]]:
    """A person cluster that is only a surname ("Trump", "Wasserman Schultz": no given name, from a document
    that never gives the full name) -> the one longer person cluster whose name it opens or closes; none when
    several could claim it, unless the corpus names one of them far more than the others together."""
    full_names = [names[key] for key in members if key[0] and len(names[key].split()) > 1]
    parts = person_name_parts(full_names)
    tails: dict[str, set[str]] = {}
    for name in full_names:
        words = name.split()
        for n in range(2, len(words)):
            tails.setdefault(name_key(" ".join(words[-n:])), set()).add(name)
    merged: dict[tuple[bool, str], tuple[bool, str]] = {}
    for key in members:
        person, k = key
        if not person:
            continue
        words = names[key].split()
        if len(words) == 1 and k in parts:
            owners = {name_key(f) for f in parts[k]}
        elif len(words) > 1 and k in tails and not any(is_given_name(w) for w in words):
            owners = {name_key(f) for f in tails[k]}  # "Wasserman Schultz" -> "Debbie Wasserman Schultz"
        else:
            continue
        owners.discard(k)
        if len(owners) == 1:
            merged[key] = (True, owners.pop())
            continue
        if not owners:
            continue
        # Several full names end so ("Barack Obama", "Michelle Obama"; "Ronald Reagan", "Nancy Reagan"): the
        # one the corpus names in far more documents than all the others together (one obituary of Nancy
        # Reagan does not make her the "Reagan era"), or far more often and in no fewer documents, is who the
        # bare surname means in the news.
        mentions = {o: len(members.get((True, o), [])) for o in owners}
        documents = {o: len(docs_of.get((True, o), [])) for o in owners}
        top = max(owners, key=lambda o: (documents[o], mentions[o], o))
        if documents[top] >= _DOMINANT_DOCUMENTS and documents[top] >= _DOMINANT_SHARE * sum(documents.values()):
            merged[key] = (True, top)
            continue
        top = max(owners, key=lambda o: (mentions[o], documents[o], o))
        if mentions[top] >= _DOMINANT_MENTIONS and mentions[top] >= _DOMINANT_SHARE * sum(mentions.values()) \
                and documents[top] == max(documents.values()):
            merged[key] = (True, top)
    return merged


def _group_adjectives_merged(members: dict[tuple[bool, str], list[Mention]]) -> dict[tuple[bool, str], tuple[bool, str]]:
    """A group whose adjective adds "-ic" to its noun is one actor, as "Republican" and "Republicans" are:
    "Democratic" (a Democratic senator) and "Democrat(s)"."""
    groups = {key for key, ms in members.items() if not key[0] and ms[0].label == "NORP"}
    return {key: (False, key[1][:-2]) for key in groups if key[1].endswith("ic") and (False, key[1][:-2]) in groups}


_ACRONYM = re.compile(r"[A-Z](?:[A-Z&]|\.(?=[A-Z]))*\.?")  # "AP", "F.B.I.", "AT&T"
_ACRONYM_ESTABLISHED = 10


def _acronyms_merged(members: dict[tuple[bool, str], list[Mention]],
                     merged: dict[tuple[bool, str], tuple[bool, str]],
                     docs_of: dict[tuple[bool, str], list[str]],
                     names: dict[tuple[bool, str], str]) -> dict[tuple[bool, str], tuple[bool, str]]:
    """"AP" in one document, "The Associated Press (AP)" in another: an acronym joins the one name, of those
    initials, that the documents which spell it out give it (none when they give two; a state's postal code
    is no acronym of its name: "VA" is Virginia or Veterans Affairs), else the one name documents declare
    it another name of ("the Islamic State, also known as ISIS")."""
    expansions: dict[str, set[tuple[bool, str]]] = {}
    declared: dict[str, set[tuple[bool, str]]] = {}  # "the Islamic State, also known as ISIS"
    for key, ms in members.items():
        for m in ms:
            surface = normalize_space(m.text)
            letters = re.sub(r"[^A-Z]", "", surface)
            if m.label == "PERSON" or not 2 <= len(letters) <= 6 or not _ACRONYM.fullmatch(surface) \
                    or name_key(m.name) == name_key(surface):
                continue
            if initialism(m.name) == letters:
                expansions.setdefault(name_key(surface), set()).add(key)
            # another name a document gave it, not a place's code ("SC" -> South Carolina) nor a longer
            # name it is part of ("DNC" -> "Russians Hacked DNC")
            elif not (country_name(m.name) or us_state(m.name)) and name_key(surface) not in map(name_key, m.name.split()):
                declared.setdefault(name_key(surface), set()).add(key)
    # no document spells it out: the one organisation or place of the corpus whose initials it is ("NRA",
    # "National Rifle Association"), three letters at least; none when two are ("DNC": the Democratic
    # National Committee and the Democratic National Convention), nor when the acronym is established on its
    # own in ten times more documents than the name is written in ("ISIS" in 45 documents is not the one
    # mention of the Institute for Science and International Security)
    by_initials: dict[str, set[tuple[bool, str]]] = {}
    for key in members:
        if not key[0] and key not in merged and len(letters := initialism(names[key])) >= 3:
            by_initials.setdefault(letters.casefold(), set()).add(key)
    out: dict[tuple[bool, str], tuple[bool, str]] = {}
    for key, ms in members.items():
        person, short = key
        # the cluster must be the acronym written so, not a word with its letters ("Us", "Ap")
        if person or key in merged or not all(_ACRONYM.fullmatch(normalize_space(m.text)) for m in ms):
            continue
        owners = expansions.get(short)
        if not owners:
            owners = {o for o in declared.get(short, set()) or by_initials.get(short, set())
                      if _ACRONYM_ESTABLISHED * len(docs_of[o]) >= len(docs_of[key])}
        if len(owners) == 1 and (target := next(iter(owners))) != key:
            out[key] = target
    return out


def _final(key: tuple[bool, str], merged: dict[tuple[bool, str], tuple[bool, str]]) -> tuple[bool, str]:
    seen = {key}
    while key in merged and merged[key] not in seen:
        key = merged[key]
        seen.add(key)
    return key


_DOMINANT_SHARE = 0.8
_DOMINANT_MENTIONS = 10
_DOMINANT_DOCUMENTS = 3
_TYPE_DOMINANCE = 2


def _types_merged(members: dict[tuple[bool, str], list[Mention]], merged: dict[tuple[bool, str], tuple[bool, str]],
                  names: dict[tuple[bool, str], str]) -> dict[tuple[bool, str], tuple[bool, str]]:
    """One name the tagger calls a person in some documents and a product, organisation or place in
    others ("MacBook Pro": 64 mentions as ORG, 16 as PERSON) is one actor, of the type the corpus gives
    it at least twice as often; a name used about as often both ways stays two actors."""
    size = Counter({key: len(ms) for key, ms in members.items()})
    for key, target in merged.items():  # with the clusters already merged into it
        size[target] += len(members[key])
    out: dict[tuple[bool, str], tuple[bool, str]] = {}
    for key in members:
        person, k = key
        other = (False, k)
        if not person or other not in members:
            continue
        # either may already have joined a longer name ("RNC" -> "Republican National Committee", the
        # person "Obama" -> "Barack Obama"): the other joins it there ("Obama" tagged a place 72 times)
        person_target, other_target = _final(key, merged), _final(other, merged)
        if person_target == other_target:
            continue
        n_person, n_other = size[person_target], size[other_target]
        # a place or body called by a person's first name is no evidence of that person ("Chelsea",
        # "Elizabeth"): only a surname follows the full name it joined
        surname = person_target == key or name_key(names[person_target].split()[-1]) == k
        if n_other >= _TYPE_DOMINANCE * n_person and key not in merged:
            out[key] = other_target
        elif n_person >= _TYPE_DOMINANCE * n_other and other not in merged and surname:
            out[other] = person_target
    return out


_INITIAL = re.compile(r"^[A-Z]\.?$")


@dataclass(frozen=True)
class _PersonName:
    first: str  # name key of the given name
    middles: tuple[str, ...]  # name keys, an initial as its letter ("George H.W. Bush" -> ("h", "w"))
    last: str  # name key of the surname
    suffix: str  # "jr", "sr" or ""


def _person_name(words: list[str]) -> _PersonName:
    suffix = ""
    if len(words) > 2 and is_generation(words[-1]):
        suffix, words = words[-1].rstrip(".,").casefold(), words[:-1]
    middles: list[str] = []
    for w in words[1:-1]:
        letters = w.replace(".", "")
        # "H.W." is two initials; "Rodham" a middle name
        middles.extend(letters.casefold() if "." in w and letters.isupper() else [name_key(w)])
    return _PersonName(name_key(words[0]), tuple(middles), name_key(words[-1]), suffix)


@lru_cache(maxsize=4096)
def _given_names_match(a: str, b: str) -> bool:
    """"Joe" and "Joseph", "Bill" and "William": one is the other's formal name (the ``nicknames`` data,
    hand-curated), unless the two are names of different sexes ("Chris" and "Christine" are not one)."""
    if a == b:
        return True
    namer = _nick_namer()
    if a not in namer.canonicals_of(b) and b not in namer.canonicals_of(a):
        return False
    genders = {given_name_gender(a), given_name_gender(b)} - {None}
    return len(genders) < 2


@lru_cache(maxsize=1)
def _nick_namer():
    from nicknames import NickNamer

    return NickNamer()


def _middles_match(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """No middle name on one side, or the same ones, an initial standing for a name ("W" = "Walker")."""
    if not a or not b:
        return True
    if len(a) != len(b):
        return False
    return all(x == y or (len(x) == 1) != (len(y) == 1) and x[0] == y[0] for x, y in zip(a, b, strict=True))


def _variants_merged(members: dict[tuple[bool, str], list[Mention]],
                     merged: dict[tuple[bool, str], tuple[bool, str]],
                     docs_of: dict[tuple[bool, str], list[str]],
                     names: dict[tuple[bool, str], str]) -> dict[tuple[bool, str], tuple[bool, str]]:
    """More spellings of one person across documents:
    - a middle name or initial, a nickname, a generation: "Donald J. Trump" = "Donald Trump", "Hillary Rodham
      Clinton" = "Hillary Clinton", "Joseph R. Biden Jr." = "Joe Biden", "Patrick W. Carlineo Jr." = "Patrick
      Carlineo". Never when the name could be either of two people the corpus tells apart ("George Bush":
      George W. and George H. W. Bush), nor a "Jr." and the same name without it that one document names
      side by side (Donald Trump and Donald Trump Jr.);
    - a descriptor in front of a full name the corpus spells often: "Billionaire Donald Trump" (a
      capitalised word opening a sentence) = "Donald Trump", when that word opens no other name."""
    out: dict[tuple[bool, str], tuple[bool, str]] = {}
    people = {key: name.split() for key, name in names.items()
              if key[0] and key not in merged and len(name.split()) > 1}
    by_key = {key[1]: key for key in people}
    parsed = {key: _person_name(words) for key, words in people.items()}
    by_last: dict[str, list[tuple[bool, str]]] = {}
    for key, name in parsed.items():
        by_last.setdefault(name.last, []).append(key)

    # families in which one document names a "Jr." beside the same name without it: two people
    docs_by_generation: dict[tuple[str, str, bool], set[str]] = {}
    for key, name in parsed.items():
        docs_by_generation.setdefault((name.first, name.last, bool(name.suffix)), set()).update(docs_of[key])
    two_generations = {(first, last) for (first, last, suffixed), docs in docs_by_generation.items()
                       if suffixed and docs & docs_by_generation.get((first, last, False), set())}

    def same_person(a: tuple[bool, str], b: tuple[bool, str]) -> bool:
        x, y = parsed[a], parsed[b]
        if not (_given_names_match(x.first, y.first) and _middles_match(x.middles, y.middles)):
            return False
        if x.suffix == y.suffix:
            return True
        return not (x.suffix and y.suffix) and (x.first, x.last) not in two_generations \
            and (y.first, y.last) not in two_generations

    parent: dict[tuple[bool, str], tuple[bool, str]] = {}

    def root(k: tuple[bool, str]) -> tuple[bool, str]:
        while parent.get(k, k) != k:
            k = parent[k]
        return k

    for keys in by_last.values():
        if len(keys) < 2:
            continue
        partners = {a: [b for b in keys if b != a and same_person(a, b)] for a in keys}
        # a name is one person's only when everyone it could be is one person too
        unique = {a for a in keys if all(same_person(b, c) for i, b in enumerate(partners[a])
                                         for c in partners[a][i + 1:])}
        for a in keys:
            for b in partners[a]:
                if a in unique and b in unique:
                    parent[root(a)] = root(b)
    components: dict[tuple[bool, str], list[tuple[bool, str]]] = {}
    for key in parent:
        components.setdefault(root(key), []).append(key)
    for component in components.values():
        component = sorted(set(component) | {root(component[0])})
        target = max(component, key=lambda k: (len(members[k]), k))
        out.update({k: target for k in component if k != target})
    # a descriptor in front
    first_words = Counter(name_key(words[0]) for words in people.values())
    for key, words in people.items():
        if key in out or len(words) < 3 or first_words[name_key(words[0])] > 1:
            continue
        rest = by_key.get(name_key(" ".join(words[1:])))
        if rest is not None and rest != key and len(members[rest]) >= len(members[key]):
            out[key] = out.get(rest, rest)
    return out


def _canonical_name(ms: list[Mention]) -> str:
    """The fullest common form of the names a cluster's mentions carry, in its most used spelling (its
    accented one when that is common too)."""
    spellings = Counter(_linked_name(m) for m in ms)
    by_key: dict[str, Counter] = {}
    for spelling, n in spellings.items():
        by_key.setdefault(name_key(_with_country_prefix(spelling)), Counter())[spelling] += n
    totals = {k: sum(c.values()) for k, c in by_key.items()}
    top = max(totals.values())
    common = [k for k, n in totals.items() if n >= _COMMON_SHARE * top]
    # fullest by its words, a middle initial not counting ("Donald Trump" over one "Donald J. Trump")
    best = max(common, key=lambda k: (sum(not _INITIAL.match(w) for w in by_key[k].most_common(1)[0][0].split()),
                                      totals[k], k))
    # the spelling with its accents when it is a common one: outlets that print none lose them ("François
    # Hollande" over "Francois Hollande")
    ((first, most),) = by_key[best].most_common(1)
    accented = [sp for sp, n in by_key[best].most_common() if n >= _COMMON_SHARE * most and _accented(sp)]
    return accented[0] if accented and not _accented(first) else first


def _accented(name: str) -> bool:
    return not name.isascii() and any(unicodedata.combining(ch) for ch in unicodedata.normalize("NFD", name))
