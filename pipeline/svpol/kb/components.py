"""Base classes of the components that use the KB: lazy loading, saving the KB with the
pipeline, and enriching the entities of one label."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Dict, Iterable, Optional, Tuple, Union

from spacy.tokens import Doc, Span

from ..labels import ENTITY_LABELS
from .index import KnowledgeBase
from .load import load_kb
from .span_extensions import register_span_extensions
from .storage import KB_PARTS

CFG_FILE = "cfg.json"
KB_DIR = "kb"


class KBComponent:
    """Knowledge-base handling shared by the svpol components that use the KB.

    The KB is read lazily on first use from ``kb_path`` (None: the KB shipped with
    svpol), so loading a saved pipeline never reads the default KB first and a
    ``kb_path`` in a saved config need not exist on another machine. ``to_disk``
    writes ``cfg.json`` (from ``cfg()``) and the KB parts named in ``kb_parts`` into
    the component's folder, so a saved pipeline carries its own knowledge;
    ``from_disk`` reads them back. ``kb_loaded()`` runs whenever the KB is replaced.
    """

    kb_parts: Tuple[str, ...] = KB_PARTS
    kb_path: Optional[str] = None
    _kb: Optional[KnowledgeBase] = None

    @property
    def kb(self) -> KnowledgeBase:
        """The component's knowledge base."""
        if self._kb is None:
            self._kb = load_kb(self.kb_path, parts=self.kb_parts)
            self.kb_loaded()
        return self._kb

    @kb.setter
    def kb(self, value: KnowledgeBase) -> None:
        self._kb = value
        self.kb_loaded()

    def cfg(self) -> Dict[str, object]:
        """Settings to save with the component (JSON-serializable)."""
        return {}

    def set_cfg(self, cfg: Dict[str, object]) -> None:
        """Restore what ``cfg()`` returned."""

    def kb_loaded(self) -> None:
        """Hook run when the KB is (re)placed: rebuild what depends on it."""

    def to_disk(self, path: Union[str, Path], *, exclude: Iterable[str] = ()) -> None:
        """Write the settings and the KB parts."""
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        (path / CFG_FILE).write_text(json.dumps(self.cfg(), ensure_ascii=False, indent=1), "utf-8")
        self.kb.to_disk(path / KB_DIR, parts=self.kb_parts)

    def from_disk(self, path: Union[str, Path], *, exclude: Iterable[str] = ()):
        """Read what ``to_disk`` wrote."""
        path = Path(path)
        if (path / CFG_FILE).exists():
            self.set_cfg(json.loads((path / CFG_FILE).read_text("utf-8")))
        self.kb = KnowledgeBase.from_disk(path / KB_DIR, self.kb_parts)
        return self


def check_entity_label(label: str) -> str:
    """Return ``label`` if it is an svpol entity label.

    Raises:
        ValueError: naming the labels to choose from.
    """
    if label not in ENTITY_LABELS:
        raise ValueError(f"label {label!r} is not an svpol entity label; choose from {ENTITY_LABELS}")
    return label



class EntityEnricher(KBComponent):
    """A KB component that sets attributes on the entities of one label.

    Subclasses name their defaults (``default_name``, ``default_label``), the
    ``Span`` extensions they set (``extensions``, registered when the subclass is
    defined) and implement ``enrich(ent)``.

    Args:
        name: component name; ``default_name`` if None.
        label: the entity label to enrich; ``default_label`` if None.
        kb_path: a KB folder; None for the one shipped with svpol.

    Raises:
        ValueError: ``label`` is not an svpol entity label.
    """

    default_name: str = ""
    default_label: str = ""
    extensions: Tuple[str, ...] = ()

    def __init_subclass__(cls, **kwargs: object) -> None:
        super().__init_subclass__(**kwargs)
        register_span_extensions(cls.extensions)

    def __init__(self, name: Optional[str] = None, label: Optional[str] = None, kb_path: Optional[str] = None) -> None:
        self.name = self.default_name if name is None else name
        self.label = check_entity_label(self.default_label if label is None else label)
        self.kb_path = kb_path

    def enrich(self, ent: Span) -> None:
        """Set the attributes of one entity of ``self.label``."""
        raise NotImplementedError

    def __call__(self, doc: Doc) -> Doc:
        for ent in doc.ents:
            if ent.label_ == self.label:
                self.enrich(ent)
        return doc

    def cfg(self) -> Dict[str, object]:
        return {"label": self.label}

    def set_cfg(self, cfg: Dict[str, object]) -> None:
        self.label = str(cfg["label"])
