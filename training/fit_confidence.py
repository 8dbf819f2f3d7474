"""Calibrate a trained pipeline's confidence scores on dev and switch the component on.

    python -m training.fit_confidence models/sv_svpol_cnn corpus/dev.spacy -o models/sv_svpol_cnn

Fits the ``svpol_confidence`` curves on a seeded sample of dev docs, measures the
reliability (expected calibration error) before and after on other dev docs, keeps
the rule score given on the command line for PARTY, AUTHORITY and MONEY (dev labels for
them are made by the same rules, so dev cannot measure the rules' precision) and the
pipeline's own rule score for other rule labels, enables the
component and writes the pipeline with the figures in ``meta["svpol"]``.
"""

import json
import random
import shutil
import tempfile
from pathlib import Path
from typing import Dict, List, Optional

import spacy
import srsly
import typer
from spacy.language import Language
from spacy.tokens import DocBin

import svpol  # noqa: F401  (registers the svpol components)
from svpol.components.confidence import evaluate_confidence, fit_confidence
from svpol.components.entity_rules import RULE_LABELS


def calibrate(
    model: Path,
    dev: Path,
    output: Path,
    *,
    n_fit: int = 1200,
    n_eval: int = 800,
    rule_score: Optional[float] = 0.98,
    seed: int = 0,
) -> Dict[str, object]:
    """Fit, measure and enable the confidence component of ``model``; write it to ``output``.

    Returns:
        The calibration record stored in ``meta["svpol"]["confidence_calibration"]``.
    """
    # The dev texts are read and annotated by a pipeline of their own: their strings must not grow the string
    # store of the pipeline that is written (131 kB for 2,000 dev docs, and the model directory's limit is 60 MB).
    nlp, written = spacy.load(model), spacy.load(model)
    if "confidence" not in nlp.component_names:
        raise ValueError(f"{model}: the pipeline has no 'confidence' component")
    if "confidence" in nlp.disabled:
        nlp.enable_pipe("confidence")
    docs: List = list(DocBin().from_disk(dev).get_docs(nlp.vocab))
    if len(docs) < n_fit + n_eval:
        raise ValueError(f"{dev}: {len(docs)} docs, need {n_fit + n_eval}")
    random.Random(seed).shuffle(docs)
    fit_docs, eval_docs = docs[:n_fit], docs[n_fit : n_fit + n_eval]
    raw = evaluate_confidence(nlp, eval_docs)
    before = dict(nlp.get_pipe("confidence").rule_scores)
    fit_confidence(nlp, fit_docs)
    scorer = nlp.get_pipe("confidence")
    if rule_score is not None:
        # Only the knowledge-base rules' labels: dev's PARTY/AUTHORITY/MONEY are made by those
        # rules. Other rule labels (svpol_org_names' ORG) keep the score they were given.
        scorer.rule_scores = {label: rule_score if label in RULE_LABELS else before.get(label, score)
                              for label, score in scorer.rule_scores.items()}
    calibrated = evaluate_confidence(nlp, eval_docs)
    record = {
        "fitted_on": f"{n_fit} docs of {dev} (seeded shuffle, seed {seed})",
        "measured_on": f"{n_eval} other docs of the same file",
        "ece_raw": {k: round(v["ece"], 4) for k, v in raw.items()},
        "ece_calibrated": {k: round(v["ece"], 4) for k, v in calibrated.items()},
        "rule_scores": dict(scorer.rule_scores),
        "reliability_calibrated": {k: v["bins"] for k, v in calibrated.items()},
    }
    with tempfile.TemporaryDirectory() as tmp:
        scorer.to_disk(Path(tmp) / "confidence")
        written.get_pipe("confidence").from_disk(Path(tmp) / "confidence")
    if "confidence" in written.disabled:
        written.enable_pipe("confidence")
    written.meta.setdefault("svpol", {})["confidence_calibration"] = record
    written.config["nlp"]["disabled"] = []
    write_pipeline(written, output)
    return record


def keep_vector_strings(nlp: Language, path: Path) -> None:
    """Cut the string store that ``nlp.to_disk`` wrote to ``path`` down to the words of the static vectors.

    ``nlp.to_disk`` writes every string the pipeline ever saw: the training corpora's words, shapes and affixes,
    2.8 MB of the shipped model's 60. Nothing reads them back: the components add the strings they use (labels,
    patterns) when they load and the tokenizer adds a text's own. The vectors' words stay, so that a vector's key
    still names its word (``topic-embedding lexicon`` scores them). The output of 600 real texts (entities and all
    their attributes, span groups, topics, tokens) was identical with and without them (docs/history.md, v5.40).
    """
    strings = path / "vocab" / "strings.json"
    if not strings.is_file():
        return
    vector_keys = set(nlp.vocab.vectors.keys()) if nlp.vocab.vectors.size else set()
    kept = [s for s in srsly.read_json(strings) if nlp.vocab.strings[s] in vector_keys]
    srsly.write_json(strings, kept)


def write_pipeline(nlp: Language, output: Path) -> None:
    """Write ``nlp`` to ``output``, which may be the folder it was loaded from.

    An ``__init__.py`` in ``output`` is kept: it makes ``models/sv_svpol_cnn`` the importable model package.
    """
    # Write beside the target first, then swap, so a failure leaves the old pipeline intact.
    parent = Path(output).resolve().parent
    parent.mkdir(parents=True, exist_ok=True)  # a new folder for the output, as nlp.to_disk would make it
    with tempfile.TemporaryDirectory(dir=parent) as tmp:
        nlp.to_disk(Path(tmp) / "model")
        keep_vector_strings(nlp, Path(tmp) / "model")
        if (Path(output) / "__init__.py").is_file():
            shutil.copy2(Path(output) / "__init__.py", Path(tmp) / "model" / "__init__.py")
        if Path(output).exists():
            shutil.rmtree(output)
        shutil.move(str(Path(tmp) / "model"), str(output))


def main(
    model: Path = typer.Argument(..., help="Trained pipeline with a 'confidence' component."),
    dev: Path = typer.Argument(..., help="Annotated dev DocBin (never the training data)."),
    output: Path = typer.Option(..., "--output", "-o", help="Where the calibrated pipeline goes."),
    n_fit: int = typer.Option(1200, help="Dev docs to fit the curves on."),
    n_eval: int = typer.Option(800, help="Other dev docs to measure reliability on."),
    rule_score: float = typer.Option(0.98, help="Score of rule entities (hand-checked precision)."),
    seed: int = typer.Option(0),
) -> None:
    """Calibrate and enable the confidence component; print the reliability figures."""
    record = calibrate(model, dev, output, n_fit=n_fit, n_eval=n_eval, rule_score=rule_score, seed=seed)
    for key, ece in record["ece_raw"].items():
        typer.echo(f"{key}: ECE {ece:.3f} raw -> {record['ece_calibrated'][key]:.3f} calibrated")
    typer.echo(json.dumps({"rule_scores": record["rule_scores"]}))


if __name__ == "__main__":
    typer.run(main)
