"""The report as a reader sees it: opened in headless Chromium.

Builds the report for the seed and for a hostile corpus (articles full of
``<script>``, ``<img onerror>`` and spreadsheet formulas) into tmp folders, opens
``index.html`` and notebook pages in Debian's Chromium, and checks through the
Chrome DevTools protocol (DevTools evaluation is not bound by the page's
Content-Security-Policy) that every chart image decoded, that no script from the
corpus ran (no changed title, no global, no dialog, no injected element), and
saves screenshots into the tmp folder. Skips, saying why, where Chromium or
websocket-client is missing; ``.ci/run`` installs Chromium so CI runs it.
"""

from __future__ import annotations

import base64
import json
import shutil
import subprocess
import tempfile
import time
import urllib.request
from pathlib import Path

import pytest

from corpus_tools.report import CSP
from _report_build import HOSTILE_JS, HOSTILE_MARK, available_charts, build_hostile_report, build_seed_report

CHROMIUM = next((p for p in (shutil.which("chromium"), shutil.which("chromium-browser")) if p), None)
pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="Chromium is not installed (Debian: apt-get install chromium); .ci/run installs it"
)
websocket = pytest.importorskip("websocket", reason="websocket-client is needed to talk to Chromium (DevTools protocol)")

FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-quic",
    "--no-first-run",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
    "--hide-scrollbars",
    "--window-size=1280,900",
    "--remote-debugging-port=0",
    "--remote-allow-origins=*",
]

# What a page reports about itself; run by DevTools, not by the page.
PROBE = """(() => {
  const images = [...document.images].map(i => ({
    src: (i.getAttribute('src') || '').slice(0, 60), ok: i.complete && i.naturalWidth > 0,
    width: i.naturalWidth}));
  const handlers = [...document.querySelectorAll('*')]
    .filter(e => [...e.attributes].some(a => a.name.toLowerCase().startsWith('on'))).length;
  return {title: document.title, pwned: window.__pwned === 1,
          pwnedElements: document.querySelectorAll('[data-pwned]').length,
          scripts: document.scripts.length, images, handlers,
          hostileImages: document.querySelectorAll('img[src="x"]').length,
          text: document.body ? document.body.innerText : ''};
})()"""


class Chromium:
    """One headless Chromium and one page, driven over the DevTools protocol."""

    def __init__(self, profile: Path):
        self.proc = subprocess.Popen(
            [CHROMIUM, *FLAGS, f"--user-data-dir={profile}", "about:blank"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        port_file = profile / "DevToolsActivePort"
        deadline = time.monotonic() + 30
        while not (port_file.exists() and port_file.read_text().strip()):
            if self.proc.poll() is not None or time.monotonic() > deadline:
                self.close()
                pytest.fail(f"Chromium did not start (exit code {self.proc.poll()})")
            time.sleep(0.1)
        port = int(port_file.read_text().split()[0])
        opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # loopback, never a proxy
        targets = json.load(opener.open(f"http://127.0.0.1:{port}/json/list", timeout=10))
        page = next(t for t in targets if t["type"] == "page")
        self.ws = websocket.create_connection(page["webSocketDebuggerUrl"], timeout=30, suppress_origin=True)
        self.next_id = 0
        self.events: list[dict] = []
        self.dialogs: list[str] = []
        for domain in ("Page", "Runtime", "Log"):
            self.call(f"{domain}.enable")

    def _receive(self) -> dict:
        message = json.loads(self.ws.recv())
        if message.get("method") == "Page.javascriptDialogOpening":  # alert(): record it, close it
            self.dialogs.append(message["params"].get("message", ""))
            self.ws.send(json.dumps({"id": 10**6 + len(self.dialogs), "method": "Page.handleJavaScriptDialog",
                                     "params": {"accept": True}}))
        if "method" in message:
            self.events.append(message)
        return message

    def call(self, method: str, **params):
        self.next_id += 1
        self.ws.send(json.dumps({"id": self.next_id, "method": method, "params": params}))
        while True:
            message = self._receive()
            if message.get("id") == self.next_id:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message.get("result", {})

    def open(self, path: Path) -> dict:
        """Load a file, wait for its load event (images included), return PROBE's findings."""
        self.events.clear()
        self.call("Page.navigate", url=path.resolve().as_uri())
        deadline = time.monotonic() + 30
        while not any(e["method"] == "Page.loadEventFired" for e in self.events):
            if time.monotonic() > deadline:
                pytest.fail(f"{path.name} did not finish loading in 30 s")
            self._receive()
        time.sleep(0.3)  # let anything that would run from a timer or onerror run
        result = self.call("Runtime.evaluate", expression=PROBE, returnByValue=True)
        return result["result"]["value"]

    def screenshot(self, path: Path) -> Path:
        size = self.call("Page.getLayoutMetrics")["cssContentSize"]
        clip = {"x": 0, "y": 0, "width": 1280, "height": min(int(size["height"]) + 1, 4000), "scale": 1}
        data = self.call("Page.captureScreenshot", format="png", captureBeyondViewport=True, clip=clip)["data"]
        path.write_bytes(base64.b64decode(data))
        return path

    def errors(self) -> list[str]:
        """Uncaught exceptions and console errors seen since the last open()."""
        found = []
        for e in self.events:
            if e["method"] == "Runtime.exceptionThrown":
                found.append(e["params"]["exceptionDetails"].get("text", "exception"))
            elif e["method"] == "Runtime.consoleAPICalled" and e["params"].get("type") == "error":
                found.append(str(e["params"].get("args")))
        return found

    def close(self):
        if getattr(self, "ws", None) is not None:
            self.ws.close()
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()


@pytest.fixture(scope="module")
def browser():
    with tempfile.TemporaryDirectory(prefix="corpus_tools_chromium_") as profile:
        chromium = Chromium(Path(profile))
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture(scope="module")
def seed_report(tmp_path_factory):
    return build_seed_report(tmp_path_factory)


@pytest.fixture(scope="module")
def hostile_report(tmp_path_factory):
    return build_hostile_report(tmp_path_factory)


def _assert_nothing_ran(seen: dict, browser: Chromium, page: str):
    assert not seen["pwned"], f"{page}: a corpus script set window.__pwned"
    assert seen["pwnedElements"] == 0, f"{page}: a corpus script created an element"
    assert HOSTILE_MARK not in seen["title"], f"{page}: a corpus script changed the title"
    assert seen["scripts"] == 0, f"{page}: the page carries <script> elements"
    assert seen["handlers"] == 0, f"{page}: an element carries an on* event handler"
    assert seen["hostileImages"] == 0, f"{page}: the corpus <img src=x> became an element"
    assert browser.dialogs == [], f"{page}: a dialog opened: {browser.dialogs}"


# (CSP or None, page body, whether the hostile script may run): the probe must see a script that runs
CONTROL_CASES = [
    # a plain page: the script runs, and the probe notices every trace of it
    (None, f"<script>{HOSTILE_JS};alert(1)</script>", True),
    # the same page under the report's Content-Security-Policy: nothing runs
    (CSP, f"<script>{HOSTILE_JS};alert(1)</script>", False),
    # an inline event handler under the CSP: nothing runs
    (CSP, f'<img src=x onerror="{HOSTILE_JS};alert(1)">', False),
]


@pytest.mark.parametrize("csp, body, runs", CONTROL_CASES)
def test_the_probe_sees_a_script_that_runs(browser, tmp_path, csp, body, runs):
    meta = f'<meta http-equiv="Content-Security-Policy" content="{csp}">' if csp else ""
    page = tmp_path / "control.html"
    page.write_text(f"<!DOCTYPE html><html><head>{meta}<title>t</title></head><body>{body}</body></html>",
                    encoding="utf-8")
    browser.dialogs.clear()
    seen = browser.open(page)
    assert seen["pwned"] is runs and (seen["title"] == HOSTILE_MARK) is runs
    assert (seen["pwnedElements"] == 1) is runs and bool(browser.dialogs) is runs
    browser.dialogs.clear()


def test_seed_index_shows_every_chart(browser, seed_report):
    seen = browser.open(seed_report.index)
    browser.screenshot(seed_report.out_dir.parent / "seed_index.png")
    charts = [i for i in seen["images"] if i["src"].startswith("charts/")]
    # one image per chart the report wrote, and every one decoded
    assert len(charts) == len(seed_report.charts) >= 1
    assert all(i["ok"] and i["width"] >= 200 for i in charts), charts
    # the charts the issue asks for, once the library can draw them (all, when the project is done)
    wanted = {"key_figures", "word_frequencies", "wordcloud", "actors", "actor_network"} & set(available_charts())
    for name in sorted(wanted):
        assert any(i["src"] == f"charts/{name}.png" for i in charts), f"chart {name} missing from index.html"
    _assert_nothing_ran(seen, browser, "index.html")
    assert browser.errors() == []


def _png_outputs(ipynb: Path) -> int:
    nb = json.loads(ipynb.read_text(encoding="utf-8"))
    return sum("image/png" in o.get("data", {}) for c in nb["cells"] for o in c.get("outputs", []))


def test_seed_notebook_pages_show_their_charts(browser, seed_report):
    if not seed_report.notebooks:
        pytest.skip("notebooks/ holds no notebooks yet")
    for nb in seed_report.notebooks:
        seen = browser.open(nb["html"])
        _assert_nothing_ran(seen, browser, nb["html"].name)
        # one decoded image per chart the notebook drew
        assert len(seen["images"]) == _png_outputs(nb["ipynb"]), nb["name"]
        assert all(i["ok"] and i["width"] > 100 for i in seen["images"]), (nb["name"], seen["images"])
    classroom = [nb["html"] for nb in seed_report.notebooks if "classroom" in nb["name"]]
    seen = browser.open(classroom[0] if classroom else seed_report.notebooks[0]["html"])
    assert "Exercise" in seen["text"] or not classroom
    browser.screenshot(seed_report.out_dir.parent / "seed_notebook.png")


def test_hostile_corpus_runs_nothing(browser, hostile_report):
    for page in [hostile_report.index] + [nb["html"] for nb in hostile_report.notebooks if nb["html"]]:
        seen = browser.open(page)
        _assert_nothing_ran(seen, browser, page.name)
        browser.screenshot(hostile_report.out_dir.parent / f"hostile_{page.stem}.png")
    # the probe notebook displays the article raw in every way a notebook can:
    # the reader sees the markup as text instead
    probe = next(nb["html"] for nb in hostile_report.notebooks if nb["name"].startswith("99_"))
    seen = browser.open(probe)
    assert "<script>" in seen["text"] and "onerror" in seen["text"]
