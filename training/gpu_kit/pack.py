"""What a GPU run carries: compact training data, a 4-bit packed backbone and the wheels to install.

The device machine reaches no package registry and takes at most 64 MiB of files *in all*
(the working tree plus what is carried), so the kit is built here, by ``prepare``, into one
git-ignored folder:

- ``data/``: DocBins of the training set (gold-train repeated, plus a seeded sample of the
  silver/public training docs), the checkpoint-selection set (gold-dev) and the evaluation sets;
- ``backbone/``: the trimmed backbone with every 4-bit-origin tensor stored as its Q4_0 blocks
  (checked to dequantize bit for bit to the float32 weights), unpacked on the device;
- ``wheels/``: the Python packages the device image lacks, for its Python 3.12, with the debug
  symbols stripped from their extension modules.
"""

from __future__ import annotations

import base64
import hashlib
import json
import random
import shutil
import subprocess
import sys
import zipfile
from importlib import metadata
from pathlib import Path
from typing import Dict, List, Optional, Sequence

import numpy as np

from training.backbone_inputs import Q4_BLOCK, QK, dequantize_q4_0

MIB = 1 << 20
# The device tool's limit on everything that travels: tracked and untracked files plus carried paths.
TRANSFER_LIMIT = 64 * MIB
PACKED_WEIGHTS = "weights.q4.safetensors"
Q4_SUFFIX, SCALE_SUFFIX = "::q4", "::d"
SELECTION_SET = "dev.spacy"
TRAIN_SET = "train.spacy"
EVAL_DIR = "eval"
# Packages the device image (Python 3.12, torch, numpy, typer, safetensors, ...) does not have in
# the versions svpol needs; installed from ``wheels/`` without an index. Versions are taken from
# this environment, where the kit is tested.
DEVICE_PACKAGES = (
    "spacy", "thinc", "blis", "cymem", "murmurhash", "preshed", "srsly", "wasabi", "weasel", "catalogue",
    "confection", "cloudpathlib", "smart_open", "spacy-legacy", "spacy-loggers", "pydantic", "pydantic_core",
    "annotated-types", "typing-inspection", "spacy-alignments", "spacy-transformers", "transformers",
    "tokenizers", "huggingface_hub", "pypdf",
)
DEVICE_PYTHON = "3.12"
DEVICE_PLATFORMS = ("manylinux_2_28_x86_64", "manylinux_2_27_x86_64", "manylinux_2_24_x86_64",
                    "manylinux_2_17_x86_64", "manylinux2014_x86_64", "manylinux1_x86_64")


# ---------------------------------------------------------------- data
def _docs(path: Path) -> list:
    from spacy.tokens import DocBin
    from spacy.vocab import Vocab

    return list(DocBin(store_user_data=True).from_disk(path).get_docs(Vocab()))


def _write_docs(path: Path, docs: Sequence) -> int:
    from spacy.tokens import DocBin

    path.parent.mkdir(parents=True, exist_ok=True)
    DocBin(docs=docs, store_user_data=True).to_disk(path)
    return path.stat().st_size


def pack_data(gold: Path, corpus: Path, output: Path, *, silver_docs: int, gold_repeat: int = 3,
              eval_sets: Sequence[str] = ("dev-klintan", "dev-uner"), seed: int = 0) -> Dict[str, object]:
    """Write the kit's DocBins to ``output``.

    Args:
        gold: folder of ``python -m training gold build`` (gold-train/dev/test.spacy).
        corpus: folder of ``python -m training corpus`` (train.spacy and the generic dev sets).
        output: the kit's ``data`` folder.
        silver_docs: training docs sampled (seeded) from the corpus, gold texts left out.
        gold_repeat: copies of every gold-train doc in the training set (as the corpus build does).
        eval_sets: corpus dev sets (file stems) evaluated besides gold-dev and gold-test.
        seed: sampling seed.

    Returns:
        Doc counts and file sizes.

    Raises:
        FileNotFoundError: if an input file is missing.
    """
    inputs = {name: gold / f"{name}.spacy" for name in ("gold-train", "gold-dev", "gold-test")}
    inputs.update({name: corpus / f"{name}.spacy" for name in ("train", *eval_sets)})
    missing = [str(p) for p in inputs.values() if not p.exists()]
    if missing:
        raise FileNotFoundError(f"missing inputs: {', '.join(missing)}")
    gold_docs = {name: _docs(inputs[name]) for name in ("gold-train", "gold-dev", "gold-test")}
    gold_train = gold_docs["gold-train"]
    gold_texts = {d.text for docs in gold_docs.values() for d in docs}
    # The corpus already holds gold-train copies; gold-dev/test texts must not leak into training.
    silver = [d for d in _docs(inputs["train"]) if d.text not in gold_texts]
    sample = random.Random(seed).sample(silver, min(silver_docs, len(silver)))
    train = gold_train * gold_repeat + sample
    random.Random(seed).shuffle(train)
    output.mkdir(parents=True, exist_ok=True)
    report: Dict[str, object] = {"train_docs": len(train), "silver_docs": len(sample),
                                 "gold_train_docs": len(gold_train)}
    sizes = {TRAIN_SET: _write_docs(output / TRAIN_SET, train)}
    shutil.copyfile(inputs["gold-dev"], output / SELECTION_SET)
    sizes[SELECTION_SET] = (output / SELECTION_SET).stat().st_size
    for name in ("gold-dev", "gold-test", *eval_sets):
        target = output / EVAL_DIR / f"{name}.spacy"
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(inputs[name], target)
        sizes[f"{EVAL_DIR}/{name}.spacy"] = target.stat().st_size
    report["bytes"] = sizes
    return report


# ---------------------------------------------------------------- backbone
def q4_blocks(values: np.ndarray) -> Optional[np.ndarray]:
    """The Q4_0 blocks that dequantize exactly to ``values``, or None if there are none.

    Weights that came from Q4_0 are ``(q - 8) * d`` with ``q`` in 0..15 and an fp16 scale ``d``;
    the quantizer maps a block's largest-magnitude weight to ``q = 0``, so ``d`` is that weight
    divided by -8. The result is checked by dequantizing it again.
    """
    flat = np.ascontiguousarray(values, dtype=np.float32).reshape(-1)
    if flat.size % QK:
        return None
    rows = flat.reshape(-1, QK)
    extreme = rows[np.arange(len(rows)), np.abs(rows).argmax(axis=1)]
    scale = (extreme / -8.0).astype(np.float16)
    with np.errstate(divide="ignore", invalid="ignore"):
        q = np.where(scale[:, None] != 0, rows / scale.astype(np.float32)[:, None], 0.0) + 8.0
    if not np.all((q >= 0) & (q <= 15) & (q == np.round(q))):
        return None
    q = q.astype(np.uint8)
    blocks = np.empty(len(rows), dtype=Q4_BLOCK)
    blocks["d"] = scale
    blocks["qs"] = q[:, : QK // 2] | (q[:, QK // 2:] << 4)
    if not np.array_equal(dequantize_q4_0(blocks.tobytes(), flat.shape), flat):
        return None
    return blocks


def pack_backbone(source: Path, output: Path) -> Dict[str, object]:
    """Copy backbone folder ``source`` to ``output`` with its weights packed as exact Q4_0 blocks where possible.

    Returns:
        Tensor counts (packed / kept as float32) and the sizes before and after.
    """
    from safetensors.numpy import load_file, save_file

    state = load_file(str(source / "model.safetensors"))
    packed: Dict[str, np.ndarray] = {}
    n_q4 = 0
    for name, tensor in state.items():
        blocks = q4_blocks(tensor) if tensor.dtype == np.float32 else None
        if blocks is None:
            packed[name] = tensor
            continue
        n_q4 += 1
        packed[name + Q4_SUFFIX] = np.ascontiguousarray(blocks["qs"])
        packed[name + SCALE_SUFFIX] = np.ascontiguousarray(blocks["d"])
    output.mkdir(parents=True, exist_ok=True)
    shapes = {name: list(tensor.shape) for name, tensor in state.items()}
    save_file(packed, str(output / PACKED_WEIGHTS), metadata={"shapes": json.dumps(shapes)})
    for path in source.iterdir():
        if path.is_file() and path.name != "model.safetensors":
            shutil.copyfile(path, output / path.name)
    return {"tensors_q4": n_q4, "tensors_kept": len(state) - n_q4,
            "weights_bytes_before": (source / "model.safetensors").stat().st_size,
            "weights_bytes_after": (output / PACKED_WEIGHTS).stat().st_size}


def unpack_backbone(packed: Path, output: Path) -> Path:
    """Write the Hugging Face backbone folder that :func:`pack_backbone` packed (float32 weights)."""
    from safetensors import safe_open
    from safetensors.numpy import save_file

    with safe_open(str(packed / PACKED_WEIGHTS), framework="np") as f:
        shapes = json.loads(f.metadata()["shapes"])
        state = {}
        for name, shape in shapes.items():
            if name in f.keys():
                state[name] = f.get_tensor(name)
                continue
            blocks = np.empty(int(np.prod(shape)) // QK, dtype=Q4_BLOCK)
            blocks["qs"] = f.get_tensor(name + Q4_SUFFIX)
            blocks["d"] = f.get_tensor(name + SCALE_SUFFIX)
            state[name] = dequantize_q4_0(blocks.tobytes(), tuple(shape))
    output.mkdir(parents=True, exist_ok=True)
    save_file(state, str(output / "model.safetensors"), metadata={"format": "pt"})
    for path in packed.iterdir():
        if path.is_file() and path.name != PACKED_WEIGHTS:
            shutil.copyfile(path, output / path.name)
    return output


# ---------------------------------------------------------------- wheels
def _record_hash(data: bytes) -> str:
    return "sha256=" + base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()


def strip_wheel(wheel: Path) -> int:
    """Strip the debug symbols of a wheel's extension modules in place and fix its RECORD.

    spaCy's Linux wheel is 35 MB, nearly all of it symbols; stripped it is about 7 MB.

    Returns:
        Bytes saved.
    """
    before = wheel.stat().st_size
    tmp = wheel.with_suffix(".tmp")
    with zipfile.ZipFile(wheel) as src, zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as dst:
        files: Dict[str, bytes] = {}
        for info in src.infolist():
            data = src.read(info)
            if info.filename.endswith(".so"):
                work = tmp.with_name("strip.so")
                work.write_bytes(data)
                subprocess.run(["strip", "--strip-unneeded", str(work)], check=True)
                data = work.read_bytes()
                work.unlink()
            files[info.filename] = data
        record = next(name for name in files if name.endswith(".dist-info/RECORD"))
        lines = [f"{name},{_record_hash(data)},{len(data)}" for name, data in files.items() if name != record]
        files[record] = ("\n".join(lines + [f"{record},,"]) + "\n").encode()
        for name, data in files.items():
            dst.writestr(name, data)
    tmp.replace(wheel)
    return before - wheel.stat().st_size


def download_wheels(output: Path, packages: Sequence[str] = DEVICE_PACKAGES) -> List[str]:
    """Download the device's wheels (this environment's versions, for Python 3.12) and strip them.

    Returns:
        The requirement strings downloaded.
    """
    requirements = [f"{name}=={metadata.version(name)}" for name in packages]
    output.mkdir(parents=True, exist_ok=True)
    command = [sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--only-binary=:all:",
               "--python-version", DEVICE_PYTHON, "--implementation", "cp", "-d", str(output)]
    for platform in DEVICE_PLATFORMS:
        command += ["--platform", platform]
    subprocess.run(command + requirements, check=True)
    for wheel in output.glob("*.whl"):
        if "-none-any" not in wheel.name:
            strip_wheel(wheel)
    return requirements


# ---------------------------------------------------------------- size
def folder_bytes(path: Path) -> int:
    """Bytes of the files under ``path``."""
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def working_tree_bytes(repo: Path) -> int:
    """Bytes of what the device tool sends besides carried paths: tracked and untracked, not ignored, files."""
    listed = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
                            cwd=repo, check=True, capture_output=True).stdout.split(b"\0")
    return sum((repo / name.decode()).stat().st_size for name in listed
               if name and (repo / name.decode()).is_file())
