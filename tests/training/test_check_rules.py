"""training.check_rules: sampling paragraphs from the archive and scoring the rules against gold spans."""

import io
import json
import tarfile

import pytest
from typer.testing import CliRunner

from training.check_rules import app, read_gold, score
from training.interpellations import ARCHIVE_NAME

# An invented interpellation: two body paragraphs.
TEI = """<?xml version='1.0' encoding='utf-8'?>
<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="ipq-202021--0998">
  <text><body>
    <div type="ipqHeader"><div type="ipqTitle"><p>Interpellation 2020/21:998 Provfrågan</p></div></div>
    <div type="ipqBody">
      <div type="ipContext"><p>Regeringen ger Skatteverket 4 miljoner kronor.</p></div>
      <div type="ipQuestion"><p>Nämnden och Moderaterna svarar.</p></div>
    </div>
  </body></text>
</TEI>"""


@pytest.fixture
def data_dir(tmp_path):
    archive = tmp_path / "data" / ARCHIVE_NAME
    archive.parent.mkdir(parents=True)
    with tarfile.open(archive, "w:gz") as tar:
        data = TEI.encode("utf-8")
        info = tarfile.TarInfo("data/202021/ipq-202021--0998.xml")
        info.size = len(data)
        tar.addfile(info, io.BytesIO(data))
    return tmp_path / "data"


def _write_gold(path, items):
    path.write_text("".join(json.dumps(item, ensure_ascii=False) + "\n" for item in items), encoding="utf-8")


def test_sample_and_score(tmp_path, data_dir):
    sample_file = tmp_path / "sample.jsonl"
    result = CliRunner().invoke(app, ["sample", str(sample_file), "--data-dir", str(data_dir), "--n", "1"])
    assert result.exit_code == 0, result.output
    [item] = [json.loads(line) for line in sample_file.read_text(encoding="utf-8").splitlines()]
    assert item["id"] in ("ipq-202021--0998#0", "ipq-202021--0998#1") and item["entities"] == []
    first = "Regeringen ger Skatteverket 4 miljoner kronor."
    second = "Nämnden och Moderaterna svarar."
    gold = tmp_path / "gold.jsonl"
    _write_gold(gold, [
        {"id": "ipq-202021--0998#0", "text": first,
         "entities": [[0, 10, "AUTHORITY"], [15, 27, "AUTHORITY"], [28, 45, "MONEY"]]},
        # a board named earlier in the document: gold AUTHORITY that the rules leave to the model
        {"id": "ipq-202021--0998#1", "text": second, "entities": [[0, 7, "AUTHORITY"], [12, 23, "PARTY"]]},
    ])
    result = CliRunner().invoke(app, ["score", str(gold), "--data-dir", str(data_dir)])
    assert result.exit_code == 0, result.output
    assert "| AUTHORITY | 3 | 2 | 2 | 1.00 | 0.67 | 0.80 |" in result.output
    assert "| PARTY | 1 | 1 | 1 | 1.00 | 1.00 | 1.00 |" in result.output
    assert "missed   AUTHORITY 'Nämnden'" in result.output


def test_score_counts_per_label_and_overall():
    gold = [{"id": "a", "text": "x" * 20, "entities": [(0, 3, "PARTY"), (5, 9, "MONEY")]}]
    table = score(gold, [{(0, 3, "PARTY"), (5, 8, "MONEY")}])
    assert table["PARTY"]["recall"] == 1.0 and table["MONEY"]["precision"] == 0.0
    assert table["ALL"] == {"gold": 2, "predicted": 2, "tp": 1, "precision": 0.5, "recall": 0.5, "f1": 0.5}


def test_gold_is_checked(tmp_path, data_dir):
    gold = tmp_path / "gold.jsonl"
    _write_gold(gold, [{"id": "x#0", "text": "Polisen.", "entities": [[0, 7, "ORG"]]}])
    with pytest.raises(ValueError, match="bad span"):
        read_gold(gold)
    _write_gold(gold, [{"id": "ipq-202021--0998#0", "text": "Another text.", "entities": []}])
    result = CliRunner().invoke(app, ["score", str(gold), "--data-dir", str(data_dir)])
    assert result.exit_code == 2 and "not the archive's paragraph" in result.output
    result = CliRunner().invoke(app, ["score", str(gold), "--data-dir", str(tmp_path / "nowhere")])
    assert result.exit_code == 2 and "not found" in result.output
