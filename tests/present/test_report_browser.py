"""report.html in a real headless browser (Debian's chromium): clicks, the reader, filters, zoom.

Chromium is driven over the DevTools protocol on a pipe (``--remote-debugging-pipe``: fd 3 in, fd 4 out,
NUL-terminated JSON), so there is no port, no websocket library and no network. Skips when /usr/bin/chromium
is absent. Screenshots go to a temp dir, or to $STORYLINE_SCREENSHOT_DIR when set (e.g. out/).
"""

from __future__ import annotations

import base64
import json
import os
import select
import subprocess
import time
from html.parser import HTMLParser
from pathlib import Path

import pytest

from storyline.present.report import date_interval, write_report

CHROMIUM = Path("/usr/bin/chromium")
FIXTURE = Path(__file__).parent / "fixtures" / "export.json"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-default-apps", "--disable-extensions", "--mute-audio", "--hide-scrollbars"]

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="chromium is not installed (apt-get install chromium)")


class Browser:
    """A minimal DevTools-protocol client over chromium's debugging pipe, one page attached."""

    def __init__(self, profile: Path):
        to_chrome_r, self._to_chrome = os.pipe()
        self._from_chrome, from_chrome_w = os.pipe()
        # bash puts the pipe ends on the fds chromium expects (3: commands in, 4: replies out)
        self.proc = subprocess.Popen(
            ["bash", "-c", f'exec "$0" "$@" 3<&{to_chrome_r} 4>&{from_chrome_w}', str(CHROMIUM), *FLAGS,
             f"--user-data-dir={profile}", "--remote-debugging-pipe", "about:blank"],
            pass_fds=(to_chrome_r, from_chrome_w), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(to_chrome_r)
        os.close(from_chrome_w)
        self._buffer = b""
        self._next_id = 0
        self.events: list[dict] = []
        self.session = None
        target = self.send("Target.createTarget", url="about:blank")["targetId"]
        self.session = self.send("Target.attachToTarget", targetId=target, flatten=True)["sessionId"]
        self.send("Page.enable")
        self.send("Runtime.enable")
        self.send("Emulation.setDeviceMetricsOverride", width=1280, height=900, deviceScaleFactor=1, mobile=False)

    def _read_message(self, deadline: float) -> dict:
        while b"\0" not in self._buffer:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([self._from_chrome], [], [], left)[0]:
                raise TimeoutError("chromium did not answer in time")
            chunk = os.read(self._from_chrome, 1 << 16)
            if not chunk:
                raise RuntimeError("chromium closed the debugging pipe")
            self._buffer += chunk
        raw, self._buffer = self._buffer.split(b"\0", 1)
        return json.loads(raw)

    def send(self, method: str, timeout: float = 20, **params) -> dict:
        self._next_id += 1
        message = {"id": self._next_id, "method": method, "params": params}
        if self.session and not method.startswith(("Target.", "Browser.")):
            message["sessionId"] = self.session
        os.write(self._to_chrome, json.dumps(message).encode() + b"\0")
        deadline = time.monotonic() + timeout
        while True:
            reply = self._read_message(deadline)
            if reply.get("id") == self._next_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})
            if "method" in reply:
                self.events.append(reply)
                if reply["method"] == "Page.javascriptDialogOpening":  # an alert() would block the page
                    os.write(self._to_chrome, json.dumps({"id": 0, "method": "Page.handleJavaScriptDialog",
                                                          "params": {"accept": True},
                                                          "sessionId": self.session}).encode() + b"\0")

    def js(self, expression: str):
        result = self.send("Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True)
        if "exceptionDetails" in result:
            raise RuntimeError(f"{expression}: {result['exceptionDetails']}")
        return result["result"].get("value")

    def open(self, url: str) -> None:
        self.send("Page.navigate", url=url)
        deadline = time.monotonic() + 20
        while self.js("document.readyState === 'complete' && document.documentElement.dataset.ready") != "1":
            if time.monotonic() > deadline:
                raise TimeoutError(f"{url} never became ready")
            time.sleep(0.05)

    @staticmethod
    def _centre(selector_js: str, across: int) -> str:
        # scroll the element on screen, then let two frames pass: sections drawn lazily (content-visibility)
        # take their real height only once on screen, which moves what is below them
        return (f"(async () => {{ const e = {selector_js}; const frame = () => new Promise(r => requestAnimationFrame(r));"
                "for (let i = 0; i < 3; i++) { e.scrollIntoView({block: 'center'}); await frame(); await frame(); }"
                f"const r = e.getBoundingClientRect(); return [r.x + r.width / {across}, r.y + r.height / 2]; }})()")

    def click(self, selector_js: str) -> None:
        """A real mouse click (press + release) in the middle of the element ``selector_js`` evaluates to."""
        x, y = self.js(self._centre(selector_js, 2))
        for kind in ("mousePressed", "mouseReleased"):
            self.send("Input.dispatchMouseEvent", type=kind, x=x, y=y, button="left", clickCount=1)

    def wheel(self, selector_js: str, delta_y: float) -> None:
        x, y = self.js(self._centre(selector_js, 3))
        self.send("Input.dispatchMouseEvent", type="mouseWheel", x=x, y=y, deltaX=0, deltaY=delta_y)

    def screenshot(self, path: Path) -> Path:
        data = self.send("Page.captureScreenshot", format="png")["data"]
        path.write_bytes(base64.b64decode(data))
        return path

    def close(self) -> None:
        try:
            self.send("Browser.close", timeout=5)
        except (RuntimeError, TimeoutError, OSError):
            pass
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        os.close(self._to_chrome)
        os.close(self._from_chrome)


@pytest.fixture(scope="module")
def export() -> dict:
    return json.loads(FIXTURE.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def report(export, tmp_path_factory) -> Path:
    return write_report(export, tmp_path_factory.mktemp("report") / "report.html")


@pytest.fixture(scope="module")
def shots(tmp_path_factory) -> Path:
    folder = os.environ.get("STORYLINE_SCREENSHOT_DIR")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        return Path(folder)
    return tmp_path_factory.mktemp("screenshots")


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    b = Browser(tmp_path_factory.mktemp("chromium-profile"))
    yield b
    b.close()


def event_card(event_id: str) -> str:
    return f"[...document.querySelectorAll('li.event')].find(li => li.dataset.eventId === {json.dumps(event_id)})"


READER_STATE = """(() => {
  const d = document.getElementById('reader'), m = d.querySelector('.reader-body mark');
  const body = d.querySelector('.reader-body').getBoundingClientRect();
  const r = m && m.getBoundingClientRect();
  return {open: d.open, doc: d.dataset.doc, title: d.querySelector('#reader-title').textContent,
          marks: [...d.querySelectorAll('.reader-body mark')].map(x => x.textContent).join(''),
          inView: !!r && r.top >= body.top && r.bottom <= body.bottom,
          links: [...d.querySelectorAll('a')].map(a => a.getAttribute('href')),
          imgs: document.querySelectorAll('img').length, scripts: document.scripts.length};
})()"""


def test_clicking_a_citation_opens_the_source_with_the_passage_marked(browser, report, export, shots):
    browser.open(report.as_uri())
    # the passage furthest into its document, in a short window: the reader has to scroll to show it
    event, n = max(((e, n) for e in export["events"] for n in range(len(e["sources"]))),
                   key=lambda pair: pair[0]["sources"][pair[1]]["start"])
    source = event["sources"][n]
    browser.send("Emulation.setDeviceMetricsOverride", width=1280, height=560, deviceScaleFactor=1, mobile=False)
    try:
        browser.click(f"{event_card(event['id'])}.querySelectorAll('.ev-sources .cite')[{n}]")
        state = browser.js(READER_STATE)
        scrolled = browser.js("document.querySelector('#reader .reader-body').scrollTop")
        shot = browser.screenshot(shots / "report-reader.png")
    finally:
        browser.send("Emulation.setDeviceMetricsOverride", width=1280, height=900, deviceScaleFactor=1, mobile=False)
    assert scrolled > 0
    assert state["open"] and state["doc"] == source["document"]
    title = next(d["title"] for d in export["documents"] if d["id"] == source["document"])
    assert state["title"] == title
    assert state["marks"] == source["sentence"]
    assert state["inView"], "the cited passage is scrolled into view"
    assert shot.stat().st_size > 10_000
    browser.send("Input.dispatchKeyEvent", type="keyDown", key="Escape", code="Escape", windowsVirtualKeyCode=27)
    browser.send("Input.dispatchKeyEvent", type="keyUp", key="Escape", code="Escape", windowsVirtualKeyCode=27)
    assert browser.js("document.getElementById('reader').open") is False


def test_hostile_document_opens_as_text(browser, report, export):
    browser.open(report.as_uri())
    quote = next(q for q in export["quotes"] if "<script>" in q["text"])
    button = ("[...document.querySelectorAll('#quotes .cite')].find(b => b.dataset.doc === "
              f"{json.dumps(quote['document'])} && b.dataset.start === '{quote['start']}')")
    browser.click(button)
    state = browser.js(READER_STATE)
    assert state["open"] and state["marks"] == quote["text"]
    assert state["imgs"] == 0 and state["scripts"] == 2  # nothing from the text became markup
    assert state["links"] == []  # its javascript: url is not offered as a link
    assert not [e for e in browser.events if e["method"] == "Page.javascriptDialogOpening"]
    browser.js("document.getElementById('reader').close()")


def test_actor_chip_filters_the_timeline(browser, report, export, shots):
    browser.open(report.as_uri())
    story = export["stories"][0]
    actor = "a-dprk"
    chip = ("[...document.querySelectorAll('.story')[0].querySelectorAll('.chip')]"
            f".find(c => c.dataset.value === {json.dumps(actor)})")
    browser.click(chip)
    shown = browser.js("[...document.querySelectorAll('.story')[0].querySelectorAll('li.event')]"
                       ".filter(li => !li.hidden).map(li => li.dataset.eventId)")
    marks = browser.js("document.querySelectorAll('.story')[0].querySelectorAll('.tl-mark:not([hidden])').length")
    expected = [e["id"] for e in export["events"] if e["id"] in story["events"] and actor in e["actors"]]
    assert sorted(shown) == sorted(expected) and 0 < len(expected) < len(story["events"])
    assert marks == len(expected)
    browser.screenshot(shots / "report-filtered.png")
    browser.click(chip)
    assert browser.js("document.querySelectorAll('.story')[0].querySelectorAll('li.event[hidden]').length") == 0


def test_wheel_and_buttons_zoom_the_axis(browser, report):
    browser.open(report.as_uri())
    root = "document.querySelectorAll('.timeline')[0]"
    assert browser.js(f"{root}.dataset.zoom") == "1.00"
    before = browser.js(f"{root}.querySelectorAll('.tl-tick').length")
    browser.wheel(f"{root}.querySelector('.tl-viewport')", -600)
    zoomed = float(browser.js(f"{root}.dataset.zoom"))
    assert zoomed > 1.5
    assert browser.js(f"{root}.querySelectorAll('.tl-tick').length") >= before
    browser.click(f"{root}.querySelector('.zoom-reset')")
    assert browser.js(f"{root}.dataset.zoom") == "1.00"
    browser.click(f"{root}.querySelector('.zoom-in')")
    assert float(browser.js(f"{root}.dataset.zoom")) > 1


def test_year_event_is_drawn_as_a_band_across_its_year(browser, report, export):
    browser.open(report.as_uri())
    year = next(e for e in export["events"] if e["granularity"] == "year")
    day = next(e for e in export["events"] if e["granularity"] == "day" and "/" not in e["date"])
    width = browser.js("(() => { const m = [...document.querySelectorAll('.tl-mark')]"
                       f".find(b => b.title.endsWith({json.dumps(year['summary'])}));"
                       "return [m.classList.contains('band'), m.getBoundingClientRect().width,"
                       "m.parentElement.getBoundingClientRect().width]; })()")
    is_band, band_px, axis_px = width
    assert is_band and band_px > axis_px * 0.3  # a year on a ~2.5-year axis, not a dot on 1 January
    kinds = browser.js("[...document.querySelectorAll('.tl-mark')]"
                       f".filter(b => b.title.endsWith({json.dumps(day['summary'])})).map(b => b.className)")
    assert kinds and all("point" in k for k in kinds)


class _Dom(HTMLParser):
    def __init__(self):
        super().__init__()
        self.stack: list[str] = []
        self.marks: list[str] = []
        self.dialog_open = False
        self.tags: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        attrs = dict(attrs)
        if tag == "dialog" and attrs.get("id") == "reader":
            self.dialog_open = "open" in attrs
        if tag == "mark":
            self.marks.append("")
            self.stack.append("mark")

    def handle_endtag(self, tag):
        if tag == "mark" and self.stack:
            self.stack.pop()

    def handle_data(self, data):
        if self.stack:
            self.marks[-1] += data


def dump_dom(url: str, profile: Path) -> _Dom:
    out = subprocess.run([str(CHROMIUM), *FLAGS, f"--user-data-dir={profile}", "--virtual-time-budget=3000",
                          "--dump-dom", url], capture_output=True, text=True, timeout=60, check=True).stdout
    dom = _Dom()
    dom.feed(out)
    return dom


@pytest.mark.parametrize("suffix", ["#cite={event}:{n}", "?test=click"])
def test_page_links_open_a_citation(report, export, tmp_path, suffix):
    event = next(e for e in export["events"] if len(e["sources"]) > 1)
    n = 1 if suffix.startswith("#") else 0
    if suffix.startswith("?"):  # ?test=click clicks the first citation on the page: the first story's earliest event
        first_story = [e for e in export["events"] if e["id"] in export["stories"][0]["events"]]
        event = min(first_story, key=lambda e: date_interval(e["date"])[0])
    dom = dump_dom(report.as_uri() + suffix.format(event=event["id"], n=n), tmp_path / "profile")
    assert dom.dialog_open
    assert "".join(dom.marks) == event["sources"][n]["sentence"]
    assert "img" not in dom.tags



@pytest.fixture(scope="module")
def sample_report(tmp_path_factory):
    """The report `storyline analyze` writes for the bundled sample corpus."""
    import storyline

    sample = Path(__file__).resolve().parents[2] / "examples" / "korea-summits"
    result = storyline.analyze([sample], tmp_path_factory.mktemp("sample"))
    return result.report_path, result.export


def test_sample_report_citation_opens_the_source_passage(browser, sample_report, shots):
    report_path, export = sample_report
    browser.open(report_path.as_uri())
    # the event most outlets cite (the Singapore summit, told by two op-eds), its last citation
    event = max(export["events"], key=lambda e: len(e["sources"]))
    n = len(event["sources"]) - 1
    source = event["sources"][n]
    browser.click(f"{event_card(event['id'])}.querySelectorAll('.ev-sources .cite')[{n}]")
    state = browser.js(READER_STATE)
    shot = browser.screenshot(shots / "sample-report-reader.png")
    assert state["open"] and state["doc"] == source["document"]
    assert state["marks"] == source["sentence"]
    assert state["inView"] and state["imgs"] == 0
    assert shot.stat().st_size > 10_000
