"""A person named by a description ("the senator", "the Republican presidential candidate") in a document.

News names a person once with a title ("Sen. Lindsey Graham", "Republican presidential candidate Donald
Trump", "Bill Clinton, the former president") and then by the title alone: "…," the senator said. The
description is the person the document last named with that title, before it, its words right before the
name or in an apposition after it. A description that names no one that way stays unresolved: no speaker
beats a wrong one.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

from storyline.annotate.gazetteer import TITLE_ABBREVIATIONS
from storyline.model import Mention

__all__ = ["anyone_titled", "plural", "resolve_description", "resolve_owned"]

_LESSER = {"vice", "deputy", "assistant", "associate", "lieutenant", "under", "co"}
# a description: "the" and up to four words, the last a lower-case noun ("the former president", "the
# Republican presidential candidate"); no "of" phrase ("the president of Mexico" needs Mexico's president)
_DESCRIPTION = re.compile(r"(?i:the)\s+((?:[\w’'.-]+\s+){0,3}[a-z][a-z-]+)")
_WORD = re.compile(r"[\w’'-]+")
# the title right before a name: its last words, back to the sentence's start or a comma
_TITLE_WORDS = 6
_STOP = re.compile(r"[.!?;:,\n\"“”(]\s")
_ABBREVIATED = re.compile(r"\b[A-Z][a-z]{0,3}$")
# an apposition after a name, up to its closing comma or the sentence's end: ", the former president,"
_APPOSITION = re.compile(r",\s+(?:the|a|an)\s+((?:[\w’'-]+\s+){0,5}[\w’'-]+)\s*(?:[,.;]|$)")
# ... or someone's: "Corey Lewandowski, Trump's campaign manager,"
_OWNED_APPOSITION = re.compile(r",\s+((?:[\w’'.-]+\s+){1,5}[\w’'-]+)\s*(?:[,.;]|$)")
_POSSESSIVE_END = re.compile(r"['’]s?$")


def resolve_description(text: str, start: int, description: str, mentions: list[Mention]) -> Mention | None:
    """The PERSON mention a description at ``start`` stands for, or None (see the module docstring)."""
    words = _words(description)
    if words is None:
        return None
    modifiers = set(words[:-1]) - {"former", "then", "late"}
    titled_so: list[tuple[int, Mention]] = []
    for cand, titled in _titled(text, start, words, mentions):
        score = len(modifiers & set(titled))
        if score == len(modifiers):
            return cand  # the nearest one the document titled so
        titled_so.append((score, cand))
    # not all its words were written with a title ("the Mexican president", "President Enrique Peña Nieto"):
    # the one person the document gave the title, when only one of that name had it
    return titled_so[0][1] if len({c.name for _, c in titled_so}) == 1 else None


def plural(noun: str) -> bool:
    """Whether a lower-case noun names several: "lawyers", "attendees" (not "press", "boss")."""
    return noun.endswith("s") and not noun.endswith("ss")


def resolve_owned(text: str, start: int, owner: Mention, role: list[str], mentions: list[Mention]) -> Mention | None:
    """The person the document named as the ``owner``'s ``role`` (its words, lower case, the noun last), for
    "Trump's campaign manager" at ``start``: "Trump campaign manager Corey Lewandowski", "Corey Lewandowski,
    Trump's campaign manager,"; the nearest before ``start``, else the first after it (news may name the
    person a paragraph on). None when it named no one so, or the role is a plural ("Cruz's lawyers")."""
    if not role or plural(role[-1]):
        return None
    owner_word = owner.name.split()[-1].casefold()
    later: list[Mention] = []
    for cand, title in _titled(text, len(text), role, mentions, owner.name):
        if cand.name != owner.name and owner_word in {_POSSESSIVE_END.sub("", w) for w in title}:
            if cand.end <= start:
                return cand
            if cand.start > start:
                later.append(cand)
    return min(later, key=lambda m: m.start, default=None)


def anyone_titled(text: str, start: int, description: str, mentions: list[Mention]) -> bool:
    """Whether the document titled anyone before ``start`` with the description's noun: then a description
    that names none of them ("the Republican candidate" after "candidate Bernie Sanders") is someone else."""
    words = _words(description)
    return words is not None and next(_titled(text, start, words, mentions), None) is not None


def _words(description: str) -> list[str] | None:
    """The description's words after "the", lower case, its noun last; None for no description of one person."""
    m = _DESCRIPTION.fullmatch(description.strip())
    if m is None:
        return None
    words = [w.casefold() for w in _WORD.findall(m.group(1).replace(".", ""))]  # "F.B.I." is "fbi"
    if plural(words[-1]):
        return None  # "the lawyers", "the attendees": some people, not one person
    return words


def _titled(text: str, start: int, words: list[str], mentions: list[Mention],
            owner: str | None = None) -> Iterator[tuple[Mention, list[str]]]:
    """The people before ``start`` titled with the noun of ``words``, nearest first, each with its title's
    words (before the name and in an apposition after it); ``owner``: the name of whom the title says the
    person is, which news also writes before a comma ("Trump's campaign manager, Corey Lewandowski,") and
    in an apposition without an article; a mention of the owner does not end the title."""
    head = words[-1]
    wanted = {head} | TITLE_ABBREVIATIONS.get(head, set())
    people = sorted((c for c in mentions if c.label == "PERSON" and c.end <= start), key=lambda c: -c.start)
    ends = sorted(p.end for p in people if p.name != owner)
    for cand in people:
        # the title is this name's: it starts after the name before it ("… Donald Trump and former President")
        before_it = bisect.bisect_right(ends, cand.start)
        limit = ends[before_it - 1] if before_it else 0
        before = _title_before(text, cand, limit, comma=owner is not None)
        after = _apposition_after(text, cand, _APPOSITION if owner is None else _OWNED_APPOSITION)
        # the title ends in the description's noun: "former President Bill Clinton", "Bill Clinton, the
        # former president," (not "in an email, Sanders" nor "Sanders, a fundraising email said")
        if not (before and before[-1] in wanted or after and after[-1] in wanted):
            continue
        # a lesser office of the same name is another office: "Vice President Joe Biden" is not "the president"
        lesser = {w for w in (before[-2:-1] + after[-2:-1]) if w in _LESSER}
        if lesser - set(words):
            continue
        yield cand, before + after


def _title_before(text: str, m: Mention, limit: int, comma: bool = False) -> list[str]:
    before = text[max(limit, m.start - 80):m.start]
    if comma:
        before = before.rstrip().removesuffix(",")
    for stop in reversed(list(_STOP.finditer(before))):
        if stop.group()[0] == "." and _ABBREVIATED.search(before, 0, stop.start()):
            continue  # "Vermont Sen. Bernie Sanders", "U.S. Rep."
        before = before[stop.end():]
        break
    before = re.sub(r"(?<=[A-Z])\.(?=[A-Z])", "", before)  # "F.B.I. Director" is "FBI Director"
    return [w.casefold() for w in _WORD.findall(before)][-_TITLE_WORDS:]


def _apposition_after(text: str, m: Mention, apposition: re.Pattern[str]) -> list[str]:
    found = apposition.match(text, m.end)
    return [w.casefold() for w in _WORD.findall(found.group(1))] if found else []
