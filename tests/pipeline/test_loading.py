"""svpol.load: the resolution order, the no-model error, the version check and the rule pipeline.

Every pipeline here is a tiny ``spacy.blank("sv")`` saved to a temporary folder; the
installed model package is imitated by a package in a temporary folder on ``sys.path``
that uses the shipped ``models/sv_svpol_cnn/__init__.py``.
"""

import json
import shutil
import sys
from pathlib import Path

import pytest
import spacy
from typer.testing import CliRunner

import svpol
from svpol import loading
from svpol.about import __version__, model_requirement
from svpol.cli import app

REPO = Path(__file__).resolve().parents[2]
SHIPPED = REPO / "models" / "sv_svpol_cnn"
PROTOCOL = "Karin Lindqvist (S) föreslår att 0,6 mnkr går till SÄPO."


def save_pipeline(path: Path, name: str, requirements=None) -> Path:
    """A blank Swedish pipeline named ``name`` (meta), saved to ``path``."""
    nlp = spacy.blank("sv")
    nlp.meta["name"] = name
    if requirements is not None:
        nlp.meta["requirements"] = requirements
    path.parent.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(path)
    return path


@pytest.fixture
def places(tmp_path, monkeypatch):
    """Empty places to look: no $SVPOL_MODEL, a model package name nothing provides, no checkout model.

    Returns ``make_package(name)``, which installs a pipeline as the model package, and the checkout path.
    """
    monkeypatch.delenv(loading.ENV_MODEL, raising=False)
    package = f"svpol_test_model_{tmp_path.name}"
    monkeypatch.setattr(loading, "MODEL_PACKAGE", package)
    checkout = tmp_path / "checkout" / "models" / "sv_svpol_cnn"
    monkeypatch.setattr(loading, "DEFAULT_MODEL", checkout)
    site = tmp_path / "site"

    def make_package(meta_name: str, requirements=None) -> Path:
        folder = save_pipeline(site / package, meta_name, requirements)
        shutil.copy(SHIPPED / "__init__.py", folder / "__init__.py")
        monkeypatch.syspath_prepend(str(site))
        return folder

    yield make_package, checkout
    sys.modules.pop(package, None)


def test_resolution_order(tmp_path, monkeypatch, places):
    make_package, checkout = places
    save_pipeline(checkout, "checkout")
    assert loading.find_model() == checkout
    assert svpol.load().meta["name"] == "checkout"
    make_package("package")
    assert loading.find_model() == loading.MODEL_PACKAGE
    nlp = svpol.load()
    assert nlp.meta["name"] == "package" and nlp.path == tmp_path / "site" / loading.MODEL_PACKAGE
    monkeypatch.setenv(loading.ENV_MODEL, str(save_pipeline(tmp_path / "env", "env")))
    assert svpol.load().meta["name"] == "env"
    assert svpol.load(save_pipeline(tmp_path / "explicit", "explicit")).meta["name"] == "explicit"
    # an explicit package name; the package's load() takes spaCy's overrides
    assert svpol.load(loading.MODEL_PACKAGE).meta["name"] == "package"
    assert sys.modules[loading.MODEL_PACKAGE].load(exclude=["tokenizer"]).meta["name"] == "package"


def test_no_model_is_an_error_naming_every_place(places):
    _, checkout = places
    with pytest.raises(loading.ModelNotFoundError) as info:
        svpol.load()
    message = str(info.value)
    assert isinstance(info.value, svpol.ModelError)
    for expected in ("$SVPOL_MODEL: not set", loading.MODEL_PACKAGE, "source checkout", "docs/packaging.md", "--rules-only"):
        assert expected in message


def test_no_model_outside_a_checkout_says_so(places, tmp_path, monkeypatch):
    # DEFAULT_MODEL's grandparent has no pyproject.toml: svpol is installed, not run from a checkout
    with pytest.raises(loading.ModelNotFoundError, match="not run from a source checkout"):
        svpol.load()
    (tmp_path / "checkout" / "pyproject.toml").parent.mkdir(parents=True)
    (tmp_path / "checkout" / "pyproject.toml").write_text("")
    with pytest.raises(loading.ModelNotFoundError, match="models/sv_svpol_cnn: no pipeline there"):
        svpol.load()


def test_cli_without_a_model_exits_2_with_the_message(places, tmp_path):
    (tmp_path / "a.txt").write_text(PROTOCOL, encoding="utf-8")
    result = CliRunner().invoke(app, ["annotate", str(tmp_path / "a.txt"), "-o", str(tmp_path / "o.jsonl")])
    assert result.exit_code == 2, result.output
    assert "error: no trained svpol pipeline found" in result.output and "--rules-only" in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert not (tmp_path / "o.jsonl").exists()


def test_cli_rules_only(places, tmp_path):
    (tmp_path / "a.txt").write_text(PROTOCOL, encoding="utf-8")
    out = tmp_path / "o.jsonl"
    result = CliRunner().invoke(app, ["annotate", str(tmp_path / "a.txt"), "-o", str(out), "--rules-only"])
    assert result.exit_code == 0, result.output
    [record] = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert ("MONEY", "0,6 mnkr") in {(e["label"], e["text"]) for e in record["entities"]}
    assert record["topics"] == {}
    result = CliRunner().invoke(app, ["annotate", str(tmp_path / "a.txt"), "-o", str(out), "--rules-only", "-m", "x"])
    assert result.exit_code == 2 and "--rules-only and --model exclude each other" in result.output


def test_rules_only_when_asked(places, tmp_path, monkeypatch):
    nlp = svpol.load("rules")
    assert nlp.pipe_names == list(loading.RULE_COMPONENTS)
    [out] = svpol.annotate([PROTOCOL], nlp=nlp)
    assert [(e["label"], e["text"]) for e in out["entities"]][-2:] == [("MONEY", "0,6 mnkr"), ("AUTHORITY", "SÄPO")]
    monkeypatch.setenv(loading.ENV_MODEL, "rules")
    assert svpol.load().pipe_names == nlp.pipe_names
    # a folder called rules is loaded as a folder when given as a Path
    monkeypatch.chdir(tmp_path)
    save_pipeline(tmp_path / "rules", "folder")
    assert svpol.load(Path("rules")).meta["name"] == "folder"


def test_load_path_errors(tmp_path):
    with pytest.raises(loading.ModelError, match="no such model folder"):
        svpol.load(tmp_path / "missing")
    (tmp_path / "empty").mkdir()
    with pytest.raises(loading.ModelError, match="no config.cfg"):
        svpol.load(tmp_path / "empty")
    with pytest.raises(loading.ModelError, match="cannot load pipeline"):
        svpol.load("sv_no_such_package_xyz")


def test_load_from_path_and_env(tmp_path, monkeypatch, blank_nlp):
    blank_nlp.to_disk(tmp_path / "p")
    assert [t.text for t in svpol.load(tmp_path / "p")("1 200 kr")] == ["1 200", "kr"]
    monkeypatch.setenv(loading.ENV_MODEL, str(tmp_path / "p"))
    from_env = svpol.load()
    assert from_env.path == tmp_path / "p"
    assert from_env.config["nlp"]["tokenizer"] == blank_nlp.config["nlp"]["tokenizer"]


def test_gpu_request_without_gpu_is_a_model_error():
    try:
        import cupy  # noqa: F401

        pytest.skip("a GPU library is installed")
    except ImportError:
        pass
    with pytest.raises(loading.ModelError, match="GPU 0 is not available"):
        svpol.load(gpu_id=0)


def test_model_requirement():
    assert model_requirement("0.1.0") == "svpol>=0.1,<0.2"
    assert model_requirement("0.12.3") == "svpol>=0.12,<0.13"
    assert model_requirement("1.4.2") == "svpol>=1.4,<2"
    with pytest.raises(ValueError, match="MAJOR.MINOR"):
        model_requirement("dev")


def test_version_check(tmp_path, places):
    make_package, _ = places
    loading.check_version({"requirements": [model_requirement(), "spacy>=3.8"]}, "m")
    loading.check_version({}, "m")
    wrong = ["svpol>=99.0,<100"]
    old = save_pipeline(tmp_path / "old", "old", wrong)
    with pytest.raises(loading.ModelVersionError) as info:
        svpol.load(old)
    assert f"{old}: the pipeline needs svpol>=99.0,<100 but svpol {__version__} is installed" in str(info.value)
    assert "pip install 'svpol>=99.0,<100'" in str(info.value)
    make_package("package", wrong)
    with pytest.raises(loading.ModelVersionError):
        svpol.load()
    with pytest.raises(loading.ModelError, match="invalid requirement"):
        svpol.load(save_pipeline(tmp_path / "bad", "bad", ["svpol >>> 1"]))


def test_shipped_model_meta_requires_this_svpol():
    meta = json.loads((SHIPPED / "meta.json").read_text(encoding="utf8"))
    assert model_requirement() in meta["requirements"]
    loading.check_version(meta, str(SHIPPED))


def test_training_rewrites_keep_the_package_init(tmp_path):
    from training.fit_confidence import write_pipeline

    folder = save_pipeline(tmp_path / "sv_svpol_cnn", "first")
    shutil.copy(SHIPPED / "__init__.py", folder / "__init__.py")
    nlp = spacy.blank("sv")
    nlp.meta["name"] = "second"
    write_pipeline(nlp, folder)
    assert (folder / "__init__.py").read_bytes() == (SHIPPED / "__init__.py").read_bytes()
    assert spacy.load(folder).meta["name"] == "second"


def test_training_rewrites_make_a_new_output_folder(tmp_path):
    from training.fit_confidence import write_pipeline

    nlp = spacy.blank("sv")
    nlp.meta["name"] = "fresh"
    write_pipeline(nlp, tmp_path / "not" / "yet" / "model")
    assert spacy.load(tmp_path / "not" / "yet" / "model").meta["name"] == "fresh"
