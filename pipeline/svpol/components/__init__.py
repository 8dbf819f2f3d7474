"""svpol's spaCy components, one module per factory; importing this package registers them."""

from . import paragraph_topics, soft_textcat, topic_evidence  # noqa: F401
from . import authorities, confidence, entity_rules, money, not_entities, parties, person_spans, politicians  # noqa: F401
from . import org_names, place_names, procedural_topics, structure, topic_embedding  # noqa: F401
