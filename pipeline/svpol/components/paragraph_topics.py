"""`svpol_paragraph_topics`: topic scores for every paragraph of a document.

The document-level ``textcat_multilabel`` scores the whole text; long council
minutes or interpellations change topic from paragraph to paragraph. This
component runs the same text classifier (and the embedding layer it listens to,
if any) on each blank-line-separated paragraph and stores the result as::

    doc._.paragraphs == [{"start": 0, "end": 380, "topics": {"budget": 0.93, ...}}, ...]

with ``start``/``end`` as character offsets into ``doc.text``. A document with
one paragraph reuses ``doc.cats`` instead of classifying the text twice. The
cost is linear in the document's length: the paragraph Docs are built from one
token array of the document (:func:`paragraph_docs`), not with ``Span.as_doc``.
"""

from bisect import bisect_left
from typing import Any, List, Optional, Sequence, Tuple

from spacy.attrs import ENT_IOB
from spacy.language import Language
from spacy.tokens import Doc

from ..doc_cache import doc_text
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
        spans = paragraph_spans(doc_text(doc))
        if len(spans) <= 1:
            doc._.paragraphs = [
                {"start": start, "end": end, "topics": dict(doc.cats)} for start, end in spans
            ]
            return doc
        if self._steps is None:
            self._steps = self._resolve_steps()
        para_docs = paragraph_docs(doc, spans)
        for step in self._steps:
            para_docs = list(step.pipe(para_docs, batch_size=self.batch_size))
        doc._.paragraphs = [
            {"start": start, "end": end, "topics": dict(para_doc.cats)}
            for (start, end), para_doc in zip(spans, para_docs)
        ]
        return doc


def paragraph_docs(doc: Doc, spans: Sequence[Tuple[int, int]]) -> List[Doc]:
    """A new Doc per character span of ``doc`` (its tokens that cover ``doc.text[start:end]``).

    Each is the Doc ``Span.as_doc()`` gives, built with what ``as_doc`` would
    recompute for the whole document on every call (the token array, the
    entities) computed once per document: ``as_doc`` per paragraph costs the
    square of the document's length.
    """
    head = doc._get_array_attrs()
    array = doc.to_array(head)
    ents = list(doc.ents)
    ent_starts = [ent.start for ent in ents]
    iob = head.index(ENT_IOB) if ENT_IOB in head else None
    out = []
    for start, end in spans:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            # Only whitespace tokens: classify an empty doc rather than fail.
            out.append(Doc(doc.vocab, words=[]))
            continue
        para = Doc(doc.vocab, words=[t.text for t in span], spaces=[bool(t.whitespace_) for t in span])
        rows = array[span.start:span.end].copy()
        span._fix_dep_copy(head, rows)
        # The initial IOB tag, so that the entities are valid.
        if len(rows) and iob is not None and rows[0][iob] == 1:
            rows[0][iob] = 3
        para.from_array(head, rows)
        # Entities cut by the span's edges are left unannotated, as Span.as_doc leaves them.
        inside = set()
        for ent in ents[bisect_left(ent_starts, span.start):]:
            if ent.end > span.end:
                break
            inside.add((ent.start, ent.end))
        para_ents = para.ents
        if para_ents:
            if (para_ents[0].start + span.start, para_ents[0].end + span.start) not in inside:
                para.set_ents([], missing=[para_ents[0]], default="unmodified")
            if (para_ents[-1].start + span.start, para_ents[-1].end + span.start) not in inside:
                para.set_ents([], missing=[para_ents[-1]], default="unmodified")
        para.noun_chunks_iterator = doc.noun_chunks_iterator
        para.user_hooks = doc.user_hooks
        para.user_span_hooks = doc.user_span_hooks
        para.user_token_hooks = doc.user_token_hooks
        para.vector = span.vector
        para.vector_norm = span.vector_norm
        para.tensor = doc.tensor[span.start:span.end]
        for key, value in doc.cats.items():
            if hasattr(key, "__len__") and len(key) == 3:
                cat_start, cat_end, cat_label = key
                if cat_start == span.start_char and cat_end == span.end_char:
                    para.cats[cat_label] = value
        out.append(para)
    return out
