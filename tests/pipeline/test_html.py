"""The HTML report rendered by a real browser (headless Chromium): the entities are on the page."""

import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path
from typing import List, Tuple

import pytest
from batch_fixtures import read_jsonl, write_jsonl

from svpol.jobs import run_job
from svpol.engines import LocalEngine

CHROMIUM = next((shutil.which(name) for name in ("chromium", "chromium-browser", "google-chrome") if shutil.which(name)), None)
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="no headless Chromium (apt-get install chromium)")


class _Marks(HTMLParser):
    """Collects displaCy's entity marks (text, label) and the links of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.marks: List[Tuple[str, str]] = []
        self.links: List[str] = []
        self._depth = 0
        self._in_label = False
        self._text: List[str] = []
        self._label: List[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "a" and "href" in attrs:
            self.links.append(attrs["href"])
        if tag == "mark" and attrs.get("class") == "entity":
            self._depth, self._text, self._label = 1, [], []
        elif self._depth and tag == "span":
            self._in_label = True

    def handle_endtag(self, tag):
        if tag == "span" and self._in_label:
            self._in_label = False
        elif tag == "mark" and self._depth:
            self._depth = 0
            self.marks.append((" ".join("".join(self._text).split()), "".join(self._label).strip()))

    def handle_data(self, data):
        if self._depth:
            (self._label if self._in_label else self._text).append(data)


def render(page: Path, tmp_path: Path) -> str:
    """The DOM of ``page`` after Chromium loaded and laid it out."""
    result = subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", f"--user-data-dir={tmp_path / 'profile'}",
         "--dump-dom", page.as_uri()],
        capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout


def test_report_pages_show_the_entities_in_a_browser(tmp_path, batch_model_dir):
    from svpol import load

    inputs = tmp_path / "in.jsonl"
    write_jsonl(inputs, 3, seed=11)
    nlp = load(batch_model_dir)
    report = tmp_path / "report.html"
    run_job([inputs], LocalEngine(nlp), report)
    reference = tmp_path / "reference.jsonl"
    run_job([inputs], LocalEngine(nlp), reference)
    records = read_jsonl(reference)

    index = _Marks()
    index.feed(render(report / "index.html", tmp_path))
    pages = [link for link in index.links if link.startswith("docs/")]
    assert len(pages) == 3 and all((report / link).exists() for link in pages)

    # each Chromium start costs seconds: two pages are enough
    for link, record in list(zip(pages, records))[:2]:
        page = _Marks()
        dom = render(report / link, tmp_path)
        page.feed(dom)
        assert page.marks == [(" ".join(e["text"].split()), e["label"]) for e in record["entities"]]
        assert len(page.marks) > 0
        top = max(record["topics"], key=record["topics"].get)
        assert top in dom and record["id"] in dom
        assert "../index.html" in page.links
