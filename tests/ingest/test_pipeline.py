"""Ingest end to end: the sample corpus, bad input, idempotence, duplicates, and resuming a killed run."""

import gzip
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import time

import pytest

from storyline.corpus import Corpus
from storyline.ingest.pipeline import ingest
from storyline.store import Store

ARTICLE = (
    "North Korean leader Kim Jong-un and US President Donald Trump met on Sunday at the Demilitarized Zone "
    "that divides the Korean Peninsula. The unique and unexpected meeting seemed like a decision that Trump "
    "made on a whim. Whether it was an impromptu decision or an elaborate arrangement, the meeting will help "
    "push forward the stalled talks between the two countries, analysts in Seoul and Beijing said.\n\n"
    "After the Hanoi meeting failed in February 2019, North Korea and the US were deadlocked. Both sides "
    "have since signalled that working-level negotiations could resume within weeks."
)


def _counts(report):
    return {k: v for k, v in report.counts.items() if v}


def test_sample_corpus_becomes_three_dated_titled_documents(tmp_path, sample_dir):
    with Store(tmp_path / "s.db") as store:
        report = ingest([sample_dir], store)
        docs = list(store.documents())
    assert _counts(report) == {"added": 3}
    assert all(d.published for d in docs), [(d.source_path, d.published) for d in docs]
    by_name = {os.path.basename(d.source_path): d for d in docs}
    kt = by_name["004_c87f3f784faec3fe.txt"]
    assert kt.published.startswith("2019-02-27") and kt.published_inferred is False
    assert kt.updated and kt.updated.startswith("2019-02-27")
    assert by_name["003_6fc8fe7da1af5feb.txt"].title == "Trump-Kim Summit: Seeking a Sense of Security"
    assert by_name["000_87ab3ee824737c20.txt"].published_inferred is True
    for d in docs:
        assert "Related articles" not in d.text and "More news from" not in d.text
        assert "Photo:" not in d.text and "Follow us on" not in d.text
        assert d.language == "en" and d.word_count > 200


def test_reingesting_the_same_files_adds_nothing(tmp_path, sample_dir):
    with Store(tmp_path / "s.db") as store:
        ingest([sample_dir], store)
        again = ingest([sample_dir], store)
        assert _counts(again) == {"unchanged": 3}
        assert store.count_documents() == 3


def test_the_same_article_from_another_path_or_format_adds_nothing(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE)
    (tmp_path / "copy").mkdir()
    (tmp_path / "copy" / "b.txt.gz").write_bytes(gzip.compress(ARTICLE.encode()))
    (tmp_path / "c.jsonl").write_text(json.dumps({"text": ARTICLE.replace("\n\n", "\n\n  ")}) + "\n")
    with Store(tmp_path / "s.db") as store:
        report = ingest([tmp_path], store)
        assert store.count_documents() == 1
        # the export still accounts for every input: the two copies are listed with the path they repeat
        from storyline.present.export import build_export

        skipped = build_export(store)["skipped"]
    assert _counts(report) == {"added": 1, "duplicate": 2}
    assert len(skipped) == 2 and all("the same text as" in s["reason"] and "a.txt" in s["reason"] for s in skipped)


def test_near_duplicate_is_stored_with_duplicate_of(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE)
    edited = ARTICLE.replace("analysts in Seoul and Beijing said", "experts in Seoul said on Monday")
    (tmp_path / "b.txt").write_text("Photo: AFP\n\n" + edited + "\n\nRelated articles\nOther story\n")
    with Store(tmp_path / "s.db") as store:
        ingest([tmp_path / "a.txt"], store)
        ingest([tmp_path / "b.txt"], store)
        first, second = list(store.documents())
    assert second.duplicate_of == first.id and first.duplicate_of is None


def test_bad_inputs_are_named_and_the_batch_goes_on(tmp_path):
    (tmp_path / "good.txt").write_text(ARTICLE)
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "binary.bin").write_bytes(bytes(range(256)) * 20)
    (tmp_path / "broken.txt.gz").write_bytes(b"\x1f\x8b\x08\x00garbage")
    (tmp_path / "nav.html").write_text("<html><body><nav><a href='/'>Home</a></nav></body></html>")
    (tmp_path / "lines.jsonl").write_text('{"text": "too short"}\n{oops\n')
    (tmp_path / "dir.txt").mkdir()
    with Store(tmp_path / "s.db") as store:
        report = ingest([tmp_path, tmp_path / "dir.txt"], store)
        reasons = {os.path.basename(s.source_path): s.reason for s in store.skipped()}
    assert report.counts["added"] == 1
    assert set(reasons) >= {"empty.txt", "binary.bin", "broken.txt.gz", "nav.html", "lines.jsonl#1",
                            "lines.jsonl#2"}
    assert all(len(r.split()) >= 5 for r in reasons.values()), reasons
    assert all(":" in r for r in reasons.values()), "every reason says what to do next"


def test_size_cap_is_configurable(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE)
    with Store(tmp_path / "s.db") as store:
        report = ingest([tmp_path], store, max_bytes=100)
    assert report.counts == {"skipped": 1}


def _write_corpus(folder, n):
    rng = random.Random(3)
    words = ARTICLE.split()
    for i in range(n):
        text = " ".join(rng.choice(words) for _ in range(120)) + f" Item {i}."
        (folder / f"{i:04d}.txt").write_text(text)


def _snapshot(db):
    with Store(db) as store:
        assert store.integrity_check() == "ok"
        docs = sorted((d.id, d.text, d.duplicate_of) for d in store.documents())
        inputs = store.conn.execute("SELECT COUNT(*) FROM inputs").fetchone()[0]
    return docs, inputs


@pytest.mark.slow
def test_a_killed_ingest_resumes_to_the_same_result(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    _write_corpus(corpus, 150)
    ingest_cmd = [sys.executable, "-c",
                  "import sys; from storyline.corpus import Corpus; Corpus(sys.argv[2]).ingest([sys.argv[1]])",
                  str(corpus)]
    subprocess.run([*ingest_cmd, str(tmp_path / "clean.db")], check=True)
    expected = _snapshot(tmp_path / "clean.db")

    killed = tmp_path / "killed.db"
    rng = random.Random(11)
    for _ in range(4):  # kill -9 at random moments, several times over
        proc = subprocess.Popen([*ingest_cmd, str(killed)])
        time.sleep(rng.uniform(0.8, 2.5))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    subprocess.run([*ingest_cmd, str(killed)], check=True)
    assert _snapshot(killed) == expected


def test_corpus_api_and_store_agree(tmp_path, sample_dir):
    shutil.copytree(sample_dir, tmp_path / "in")
    with Corpus(tmp_path / "s.db") as corpus:
        corpus.ingest([tmp_path / "in"])
        assert len(corpus.documents()) == 3 and corpus.skipped() == []


def test_a_non_utf8_file_name_and_a_lone_surrogate_neither_stop_the_batch_nor_repeat(tmp_path):
    # both crashed the whole ingest at the store's insert ("surrogates not allowed") before
    folder = tmp_path / "in"
    folder.mkdir()
    with open(os.path.join(os.fsencode(folder), b"caf\xe9.txt"), "wb") as f:
        f.write(ARTICLE.encode("utf-8"))
    records = [{"text": "The central bank held rates in Seoul \ud800 on Thursday, citing slowing exports and a weak "
                        "won, and said it would watch household debt closely over the coming months.",
                "title": "Broken \udc80 title"},
               {"text": "Flooding closed schools across the province on Monday as rivers rose after a week of "
                        "rain, and officials said the clean-up would take until the end of the month."}]
    (folder / "feed.jsonl").write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    with Store(tmp_path / "s.db") as store:
        first = ingest([folder], store)
        docs = {d.source_path: d for d in store.documents()}
        again = ingest([folder], store)
    assert _counts(first) == {"added": 3} and _counts(again) == {"unchanged": 3}
    named = docs[f"{folder}/caf\\xe9.txt"]
    assert named.text.startswith("North Korean leader")
    broken = docs[f"{folder}/feed.jsonl#1"]
    assert "Seoul \ufffd" in broken.text and broken.title == "Broken \ufffd title"


def test_a_feed_entry_with_only_its_summary_says_where_the_article_is(tmp_path):
    # it had been rejected as "the HTML page has no article text (maybe an index/login/paywall page)"
    body = "".join(f"<p>{p}</p>" for p in ARTICLE.split("\n\n"))
    rss = f"""<?xml version="1.0"?><rss version="2.0"><channel><title>Example News</title>
    <item><title>Summit</title><link>https://example.com/full</link><description><![CDATA[{body}]]></description></item>
    <item><title>Teaser</title><link>https://example.com/teaser</link>
    <description><![CDATA[<p>The leaders met at the border. <a href="https://example.com/teaser">Read more</a></p>]]></description>
    </item></channel></rss>"""
    (tmp_path / "feed.xml").write_text(rss, encoding="utf-8")
    with Store(tmp_path / "s.db") as store:
        report = ingest([tmp_path / "feed.xml"], store)
        (skipped,) = store.skipped()
    assert _counts(report) == {"added": 1, "skipped": 1}
    assert skipped.source_path.endswith("feed.xml#2")
    assert skipped.reason == ("the feed entry carries only a summary (8 words), not the article: save its page "
                              "(https://example.com/teaser) and ingest that HTML")
