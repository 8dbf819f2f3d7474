"""`svpol_topic_evidence`: topic scores from the text classifier and keyword evidence together.

The bag-of-words text classifier sees whole word forms, so ``äldreomsorgen``,
``äldreomsorgens`` and ``äldreomsorgsnämnden`` are unrelated features to it, and its
scores saturate on long texts. The topic keyword stems of :mod:`svpol.topic_keywords`
match inside Swedish compounds. This component rescores each topic with a small
logistic model per label over

    logit(classifier score), log1p(hits), log1p(hits) * log1p(words), log1p(words), hits > 0, 1

where ``hits`` counts the topic's keyword matches and ``words`` the text's words. The
weights are fitted on dev (``python -m training.fit_topics``) and saved with the
pipeline. Unfitted, the component passes the classifier's scores through unchanged.
It rescores ``doc.cats`` and, when ``svpol_paragraph_topics`` ran before it, every
paragraph's topics from the paragraph's own text.

Configured with ``hashed_features`` or ``static_vectors``, it scores the topics with a
:class:`~svpol.topic_text_model.TextTopicModel` instead: one logistic model per topic over
hashed words and word beginnings, the keyword counts, the mean static vector and (with
``classifier``) the classifier's logits, fitted on hand-annotated paragraphs
(``python -m training fit-topic-model``). The guide's topics are broader than the weak labels
the classifier learns from, and this model learns them from the annotation itself.
"""

from pathlib import Path
from typing import Dict, Iterable, Iterator, List, Mapping, Optional, Sequence, Tuple, Union

import numpy
import srsly
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import ensure_path, minibatch

from ..doc_cache import doc_text
from ..labels import TOPIC_LABELS
from ..topic_keywords import keyword_hits
from ..topic_text_model import TextTopicModel

FEATURES = ("logit", "log_hits", "log_hits_x_log_words", "log_words", "has_hit", "bias")
# Weights that reproduce the classifier's score: sigmoid(logit(p)) == p.
IDENTITY = (1.0, 0.0, 0.0, 0.0, 0.0, 0.0)
WEIGHTS_FILE = "weights.json"
TEXT_MODEL_FILE = "text_model.npz"
_EPS = 1e-6


@Language.factory(
    "svpol_topic_evidence",
    assigns=["doc.cats", "doc._.paragraphs"],
    requires=["doc.cats"],
    default_config={"labels": list(TOPIC_LABELS), "hashed_features": 0, "static_vectors": False, "classifier": True,
                    "blend": 0.0, "compound_parts": False, "lexicon": False},
)
def make_topic_evidence(
    nlp: Language, name: str, labels: List[str], hashed_features: int, static_vectors: bool, classifier: bool,
    blend: float, compound_parts: bool, lexicon: bool,
) -> "TopicEvidence":
    """Create the component; ``labels`` are the topics it rescores (the others pass through).

    With ``hashed_features`` (hash buckets for words and word beginnings) or ``static_vectors``
    the topics come from a :class:`~svpol.topic_text_model.TextTopicModel` fitted on
    hand-annotated paragraphs (``python -m training fit-topic-model``), which reads the text
    classifier's scores only when ``classifier`` is true. ``blend`` is the weight of the keyword
    evidence model's score in the average with the text model's (0: the text model alone).
    ``compound_parts``: a compound without a static vector counts with its parts' vectors (it must be
    as when the text model was fitted; off in models fitted before v5.37). ``lexicon``: the text model reads a
    topic lexicon of an encoder's word logits, stored with it (``fit-topic-model --lexicon``; off before v5.40).
    """
    text_model = None
    if hashed_features or static_vectors:
        text_model = TextTopicModel(labels, hashed_features=hashed_features, static_vectors=static_vectors,
                                    classifier=classifier, vocab=nlp.vocab, compound_parts=compound_parts,
                                    lexicon=lexicon)
    return TopicEvidence(name, labels=labels, text_model=text_model, blend=blend)


def blend_scores(evidence: Mapping[str, float], learned: Mapping[str, float], blend: float) -> Dict[str, float]:
    """The weighted average of the keyword evidence's and the text model's scores (``blend`` on the evidence)."""
    return {label: blend * evidence[label] + (1.0 - blend) * p for label, p in learned.items()}


def topic_features(scores: Mapping[str, float], text: str, labels: Sequence[str]) -> numpy.ndarray:
    """The feature matrix (labels x FEATURES) of one text and its classifier scores."""
    return topic_features_many([(scores, text)], labels)[0]


def topic_features_many(jobs: Sequence[Tuple[Mapping[str, float], str]], labels: Sequence[str]) -> numpy.ndarray:
    """The feature matrices of many (scores, text) pairs at once: texts x labels x FEATURES."""
    hits = [keyword_hits(text) for _, text in jobs]
    p = numpy.clip([[float(scores.get(label, 0.0)) for label in labels] for scores, _ in jobs], _EPS, 1.0 - _EPS)
    n = numpy.asarray([[h.get(label, 0) for label in labels] for h in hits], dtype="float64").reshape(p.shape)
    log_hits = numpy.log1p(n)
    log_words = numpy.repeat(numpy.log1p([len(text.split()) for _, text in jobs]), len(labels)).reshape(p.shape)
    return numpy.stack(
        (numpy.log(p / (1.0 - p)), log_hits, log_hits * log_words, log_words, n > 0, numpy.ones(p.shape)), axis=-1
    )


class TopicEvidence:
    """Rescore topics with per-label logistic weights over classifier score and keyword evidence."""

    def __init__(self, name: str, *, labels: Sequence[str], weights: Optional[Mapping[str, Sequence[float]]] = None,
                 text_model: Optional[TextTopicModel] = None, blend: float = 0.0):
        unknown = [label for label in labels if label not in TOPIC_LABELS]
        if unknown or not labels:
            raise ValueError(
                f"svpol_topic_evidence: labels must be a non-empty subset of {list(TOPIC_LABELS)}; got {list(labels)}"
            )
        if not 0.0 <= blend <= 1.0:
            raise ValueError(f"svpol_topic_evidence: blend must be between 0 and 1, got {blend}")
        self.name = name
        self.labels = list(labels)
        self.text_model = text_model
        self.blend = float(blend)
        self.set_weights(weights or {label: IDENTITY for label in self.labels})

    def set_weights(self, weights: Mapping[str, Sequence[float]]) -> None:
        """Set the weights, one vector of ``len(FEATURES)`` numbers per label (missing labels: identity)."""
        matrix = []
        for label in self.labels:
            row = [float(w) for w in weights.get(label, IDENTITY)]
            if len(row) != len(FEATURES):
                raise ValueError(
                    f"svpol_topic_evidence: weights for {label!r} need {len(FEATURES)} numbers "
                    f"({', '.join(FEATURES)}), got {len(row)}"
                )
            matrix.append(row)
        self.weights = numpy.asarray(matrix, dtype="float64")

    def weights_dict(self) -> Dict[str, List[float]]:
        """The weights as ``{label: [..]}`` (JSON-ready)."""
        return {label: [float(w) for w in row] for label, row in zip(self.labels, self.weights)}

    def rescore(self, scores: Mapping[str, float], text: str) -> Dict[str, float]:
        """New topic scores for ``text`` given the classifier's ``scores``."""
        return self.rescore_many([(scores, text)])[0]

    def evidence_scores(self, scores: Mapping[str, float], text: str) -> Dict[str, float]:
        """The keyword evidence model's scores of the component's labels."""
        return self.evidence_scores_many([(scores, text)])[0]

    def evidence_scores_many(self, jobs: Sequence[Tuple[Mapping[str, float], str]]) -> List[Dict[str, float]]:
        """:meth:`evidence_scores` of many (scores, text) pairs, computed as one array."""
        if not jobs:
            return []
        return [dict(zip(self.labels, row)) for row in self._evidence_array(jobs).tolist()]

    def _evidence_array(self, jobs: Sequence[Tuple[Mapping[str, float], str]]) -> numpy.ndarray:
        """The keyword evidence model's probabilities: one row per job, one column per label."""
        z = (topic_features_many(jobs, self.labels) * self.weights).sum(axis=-1)
        return 1.0 / (1.0 + numpy.exp(-z))

    def rescore_many(self, jobs: Sequence[Tuple[Mapping[str, float], str]]) -> List[Dict[str, float]]:
        """:meth:`rescore` of many (scores, text) pairs, the text model run once for all of them."""
        if self.text_model is None:
            return [{**scores, **evidence} for (scores, _), evidence in zip(jobs, self.evidence_scores_many(jobs))]
        if not self.text_model.fitted or not jobs:
            return [dict(scores) for scores, _ in jobs]
        probabilities = self.text_model.predict([scores for scores, _ in jobs], [text for _, text in jobs])
        labels = self.text_model.labels
        if self.blend and labels == self.labels:
            # blend_scores on whole arrays: the same operations on the same float64 numbers
            probabilities = self.blend * self._evidence_array(jobs) + (1.0 - self.blend) * probabilities
        elif self.blend:
            learned = [dict(zip(labels, row)) for row in probabilities.tolist()]
            return [{**scores, **blend_scores(evidence, row, self.blend)}
                    for (scores, _), row, evidence in zip(jobs, learned, self.evidence_scores_many(jobs))]
        return [{**scores, **dict(zip(labels, row))} for (scores, _), row in zip(jobs, probabilities.tolist())]

    def __call__(self, doc: Doc) -> Doc:
        """Rescore ``doc.cats`` and the paragraphs' topics."""
        return next(self.pipe([doc]))

    def pipe(self, stream: Iterable[Doc], batch_size: int = 64) -> Iterator[Doc]:
        """Rescore a stream of docs, a batch's documents and paragraphs in one pass of the text model."""
        for batch in minibatch(stream, size=batch_size):
            # (doc, paragraph or None for the document) of each text to rescore, in order
            targets: List[Tuple[Doc, Optional[dict]]] = []
            jobs: List[Tuple[Mapping[str, float], str]] = []
            whole: List[Tuple[Doc, dict]] = []  # paragraphs that are the whole text with the document's scores
            for doc in batch:
                text = doc_text(doc)
                cats = doc.cats
                if cats:
                    targets.append((doc, None))
                    jobs.append((cats, text))
                paragraphs = doc._.paragraphs if Doc.has_extension("paragraphs") else None
                for paragraph in paragraphs or ():
                    start, end = paragraph["start"], paragraph["end"]
                    if (cats and (start, end) == (0, len(text))
                            and list(paragraph["topics"].items()) == list(cats.items())):
                        # The whole text with the document's scores (one paragraph): the same rescoring.
                        whole.append((doc, paragraph))
                    else:
                        targets.append((doc, paragraph))
                        jobs.append((paragraph["topics"], text[start:end]))
            for (doc, paragraph), rescored in zip(targets, self.rescore_many(jobs)):
                if paragraph is None:
                    doc.cats = rescored
                else:
                    paragraph["topics"] = rescored
            for doc, paragraph in whole:
                paragraph["topics"] = dict(doc.cats)
            yield from batch

    def fit(
        self,
        scores: Sequence[Mapping[str, float]],
        texts: Sequence[str],
        gold: Sequence[Mapping[str, float]],
        *,
        l2: float = 1e-3,
        iterations: int = 3000,
        learning_rate: float = 0.5,
    ) -> None:
        """Fit the weights by L2-regularized logistic regression (full-batch gradient descent).

        Args:
            scores: the classifier's topic scores per doc (without this component).
            texts: the docs' texts.
            gold: the docs' gold topics (1.0 on, 0.0 off); a label missing from a doc is not used.
            l2: regularization strength.
            iterations: gradient steps (deterministic).
            learning_rate: step size.
        """
        if not (len(scores) == len(texts) == len(gold)) or not texts:
            raise ValueError("svpol_topic_evidence.fit: scores, texts and gold must be non-empty and of equal length")
        features = numpy.stack([topic_features(s, t, self.labels) for s, t in zip(scores, texts)])
        y = numpy.asarray([[g.get(label, numpy.nan) for label in self.labels] for g in gold], dtype="float64")
        known = ~numpy.isnan(y)
        y = numpy.nan_to_num(y)
        counts = numpy.maximum(known.sum(axis=0), 1)[:, None]
        weights = numpy.asarray([IDENTITY] * len(self.labels), dtype="float64")
        for _ in range(iterations):
            z = (features * weights[None]).sum(axis=-1)
            error = (1.0 / (1.0 + numpy.exp(-z)) - y) * known
            gradient = (error[..., None] * features).sum(axis=0) / counts + l2 * weights
            weights -= learning_rate * gradient
        self.weights = weights

    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        """Serialize the labels and weights (and the fitted text model)."""
        msg = {"labels": self.labels, "weights": self.weights_dict()}
        if self.text_model is not None and self.text_model.fitted:
            msg["text_model"] = self.text_model.to_bytes()
        return srsly.msgpack_dumps(msg)

    def from_bytes(self, data: bytes, *, exclude: Iterable[str] = ()) -> "TopicEvidence":
        """Load labels and weights from :meth:`to_bytes` output."""
        msg = srsly.msgpack_loads(data)
        self.labels = list(msg["labels"])
        self.set_weights(msg["weights"])
        if "text_model" in msg:
            self._require_text_model().from_bytes(msg["text_model"])
        return self

    def to_disk(self, path: Union[str, Path], *, exclude: Iterable[str] = ()) -> None:
        """Write ``weights.json`` (and ``text_model.npz`` when fitted) into ``path``."""
        path = ensure_path(path)
        path.mkdir(parents=True, exist_ok=True)
        srsly.write_json(path / WEIGHTS_FILE, {"features": list(FEATURES), "weights": self.weights_dict()})
        if self.text_model is not None and self.text_model.fitted:
            (path / TEXT_MODEL_FILE).write_bytes(self.text_model.to_bytes())

    def from_disk(self, path: Union[str, Path], *, exclude: Iterable[str] = ()) -> "TopicEvidence":
        """Read ``weights.json`` and ``text_model.npz`` from ``path`` (missing files keep the unfitted state)."""
        path = ensure_path(path)
        file = path / WEIGHTS_FILE
        if file.exists():
            data = srsly.read_json(file)
            if list(data.get("features", [])) != list(FEATURES):
                raise ValueError(f"{file}: features {data.get('features')} do not match {list(FEATURES)}")
            self.set_weights(data["weights"])
        if (path / TEXT_MODEL_FILE).exists():
            try:
                self._require_text_model().from_bytes((path / TEXT_MODEL_FILE).read_bytes())
            except ValueError as err:
                raise ValueError(f"{path / TEXT_MODEL_FILE}: {err}") from None
        return self

    def _require_text_model(self) -> TextTopicModel:
        if self.text_model is None:
            raise ValueError("svpol_topic_evidence: the saved component has a fitted text model, but this one is "
                             "configured without one (set hashed_features or static_vectors as when it was fitted)")
        return self.text_model
