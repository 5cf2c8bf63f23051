"""The text of a spaCy Doc, built once: ``Doc.text`` joins every token on each access, so reading it
per quote or per pronoun made those components quadratic in the document's length."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["doc_text"]

_KEY = "storyline.text"


def doc_text(doc: Doc) -> str:
    text = doc.user_data.get(_KEY)
    if text is None:
        text = doc.user_data[_KEY] = doc.text
    return text
