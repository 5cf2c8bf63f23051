"""End to end on real news beyond the sample: 40 PolNeAR election articles through `analyze`.

Real text found two crashes the sample corpus never showed (an endless loop on a noun-rooted sentence,
an event id clash); this keeps the whole pipeline honest on text it was not written against.
"""

import shutil

import pytest

import storyline
from storyline.present.export import validate_export


@pytest.mark.slow
def test_forty_real_articles_analyze_cleanly(shared_data, tmp_path):
    texts = sorted((shared_data / "polnear-train" / "text").glob("*.txt"))[::21][:40]
    folder = tmp_path / "in"
    folder.mkdir()
    for p in texts:
        shutil.copy(p, folder / p.name)
    result = storyline.analyze([folder], tmp_path / "out")
    export = result.export
    validate_export(export)
    assert len(export["documents"]) + len(export["skipped"]) == len(texts)
    assert len(export["documents"]) >= 38
    failed = [d["source_path"] for d in export["documents"] if any("failed" in n for n in d.get("notes", []))]
    assert failed == []
    assert export["events"] and export["quotes"] and export["stories"]
    # Speaker words that are a description ("a senior administration official") name no actor;
    # 0.84 measured on this set, so 0.75 leaves room without hiding a broken resolver.
    spoken = [q for q in export["quotes"] if q["speaker_text"]]
    assert sum(1 for q in spoken if q["speaker"]) >= 0.75 * len(spoken)


@pytest.mark.slow
def test_real_web_pages_give_an_export_that_follows_the_contract(shared_data, tmp_path):
    # The 61 article-bodies-dev pages once produced an event dated "2018-W36-WE" (a weekend), which the
    # contract's date forms do not include: the export must validate on real pages, not just the sample.
    pages = shared_data / "article-bodies-dev" / "html"
    result = storyline.analyze([pages], tmp_path / "out")
    validate_export(result.export)
    assert len(result.export["documents"]) + len(result.export["skipped"]) == len(list(pages.glob("*")))
    assert all(e["date"][:4].isdigit() and 1300 <= int(e["date"][:4]) <= 2100 or len(e["date"]) < 4
               for e in result.export["events"])
