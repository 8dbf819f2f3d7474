"""svpol's spaCy entry points: every one resolves, registers its name, and matches pyproject.toml.

spaCy finds the svpol factories and tokenizers through the installed distribution's entry
points, which is what lets ``spacy.load("models/sv_svpol_cnn")`` work without importing svpol.
A typo in pyproject.toml, a renamed function or an install made before a factory was added
breaks exactly that, and only in a fresh process.
"""

import subprocess
import sys
import tomllib
from importlib.metadata import distribution
from pathlib import Path

import pytest
from spacy.language import Language
from spacy.util import registry

import svpol

REPO = Path(__file__).resolve().parents[2]
GROUPS = ("spacy_callbacks", "spacy_factories", "spacy_tokenizers")


def entry_points(group):
    return sorted(distribution("svpol").entry_points.select(group=group), key=lambda ep: ep.name)


@pytest.mark.parametrize("group", GROUPS)
def test_installed_entry_points_are_those_of_pyproject(group):
    if Path(svpol.__file__).resolve().parents[2] != REPO:
        pytest.skip("svpol is not installed from this checkout")
    declared = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]["entry-points"][group]
    installed = {ep.name: ep.value for ep in entry_points(group)}
    assert installed == declared, "installed metadata differs from pyproject.toml: run pip install -e ."


def test_every_factory_entry_point_resolves_and_is_registered():
    eps = entry_points("spacy_factories")
    assert len(eps) >= 11
    for ep in eps:
        factory = ep.load()
        assert callable(factory), ep
        assert ep.name.startswith("svpol_"), "spaCy forbids dots in factory names: svpol_<name>"
        assert Language.has_factory(ep.name), ep
        assert registry.factories.get(ep.name) is factory, f"{ep.name} is registered by another function than {ep.value}"


@pytest.mark.parametrize(("group", "registry_name", "first"), [
    ("spacy_tokenizers", "tokenizers", "svpol.Tokenizer.v1"),
    ("spacy_callbacks", "callbacks", "svpol.CacheEmbeddings.v1"),
])
def test_every_registered_function_entry_point_resolves_and_is_registered(group, registry_name, first):
    eps = entry_points(group)
    assert first in {ep.name for ep in eps}
    for ep in eps:
        function = ep.load()
        assert callable(function), ep
        assert getattr(registry, registry_name).get(ep.name) is function, ep


def test_every_svpol_factory_has_an_entry_point():
    import svpol.components  # noqa: F401  (registers every factory)

    declared = {ep.name for ep in entry_points("spacy_factories")}
    defined = {name for name in registry.factories.get_all() if name.startswith("svpol_")}
    assert defined <= declared, f"factories without an entry point: {sorted(defined - declared)}"


def test_a_fresh_process_builds_every_factory_without_importing_svpol_first():
    names = [ep.name for ep in entry_points("spacy_factories")]
    script = (
        "import sys, spacy\n"
        "nlp = spacy.blank('sv', config={'nlp': {'tokenizer': {'@tokenizers': 'svpol.Tokenizer.v1'}}})\n"
        f"for name in {names!r}:\n"
        "    nlp.add_pipe(name, name=name)\n"
        "print(','.join(nlp.pipe_names))\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=REPO.parent)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().split(",") == names
