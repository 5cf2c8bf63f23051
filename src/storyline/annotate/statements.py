"""Whose words a statement speaks: "…," the statement read. "the letter says", "the ad claims", "the
campaign said".

News cites a written statement, a letter, an ad or a report once with its author ("Big Machine Records
issued a statement", "Cook provided a written statement", "a statement from the Sanders campaign", "said
in a statement") and then by the thing alone: "…," the statement continued. The thing is the last one of
that noun the text told of before the quote (in its sentence or the three before it, outside quotations)
and its author is who issued it, as the parse says: the subject of an issuing verb whose object it is,
the subject of the verb it was said "in", the "from"/"by" after it, or its possessor ("Trump's statement",
"the Clinton campaign": a campaign speaks for its candidate). A mention of the
thing that names no author ("The complaint, which was filed in court, alleged …") is passed over for the
one before it; an author the text does not give leaves the quote unnamed: no speaker beats a wrong one.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from storyline.annotate.doctext import sentence_at_char
from storyline.annotate.doctext import sentences as doc_sentences
from storyline.annotate.quotes import _speaker_bounds, quoted_spans
from storyline.annotate.verbforms import verb_forms

if TYPE_CHECKING:
    from collections.abc import Iterator

    from spacy.tokens import Doc, Token

__all__ = ["DOCUMENT_NOUNS", "DOCUMENT_SPEAKER", "document_before", "issuer_words"]

_DOCUMENTS = ("statement|email|e-mail|letter|memo|release|ad|advertisement|lawsuit|suit|complaint|filing|report|"
              "study|editorial|op-ed|post|tweet|message|video|spot|announcement|petition|affidavit|indictment")
DOCUMENT_NOUNS = frozenset(_DOCUMENTS.split("|"))
# "the statement", "the written statement", "the nearly 90-second ad", "The email"
DOCUMENT_SPEAKER = re.compile(rf"(?i:the)\s+(?:[\w-]+\s+){{0,2}}({_DOCUMENTS}|campaign)")
_DOCUMENT = re.compile(rf"(?:{_DOCUMENTS})s?", re.IGNORECASE)

# verbs whose object is a document its subject is the author of: "issued a statement", "is releasing a new ad"
_ISSUING = verb_forms(("issue", "release", "send", "post", "publish", "provide", "give", "file", "write", "sign",
                       "air", "run", "launch", "unveil", "circulate", "distribute", "email", "tweet", "put",
                       "make", "deliver", "submit", "prepare", "produce"))
_LOOKBACK = 3  # sentences before the quote's own


def issuer_words(doc: Doc, start: int, noun: str) -> tuple[int, int] | None:
    """The character span of the words naming the author of the ``noun`` (a document: "statement") the
    text told of last before ``start``, or None."""
    noun = noun.casefold()
    for tok in _told_before(doc, start, _LOOKBACK):
        if tok.lower_ not in (noun, noun + "s") or tok.pos_ != "NOUN":
            continue
        author = _author(tok)
        if author is not None:
            return _speaker_bounds(author, lambda t: True)  # the noun phrase, without its apposition
        if tok.dep_ not in ("nsubj", "nsubjpass"):
            return None  # the nearest mention of the thing names no author: nobody
    return None


def document_before(doc: Doc, start: int) -> str | None:
    """The document noun ("email", "memo") the text told of last, in the sentence of ``start`` or the one
    before it, outside quotations: what "it" stands for in '"…," it stated' after "Thursday's memo". None
    when a clause's subject comes between ("The memo … The committee said … it added" is the committee's)."""
    for tok in _told_before(doc, start, 1):
        if tok.pos_ == "NOUN" and _DOCUMENT.fullmatch(tok.text):
            return tok.lower_[:-1] if tok.lower_.endswith("s") and _DOCUMENT.fullmatch(tok.lower_[:-1]) \
                else tok.lower_
        if tok.pos_ in ("PROPN", "NOUN") and tok.dep_ in ("nsubj", "nsubjpass") and tok.head.tag_ in ("VBD", "VBZ", "VBP"):
            return None  # a clause's subject between: "it" is more likely that
    return None


def _told_before(doc: Doc, start: int, back: int) -> Iterator[Token]:
    """The words before ``start`` outside quotations, nearest first, in its sentence and ``back`` before it."""
    sentences = doc_sentences(doc)
    here = sentence_at_char(doc, start)
    if here is None:
        return
    quoted = quoted_spans(doc)
    for tok in reversed(doc[sentences[max(0, here - back)].start:sentences[here].end]):
        if tok.idx < start and not any(a <= tok.idx < b for a, b in quoted):
            yield tok


def _author(noun: Token) -> Token | None:
    for child in noun.children:
        if child.dep_ == "poss" and child.lower_ not in ("their", "our", "my", "your") \
                and child.ent_type_ not in ("DATE", "TIME"):
            return child  # "Trump's statement", "its statement" (not "Thursday's memo")
        if child.dep_ == "compound" and child.pos_ == "PROPN" and child.ent_type_ in ("PERSON", "ORG"):
            return child  # "The Clinton campaign suggested", "a Fox News statement"
        if child.dep_ == "prep" and child.lower_ in ("from", "by"):
            obj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if obj is not None:
                return obj  # "a statement from the Sanders campaign"
        if child.dep_ == "acl" and child.tag_ == "VBN":
            agent = next((c for c in child.children if c.dep_ == "agent"), None)
            obj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
            if obj is not None:
                return obj  # "a separate statement issued by the Sanders campaign"
    head = noun.head
    if noun.dep_ == "dobj" and head.lower_ in _ISSUING:
        return _subject(head)  # "Cook provided a written statement"
    if noun.dep_ == "pobj" and head.lower_ in ("in", "via", "through"):
        verb = head.head
        if verb.dep_ == "dobj" and verb.pos_ == "NOUN":
            verb = verb.head  # "denied the allegations in a statement", the parser hanging "in" on the noun
        if verb.pos_ in ("VERB", "AUX"):
            return _subject(verb)  # "Trump said in a statement"
    return None


def _subject(verb: Token) -> Token | None:
    for _ in range(3):
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is not None:
            return subject
        if verb.dep_ not in ("conj", "xcomp", "advcl") or verb.head is verb:
            return None
        verb = verb.head  # "… and released a statement": the subject of the first verb
    return None

