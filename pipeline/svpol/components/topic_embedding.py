"""svpol_topic_embedding: topic scores from a sentence encoder (frozen or fine-tuned), averaged into ``doc.cats``.

The optional topic route of issue #18 (``pip install -e ".[trf]"``; docs/transformer.md). The
bag-of-words topic models of ``topic_evidence`` see word forms; a sentence encoder reads what a
paragraph is about. The encoder (multilingual-e5-small, built offline with
``python -m training backbone build``; or fine-tuned with the head, ``topic-embedding finetune``) runs
once per text (each paragraph of a document with several, else the document), as the mean of its last
hidden states over its word pieces, scaled to unit length; a small head (one hidden layer) fitted on the
hand-annotated topic paragraphs (``python -m training topic-embedding fit``) turns that into a probability
per topic (for a document of several paragraphs, the highest of its paragraphs'),
which is averaged with the scores already in ``doc.cats`` (weight ``blend`` on the head).

The pipeline's topic thresholds (``meta["svpol"]["topic_thresholds"]``) must be those of the
average: ``python -m training topic-embedding assemble`` adds the component and writes them.
torch and transformers are imported when the first text is scored, so a pipeline with this
component loads without them and says what to install when it runs.
"""

from __future__ import annotations

import io
import os
from pathlib import Path
from typing import Dict, Iterable, Iterator, List, Optional, Sequence, Union

import numpy
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import ensure_path

from ..doc_cache import doc_text
from ..labels import TOPIC_LABELS

HEAD_FILE = "head.npz"
# multilingual-e5 was trained with these prefixes; "query: " is its advice for classification.
DEFAULT_PREFIX = "query: "


class TopicEmbeddingError(RuntimeError):
    """The encoder cannot run (torch/transformers missing, or no backbone at the configured path)."""


def gelu(x: numpy.ndarray) -> numpy.ndarray:
    """GELU, tanh form (the head is trained with the same form, ``torch.nn.GELU(approximate="tanh")``)."""
    return 0.5 * x * (1.0 + numpy.tanh(0.7978845608028654 * (x + 0.044715 * x ** 3)))


class Encoder:
    """A frozen transformer that turns texts into unit-length mean-pooled vectors (loaded at once)."""

    def __init__(self, backbone: Union[str, Path], *, batch_size: int = 32, max_length: int = 512,
                 prefix: str = DEFAULT_PREFIX, threads: int = 0) -> None:
        """Load the backbone folder (a Hugging Face model and tokenizer saved with ``save_pretrained``).

        Raises:
            TopicEmbeddingError: torch or transformers is missing, or ``backbone`` is no model folder.
        """
        try:
            import torch
            from transformers import AutoModel, AutoTokenizer
        except ImportError as err:
            raise TopicEmbeddingError(
                f"svpol_topic_embedding needs torch and transformers ({err}); install them with "
                "pip install -e \".[trf]\"") from err
        path = Path(backbone)
        if not (path / "config.json").is_file():
            raise TopicEmbeddingError(
                f"svpol_topic_embedding: no backbone at {path} (no config.json); build it with "
                f"python -m training backbone build -o {path}")
        if threads:
            torch.set_num_threads(threads)
        self._torch = torch
        self._pid = os.getpid()
        self.tokenizer = AutoTokenizer.from_pretrained(str(path))
        self.model = AutoModel.from_pretrained(str(path)).eval()
        self.width = int(self.model.config.hidden_size)
        self.batch_size, self.max_length, self.prefix = batch_size, max_length, prefix

    def __call__(self, texts: Sequence[str]) -> numpy.ndarray:
        """One row per text, float32, unit length (texts of similar length are batched together)."""
        torch = self._torch
        if os.getpid() != self._pid:
            # A forked worker (svpol annotate --n-process, Dask): torch's thread pool does not survive a fork and
            # hangs at the first parallel operation once the parent has used it; the workers are the parallelism.
            torch.set_num_threads(1)
            self._pid = os.getpid()
        vectors = numpy.zeros((len(texts), self.width), dtype="float32")
        order = numpy.argsort([len(t) for t in texts], kind="stable")
        with torch.inference_mode():
            for start in range(0, len(texts), self.batch_size):
                rows = order[start:start + self.batch_size]
                encoded = self.tokenizer([self.prefix + texts[i] for i in rows], padding=True, truncation=True,
                                         max_length=self.max_length, return_tensors="pt")
                vectors[rows] = sentence_vectors(self.model, encoded).numpy()
        return vectors


def sentence_vectors(model, encoded):
    """The unit-length mean of ``model``'s last hidden states over each text's word pieces (a torch tensor).

    The one pooling of the encoder, shared by inference (:class:`Encoder`) and fine-tuning
    (``python -m training topic-embedding finetune``), so a fine-tuned head reads what it was trained on.
    """
    import torch  # only called where torch is installed (see Encoder)

    hidden = model(**encoded).last_hidden_state
    mask = encoded["attention_mask"].unsqueeze(-1).to(hidden.dtype)
    mean = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1.0)
    return torch.nn.functional.normalize(mean, dim=-1)


class TopicHead:
    """One hidden layer (GELU) and a sigmoid per topic over an encoder's vectors (numpy at inference)."""

    def __init__(self, hidden_weights: numpy.ndarray, hidden_bias: numpy.ndarray, output_weights: numpy.ndarray,
                 output_bias: numpy.ndarray, *, labels: Sequence[str] = TOPIC_LABELS, scale: float = 1.0) -> None:
        if output_weights.shape != (hidden_weights.shape[1], len(labels)):
            raise ValueError(f"topic head: output weights {output_weights.shape} do not fit hidden weights "
                             f"{hidden_weights.shape} and {len(labels)} labels")
        self.hidden_weights, self.hidden_bias = hidden_weights.astype("float32"), hidden_bias.astype("float32")
        self.output_weights, self.output_bias = output_weights.astype("float32"), output_bias.astype("float32")
        self.labels, self.scale = list(labels), float(scale)

    @property
    def width(self) -> int:
        """The encoder width the head reads."""
        return int(self.hidden_weights.shape[0])

    def logits(self, vectors: numpy.ndarray) -> numpy.ndarray:
        """Topic logits, one row per vector."""
        hidden = gelu(vectors * self.scale @ self.hidden_weights + self.hidden_bias)
        return hidden @ self.output_weights + self.output_bias

    def predict(self, vectors: numpy.ndarray) -> numpy.ndarray:
        """Topic probabilities, one row per vector."""
        return 1.0 / (1.0 + numpy.exp(-self.logits(vectors)))

    def to_bytes(self) -> bytes:
        buffer = io.BytesIO()
        numpy.savez(buffer, labels=numpy.asarray(self.labels), scale=numpy.asarray(self.scale),
                    hidden_weights=self.hidden_weights, hidden_bias=self.hidden_bias,
                    output_weights=self.output_weights, output_bias=self.output_bias)
        return buffer.getvalue()

    @classmethod
    def from_bytes(cls, data: bytes) -> "TopicHead":
        arrays = numpy.load(io.BytesIO(data))
        return cls(arrays["hidden_weights"], arrays["hidden_bias"], arrays["output_weights"], arrays["output_bias"],
                   labels=[str(label) for label in arrays["labels"]], scale=float(arrays["scale"]))


class TopicEmbedding:
    """Average a sentence-encoder topic head into ``doc.cats`` and the paragraphs' topics."""

    def __init__(self, nlp: Language, name: str, backbone: str, blend: float, batch_size: int, max_length: int,
                 prefix: str, threads: int) -> None:
        if not 0.0 <= blend <= 1.0:
            raise ValueError(f"{name}: blend must be between 0 and 1 (the head's weight), got {blend}")
        if batch_size < 1 or max_length < 8:
            raise ValueError(f"{name}: batch_size must be >= 1 and max_length >= 8, got {batch_size}, {max_length}")
        self.name, self.backbone, self.blend = name, backbone, float(blend)
        self.batch_size, self.max_length, self.prefix, self.threads = batch_size, max_length, prefix, threads
        self.head: Optional[TopicHead] = None
        self._encoder: Optional[Encoder] = None

    @property
    def encoder(self) -> Encoder:
        """The backbone, loaded on first use."""
        if self._encoder is None:
            self._encoder = Encoder(self.backbone, batch_size=self.batch_size, max_length=self.max_length,
                                    prefix=self.prefix, threads=self.threads)
            if self.head is not None and self.head.width != self._encoder.width:
                raise TopicEmbeddingError(f"{self.name}: the head reads {self.head.width}-wide vectors, "
                                          f"the backbone at {self.backbone} gives {self._encoder.width}")
        return self._encoder

    def __call__(self, doc: Doc) -> Doc:
        return next(self.pipe([doc]))

    def pipe(self, stream: Iterable[Doc], batch_size: int = 64) -> Iterator[Doc]:
        batch: List[Doc] = []
        for doc in stream:
            batch.append(doc)
            if len(batch) >= batch_size:
                yield from self._rescore(batch)
                batch = []
        if batch:
            yield from self._rescore(batch)

    def _rescore(self, docs: List[Doc]) -> List[Doc]:
        if self.head is None or self.blend == 0.0:
            return docs  # unfitted: the scores pass through
        # Every text to score, once: each paragraph of a doc with several, else the doc's text. The encoder reads
        # at most max_length word pieces, so a document of several paragraphs is not encoded whole (it would be cut
        # after its first lines): the head's probability for it is the highest of its paragraphs', a document
        # being about every topic one of its paragraphs is about. A one-paragraph doc's paragraph takes its scores.
        texts, targets, whole, by_paragraphs = [], [], [], []
        for doc in docs:
            text = doc_text(doc)
            paragraphs = (doc._.paragraphs if Doc.has_extension("paragraphs") else None) or []
            several = len(paragraphs) > 1
            if doc.cats and not several:
                texts.append(text)
                targets.append((doc, None))
            elif doc.cats:
                by_paragraphs.append(doc)
            for paragraph in paragraphs:
                if not several and doc.cats:
                    whole.append((doc, paragraph))
                else:
                    texts.append(text[paragraph["start"]:paragraph["end"]])
                    targets.append((doc, paragraph))
        if not texts:
            return docs
        probabilities = self.head.predict(self.encoder(texts))
        highest: Dict[int, numpy.ndarray] = {}  # id(doc) -> the highest probabilities of its paragraphs
        for (doc, paragraph), row in zip(targets, probabilities):
            if paragraph is None:
                doc.cats = self._mixed(doc.cats, row)
            else:
                paragraph["topics"] = self._mixed(paragraph["topics"], row)
                highest[id(doc)] = numpy.maximum(highest[id(doc)], row) if id(doc) in highest else row
        for doc in by_paragraphs:
            doc.cats = self._mixed(doc.cats, highest[id(doc)])
        for doc, paragraph in whole:
            paragraph["topics"] = dict(doc.cats)
        return docs

    def _mixed(self, scores: Dict[str, float], row: numpy.ndarray) -> Dict[str, float]:
        """``scores`` averaged with the head's probabilities ``row`` (weight ``blend`` on the head)."""
        learned = dict(zip(self.head.labels, map(float, row)))
        mixed = {label: (1.0 - self.blend) * float(scores[label]) + self.blend * learned[label]
                 for label in self.head.labels if label in scores}
        return {**scores, **mixed}

    def to_disk(self, path: Union[str, Path], *, exclude: Iterable[str] = ()) -> None:
        path = ensure_path(path)
        path.mkdir(parents=True, exist_ok=True)
        if self.head is not None:
            (path / HEAD_FILE).write_bytes(self.head.to_bytes())

    def from_disk(self, path: Union[str, Path], *, exclude: Iterable[str] = ()) -> "TopicEmbedding":
        path = ensure_path(path)
        if (path / HEAD_FILE).is_file():
            self.head = TopicHead.from_bytes((path / HEAD_FILE).read_bytes())
        return self


@Language.factory(
    "svpol_topic_embedding",
    assigns=["doc.cats", "doc._.paragraphs"],
    requires=["doc.cats"],
    default_config={"backbone": "backbones/me5-small", "blend": 0.5, "batch_size": 32, "max_length": 512,
                    "prefix": DEFAULT_PREFIX, "threads": 0},
)
def make_topic_embedding(nlp: Language, name: str, backbone: str, blend: float, batch_size: int, max_length: int,
                         prefix: str, threads: int) -> TopicEmbedding:
    """Create the component (unfitted until a head is loaded; see the module docstring)."""
    return TopicEmbedding(nlp, name, backbone, blend, batch_size, max_length, prefix, threads)
