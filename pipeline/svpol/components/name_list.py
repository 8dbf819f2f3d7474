"""A list of names matched as written and in the genitive: the part that `svpol_org_names` and
`svpol_place_names` share (matching, saving with the pipeline, argument checks)."""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Iterable, Iterator, List, Optional, Sequence, Union

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import ensure_path, filter_spans

from ..kb import genitive

NAMES_FILE = "names.txt"


def resource_names(filename: str) -> List[str]:
    """The names in ``svpol/resources/<filename>``: one a line; blank lines and ``#`` comments skipped."""
    text = resources.files("svpol").joinpath("resources", filename).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


class NameList:
    """Names matched token by token, as written (case-sensitive), in the genitive and with ``:s``."""

    label: str = ""

    def __init__(self, nlp: Language, name: str, names: Sequence[str], rules_key: str) -> None:
        """Create the matcher.

        Args:
            nlp: the pipeline (its tokenizer builds the patterns).
            name: the component name.
            names: the names as written.
            rules_key: the ``doc.spans`` key of the rule entities, which a match never replaces.
        """
        if not all(isinstance(n, str) and n.strip() for n in names):
            raise ValueError(f"{name}: names must be non-empty strings")
        self.nlp = nlp
        self.name = name
        self.rules_key = rules_key
        self.set_names(names)

    def set_names(self, names: Sequence[str]) -> None:
        """Replace the names (as written)."""
        self.names = list(dict.fromkeys(names))
        # Built on first use: a pipeline loaded from disk replaces the default names before any
        # text, so the default matcher would be built for nothing.
        self._matcher: Optional[PhraseMatcher] = None

    @property
    def matcher(self) -> PhraseMatcher:
        """The phrase matcher of the names, their genitives and ``:s`` forms."""
        if self._matcher is None:
            self._matcher = PhraseMatcher(self.nlp.vocab, attr="ORTH")
            forms = [v for n in self.names for v in (n, genitive(n), f"{n}:s")]
            self._matcher.add(self.label, list(self.nlp.tokenizer.pipe(dict.fromkeys(forms))))
        return self._matcher

    def shipped_names(self) -> List[str]:
        """The names shipped with svpol for this component (what a new pipeline starts with)."""
        raise NotImplementedError

    def listed(self, doc: Doc) -> List[Span]:
        """The longest matches of the listed names in ``doc``, without overlaps."""
        return filter_spans([Span(doc, start, end, label=self.label) for _, start, end in self.matcher(doc)])

    def yields_to(self, span: Span, overlapping: List[Span]) -> bool:
        """Whether the match ``span`` is left out for the entities it overlaps (``overlapping``)."""
        raise NotImplementedError

    def holds_rule_entity(self, span: Span, rule: Span) -> bool:
        """Whether the match ``span`` replaces the rule entity ``rule`` wholly inside it (never, by default)."""
        return False

    def keeps_front(self, ent: Span, span: Span) -> bool:
        """Whether the entity ``ent`` that the match ``span`` replaces keeps its tokens before ``span``
        (never, by default)."""
        return False

    def name_after(self, ent: Span, span: Span) -> Optional[Span]:
        """A name that the entity ``ent``, which the match ``span`` replaces, holds right after ``span`` and keeps
        as an entity of its own (None, by default)."""
        return None

    def add_matches(self, doc: Doc, found: List[Span]) -> Doc:
        """Put the matches ``found`` (no overlaps) into ``doc.ents`` and the rule entities.

        A match never touches a rule entity unless it holds it whole and :meth:`holds_rule_entity`
        says so, and is left out where :meth:`yields_to` says so; otherwise it replaces the entities
        it overlaps. svpol_confidence scores rule entities by the measured precision of the rules.
        """
        ents = list(doc.ents)  # read once: the getter scans every token
        rules = list(doc.spans[self.rules_key]) if self.rules_key in doc.spans else []
        fixed = {i for rule in rules for i in range(rule.start, rule.end)}
        # token -> index of its entity, so each match looks at its own tokens only (linear in the doc)
        owner = {i: k for k, ent in enumerate(ents) for i in range(ent.start, ent.end)}
        replaced: set = set()
        dropped_rules: set = set()
        added = []
        fronts = []  # what replaced entities keep in front of a match (not rule entities: a model made them)
        backs = []  # ... and the names they hold after it
        for span in found:
            tokens = range(span.start, span.end)
            if any(i in fixed for i in tokens):
                held = [k for k, rule in enumerate(rules) if span.start <= rule.start and rule.end <= span.end
                        and self.holds_rule_entity(span, rule)]
                if {i for k in held for i in range(rules[k].start, rules[k].end)} != fixed.intersection(tokens):
                    continue
                dropped_rules.update(held)
            overlapping = {owner[i] for i in tokens if i in owner} - replaced
            if self.yields_to(span, [ents[k] for k in overlapping]):
                continue
            replaced |= overlapping
            added.append(span)
            fronts += [Span(doc, ents[k].start, span.start, label=ents[k].label_) for k in overlapping
                       if ents[k].start < span.start and self.keeps_front(ents[k], span)]
            backs += [name for name in (self.name_after(ents[k], span) for k in overlapping) if name is not None]
        if added:
            new_ents = [ent for k, ent in enumerate(ents) if k not in replaced] + added + fronts
            taken = {i for ent in new_ents for i in range(ent.start, ent.end)}
            new_ents += [name for name in backs if not any(i in taken for i in range(name.start, name.end))]
            doc.ents = sorted(new_ents, key=lambda s: s.start)
            kept_rules = [rule for k, rule in enumerate(rules) if k not in dropped_rules]
            doc.spans[self.rules_key] = sorted(kept_rules + added, key=lambda s: s.start)
        return doc

    def pipe(self, stream: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        for doc in stream:
            yield self(doc)

    def __call__(self, doc: Doc) -> Doc:  # pragma: no cover - every subclass defines it
        raise NotImplementedError

    def to_disk(self, path: Union[str, Path], *, exclude: Iterable[str] = ()) -> None:
        path = ensure_path(path)
        path.mkdir(parents=True, exist_ok=True)
        (path / NAMES_FILE).write_text("\n".join(self.names) + "\n", encoding="utf-8")

    def from_disk(self, path: Union[str, Path], *, exclude: Iterable[str] = ()) -> "NameList":
        lines = (ensure_path(path) / NAMES_FILE).read_text(encoding="utf-8").splitlines()
        self.set_names([line for line in lines if line.strip()])
        return self
