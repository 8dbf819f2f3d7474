"""`svpol_paragraph_topics`: topic scores for every paragraph of a document.

The document-level ``textcat_multilabel`` scores the whole text; long council
minutes or interpellations change topic from paragraph to paragraph. This
component runs the same text classifier (and the embedding layer it listens to,
if any) on each blank-line-separated paragraph and stores the result as::

    doc._.paragraphs == [{"start": 0, "end": 380, "topics": {"budget": 0.93, ...}}, ...]

with ``start``/``end`` as character offsets into ``doc.text``. A document with
one paragraph reuses ``doc.cats`` instead of classifying the text twice.
"""

from typing import Any, List, Optional

from spacy.language import Language
from spacy.tokens import Doc

from ..text import paragraphs as paragraph_spans

if not Doc.has_extension("paragraphs"):
    Doc.set_extension("paragraphs", default=None)


@Language.factory(
    "svpol_paragraph_topics",
    assigns=["doc._.paragraphs"],
    requires=["doc.cats"],
    default_config={"textcat": "textcat_multilabel", "batch_size": 64},
)
def make_paragraph_topics(nlp: Language, name: str, textcat: str, batch_size: int) -> "ParagraphTopics":
    """Create the component; ``textcat`` names the text classifier to reuse."""
    return ParagraphTopics(nlp, name, textcat=textcat, batch_size=batch_size)


class ParagraphTopics:
    """Score each paragraph of a doc with the pipeline's text classifier."""

    def __init__(self, nlp: Language, name: str, *, textcat: str, batch_size: int) -> None:
        if batch_size < 1:
            raise ValueError(f"svpol_paragraph_topics: batch_size must be at least 1, got {batch_size}")
        self.nlp = nlp
        self.name = name
        self.textcat = textcat
        self.batch_size = batch_size
        # Resolved on first use: the pipeline is complete (and listeners wired) only then.
        self._steps: Optional[List[Any]] = None

    def _resolve_steps(self) -> List[Any]:
        """The components to run on a paragraph: the embedding layers the textcat listens to, then it."""
        if self.textcat not in self.nlp.pipe_names:
            raise ValueError(
                f"svpol_paragraph_topics: no component '{self.textcat}' in the pipeline "
                f"(components: {', '.join(self.nlp.pipe_names)}); set 'textcat' in its config"
            )
        steps = []
        for pipe_name, pipe in self.nlp.pipeline:
            if pipe_name == self.textcat:
                steps.append(pipe)
                break
            # tok2vec and transformer keep the names of the components listening to them.
            if self.textcat in getattr(pipe, "listening_components", []):
                steps.append(pipe)
        return steps

    def __call__(self, doc: Doc) -> Doc:
        """Set ``doc._.paragraphs`` for one doc."""
        spans = paragraph_spans(doc.text)
        if len(spans) <= 1:
            doc._.paragraphs = [
                {"start": start, "end": end, "topics": dict(doc.cats)} for start, end in spans
            ]
            return doc
        if self._steps is None:
            self._steps = self._resolve_steps()
        para_docs = [self._paragraph_doc(doc, start, end) for start, end in spans]
        for step in self._steps:
            para_docs = list(step.pipe(para_docs, batch_size=self.batch_size))
        doc._.paragraphs = [
            {"start": start, "end": end, "topics": dict(para_doc.cats)}
            for (start, end), para_doc in zip(spans, para_docs)
        ]
        return doc

    @staticmethod
    def _paragraph_doc(doc: Doc, start: int, end: int) -> Doc:
        """A new Doc holding the tokens of ``doc`` that cover ``doc.text[start:end]``."""
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            # Only whitespace tokens: classify an empty doc rather than fail.
            return Doc(doc.vocab, words=[])
        return span.as_doc()
