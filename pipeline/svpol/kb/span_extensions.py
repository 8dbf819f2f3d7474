"""Registering the ``Span`` extensions (``span._.<name>``) that svpol components set."""

from __future__ import annotations

from typing import Iterable, List

from spacy.tokens import Span


def register_span_extensions(names: Iterable[str]) -> None:
    """Register ``Span`` extensions (default None) under ``names`` where they are not registered yet."""
    for name in names:
        if not Span.has_extension(name):
            Span.set_extension(name, default=None)


def span_assigns(names: Iterable[str]) -> List[str]:
    """The ``assigns`` entries of a factory that sets the ``Span`` extensions ``names``."""
    return [f"span._.{name}" for name in names]
