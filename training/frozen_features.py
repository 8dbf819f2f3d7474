"""The CPU route of issue #18: the CNN's ``ner`` on cached frozen transformer features.

The frozen backbone runs once over the training text; each token's representation (the mean of
its word pieces over the chosen hidden layers) is stored once, as float16, in a cache keyed by
the doc's text. The CNN's ``tok2vec`` then reads them as an extra input (``arm B``: hash
embeddings and features concatenated before the window encoder; ``arm C``: features alone),
so epochs cost what CNN epochs cost. At inference ``svpol_frozen_features`` runs the backbone
before ``tok2vec``. ``arm A`` is the same ``tok2vec`` + ``ner`` of ``configs/cpu.cfg``
without features, trained on the same data with the same seed and batches::

    python -m training.frozen_features data --corpus training_output/corpus-v6 -o training_output/ff/data
    python -m training.frozen_features extract backbones/me5-small training_output/ff/data/train.spacy \\
        training_output/ff/data/dev.spacy --cache training_output/ff/cache
    python -m training.frozen_features train --arm B --data training_output/ff/data \\
        --cache training_output/ff/cache --backbone backbones/me5-small -o training_output/ff/B
    python -m training.frozen_features evaluate training_output/ff/B/model-best training_output/ff/data/eval

The ``ner`` runs alone (no entity rules, no enrichers). torch and transformers are imported
only where the backbone runs, so the registered layers load without them.
"""

from __future__ import annotations

import hashlib
import json
import random
import time
from pathlib import Path
from typing import Callable, Dict, Iterable, Iterator, List, Optional, Sequence, Tuple

import numpy as np
import typer
from spacy.language import Language
from spacy.tokens import Doc, DocBin
from spacy.training import Example
from spacy.util import fix_random_seed, load_config, load_model_from_config, minibatch, registry
from thinc.api import LayerNorm, Maxout, Model, chain, concatenate, with_array
from thinc.types import Floats2d

from training.paths import REPO

FEATURES_ATTR = "svpol_features"
FACTORY = "svpol_frozen_features"
ARMS = ("A", "B", "C")
CPU_CONFIG = REPO / "configs" / "cpu.cfg"
# Hidden states averaged into a token's feature (0 is the embedding layer); only the layers up to
# the highest one are run.
DEFAULT_LAYERS = (7, 8)
# Words per backbone window: a doc is cut into windows of this many tokens (about 150 pieces of
# Swedish text for the XLM-R vocabulary, far below the 512 positions).
WINDOW_WORDS = 100
CACHE_INDEX, CACHE_DATA, CACHE_META = "index.jsonl", "features.f16", "meta.json"

if not Doc.has_extension(FEATURES_ATTR):
    Doc.set_extension(FEATURES_ATTR, default=None)


# ---------------------------------------------------------------- the backbone
class Backbone:
    """A frozen Hugging Face encoder that gives one feature vector per spaCy token."""

    def __init__(self, path: Path, layers: Sequence[int] = DEFAULT_LAYERS, *, batch_size: int = 32) -> None:
        """Load the backbone, keeping only the layers up to the highest of ``layers``.

        Args:
            path: a Hugging Face model folder (``python -m training backbone build``).
            layers: hidden states to average (0: the embeddings, 1..N: the transformer layers).
            batch_size: windows per forward pass.

        Raises:
            ValueError: if ``layers`` is empty or names a layer the model lacks.
        """
        import torch
        from transformers import AutoModel, AutoTokenizer

        if not layers or min(layers) < 0:
            raise ValueError(f"layers must be hidden-state indices >= 0, got {list(layers)}")
        self.tokenizer = AutoTokenizer.from_pretrained(str(path))
        model = AutoModel.from_pretrained(str(path)).eval()
        if max(layers) > len(model.encoder.layer):
            raise ValueError(f"{path} has {len(model.encoder.layer)} layers; asked for hidden state {max(layers)}")
        model.encoder.layer = model.encoder.layer[: max(layers)]
        self.model, self.layers, self.batch_size, self._torch = model, tuple(layers), batch_size, torch
        self.width = int(model.config.hidden_size)

    def __call__(self, docs: Sequence[Doc]) -> List[np.ndarray]:
        """One float16 array (tokens × width) per doc; a token without pieces (whitespace) gets zeros."""
        windows = [(i, start, [t.text for t in doc[start:start + WINDOW_WORDS]])
                   for i, doc in enumerate(docs) for start in range(0, len(doc), WINDOW_WORDS)]
        out = [np.zeros((len(doc), self.width), dtype=np.float32) for doc in docs]
        windows.sort(key=lambda w: len(w[2]))
        for batch in minibatch(windows, self.batch_size):
            encoded = self.tokenizer([w[2] for w in batch], is_split_into_words=True, truncation=True,
                                     max_length=512, padding=True, return_tensors="pt")
            with self._torch.no_grad():
                states = self.model(**encoded, output_hidden_states=True).hidden_states
                hidden = (sum(states[layer] for layer in self.layers) / len(self.layers)).numpy()
            for row, (doc_i, start, words) in enumerate(batch):
                word_ids = encoded.word_ids(row)
                pos = [p for p, w in enumerate(word_ids) if w is not None]
                tokens = np.array([start + word_ids[p] for p in pos], dtype=np.int64)
                counts = np.bincount(tokens - start, minlength=len(words))[:, None]
                sums = np.zeros((len(words), self.width), dtype=np.float32)
                np.add.at(sums, tokens - start, hidden[row, pos])
                out[doc_i][start:start + len(words)] = sums / np.maximum(counts, 1)
        return [a.astype(np.float16) for a in out]


def text_key(text: str) -> str:
    """The cache key of a doc: the SHA-1 of its text (the tokenizer makes the tokens from it)."""
    return hashlib.sha1(text.encode("utf8")).hexdigest()


class FeatureCache:
    """Token features on disk: one float16 matrix (all docs' rows) and a JSON-lines index by text key."""

    def __init__(self, path: Path) -> None:
        """Open (or start) the cache in folder ``path``."""
        self.path = Path(path)
        self.index: Dict[str, Tuple[int, int]] = {}
        if (self.path / CACHE_INDEX).exists():
            for line in (self.path / CACHE_INDEX).read_text(encoding="utf8").splitlines():
                entry = json.loads(line)
                self.index[entry["key"]] = (entry["row"], entry["rows"])
        self.meta: Dict[str, object] = (json.loads((self.path / CACHE_META).read_text())
                                        if (self.path / CACHE_META).exists() else {})
        self._data: Optional[np.ndarray] = None

    @property
    def width(self) -> int:
        """Feature width (0 while the cache is empty)."""
        return int(self.meta.get("width", 0))

    def rows(self) -> int:
        """Token rows stored."""
        return sum(n for _, n in self.index.values())

    def add(self, docs: Sequence[Doc], features: Sequence[np.ndarray], meta: Dict[str, object]) -> None:
        """Append the features of ``docs`` (float16, one row per token).

        Raises:
            ValueError: if the backbone settings differ from the cache's or a shape is wrong.
        """
        if self.meta and {k: self.meta[k] for k in meta} != meta:
            raise ValueError(f"{self.path} holds features of {self.meta}, not {meta}")
        self.path.mkdir(parents=True, exist_ok=True)
        if not self.meta:
            self.meta = dict(meta)
            (self.path / CACHE_META).write_text(json.dumps(self.meta))
        row = self.rows()
        with open(self.path / CACHE_DATA, "ab") as data, open(self.path / CACHE_INDEX, "a", encoding="utf8") as index:
            for doc, array in zip(docs, features):
                if array.shape != (len(doc), self.width) or array.dtype != np.float16:
                    raise ValueError(f"features of shape {array.shape} {array.dtype} for a doc of {len(doc)} tokens")
                key = text_key(doc.text)
                if key in self.index:
                    continue
                data.write(np.ascontiguousarray(array).tobytes())
                index.write(json.dumps({"key": key, "row": row, "rows": len(doc)}) + "\n")
                self.index[key] = (row, len(doc))
                row += len(doc)
        self._data = None

    def get(self, doc: Doc) -> Optional[np.ndarray]:
        """The cached features of ``doc`` (float16), or None if its text is not cached.

        Raises:
            ValueError: if the cached rows do not match the doc's tokens.
        """
        entry = self.index.get(text_key(doc.text))
        if entry is None:
            return None
        if entry[1] != len(doc):
            raise ValueError(f"cached features have {entry[1]} rows, the doc {len(doc)} tokens: another tokenizer?")
        if self._data is None:
            self._data = np.memmap(self.path / CACHE_DATA, dtype=np.float16, mode="r").reshape(-1, self.width)
        return np.asarray(self._data[entry[0]:entry[0] + entry[1]])

    def set_features(self, docs: Iterable[Doc]) -> List[Doc]:
        """Set ``doc._.svpol_features`` from the cache on every doc.

        Raises:
            ValueError: if a doc's text is not cached.
        """
        docs = list(docs)
        for doc in docs:
            features = self.get(doc)
            if features is None:
                raise ValueError(f"no cached features for a doc starting {doc.text[:40]!r}: run extract on its file")
            doc._.set(FEATURES_ATTR, features)
        return docs


def extract(backbone: Path, paths: Sequence[Path], cache_dir: Path, *, layers: Sequence[int] = DEFAULT_LAYERS,
            batch_docs: int = 64, threads: int = 2) -> Dict[str, object]:
    """Run the backbone over the docs of ``paths`` not yet cached and store their features.

    Args:
        backbone: Hugging Face model folder.
        paths: DocBin files; each doc is re-tokenized with the svpol tokenizer, as at inference.
        cache_dir: the cache folder.
        layers: hidden states averaged per token.
        batch_docs: docs per extraction batch (the cache is appended after each).
        threads: torch threads.

    Returns:
        Docs and words extracted, seconds, words/s, the cache's rows and bytes.
    """
    import torch

    torch.set_num_threads(threads)
    nlp = feature_nlp()
    cache = FeatureCache(cache_dir)
    model = Backbone(backbone, layers)
    meta = {"backbone": str(backbone), "layers": list(layers), "width": model.width}
    todo: Dict[str, Doc] = {}
    for path in paths:
        for gold in DocBin().from_disk(path).get_docs(nlp.vocab):
            key = text_key(gold.text)
            if key not in cache.index and key not in todo:
                todo[key] = nlp.make_doc(gold.text)
    words, start = 0, time.perf_counter()
    for batch in minibatch(list(todo.values()), batch_docs):
        cache.add(batch, model(batch), meta)
        words += sum(len(d) for d in batch)
    seconds = time.perf_counter() - start
    return {"docs": len(todo), "tokens": words, "seconds": round(seconds, 1),
            "tokens_per_second": round(words / seconds, 1) if seconds else None,
            "cache_docs": len(cache.index), "cache_rows": cache.rows(),
            "cache_bytes": (cache_dir / CACHE_DATA).stat().st_size if (cache_dir / CACHE_DATA).exists() else 0}


def feature_nlp() -> Language:
    """A blank pipeline with the tokenizer of ``configs/cpu.cfg`` (the tokens the features belong to)."""
    import spacy

    return spacy.blank("sv", config={"nlp": {"tokenizer": load_config(CPU_CONFIG)["nlp"]["tokenizer"]}})


# ---------------------------------------------------------------- layers and the component
@registry.architectures("svpol.CachedFeatures.v1")
def cached_features(n_features: int) -> Model[List[Doc], List[Floats2d]]:
    """The frozen features each doc carries in ``doc._.svpol_features`` (not trained)."""
    return Model("svpol_cached_features", _features_forward, dims={"nO": n_features})


def _features_forward(model: Model, docs: List[Doc], is_train: bool) -> Tuple[List[Floats2d], Callable]:
    width = model.get_dim("nO")
    arrays = []
    for doc in docs:
        features = doc._.get(FEATURES_ATTR)
        if features is None or features.shape != (len(doc), width):
            shape = None if features is None else features.shape
            raise ValueError(f"doc._.{FEATURES_ATTR} is {shape}, expected ({len(doc)}, {width}): "
                             f"run {FACTORY} before tok2vec or set the features from the cache")
        arrays.append(model.ops.asarray2f(features, dtype="float32"))
    return arrays, lambda d_arrays: []


@registry.architectures("svpol.CachedFeaturesEmbed.v1")
def cached_features_embed(width: int, n_features: int, attrs: List[str], rows: List[int],
                          include_static_vectors: bool = False) -> Model[List[Doc], List[Floats2d]]:
    """spaCy's ``MultiHashEmbed`` and the frozen features (layer-normalized) concatenated and mixed
    by a Maxout layer of ``width``; with no ``attrs``, the features alone.

    Raises:
        ValueError: if ``attrs`` and ``rows`` differ in length.
    """
    if len(attrs) != len(rows):
        raise ValueError(f"attrs {attrs} and rows {rows} must have the same length")
    features = chain(cached_features(n_features), with_array(LayerNorm(nI=n_features)))
    if attrs:
        hashed = registry.get("architectures", "spacy.MultiHashEmbed.v2")(
            width=width, attrs=attrs, rows=rows, include_static_vectors=include_static_vectors)
        inputs, n_inputs = concatenate(hashed, features), width + n_features
    else:
        inputs, n_inputs = features, n_features
    return chain(inputs, with_array(Maxout(width, n_inputs, nP=3, dropout=0.0, normalize=True)))


@Language.factory(FACTORY, default_config={"backbone": "", "layers": list(DEFAULT_LAYERS), "threads": 2})
def make_frozen_features(nlp: Language, name: str, backbone: str, layers: List[int], threads: int) -> "FrozenFeatures":
    """The component that runs the frozen backbone and sets ``doc._.svpol_features``."""
    return FrozenFeatures(backbone, layers, threads)


class FrozenFeatures:
    """Sets ``doc._.svpol_features`` with the backbone, loaded on first use; docs that carry
    features already (from the cache) are left as they are."""

    def __init__(self, backbone: str, layers: Sequence[int], threads: int) -> None:
        """Remember the backbone folder and settings; nothing is loaded yet."""
        self.backbone, self.layers, self.threads = backbone, list(layers), threads
        self._model: Optional[Backbone] = None

    def __call__(self, doc: Doc) -> Doc:
        """Set the features of one doc."""
        return next(self.pipe([doc]))

    def pipe(self, docs: Iterable[Doc], batch_size: int = 64) -> Iterator[Doc]:
        """Set the features of a stream of docs, ``batch_size`` docs per backbone call."""
        for batch in minibatch(docs, batch_size):
            todo = [d for d in batch if d._.get(FEATURES_ATTR) is None]
            if todo:
                for doc, features in zip(todo, self.model(todo)):
                    doc._.set(FEATURES_ATTR, features)
            yield from batch

    @property
    def model(self) -> Backbone:
        """The backbone (loaded once)."""
        if self._model is None:
            import torch

            torch.set_num_threads(self.threads)
            self._model = Backbone(Path(self.backbone), self.layers)
        return self._model


# ---------------------------------------------------------------- the experiment
def experiment_config(arm: str, *, backbone: Optional[Path] = None, layers: Sequence[int] = DEFAULT_LAYERS,
                      n_features: int = 0, encoder_depth: Optional[int] = None):
    """``configs/cpu.cfg`` cut to ``tok2vec`` + ``ner`` (arm A), with the features before the encoder
    (B) or instead of the hash embeddings (C), ``svpol_frozen_features`` first for B and C.

    Raises:
        ValueError: for an unknown arm, or B/C without a backbone and feature width.
    """
    if arm not in ARMS:
        raise ValueError(f"unknown arm {arm!r}: choose from {list(ARMS)}")
    config = load_config(CPU_CONFIG, interpolate=True)
    components = {name: config["components"][name] for name in ("tok2vec", "ner")}
    pipeline = ["tok2vec", "ner"]
    if arm != "A":
        if backbone is None or n_features <= 0:
            raise ValueError(f"arm {arm} needs a backbone and its feature width")
        embed = dict(components["tok2vec"]["model"]["embed"])
        embed.update({"@architectures": "svpol.CachedFeaturesEmbed.v1", "n_features": n_features})
        if arm == "C":
            embed.update(attrs=[], rows=[])
        components["tok2vec"]["model"]["embed"] = embed
        components = {"frozen_features": {"factory": FACTORY, "backbone": str(backbone), "layers": list(layers)},
                      **components}
        pipeline.insert(0, "frozen_features")
    if encoder_depth is not None:
        components["tok2vec"]["model"]["encode"]["depth"] = encoder_depth
    config["nlp"]["pipeline"] = pipeline
    config["components"] = components
    config["initialize"]["components"] = {}
    return config


def _read(nlp: Language, path: Path) -> List[Doc]:
    return list(DocBin().from_disk(path).get_docs(nlp.vocab))


def _examples(nlp: Language, golds: Sequence[Doc], cache: Optional[FeatureCache]) -> List[Example]:
    predicted = [nlp.make_doc(g.text) for g in golds]
    if cache is not None:
        cache.set_features(predicted)
    return [Example(p, g) for p, g in zip(predicted, golds)]


def dev_scores(nlp: Language, examples: Sequence[Example]) -> Dict[str, object]:
    """svpol's entity scores of ``nlp`` (its ``ner`` alone) on examples whose predicted docs carry features."""
    from svpol.evaluate import score_entities

    docs = [eg.predicted.copy() for eg in examples]
    for doc, eg in zip(docs, examples):
        doc._.set(FEATURES_ATTR, eg.predicted._.get(FEATURES_ATTR))
    predicted = list(nlp.pipe(docs))
    return score_entities([Example(p, eg.reference) for p, eg in zip(predicted, examples)])


def train_arm(arm: str, data: Path, output: Path, *, cache_dir: Optional[Path] = None,
              backbone: Optional[Path] = None, epochs: int = 10, seed: int = 0,
              encoder_depth: Optional[int] = None) -> Dict[str, object]:
    """Train one arm on ``data/train.spacy`` and keep the epoch best on ``data/dev.spacy`` (gold-dev).

    Every arm sees the same examples in the same batches (``configs/cpu.cfg``'s batcher, optimizer
    and dropout; shuffled by ``seed`` per epoch) for ``epochs`` epochs.

    Returns:
        Updates, seconds, the entity micro F of every epoch on dev and the best epoch;
        the best model is saved to ``output/model-best``, the report to ``output/train.json``.

    Raises:
        ValueError: for bad arguments (unknown arm, B/C without a filled cache, epochs < 1).
    """
    if epochs < 1:
        raise ValueError(f"epochs must be at least 1, got {epochs}")
    cache = None
    if arm != "A":
        if cache_dir is None or backbone is None:
            raise ValueError(f"arm {arm} needs --cache and --backbone")
        cache = FeatureCache(cache_dir)
        if not cache.meta:
            raise ValueError(f"{cache_dir} holds no features: run extract first")
    config = experiment_config(arm, backbone=backbone, layers=cache.meta["layers"] if cache else DEFAULT_LAYERS,
                               n_features=cache.width if cache else 0, encoder_depth=encoder_depth)
    output.mkdir(parents=True, exist_ok=True)
    fix_random_seed(seed)
    nlp = load_model_from_config(config, auto_fill=True, validate=True)
    train = _examples(nlp, _read(nlp, data / "train.spacy"), cache)
    dev = _examples(nlp, _read(nlp, data / "dev.spacy"), cache)
    resolved = registry.resolve({"batcher": config["training"]["batcher"], "optimizer": config["training"]["optimizer"]})
    optimizer = nlp.initialize(lambda: train, sgd=resolved["optimizer"])
    dropout = float(config["training"]["dropout"])
    trainable = [name for name in nlp.pipe_names if name != "frozen_features"]
    report: Dict[str, object] = {"arm": arm, "epochs": epochs, "seed": seed, "train_docs": len(train),
                                 "dev_docs": len(dev), "curve": [], "updates": 0}
    best, start = -1.0, time.perf_counter()
    for epoch in range(epochs):
        order = list(train)
        random.Random(seed + epoch).shuffle(order)
        losses: Dict[str, float] = {}
        for batch in resolved["batcher"](order):
            nlp.update(batch, sgd=optimizer, drop=dropout, losses=losses, exclude=["frozen_features"])
            report["updates"] += 1
        with nlp.select_pipes(enable=trainable + (["frozen_features"] if cache else [])):
            score = dev_scores(nlp, dev)["micro"]["f"]
        report["curve"].append({"epoch": epoch + 1, "updates": report["updates"], "ner_loss": round(float(losses["ner"]), 1),
                                "dev_ents_f": round(score, 4), "seconds": round(time.perf_counter() - start, 1)})
        typer.echo(json.dumps(report["curve"][-1]))
        if score > best:
            best = score
            report["best_epoch"] = epoch + 1
            nlp.to_disk(output / "model-best")
    report["seconds"] = round(time.perf_counter() - start, 1)
    report["best_dev_ents_f"] = round(best, 4)
    (output / "train.json").write_text(json.dumps(report, indent=1))
    return report


def evaluate_model(model: Path, eval_dir: Path, *, speed_texts: int = 300) -> Dict[str, object]:
    """svpol's entity scores of ``model`` on every ``.spacy`` file of ``eval_dir``, from raw text
    (the backbone runs live), and its words/s on the first ``speed_texts`` texts of those files
    (not measured for 0).

    Raises:
        ValueError: if ``speed_texts`` is negative.
    """
    import spacy

    from svpol.benchmark import words_per_second
    from svpol.evaluate import evaluate

    if speed_texts < 0:
        raise ValueError(f"speed_texts must be 0 or more, got {speed_texts}")
    nlp = spacy.load(model)
    results: Dict[str, object] = {}
    texts: List[str] = []
    for path in sorted(eval_dir.glob("*.spacy")):
        scores = evaluate(nlp, path, kinds=["entities"])
        ents = scores["entities"]
        results[path.stem] = {"micro": ents["micro"], "per_label": ents["per_label"], "n_docs": scores["n_docs"],
                              "words": scores["words"], "seconds": round(scores["seconds"], 1)}
        texts.extend(d.text for d in _read(nlp, path))
    if speed_texts:
        sample = texts[:speed_texts]
        words_per_second(nlp, sample[:16])
        results["words_per_second"] = round(words_per_second(nlp, sample), 1)
    return results


# ---------------------------------------------------------------- commands
app = typer.Typer(name="frozen-features", no_args_is_help=True, add_completion=False, pretty_exceptions_enable=False,
                  help="The CNN's ner on cached frozen transformer features against the plain CNN (issue #18).")


@app.command("data")
def data_cli(
    gold: Path = typer.Option(Path("training_output/gold"), help="Folder of `python -m training gold build`."),
    corpus: Path = typer.Option(..., help="Folder of `python -m training corpus` (train.spacy, dev-*.spacy)."),
    output: Path = typer.Option(..., "--output", "-o", help="Folder for train.spacy, dev.spacy and eval/."),
    silver_docs: int = typer.Option(3000, help="Training docs sampled (seeded) from the corpus; gold texts left out."),
    gold_repeat: int = typer.Option(3, help="Copies of every gold-train doc."),
    eval_set: List[str] = typer.Option(["dev-klintan", "dev-uner", "dev-suc"], help="Corpus dev sets to evaluate on."),
    seed: int = typer.Option(0),
) -> None:
    """Write the experiment's data (the GPU kit's sampling: gold-train × N + silver sample; gold-dev
    chooses); gold-test goes to OUTPUT/test/, apart from the dev sets of OUTPUT/eval/."""
    from training.gpu_kit.pack import EVAL_DIR, pack_data

    report = pack_data(gold, corpus, output, silver_docs=silver_docs, gold_repeat=gold_repeat,
                       eval_sets=eval_set, seed=seed)
    (output / "test").mkdir(exist_ok=True)
    (output / EVAL_DIR / "gold-test.spacy").replace(output / "test" / "gold-test.spacy")
    typer.echo(json.dumps(report))


@app.command("extract")
def extract_cli(
    backbone: Path = typer.Argument(..., help="Hugging Face model folder."),
    paths: List[Path] = typer.Argument(..., help="DocBin files whose texts to cache."),
    cache: Path = typer.Option(..., help="Cache folder."),
    layers: List[int] = typer.Option(list(DEFAULT_LAYERS), "--layer", help="Hidden states averaged; repeatable."),
    threads: int = typer.Option(2, help="torch threads."),
) -> None:
    """Cache the backbone's token features of the docs of PATHS."""
    typer.echo(json.dumps(extract(backbone, paths, cache, layers=layers, threads=threads)))


@app.command("train")
def train_cli(
    arm: str = typer.Option(..., help="A: the CNN; B: CNN + features; C: features alone."),
    data: Path = typer.Option(..., help="Folder of the `data` command."),
    output: Path = typer.Option(..., "--output", "-o"),
    cache: Optional[Path] = typer.Option(None, help="Feature cache (arms B and C)."),
    backbone: Optional[Path] = typer.Option(None, help="Backbone the cache was made with (arms B and C)."),
    epochs: int = typer.Option(10),
    seed: int = typer.Option(0),
    encoder_depth: Optional[int] = typer.Option(None, help="Window encoder depth (default: cpu.cfg's)."),
) -> None:
    """Train one arm; the epoch best on gold-dev goes to OUTPUT/model-best."""
    report = train_arm(arm, data, output, cache_dir=cache, backbone=backbone, epochs=epochs, seed=seed,
                       encoder_depth=encoder_depth)
    typer.echo(json.dumps({k: v for k, v in report.items() if k != "curve"}))


@app.command("evaluate")
def evaluate_cli(
    model: Path = typer.Argument(..., help="A trained arm's model-best."),
    eval_dir: Path = typer.Argument(..., help="Folder of .spacy evaluation sets."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="JSON file for the scores."),
    speed_texts: int = typer.Option(300, help="Texts for the words/s measurement (0: not measured)."),
) -> None:
    """Entity scores (ner alone) on every set, from raw text, and words/s."""
    results = evaluate_model(model, eval_dir, speed_texts=speed_texts)
    if output:
        output.write_text(json.dumps(results, indent=1))
    for name, part in results.items():
        if isinstance(part, dict):
            labels = " ".join(f"{k} {v['f'] * 100:.1f}" for k, v in part["per_label"].items() if v.get("support"))
            typer.echo(f"{name}: micro {part['micro']['f'] * 100:.1f} | {labels}")
    if "words_per_second" in results:
        typer.echo(f"words/s: {results['words_per_second']}")


if __name__ == "__main__":
    app(prog_name="python -m training.frozen_features")
