"""Writing the trained pipeline as the svpol model: the current tokenizer and the svpol meta."""

import hashlib
import json
from pathlib import Path
from typing import Any, Dict, List, Optional

import spacy
import typer
from spacy.language import Language
from spacy.util import load_config, registry

from svpol.about import __version__, model_requirement
from svpol.components.name_list import NameList
from svpol.kb import KBComponent, load_kb
from svpol.labels import ENTITY_LABELS, TOPIC_LABELS
from svpol.tokenizer import TOKENIZER

from .assemble import CONFIDENCE, add_untrained_components
from .fit_confidence import write_pipeline
from .paths import REPO
from .scoring import performance, summarize_dev

MODEL_NAME = "svpol_cnn"  # spaCy prefixes the language: the package is sv_svpol_cnn
# Data sources and their licences; the share-alike licence of UNER governs the model.
SOURCES: List[Dict[str, str]] = [
    {"name": "Universal NER, Swedish Talbanken", "url": "https://github.com/UniversalNER/UNER_Swedish-Talbanken", "license": "CC BY-SA 4.0"},
    {"name": "swedish-ner-corpus (klintan)", "url": "https://github.com/klintan/swedish-ner-corpus", "license": "CC BY 4.0"},
    {"name": "SUC 3.0 (SUCX dev split, automatic NE layer)", "url": "https://spraakbanken.gu.se/en/resources/suc3", "license": "CC BY 4.0"},
    {"name": "swerik-project riksdagen-interpellations and riksdagen-persons", "url": "https://github.com/swerik-project", "license": "see the source repositories"},
    {"name": "civictechsweden myndighetsdata", "url": "https://github.com/civictechsweden/myndighetsdata", "license": "see the source repository"},
]
LICENSE = "CC BY-SA 4.0"


def use_current_tokenizer(nlp: Language) -> None:
    """Give ``nlp`` the svpol tokenizer of this version of the library, in the pipeline and its config."""
    if nlp.config["nlp"]["tokenizer"].get("@tokenizers") != TOKENIZER:
        nlp.tokenizer = registry.tokenizers.get(TOKENIZER)()(nlp)
        nlp.config["nlp"]["tokenizer"] = {"@tokenizers": TOKENIZER}


def compact_manifest(manifest: Optional[Dict[str, Any]]) -> Optional[Dict[str, Any]]:
    """The corpus manifest for a model's meta: the split of every document (a third of a MB for
    the interpellations) becomes its count and SHA-256; the corpus folder keeps the full list."""
    documents = (manifest or {}).get("documents")
    if not isinstance(documents, dict) or set(documents) == {"count", "sha256"}:
        return manifest  # nothing to compact, or compacted already
    digest = hashlib.sha256(json.dumps(documents, sort_keys=True).encode("utf8")).hexdigest()
    compact = {k: v for k, v in manifest.items() if k != "documents"}
    compact["documents"] = {"count": len(documents), "sha256": digest}
    return compact


def refresh_resources(nlp: Language) -> List[str]:
    """Give the pipeline's knowledge-base components the KB shipped with svpol, and its name-list
    components the shipped lists; nothing trained changes. A KB with local persons added by a user
    (``kb.meta["local_persons"]``) is kept as it is.

    Returns:
        The names of the components refreshed.
    """
    refreshed = []
    for name, component in nlp.pipeline:
        if isinstance(component, KBComponent) and not component.kb.meta.get("local_persons"):
            component.kb = load_kb(parts=component.kb_parts)
        elif isinstance(component, NameList):
            component.set_names(component.shipped_names())
        else:
            continue
        refreshed.append(name)
    return refreshed


def upgrade(model: Path, output: Path, config: Path) -> List[str]:
    """Bring a packaged pipeline up to ``config`` without retraining it.

    Adds the components of ``config`` that need no training and that ``model`` lacks (with the
    config's settings, in its order), refreshes the knowledge base and name lists
    (:func:`refresh_resources`), gives ``svpol_confidence`` the config's rule scores for
    labels it has none for, gives it the library's current tokenizer (:func:`use_current_tokenizer`),
    takes the config's ``after_pipeline_creation`` callback (``svpol.CacheEmbeddings.v1``), compacts the meta's
    corpus manifest and records the upgrade in ``meta["svpol"]["upgrades"]``. Trained and fitted components are
    left exactly as they are.

    Returns:
        The names of the components added.
    """
    nlp = spacy.load(model)
    use_current_tokenizer(nlp)
    shipped = load_config(config)
    added = add_untrained_components(nlp, shipped)
    callback = shipped["nlp"].get("after_pipeline_creation")
    nlp.config["nlp"]["after_pipeline_creation"] = callback
    refreshed = refresh_resources(nlp)
    if CONFIDENCE in nlp.component_names:
        scores = shipped["components"][CONFIDENCE].get("rule_scores", {})
        scorer = nlp.get_pipe(CONFIDENCE)
        new_labels = {label: float(v) for label, v in scores.items() if label not in scorer.rule_scores}
        scorer.rule_scores.update(new_labels)
        nlp.config["components"][CONFIDENCE].setdefault("rule_scores", {}).update(new_labels)
        calibration = nlp.meta.get("svpol", {}).get("confidence_calibration")
        if calibration is not None:
            calibration["rule_scores"] = dict(scorer.rule_scores)
    meta = nlp.meta.setdefault("svpol", {})
    meta["corpus_manifest"] = compact_manifest(meta.get("corpus_manifest"))
    meta.setdefault("upgrades", []).append(
        {"svpol": __version__, "config": Path(config).name, "added": added, "refreshed": refreshed,
         "tokenizer": TOKENIZER, "after_pipeline_creation": (callback or {}).get("@callbacks")})
    write_pipeline(nlp, output)
    return added


def upgrade_cli(
    model: Path = typer.Argument(..., help="Packaged pipeline folder."),
    output: Path = typer.Option(..., "--output", "-o", help="Where the upgraded pipeline goes (may be MODEL)."),
    config: Path = typer.Option(REPO / "configs" / "cpu.cfg", "--config", "-c", help="The config it should follow."),
) -> None:
    """Add the config's untrained components (rules, enrichers) to a packaged pipeline; no retraining."""
    for path in (model, config):
        if not path.exists():
            typer.echo(f"{path}: not found", err=True)
            raise typer.Exit(2)
    added = upgrade(model, output, config)
    typer.echo(f"wrote {output}; added: {', '.join(added) or 'nothing'}")


def package(
    nlp: Language,
    output: Path,
    *,
    thresholds: Dict[str, Any],
    dev_scores: Dict[str, Any],
    rule_order: Optional[Dict[str, Any]],
    manifest: Optional[Dict[str, Any]],
    name: str = MODEL_NAME,
    architecture: str = "CNN tok2vec",
) -> None:
    """Write the pipeline to ``output`` with the svpol meta; ``architecture`` goes into the description.

    The packaged pipeline gets the library's current tokenizer (``svpol.tokenizer.TOKENIZER``):
    later versions only add splits between names (v2: ``Malmö–Lund``), which the trained
    components take as they take any other token boundary.
    """
    use_current_tokenizer(nlp)
    nlp.meta.update(
        {
            "name": name,
            "version": __version__,
            "description": "svpol pipeline for Swedish political text: entities "
            f"({', '.join(ENTITY_LABELS)}) with attributes, and {len(TOPIC_LABELS)} topics per document "
            f"and per paragraph ({architecture}, ner, textcat_multilabel, svpol rules and enrichers).",
            "author": "svpol contributors",
            "url": "https://github.com/svpol/svpol",
            "license": LICENSE,
            # the svpol versions this pipeline works with; svpol.load checks it
            "requirements": [model_requirement()],
            "sources": SOURCES,
            "performance": performance(dev_scores),
        }
    )
    nlp.meta["svpol"] = {
        "topic_thresholds": thresholds["per_label"],
        "topic_threshold_global": thresholds["global"],
        "topic_calibration": {k: v for k, v in thresholds.items() if k not in ("per_label", "global")},
        "dev_scores": summarize_dev(dev_scores),
        "entity_rules_order": rule_order,
        "corpus_manifest": compact_manifest(manifest),
    }
    if CONFIDENCE in nlp.pipe_names:
        # Uncalibrated scores are not worth their cost: the component stays off until
        # training.fit_confidence has fitted its curves (main() does that next).
        nlp.disable_pipe(CONFIDENCE)
    output.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(output)
