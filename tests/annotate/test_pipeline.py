"""The per-document pipeline as assembled: offsets, speaker names, language, resumability."""

from dataclasses import replace

import pytest

from storyline.annotate.pipeline import annotate_document, annotate_documents
from storyline.corpus import Corpus
from storyline.ingest.document import build_document
from storyline.ingest.readers import RawInput, iter_inputs
from storyline.model import Document


@pytest.fixture(scope="module")
def sample_docs(sample_dir):
    return {r.source_path.rsplit("/", 1)[-1][:3]: build_document(r) for r in iter_inputs([sample_dir])
            if isinstance(r, RawInput)}


@pytest.fixture(scope="module")
def sample_annotations(sample_docs):
    return {key: annotate_document(doc) for key, doc in sample_docs.items()}


def test_every_span_slices_the_text_to_itself(sample_docs, sample_annotations):
    for key, ann in sample_annotations.items():
        text = sample_docs[key].text
        for item in [*ann.sentences, *ann.mentions, *ann.timexes, *ann.quotes]:
            assert text[item.start:item.end] == item.text, (key, item)
        for q in ann.quotes:
            if q.speaker_start is not None:
                assert text[q.speaker_start:q.speaker_end] == q.speaker_text


def test_timexes_are_read_against_the_documents_own_date(sample_docs, sample_annotations):
    kt = sample_annotations["004"]
    assert kt.dct == "2019-02-27"
    values = {t.text.lower(): t.value for t in kt.timexes}
    assert values["last year"] == "2018" and values["this year"] == "2019"


def test_the_tweet_is_quoted_and_attributed_to_trump(sample_annotations):
    tweet = [q for q in sample_annotations["003"].quotes if q.text.startswith("“Just landed")]
    assert len(tweet) == 1
    # Within 003 he is only ever "Trump" (his full name is in the photo caption, which is not body text);
    # the corpus links him to Donald Trump (tests/test_cli.py).
    assert tweet[0].kind == "direct" and tweet[0].speaker_name == "Trump" and tweet[0].cue == "tweeted"


def test_a_pronoun_speaker_is_named_within_the_document():
    text = ("Boris Johnson arrived in Washington on Monday for talks at the White House. "
            "“We have a great deal of work to do,” he told reporters outside the West Wing.")
    doc = Document(id="x", source_path="x", text=text, language="en", published="2019-07-01")
    (quote,) = [q for q in annotate_document(doc).quotes if q.kind == "direct"]
    assert quote.speaker_text == "he" and quote.speaker_name == "Boris Johnson"


def test_a_non_english_document_is_kept_but_not_analyzed():
    text = ("Le président américain Donald Trump a rencontré dimanche le dirigeant nord-coréen Kim Jong-un "
            "dans la zone démilitarisée qui sépare les deux Corées, une première historique.")
    doc = Document(id="fr", source_path="fr.txt", text=text, language="fr")
    (ann,) = annotate_documents([doc])
    assert ann.skipped_reason and "not English" in ann.skipped_reason
    assert ann.mentions == [] and ann.quotes == []


def test_parsing_in_two_processes_gives_the_same_analysis_in_the_same_order(sample_docs):
    french = Document(id="fr", source_path="fr.txt", language="fr",
                      text="Le président américain a rencontré dimanche le dirigeant nord-coréen.")
    # the sample op-eds, with their lengths varied so the two processes finish out of turn, and documents
    # not in English before, between and after them
    docs = [french] + [replace(d, id=f"{d.id}-{k}", text=d.text[:len(d.text) // (k + 1)])
                       for k in range(6) for d in sample_docs.values()] + [replace(french, id="fr-2")] * 2
    one = list(annotate_documents(docs, workers=1))
    two = list(annotate_documents(docs, workers=2))
    assert [a.document for a in two] == [d.id for d in docs]
    assert two == one
    assert sum(1 for a in two if a.skipped_reason) == 3 and all(a.mentions for a in two[1:-2])


def test_annotate_stage_resumes_and_does_not_redo_finished_documents(tmp_path, sample_dir):
    with Corpus(tmp_path / "s.db") as corpus:
        corpus.ingest([sample_dir])
        assert corpus.annotate() == 3
        assert corpus.annotate() == 0
        first = corpus.documents()[0]
        with corpus.store.transaction():
            corpus.store.conn.execute("DELETE FROM annotations WHERE document_id = ?", (first.id,))
        assert corpus.annotate() == 1  # only what a killed run left undone


def test_an_analysis_that_failed_is_tried_again_on_the_next_run_and_a_language_skip_is_not(tmp_path, sample_dir):
    from storyline.annotate.pipeline import ANALYSIS_VERSION
    from storyline.model import Annotations

    with Corpus(tmp_path / "s.db") as corpus:
        corpus.ingest([sample_dir])
        assert corpus.annotate() == 3
        first, second = corpus.documents()[:2]
        with corpus.store.transaction():  # what a failed analysis leaves (a bug since fixed, say)
            corpus.store.save_annotations(Annotations(document=first.id, dct=None, skipped_reason="analysis "
                                                      "failed (KeyError: 'x'): please report this document"),
                                          ANALYSIS_VERSION)
            corpus.store.conn.execute("UPDATE documents SET language = 'de' WHERE id = ?", (second.id,))
            corpus.store.save_annotations(Annotations(document=second.id, dct=None, skipped_reason="language "
                                                      "'de' is not English: not analyzed"), ANALYSIS_VERSION)
        assert corpus.annotate() == 1
        assert corpus.store.annotations(first.id).mentions and corpus.store.analysis_skips() == {
            second.id: "language 'de' is not English: not analyzed"}
        assert corpus.annotate() == 0


def test_link_refuses_annotations_of_an_older_version_until_they_are_redone(tmp_path, sample_dir):
    from storyline.errors import StorylineError

    with Corpus(tmp_path / "s.db") as corpus:
        corpus.ingest([sample_dir])
        corpus.annotate()
        with corpus.store.transaction():
            corpus.store.conn.execute("UPDATE annotations SET version = '1'")
        with pytest.raises(StorylineError, match="older version"):
            corpus.link()
        assert corpus.annotate() == 3  # redone, so link may run
        assert corpus.link().events


def test_an_explicit_dct_overrides_the_documents_date(sample_docs):
    doc = replace(sample_docs["000"])
    ann = annotate_document(doc, dct="2019-07-01")
    sunday = [t for t in ann.timexes if t.text.lower().endswith("sunday")]
    assert sunday and sunday[0].value == "2019-06-30"


def test_he_after_a_quote_continues_that_speaker_when_nobody_else_is_named():
    text = ("Donald Trump and Kim Jong-un met in Hanoi on Wednesday for a second summit. "
            "“It was a very productive meeting,” Trump told reporters at the hotel. "
            "“We will meet again soon,” he added.")
    doc = Document(id="x", source_path="x", text=text, language="en", published="2019-02-28")
    quotes = [q for q in annotate_document(doc).quotes if q.speaker_text]
    assert [(q.speaker_text, q.speaker_name) for q in quotes] == [("Trump", "Donald Trump"), ("he", "Donald Trump")]


def test_he_does_not_continue_a_speaker_when_another_person_was_named_in_between():
    text = ("Donald Trump and Kim Jong-un met in Hanoi on Wednesday for a second summit. "
            "“It was a very productive meeting,” Trump told reporters at the hotel. "
            "Kim Jong-un and Moon Jae-in spoke by phone later. “We will meet again soon,” he added.")
    doc = Document(id="x", source_path="x", text=text, language="en", published="2019-02-28")
    last = [q for q in annotate_document(doc).quotes if q.speaker_text][-1]
    assert last.speaker_text == "he" and last.speaker_name != "Donald Trump"


INTERVIEW = """Q&A with Foreign Minister Kang Kyung-wha.

Foreign Minister Kang Kyung-wha met reporters in Seoul on Tuesday, a day after talking with Secretary \
of State Mike Pompeo. She spoke with our correspondent Jane Doe about the summit. Kang has led the \
ministry since 2017.

Q: Will there be a third summit?

A: We hope so. The door is open, and "we will keep it open," as the president said.

Both sides have said so in public.

Q: What does Pyongyang want?

A: Sanctions relief, first of all.
"""


def _doc(text: str) -> Document:
    return Document(id="d", source_path="d.txt", text=text, word_count=len(text.split()), content_hash="h")


def test_interview_answers_are_quotes_of_the_interviewee():
    ann = annotate_document(_doc(INTERVIEW))
    answers = [q for q in ann.quotes if q.cue == "interview answer"]
    assert [q.text for q in answers] == [
        'We hope so. The door is open, and "we will keep it open," as the president said.',
        "Both sides have said so in public.", "Sanctions relief, first of all."]
    assert {q.speaker_name for q in answers} == {"Kang Kyung-wha"}
    assert all(INTERVIEW[q.start:q.end] == q.text for q in answers)
    # the quotation inside an answer is still its own quote, the questions are nobody's quotes
    assert any(q.text == '"we will keep it open,"' for q in ann.quotes)
    assert not any("third summit" in q.text for q in ann.quotes)


def test_one_q_and_a_pair_is_not_an_interview():
    text = "The minister took questions.\n\nQ: Will talks resume?\n\nA: Yes.\n"
    assert not [q for q in annotate_document(_doc(text)).quotes if q.cue == "interview answer"]


def test_an_explainer_in_q_and_a_form_is_the_outlets_voice_not_a_quote():
    text = ("What we know about the summit. Analyst Victor Cha has followed the talks.\n\n"
            "Q: Where is the summit?\n\nA: It is in Hanoi, Vietnam.\n\n"
            "Q: Who attends?\n\nA: Donald Trump and Kim Jong-un, with their delegations.\n")
    assert not [q for q in annotate_document(_doc(text)).quotes if q.cue == "interview answer"]


def test_a_speaker_phrase_with_a_possessive_is_not_the_possessors_words():
    text = ("Public defender Shannon Quill wrote that Lehel Lazar is a devoted father who was frustrated by his "
            "inability to find work.\n\n“We need him because life is very hard without him,” his wife wrote.")
    ann = annotate_document(Document(id="w", source_path="w.txt", text=text, published="2016-05-26"))
    [quote] = [q for q in ann.quotes if q.kind != "scare"]
    assert quote.speaker_text == "his wife" and quote.speaker_name is None


def test_he_after_a_quote_is_not_someone_the_quote_names():
    text = ("Martin Kaplan, a screenwriter, spoke about revivals.\n\n“MacGyver is a name that's in the culture,” "
            "he said.")
    ann = annotate_document(Document(id="k", source_path="k.txt", text=text, published="2016-05-26"))
    [quote] = [q for q in ann.quotes if q.kind != "scare"]
    assert quote.speaker_name == "Martin Kaplan"


def test_a_speaker_is_not_the_place_it_is_posted_to():
    text = ("China’s ambassador to Britain warned that the Chinese government “will not sit on our hands” if the "
            "situation in Hong Kong worsens.\n\n“We will respond firmly,” a spokesman for the Chinese Ministry of "
            "Foreign Affairs said on Tuesday.")
    ann = annotate_document(Document(id="a", source_path="a.txt", text=text, published="2019-11-20"))
    speakers = {q.speaker_text: q.speaker_name for q in ann.quotes if q.kind != "scare"}
    assert speakers["China’s ambassador to Britain"] == "China"
    assert speakers["a spokesman for the Chinese Ministry of Foreign Affairs"] == "Chinese Ministry of Foreign Affairs"


def test_he_added_after_a_long_quote_continues_its_speaker():
    text = ("Donald Trump spoke in Iowa on Friday.\n\nTrump said that “ethanol people” “do a fantastic job. And "
            "it’s so important. And it’s another form of, let’s stay away from OPEC. It’s so important. We will "
            "win.”\n\nHe added, “We need ethanol.”")
    ann = annotate_document(Document(id="e", source_path="e.txt", text=text, published="2016-01-20"))
    last = [q for q in ann.quotes if q.kind != "scare"][-1]
    assert last.speaker_text == "He" and last.speaker_name == "Donald Trump"


@pytest.mark.parametrize("dct", ["9999-12-31", "0001-01-01"])
def test_a_document_dated_at_the_calendars_ends_is_still_analyzed(dct):
    doc = Document(id="edge", source_path="edge.txt", language="en",
                   text="They met at Christmas and will meet again on Friday. The talks ended in March.")
    ann = annotate_document(doc, dct=dct)
    assert ann.skipped_reason is None and ann.timexes


def test_documents_are_parsed_in_one_process_per_core_but_no_more_than_there_are_batches(monkeypatch):
    from storyline.annotate import parsing

    monkeypatch.setattr(parsing.os, "cpu_count", lambda: 2)
    monkeypatch.setattr(parsing.sys, "platform", "linux")
    # one batch of documents is parsed in one process: a second would have nothing to do
    assert parsing.default_workers(3) == 1 and parsing.default_workers(16) == 1
    assert parsing.default_workers(17) == 2 and parsing.default_workers(10_000) == 2
    # one long text is parsed in pieces, two to a batch: its batches go to both processes
    assert parsing.default_workers(1, 150_000) == 1 and parsing.default_workers(1, 1_950_000) == 2
    batches = list(parsing._batches(["x" * 100_000] * 5 + ["y" * 5_000] * 40))
    assert [len(b) for b in batches] == [2, 2, 16, 16, 9]  # a piece and an article make a batch too
    monkeypatch.setattr(parsing.os, "cpu_count", lambda: 16)
    assert parsing.default_workers(10_000) == 4  # each worker holds a parser's memory
    monkeypatch.setattr(parsing.sys, "platform", "darwin")
    assert parsing.default_workers(10_000) == 1  # forking after system frameworks load is unsafe there


def _dies_on_boom(texts):
    import os

    from storyline.annotate import parsing

    if any("BOOM" in t for t in texts):
        os._exit(1)  # what the kernel's out-of-memory killer leaves: no exception, no reply
    return parsing._parse_batch_in_worker(texts)


def test_a_parsing_process_that_dies_neither_hangs_nor_loses_a_document(sample_docs, monkeypatch):
    from storyline.annotate import parsing

    if not parsing._can_fork():
        pytest.skip("worker processes are forked on Linux only")
    docs = [replace(d, id=f"{d.id}-{k}") for k in range(12) for d in sample_docs.values()]
    docs[20] = replace(docs[20], text="BOOM " + docs[20].text)
    one = list(annotate_documents(docs, workers=1))
    monkeypatch.setattr(parsing, "_parse_batch_in_worker", parsing._parse_batch, raising=False)
    monkeypatch.setattr(parsing, "_parse_batch", _dies_on_boom)
    with pytest.warns(RuntimeWarning, match="parsing process died"):
        two = list(annotate_documents(docs, workers=2))
    assert two == one


def test_pieces_of_a_long_text_join_back_into_it_and_end_at_paragraph_breaks(monkeypatch):
    import random

    from storyline.annotate import parsing

    monkeypatch.setattr(parsing, "PIECE_CHARS", 500)
    rng = random.Random(7)
    words = "Kim met Trump in Hanoi . The talks failed , he said .".split()
    for _ in range(50):
        paragraphs = [" ".join(rng.choice(words) for _ in range(rng.randint(1, 60))) for _ in range(rng.randint(1, 40))]
        text = "\n\n".join(paragraphs)
        pieces = parsing._pieces(text)
        assert "".join(pieces) == text
        assert all(0 < len(p) <= 500 for p in pieces)
        assert all(p.endswith("\n\n") for p in pieces[:-1] if "\n\n" in p[250:])
    assert parsing._pieces("x" * 1200) == ["x" * 500, "x" * 500, "x" * 200]  # no break anywhere: cut at the limit


def test_a_text_longer_than_spacy_takes_is_parsed_in_pieces_as_one_document(sample_docs, monkeypatch):
    from storyline.annotate import parsing
    from storyline.annotate.pipeline import load_nlp

    parts = [d.text for d in sample_docs.values()]
    long = replace(next(iter(sample_docs.values())), id="long", text="\n\n".join(parts * 2))
    (whole,) = annotate_documents([long])
    # spaCy refuses a text over nlp.max_length (a million characters): here 6,000, with pieces of 3,000
    monkeypatch.setattr(load_nlp(), "max_length", 6000)
    monkeypatch.setattr(parsing, "PIECE_CHARS", 3000)
    assert len(long.text) > 3 * 6000
    for workers in (1, 2):
        (ann,) = annotate_documents([long], workers=workers)
        assert ann.skipped_reason is None
        for item in [*ann.sentences, *ann.mentions, *ann.timexes, *ann.quotes]:
            assert long.text[item.start:item.end] == item.text
        # cut at paragraph breaks, which end sentences anyway, the pieces are read as the whole was
        assert ann == whole
        assert {"Kim Jong-un", "Donald Trump", "North Korea"} <= {m.name for m in ann.mentions[-50:]}


def test_a_text_spacy_fails_on_is_skipped_with_the_reason_and_its_batch_goes_on(sample_docs):
    from storyline.annotate import parsing

    docs = list(sample_docs.values())
    # a lone surrogate (ingest reads it as U+FFFD; a caller of the library can still pass one) makes
    # spaCy's tokenizer raise
    bad = replace(docs[1], id="bad", text=docs[1].text + " \ud800")
    batch = [docs[0], bad, docs[2]]
    expected = [annotate_document(docs[0]), annotate_document(docs[2])]
    for workers in ((1, 2) if parsing._can_fork() else (1,)):
        first, failed, third = annotate_documents(batch, workers=workers)
        assert failed.document == "bad" and failed.mentions == []
        assert "spaCy could not parse" in failed.skipped_reason and "surrogates" in failed.skipped_reason
        assert [first, third] == expected
