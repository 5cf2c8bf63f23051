"""Who said it: a quote's speaker words named as an entity of the document.

The quote finder (``annotate.quotes``) marks the words that name a speaker ("Trump", "he", "the senator",
"a spokesman for the Chinese Ministry of Foreign Affairs"); this module names them: the entity those
words are or contain, the person a pronoun stands for (``annotate.pronouns``), the person a description
stands for (``annotate.descriptions``), the speaker of the quote just before for a "he added", and an
interview's answers for its interviewee. A person the words name as whose the speaker is ("Clinton's top aide
Jake Sullivan", "Schilling's son") is not the speaker: the words' own name is, or the person the document
titled so, or for a spokesperson, a campaign or a statement the principal (measured by
``benchmarks/speakers_polnear.py``). No speaker beats a wrong one.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from typing import TYPE_CHECKING

from storyline.annotate.descriptions import anyone_titled, plural, resolve_description, resolve_owned
from storyline.annotate.doctext import doc_text
from storyline.annotate.entities import looks_like_personal_name
from storyline.annotate.pronouns import SOMEONE, resolve_pronoun
from storyline.annotate.statements import DOCUMENT_NOUNS, DOCUMENT_SPEAKER, document_before, issuer_words
from storyline.model import Mention, Quote

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["name_interviewee", "resolve_speaker"]


def name_interviewee(answers: list[Quote], mentions: list[Mention]) -> None:
    """An interview's answers are the interviewee's: the person the introduction names most (the
    earliest on a tie), before the first answer. "Q&A with Vice President Joe Biden. … Biden spent
    Thursday … where he spoke with POLITICO's Michael Grunwald" is Biden's interview."""
    if not answers:
        return
    people = [m for m in mentions if m.label == "PERSON" and m.end <= answers[0].start]
    if not people:
        return
    counts = Counter(m.name for m in people)
    first = {}
    for k, m in enumerate(people):
        first.setdefault(m.name, k)
    name = min(counts, key=lambda n: (-counts[n], first[n]))
    who = people[first[name]]
    for q in answers:
        q.speaker_text, q.speaker_start, q.speaker_end = who.text, who.start, who.end


def _sentences_between(starts: list[int], start: int, end: int) -> int:
    """How many sentences (their sorted ``starts``) open between two offsets (a long quote's own sentences
    do not count against the "he added" that follows it)."""
    return bisect.bisect_left(starts, end) - bisect.bisect_left(starts, start)


# News convention: a quote attributed to "he"/"she" soon after another quote continues that speaker
# ("'...,' Trump said. ... 'We will see,' he added.") when the pronoun fits and no one else intervenes.
_CONTINUATION_SENTENCES = 3
_PERSON_PRONOUNS = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f"}
_SPEAKER_PRONOUNS = {"he", "she", "it", "they"}


_INDEFINITE = {"a", "an", "another", "one", "some", "any"}
# who or what speaks for a body: "a Twitter spokesman", "a report for Oxfam" are Twitter and Oxfam
# speaking, "a Twitter user", "a prominent Republican National Committee member" are not
_SPOKESPEOPLE = {"spokesman", "spokeswoman", "spokesperson", "representative", "official", "officials",
                 "statement", "aide", "aides", "source", "sources", "report", "study", "analysis", "poll",
                 "survey", "memo", "letter", "release", "filing", "document", "email", "ad", "spokesmen"}


# a body named by its kind: "the company", "the editorial board", "the group"
_BODY = re.compile(r"(?i:the)\s+(?:[a-z-]+\s+)?(company|firm|group|organi[sz]ation|newspaper|paper|network|agency|"
                   r"board|union|bank|government|administration|ministry|department|league|council|charity|"
                   r"committee|panel|commission)")
# a government may be named by its country ("China warned … the government said"); a ministry only by its
# name ("China's foreign ministry" after "Japanese comments" is not Japan)
_STATE_BODIES = {"government", "administration"}


# a person's role: a body or place before it is what the person belongs to, not who speaks
_ROLES = {"candidate", "nominee", "hopeful", "contender", "front-runner", "frontrunner", "lawmaker", "senator",
          "congressman", "congresswoman", "governor", "president", "mayor", "leader", "chairman", "chairwoman",
          "strategist", "operative", "activist", "voter", "supporter", "donor", "delegate", "member"}
# a description of one person by a role, read like a pronoun when no one in the document was titled so
_ONE_PERSON = re.compile(r"(?i:the)\s+(?:[\w’'.-]+\s+){0,4}(candidate|nominee|hopeful|contender|front-?runner|"
                         r"businessman|businesswoman|mogul|tycoon|billionaire|magnate|senator|congressman|"
                         r"congresswoman|governor|lawmaker|mayor)")
_APPOSED_NAME = re.compile(r",\s+(?=[A-Z])")  # a capital after the comma: a name in apposition
# who speaks for the owner a possessive pronoun names ("his wife" does not: she speaks for herself)
_OWNED = re.compile(r"(?i:his|her)\s+(?:[\w-]+\s+){0,2}([\w-]+)")  # "her campaign", "his initial statement"


# Someone a person is named with as their owner: "Grayson's spokeswoman", "a spokesman for Hillary Clinton",
# "Schilling's son", "supporters of Sanders", "Clinton's top aide Jake Sullivan". A name in apposition is
# the speaker (Jake Sullivan); else who speaks for the owner by news' convention is the owner: a
# spokesperson, a campaign or an office says what its principal says, and a statement, a tweet or a book are
# their author's words. Anyone else the words describe (a son, a lawyer, a campaign manager, supporters) is
# not the owner: the person the document named so ("Trump campaign manager Corey Lewandowski"), else no one.
_SPOKESPERSON = {"spokesman", "spokeswoman", "spokesperson", "rep", "representative", "publicist"}
_SPEAKS_FOR = DOCUMENT_NOUNS | _SPOKESPERSON | {
    "spokesmen", "spokeswomen", "spokespeople", "reps", "representatives", "campaign", "camp", "office", "team",
    "account", "website", "page", "feed", "remarks", "comments", "words", "speech", "story", "book", "memoir",
    "testimony", "interview", "column", "tweets", "posts", "statements", "letters", "emails"}
_POSSESSIVE = re.compile(r"(?:['’]s|(?<=s)['’])\s+")  # right after a name: "Grayson's", "Sanders’"
# a share of a group: a poll's figure ("75 percent of Democrats", "the share of Republicans", "most of them")
_PROPORTION = re.compile(r"(?i:\d[\d.,]*\s*(?:%|percent\b|per\s+cent\b)|(?:the|a)\s+(?:share|majority|minority|plurality|"
                         r"percentage|proportion|number)|(?:a\s+|one[\s-])?(?:third|quarter|half|fifth)|two[\s-]thirds|most|"
                         r"many|some|few)\s+(?:[\w-]+\s+){0,2}?of\s")
_PREPOSITION = re.compile(r"\s(?:for|of|at|from|with|in|on|to)\s")
_ROLE_WORD = re.compile(r"[\w’'-]+")

_HOSTING = re.compile(r"\b(?:to|in|at|from|with|on|about|into|against)\s+(?:the\s+)?$", re.IGNORECASE)


def resolve_speaker(quote: Quote, sdoc: Doc, mentions: list[Mention], sentence_starts: list[int],
                    previous: Quote | None = None, unquoted: list[Mention] | None = None) -> None:
    """Name the speaker: the entity the speaker words are (or contain), else the pronoun's or the
    description's person, else the author of the statement, letter or ad the words name, else (for he/she)
    the speaker of the quote just before, when nobody else was named in between."""
    if quote.speaker_start is None or quote.speaker_end is None:
        return
    candidates = mentions if unquoted is None else unquoted  # names said outside quotes
    words = quote.speaker_text or ""
    found = _named(sdoc, quote.speaker_start, quote.speaker_end, words, mentions, candidates)
    if found is None and (author := _author_words(sdoc, quote.speaker_start, words)) is not None:
        start, end = author
        found = _named(sdoc, start, end, doc_text(sdoc)[start:end], mentions, candidates)
    if found is None and previous is not None and previous.speaker_label == "PERSON" \
            and words.casefold() in _PERSON_PRONOUNS \
            and _sentences_between(sentence_starts, previous.end, quote.start) <= _CONTINUATION_SENTENCES:
        others = {m.name for m in mentions if m.label == "PERSON" and previous.end <= m.start < quote.speaker_start}
        if others <= {previous.speaker_name}:
            quote.speaker_name, quote.speaker_label = previous.speaker_name, "PERSON"
            quote.speaker_aliases = list(previous.speaker_aliases)
        return
    if found is None:
        return
    quote.speaker_name = found.name
    quote.speaker_label = found.label
    quote.speaker_aliases = sorted({m.text for m in mentions if m.name == found.name} | {found.name})


def _owners(sdoc: Doc, text: str, start: int, end: int, inside: list[Mention],
            people: list[Mention]) -> list[tuple[Mention, int, int]]:
    """The people the speaker words at [start, end) name as someone's owner, each with where the words for
    what they own start and end: a possessor with words after it ("Grayson's spokeswoman"), or the object of
    a preposition after a common noun ("a spokesman for Hillary Clinton", not "Secretary of State John
    Kerry", whose "Secretary" the parse reads as a proper noun)."""
    owners = []
    for m in people:
        possessive = _POSSESSIVE.match(text, m.end)
        if possessive and possessive.end() < end:
            role_end = _PREPOSITION.search(text, possessive.end(), end)
            owners.append((m, possessive.end(), role_end.start() if role_end else end))
            continue
        span = sdoc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None:
            continue
        prep = span.root.head
        noun = prep.head
        # a plural noun opening the sentence may be tagged a proper one: "Attorneys for Clinton wrote"
        common = noun.pos_ == "NOUN" or noun.is_sent_start and noun.pos_ == "PROPN" and not noun.ent_type_ \
            and plural(noun.lower_)
        if span.root.dep_ == "pobj" and prep.dep_ == "prep" and common and start <= noun.idx \
                and not any(o.start < m.start and o.end > prep.idx for o in inside if o is not m):
            owners.append((m, start, noun.idx + len(noun)))
    return owners


def _apposed_person(text: str, end: int, candidates: list[Mention]) -> Mention | None:
    """The person named in apposition right after the words ending at ``end``: ", John Podesta,"."""
    comma = _APPOSED_NAME.match(text, end)
    return None if comma is None else next((m for m in candidates if m.start == comma.end() and m.label == "PERSON"), None)


def _body_role(text: str, end: int, body: Mention, inside: list[Mention]) -> str | None:
    """The words after a body's possessive up to a preposition, when the speaker words (ending at ``end``)
    name no other body after it: "Florida's [Republican attorney general]", "DNAinfo's [Eddie Small]"."""
    possessive = _POSSESSIVE.match(text, body.end)
    if possessive is None or possessive.end() >= end \
            or any(m.start >= possessive.end() and m.label != "NORP" for m in inside):  # "Republican" modifies
        return None
    role_end = _PREPOSITION.search(text, possessive.end(), end)
    return text[possessive.end():role_end.start() if role_end else end].rstrip() or None


def _for_owner(text: str, start: int, end: int, owned: tuple[Mention, int, int], inside: list[Mention],
               candidates: list[Mention]) -> Mention | None:
    """Who speaks in the words at [start, end) that name a person only as the owner of what speaks (see
    ``_SPEAKS_FOR``)."""
    owner, role_start, role_end = owned
    role = text[role_start:role_end].rstrip()
    # a body or thing named as what the owner has is the speaker: "Sanders's hometown Burlington Free Press"
    named = [m for m in inside if m.start >= role_start and m.end == role_start + len(role) and m.label != "PERSON"]
    if named:
        return named[0]
    words = [w.casefold() for w in _ROLE_WORD.findall(role)]
    if not words:
        return None
    several = plural(words[-1]) and words[-1] not in _SPEAKS_FOR
    # ... and so is a person named in apposition: "Clinton's campaign chairman, John Podesta, said" (not one
    # of several: "Henry Clay's biographers, David and Jeanne Heidler,")
    if not several and (apposed := _apposed_person(text, end, candidates)) is not None:
        return apposed
    if words[-1] in _SPOKESPERSON:
        # a spokesperson the document names ("Clinton spokesman Brian Fallon") speaks, else for the principal
        return resolve_owned(text, start, owner, words, candidates) or owner
    if words[-1] in _SPEAKS_FOR:
        return owner
    return resolve_owned(text, start, owner, words, candidates)


def _author_words(sdoc: Doc, start: int, words: str) -> tuple[int, int] | None:
    """Where the text names who issued the document the speaker words stand for: "…," the statement read
    ("Big Machine issued a statement"); '"…," it stated' after "Thursday's memo from the panel"."""
    if document := DOCUMENT_SPEAKER.fullmatch(words):
        noun = document.group(1)
    elif words.casefold() == "it":
        noun = document_before(sdoc, start)
    else:
        return None
    return issuer_words(sdoc, start, noun) if noun else None


def _named(sdoc: Doc, start: int, end: int, words: str, mentions: list[Mention],
           candidates: list[Mention]) -> Mention | None:
    """The entity the words at [start, end) name: one they are or contain, a pronoun's or a description's
    person, a body named by its kind; ``candidates``: the mentions a pronoun or a description may name."""
    text = doc_text(sdoc)
    inside = [m for m in mentions if m.start < end and m.end > start]
    found: Mention | None = None
    described = False  # whether resolve_description was asked already
    if inside:
        # "the spokesman of the Chinese Ministry of Foreign Affairs": the head is usually the last entity,
        # but a PERSON named in the phrase is the speaker ("White House spokesman Sean Spicer").
        people = [m for m in inside if m.label == "PERSON"]
        owners = _owners(sdoc, text, start, end, inside, people)
        if owners and len(owners) == len(people):
            return _for_owner(text, start, end, owners[0], inside, candidates)
        owned = {id(m) for m, _, _ in owners}
        people = [m for m in people if id(m) not in owned]  # "Clinton's top aide Jake Sullivan" is Sullivan
        # ... and a place or body the speaker is posted to or speaks at is not the speaker: "China's
        # ambassador to Britain" is not Britain
        own = [m for m in inside if not _HOSTING.search(text, max(start, m.start - 10), m.start)]
        # ... nor is a people or party named as a modifier: "Democratic inquisitors", "the anti-Scottish
        # crowd" are some people, not the Democratic Party or the Scots ("Democrats said" is the party's)
        own = [m for m in own if m.label != "NORP" or m.end >= end]
        found = people[0] if people else own[-1] if own else None
        if found is not None and found.label == "NORP" and _PROPORTION.match(words):
            return None  # "75 percent of Democrats", "the share of Republicans": a poll's figure, not the party
        if found is not None and found.label != "PERSON" and (role := _body_role(text, end, found, inside)):
            if looks_like_personal_name(role):
                return None  # "DNAinfo's Eddie Small": a person's name the model missed, not the body
            words = [w.casefold() for w in _ROLE_WORD.findall(role)]
            if role[-1].islower() and words[-1] not in _SPEAKS_FOR and words[-1] not in _SPOKESPEOPLE:
                # "Google's chief human resources executive" is the person named in apposition or titled so;
                # else the body speaks through its officer, as through "a Google official"
                return _apposed_person(text, end, candidates) or resolve_owned(text, start, found, words, candidates) \
                    or found
        # the head noun: the last word before a preposition ("a spokesman for the Chinese Ministry")
        heads = re.split(r"\s+(?:for|of|at|from|with|in|on)\s+", words, maxsplit=1)[0].split()
        name_opening = heads[:1] == ["One"] and len(heads) > 1 and heads[1][:1].isupper()  # "One Home Depot"
        if found is not None and found.label != "PERSON" and len(heads) > 1 and heads[0].casefold() in _INDEFINITE \
                and not name_opening and (found.label == "NORP" or heads[-1].casefold() not in _SPOKESPEOPLE):
            found = None  # "a New Hampshire Republican", "another Twitter user": someone, not the group
            # (a name that opens with the word is still the name: "One Home Depot" is Home Depot's plan)
        elif found is not None and found.label != "PERSON" and len(heads) > 1 and heads[-1].islower():
            described = True
            if (person := resolve_description(text, start, words, candidates)) is not None:
                found = person  # "the Florida senator" is Marco Rubio, not Florida
            elif heads[-1].casefold() in _ROLES:
                found = None  # "the GOP presidential candidate" no one was titled so: some person, not the GOP
    elif words.casefold() in _SPEAKER_PRONOUNS:
        # only a pronoun that is the whole speaker: "his wife" is not the man "his" stands for
        found = resolve_pronoun(sdoc, start, candidates)
    if found is None and words and words.casefold() not in _SPEAKER_PRONOUNS and not described:
        # "the senator", "the Republican candidate": the person the document last titled so ("Sen. Lindsey
        # Graham", "Republican presidential candidate Donald Trump")
        found = resolve_description(text, start, words, candidates)
    if found is None and (role := _ONE_PERSON.fullmatch(words)) and not anyone_titled(text, start, words, candidates):
        # "the candidate", "the billionaire businessman": news calls the person it was just telling of by
        # a role, as it would say "he": the story's main person, when the sentence before has them as subject
        named = _APPOSED_NAME.match(text, end)
        if named:  # "the presumptive GOP presidential nominee, Donald Trump, tweeted"
            found = next((m for m in candidates if m.start == named.end() and m.label == "PERSON"), None)
        else:  # not "said the candidate, adding …": that comma names no one
            found = resolve_pronoun(sdoc, start + role.start(1), candidates, as_pronoun=SOMEONE)
    if found is None and (owned := _OWNED.fullmatch(words)) and owned.group(1).casefold() in _SPEAKS_FOR:
        # "her campaign said", "his spokesman said": they speak for the person the pronoun stands for
        found = resolve_pronoun(sdoc, start, candidates)
    if found is None and (body := _BODY.fullmatch(words)):
        # "Twitter acknowledged that … '…,' the company said": a body's common noun is read as "it", the
        # organisation the text was just telling of as a subject, in this sentence or the two before, unless a
        # subject of the same noun came between ("the trade group for the plans spelled out … the group")
        labels = ("ORG", "GPE") if body.group(1).casefold() in _STATE_BODIES else ("ORG",)
        found = resolve_pronoun(sdoc, start + body.start(1), candidates, as_pronoun="it",
                                labels=labels, displacing=frozenset({body.group(1).casefold()}))
    return found
