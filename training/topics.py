"""Weak topic labels: the receiving minister's portfolio plus keyword rules.

An interpellation is addressed to a minister; the portfolio that minister held on that
date (``minister.csv``) says roughly what it is about. Portfolios do not cover every
topic (there is no minister for extremism or, most years, elderly care) and one
interpellation can be about something else, so keyword rules add topics and choose
among a portfolio's several candidates. The labels are noisy; the data card reports
the noise measured on a hand-checked sample.
"""

from __future__ import annotations

import csv
import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, Iterable, List, Mapping, Optional, Sequence, Set, Tuple

from svpol.labels import TOPIC_LABELS
from svpol.topic_keywords import KEYWORDS, keyword_hits  # noqa: F401  (KEYWORDS re-exported)

# Portfolio role (as minister.csv and interpellation titles name it) -> topics, first = primary.
ROLE_TOPICS: Dict[str, Tuple[str, ...]] = {
    "justitieminister": ("safety",),
    "biträdande justitieminister": ("safety",),
    "inrikesminister": ("safety",),
    "migrationsminister": ("integration",),
    "integrationsminister": ("integration",),
    "invandrarminister": ("integration",),
    "finansminister": ("budget",),
    "budgetminister": ("budget",),
    "skatteminister": ("budget",),
    "kommunminister": ("budget", "democracy"),
    "civilminister": ("democracy",),
    "demokratiminister": ("democracy",),
    "jämställdhetsminister": ("democracy",),
    "utbildningsminister": ("education",),
    "biträdande utbildningsminister": ("education",),
    "skolminister": ("education",),
    "högskoleminister": ("education",),
    "minister för högre utbildning och forskning": ("education",),
    "socialminister": ("health", "social_services", "elderly_care"),
    "biträdande socialminister": ("social_services", "health", "elderly_care"),
    "sjukvårdsminister": ("health",),
    "folkhälsominister": ("health",),
    "äldreminister": ("elderly_care",),
    "socialtjänstminister": ("social_services",),
    "barnminister": ("social_services",),
    "arbetsmarknadsminister": ("labour",),
    "biträdande arbetsmarknadsminister": ("labour",),
    "arbetsrättsminister": ("labour",),
    "miljöminister": ("environment",),
    "klimatminister": ("environment",),
    "energiminister": ("environment",),
    "jordbruksminister": ("environment",),
    "landsbygdsminister": ("environment",),
    "infrastrukturminister": ("transport",),
    "kommunikationsminister": ("transport",),
    "bostadsminister": ("housing",),
    "planminister": ("housing",),
    "försvarsminister": ("defence",),
    "minister för civilt försvar": ("defence",),
    "utrikesminister": ("defence",),
}

def role_topics(role: str) -> Tuple[str, ...]:
    """Topics of a portfolio role (``"justitieminister"`` -> ``("safety",)``), empty if none fits."""
    return ROLE_TOPICS.get(role.strip().lower(), ())


def empty_cats() -> Dict[str, float]:
    """All topic labels set to 0.0."""
    return {label: 0.0 for label in TOPIC_LABELS}


def to_cats(labels: Iterable[str]) -> Dict[str, float]:
    """A full ``doc.cats`` dict: 1.0 for ``labels``, 0.0 for every other topic.

    Raises:
        ValueError: on a label that is not in TOPIC_LABELS.
    """
    cats = empty_cats()
    for label in labels:
        if label not in cats:
            raise ValueError(f"unknown topic label {label!r}; expected one of {', '.join(TOPIC_LABELS)}")
        cats[label] = 1.0
    return cats


@dataclass
class MinisterTable:
    """Ministers' portfolio roles with their dates, keyed by person id."""

    roles: Mapping[str, List[Tuple[str, str, str]]]  # person_id -> [(start, end, role)]

    @classmethod
    def from_csv(cls, path: Path) -> "MinisterTable":
        """Load ``minister.csv`` (person_id,start,end,government,role)."""
        roles: Dict[str, List[Tuple[str, str, str]]] = defaultdict(list)
        with Path(path).open(encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                roles[row["person_id"]].append((row["start"] or "", row["end"] or "9999", row["role"] or ""))
        return cls(dict(roles))

    def roles_at(self, person_id: Optional[str], date: Optional[str]) -> List[str]:
        """The roles ``person_id`` held on ``date`` (ISO; partial dates compare by prefix)."""
        if not person_id or person_id not in self.roles:
            return []
        if not date:
            return []
        found = []
        for start, end, role in self.roles[person_id]:
            if start[: len(date)] <= date and date[: len(end)] <= end and role not in found:
                found.append(role)
        return found


# "till justitieminister Beatrice Ask", "till statsrådet Peter Norman", "till statsministern"
_TITLE_ROLE = re.compile(r"\btill\s+((?:biträdande\s+)?[a-zåäöA-ZÅÄÖ-]*minister(?:n)?|statsrådet|"
                         r"minister för [a-zåäö ]+?)(?=\s+[A-ZÅÄÖ]|\s+om\b|$)")


def title_role(title: str) -> Optional[str]:
    """The addressee's role as the title writes it, normalised (``justitieministern`` -> ``justitieminister``)."""
    m = _TITLE_ROLE.search(title)
    if not m:
        return None
    role = m.group(1).lower()
    if role.endswith("ministern"):
        role = role[:-1]
    return role


def portfolio_topics(roles: Sequence[str]) -> List[str]:
    """Candidate topics of a set of roles, primary topics first, without repeats."""
    primary, secondary = [], []
    for role in roles:
        topics = role_topics(role)
        if topics:
            primary.append(topics[0])
            secondary.extend(topics[1:])
    return list(dict.fromkeys(primary + secondary))


def document_topics(title: str, text: str, roles: Sequence[str], min_hits: int = 4,
                    words_per_hit: int = 150) -> List[str]:
    """Weak document topics of an interpellation.

    Portfolio candidates (from ``roles``) are kept when the text has a keyword of theirs;
    if none has, the primary one is kept (the addressee is the best guess). Other topics
    are added when the title's subject has one of their keywords, or the body has
    ``min_hits`` of them and at least one per ``words_per_hit`` words (long texts mention
    many things in passing).

    Args:
        title: the title line (its topic words count strongly).
        text: the body paragraphs joined.
        roles: the receiving minister's roles (title role first, then those from minister.csv).
        min_hits: keyword matches in the body needed for a topic outside the portfolio.
        words_per_hit: the density a topic outside the portfolio needs in long texts.
    """
    if min_hits < 1 or words_per_hit < 1:
        raise ValueError("min_hits and words_per_hit must be at least 1")
    body_hits = keyword_hits(text)
    title_hits = keyword_hits(_title_subject(title))
    needed = max(min_hits, len(text.split()) / words_per_hit)
    candidates = portfolio_topics(roles)
    chosen = [t for t in candidates if body_hits.get(t) or title_hits.get(t)]
    if candidates and not chosen:
        chosen = [candidates[0]]
    for label in TOPIC_LABELS:
        if label not in chosen and (title_hits.get(label) or body_hits.get(label, 0) >= needed):
            chosen.append(label)
    return [t for t in TOPIC_LABELS if t in chosen]


def paragraph_topics(paragraph: str, doc_topics: Sequence[str], min_hits: int = 2,
                     procedural_words: int = 25) -> Optional[List[str]]:
    """Weak topics of one paragraph, or None where the rules cannot tell.

    A paragraph gets the document topics it has a keyword for, plus any topic with
    ``min_hits`` keyword matches of its own. A paragraph that gets no topic this way is
    labelled "no topic" (all labels 0) only when it is short (at most ``procedural_words``
    words: the question lines, "Min fråga till statsrådet är:"); a longer one is left
    unlabelled (None), because a hand check showed most such paragraphs are on a topic the
    keyword lists miss, and a wrong 0 would teach the model that they are not.
    """
    hits = keyword_hits(paragraph)
    topics = [t for t in TOPIC_LABELS if (t in doc_topics and hits.get(t)) or hits.get(t, 0) >= min_hits]
    if not topics and len(paragraph.split()) > procedural_words:
        return None
    return topics


_TITLE_PREFIX = re.compile(r"^(?:Interpellation\s+)?\d{4}/\d{2,4}:\d+\s*")


def _title_subject(title: str) -> str:
    """The subject part of a title, without the number, asker and addressee (they hold no topic words
    but can hold role words such as 'försvarsminister' that would count as keywords)."""
    subject = _TITLE_PREFIX.sub("", title)
    if subject.startswith("av "):  # old form: "av X (m) till statsministern om <subject>"
        about = re.search(r"\)?\s+om\s+(.*)$", subject)
        return about.group(1) if about else ""
    # new form: "<subject> av X (S) till justitieminister Y (M)"
    return re.split(r"\s+av\s+[A-ZÅÄÖ]", subject)[0]
