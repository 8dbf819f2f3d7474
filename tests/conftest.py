"""Shared fixtures. Every fixture writes its own data; nothing is read from ../shared."""

from pathlib import Path
from typing import Callable, Sequence

import pytest


@pytest.fixture(scope="module")
def blank_nlp():
    """A blank Swedish pipeline with the svpol tokenizer (no trained model needed).

    One per test module: a module that adds components to it does not leak them
    into other modules, but tests within a module share it, so a test that adds a
    component should build its own pipeline (``svpol.tokenizer.blank()``).
    """
    from svpol.tokenizer import blank

    return blank()


@pytest.fixture
def make_pdf() -> Callable[[Path, Sequence[str]], Path]:
    """Write a PDF with a text layer, one string per page (latin-1 text, core font)."""
    from fpdf import FPDF

    def write(path: Path, pages: Sequence[str]) -> Path:
        pdf = FPDF()
        pdf.set_font("helvetica", size=11)
        for text in pages:
            pdf.add_page()
            pdf.multi_cell(0, 6, text)
        pdf.output(str(path))
        return path

    return write


@pytest.fixture(scope="session")
def batch_model_dir(tmp_path_factory) -> Path:
    """A saved pipeline with exact entities and deterministic topics (see tests/batch_fixtures.py)."""
    from batch_fixtures import save_model

    return save_model(tmp_path_factory.mktemp("batch_model") / "m")


@pytest.fixture(scope="module")
def batch_nlp(batch_model_dir):
    """The :func:`batch_model_dir` pipeline loaded with ``svpol.load``, one per test module."""
    import svpol

    return svpol.load(batch_model_dir)
