"""configs/trf.cfg and the resumable trainer (training/train_trf.py) on a tiny BERT made here.

The BERT has random weights and a WordPiece vocabulary written by the test, so nothing is
downloaded; the corpus is the made-up one of tests/model_fixtures.py.
"""

import json
from itertools import islice

import pytest
import spacy
from spacy.util import load_config, load_model_from_config

import svpol.components  # noqa: F401  (registers the svpol factories)
from model_fixtures import assert_config_filled
from svpol.labels import TOPIC_LABELS
from training.paths import REPO

CONFIGS = REPO / "configs"
TRF = CONFIGS / "trf.cfg"
CPU = CONFIGS / "cpu.cfg"


def test_trf_config_mirrors_cpu_config():
    trf, cpu = load_config(TRF), load_config(CPU)
    assert trf["nlp"]["pipeline"] == ["transformer" if c == "tok2vec" else c for c in cpu["nlp"]["pipeline"]]
    for name in cpu["nlp"]["pipeline"]:
        if name != "tok2vec":
            assert trf["components"][name]["factory"] == cpu["components"][name]["factory"]
    assert trf["nlp"]["tokenizer"] == cpu["nlp"]["tokenizer"]
    assert trf["training"]["score_weights"] == cpu["training"]["score_weights"]
    assert trf["system"]["gpu_allocator"] == "pytorch"
    assert trf["training"]["batcher"]["@batchers"] == "spacy.batch_by_padded.v1"
    assert trf["components"]["transformer"]["model"]["name"] == "KBLab/bert-base-swedish-cased"
    for name in ("ner", "textcat_multilabel"):
        listener = trf["components"][name]["model"]["tok2vec"]
        assert listener["@architectures"] == "spacy-transformers.TransformerListener.v1"
        assert listener["upstream"] == "transformer"


def test_trf_config_is_filled():
    pytest.importorskip("spacy_transformers")
    assert_config_filled(TRF)


@pytest.mark.parametrize("done", [0, 3, 10, 25, 39])
def test_resumed_schedule_continues_the_uninterrupted_one(done):
    from thinc.api import warmup_linear

    from training.train_trf import resumed_schedule

    rate, warmup, total = 1e-3, 10, 40
    whole = list(islice(warmup_linear(rate, warmup, total), total))
    resumed = list(islice(warmup_linear(**resumed_schedule(rate, warmup, total, done)), total - done))
    if done >= warmup:
        assert resumed == pytest.approx(whole[done:], rel=1e-9, abs=1e-15)
    else:  # the warmup restarts from zero, the decline is exact
        assert resumed[warmup - done:] == pytest.approx(whole[warmup:], rel=1e-9)


def test_resumed_schedule_rejects_finished():
    from training.train_trf import resumed_schedule

    with pytest.raises(ValueError, match="finished"):
        resumed_schedule(1e-3, 10, 40, 40)


WORDPIECES = (
    ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]
    + list("abcdefghijklmnopqrstuvwxyzåäöABCDEFGHIJKLMNOPQRSTUVWXYZÅÄÖ0123456789.,()-")
    + ["##" + c for c in "abcdefghijklmnopqrstuvwxyzåäö0123456789"]
    + ["och", "till", "på", "för", "att", "med", "kommun", "##en", "##er", "##na", "##ar", "skola"]
)


@pytest.fixture(scope="module")
def tiny_bert(tmp_path_factory):
    """A 2-layer BERT with random weights and a WordPiece vocabulary written here."""
    pytest.importorskip("spacy_transformers")
    torch = pytest.importorskip("torch")
    transformers = pytest.importorskip("transformers")
    path = tmp_path_factory.mktemp("tiny-bert")
    (path / "vocab.txt").write_text("\n".join(WORDPIECES) + "\n", encoding="utf8")
    tokenizer = transformers.BertTokenizerFast(str(path / "vocab.txt"), do_lower_case=False)
    tokenizer.save_pretrained(str(path))
    config = transformers.BertConfig(vocab_size=len(WORDPIECES), hidden_size=32, num_hidden_layers=2,
                                     num_attention_heads=2, intermediate_size=64, max_position_embeddings=256)
    torch.manual_seed(0)
    transformers.BertModel(config).save_pretrained(str(path))
    return path


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    from model_fixtures import write_corpus

    path = tmp_path_factory.mktemp("corpus")
    write_corpus(path)
    return path


def test_trf_config_builds_trains_saves_and_reloads(tiny_bert, corpus, tmp_path):
    from spacy.training import Example
    from spacy.tokens import DocBin

    config = load_config(TRF, overrides={"components.transformer.model.name": str(tiny_bert)})
    nlp = load_model_from_config(config, auto_fill=True, validate=True)
    assert nlp.pipe_names == config["nlp"]["pipeline"]
    docs = list(DocBin().from_disk(corpus / "train.spacy").get_docs(nlp.vocab))
    examples = [Example(nlp.make_doc(d.text), d) for d in docs]
    optimizer = nlp.initialize(lambda: examples)
    for _ in range(2):
        losses = nlp.update(examples[:8], sgd=optimizer)
    assert set(losses) >= {"transformer", "ner", "textcat_multilabel"}
    assert set(nlp.get_pipe("textcat_multilabel").labels) == set(TOPIC_LABELS)
    text = "Berit Lundvall (S) vill att kommunen satsar på skolan."
    before = nlp(text)
    nlp.to_disk(tmp_path / "trf")
    reloaded = spacy.load(tmp_path / "trf")
    after = reloaded(text)
    assert reloaded.pipe_names == nlp.pipe_names
    assert [(e.text, e.label_) for e in after.ents] == [(e.text, e.label_) for e in before.ents]
    assert after.cats == pytest.approx(before.cats, abs=1e-5)
    assert after._.trf_data.model_output.last_hidden_state.shape[-1] == 32


def test_train_trf_resumes_in_chunks(tiny_bert, corpus, tmp_path):
    import torch
    from safetensors.torch import load_file

    from training.train_trf import save_fp16, train_chunk

    out = tmp_path / "run"
    kwargs = dict(backbone=str(tiny_bert), corpus=corpus, chunk_steps=3, total_steps=6, warmup_steps=1,
                  freeze_layers=1)
    first = train_chunk(out, **kwargs)
    # spaCy evaluates after the first update of a run and then every eval_frequency updates.
    assert first["steps_done"] == 3 and [p["step"] for p in first["curve"]] == [1, 3]
    second = train_chunk(out, **kwargs)
    assert second["steps_done"] == 6 and [p["step"] for p in second["curve"]] == [1, 3, 4, 6]
    assert [c["start"] for c in second["chunks"]] == [0, 3]
    assert all(c["seconds_per_step"] > 0 and c["words_per_second"] > 0 for c in second["chunks"])
    assert set(second["curve"][-1]["scores"]) >= {"ents_f", "cats_micro_f"}
    assert (out / "model-best").exists() and not list(out.glob("chunk-*"))
    assert train_chunk(out, **kwargs)["steps_done"] == 6  # finished: nothing more to do

    nlp = spacy.load(out / "checkpoint")
    trained = dict(nlp.get_pipe("transformer").model.transformer.named_parameters())
    initial = load_file(str(tiny_bert / "model.safetensors"))
    frozen = "embeddings.word_embeddings.weight"
    assert (trained[frozen].detach() == initial[frozen]).all()
    changed = "encoder.layer.1.attention.self.query.weight"
    assert not (trained[changed].detach() == initial[changed]).all()
    progress = json.loads((out / "progress.json").read_text())
    assert progress["settings"]["freeze_layers"] == 1 and "running" not in progress

    # Shipping with float16 weights: half the transformer file, float32 again when loaded.
    save_fp16(out / "checkpoint", tmp_path / "fp16")
    half = spacy.load(tmp_path / "fp16")
    assert next(half.get_pipe("transformer").model.transformer.parameters()).dtype == torch.float32
    size = lambda p: (p / "transformer" / "model").stat().st_size  # noqa: E731
    assert size(tmp_path / "fp16") < 0.6 * size(out / "checkpoint")
    text = "Jonas Ek (M) yrkar avslag på förslaget i Göteborg."
    assert half(text).cats == pytest.approx(nlp(text).cats, abs=1e-2)


def test_train_trf_picks_up_an_interrupted_chunk(tiny_bert, corpus, tmp_path):
    from spacy.tokens import DocBin

    from training.train_trf import PROGRESS, train_chunk

    out = tmp_path / "run"
    kwargs = dict(backbone=str(tiny_bert), corpus=corpus, chunk_steps=4, total_steps=8, warmup_steps=1,
                  eval_frequency=2, train_sample=20)
    train_chunk(out, **kwargs)
    # Make the chunk look killed after its first evaluation (step 2 of 4).
    progress = json.loads((out / PROGRESS).read_text())
    chunk = out / "chunk-000000"
    chunk.mkdir()
    (out / "checkpoint").rename(chunk / "model-last")
    (chunk / "log.jsonl").write_text(json.dumps({"step": 1, "score": 0.1, "scores": {}, "losses": {}}) + "\n{\"cut")
    progress.update(steps_done=0, chunks=[], curve=[], best_score=None,
                    running={"dir": str(chunk), "start": 0})
    (out / PROGRESS).write_text(json.dumps(progress))
    resumed = train_chunk(out, **kwargs)
    assert [c["start"] for c in resumed["chunks"]] == [0, 2]
    assert resumed["steps_done"] == 6
    sample = list(DocBin().from_disk(out / "train-sample-20.spacy").get_docs(spacy.blank("sv").vocab))
    assert len(sample) == 20


def test_train_trf_package(tiny_bert, corpus, tmp_path):
    """Packaging runs the CPU pipeline's calibration, rule placement and scoring."""
    from typer.testing import CliRunner

    from model_fixtures import write_topic_docs
    from training.stage_data import TOPIC_GOLD_FILES
    from training.train_trf import app, train_chunk

    out = tmp_path / "run"
    train_chunk(out, backbone=str(tiny_bert), corpus=corpus, chunk_steps=2, total_steps=2, warmup_steps=1)
    gold = tmp_path / "gold"
    gold.mkdir()
    for name in TOPIC_GOLD_FILES:  # the topic model's training files (fixture texts)
        write_topic_docs(gold / name)
    result = CliRunner().invoke(app, ["package", "--training-dir", str(out), "--corpus", str(corpus),
                                      "-o", str(tmp_path / "pkg"), "--topic-gold", str(gold)])
    assert result.exit_code == 0, result.output
    meta = json.loads((tmp_path / "pkg" / "meta.json").read_text())
    assert meta["name"] == "svpol_trf" and str(tiny_bert) in meta["description"]
    assert meta["svpol"]["training"]["steps_done"] == 2 and meta["svpol"]["topic_thresholds"]
