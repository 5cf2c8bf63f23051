"""The text of a spaCy Doc and its tokens' offsets, built once: ``Doc.text`` joins every token on each
access and finding a token by its character walked the document, so reading either per quote or per
pronoun made those components quadratic in the document's length."""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from typing import TYPE_CHECKING, overload

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = ["doc_text", "parsed_from", "sentence_at", "sentence_at_char", "sentence_starts", "sentences", "token_at",
           "token_starts"]

_KEY = "storyline.text"
_STARTS = "storyline.token_starts"
_SENTS = "storyline.sentences"


def doc_text(doc: Doc) -> str:
    text = doc.user_data.get(_KEY)
    if text is None:
        text = doc.user_data[_KEY] = doc.text
    return text


def parsed_from(doc: Doc, text: str) -> Doc:
    """Record that ``doc`` is the parse of ``text``: spaCy's tokenizer keeps every character, so the text
    parsed is the Doc's text, and need not be joined back from its tokens."""
    doc.user_data[_KEY] = text
    return doc


def token_starts(doc: Doc) -> list[int]:
    """Each token's character offset, in order."""
    starts = doc.user_data.get(_STARTS)
    if starts is None:
        from spacy.attrs import IDX

        starts = doc.user_data[_STARTS] = doc.to_array(IDX).tolist()
    return starts


def token_at(doc: Doc, char: int) -> Token | None:
    """The token whose characters include ``char``; None for a character between tokens (a space)."""
    i = bisect.bisect_right(token_starts(doc), char) - 1
    if i < 0:
        return None
    tok = doc[i]
    return tok if char < tok.idx + len(tok.text) else None


class _Sentences(Sequence["Span"]):
    """A document's sentences as spans made on demand from their stored bounds (only numbers are kept in
    the Doc: a Span kept there would hold the Doc in a cycle, freed only by the garbage collector)."""

    def __init__(self, doc: Doc, bounds: list[tuple[int, int]]) -> None:
        self._doc, self._bounds = doc, bounds

    def __len__(self) -> int:
        return len(self._bounds)

    @overload
    def __getitem__(self, k: int) -> Span: ...

    @overload
    def __getitem__(self, k: slice) -> list[Span]: ...

    def __getitem__(self, k: int | slice) -> Span | list[Span]:
        if isinstance(k, slice):
            return [self._doc[a:b] for a, b in self._bounds[k]]
        a, b = self._bounds[k]
        return self._doc[a:b]


def _bounds(doc: Doc) -> tuple[list[tuple[int, int]], list[int], list[int], list[int]]:
    """Each sentence's token bounds, and its first token, first character and end character, in order."""
    found = doc.user_data.get(_SENTS)
    if found is None:
        sents = list(doc.sents)
        found = doc.user_data[_SENTS] = ([(s.start, s.end) for s in sents], [s.start for s in sents],
                                         [s.start_char for s in sents], [s.end_char for s in sents])
    return found


def sentences(doc: Doc) -> Sequence[Span]:
    """The document's sentences, in order (``Doc.sents`` walks every token on each access)."""
    return _Sentences(doc, _bounds(doc)[0])


def sentence_starts(doc: Doc) -> list[int]:
    """Each sentence's first character, in order."""
    return _bounds(doc)[2]


def sentence_at(doc: Doc, token_i: int) -> int:
    """The index in ``sentences(doc)`` of the sentence holding token ``token_i``."""
    return bisect.bisect_right(_bounds(doc)[1], token_i) - 1


def sentence_at_char(doc: Doc, char: int) -> int | None:
    """The index in ``sentences(doc)`` of the sentence whose characters include ``char``; None for the
    spaces after a sentence's last token."""
    _, _, starts, ends = _bounds(doc)
    k = bisect.bisect_right(starts, char) - 1
    return k if k >= 0 and char < ends[k] else None
