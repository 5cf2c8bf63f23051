"""A paragraph break ends a sentence in annotate's parse, even after a line with no full stop."""

from __future__ import annotations

from storyline.annotate.pipeline import load_nlp
from storyline.annotate.quotes import find_quotes


def test_a_blank_line_starts_a_sentence_the_parser_would_have_joined():
    text = ("Swift scolded her former label for keeping her from performing her hits at the AMAs\n\n"
            "The statement, which was obtained by Variety, claimed that the two companies had “come to terms "
            "on a licensing agreement that approves their artists’ performances.”")
    doc = load_nlp()(text)
    starts = [s.start_char for s in doc.sents]
    assert text.index("The statement") in starts
    [quote] = find_quotes(doc)
    assert quote.speaker_text == "The statement"


def test_a_single_line_break_is_left_to_the_parser():
    text = "The minister said on Monday that talks\nwould resume."
    assert len(list(load_nlp()(text).sents)) == 1
