"""report.html from the export: escaped, self-contained, nothing left out (the fixture is the sample corpus' texts)."""

from __future__ import annotations

import copy
import json
import re
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import pytest

from storyline.present.export import validate_export
from storyline.present.report import date_interval, date_label, render_report, write_report

FIXTURE = Path(__file__).parent / "fixtures" / "export.json"
HOSTILE = ("<script>alert(1)</script>", '"><img src=x onerror=alert(1)>')
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class Node:
    def __init__(self, tag: str, attrs: dict[str, str | None], parent: Node | None):
        self.tag, self.attrs, self.parent = tag, attrs, parent
        self.children: list[Node | str] = []

    @property
    def classes(self) -> set[str]:
        return set((self.attrs.get("class") or "").split())

    def text(self) -> str:
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)

    def walk(self):
        for child in self.children:
            if isinstance(child, Node):
                yield child
                yield from child.walk()

    def find_all(self, tag: str | None = None, cls: str | None = None) -> list[Node]:
        return [n for n in self.walk() if (tag is None or n.tag == tag) and (cls is None or cls in n.classes)]


class TreeBuilder(HTMLParser):
    """The page as a tree, the way a browser's parser tokenizes it (script content stays raw text)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Node("#document", {}, None)
        self.current = self.root
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag, attrs):
        node = Node(tag, dict(attrs), self.current)
        self.tags.append((tag, dict(attrs)))
        self.current.children.append(node)
        if tag not in VOID:
            self.current = node

    def handle_startendtag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self.current.children.append(Node(tag, dict(attrs), self.current))

    def handle_endtag(self, tag):
        node = self.current
        while node is not None and node.tag != tag:
            node = node.parent
        assert node is not None, f"stray </{tag}>"
        self.current = node.parent

    def handle_data(self, data):
        self.current.children.append(data)


def parse(html: str) -> TreeBuilder:
    builder = TreeBuilder()
    builder.feed(html)
    builder.close()
    assert builder.current is builder.root, f"unclosed <{builder.current.tag}>"
    return builder


@pytest.fixture(scope="module")
def export() -> dict:
    return json.loads(FIXTURE.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def html(export) -> str:
    return render_report(export)


@pytest.fixture(scope="module")
def page(html) -> TreeBuilder:
    return parse(html)


def embedded_data(page: TreeBuilder) -> dict:
    (node,) = [n for n in page.root.find_all("script") if n.attrs.get("id") == "storyline-data"]
    return json.loads(node.text())


def test_fixture_follows_the_contract(export):
    validate_export(export)
    assert any(h in d["title"] for d in export["documents"] for h in HOSTILE)
    assert any(HOSTILE[1] in alias for a in export["actors"] for alias in a["aliases"])
    assert any(HOSTILE[0] in q["text"] for q in export["quotes"])


def test_no_hostile_markup_survives(html, page):
    assert "<script>alert" not in html
    assert "<img" not in html and "<b>Opinion" not in html
    for tag, attrs in page.tags:
        assert tag not in {"img", "iframe", "object", "embed"}, f"<{tag}> from the data"
        assert not [a for a in attrs if a.startswith("on")], f"<{tag}> carries an event handler: {attrs}"
    scripts = [attrs for tag, attrs in page.tags if tag == "script"]
    assert len(scripts) == 2
    assert scripts[0] == {"type": "application/json", "id": "storyline-data"}


def test_hostile_strings_show_as_text(export, page):
    text = page.root.text()
    hostile_doc = next(d for d in export["documents"] if HOSTILE[0] in d["title"])
    assert hostile_doc["title"] in text  # as words on the page, after the browser's unescaping
    assert HOSTILE[1] in text  # the actor alias
    assert next(q["text"] for q in export["quotes"] if HOSTILE[0] in q["text"]) in text


def test_page_loads_nothing_from_outside(html, page):
    for tag, attrs in page.tags:
        assert "src" not in attrs, f"<{tag} src=...>: everything must be inline"
        if tag == "link":
            pytest.fail(f"<link {attrs}>: styles must be inline")
        for name in ("href", "action", "formaction", "poster"):
            value = attrs.get(name) or ""
            assert not re.match(r"\s*(https?:|//|javascript:)", value, re.I), f"<{tag} {name}={value}>"
    styles = "".join(n.text() for n in page.root.find_all("style"))
    assert "@import" not in styles and not re.search(r"url\(\s*['\"]?(https?:|//)", styles)


def test_every_event_and_citation_is_on_the_page(export, page):
    cards = {}
    for li in page.root.find_all("li", "event"):
        cards.setdefault(li.attrs["data-event-id"], li)
    assert set(cards) == {e["id"] for e in export["events"]}
    for event in export["events"]:
        card = cards[event["id"]]
        assert event["summary"] in card.text()
        cites = [(b.attrs["data-doc"], int(b.attrs["data-start"]), int(b.attrs["data-end"]))
                 for b in card.find_all("button", "cite")]
        assert cites == [(s["document"], s["start"], s["end"]) for s in event["sources"]]
        for src in event["sources"]:
            assert src["sentence"] in card.text()


def test_event_dates_keep_their_granularity(export, page):
    cards = {li.attrs["data-event-id"]: li for li in page.root.find_all("li", "event")}
    year = next(e for e in export["events"] if e["granularity"] == "year")
    card = cards[year["id"]]
    assert (card.attrs["data-start"], card.attrs["data-end"]) == (f"{year['date']}-01-01", f"{int(year['date']) + 1}-01-01")
    assert "band" in card.find_all("div", "ev-date")[0].classes
    assert card.find_all("time")[0].text() == year["date"]  # "2017", not "1 January 2017"
    day = next(e for e in export["events"] if e["granularity"] == "day" and "/" not in e["date"])
    assert "point" in cards[day["id"]].find_all("div", "ev-date")[0].classes


def test_story_summaries_cite_their_documents(export, page):
    sections = page.root.find_all("section", "story")
    for story, section in zip(export["stories"], sections, strict=False):
        assert section.find_all("h2")[0].text() == story["label"]
        items = section.find_all("ol", "summary")[0].find_all("li")
        assert [(li.find_all("button")[0].attrs["data-doc"], li.find_all("button")[0].attrs["data-find"])
                for li in items] == [(s["document"], s["sentence"]) for s in story["summary"]]


def test_filter_chips_name_every_actor_and_outlet_of_a_story(export, page):
    section = page.root.find_all("section", "story")[1]
    story = export["stories"][1]
    events = [e for e in export["events"] if e["id"] in story["events"]]
    actor_chips = {c.attrs["data-value"] for g in section.find_all("div", "chips") if g.attrs["data-group"] == "actors"
                   for c in g.find_all("button", "chip")}
    assert actor_chips == {a for e in events for a in e["actors"]}
    outlets = {d["id"]: d["outlet"] for d in export["documents"]}
    outlet_chips = {c.attrs["data-value"] for g in section.find_all("div", "chips") if g.attrs["data-group"] == "outlets"
                    for c in g.find_all("button", "chip")}
    assert outlet_chips == {outlets[s["document"]] for e in events for s in e["sources"]}


def test_document_texts_travel_only_in_the_data_block(export, html, page):
    data = embedded_data(page)
    assert {k: v["text"] for k, v in data["documents"].items()} == {d["id"]: d["text"] for d in export["documents"]}
    # a sentence nobody cites is not rendered up front: the reader renders a text when it is opened
    uncited = "It's a team game after all."
    assert uncited in export["documents"][1]["text"]
    assert uncited not in "".join(c if isinstance(c, str) else c.text() for c in page.root.find_all("body")[0].children
                                  if isinstance(c, str) or c.tag != "script")
    block = html.split('id="storyline-data">', 1)[1].split("</script>", 1)[0]
    assert "<" not in block and ">" not in block and "&" not in block


def test_data_block_escapes_script_breakers_and_line_separators():
    export = json.loads(FIXTURE.read_text(encoding="utf-8"))
    export["documents"][0]["text"] += " </script><!-- \u2028\u2029 & done"
    html = render_report(export)
    block = html.split('id="storyline-data">', 1)[1].split("</script>", 1)[0]
    assert "\u2028" not in block and "\u2029" not in block and "<!--" not in block
    assert json.loads(block)["documents"][export["documents"][0]["id"]]["text"] == export["documents"][0]["text"]


def test_actors_table_lists_aliases_and_counts(export, page):
    table = next(s for s in page.root.find_all("section") if s.attrs.get("id") == "actors")
    rows = {r.find_all("th")[0].text(): r for r in table.find_all("tbody")[0].find_all("tr")}
    for actor in export["actors"]:
        cells = [c.text() for c in rows[actor["name"]].find_all("td")]
        assert cells[0] == actor["type"]
        for alias in actor["aliases"]:
            if alias != actor["name"]:
                assert alias in cells[1]
        assert cells[2:] == [str(actor["mentions"]), str(len(actor["documents"]))]


def test_quotes_are_grouped_by_speaker(export, page):
    section = next(s for s in page.root.find_all("section") if s.attrs.get("id") == "quotes")
    names = {a["id"]: a["name"] for a in export["actors"]}
    groups = {g.find_all("h3")[0].children[0].strip(): g for g in section.find_all("div", "speaker")}
    for quote in export["quotes"]:
        group = groups[names[quote["speaker"]] if quote["speaker"] else "Unattributed"]
        texts = [b.text() for b in group.find_all("blockquote")]
        assert quote["text"] in texts
        links = [(b.attrs["data-doc"], int(b.attrs["data-start"])) for b in group.find_all("button", "cite")]
        assert (quote["document"], quote["start"]) in links
    assert len(groups["Donald Trump"].find_all("li", "quote")) == 4


def test_documents_table_shows_metadata(export, page):
    section = next(s for s in page.root.find_all("section") if s.attrs.get("id") == "documents")
    rows = section.find_all("tbody")[0].find_all("tr")
    assert len(rows) == len(export["documents"])
    by_doc = {r.find_all("button")[0].attrs["data-doc"]: r for r in rows}
    for doc in export["documents"]:
        row = by_doc[doc["id"]].text()
        assert (doc["title"] or "") in row and str(doc["word_count"]) in row
        assert ("inferred" in row) == doc["published_inferred"]
        assert ("duplicate of" in row) == bool(doc["duplicate_of"])
        for author in doc["authors"]:
            assert author in row


def test_skipped_inputs_are_listed_with_reasons(export, page):
    section = next(s for s in page.root.find_all("section") if s.attrs.get("id") == "skipped")
    for item in export["skipped"]:
        assert f"{item['source_path']} — {item['reason']}" in section.text()


def test_without_stories_all_events_share_one_section(export):
    bare = copy.deepcopy(export)
    bare["stories"] = []
    page = parse(render_report(bare))
    sections = page.root.find_all("section", "story")
    assert len(sections) == 1
    assert len(sections[0].find_all("li", "event")) == len(export["events"])


def test_events_no_story_claims_still_appear(export):
    partial = copy.deepcopy(export)
    left_out = partial["stories"][0]["events"].pop()
    page = parse(render_report(partial))
    last = page.root.find_all("section", "story")[-1]
    assert last.find_all("h2")[0].text() == "Events outside any story"
    assert [li.attrs["data-event-id"] for li in last.find_all("li", "event")] == [left_out]


def test_a_dangling_document_reference_is_shown_not_linked(export):
    broken = copy.deepcopy(export)
    broken["events"][0]["sources"][0]["document"] = "gone"
    page = parse(render_report(broken))
    assert "gone" not in {b.attrs.get("data-doc") for b in page.root.find_all("button")}
    assert "document gone not in the export" in page.root.text()


def test_an_event_whose_date_no_source_states_is_marked_inferred(export):
    marked = copy.deepcopy(export)
    marked["events"][0]["date_inferred"] = True
    validate_export(marked)
    items = {li.attrs["data-event-id"]: li for li in parse(render_report(marked)).root.find_all("li", "event")}
    badges = {eid: [b.text() for b in li.find_all("span", "inferred")] for eid, li in items.items()}
    assert badges[marked["events"][0]["id"]] == ["inferred"]
    assert all(not b for eid, b in badges.items() if eid != marked["events"][0]["id"])


def test_write_report_writes_the_page(export, tmp_path):
    path = write_report(export, tmp_path / "sub" / "report.html")
    assert path.read_text(encoding="utf-8") == render_report(export)


@pytest.mark.parametrize("value, expected", [
    ("2019", (date(2019, 1, 1), date(2020, 1, 1))),
    ("2019-02", (date(2019, 2, 1), date(2019, 3, 1))),
    ("2018-12", (date(2018, 12, 1), date(2019, 1, 1))),
    ("2018-06-12", (date(2018, 6, 12), date(2018, 6, 13))),
    ("2018-06-12T14:00", (date(2018, 6, 12), date(2018, 6, 13))),
    ("2019-W09", (date(2019, 2, 25), date(2019, 3, 4))),
    ("2019-Q4", (date(2019, 10, 1), date(2020, 1, 1))),
    ("2019-H2", (date(2019, 7, 1), date(2020, 1, 1))),
    ("2017-FA", (date(2017, 9, 1), date(2017, 12, 1))),
    ("2017-WI", (date(2017, 12, 1), date(2018, 3, 1))),
    ("199X", (date(1990, 1, 1), date(2000, 1, 1))),
    ("2019-02-27/2019-02-28", (date(2019, 2, 27), date(2019, 3, 1))),
    ("2018/2019-06", (date(2018, 1, 1), date(2019, 7, 1))),
    ("PRESENT_REF", None),
    ("2019-13", None),
    ("2019-03/2018", None),
    (None, None),
])
def test_date_interval_covers_the_whole_period(value, expected):
    assert date_interval(value) == expected


@pytest.mark.parametrize("value, expected", [
    ("2019", "2019"),
    ("2019-02", "February 2019"),
    ("2018-06-12", "12 June 2018"),
    ("2017-FA", "autumn 2017"),
    ("2017-WI", "winter 2017–18"),
    ("2019-Q1", "Q1 2019"),
    ("2019-W09", "week 9 of 2019"),
    ("201X", "the 2010s"),
    ("06", "the 600s"),  # "a 7th-century stop for Silk Road merchants"
    ("089", "the 890s"),
    ("0622", "622"),
    ("2019-02-27/2019-02-28", "27–28 February 2019"),
    ("2019-02-27/2019-03-02", "27 February – 2 March 2019"),
    ("2018-12-30/2019-01-02", "30 December 2018 – 2 January 2019"),
    ("2018/2019-06", "2018 – June 2019"),
    ("2019-06-30TEV", "30 June 2019, evening"),
    ("1989-10-27T24:00", "27 October 1989, midnight"),
    ("1989-10-27T09:30", "27 October 1989, 09:30"),
])
def test_date_label_says_the_granularity(value, expected):
    assert date_label(value) == expected


def test_a_large_corpus_renders_every_document_once(export):
    big = copy.deepcopy(export)
    template = export["documents"][0]
    big["documents"] = [dict(template, id=f"d{i}", title=f"Article {i}", text=template["text"] + f" Marker{i}.")
                        for i in range(1000)]
    big["events"] = [dict(e, sources=[dict(s, document=f"d{n % 1000}") for s in e["sources"]])
                     for n, e in enumerate(export["events"])]
    big["quotes"], big["stories"] = [], []
    big["actors"] = [dict(a, documents=["d0"]) for a in export["actors"]]
    html = render_report(big)
    page = parse(html)
    assert len(page.root.find_all("section", "plain")[2].find_all("tbody")[0].find_all("tr")) == 1000
    assert html.count("Marker999.") == 1  # only in the data block


def test_the_header_keeps_dates_deduced_from_mentions_out_of_the_published_span(export):
    # PolNeAR's undated texts read "1789-07 to 2024": lower bounds from "the Bastille on July 14, 1789" and
    # "run in 2020 or 2024", not when the corpus was written
    mixed = copy.deepcopy(export)
    docs = mixed["documents"]
    docs[0].update(published="2019-02-27", published_inferred=False)
    for d in docs[1:]:
        d.update(published="1789-07", published_inferred=True)
    header = parse(render_report(mixed)).root.find_all("header")[0].text()
    assert "2019-02-27" in header and "1789" not in header
    assert f"{len(docs) - 1} deduced from their mentions" in header
    for d in docs:
        d.update(published="2024", published_inferred=True)
    header = parse(render_report(mixed)).root.find_all("header")[0].text()
    assert "none given" in header and "2024" not in header


def test_the_header_range_runs_from_the_earliest_to_the_latest_start_as_a_reader_says_them(export):
    wide = copy.deepcopy(export)
    wide["events"][0]["date"] = "20"  # "the 21st century": it does not stretch the range to 2099
    starts = sorted(iv[0] for e in wide["events"] if (iv := date_interval(e["date"])))
    text = parse(render_report(wide)).root.text()
    assert "to 2099" not in text
    assert starts[0].year == 2000 and "the 2000s to" in text


def test_range_label_runs_from_the_earliest_start_to_the_latest_as_dates_are_said():
    from storyline.present.dates import range_label

    assert range_label(["2034", "13", "1889", "20", "199"]) == "the 1300s to 2034"
    assert range_label(["2019-02", "2019-02"]) == "February 2019"
    assert range_label(["PXY", None]) is None


def test_the_documents_table_shows_what_ingest_noticed(export):
    noted = copy.deepcopy(export)
    noted["documents"][0]["notes"] = ["the page marks its article as for subscribers only <b>"]
    text = parse(render_report(noted)).root.text()
    assert "for subscribers only <b>" in text  # shown, and escaped
