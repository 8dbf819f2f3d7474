"""`svpol_document_topics`: a document is about what one of its paragraphs is clearly about.

The guide gives a text every topic that a substantial part of it is about. The topic models
score a document from its whole text, where a council protocol's or a budget report's many
agenda items dilute each other: a page whose paragraphs are about schools, a road and the
budget scores each topic lower as a whole than its own paragraph does, and the document
misses topics that its paragraphs have (real municipal pages, their paragraphs joined and
scored against the union of their topics: README.md, v5.13).

Each topic's document score becomes the largest of its own score and its paragraphs' scores
less ``margin``, over the paragraphs (``doc._.paragraphs``) of at least ``min_words`` words.
A paragraph therefore turns a topic on for the document exactly where its score is
``margin`` above the threshold; short lines (headings, signatures) lend nothing. The
component runs after ``svpol_procedural_topics``, so procedural paragraphs, whose scores are
zero, lend nothing either.
"""

from typing import Dict

from spacy.language import Language
from spacy.tokens import Doc

from ..doc_cache import doc_text

if not Doc.has_extension("paragraphs"):
    Doc.set_extension("paragraphs", default=None)


@Language.factory(
    "svpol_document_topics",
    assigns=["doc.cats"],
    requires=["doc.cats", "doc._.paragraphs"],
    default_config={"margin": 0.2, "min_words": 10},
)
def make_document_topics(nlp: Language, name: str, margin: float, min_words: int) -> "DocumentTopics":
    """Create the component (stateless: its two settings are in the config)."""
    return DocumentTopics(name, margin=margin, min_words=min_words)


class DocumentTopics:
    """Raise a document's topic scores to its paragraphs' scores less a margin (see the module docstring)."""

    def __init__(self, name: str, *, margin: float = 0.2, min_words: int = 10) -> None:
        """Create the component.

        Args:
            name: component name in the pipeline.
            margin: how much a paragraph's score is lowered before it counts for the document.
            min_words: the fewest whitespace-separated words a paragraph that counts has.
        """
        if not 0.0 <= margin <= 1.0:
            raise ValueError(f"svpol_document_topics: margin must be between 0 and 1, got {margin}")
        if min_words < 1:
            raise ValueError(f"svpol_document_topics: min_words must be at least 1, got {min_words}")
        self.name = name
        self.margin = float(margin)
        self.min_words = int(min_words)

    def document_scores(self, doc: Doc) -> Dict[str, float]:
        """The document's topic scores after its paragraphs' (``doc.cats`` is not changed)."""
        scores = dict(doc.cats)
        paragraphs = doc._.paragraphs or ()
        if len(paragraphs) < 2:
            return scores  # one paragraph is the whole text: its scores are the document's
        text = doc_text(doc)
        for paragraph in paragraphs:
            if len(text[paragraph["start"]:paragraph["end"]].split()) < self.min_words:
                continue
            for label, score in paragraph["topics"].items():
                if label in scores and score - self.margin > scores[label]:
                    scores[label] = score - self.margin
        return scores

    def __call__(self, doc: Doc) -> Doc:
        if doc.cats:
            doc.cats = self.document_scores(doc)
        return doc
