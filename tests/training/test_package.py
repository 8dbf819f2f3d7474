"""training.package: the compact corpus manifest and `python -m training upgrade`."""

import json

import spacy

from training.package import compact_manifest, upgrade

CONFIG = """
[nlp]
lang = "sv"
pipeline = ["person_spans", "org_names"]

[components]

[components.person_spans]
factory = "svpol_person_spans"

[components.org_names]
factory = "svpol_org_names"
rules_key = "svpol_rules"
"""


def test_compact_manifest_keeps_everything_but_the_document_list():
    manifest = {"git_commit": "abc", "documents": {"d1": "train", "d2": "dev"}, "files": {"train.spacy": {}}}
    compact = compact_manifest(manifest)
    assert compact["git_commit"] == "abc" and compact["files"] == {"train.spacy": {}}
    assert compact["documents"]["count"] == 2 and len(compact["documents"]["sha256"]) == 64
    # The digest follows the splits: another split, another digest.
    other = compact_manifest(dict(manifest, documents={"d1": "train", "d2": "train"}))
    assert other["documents"]["sha256"] != compact["documents"]["sha256"]
    assert compact_manifest(None) is None
    # Compacting twice changes nothing (a packaged pipeline's meta is compact already).
    assert compact_manifest(compact) == compact


def test_upgrade_adds_the_configs_untrained_components_and_keeps_the_package_file(tmp_path):
    nlp = spacy.blank("sv")
    nlp.add_pipe("svpol_person_spans", name="person_spans")
    nlp.meta["svpol"] = {"corpus_manifest": {"documents": {"d1": "train"}}}
    model = tmp_path / "model"
    nlp.to_disk(model)
    (model / "__init__.py").write_text("# model package\n", encoding="utf8")
    config = tmp_path / "shipped.cfg"
    config.write_text(CONFIG, encoding="utf8")

    assert upgrade(model, model, config) == ["org_names"]
    upgraded = spacy.load(model)
    assert upgraded.pipe_names == ["person_spans", "org_names"]
    assert [(e.text, e.label_) for e in upgraded("Enligt Human Rights Watch").ents] == [("Human Rights Watch", "ORG")]
    meta = json.loads((model / "meta.json").read_text(encoding="utf8"))["svpol"]
    assert meta["corpus_manifest"]["documents"]["count"] == 1
    assert meta["upgrades"][-1]["added"] == ["org_names"]
    assert (model / "__init__.py").read_text(encoding="utf8") == "# model package\n"
    # Nothing left to add: a second upgrade adds nothing.
    assert upgrade(model, model, config) == []


def test_upgrade_refreshes_name_lists_and_the_knowledge_base_but_keeps_local_persons(tmp_path):
    from svpol.kb import KnowledgeBase, load_kb

    nlp = spacy.blank("sv")
    nlp.add_pipe("svpol_org_names", name="org_names").set_names(["Gammalt bolag"])
    nlp.add_pipe("svpol_authorities", name="authorities").kb = KnowledgeBase()
    politicians = nlp.add_pipe("svpol_politicians", name="politicians")
    local = load_kb(parts=("parties",))
    local.meta["local_persons"] = ["ledamoter.csv"]
    politicians.kb = local
    model = tmp_path / "model"
    nlp.to_disk(model)
    config = tmp_path / "shipped.cfg"
    config.write_text(CONFIG.replace('["person_spans", "org_names"]', '["org_names"]'), encoding="utf8")

    assert upgrade(model, model, config) == []
    upgraded = spacy.load(model)
    assert "Human Rights Watch" in upgraded.get_pipe("org_names").names
    assert "Gammalt bolag" not in upgraded.get_pipe("org_names").names
    assert upgraded.get_pipe("authorities").kb.match_authority("Riksbanken").canonical == "Sveriges riksbank"
    # A KB with a user's local persons is theirs: not replaced.
    assert upgraded.get_pipe("politicians").kb.meta["local_persons"] == ["ledamoter.csv"]
    meta = json.loads((model / "meta.json").read_text(encoding="utf8"))["svpol"]
    assert meta["upgrades"][-1]["refreshed"] == ["org_names", "authorities"]


def test_upgrade_takes_the_configs_after_pipeline_creation_callback(tmp_path):
    nlp = spacy.blank("sv")
    nlp.add_pipe("svpol_person_spans", name="person_spans")
    model = tmp_path / "model"
    nlp.to_disk(model)
    config = tmp_path / "shipped.cfg"
    config.write_text(CONFIG.replace("[components]\n", '[components]\n\n[nlp.after_pipeline_creation]\n'
                                     '@callbacks = "svpol.CacheEmbeddings.v1"\nmax_rows = 1000\n'), encoding="utf8")

    upgrade(model, model, config)
    written = spacy.util.load_config(model / "config.cfg")
    assert written["nlp"]["after_pipeline_creation"] == {"@callbacks": "svpol.CacheEmbeddings.v1", "max_rows": 1000}
    meta = json.loads((model / "meta.json").read_text(encoding="utf8"))["svpol"]
    assert meta["upgrades"][-1]["after_pipeline_creation"] == "svpol.CacheEmbeddings.v1"
    assert spacy.load(model).pipe_names == ["person_spans", "org_names"]
