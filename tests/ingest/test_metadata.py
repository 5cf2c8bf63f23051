"""Metadata helpers: outlet from URL, sidecar files, author lists, ISO dates."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from storyline.errors import RejectedInput
from storyline.ingest.metadata import (
    normalize_authors,
    normalize_datetime,
    outlet_from_url,
    read_sidecar,
)


@pytest.mark.parametrize(("url", "outlet"), [
    ("https://www.khaleejtimes.com/editorials-columns/kt-edit-trump-and-kim", "khaleejtimes.com"),
    ("http://www.globaltimes.cn/content/1156333.shtml", "globaltimes.cn"),
    ("https://edition.cnn.com/2019/06/30/politics/index.html", "cnn.com"),
    ("https://www.bbc.co.uk/news/world-asia-48815870", "bbc.co.uk"),
    ("https://en.yna.co.kr/view/AEN20190226", "yna.co.kr"),
    ("www.smh.com.au/world/asia", "smh.com.au"),
    ("HTTPS://WWW.REUTERS.COM/article/x", "reuters.com"),
])
def test_outlet_is_the_registered_domain_without_www(url, outlet):
    assert outlet_from_url(url) == outlet


@pytest.mark.parametrize("url", ["", "file:///tmp/a.txt", "http://127.0.0.1:8000/x", "http://localhost/x",
                                 "article.txt", "not a url"])
def test_outlet_is_none_for_what_names_no_site(url):
    assert outlet_from_url(url) is None


def test_sidecar_beside_the_input_is_read_and_normalized(tmp_path: Path):
    article = tmp_path / "article.txt"
    article.write_text("body", encoding="utf-8")
    (tmp_path / "article.txt.meta.json").write_text(json.dumps({
        "headline": "KT edit: Trump and Kim will need to build strategic trust",
        "link": "https://www.khaleejtimes.com/kt-edit",
        "date": "Wed 27 Feb 2019, 7:00 PM",
        "author": [{"name": "KT Editorial Board"}],
        "unknown": "ignored",
    }), encoding="utf-8")
    meta = read_sidecar(article)
    assert meta == {
        "title": "KT edit: Trump and Kim will need to build strategic trust",
        "url": "https://www.khaleejtimes.com/kt-edit",
        "outlet": "khaleejtimes.com",
        "published": "2019-02-27T19:00:00",
        "authors": ["KT Editorial Board"],
    }


def test_sidecar_named_after_the_stem_is_found_and_read_directly(tmp_path: Path):
    sidecar = tmp_path / "article.meta.json"
    sidecar.write_text('{"outlet": "Global Times", "published": "2019-07-01", "lang": "EN"}', encoding="utf-8")
    assert read_sidecar(tmp_path / "article.txt") == read_sidecar(sidecar)
    assert read_sidecar(sidecar) == {"outlet": "Global Times", "published": "2019-07-01", "language": "en"}


def test_missing_sidecar_gives_nothing(tmp_path: Path):
    assert read_sidecar(tmp_path / "article.txt") == {}


@pytest.mark.parametrize("content", ["{not json", "[1, 2]"])
def test_broken_sidecar_is_rejected_with_a_reason(tmp_path: Path, content: str):
    sidecar = tmp_path / "a.meta.json"
    sidecar.write_text(content, encoding="utf-8")
    with pytest.raises(RejectedInput, match="sidecar"):
        read_sidecar(sidecar)


@pytest.mark.parametrize(("value", "names"), [
    ("Hyonhee Shin and Josh Smith", ["Hyonhee Shin", "Josh Smith"]),
    ("By Hyonhee Shin, Josh Smith", ["Hyonhee Shin", "Josh Smith"]),
    ("By JANE MORRISON, Associated Press", ["Jane Morrison"]),
    ("Reuters", ["Reuters"]),
    ("By Jane Doe in Seoul", ["Jane Doe"]),
    ([{"name": "Jane Doe"}, {"name": "John Roe"}, {"name": "Jane Doe"}], ["Jane Doe", "John Roe"]),
    ({"givenName": "Soo-yeon", "familyName": "Kim"}, ["Soo-yeon Kim"]),
    (["A. N. Other", "", None], ["A. N. Other"]),
    ("By Staff Writer", []),
    (None, []),
    ("jane@example.com", []),
    ("By JOHN SMITH and Jane Doe, Staff Writers", ["John Smith", "Jane Doe"]),
    ("By Jane Doe\nUpdated 3:41 PM EST, Wed February 27, 2019", ["Jane Doe"]),
    ("John Smith (Reuters)", ["John Smith"]),
    ("By John Smith, The Washington Post", ["John Smith"]),
    ("By Jane Doe, Korea Times", ["Jane Doe"]),
    ("The Korea Times", ["The Korea Times"]),
    ("Editorial Board", ["Editorial Board"]),
    ("Jane Doe and @johnroe", ["Jane Doe"]),
    ("Jane Doe, Senior Correspondent", ["Jane Doe"]),
    # bylines as trafilatura reads them off real pages (article-bodies-dev)
    ("Bruce Y. Lee", ["Bruce Y. Lee"]),
    ("Carrie Arnold November", ["Carrie Arnold"]),
    ("Jane Doe March 3, 2019", ["Jane Doe"]),
    ("By Theresa May", ["Theresa May"]),
    ("DANICA KIRKA and JILL LAWLESS Associated Press", ["Danica Kirka", "Jill Lawless"]),
    ("Chris Cillizza, CNN Editor-at-large", ["Chris Cillizza"]),
    ("KT Editorial Board", ["KT Editorial Board"]),
    ("Juan y Maria Lopez", ["Juan", "Maria Lopez"]),
    ("admin", []),
    ("By Webmaster", []),
])
def test_authors_are_normalized_to_a_list_of_names(value, names):
    assert normalize_authors(value) == names


@pytest.mark.parametrize(("value", "iso"), [
    ("Wed 27 Feb 2019, 7:00 PM", "2019-02-27T19:00:00"),
    ("2019-02-27T19:00:00+04:00", "2019-02-27T19:00:00+04:00"),
    ("Wed, 27 Feb 2019 15:00:00 GMT", "2019-02-27T15:00:00+00:00"),
    ("June 12, 2018 9:00 AM KST", "2018-06-12T09:00:00+09:00"),
    ("Tue 12 Jun 2018 09.15 BST", "2018-06-12T09:15:00+01:00"),
    ("June 12, 2018", "2018-06-12"),
    ("27/02/2019", "2019-02-27"),
    ("2019/02/26 10:12", "2019-02-26T10:12:00"),
    ("February 2019", "2019-02"),
    ("27 février 2019", "2019-02-27"),
    (1551286800, "2019-02-27T17:00:00+00:00"),
    ("Published: Wed 27 Feb 2019", "2019-02-27"),
])
def test_dates_become_iso_as_precise_as_given(value, iso):
    assert normalize_datetime(value) == iso


@pytest.mark.parametrize("junk", ["", "hello", "7", "27 Feb", "2 hours ago", "yesterday", "2019-02-30",
                                  "32/13/2019", "May the talks go well", None, True, 12,
                                  # a zone offset off the clock had raised (a whole record failed)
                                  "2019-02-27T10:00:00+25:00", "2019-02-27T10:00:00-24:30"])
def test_junk_dates_are_rejected(junk):
    assert normalize_datetime(junk) is None


@given(st.datetimes(min_value=__import__("datetime").datetime(1950, 1, 1),
                    max_value=__import__("datetime").datetime(2090, 12, 31)))
def test_iso_output_reads_back_unchanged(moment):
    iso = normalize_datetime(moment.replace(microsecond=0).isoformat())
    assert iso is not None
    assert normalize_datetime(iso) == iso
