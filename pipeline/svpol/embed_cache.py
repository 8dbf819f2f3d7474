"""Remembered token embeddings: ``tok2vec``'s embedding layer computed once per distinct token.

spaCy's ``MultiHashEmbed`` turns every token into a vector from its own attributes alone (the
hashed ``NORM``, ``PREFIX``, ``SUFFIX`` and ``SHAPE`` and, with static vectors, the word's
vector), mixed by a maxout layer; the context only comes in the encoder after it. A token's
embedding is therefore a function of those attribute values, and the same word gives the same
rows in every text: in 1,000 municipal texts (44,490 tokens) a batch of 64 holds 40 % distinct
tokens, and most of those were seen in an earlier batch. :func:`cache_embeddings` makes the
embedding layer of a pipeline's ``tok2vec`` remember the rows it computed, keyed by the
attribute values, and compute only the tokens it has not seen; the rows are the same numbers
(each row is computed by the same operations on the same inputs, whichever other rows are in
the batch).

Only prediction is cached. A training step (``is_train``) runs the layer as spaCy built it and
forgets every remembered row, and so does a change of the layer's weights (new weight arrays:
loading, ``use_params``) or of the vocab's vectors.

Use it as the ``after_pipeline_creation`` callback of a config:
``[nlp.after_pipeline_creation] @callbacks = "svpol.CacheEmbeddings.v1"``.
"""

from __future__ import annotations

import threading
import weakref
from typing import Callable, Dict, List, Optional, Tuple

import numpy
from spacy.attrs import ORTH
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import registry
from spacy.vectors import Mode, Vectors
from thinc.api import Model

DEFAULT_MAX_ROWS = 1 << 16  # remembered rows before the cache starts over (about 25 MB at width 96)


class _Parts:
    """The layers of a ``MultiHashEmbed`` (spaCy's ``chain`` of them) that the cache runs itself."""

    def __init__(self, embed: Model) -> None:
        layers = embed.layers
        if len(layers) not in (3, 5) or layers[-1].name != "ragged2list" or not layers[-2].name.startswith(
                "with_array"):
            raise ValueError(f"{embed.name}: not a MultiHashEmbed")
        self.mixer: Model = layers[-2].layers[0]  # maxout >> layernorm >> dropout
        self.static: Optional[Model] = None
        if len(layers) == 3:  # concatenate(extract_features >> list2ragged >> with_array(...), static_vectors)
            if len(layers[0].layers) != 2 or layers[0].layers[1].name != "static_vectors":
                raise ValueError(f"{embed.name}: not a MultiHashEmbed")
            features, self.static = layers[0].layers
            layers = features.layers
        if len(layers) < 3 or [layer.name for layer in layers[:2]] != ["extract_features", "list2ragged"] or \
                not layers[2].name.startswith("with_array"):
            raise ValueError(f"{embed.name}: not a MultiHashEmbed")
        self.columns: List = list(layers[0].attrs["columns"])
        self.hashed: Model = layers[2].layers[0]  # concatenate(ints-getitem >> hashembed, ...)

    def weights(self, embed: Model) -> Tuple:
        """The weight arrays of every layer (the cache holds for these arrays only)."""
        return tuple(node.get_param(name) for node in embed.walk() for name in node.param_names if node.has_param(name))


def _check_max_rows(max_rows: int) -> None:
    if max_rows < 1:
        raise ValueError(f"max_rows must be positive, got {max_rows}")


class EmbeddingCache:
    """The rows one embedding layer computed, keyed by the tokens' attribute values.

    Args:
        embed: a ``MultiHashEmbed`` layer (with or without static vectors).
        max_rows: rows remembered before the cache starts over.

    Raises:
        ValueError: ``embed`` is no ``MultiHashEmbed`` or ``max_rows`` is not positive.
    """

    def __init__(self, embed: Model, max_rows: int = DEFAULT_MAX_ROWS) -> None:
        _check_max_rows(max_rows)
        self.parts = _Parts(embed)
        self.max_rows = int(max_rows)
        # one batch at a time: a batch's row numbers must stay valid until it has read its rows (threads share a
        # pipeline's models)
        self._lock = threading.RLock()
        self.clear()

    def clear(self) -> None:
        """Forget every row."""
        with self._lock:
            self._index: Dict[bytes, int] = {}
            self._table: Optional[numpy.ndarray] = None
            self._state: Tuple = ()
            self._n_keys = -1

    def _restart(self, state: Tuple, n_keys: int) -> None:
        """Forget every row; the rows from now on are computed from ``state`` (weights, vectors) and ``n_keys``."""
        self.clear()
        self._state, self._n_keys = state, n_keys

    def reproduces(self, vectors: Vectors) -> bool:
        """Whether the cache gives what the layer gives with ``vectors``: static vectors, where the layer has them,
        in spaCy's default mode (keys to rows; floret vectors are computed another way)."""
        return self.parts.static is None or (isinstance(vectors, Vectors) and vectors.mode == Mode.default)

    def __len__(self) -> int:
        return len(self._index)

    def predict(self, embed: Model, docs: List[Doc]) -> List[numpy.ndarray]:
        """The embedding of each doc's tokens, as ``embed.predict(docs)`` gives it."""
        with self._lock:
            return self._predict(embed, docs)

    def _predict(self, embed: Model, docs: List[Doc]) -> List[numpy.ndarray]:
        vectors = docs[0].vocab.vectors
        key_attr = getattr(vectors, "attr", ORTH) if self.parts.static is not None else None
        attrs = self.parts.columns + ([key_attr] if key_attr is not None else [])
        features = numpy.ascontiguousarray(numpy.concatenate(
            [doc.to_array(attrs).reshape(len(doc), len(attrs)) for doc in docs]).astype("uint64", copy=False))
        # the objects the rows were computed from (the same objects: the same numbers) and the vectors' key count
        state = (*self.parts.weights(embed), *((vectors, vectors.data) if key_attr is not None else ()))
        n_keys = vectors.n_keys if key_attr is not None else 0
        if n_keys != self._n_keys or len(state) != len(self._state) or any(
                a is not b for a, b in zip(state, self._state)):
            self._restart(state, n_keys)
        keys = features.view(numpy.dtype((numpy.void, features.dtype.itemsize * len(attrs)))).ravel()
        distinct, first, inverse = numpy.unique(keys, return_index=True, return_inverse=True)
        rows = numpy.empty(len(distinct), dtype="int64")
        index = self._index
        missing = []
        distinct_keys = distinct.tolist()  # bytes
        for i, key in enumerate(distinct_keys):
            row = index.get(key)
            if row is None:
                missing.append(i)
            else:
                rows[i] = row
        if missing:
            if len(index) + len(missing) > self.max_rows:
                self._restart(state, n_keys)
                missing = list(range(len(distinct)))
            rows[missing] = self._add([distinct_keys[i] for i in missing], features[first[missing]], vectors)
        output = self._table[rows[inverse.ravel()]]
        return numpy.split(output, numpy.cumsum([len(doc) for doc in docs])[:-1])

    def _add(self, keys: List[bytes], features: numpy.ndarray, vectors: Vectors) -> numpy.ndarray:
        """Compute the rows of the tokens with ``features`` (their attribute values), remember them by ``keys``."""
        parts = self.parts
        n_columns = len(parts.columns)
        mixed = [parts.hashed.predict(numpy.ascontiguousarray(features[:, :n_columns]))]
        if parts.static is not None:
            mixed.append(_static_vectors(parts.static, features[:, n_columns], vectors))
        computed = parts.mixer.predict(parts.mixer.ops.xp.hstack(mixed))
        start = len(self._index)
        needed = start + len(keys)
        if self._table is None or needed > len(self._table):
            size = max(needed, 1024, 2 * (0 if self._table is None else len(self._table)))
            # at most max_rows, unless one batch alone holds more distinct tokens
            grown = numpy.empty((min(size, max(self.max_rows, needed)), computed.shape[1]), dtype=computed.dtype)
            if self._table is not None:
                grown[:start] = self._table[:start]
            self._table = grown
        self._table[start:needed] = computed
        self._index.update(zip(keys, range(start, needed)))
        return numpy.arange(start, needed)


def _static_vectors(layer: Model, keys: numpy.ndarray, vectors: Vectors) -> numpy.ndarray:
    """What spaCy's ``StaticVectors`` gives tokens with the vector keys ``keys`` (default-mode vectors)."""
    ops = layer.ops
    rows = vectors.find(keys=keys)
    projected = ops.gemm(ops.as_contig(ops.asarray(vectors.data)[rows]), ops.as_contig(layer.get_param("W")),
                         trans2=True)
    projected[rows < 0] = 0
    return projected


# Model id -> its cache (a model's id is never reused in a process). Thinc models take no weak references; their
# parameter store does and lives as long as the model, so a cache goes with its model.
_CACHES: Dict[int, EmbeddingCache] = {}


def _cached_forward(original: Callable, max_rows: int) -> Callable:
    """A forward function for an embedding layer: ``original`` in training, the layer's cache in prediction."""

    def forward(model: Model, docs: List[Doc], is_train: bool):
        cache = _CACHES.get(model.id)
        if cache is None:
            cache = _CACHES[model.id] = EmbeddingCache(model, max_rows)
            weakref.finalize(model._params, _CACHES.pop, model.id, None)
        if is_train or not sum(len(doc) for doc in docs) or not cache.reproduces(docs[0].vocab.vectors):
            cache.clear()  # a training step changes the weights
            return original(model, docs, is_train)

        def backprop(d_output):
            raise ValueError("svpol.CacheEmbeddings: a prediction has no gradient (use begin_update to train)")

        return cache.predict(model, docs), backprop

    forward.svpol_cached = True  # marks a patched layer, so that it is never patched twice
    return forward


def cache_embeddings(nlp: Language, max_rows: int = DEFAULT_MAX_ROWS) -> Language:
    """Make the ``MultiHashEmbed`` layer of each ``tok2vec`` model in ``nlp`` remember its rows (see the module).

    Components without such a layer (a transformer, a model built another way) are left as they are.

    Raises:
        ValueError: ``max_rows`` is not positive.
    """
    _check_max_rows(max_rows)
    for _, component in nlp.pipeline:
        model = getattr(component, "model", None)
        embed = model.get_ref("embed") if isinstance(model, Model) and model.has_ref("embed") else None
        if embed is None or getattr(embed._func, "svpol_cached", False):
            continue
        try:
            _Parts(embed)
        except (ValueError, KeyError, IndexError):
            continue  # not spaCy's MultiHashEmbed: left alone
        embed._func = _cached_forward(embed._func, max_rows)
    return nlp


@registry.callbacks("svpol.CacheEmbeddings.v1")
def make_cache_embeddings(max_rows: int = DEFAULT_MAX_ROWS) -> Callable[[Language], Language]:
    """The ``after_pipeline_creation`` callback that applies :func:`cache_embeddings`."""
    _check_max_rows(max_rows)

    def after_pipeline_creation(nlp: Language) -> Language:
        return cache_embeddings(nlp, max_rows)

    return after_pipeline_creation
