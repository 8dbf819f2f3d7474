"""A linear topic model over text features, fitted on hand-annotated paragraphs.

The weakly supervised text classifier learns what the receiving minister's portfolio and
topic keywords say a document is about; the annotation guide's topics are broader
(``democracy`` covers the steering of agencies, ``defence`` foreign policy, ``budget`` any
public money). This model learns the guide's topics from hand-annotated paragraphs, with
features that carry over from a few thousand examples:

- hashed words and word beginnings (Swedish compounds share their first part:
  ``äldreomsorgen``, ``äldreomsorgsnämnden``), each text's set scaled to unit length;
- the topic keyword counts of :mod:`svpol.topic_keywords` (log scale) and the text length;
- the mean static word vector of the text's content words (when the vocab has vectors); with
  ``compound_parts``, a compound the vectors lack counts with the vectors of its parts
  (``industrijobben``: ``industri`` and ``jobben``), since Swedish forms new compounds freely
  and the topical word is often one of them;
- optionally the text classifier's logits for all topics;
- optionally a topic lexicon (:class:`TopicLexicon`): per word, the topic logits that a sentence encoder fine-tuned on
  the topics gives the word alone (``python -m training topic-embedding lexicon``); the mean and the largest over the
  text's words carry what the encoder knows of words the training paragraphs seldom or never have (``diesel``,
  ``fossilbränslefri``), without the encoder at run time.

One logistic model per topic; the dense features are standardized with the fitted means and
scales. ``svpol_topic_evidence`` uses it when configured with ``hashed_features`` or
``static_vectors`` (see :mod:`svpol.components.topic_evidence`).
"""

import io
import re
import zlib
from typing import Dict, Mapping, Optional, Sequence, Tuple

import numpy
from spacy.lang.sv.stop_words import STOP_WORDS
from spacy.strings import get_string_id
from spacy.vocab import Vocab

from .labels import TOPIC_LABELS
from .topic_keywords import keyword_hits

_WORDS = re.compile(r"[^\W\d_]+")
# Word beginnings of these lengths are features next to the whole word (compounds).
PREFIX_LENGTHS = (4, 6)
_EPS = 1e-6
_ROW_CACHE = 1 << 17  # words whose vector rows are remembered before the cache starts over
_WORD_CACHE = 1 << 17  # words whose hash buckets are remembered before the cache starts over
# Compound parts (compound_parts): a word of at least COMPOUND_MIN letters without a vector is split where both
# parts have one (each at least PART_MIN letters, the first may end in a linking "s"); failing that, its longest
# ending of at least HEAD_MIN letters with a vector stands for it (the head carries a Swedish compound's meaning).
COMPOUND_MIN, PART_MIN, HEAD_MIN = 7, 3, 5
# L2 weight of the hashed features: chosen by 5-fold cross-validated micro F1 on the training paragraphs among
# 0.03, 0.1 and 0.3 (docs/model.md, "v5.22"); weaker than the 0.3 before it, the words carry more weight.
L2_HASHED = 0.03


def hashed_indices(text: str, n_buckets: int) -> numpy.ndarray:
    """The sorted, distinct hash buckets of the words and word beginnings of ``text``."""
    # The buckets of each word are remembered per bucket count: words repeat across texts and paragraphs, and a
    # plain dict lookup costs a fraction of a cached function's call (this runs for every word of every text).
    cache = _BUCKETS.setdefault(n_buckets, {})
    if len(cache) > _WORD_CACHE:
        cache.clear()
    buckets = set()
    for word in _WORDS.findall(text.lower()):
        found = cache.get(word)
        if found is None:
            found = cache[word] = _word_buckets(word, n_buckets)
        buckets.update(found)
    return numpy.fromiter(sorted(buckets), dtype="int64", count=len(buckets))


def _word_buckets(word: str, n_buckets: int) -> Tuple[int, ...]:
    # CRC-32 rather than Python's salted ``hash``: the buckets must be the same in every process.
    return (zlib.crc32(word.encode("utf-8")) % n_buckets,
            *(zlib.crc32(("<" + word[:k]).encode("utf-8")) % n_buckets for k in PREFIX_LENGTHS if len(word) > k))


_BUCKETS: Dict[int, Dict[str, Tuple[int, ...]]] = {}  # bucket count -> word -> its buckets (hashed_indices)


def word_key(word: str) -> int:
    """A word's key in a :class:`TopicLexicon`: the CRC-32 of its UTF-8 bytes (the same in every process)."""
    return zlib.crc32(word.encode("utf-8"))


class TopicLexicon:
    """Topic logits per lower-case word, stored in 4 bits per value (a level of 16 per topic's range)."""

    LEVELS = 15  # the largest 4-bit code

    def __init__(self, keys: numpy.ndarray, codes: numpy.ndarray, low: numpy.ndarray, step: numpy.ndarray):
        if codes.ndim != 2 or len(keys) != len(codes) or len(low) != len(step):
            raise ValueError(f"topic lexicon: {len(keys)} keys, codes of shape {codes.shape}, {len(low)} lows and "
                             f"{len(step)} steps do not fit together")
        self.keys = numpy.asarray(keys, dtype="uint32")
        self.codes = numpy.asarray(codes, dtype="uint8")  # two 4-bit codes per byte, the first in the high half
        self.low, self.step = numpy.asarray(low, dtype="float64"), numpy.asarray(step, dtype="float64")
        width = len(self.low)
        unpacked = numpy.stack((self.codes >> 4, self.codes & 0x0F), axis=-1).reshape(len(self.codes), -1)[:, :width]
        self.values = self.low + unpacked * self.step  # words x topics
        self.row_of: Dict[int, int] = {int(key): row for row, key in enumerate(self.keys)}
        self._rows: Dict[str, int] = {}  # word -> its row, -1 where the lexicon lacks it (features)

    @property
    def width(self) -> int:
        """The number of values per word (one per topic)."""
        return len(self.low)

    @classmethod
    def from_words(cls, words: Sequence[str], values: numpy.ndarray) -> "TopicLexicon":
        """Quantize ``values`` (one row per word of ``words``) to 4 bits per topic."""
        values = numpy.asarray(values, dtype="float64")
        if values.ndim != 2 or len(words) != len(values) or not len(words):
            raise ValueError(f"topic lexicon: {len(words)} words need as many rows of values, got {values.shape}")
        keys = numpy.asarray([word_key(word.lower()) for word in words], dtype="uint32")
        if len(numpy.unique(keys)) != len(keys):
            raise ValueError("topic lexicon: two words share a key (a repeated word or a CRC-32 collision)")
        low = values.min(axis=0)
        step = numpy.maximum(values.max(axis=0) - low, _EPS) / cls.LEVELS
        codes = numpy.rint((values - low) / step).astype("uint8")
        if codes.shape[1] % 2:
            codes = numpy.concatenate([codes, numpy.zeros((len(codes), 1), dtype="uint8")], axis=1)
        order = numpy.argsort(keys, kind="stable")  # sorted keys compress better
        return cls(keys[order], ((codes[:, 0::2] << 4) | codes[:, 1::2])[order], low, step)

    def arrays(self) -> Dict[str, numpy.ndarray]:
        """The arrays that :meth:`TextTopicModel.to_bytes` stores."""
        return {"lexicon_keys": self.keys, "lexicon_codes": self.codes, "lexicon_low": self.low,
                "lexicon_step": self.step}

    @classmethod
    def from_arrays(cls, arrays: Mapping[str, numpy.ndarray]) -> "TopicLexicon":
        """The lexicon stored by :meth:`arrays`."""
        return cls(arrays["lexicon_keys"], arrays["lexicon_codes"], arrays["lexicon_low"], arrays["lexicon_step"])

    def features(self, words: Sequence[str]) -> numpy.ndarray:
        """The mean and the largest value per topic over the ``words`` the lexicon has (zeros where none)."""
        cached, rows = self._rows, []
        if len(cached) > _WORD_CACHE:
            cached.clear()
        for word in words:
            row = cached.get(word)
            if row is None:  # a dict lookup per word once it has been seen: words repeat across texts
                row = cached[word] = self.row_of.get(word_key(word), -1)
            if row >= 0:
                rows.append(row)
        if not rows:
            return numpy.zeros(2 * self.width)
        found = self.values[rows]
        return numpy.concatenate([found.mean(axis=0), found.max(axis=0)])


class TextTopicModel:
    """Per-topic logistic regression over hashed words, keyword counts, vectors and classifier logits."""

    def __init__(self, labels: Sequence[str], *, hashed_features: int, static_vectors: bool, classifier: bool,
                 vocab: Optional[Vocab] = None, compound_parts: bool = False, lexicon: bool = False):
        if hashed_features < 0:
            raise ValueError(f"hashed_features must be 0 (off) or a positive number of buckets, got {hashed_features}")
        self.labels = list(labels)
        self.hashed_features = int(hashed_features)
        self.static_vectors = bool(static_vectors)
        self.classifier = bool(classifier)
        self.vocab = vocab
        self.compound_parts = bool(compound_parts)
        self.lexicon = bool(lexicon)  # the features of ``lexicon_table``, which fit() or from_bytes() set
        self.lexicon_table: Optional[TopicLexicon] = None
        self._rows: Dict[str, int] = {}  # word -> vector row, see _vector_row
        self._parts: Dict[str, Tuple[int, ...]] = {}  # word -> its compound parts' rows, see _compound_rows
        n_dense = self.n_dense
        self.mean = numpy.zeros(n_dense)
        self.scale = numpy.ones(n_dense)
        self.dense_weights = numpy.zeros((n_dense, len(self.labels)))
        self.hashed_weights = numpy.zeros((self.hashed_features, len(self.labels)), dtype="float32")
        self.bias = numpy.zeros(len(self.labels))
        self.fitted = False

    @property
    def vector_width(self) -> int:
        """Width of the static vectors used (0 when off or the vocab has none)."""
        if not self.static_vectors or self.vocab is None:
            return 0
        return int(self.vocab.vectors.shape[1])

    @property
    def n_dense(self) -> int:
        """Number of dense features: keyword counts, length, logits, vector, lexicon means and maxima."""
        return (len(TOPIC_LABELS) + 1 + (len(TOPIC_LABELS) if self.classifier else 0) + self.vector_width
                + (2 * len(TOPIC_LABELS) if self.lexicon else 0))

    def dense_features(self, scores: Mapping[str, float], text: str) -> numpy.ndarray:
        """The dense feature vector of one text (before standardizing)."""
        return self.dense_matrix([scores], [text])[0]

    def dense_matrix(self, scores: Sequence[Mapping[str, float]], texts: Sequence[str]) -> numpy.ndarray:
        """The dense feature vectors of many texts, one row each (before standardizing).

        The element-wise parts are computed for all texts at once; each text's mean vector is computed alone, so
        that every row is the same as the text's own features to the last bit.
        """
        n = len(texts)
        word_lists = [_WORDS.findall(text) for text in texts]
        hits = [keyword_hits(text) for text in texts]
        parts = [numpy.log1p(numpy.asarray([[h.get(label, 0) for label in TOPIC_LABELS] for h in hits],
                                           dtype="float64").reshape(n, len(TOPIC_LABELS))),
                 numpy.log1p(numpy.asarray([len(words) for words in word_lists], dtype="float64")).reshape(n, 1)]
        if self.classifier:
            p = numpy.clip(numpy.asarray([[float(s.get(label, 0.5)) for label in TOPIC_LABELS] for s in scores],
                                         dtype="float64").reshape(n, len(TOPIC_LABELS)), _EPS, 1.0 - _EPS)
            parts.append(numpy.log(p / (1.0 - p)))
        if self.vector_width:
            data = self.vocab.vectors.data
            means = numpy.zeros((n, self.vector_width))
            cached, find = self._rows.get, self._vector_row  # per word: a dict lookup, the method on a miss
            compounds = self.compound_parts
            for i, words in enumerate(word_lists):
                rows = []
                for word in words:
                    if len(word) > 2:
                        lower = word.lower()
                        row = cached(lower)
                        if row is None:
                            row = find(lower)
                        if row >= 0:
                            rows.append(row)
                        elif compounds and len(lower) >= COMPOUND_MIN:
                            rows.extend(self._compound_rows(lower))
                if rows:
                    mean = data[rows].mean(axis=0)
                    means[i] = mean / (numpy.linalg.norm(mean) + _EPS)
            parts.append(means)
        if self.lexicon:
            if self.lexicon_table is None or self.lexicon_table.width != len(TOPIC_LABELS):
                raise ValueError("topic text model: lexicon is on but no lexicon of one value per topic is set")
            parts.append(numpy.asarray([self.lexicon_table.features([w.lower() for w in words if len(w) > 2])
                                        for words in word_lists]).reshape(n, 2 * len(TOPIC_LABELS)))
        return numpy.concatenate(parts, axis=1)

    def _vector_row(self, word: str) -> int:
        """The row of ``word``'s static vector, -1 for a stop word or a word without one (cached)."""
        row = self._rows.get(word)
        if row is None:
            if len(self._rows) > _ROW_CACHE:
                self._rows.clear()
            # get_string_id hashes without adding the word to the string store (no growth in long jobs).
            # key2row directly: Vectors.find asks for the array module on every call (most of the time here).
            row = -1 if word in STOP_WORDS else int(self.vocab.vectors.key2row.get(get_string_id(word), -1))
            self._rows[word] = row
        return row

    def _compound_rows(self, word: str) -> Tuple[int, ...]:
        """The vector rows of the parts of a compound without a vector of its own (cached; empty if none).

        The split with the longest head whose first part has a vector too (``driftssäkerheten``: ``drift`` and
        ``säkerheten``); else the longest head of at least ``HEAD_MIN`` letters alone (``panzisjukhuset``:
        ``sjukhuset``).
        """
        found = self._parts.get(word)
        if found is not None:
            return found
        if len(self._parts) > _ROW_CACHE:
            self._parts.clear()
        found, lone_head = (), ()
        cuts = () if word in STOP_WORDS else range(PART_MIN, len(word) - PART_MIN + 1)  # "någonting" is no compound
        for cut in cuts:
            head = self._vector_row(word[cut:])
            if head < 0:
                continue
            first = word[:cut]
            modifier = self._vector_row(first)
            if modifier < 0 and first.endswith("s") and cut - 1 >= PART_MIN:
                modifier = self._vector_row(first[:-1])
            if modifier >= 0:
                found = (modifier, head)
                break
            if not lone_head and len(word) - cut >= HEAD_MIN:
                lone_head = (head,)
        found = found or lone_head
        self._parts[word] = found
        return found

    def _design(self, scores: Sequence[Mapping[str, float]], texts: Sequence[str]
                ) -> Tuple[numpy.ndarray, numpy.ndarray, numpy.ndarray, numpy.ndarray]:
        """Dense matrix and the hashed part as (starts, columns, values) per text."""
        dense = self.dense_matrix(scores, texts)
        columns = [hashed_indices(text, self.hashed_features) if self.hashed_features else numpy.zeros(0, "int64")
                   for text in texts]
        lengths = numpy.asarray([len(idx) for idx in columns], dtype="int64")
        # each text's set scaled to unit length
        values = numpy.repeat(1.0 / numpy.sqrt(numpy.maximum(lengths, 1)), lengths)
        starts = numpy.concatenate([[0], numpy.cumsum(lengths)])
        return dense, starts, numpy.concatenate(columns), values

    def predict(self, scores: Sequence[Mapping[str, float]], texts: Sequence[str]) -> numpy.ndarray:
        """Topic probabilities, one row per text and one column per label."""
        dense, starts, columns, values = self._design(scores, texts)
        return _sigmoid(self._logits((dense - self.mean) / self.scale, starts, columns, values))

    def _logits(self, standardized, starts, columns, values) -> numpy.ndarray:
        z = standardized @ self.dense_weights + self.bias
        if len(columns):
            contributions = self.hashed_weights[columns] * values[:, None]
            sums = numpy.add.reduceat(contributions, numpy.minimum(starts[:-1], len(columns) - 1), axis=0)
            sums[starts[:-1] == starts[1:]] = 0.0  # texts without any word
            z = z + sums
        return z

    def fit(self, scores: Sequence[Mapping[str, float]], texts: Sequence[str], gold: Sequence[Mapping[str, float]],
            *, l2_hashed: float = L2_HASHED, l2_dense: float = 0.03, iterations: int = 400,
            learning_rate: float = 0.05) -> None:
        """Fit all topics by L2-regularized logistic regression (full-batch Adam, deterministic).

        The loss is the sum of the examples' log losses (cross-entropy with ``gold``'s values, which may be soft
        labels between 0 and 1) plus ``l2 * ||w||^2`` per feature group.
        """
        if not (len(scores) == len(texts) == len(gold)) or not texts:
            raise ValueError("TextTopicModel.fit: scores, texts and gold must be non-empty and of equal length")
        dense, starts, columns, values = self._design(scores, texts)
        self.mean = dense.mean(axis=0)
        self.scale = dense.std(axis=0) + _EPS
        # Targets as given: 0/1 for hand-annotated paragraphs, a teacher's probabilities for distilled ones.
        y = numpy.clip(numpy.asarray([[float(g.get(label, 0.0)) for label in self.labels] for g in gold],
                                     dtype="float64"), 0.0, 1.0)
        rows = numpy.repeat(numpy.arange(len(texts)), numpy.diff(starts))
        order = numpy.argsort(columns, kind="stable")
        sorted_columns = columns[order]
        group_starts = numpy.flatnonzero(numpy.r_[True, sorted_columns[1:] != sorted_columns[:-1]]) if len(columns) else []
        self.dense_weights = numpy.zeros((self.n_dense, len(self.labels)))
        self.hashed_weights = numpy.zeros((self.hashed_features, len(self.labels)), dtype="float32")
        self.bias = numpy.log((y.mean(axis=0) + _EPS) / (1.0 - y.mean(axis=0) + _EPS))
        params = [self.dense_weights, self.hashed_weights, self.bias]
        moments = [(numpy.zeros_like(p, dtype="float64"), numpy.zeros_like(p, dtype="float64")) for p in params]
        standardized = (dense - self.mean) / self.scale
        for step in range(1, iterations + 1):
            error = _sigmoid(self._logits(standardized, starts, columns, values)) - y
            grad_hashed = numpy.zeros((self.hashed_features, len(self.labels)))
            if len(columns):
                weighted = (error[rows] * values[:, None])[order]
                grad_hashed[sorted_columns[group_starts]] = numpy.add.reduceat(weighted, group_starts, axis=0)
            grads = [standardized.T @ error + 2 * l2_dense * self.dense_weights,
                     grad_hashed + 2 * l2_hashed * self.hashed_weights,
                     error.sum(axis=0)]
            for param, grad, (m, v) in zip(params, grads, moments):
                m *= 0.9
                m += 0.1 * grad
                v *= 0.999
                v += 0.001 * grad * grad
                param -= (learning_rate * (m / (1 - 0.9 ** step)) / (numpy.sqrt(v / (1 - 0.999 ** step)) + 1e-8)).astype(param.dtype)
        self.fitted = True

    def to_bytes(self) -> bytes:
        """The fitted arrays as an ``.npz`` archive (the hashed weights in half precision: the bulk of it; a
        model with a lexicon compressed, as the lexicon's sorted keys and codes shrink by a third)."""
        buffer = io.BytesIO()
        arrays = dict(labels=numpy.asarray(self.labels), mean=self.mean, scale=self.scale,
                      dense_weights=self.dense_weights, hashed_weights=self.hashed_weights.astype("float16"),
                      bias=self.bias)
        if self.lexicon:
            if self.lexicon_table is None:
                raise ValueError("topic text model: lexicon is on but no lexicon is set")
            numpy.savez_compressed(buffer, **arrays, **self.lexicon_table.arrays())
        else:
            numpy.savez(buffer, **arrays)
        return buffer.getvalue()

    def from_bytes(self, data: bytes) -> "TextTopicModel":
        """Load arrays written by :meth:`to_bytes`; they must fit this model's settings."""
        arrays = numpy.load(io.BytesIO(data))
        if list(arrays["labels"]) != self.labels:
            raise ValueError(f"topic text model: labels {list(arrays['labels'])} do not match {self.labels}")
        shapes = {"dense_weights": (self.n_dense, len(self.labels)),
                  "hashed_weights": (self.hashed_features, len(self.labels))}
        for name, shape in shapes.items():
            if arrays[name].shape != shape:
                raise ValueError(f"topic text model: {name} has shape {arrays[name].shape}, the settings need {shape} "
                                 "(hashed_features, static_vectors, classifier and lexicon must match the fitted "
                                 "model)")
        self.mean, self.scale = arrays["mean"], arrays["scale"]
        self.dense_weights, self.bias = arrays["dense_weights"], arrays["bias"]
        self.hashed_weights = arrays["hashed_weights"].astype("float32")
        if self.lexicon:
            if "lexicon_keys" not in arrays:
                raise ValueError("topic text model: lexicon is on but the fitted model has no lexicon")
            self.lexicon_table = TopicLexicon.from_arrays(arrays)
        self.fitted = True
        return self

    def scores(self, scores: Mapping[str, float], text: str) -> Dict[str, float]:
        """The topic scores of one text (the classifier's ``scores`` are a feature when enabled)."""
        probabilities = self.predict([scores], [text])[0]
        return {label: float(p) for label, p in zip(self.labels, probabilities)}


def _sigmoid(z: numpy.ndarray) -> numpy.ndarray:
    return 1.0 / (1.0 + numpy.exp(-numpy.clip(z, -30, 30)))

