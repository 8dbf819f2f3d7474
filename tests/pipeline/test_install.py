"""svpol installed from its wheel (not editable) has the trained pipeline and annotates with it.

The wheel is built offline from a copy of the files the build reads, installed with
``--no-deps`` into a fresh virtual environment that sees this environment's packages
(spaCy, typer, ...), and run from a folder outside the checkout. This environment's own
svpol (usually an editable install of the checkout) must not be what runs.
"""

import importlib.util
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import setuptools
from packaging.version import Version

REPO = Path(__file__).resolve().parents[2]
# What `pip wheel` reads: the project file, the readme it names, the two package roots.
BUILD_INPUTS = ("pyproject.toml", "README.md", "pipeline", "models")
LABELS = {"PERSON", "PARTY", "AUTHORITY", "ORG", "LOC", "MONEY"}
# The example protocol has no ORG; this text has organisations the shipped model finds.
ORG_TEXT = "Företaget Volvo Cars och Svenska kyrkan samarbetar med Röda korset i Göteborg.\n"

pytestmark = pytest.mark.skipif(
    importlib.util.find_spec("wheel") is None and Version(setuptools.__version__) < Version("70.1"),
    reason="building a wheel without build isolation needs the wheel package (pip install 'svpol[test]')",
)


def _run(args, cwd: Path) -> subprocess.CompletedProcess:
    """Run a command offline, without $PYTHONPATH or $SVPOL_MODEL pointing at the checkout."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "SVPOL_MODEL")}
    env["PIP_NO_INDEX"] = "1"
    result = subprocess.run([str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True)
    assert result.returncode == 0, f"{args}: exit {result.returncode}\n{result.stdout}\n{result.stderr}"
    return result


@pytest.fixture(scope="module")
def venv(tmp_path_factory) -> Path:
    """A virtual environment with svpol installed from a freshly built wheel; its folder."""
    root = tmp_path_factory.mktemp("install")
    source = root / "source"
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", "*.egg-info")
    for name in BUILD_INPUTS:
        if (REPO / name).is_dir():
            shutil.copytree(REPO / name, source / name, ignore=ignore)
        else:
            source.mkdir(exist_ok=True)
            shutil.copy2(REPO / name, source / name)
    _run([sys.executable, "-m", "pip", "wheel", source, "--no-deps", "--no-build-isolation", "-w", root / "dist"], root)
    [wheel] = (root / "dist").glob("svpol-*.whl")
    # No pip of its own (faster): this environment's pip, run by the venv's python, installs into the venv;
    # --ignore-installed, or pip would take this environment's svpol for the same version.
    _run([sys.executable, "-m", "venv", "--system-site-packages", "--without-pip", root / "venv"], root)
    _run([root / "venv" / "bin" / "python", "-m", "pip", "install", "--no-deps", "--ignore-installed", wheel], root)
    return root / "venv"


def test_wheel_install_annotates_with_the_trained_pipeline(venv, tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "org.txt").write_text(ORG_TEXT, encoding="utf-8")
    where = _run(
        [
            venv / "bin" / "python",
            "-c",
            "import json, svpol; nlp = svpol.load(); print(json.dumps([svpol.__file__, str(nlp.path)]))",
        ],
        elsewhere,
    )
    svpol_file, model_path = json.loads(where.stdout.splitlines()[-1])
    assert Path(svpol_file).is_relative_to(venv), f"svpol imported from {svpol_file}, not from the venv's wheel"
    assert Path(model_path).is_relative_to(venv) and Path(model_path).name == "sv_svpol_cnn", model_path
    _run([venv / "bin" / "svpol", "annotate", REPO / "examples" / "protokoll.txt", "org.txt", "-o", "out.jsonl"], elsewhere)
    protocol, org = [json.loads(line) for line in (elsewhere / "out.jsonl").read_text(encoding="utf-8").splitlines()]
    assert {e["label"] for e in protocol["entities"] + org["entities"]} == LABELS
    assert {"Karin Lindqvist", "Johan Berglund"} <= {e["text"] for e in protocol["entities"] if e["label"] == "PERSON"}
    assert protocol["topics"]["extremism"] > 0.5 and len(protocol["topics"]) == 14
    assert protocol["paragraphs"] and all(p["topics"] for p in protocol["paragraphs"])
