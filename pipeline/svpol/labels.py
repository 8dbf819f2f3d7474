"""The label sets of svpol, taken from the annotation guidelines (ANNOTATION.md).

Every other module imports labels from here so that the scheme lives in one place.
"""

from typing import Dict, Tuple

ENTITY_DESCRIPTIONS: Dict[str, str] = {
    "PERSON": "a named person: politician, official, anyone",
    "PARTY": "a political party or a named alliance of parties, also abbreviated (the S in '(S)')",
    "AUTHORITY": "a specific public body: agency, government, parliament, ministry, court, region, "
    "municipality acting as an organisation, its named boards and administrations, the police",
    "ORG": "any other organisation: companies, media, associations, unions, churches, "
    "international organisations, named facilities",
    "LOC": "a place: country, region, city, district, street address",
    "MONEY": "an amount of money with its number and currency or unit",
}

TOPIC_DESCRIPTIONS: Dict[str, str] = {
    "extremism": "violent extremism, radicalisation, terrorism, defectors' programmes",
    "safety": "crime, policing, public order, feeling of safety, violence, gangs",
    "budget": "public finances: budgets, deficits, costs, funding, taxes, financial reports",
    "education": "preschool, school, teachers, adult and higher education",
    "social_services": "social services, child welfare, placements, economic assistance, LSS, addiction care",
    "elderly_care": "elderly care, home help, nursing homes",
    "health": "health care, hospitals, psychiatry, public health, medicines",
    "integration": "migration, asylum, newly arrived, unaccompanied minors, integration, exclusion",
    "housing": "housing, housing companies, rents, urban planning, construction",
    "labour": "employment, unemployment, labour market, wages, working conditions, staffing",
    "environment": "climate, environment, energy, nature, agriculture",
    "transport": "roads, railways, public transport, infrastructure",
    "defence": "military and civil defence, total defence, foreign and security policy",
    "democracy": "democracy, elections, civil rights, equality, civil society, transparency, governance",
}

ENTITY_LABELS: Tuple[str, ...] = tuple(ENTITY_DESCRIPTIONS)
TOPIC_LABELS: Tuple[str, ...] = tuple(TOPIC_DESCRIPTIONS)

# Attributes an entity of each label carries in the output record (see docs/DESIGN.md).
# Components set them as Span extensions of the same name; export reads them from here.
# PARTY's ``members`` is a list (an alliance's member party ids), None for a single party.
ENTITY_ATTRIBUTES: Dict[str, Tuple[str, ...]] = {
    "PERSON": ("party", "role", "kb_id"),
    "PARTY": ("party_id", "party_name", "members"),
    "AUTHORITY": ("canonical", "kind", "authority_id"),
    "ORG": (),
    "LOC": (),
    "MONEY": ("amount_sek", "currency", "unit"),
}
