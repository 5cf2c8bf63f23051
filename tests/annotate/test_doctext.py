"""doctext: a parsed document's text and its tokens found by character, built once per Doc."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from storyline.annotate.doctext import doc_text, parsed_from, token_at

SAMPLE = Path(__file__).resolve().parents[2] / "examples" / "korea-summits"


@lru_cache(maxsize=1)
def nlp():
    from storyline.annotate.pipeline import load_nlp

    return load_nlp()


def test_token_at_finds_the_token_holding_each_character_of_a_real_op_ed():
    text = (SAMPLE / "000_87ab3ee824737c20.txt").read_text(encoding="utf-8")
    doc = nlp()(text)
    for tok in doc:
        for char in (tok.idx, tok.idx + len(tok.text) - 1):
            assert token_at(doc, char).i == tok.i
    spaces = [i for i, c in enumerate(text) if c == " " and not any(t.idx <= i < t.idx + len(t.text) for t in doc)]
    assert spaces and all(token_at(doc, i) is None for i in spaces[:50])
    assert token_at(doc, len(text) + 5) is None


def test_parsed_from_keeps_the_text_given_and_it_is_the_docs_text():
    text = "Kim Jong-un met  Donald Trump\u00a0in Hanoi.\n\n“It was good,” he said."
    doc = nlp()(text)
    assert doc_text(parsed_from(doc, text)) is text
    assert doc.text == text


def test_sentence_look_ups_agree_with_spacys_sentences_of_a_real_op_ed():
    from storyline.annotate.doctext import sentence_at, sentence_at_char, sentences

    text = (SAMPLE / "003_6fc8fe7da1af5feb.txt").read_text(encoding="utf-8")
    doc = nlp()(text)
    sents = list(doc.sents)
    assert list(sentences(doc)) == sents and sentences(doc)[2:4] == sents[2:4]
    for tok in doc:
        k = sentence_at(doc, tok.i)
        assert sents[k].start <= tok.i < sents[k].end
    for char in range(0, len(text), 7):
        k = sentence_at_char(doc, char)
        holding = [i for i, s in enumerate(sents) if s.start_char <= char < s.end_char]
        assert (k is None and not holding) or [k] == holding
