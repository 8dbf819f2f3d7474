"""Throughput and memory of a pipeline next to a reference pipeline of spaCy's default CNN architectures.

The reference is what ``spacy init config -l sv -p tok2vec,ner,textcat_multilabel``
(optimize for efficiency) builds, initialized with the same entity and topic
labels as the measured pipeline but not trained: its speed does not depend on
its weights (every token costs the same network passes and transitions).

Speed: both pipelines run on the same texts, alternating, and the best of
``repeats`` rounds counts, which damps the noise of a shared CPU. With one
process each runs ``nlp.pipe`` in this process. With several, each runs in the
worker pool of :class:`svpol.engines.LocalEngine`, the way ``svpol annotate
--n-process`` and ``svpol.annotate(n_process=...)`` run: the workers annotate and
export batches of texts and send plain dicts back, and starting the pool is
timed for both. (``nlp.pipe(n_process=...)`` instead sends every Doc back
serialized, and srsly's msgpack looks up its extension registry on every call:
an svpol Doc takes five calls (the Doc, user data keys and values, span groups)
where the reference's takes one, so that measures the transfer, which costs
more per svpol Doc than annotating it, rather than the pipelines.)
Words are whitespace-separated words of the input texts, the same count for
both pipelines whatever their tokenizers do.

Memory: peak resident memory (``VmHWM``) of a fresh process that loads the
pipeline and annotates the texts with one process, measured separately for each
pipeline so that neither inherits the other's memory.
"""

import multiprocessing
import time
from pathlib import Path
from typing import Dict, Iterable, List, Optional, Sequence

import spacy
from spacy.language import Language
from spacy.tokens import DocBin

from .loading import find_model, load
from .engines import LocalEngine
from .intake import Record

REFERENCE_COMPONENTS = ["tok2vec", "ner", "textcat_multilabel"]


def reference_pipeline(ner_labels: Iterable[str], topic_labels: Iterable[str]) -> Language:
    """spaCy's default Swedish CNN pipeline (efficiency), initialized with the given labels."""
    from spacy.cli.init_config import init_config

    config = init_config(lang="sv", pipeline=REFERENCE_COMPONENTS, optimize="efficiency", gpu=False, silent=True)
    nlp = spacy.util.load_model_from_config(config, auto_fill=True, validate=True)
    for label in ner_labels:
        nlp.get_pipe("ner").add_label(label)
    for label in topic_labels:
        nlp.get_pipe("textcat_multilabel").add_label(label)
    nlp.initialize()
    return nlp


def pipeline_labels(nlp: Language) -> Dict[str, List[str]]:
    """The entity and topic labels of a pipeline (empty where it lacks the component)."""
    labels = {"ner": [], "textcat_multilabel": []}
    for name in labels:
        if name in nlp.pipe_names:
            labels[name] = list(nlp.get_pipe(name).labels)
    return labels


def read_texts(paths: Sequence[Path], limit: Optional[int] = None) -> List[str]:
    """Texts of ``.spacy`` and ``.txt`` files (folders: the files in them), in order."""
    files: List[Path] = []
    for path in paths:
        if path.is_dir():
            files.extend(sorted(p for p in path.iterdir() if p.suffix in (".spacy", ".txt")))
        else:
            files.append(path)
    texts: List[str] = []
    vocab = spacy.blank("sv").vocab
    for path in files:
        if path.suffix == ".spacy":
            texts.extend(doc.text for doc in DocBin().from_disk(path).get_docs(vocab))
        elif path.suffix == ".txt":
            texts.append(path.read_text(encoding="utf8"))
        else:
            raise ValueError(f"{path}: expected a .spacy or .txt file")
        if limit is not None and len(texts) >= limit:
            return texts[:limit]
    return texts


def count_words(texts: Iterable[str]) -> int:
    """Whitespace-separated words."""
    return sum(len(t.split()) for t in texts)


def words_per_second(nlp: Language, texts: Sequence[str], *, n_process: int = 1, batch_size: int = 64) -> float:
    """Words per second of annotating ``texts``: ``nlp.pipe`` here, or a pool of ``n_process`` workers.

    Raises:
        ValueError: ``n_process`` is not positive.
    """
    if n_process < 1:
        raise ValueError(f"n_process must be at least 1, got {n_process}")
    start = time.perf_counter()
    if n_process == 1:
        for _ in nlp.pipe(texts, batch_size=batch_size):
            pass
    else:
        records = (Record(str(i), "", text) for i, text in enumerate(texts))
        for _ in LocalEngine(nlp, batch_size=batch_size, n_process=n_process).annotate(records):
            pass
    return count_words(texts) / (time.perf_counter() - start)


def _peak_rss_mb() -> float:
    """Peak resident memory of this process (VmHWM) in MB."""
    with open("/proc/self/status", encoding="ascii") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    raise OSError("no VmHWM in /proc/self/status")


def _load(model: str, enable: Sequence[str]) -> Language:
    """Load ``model`` and turn on the disabled components named in ``enable``."""
    nlp = load(model)
    for name in enable:
        if name not in nlp.component_names:
            raise ValueError(f"{model}: no component {name!r} to enable")
        if name in nlp.disabled:
            nlp.enable_pipe(name)
    return nlp


def _memory_probe(
    model: Optional[str], enable: Sequence[str], labels: Dict[str, List[str]], texts: List[str], batch_size: int, queue
) -> None:
    """Child process: load a pipeline (or build the reference), annotate, report peak RSS."""
    nlp = _load(model, enable) if model else reference_pipeline(labels["ner"], labels["textcat_multilabel"])
    for _ in nlp.pipe(texts, batch_size=batch_size):
        pass
    queue.put(_peak_rss_mb())


def peak_memory_mb(
    model: Optional[str], enable: Sequence[str], labels: Dict[str, List[str]], texts: List[str], batch_size: int
) -> float:
    """Peak RSS in MB of a fresh process running ``model`` (None: the reference) over ``texts``."""
    ctx = multiprocessing.get_context("spawn")
    queue = ctx.Queue()
    proc = ctx.Process(target=_memory_probe, args=(model, enable, labels, texts, batch_size, queue))
    proc.start()
    result = queue.get()
    proc.join()
    return result


def benchmark(
    model: Optional[str],
    texts: List[str],
    *,
    n_process: Sequence[int] = (1, 2),
    batch_size: int = 64,
    repeats: int = 3,
    memory: bool = True,
    enable: Sequence[str] = (),
) -> Dict[str, object]:
    """Measure words/s (per process count) and peak memory of ``model`` and the reference.

    ``model`` is a pipeline folder or package; None resolves it as :func:`svpol.load` does
    (``$SVPOL_MODEL``, the installed ``sv_svpol_cnn``, the checkout's ``models/sv_svpol_cnn``).
    ``enable`` names components that ``model`` ships disabled (e.g. ``confidence``) to turn on.

    Raises:
        svpol.ModelError: ``model`` cannot be loaded (ModelNotFoundError: None and no pipeline found).
        ValueError: no texts, or a component in ``enable`` does not exist.

    Returns:
        ``{"words": int, "texts": int, "pipelines": {"svpol": {...}, "reference": {...}},
        "ratio": {"n_process=1": float, ...}}``.
    """
    if repeats < 1:
        raise ValueError(f"repeats must be at least 1, got {repeats}")
    if not texts:
        raise ValueError("no texts to benchmark on")
    if model is None:
        # Resolved once, so that the memory probe's fresh process loads the same pipeline.
        model = find_model()
    nlp = _load(model, enable)
    labels = pipeline_labels(nlp)
    pipelines = {"svpol": nlp, "reference": reference_pipeline(labels["ner"], labels["textcat_multilabel"])}
    results: Dict[str, Dict[str, object]] = {
        name: {"components": list(p.pipe_names)} for name, p in pipelines.items()
    }
    # Warm up caches (vocab, lexemes) so the first measured round is not penalized.
    for p in pipelines.values():
        words_per_second(p, texts[:20], batch_size=batch_size)
    for n in n_process:
        key = f"n_process={n}"
        best = {name: 0.0 for name in pipelines}
        for _ in range(repeats):
            for name, p in pipelines.items():
                best[name] = max(best[name], words_per_second(p, texts, n_process=n, batch_size=batch_size))
        for name in pipelines:
            results[name][f"words_per_second_{key}"] = round(best[name])
    if memory:
        results["svpol"]["peak_rss_mb"] = round(peak_memory_mb(model, enable, labels, texts, batch_size), 1)
        results["reference"]["peak_rss_mb"] = round(peak_memory_mb(None, (), labels, texts, batch_size), 1)
    ratio = {
        f"n_process={n}": round(
            results["svpol"][f"words_per_second_n_process={n}"] / results["reference"][f"words_per_second_n_process={n}"],
            3,
        )
        for n in n_process
    }
    return {"words": count_words(texts), "texts": len(texts), "pipelines": results, "ratio": ratio}


def format_benchmark(result: Dict[str, object]) -> str:
    """A plain-text table of a :func:`benchmark` result."""
    pipelines = result["pipelines"]
    keys = [k for k in pipelines["svpol"] if k.startswith("words_per_second_")]
    header = f"{'pipeline':<12}" + "".join(f"{k.replace('words_per_second_', 'words/s '):>22}" for k in keys)
    header += f"{'peak RSS MB':>14}"
    lines = [f"{result['texts']} texts, {result['words']} words", header]
    for name, r in pipelines.items():
        row = f"{name:<12}" + "".join(f"{r[k]:>22}" for k in keys)
        row += f"{r.get('peak_rss_mb', '-'):>14}"
        lines.append(row)
    lines.append(f"{'ratio':<12}" + "".join(f"{result['ratio'][k.replace('words_per_second_', '')]:>22}" for k in keys))
    for name, r in pipelines.items():
        lines.append(f"{name}: {', '.join(r['components'])}")
    return "\n".join(lines)
