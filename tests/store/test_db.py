import sqlite3

import pytest

from storyline.errors import StoreError
from storyline.model import Annotations, Document, Mention, Skipped, Timex
from storyline.store import Store
from storyline.store.migrations import SCHEMA_VERSION


def _doc(i: int = 1, **kw) -> Document:
    base = dict(id=f"d{i}", source_path=f"a{i}.txt", text=f"Body {i}.", word_count=2, content_hash=f"h{i}",
                authors=["A. Writer"], notes=["n"])
    base.update(kw)
    return Document(**base)


def test_new_store_is_migrated_to_the_latest_schema_in_wal_mode(tmp_path):
    with Store(tmp_path / "s.db") as store:
        assert store.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert store.integrity_check() == "ok"


def test_reopening_keeps_documents_and_does_not_remigrate(tmp_path):
    with Store(tmp_path / "s.db") as store, store.transaction():
        store.add_document(_doc(), None, [])
    with Store(tmp_path / "s.db") as store:
        docs = list(store.documents())
    assert [d.id for d in docs] == ["d1"]
    assert docs[0].authors == ["A. Writer"] and docs[0].notes == ["n"]


def test_store_newer_than_the_code_is_refused_with_advice(tmp_path):
    path = tmp_path / "s.db"
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    with pytest.raises(StoreError, match="upgrade storyline"):
        Store(path)


def test_a_folder_as_db_is_refused(tmp_path):
    with pytest.raises(StoreError, match="--db"):
        Store(tmp_path)


def test_a_failed_transaction_leaves_nothing(tmp_path):
    with Store(tmp_path / "s.db") as store:
        with pytest.raises(RuntimeError), store.transaction():
            store.add_document(_doc(), None, [])
            raise RuntimeError("killed midway")
        assert store.count_documents() == 0


def test_annotations_round_trip(tmp_path):
    ann = Annotations(document="d1", dct="2019-02-27",
                      mentions=[Mention(0, 3, "Kim", "PERSON", "Kim Jong-un", 0)],
                      timexes=[Timex(5, 9, "2018", "DATE", "2018", "year")])
    with Store(tmp_path / "s.db") as store:
        with store.transaction():
            store.add_document(_doc(), None, [])
            store.save_annotations(ann, "1")
        assert store.annotations("d1") == ann
        assert store.annotation_version("d1") == "1"


def test_a_later_success_clears_an_earlier_skip(tmp_path):
    with Store(tmp_path / "s.db") as store:
        with store.transaction():
            store.record_skipped(Skipped("a1.txt", "empty"))
        assert [s.source_path for s in store.skipped()] == ["a1.txt"]
        with store.transaction():
            store.add_document(_doc(), None, [])
            store.record_input("k", "a1.txt", "added", "d1")
        assert store.skipped() == []


def test_analysis_skips_name_only_the_documents_annotate_skipped(tmp_path):
    with Store(tmp_path / "s.db") as store:
        with store.transaction():
            store.add_document(_doc(1), None, [])
            store.add_document(_doc(2), None, [])
            store.save_annotations(Annotations(document="d1", dct=None, skipped_reason="not English"), "1")
            store.save_annotations(Annotations(document="d2", dct=None), "1")
        assert store.analysis_skips() == {"d1": "not English"}


def test_the_export_notes_a_failed_analysis_once_and_a_language_skip_only_as_ingest_noted_it(tmp_path):
    from dataclasses import replace

    from storyline.present.export import build_export

    french = replace(_doc(1), language="fr", notes=["language is 'fr', not English: English-only analysis "
                                                    "stages skip it"])
    failed = _doc(2)
    with Store(tmp_path / "s.db") as store:
        with store.transaction():
            store.add_document(french, None, [])
            store.add_document(failed, None, [])
            store.save_annotations(Annotations(document="d1", dct=None,
                                               skipped_reason="language 'fr' is not English: not analyzed"), "1")
            store.save_annotations(Annotations(document="d2", dct=None,
                                               skipped_reason="spaCy could not parse the text (X)"), "1")
        notes = {d["id"]: d["notes"] for d in build_export(store)["documents"]}
    assert notes["d1"] == french.notes  # said once, not twice in two wordings
    assert notes["d2"] == [*failed.notes, "spaCy could not parse the text (X)"]
