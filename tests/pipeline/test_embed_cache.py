"""svpol.embed_cache: remembered tok2vec embedding rows are the very numbers spaCy's layer computes."""

import gc
from concurrent.futures import ThreadPoolExecutor

import numpy
import pytest
import spacy
from spacy.util import load_model_from_config, registry

from svpol import embed_cache
from svpol.embed_cache import EmbeddingCache, cache_embeddings

TEXTS = [
    "Eva Ek (S) yrkar att kommunstyrelsen avslår motionen.",
    "Kommunstyrelsen föreslår att fullmäktige beviljar 2,5 mnkr till Norrby skola.",
    "Per Al (M) och Eva Ek (S) deltar inte i beslutet.",
    "",
    "Motionen avslås.",
]
WORDS = ["kommunstyrelsen", "motionen", "fullmäktige", "skola", "beslutet", "och", "att"]


def _pipeline(static_vectors: bool, width: int = 16) -> spacy.Language:
    """A blank Swedish pipeline with an initialized tok2vec (MultiHashEmbed), with tiny vectors if asked."""
    nlp = spacy.blank("sv")
    if static_vectors:
        rng = numpy.random.default_rng(0)
        for word in WORDS:
            nlp.vocab.set_vector(word, rng.normal(size=8).astype("float32"))
    nlp.add_pipe("tok2vec", config={"model": {
        "@architectures": "spacy.Tok2Vec.v2",
        "embed": {"@architectures": "spacy.MultiHashEmbed.v2", "width": width,
                  "attrs": ["NORM", "PREFIX", "SUFFIX", "SHAPE"], "rows": [50, 20, 20, 20],
                  "include_static_vectors": static_vectors},
        "encode": {"@architectures": "spacy.MaxoutWindowEncoder.v2", "width": width, "depth": 1,
                   "window_size": 1, "maxout_pieces": 2},
    }})
    nlp.initialize()
    return nlp


def _embed(nlp: spacy.Language):
    return nlp.get_pipe("tok2vec").model.get_ref("embed")


def _assert_same(got, want):
    assert len(got) == len(want)
    for g, w in zip(got, want):
        assert g.shape == w.shape and numpy.array_equal(g, w)


@pytest.mark.parametrize("static_vectors", [True, False])
def test_cached_rows_are_the_layers_rows(static_vectors):
    nlp = _pipeline(static_vectors)
    docs = [nlp.make_doc(text) for text in TEXTS]
    want = _embed(nlp).predict(docs)
    tensors = [doc.tensor.copy() for doc in nlp.pipe(TEXTS)]
    cache_embeddings(nlp)
    for _ in range(2):  # computed, then remembered
        _assert_same(_embed(nlp).predict(docs), want)
    _assert_same([doc.tensor for doc in nlp.pipe(TEXTS)], tensors)
    # each distinct token once: "Eva Ek (S)" twice, "Kommunstyrelsen" / "kommunstyrelsen" apart (shape)
    distinct = {tuple(doc.to_array(["NORM", "PREFIX", "SUFFIX", "SHAPE", "ORTH"])[i]) for doc in docs
                for i in range(len(doc))}
    cache = EmbeddingCache(_embed(nlp))
    cache.predict(_embed(nlp), docs)
    assert len(cache) <= len(distinct) < sum(len(doc) for doc in docs)


def test_new_weights_and_training_steps_are_never_served_from_the_cache():
    nlp = _pipeline(True)
    cache_embeddings(nlp)
    embed = _embed(nlp)
    docs = [nlp.make_doc(text) for text in TEXTS]
    before = embed.predict(docs)
    hashembed = next(node for node in embed.walk() if node.name == "hashembed")
    hashembed.set_param("E", hashembed.get_param("E") + 1.0)  # new weights, as loading or use_params give
    after = embed.predict(docs)
    assert not numpy.array_equal(after[0], before[0])
    # the training path is spaCy's own layer (no dropout in MultiHashEmbed): the same rows
    trained, _ = embed.begin_update(docs)
    _assert_same(after, trained)
    # a step that changes the weights in place is no longer served from the cache either
    hashembed.get_param("E")[:] += 1.0
    embed.begin_update(docs)
    _assert_same(embed.predict(docs), embed.begin_update(docs)[0])


def test_a_weight_round_trip_gives_the_loaded_weights_rows():
    source, target = _pipeline(True), _pipeline(True)
    cache_embeddings(target)
    docs = [target.make_doc(text) for text in TEXTS]
    _embed(target).predict(docs)  # fill the cache with target's own weights
    target.get_pipe("tok2vec").from_bytes(source.get_pipe("tok2vec").to_bytes())
    _assert_same(_embed(target).predict(docs), _embed(source).predict([source.make_doc(t) for t in TEXTS]))


def test_a_small_cache_starts_over_and_stays_exact():
    nlp = _pipeline(True)
    docs = [nlp.make_doc(text) for text in TEXTS]
    want = _embed(nlp).predict(docs)
    cache = EmbeddingCache(_embed(nlp), max_rows=5)
    for batch in ([docs[0]], docs, [docs[2]], docs):
        got = cache.predict(_embed(nlp), batch)
        _assert_same(got, [want[docs.index(doc)] for doc in batch])
    assert len(cache) <= sum(len(doc) for doc in docs)


def test_threads_sharing_a_small_cache_get_their_own_rows():
    nlp = _pipeline(True)
    docs = [nlp.make_doc(text) for text in TEXTS * 3]
    want = _embed(nlp).predict(docs)
    cache = EmbeddingCache(_embed(nlp), max_rows=8)  # starts over again and again
    batches = [docs[i:i + 2] for i in range(len(docs) - 1)] * 10
    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(lambda batch: cache.predict(_embed(nlp), batch), batches))
    for batch, got in zip(batches, results):
        _assert_same(got, [want[docs.index(doc)] for doc in batch])


def test_a_cache_goes_with_its_model():
    nlp = _pipeline(False)
    cache_embeddings(nlp)
    embed_id = _embed(nlp).id
    list(nlp.pipe(TEXTS))
    assert embed_id in embed_cache._CACHES
    del nlp
    gc.collect()
    assert embed_id not in embed_cache._CACHES


def test_a_prediction_has_no_gradient():
    nlp = _pipeline(False)
    cache_embeddings(nlp)
    _, backprop = _embed(nlp)._func(_embed(nlp), [nlp.make_doc(TEXTS[0])], False)
    with pytest.raises(ValueError, match="no gradient"):
        backprop(None)


def test_other_embeddings_are_left_alone_and_nothing_is_patched_twice():
    nlp = spacy.blank("sv")
    nlp.add_pipe("tok2vec", config={"model": {
        "@architectures": "spacy.Tok2Vec.v2",
        "embed": {"@architectures": "spacy.CharacterEmbed.v2", "width": 16, "rows": 50, "nM": 8, "nC": 4,
                  "include_static_vectors": False},
        "encode": {"@architectures": "spacy.MaxoutWindowEncoder.v2", "width": 16, "depth": 1,
                   "window_size": 1, "maxout_pieces": 2},
    }})
    nlp.add_pipe("textcat")
    forward = _embed(nlp)._func
    cache_embeddings(nlp)
    assert _embed(nlp)._func is forward
    hashed = _pipeline(False)
    cache_embeddings(hashed)
    patched = _embed(hashed)._func
    cache_embeddings(hashed)
    assert _embed(hashed)._func is patched and patched.svpol_cached


def test_max_rows_must_be_positive():
    with pytest.raises(ValueError, match="max_rows"):
        cache_embeddings(spacy.blank("sv"), max_rows=0)
    with pytest.raises(ValueError, match="max_rows"):
        registry.callbacks.get("svpol.CacheEmbeddings.v1")(max_rows=0)
    with pytest.raises(ValueError, match="max_rows"):
        EmbeddingCache(_embed(_pipeline(False)), max_rows=-1)


def test_the_config_callback_patches_a_loaded_pipeline():
    nlp = _pipeline(True)
    config = nlp.config.copy()
    config["nlp"]["after_pipeline_creation"] = {"@callbacks": "svpol.CacheEmbeddings.v1", "max_rows": 1000}
    loaded = load_model_from_config(config, auto_fill=True)
    loaded.get_pipe("tok2vec").from_bytes(nlp.get_pipe("tok2vec").to_bytes())
    loaded.vocab.vectors = nlp.vocab.vectors
    assert getattr(_embed(loaded)._func, "svpol_cached", False)
    _assert_same([d.tensor for d in loaded.pipe(TEXTS)], [d.tensor for d in nlp.pipe(TEXTS)])
