"""`svpol_procedural_topics`: no topics for procedural text.

The guide gives procedural text (attendance, decision formulas, signatures) no topic, but the
topic models read the bodies and offices named in a protocol's header blocks as subjects: a
social board's attendance list gets ``social_services``, ``Utbildningsnämndens
förvaltningskontor`` gets ``education``. Annotators of real municipal paragraphs gave such blocks no
topic (m-v42, m-v43: 36 of 37 of them). A text is procedural here when it names several persons and
its words are mostly their names, their party letters, their offices and a form's labels
(``Beslutande``, ``sekreterare``, ``Justerande``, ``Underskrifter``); a Riksdag document's title line
(``Interpellation 2020/21:496 ... av A (M) till B (S)``) names a subject and never is.

The component runs after ``svpol_topic_evidence`` and sets the topic scores of every procedural
paragraph (``doc._.paragraphs``) and of a procedural document (``doc.cats``) to 0.
"""

import re
from typing import Mapping

from spacy.language import Language
from spacy.tokens import Doc

from ..doc_cache import doc_text
from .person_spans import is_form_word, is_occupation
from .structure_patterns import ROLE_RE

# A Riksdag document's number ("2020/21:496"): its title line names a subject.
_DOCUMENT_NUMBER_RE = re.compile(r"\d{4}/\d{2}:\d+")
# A protocol's notice of posting and its keeping place ("ANSLAG/BEVIS Protokollet är justerat. Justeringen har
# tillkännagivits genom anslag", "Förvaringsplats för protokollet"): a block of the form whatever it names (the
# real sets m-v480 … m-v535 gave all such blocks no topic, while the models gave a third of them one).
_NOTICE_RE = re.compile(r"(?i)anslag\s*/\s*bevis|bevis\s+om\s+anslag|tillkännagivits\s+genom\s+anslag"
                        r"|förvaringsplats\s+för\s+protokollet|protokollets\s+förvaringsplats")
_NOTICE_MAX_WORDS = 80  # a longer text goes on past the form's block
_LIST_LABELS = frozenset({"PERSON", "PARTY"})

if not Doc.has_extension("paragraphs"):
    Doc.set_extension("paragraphs", default=None)


@Language.factory(
    "svpol_procedural_topics",
    assigns=["doc.cats", "doc._.paragraphs"],
    requires=["doc.ents", "doc.cats"],
    default_config={"min_persons": 3, "min_share": 0.5},
)
def make_procedural_topics(nlp: Language, name: str, min_persons: int, min_share: float) -> "ProceduralTopics":
    """Create the component (stateless: its two thresholds are in the config)."""
    return ProceduralTopics(name, min_persons=min_persons, min_share=min_share)


class ProceduralTopics:
    """Zero the topic scores of procedural paragraphs and documents (see the module docstring)."""

    def __init__(self, name: str, *, min_persons: int = 3, min_share: float = 0.5) -> None:
        """Create the component.

        Args:
            name: component name in the pipeline.
            min_persons: PERSON entities a procedural text names at least.
            min_share: the least share of its words that are names, party letters or form labels.
        """
        if min_persons < 1:
            raise ValueError(f"svpol_procedural_topics: min_persons must be at least 1, got {min_persons}")
        if not 0.0 < min_share <= 1.0:
            raise ValueError(f"svpol_procedural_topics: min_share must be in (0, 1], got {min_share}")
        self.name = name
        self.min_persons = int(min_persons)
        self.min_share = float(min_share)

    def is_procedural(self, doc: Doc, start: int, end: int) -> bool:
        """Whether the characters ``start:end`` of ``doc`` are procedural text."""
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or _DOCUMENT_NUMBER_RE.search(doc_text(doc), start, end):
            return False
        if _NOTICE_RE.search(doc_text(doc), start, end) and sum(token.is_alpha for token in span) <= _NOTICE_MAX_WORDS:
            return True
        persons = sum(1 for ent in span.ents if ent.label_ == "PERSON")
        if persons < self.min_persons:
            return False
        words = [token for token in span if token.is_alpha]
        listed = sum(1 for token in words
                     if token.ent_type_ in _LIST_LABELS or is_form_word(token) or ROLE_RE.fullmatch(token.text)
                     or is_occupation(token))
        return listed >= self.min_share * len(words)

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        if sum(1 for ent in doc.ents if ent.label_ == "PERSON") < self.min_persons and not _NOTICE_RE.search(text):
            return doc  # no part of it can be procedural (most documents)
        if doc.cats and self.is_procedural(doc, 0, len(text)):
            doc.cats = _zeros(doc.cats)
        for paragraph in doc._.paragraphs or ():
            if paragraph["topics"] and self.is_procedural(doc, paragraph["start"], paragraph["end"]):
                paragraph["topics"] = _zeros(paragraph["topics"])
        return doc


def _zeros(scores: Mapping[str, float]) -> dict:
    return {label: 0.0 for label in scores}
