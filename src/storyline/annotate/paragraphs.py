"""A paragraph break ends a sentence, whatever the parser would make of it.

spaCy's parser decides sentence boundaries, and it joins two paragraphs when the first ends without a full
stop (a headline, a list item, web copy: "… at the AMAs¶The statement, which was obtained by Variety,
claimed …"); the second paragraph's verbs then hang on the first one's. Registered as a spaCy component
that runs before the parser, which keeps boundaries already set.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

__all__ = ["PARAGRAPH_BREAKS"]

PARAGRAPH_BREAKS = "storyline_paragraph_breaks"


@Language.component(PARAGRAPH_BREAKS)
def paragraph_breaks(doc: Doc) -> Doc:
    """Mark the first word after a blank line as a sentence start."""
    for tok in doc[:-1]:
        if tok.is_space and tok.text.count("\n") >= 2:
            doc[tok.i + 1].is_sent_start = True
    return doc
