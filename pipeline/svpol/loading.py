"""Finding and loading svpol pipelines: :func:`load` (``svpol.load``) and where it looks.

This module sits below :mod:`svpol.api`, :mod:`svpol.engines` and the command line,
which all load pipelines through it. Without a name, :func:`load` takes the first of:

1. ``$SVPOL_MODEL`` (a pipeline folder, an installed package name, or ``rules``);
2. the installed model package ``sv_svpol_cnn``, which every install route of svpol
   installs (editable, ``pip install .``, a wheel; see docs/packaging.md);
3. ``models/sv_svpol_cnn`` of the source checkout svpol is imported from.

When none of them has a trained pipeline it raises :class:`ModelNotFoundError`; the
rule-based pipeline runs only when asked for by name (``load("rules")``).
"""

import importlib.util
import json
import logging
import os
from pathlib import Path
from typing import Any, Mapping, Optional, Union

import spacy
from packaging.requirements import InvalidRequirement, Requirement
from packaging.utils import canonicalize_name
from spacy.language import Language

from . import components  # noqa: F401  (registers the svpol factories the rule pipeline uses)
from .about import __version__
from .tokenizer import blank

logger = logging.getLogger(__name__)

ENV_MODEL = "SVPOL_MODEL"
# The import name of the trained pipeline that the svpol distribution installs (models/sv_svpol_cnn).
MODEL_PACKAGE = "sv_svpol_cnn"
# The name that asks for the rule-based pipeline (a folder called "rules" loads as Path("rules")).
RULES = "rules"
# The trained pipeline in the source checkout (pipeline/svpol/loading.py -> <repo>/models/...);
# it does not exist where svpol is installed from a wheel.
DEFAULT_MODEL = Path(__file__).resolve().parents[2] / "models" / MODEL_PACKAGE
# The rule-based pipeline: entity rules first, then the enrichers that read doc.ents.
RULE_COMPONENTS = (
    "svpol_entity_rules",
    "svpol_politicians",
    "svpol_parties",
    "svpol_authorities",
    "svpol_money",
    "svpol_confidence",
)
INSTALL_HINT = (
    "To get the model: install svpol from a clone that has models/sv_svpol_cnn (pip install . or pip install -e .; "
    "a wheel built there includes it), install a model package built with `python -m spacy package` "
    f"(docs/packaging.md), set {ENV_MODEL}=PATH, or pass a pipeline folder (svpol.load(PATH), svpol annotate -m PATH). "
    f'Without a trained model: svpol.load("{RULES}") or svpol annotate --rules-only.'
)


class ModelError(Exception):
    """The requested pipeline cannot be loaded (missing, invalid, built for another svpol, or no GPU)."""


class ModelNotFoundError(ModelError):
    """No pipeline was named and no trained pipeline is in any of the places :func:`find_model` looks."""


class ModelVersionError(ModelError):
    """The pipeline's meta requires an svpol version other than the one installed."""


def load(name_or_path: Union[str, Path, None] = None, *, gpu_id: int = -1) -> Language:
    """Load an svpol pipeline.

    Resolution order: ``name_or_path`` if given; else ``$SVPOL_MODEL``; else the
    installed model package ``sv_svpol_cnn``; else ``models/sv_svpol_cnn`` of the
    source checkout svpol runs from (see :func:`find_model`). A name is a pipeline
    folder, an installed pipeline package, or ``"rules"``: the rule-based pipeline
    without a trained model (:func:`rule_pipeline`), which is never a silent fallback.

    Args:
        name_or_path: a pipeline folder, an installed package name, or ``"rules"``.
        gpu_id: GPU to run on; -1 for CPU.

    Raises:
        ModelNotFoundError: nothing named and no trained pipeline found.
        ModelVersionError: the pipeline was built for another svpol version.
        ModelError: the pipeline cannot be loaded or the GPU is unavailable.
    """
    if gpu_id >= 0:
        try:
            spacy.require_gpu(gpu_id)
        except Exception as e:  # spaCy/thinc raise ValueError or ImportError-derived errors here
            raise ModelError(f"GPU {gpu_id} is not available: {e}") from e
    if name_or_path is None:
        name_or_path = find_model()
    if isinstance(name_or_path, str) and name_or_path == RULES:
        return rule_pipeline()
    nlp = _load_pipeline(name_or_path)
    logger.info("loaded pipeline %s (%s)", nlp.path or name_or_path, ", ".join(nlp.pipe_names) or "no components")
    return nlp


def find_model() -> Union[str, Path]:
    """What :func:`load` loads when given no name: ``$SVPOL_MODEL``, the model package, or the checkout's model.

    Returns:
        The value of ``$SVPOL_MODEL``, else :data:`MODEL_PACKAGE` if it is installed,
        else :data:`DEFAULT_MODEL` if it holds a pipeline.

    Raises:
        ModelNotFoundError: none of them; the message names each place and how to install the model.
    """
    env = os.environ.get(ENV_MODEL)
    if env:
        return env
    if _package_dir(MODEL_PACKAGE) is not None:
        return MODEL_PACKAGE
    if (DEFAULT_MODEL / "config.cfg").is_file():
        return DEFAULT_MODEL
    in_checkout = (DEFAULT_MODEL.parents[1] / "pyproject.toml").is_file()
    checkout = (
        f"{DEFAULT_MODEL}: no pipeline there"
        if in_checkout
        else f"none (svpol at {Path(__file__).parent} is installed, not run from a source checkout)"
    )
    raise ModelNotFoundError(
        "no trained svpol pipeline found. Looked in:\n"
        f"  1. ${ENV_MODEL}: not set\n"
        f"  2. the installed model package {MODEL_PACKAGE}: not installed\n"
        f"  3. the source checkout's models/{DEFAULT_MODEL.name}: {checkout}\n" + INSTALL_HINT
    )


def rule_pipeline() -> Language:
    """The pipeline without a trained model: svpol tokenizer, entity rules and the enrichers.

    It finds PARTY, AUTHORITY and MONEY entities (knowledge base and patterns),
    no PERSON, ORG or LOC, and no topics. ``load("rules")`` and
    ``svpol annotate --rules-only`` run it.
    """
    nlp = blank()
    for factory in RULE_COMPONENTS:
        nlp.add_pipe(factory)
    logger.info("using the rule-based pipeline (%s): no trained model", ", ".join(nlp.pipe_names))
    return nlp


def check_version(meta: Mapping[str, Any], where: str) -> None:
    """Check the svpol requirement of a pipeline's meta (``meta["requirements"]``) against this svpol.

    A meta without an svpol requirement (a pipeline not built by svpol's training) passes.

    Args:
        meta: the pipeline's meta.
        where: names the pipeline in the message.

    Raises:
        ModelVersionError: this svpol does not satisfy the requirement.
        ModelError: a requirement is not a valid requirement string.
    """
    for text in meta.get("requirements") or ():
        try:
            requirement = Requirement(text)
        except InvalidRequirement as e:
            raise ModelError(f"{where}: invalid requirement {text!r} in meta.json: {e}") from e
        if canonicalize_name(requirement.name) == "svpol" and not requirement.specifier.contains(
            __version__, prereleases=True
        ):
            raise ModelVersionError(
                f"{where}: the pipeline needs {text} but svpol {__version__} is installed; "
                f"install a matching svpol (pip install '{text}') or a pipeline built for svpol {__version__}"
            )


def _package_dir(name: str) -> Optional[Path]:
    """The folder of the importable regular package ``name``, or None (not installed, or not a package name)."""
    try:
        spec = importlib.util.find_spec(name)
    except (ImportError, ValueError):  # a dotted name whose parent is missing, or an empty name
        return None
    if spec is None or not spec.origin or not spec.origin.endswith("__init__.py"):
        return None
    return Path(spec.origin).parent


def _load_pipeline(name_or_path: Union[str, Path]) -> Language:
    """Load a pipeline folder or package after checking its svpol requirement (see :func:`check_version`)."""
    path = Path(name_or_path)
    package = None
    if isinstance(name_or_path, Path) or path.exists() or os.sep in str(name_or_path):
        if not path.exists():
            raise ModelError(f"{path}: no such model folder")
        if not (path / "config.cfg").exists():
            raise ModelError(f"{path}: not a spaCy pipeline folder (no config.cfg)")
        meta_dir: Optional[Path] = path
    else:
        package = meta_dir = _package_dir(str(name_or_path))
    if meta_dir is not None and (meta_dir / "meta.json").is_file():
        try:
            meta = json.loads((meta_dir / "meta.json").read_text(encoding="utf8"))
        except (OSError, ValueError) as e:
            raise ModelError(f"{name_or_path}: cannot read {meta_dir / 'meta.json'}: {e}") from e
        check_version(meta, str(name_or_path))
    try:
        if package is not None:
            # spaCy's package convention: the package's load(); spacy.load(name) would also want a
            # distribution of that name, and sv_svpol_cnn comes with the svpol distribution.
            return spacy.util.load_model_from_package(str(name_or_path))
        # A folder, or a name spaCy resolves itself (e.g. "blank:sv").
        return spacy.load(name_or_path)
    except (OSError, ValueError, KeyError, ImportError) as e:
        # spaCy reports unknown packages as OSError and bad configs or unknown
        # factories as ValueError/ConfigValidationError (a ValueError).
        raise ModelError(f"{name_or_path}: cannot load pipeline: {e}") from e
