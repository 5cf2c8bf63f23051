import gzip
import io
import json
from pathlib import Path

import pytest

from storyline.ingest.readers import RawInput, iter_inputs, record_from_json
from storyline.model import Skipped

ARTICLE = ("North Korean leader Kim Jong-un and US President Donald Trump met at the Demilitarized Zone "
           "that divides the Korean Peninsula. The meeting seemed like a decision made on a whim.")
PAGE = f"<html><head><title>Summit</title></head><body><article><p>{ARTICLE}</p></article></body></html>"


def _items(*paths, **kw):
    return list(iter_inputs([str(p) for p in paths], **kw))


def _raw(items):
    return [i for i in items if isinstance(i, RawInput)]


def _skipped(items):
    return [i for i in items if isinstance(i, Skipped)]


def test_text_and_html_files_are_read_with_their_kind(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE)
    (tmp_path / "b.htm").write_text(PAGE)
    items = _items(tmp_path)
    assert [(i.source_path.split("/")[-1], i.kind) for i in items] == [("a.txt", "text"), ("b.htm", "html")]


def test_json_object_fields_are_mapped_from_common_names(tmp_path):
    obj = {"headline": "Summit", "maintext": ARTICLE, "date_publish": "2019-06-30 10:00:00",
           "source_domain": "example.com", "author": "A. Writer", "link": "https://example.com/a"}
    (tmp_path / "a.json").write_text(json.dumps(obj))
    (raw,) = _items(tmp_path / "a.json")
    assert raw.kind == "text" and raw.content == ARTICLE
    assert raw.meta == {"title": "Summit", "published": "2019-06-30 10:00:00", "outlet": "example.com",
                        "authors": "A. Writer", "url": "https://example.com/a"}


def test_json_list_gives_one_input_per_object_and_names_the_bad_one(tmp_path):
    (tmp_path / "a.json").write_text(json.dumps([{"text": ARTICLE}, {"title": "no body"}, {"body": PAGE}]))
    items = _items(tmp_path / "a.json")
    assert [i.kind for i in _raw(items)] == ["text", "html"]
    (bad,) = _skipped(items)
    assert bad.source_path.endswith("a.json#2") and "no article text" in bad.reason


def test_malformed_json_line_is_skipped_and_the_good_lines_still_come_in(tmp_path):
    lines = [json.dumps({"text": ARTICLE}), "{not json", json.dumps({"text": ARTICLE + " Again."})]
    (tmp_path / "a.jsonl").write_text("\n".join(lines))
    items = _items(tmp_path / "a.jsonl")
    assert len(_raw(items)) == 2
    (bad,) = _skipped(items)
    assert bad.source_path.endswith("#2") and "line 2 is not valid JSON" in bad.reason


def test_invalid_json_file_is_skipped_with_its_position(tmp_path):
    (tmp_path / "a.json").write_text('{"text": "x",')
    (bad,) = _items(tmp_path / "a.json")
    assert isinstance(bad, Skipped) and "not valid JSON" in bad.reason and "line 1" in bad.reason


def test_gzip_files_are_read_by_their_inner_format(tmp_path):
    (tmp_path / "a.html.gz").write_bytes(gzip.compress(PAGE.encode()))
    (raw,) = _items(tmp_path / "a.html.gz")
    assert raw.kind == "html" and b"Demilitarized" in raw.content


def test_corrupt_gzip_is_skipped_with_a_reason(tmp_path):
    (tmp_path / "a.txt.gz").write_bytes(gzip.compress(ARTICLE.encode())[:30])
    (bad,) = _items(tmp_path / "a.txt.gz")
    assert isinstance(bad, Skipped) and "gzip" in bad.reason


@pytest.mark.parametrize("content", [b"", b"  \n\t\n"])
def test_empty_or_blank_file_is_skipped(tmp_path, content):
    (tmp_path / "a.txt").write_bytes(content)
    (bad,) = _items(tmp_path / "a.txt")
    assert isinstance(bad, Skipped) and "empty or blank" in bad.reason


def test_binary_file_with_unknown_extension_is_skipped(tmp_path):
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01" + bytes(range(256)) * 4)
    (bad,) = _items(tmp_path / "photo.jpg")
    assert isinstance(bad, Skipped) and "binary" in bad.reason


def test_file_over_the_size_cap_is_skipped(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE * 10)
    (bad,) = _items(tmp_path / "a.txt", max_bytes=100)
    assert isinstance(bad, Skipped) and "cap" in bad.reason and "--max-bytes" in bad.reason


def test_folder_named_like_a_file_is_skipped(tmp_path):
    (tmp_path / "trap.txt").mkdir()
    (tmp_path / "trap.txt" / "inner.txt").write_text(ARTICLE)
    items = list(iter_inputs([tmp_path / "trap.txt"]))
    # Passed directly, a folder is walked; the reader only rejects it when it must be a file.
    assert _raw(items)
    from storyline.ingest.readers import _read_file

    (bad,) = list(_read_file(tmp_path / "trap.txt", 10**6))
    assert "folder" in bad.reason


def test_unreadable_file_is_skipped_with_advice(tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text(ARTICLE)

    def denied(self, *args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "open", denied)
    (bad,) = _items(tmp_path / "a.txt")
    assert isinstance(bad, Skipped) and "permission" in bad.reason


def test_missing_path_is_skipped(tmp_path):
    (bad,) = _items(tmp_path / "nope.txt")
    assert isinstance(bad, Skipped) and "no such file" in bad.reason


def test_hidden_files_in_folders_are_not_articles(tmp_path):
    (tmp_path / ".DS_Store").write_bytes(b"\x00\x00\x00\x01Bud1")
    (tmp_path / "a.txt").write_text(ARTICLE)
    assert [Path(i.source_path).name for i in _items(tmp_path)] == ["a.txt"]


def test_warc_response_records_with_html_become_inputs(tmp_path):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=True)
    for url, ctype, body in [("https://example.com/a", "text/html; charset=utf-8", PAGE.encode()),
                             ("https://example.com/logo.png", "image/png", b"\x89PNG....")]:
        headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body),
                                                      http_headers=headers))
    (tmp_path / "crawl.warc.gz").write_bytes(buf.getvalue())
    (raw,) = _items(tmp_path / "crawl.warc.gz")
    assert raw.kind == "html" and raw.meta["url"] == "https://example.com/a" and b"Kim" in raw.content


def test_truncated_warc_is_skipped(tmp_path):
    (tmp_path / "crawl.warc").write_bytes(b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 9999\r\n\r\nabc")
    items = _items(tmp_path / "crawl.warc")
    assert items and all(isinstance(i, Skipped) for i in items)


def test_rss_entries_with_content_become_inputs(tmp_path):
    rss = f"""<?xml version="1.0"?><rss version="2.0"><channel><title>Example News</title>
    <item><title>Summit</title><link>https://example.com/a</link><pubDate>Sun, 30 Jun 2019 10:00:00 +0900</pubDate>
    <description><![CDATA[{PAGE}]]></description></item>
    <item><title>Link only</title><link>https://example.com/b</link></item></channel></rss>"""
    (tmp_path / "feed.xml").write_text(rss)
    items = _items(tmp_path / "feed.xml")
    (raw,) = _raw(items)
    assert raw.meta["title"] == "Summit" and raw.meta["outlet"] == "Example News"
    assert raw.meta["published"].startswith("Sun, 30 Jun 2019")
    assert "updated" not in raw.meta  # the item gives no update (feedparser would lend it the pubDate)
    (bad,) = _skipped(items)
    assert "no content" in bad.reason


def test_atom_feed_is_read(tmp_path):
    atom = f"""<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Wire</title>
    <entry><title>Summit</title><link href="https://example.com/a"/><updated>2019-06-30T10:00:00Z</updated>
    <content type="html">{PAGE.replace("<", "&lt;")}</content></entry></feed>"""
    (tmp_path / "feed.atom").write_text(atom)
    (raw,) = _items(tmp_path / "feed.atom")
    assert raw.meta["published"] == "2019-06-30T10:00:00Z" and "Demilitarized" in raw.content


def test_xml_that_is_not_a_feed_is_skipped(tmp_path):
    (tmp_path / "a.xml").write_text("<?xml version='1.0'?><config><a>1</a></config>")
    (bad,) = _items(tmp_path / "a.xml")
    assert isinstance(bad, Skipped) and "feed" in bad.reason.lower() or "entries" in bad.reason


def test_stdin_is_one_document(monkeypatch):
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(PAGE.encode())))
    (raw,) = list(iter_inputs(["-"]))
    assert raw.source_path == "<stdin>" and raw.kind == "html"


def test_same_bytes_give_the_same_key_and_changed_bytes_another(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE)
    k1 = _items(tmp_path / "a.txt")[0].key
    assert _items(tmp_path / "a.txt")[0].key == k1
    (tmp_path / "a.txt").write_text(ARTICLE + " Updated.")
    assert _items(tmp_path / "a.txt")[0].key != k1


def test_json_record_with_html_body_is_html():
    kind, _, _ = record_from_json({"content": PAGE})
    assert kind == "html"


def test_a_folders_readme_is_not_an_article_but_named_explicitly_it_is(tmp_path):
    (tmp_path / "README.md").write_text("# About this folder\n\nThree op-eds.")
    (tmp_path / "a.txt").write_text(ARTICLE)
    assert [Path(i.source_path).name for i in _items(tmp_path)] == ["a.txt"]
    assert [Path(i.source_path).name for i in _items(tmp_path / "README.md")] == ["README.md"]


def test_a_lone_surrogate_escape_in_json_is_read_as_the_replacement_character(tmp_path):
    # JSON may spell half a surrogate pair ("\ud800"); no UTF-8 store or writer can hold one
    p = tmp_path / "a.jsonl"
    p.write_text('{"text": "Kim said \\"hi \\ud800 there.\\"", "title": "T\\udc00"}\n'
                 '{"text": "A pair \\ud83d\\ude00 stays one emoji."}\n', encoding="utf-8")
    first, second = list(iter_inputs([p]))
    assert first.content == 'Kim said "hi \ufffd there."' and first.meta["title"] == "T\ufffd"
    assert second.content == "A pair \U0001F600 stays one emoji."
    for raw in (first, second):
        raw.content.encode("utf-8")  # storable


def test_a_file_name_in_no_utf8_is_named_with_escapes_that_keep_names_apart(tmp_path):
    import os

    folder = os.fsencode(tmp_path)
    for name in (b"caf\xe9.txt", b"caf\xe8.txt"):  # Latin-1 names, as old archives and Windows zips leave
        with open(os.path.join(folder, name), "wb") as f:
            f.write(b"An article about the summit in Hanoi and what came of it.")
    names = sorted(raw.source_path for raw in iter_inputs([tmp_path]))
    assert names == [f"{tmp_path}/caf\\xe8.txt", f"{tmp_path}/caf\\xe9.txt"]
    assert all(n.encode("utf-8") for n in names)
    missing = list(iter_inputs([os.fsdecode(folder + b"/gone\xff.txt")]))
    assert missing[0].source_path.endswith("gone\\xff.txt") and "no such file" in missing[0].reason


def test_a_pipe_in_a_folder_is_skipped_not_waited_on_and_a_named_one_is_read(tmp_path):
    import os
    import threading

    if not hasattr(os, "mkfifo"):
        pytest.skip("no named pipes on this system")
    (tmp_path / "a.txt").write_text(ARTICLE)
    os.mkfifo(tmp_path / "pipe.txt")  # opening it would wait for a writer forever
    items = list(iter_inputs([tmp_path]))
    assert [type(i).__name__ for i in items] == ["RawInput", "Skipped"]
    assert "not a regular file" in items[1].reason
    # named on the command line (process substitution, <(zcat …)), it is read
    writer = threading.Thread(target=lambda: (tmp_path / "pipe.txt").write_text(ARTICLE))
    writer.start()
    (raw,) = iter_inputs([tmp_path / "pipe.txt"])
    writer.join()
    assert isinstance(raw, RawInput) and raw.content == ARTICLE.encode()


def test_a_device_that_never_ends_is_read_only_up_to_the_cap():
    from pathlib import Path

    if not Path("/dev/zero").exists():
        pytest.skip("no /dev/zero here")
    (bad,) = iter_inputs(["/dev/zero"], max_bytes=1_000_000)  # it had been read until memory ran out
    assert isinstance(bad, Skipped) and "cap" in bad.reason


def test_metadata_given_as_other_values_than_text_neither_fails_nor_garbles(tmp_path):
    from storyline.ingest.document import build_document

    records = [{"text": ARTICLE, "url": ["https://example.com/a", "https://example.com/b"], "title": 12,
                "outlet": {"@type": "Organization", "name": "Example News"}, "published": 1551290400,
                "language": ["en"]},
               {"text": ARTICLE, "url": True, "title": [], "outlet": {"logo": "x.png"}, "published": {},
                "updated": [None], "language": 7}]
    p = tmp_path / "odd.jsonl"
    p.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    first, second = (build_document(raw) for raw in iter_inputs([p]))  # a list "url" had crashed the store
    assert (first.url, first.title, first.outlet) == ("https://example.com/a", "12", "Example News")
    assert first.published == "2019-02-27T18:00:00+00:00"
    assert (second.url, second.title, second.published, second.updated) == (None, None, None, None)


def test_json_nested_past_what_a_reader_goes_is_skipped_and_the_rest_is_read(tmp_path):
    # json raises RecursionError there, which had ended the whole batch
    (tmp_path / "deep.json").write_text("[" * 100_000 + "]" * 100_000)
    (tmp_path / "feed.jsonl").write_text('{"text": ' + "[" * 50_000 + "]" * 50_000 + "}\n"
                                         + json.dumps({"text": ARTICLE}) + "\n")
    items = list(iter_inputs([tmp_path]))
    assert [type(i).__name__ for i in items] == ["Skipped", "Skipped", "RawInput"]
    assert all("deeper than a JSON reader goes" in i.reason for i in items[:2])
    assert items[1].reason.startswith("line 1 ")


def test_a_reader_failing_in_a_way_no_one_foresaw_skips_that_file_only(tmp_path, monkeypatch):
    from storyline.ingest import readers

    (tmp_path / "a.json").write_text(json.dumps([{"text": ARTICLE}, {"text": ARTICLE + " More."}]))
    (tmp_path / "b.txt").write_text(ARTICLE)
    real = readers.record_from_json
    calls = []

    def fails_second(item):
        calls.append(item)
        if len(calls) == 2:
            raise KeyError("a bug")
        return real(item)

    monkeypatch.setattr(readers, "record_from_json", fails_second)
    items = list(iter_inputs([tmp_path]))
    assert [type(i).__name__ for i in items] == ["RawInput", "Skipped", "RawInput"]
    assert items[1].source_path.endswith("a.json") and "KeyError" in items[1].reason
    assert "the other files went on" in items[1].reason and items[2].source_path.endswith("b.txt")
