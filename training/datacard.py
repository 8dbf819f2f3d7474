"""Write ``DATACARD.md`` for a built corpus: sources, licences, counts, mapping, measured quality.

The measured figures (silver precision, topic noise, ORG mapping check) come from hand
checks recorded in :data:`HAND_CHECKS`; the card says which sample and command they refer to.
Everything else is computed from the build.
"""

from __future__ import annotations

from pathlib import Path
from typing import Dict, List, Mapping

from svpol.labels import ENTITY_LABELS, TOPIC_LABELS

SOURCES = (
    ("uner", "Universal NER, Swedish Talbanken (gold)", "CC BY-SA 4.0",
     "official train -> train, official dev -> dev; IOB2"),
    ("klintan", "swedish-ner-corpus (Webbnyheter 2012, semi-manual)", "CC BY 4.0",
     "no document ids: blocks of 20 consecutive sentences, 10% of blocks to dev by seeded hash; IO"),
    ("suc", "SUC 3.0 (SUCX dev part, automatic NE layer: silver)", "CC BY 4.0",
     "no document ids: blocks of 20 consecutive sentences, 20% of blocks to dev by seeded hash; IO"),
    ("interpellations", "swerik-project riksdagen-interpellations 1994/95-2022/23 (silver, ours)",
     "as the swerik-project repository (CC BY 4.0 per project; check before redistribution)",
     "seeded sample of --max-interpellations documents; 10% of documents to dev by seeded hash; "
     "one Doc per title and per paragraph"),
    ("interpellation_docs", "the same interpellations as whole documents (topic examples, NER missing)",
     "as above", "same split as their paragraphs"),
    ("templates", "synthetic municipal-style paragraphs (ours, generated from frames)", "MIT (project)",
     "train frames -> train, held-out dev frames -> dev"),
)

# Hand checks: filled in from reading the samples that `python -m training.datacard_samples`
# style printing produced; see docs/data.md for the procedure. None = not measured yet.
HAND_CHECKS: Dict[str, object] = {}


def _table(rows: List[List[str]]) -> str:
    head, *body = rows
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    lines += ["| " + " | ".join(r) + " |" for r in body]
    return "\n".join(lines)


def write_datacard(path: Path, manifest: Mapping, mapping: Mapping, samples: Mapping, opts) -> None:
    """Write the data card for a build (see module docstring)."""
    out: List[str] = ["# svpol training corpus: data card", ""]
    out.append(f"Built {manifest['created']} by `{manifest['command']}` at commit "
               f"`{manifest['git_commit']}` in {manifest['seconds']} s. Options: `{manifest['options']}`.")
    out += ["", "## Sources and licences", ""]
    out.append(_table([["source", "what", "licence", "split"]] + [list(r) for r in SOURCES]))
    out += ["", "A model trained on this corpus includes CC BY-SA 4.0 data (UNER) and must say so in its meta.", ""]

    out += ["## Files", ""]
    rows = [["file", "docs", "tokens", *ENTITY_LABELS, "topic docs"]]
    for name, info in manifest["files"].items():
        c = info["counts"]
        rows.append([name, str(info["docs"]), str(c.get("tokens", 0)), *[str(c.get(l, 0)) for l in ENTITY_LABELS],
                     str(c.get("topic_docs", 0))])
    out.append(_table(rows))

    out += ["", "## Entities per label, split and source", ""]
    rows = [["split", "source", "docs", "tokens", *ENTITY_LABELS]]
    for split, by_source in sorted(manifest["per_source"].items()):
        for source, c in sorted(by_source.items()):
            rows.append([split, source, str(c.get("docs", 0)), str(c.get("tokens", 0)),
                         *[str(c.get(l, 0)) for l in ENTITY_LABELS]])
    out.append(_table(rows))

    out += ["", "## Topics per split and source (documents with the label)", ""]
    rows = [["split", "source", "topic docs", *TOPIC_LABELS]]
    for split, by_source in sorted(manifest["per_source"].items()):
        for source, c in sorted(by_source.items()):
            if c.get("topic_docs"):
                rows.append([split, source, str(c["topic_docs"]), *[str(c.get(f"topic:{t}", 0)) for t in TOPIC_LABELS]])
    out.append(_table(rows))

    out += ["", "## Label mapping: counts before and after", ""]
    for name, st in manifest["mapping"].items():
        out.append(f"- **{name}**: source spans {dict(sorted(st['before'].items()))} -> svpol entities "
                   f"{dict(sorted(st['after'].items()))}; of these added by the rules where the source had O: "
                   f"{dict(sorted(st['added_by_rules'].items()))}")
    out += ["", "ORG spans as mapped (first 30 distinct per class and source):", ""]
    for name, st in mapping.items():
        for label, texts in sorted(st.org_examples.items()):
            out.append(f"- {name} ORG -> {label}: " + ", ".join(f"`{t}`" for t in texts[:30]))
    if manifest.get("notes"):
        out += ["", "Reader notes:", ""] + [f"- {n}" for n in manifest["notes"]]

    out += ["", "## Measured quality (hand-checked samples)", ""]
    if HAND_CHECKS:
        for key, value in HAND_CHECKS.items():
            out.append(f"- **{key}**: {value}")
    else:
        out.append("Not measured for this build yet.")
    out.append("")
    path.write_text("\n".join(out), "utf-8")
