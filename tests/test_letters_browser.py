"""A letter's page in a real browser: headless Chromium renders it, marks it and shows a tooltip.

Chromium is driven with its own command-line switches (``--dump-dom``, ``--screenshot``) and,
for hover and keyboard focus, the DevTools protocol over ``--remote-debugging-pipe`` (JSON
messages ended by a NUL byte on file descriptors 3 and 4): no driver package is needed. CI
installs Debian's ``chromium`` (``.ci/run``); elsewhere the tests skip, saying how to install it.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import futian_indicators as fi

from .test_letters import MARKUP, letter_figures, marked_letter, parse

BROWSER = next(
    (shutil.which(n) for n in ("chromium", "chromium-browser", "google-chrome") if shutil.which(n)),
    None,
)
pytestmark = pytest.mark.skipif(
    BROWSER is None, reason="no Chromium on PATH: install it (apt-get install -y chromium)"
)
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--window-size=1000,1400",
]
SOURCE = "cppcc-2025136"


@pytest.fixture
def profile(tmp_path: Path) -> Path:
    """A fresh browser profile for each run."""
    return tmp_path / "profile"


def _write(tmp_path: Path, html: str) -> str:
    path = tmp_path / "letter.html"
    path.write_text(html, encoding="utf-8")
    return path.as_uri()


def _run(profile: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    assert BROWSER is not None
    command = [BROWSER, *FLAGS, f"--user-data-dir={profile}", *args]
    return subprocess.run(command, capture_output=True, timeout=120, check=True)


def test_the_rendered_dom_has_a_mark_for_every_figure(tmp_path: Path, profile: Path) -> None:
    url = _write(tmp_path, fi.render_letter(SOURCE))
    dom = _run(profile, "--virtual-time-budget=2000", "--dump-dom", url).stdout.decode()
    elements = parse(dom).elements
    html_attributes = next(a for tag, a in elements if tag == "html")
    marks = [a["data-figure-id"] for _, a in elements if "data-figure-id" in a]
    assert html_attributes.get("data-marks") == str(len(marks))  # the script ran
    assert sorted(marks) == sorted(letter_figures(SOURCE))


def test_markup_in_the_letter_stays_text_in_the_browser(tmp_path: Path, profile: Path) -> None:
    url = _write(tmp_path, marked_letter(SOURCE))
    dom = _run(profile, "--virtual-time-budget=2000", "--dump-dom", url).stdout.decode()
    parsed = parse(dom)
    assert [tag for tag, _ in parsed.elements].count("script") == 1
    assert MARKUP in "".join(parsed.text)
    assert "<title>owned</title>" not in dom


def test_a_screenshot_of_the_page_is_not_blank(tmp_path: Path, profile: Path) -> None:
    from matplotlib import image

    url = _write(tmp_path, fi.render_letter(SOURCE))
    shot = tmp_path / "page.png"
    _run(profile, f"--screenshot={shot}", url)
    pixels = image.imread(shot)
    assert pixels.shape[0] >= 1000
    assert float(pixels[..., :3].std()) > 0.05  # text and marks on white, not one colour


class _DevTools:
    """Chromium's DevTools protocol over a pipe: send a command, read until its answer."""

    def __init__(self, url: str, profile: Path) -> None:
        assert BROWSER is not None
        to_browser_r, self._to_browser = os.pipe()
        self._from_browser, from_browser_w = os.pipe()

        def wire() -> None:  # in the child: the browser reads fd 3 and writes fd 4
            os.dup2(to_browser_r, 3)
            os.dup2(from_browser_w, 4)

        self._process = subprocess.Popen(
            [BROWSER, *FLAGS, f"--user-data-dir={profile}", "--remote-debugging-pipe", url],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            preexec_fn=wire,  # noqa: PLW1509 - no threads in the parent touch these fds
            close_fds=False,
        )
        os.close(to_browser_r)
        os.close(from_browser_w)
        self._buffer, self._next = b"", 0
        self.session = ""

    def send(self, method: str, **params: Any) -> dict[str, Any]:
        self._next += 1
        message: dict[str, Any] = {"id": self._next, "method": method, "params": params}
        if self.session:
            message["sessionId"] = self.session
        os.write(self._to_browser, json.dumps(message).encode() + b"\0")
        while True:
            while b"\0" not in self._buffer:
                chunk = os.read(self._from_browser, 1 << 16)
                assert chunk, "the browser closed its pipe"
                self._buffer += chunk
            raw, self._buffer = self._buffer.split(b"\0", 1)
            answer: dict[str, Any] = json.loads(raw)
            if answer.get("id") == self._next:
                assert "error" not in answer, answer
                result: dict[str, Any] = answer["result"]
                return result

    def evaluate(self, expression: str) -> Any:
        result = self.send(
            "Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True
        )
        return result["result"].get("value")

    def close(self) -> None:
        self._process.kill()
        self._process.wait(timeout=30)
        os.close(self._to_browser)
        os.close(self._from_browser)


@pytest.fixture
def devtools(tmp_path: Path, profile: Path) -> Iterator[_DevTools]:
    url = _write(tmp_path, fi.render_letter(SOURCE))
    browser = _DevTools(url, profile)
    try:
        targets = browser.send("Target.getTargets")["targetInfos"]
        page = next(t for t in targets if t["type"] == "page")
        attached = browser.send("Target.attachToTarget", targetId=page["targetId"], flatten=True)
        browser.session = attached["sessionId"]
        for _ in range(100):  # the page loads while we attach
            try:
                if browser.evaluate("document.documentElement.getAttribute('data-marks')"):
                    break
                browser.evaluate("new Promise(r => setTimeout(r, 50))")
            except AssertionError:  # the context was replaced by the loading page: ask again
                time.sleep(0.05)
        yield browser
    finally:
        browser.close()


_TIP = (
    "(m => [getComputedStyle(m.querySelector('.tip')).display, m.querySelector('.tip').innerText])"
)


def test_hovering_a_mark_shows_the_figures_values(devtools: _DevTools) -> None:
    mark = "document.getElementById('fig-gdp-2024')"
    assert devtools.evaluate(f"{_TIP}({mark})")[0] == "none"
    box = devtools.evaluate(f"(r => [r.x + 4, r.y + r.height / 2])({mark}.getBoundingClientRect())")
    devtools.send("Input.dispatchMouseEvent", type="mouseMoved", x=box[0], y=box[1])
    display, text = devtools.evaluate(f"{_TIP}({mark})")
    assert display == "block"
    assert "5,948.82 亿元" in text
    assert "[5,948.815, 5,948.825] 亿元" in text


def test_tab_focuses_a_mark_and_shows_its_values(devtools: _DevTools) -> None:
    # Tab goes through the page's links in order; evidence marks (links to their figure) may
    # come before the first figure's number. The first figure mark Tab reaches is the first in
    # the text.
    key = {"key": "Tab", "code": "Tab", "windowsVirtualKeyCode": 9}
    focused = None
    for _ in range(40):
        devtools.send("Input.dispatchKeyEvent", type="keyDown", **key)
        devtools.send("Input.dispatchKeyEvent", type="keyUp", **key)
        focused = devtools.evaluate("document.activeElement.getAttribute('data-figure-id')")
        if focused:
            break
    first = devtools.evaluate("document.querySelector('[data-figure-id]').dataset.figureId")
    assert focused == first
    display, text = devtools.evaluate(f"{_TIP}(document.activeElement)")
    assert display == "block"
    assert "interval" in text
