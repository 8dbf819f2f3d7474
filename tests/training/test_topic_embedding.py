"""svpol_topic_embedding and ``python -m training topic-embedding`` on a tiny random BERT written by the test."""

import json

import numpy
import pytest
import spacy
from model_fixtures import write_topic_docs
from spacy.tokens import Doc
from test_trf_config import tiny_bert  # noqa: F401  (fixture: a 2-layer random BERT written by the test)

import svpol  # noqa: F401  (registers the factories and the paragraphs extension)
from svpol.components.topic_embedding import TopicEmbeddingError, TopicHead
from svpol.labels import TOPIC_LABELS

pytest.importorskip("torch")
pytest.importorskip("transformers")

WIDTH = 32  # the tiny BERT's hidden size


def _head(hidden_weights=None, output_bias=0.0, seed=0):
    rng = numpy.random.default_rng(seed)
    hidden_weights = rng.normal(size=(WIDTH, 8)) if hidden_weights is None else hidden_weights
    return TopicHead(hidden_weights, numpy.zeros(8), rng.normal(size=(8, len(TOPIC_LABELS))),
                     numpy.full(len(TOPIC_LABELS), output_bias))


def _component(backbone, head=None, blend=0.5):
    nlp = spacy.blank("sv")
    component = nlp.add_pipe("svpol_topic_embedding", config={"backbone": str(backbone), "blend": blend})
    component.head = head
    return nlp, component


def _doc(nlp, text, paragraphs=()):
    doc = nlp.make_doc(text)
    doc.cats = {label: 0.2 for label in TOPIC_LABELS}
    doc._.paragraphs = [{"start": s, "end": e, "topics": {label: 0.2 for label in TOPIC_LABELS}} for s, e in paragraphs]
    return doc


def test_head_round_trip_and_shape_check():
    head = _head()
    vectors = numpy.random.default_rng(1).normal(size=(3, WIDTH)).astype("float32")
    again = TopicHead.from_bytes(head.to_bytes())
    assert numpy.allclose(again.predict(vectors), head.predict(vectors))
    assert head.predict(vectors).shape == (3, len(TOPIC_LABELS))
    with pytest.raises(ValueError, match="do not fit"):
        TopicHead(numpy.zeros((WIDTH, 8)), numpy.zeros(8), numpy.zeros((4, 14)), numpy.zeros(14))


def test_the_head_is_averaged_into_the_doc_and_each_paragraph(tiny_bert):  # noqa: F811
    # With zero hidden weights the head says sigmoid(2) for every topic, whatever the text.
    nlp, component = _component(tiny_bert, _head(numpy.zeros((WIDTH, 8)), output_bias=2.0))
    doc = component(_doc(nlp, "kommun och skola"))
    expected = 0.5 * 0.2 + 0.5 / (1 + numpy.exp(-2.0))
    assert doc.cats == pytest.approx({label: expected for label in TOPIC_LABELS})
    # Each paragraph is encoded on its own text; a paragraph that is the whole doc gets the doc's scores.
    nlp, component = _component(tiny_bert, _head())
    text = "kommun och skola\n\ntill på för att med"
    doc = component(_doc(nlp, text, [(0, 16), (18, len(text))]))
    first, second = (p["topics"] for p in doc._.paragraphs)
    assert first != second and first != doc.cats
    # the document is not encoded whole (the encoder would cut it): the head's part of its score is the highest of
    # its paragraphs' (each paragraph's score is 0.5 * 0.2 + 0.5 * the head's probability)
    for label in TOPIC_LABELS:
        assert doc.cats[label] == pytest.approx(max(first[label], second[label]))
    whole = component(_doc(nlp, "kommun och skola", [(0, 16)]))
    assert whole._.paragraphs[0]["topics"] == whole.cats


def test_unfitted_or_zero_blend_passes_the_scores_through(tiny_bert, tmp_path):  # noqa: F811
    nlp, component = _component(tiny_bert, None)
    assert component(_doc(nlp, "kommun")).cats == {label: 0.2 for label in TOPIC_LABELS}
    nlp, component = _component(tmp_path / "nowhere", _head(), blend=0.0)
    assert component(_doc(nlp, "kommun")).cats == {label: 0.2 for label in TOPIC_LABELS}
    with pytest.raises(ValueError, match="blend"):
        _component(tiny_bert, blend=1.5)


def test_a_missing_backbone_says_how_to_build_it(tmp_path):
    nlp, component = _component(tmp_path / "nowhere", _head())
    with pytest.raises(TopicEmbeddingError, match="training backbone build"):
        component(_doc(nlp, "kommun"))


def test_a_head_for_another_width_is_refused(tiny_bert):  # noqa: F811
    nlp, component = _component(tiny_bert, TopicHead(numpy.zeros((7, 8)), numpy.zeros(8),
                                                     numpy.zeros((8, 14)), numpy.zeros(14)))
    with pytest.raises(TopicEmbeddingError, match="7-wide"):
        component(_doc(nlp, "kommun"))


def test_fit_learns_the_topics_and_assemble_sets_the_mean_thresholds(tiny_bert, tmp_path):  # noqa: F811
    from training.topic_embedding import assemble, fit

    train = write_topic_docs(tmp_path / "topics.spacy")
    record = fit([train], tiny_bert, tmp_path / "head", folds=2)
    assert record["n_docs"] == 24 and set(record["thresholds"]) == set(TOPIC_LABELS)
    # Three separable topics, one per text: even a random tiny encoder separates them out of fold.
    assert record["crossfit_micro"]["f"] > 0.9
    assert json.loads((tmp_path / "head" / "head.json").read_text())["width"] == WIDTH

    pipeline = spacy.blank("sv")
    pipeline.add_pipe("svpol_topic_evidence", name="topic_evidence")
    pipeline.meta["svpol"] = {"topic_thresholds": {label: 0.4 for label in TOPIC_LABELS}}
    pipeline.to_disk(tmp_path / "model")
    thresholds = assemble(tmp_path / "model", tmp_path / "head", tiny_bert, tmp_path / "out", blend=0.5)
    nlp = spacy.load(tmp_path / "out")
    assert nlp.pipe_names == ["topic_evidence", "topic_embedding"]
    assert nlp.get_pipe("topic_embedding").head is not None
    for label in TOPIC_LABELS:
        assert thresholds[label] == pytest.approx(0.2 + 0.5 * record["thresholds"][label], abs=1e-4)
        assert nlp.meta["svpol"]["topic_thresholds"][label] == thresholds[label]
    doc = nlp.make_doc("kommun och skola")
    doc.cats = {label: 0.2 for label in TOPIC_LABELS}
    assert nlp.get_pipe("topic_embedding")(doc).cats != {label: 0.2 for label in TOPIC_LABELS}


def test_bad_inputs_are_clear_errors(tiny_bert, tmp_path):  # noqa: F811
    from training.topic_embedding import assemble, fit

    with pytest.raises(ValueError, match="no such DocBin"):
        fit([tmp_path / "missing.spacy"], tiny_bert, tmp_path / "head")
    with pytest.raises(ValueError, match="folds"):
        fit([tmp_path / "missing.spacy"], tiny_bert, tmp_path / "head", folds=1)
    with pytest.raises(ValueError, match="not for fitting"):
        fit([tmp_path / "gold-test.spacy"], tiny_bert, tmp_path / "head")
    with pytest.raises(ValueError, match="topic-embedding fit"):
        assemble(tmp_path, tmp_path / "nohead", tiny_bert, tmp_path / "out")


def test_the_pipeline_loads_without_running_the_backbone(tmp_path):
    # Loading builds no encoder: a pipeline with the component loads where the backbone is absent.
    nlp = spacy.blank("sv")
    nlp.add_pipe("svpol_topic_embedding", config={"backbone": str(tmp_path / "nowhere")})
    nlp.to_disk(tmp_path / "model")
    loaded = spacy.load(tmp_path / "model")
    assert loaded.get_pipe("svpol_topic_embedding")._encoder is None
    assert Doc.has_extension("paragraphs")


def test_distill_scores_unlabelled_paragraphs_of_gold_train_documents_only(tiny_bert, tmp_path):  # noqa: F811
    from tei_fixtures import TEI, write_archive
    from spacy.tokens import DocBin
    from training.gold import SOURCE_KEY, split_of
    from training.interpellations import ARCHIVE_NAME
    from training.topic_embedding import distill, unlabelled_paragraphs

    # a made-up session no stand-off record names; one document of another gold split is never drawn
    ids = [f"ipq-209900--{n:04d}" for n in range(1, 60)]
    train_ids = [i for i in ids if split_of(i) == "train"][:2]
    other = next(i for i in ids if split_of(i) != "train")
    archive = tmp_path / "data" / ARCHIVE_NAME
    archive.parent.mkdir(parents=True)
    write_archive(archive, [TEI.replace("ipq-202021--0999", i) for i in (*train_ids, other)])
    pairs = unlabelled_paragraphs(tmp_path / "data", n=100)
    assert {doc_id for doc_id, _ in pairs} == set(train_ids) and all(40 <= len(t) for _, t in pairs)
    assert unlabelled_paragraphs(tmp_path / "data", n=2) == unlabelled_paragraphs(tmp_path / "data", n=2)

    train = write_topic_docs(tmp_path / "topics.spacy")
    record = distill([train], tiny_bert, tmp_path / "data", tmp_path / "distilled.spacy", n=3)
    docs = list(DocBin().from_disk(tmp_path / "distilled.spacy").get_docs(spacy.blank("sv").vocab))
    assert record["n_paragraphs"] == len(docs) == 3
    for doc in docs:
        assert set(doc.cats) == set(TOPIC_LABELS) and all(0.0 <= p <= 1.0 for p in doc.cats.values())
        assert doc.user_data[SOURCE_KEY]["doc"] in train_ids
    with pytest.raises(ValueError, match="no interpellation archive"):
        distill([train], tiny_bert, tmp_path / "nodata", tmp_path / "d.spacy")

    # the words a topic lexicon scores: the archive's and the training texts' words seen often enough
    from training.topic_embedding import lexicon_words

    words = lexicon_words(tmp_path / "data", [train], None, min_count=1)
    assert words == sorted(set(words)) and all(len(w) > 2 and w == w.lower() for w in words)
    assert words and "och" not in words and lexicon_words(tmp_path / "data", [train], None, min_count=10**6) == []


def test_finetune_trains_the_encoder_and_head_and_assembles_like_a_frozen_head(tiny_bert, tmp_path):  # noqa: F811
    from transformers import AutoModel

    from training.topic_embedding import assemble, finetune

    train = write_topic_docs(tmp_path / "topics.spacy")
    dev = write_topic_docs(tmp_path / "topics-dev.spacy", copies=2)
    steps = []
    record = finetune([train], [dev], tiny_bert, tmp_path / "tuned", epochs=15, batch_size=8, max_length=32,
                      head_learning_rate=0.01, learning_rate=1e-3, progress=lambda s, n, loss: steps.append((s, n)))
    assert steps[-1] == (45, 45) and record["settings"]["steps"] == 45
    assert record["thresholds_on"] == ["topics-dev.spacy"] and set(record["thresholds"]) == set(TOPIC_LABELS)
    # three separable topics: the tuned encoder and head find them on the dev texts
    assert record["dev_scores"]["topics-dev.spacy"]["micro"]["f"] > 0.9
    before, after = AutoModel.from_pretrained(str(tiny_bert)), AutoModel.from_pretrained(str(tmp_path / "tuned"))
    changed = {name for (name, a), (_, b) in zip(before.named_parameters(), after.named_parameters())
               if not numpy.array_equal(a.detach().numpy(), b.detach().numpy())}
    assert changed and not any("word_embeddings" in name for name in changed)  # the layers learned, not the words

    pipeline = spacy.blank("sv")
    pipeline.add_pipe("svpol_topic_evidence", name="topic_evidence")
    pipeline.meta["svpol"] = {"topic_thresholds": {label: 0.4 for label in TOPIC_LABELS}}
    pipeline.to_disk(tmp_path / "model")
    assemble(tmp_path / "model", tmp_path / "tuned", tmp_path / "tuned", tmp_path / "out", blend=1.0)
    nlp = spacy.load(tmp_path / "out")
    component = nlp.get_pipe("topic_embedding")
    assert component.max_length == 32  # the length it was tuned on
    from model_fixtures import TOPIC_GOLD_TEXTS

    for topic, text in TOPIC_GOLD_TEXTS.items():
        doc = nlp.make_doc(text)
        doc.cats = {label: 0.0 for label in TOPIC_LABELS}
        cats = component(doc).cats
        assert max(cats, key=cats.get) == topic

    # the tuned encoder's head scores words one at a time: the topic lexicon of the text model
    from training.fit_topics import read_lexicon
    from training.topic_embedding import lexicon

    words = sorted({w.lower() for text in TOPIC_GOLD_TEXTS.values() for w in text.split() if w.isalpha()})
    record = lexicon(tmp_path / "tuned", words, tmp_path / "lexicon.npz", min_logit=-1e9)
    assert record == {"words": len(words), "kept": len(words), "min_logit": -1e9}
    with numpy.load(tmp_path / "lexicon.npz") as arrays:
        assert list(arrays["words"]) == words and arrays["logits"].shape == (len(words), len(TOPIC_LABELS))
        best = arrays["logits"].max(axis=1)
    assert read_lexicon(tmp_path / "lexicon.npz").width == len(TOPIC_LABELS)
    record = lexicon(tmp_path / "tuned", words, tmp_path / "pruned.npz", min_logit=float(numpy.median(best)))
    assert 0 < record["kept"] < len(words)
    with pytest.raises(ValueError, match="no topic lexicon"):
        read_lexicon(tmp_path / "model" / "meta.json")


def test_finetune_refuses_a_test_set_and_missing_dev(tiny_bert, tmp_path):  # noqa: F811
    from training.topic_embedding import finetune

    train = write_topic_docs(tmp_path / "topics.spacy")
    with pytest.raises(ValueError, match="judges the model"):
        finetune([train], [tmp_path / "gold-test.spacy"], tiny_bert, tmp_path / "tuned")
    with pytest.raises(ValueError, match="dev sets"):
        finetune([train], [], tiny_bert, tmp_path / "tuned")
    with pytest.raises(ValueError, match="epochs"):
        finetune([train], [train], tiny_bert, tmp_path / "tuned", epochs=0)


_FORKED = {}  # what a forked worker inherits (a component holds a torch module, which does not pickle)


def _threads_after_encoding(text):
    import torch

    nlp = spacy.blank("sv")
    _FORKED["component"](_doc(nlp, text))
    return torch.get_num_threads()


def test_a_forked_worker_encodes_with_one_thread(tiny_bert):  # noqa: F811
    # torch's thread pool hangs in a forked child once the parent has used it (svpol annotate --n-process after a
    # run in the parent, as svpol benchmark does); workers encode with one thread each.
    import multiprocessing

    import torch

    if "fork" not in multiprocessing.get_all_start_methods():
        pytest.skip("no fork on this platform")
    nlp, component = _component(tiny_bert, _head())
    component(_doc(nlp, "kommun och skola"))  # the parent encodes first
    parent_threads = torch.get_num_threads()
    _FORKED["component"] = component
    try:
        with multiprocessing.get_context("fork").Pool(1) as pool:
            child_threads = pool.apply_async(_threads_after_encoding, ("till på för att med",)).get(timeout=120)
    finally:
        _FORKED.clear()
    assert child_threads == 1
    assert torch.get_num_threads() == parent_threads
