"""Topic keyword stems and their counter, shared by the weak labels and the pipeline.

``training.topics`` uses the counts to make weak topic labels; the
``svpol_topic_evidence`` component uses them at run time as evidence next to the
text classifier's scores (see docs/model.md).
"""

import re
from functools import lru_cache
from typing import Dict, Optional, Sequence, Tuple

from .labels import TOPIC_LABELS

# "miljö" but not "Miljöpartiet", nor the name of a board or office of the environment and another field
# ("Miljö- och byggnadsnämnden", "miljö- och samhällsnämndens"): a municipality's building and permit board,
# named in every protocol of it whatever the matter.
_ENVIRONMENT = r"re:(?<![a-zåäö])miljö(?!parti|-[ \t]*och[ \t]+[a-zåäö]+(?:nämnd|förvaltning|kontor|utskott))"
# Keyword stems per topic. A stem matches at the start of a word; a stem starting with
# "~" matches anywhere inside a word (Swedish compounds: "våldsbejakande", "äldreomsorgen");
# "re:" starts a regular expression ("miljö" but not "Miljöpartiet").
KEYWORDS: Dict[str, Tuple[str, ...]] = {
    "extremism": ("~extremis", "~högerextrem", "~vänsterextrem", "~terror", "~radikalis", "~jihadis",
                  "~våldsbejakande", "avhoppar", "återvändare", "~nazis", "islamiska staten", "jihad", "~attentat", "~islamis",
                  "daesh",
                  # as Riksdag questions write them: named groups, political Islam, security threats
                  "hamas", "al-qaida", "al-shabaab", "salafis", "~salafis", "politisk islam", "säkerhetshot"),
    "safety": ("brott", "~brottslig", "polis", "~polisen", "kriminal", "gäng", "~våld", "trygghet",
               "otrygg", "rån", "narkotika", "skjutning", "ordningsvakt", "väktare", "heders",
               "fängelse", "~kriminalvård", "straff", "åklagar", "inbrott", "stöld", "ordningsstörning",
               "kamerabevakning", "knark", "räddningstjänst", "~räddningstjänst", "bränder", "brandsäkerhet",
               "brandskydd", "~brandskydd", "re:(?<![a-zåäö])brand(?:en|er|erna)?(?![a-zåäö])",
               # the rescue service's firefighters, stations and inspections (convention 18), the local police
               # and its promises to the citizens, crisis preparedness, vandalism, surveillance and victims of crime
               "brandman", "brandmän", "~brandmän", "deltidskår", "räddningsstation", "~räddningsstation",
               "räddningsvärn", "brandkår", "~brandkår", "brandtillsyn", "skydd mot olyckor", "~polis",
               "medborgarlöfte", "~medborgarlöfte", "krisberedskap", "~krisberedskap", "krishantering",
               "~krishantering", "krisledning", "skadegörelse", "övervakningskamer", "kameraövervakning",
               "brottsoffer", "~brottsoffer", "könsstympning", "mord", "knivmord", "trygghetsberedning",
               # as Riksdag questions write them: crimes named by their kind, trafficking and prostitution, women's
               # shelters, the coast guard, customs, sea rescue, drugs, prisons and restraining orders
               "krigsbrott", "jaktbrott", "hatbrott", "vapenbrott", "miljöbrott", "narkotikabrott", "sexualbrott",
               "~sexualbrott", "våldsbrott", "ekobrott", "~ekobrott", "människohandel", "~människohandel",
               "prostitution", "~prostitution", "kvinnojour", "~kvinnojour", "kustbevakning", "~kustbevakning",
               "tullen", "tullverket", "sjöräddning", "~sjöräddning", "räddningsväsende", "säpo", "droger", "~droger",
               "droganvänd", "~anstalten", "kriminalvårdsanstalt", "besöksförbud", "kontaktförbud", "rattfull",
               "rattfylleri"),
    "budget": ("budget", "~budget", "skatt", "~skatte", "kostnad", "~kostnad", "finansier", "anslag",
               "statsbidrag", "underskott", "överskott", "miljoner kronor", "miljarder kronor", "mnkr",
               "mdkr", "tkr", "besparing", "nedskärning", "resurstilldelning", "tertialrapport",
               "~bokslut", "utjämningssystem", "~avgift", "delårsrapport", "~delårsrapport", "eget kapital",
               "avsättning", "årsredovisning", "resultaträkning", "balansräkning", "utgiftsområde",
               "statsbudget", "intäkter", "skattemedel",
               # a municipality's guarantees and loans, its budget frames, grants and results, and co-financing
               "borgen", "~borgen", "låneram", "~låneram", "upplåning", "~upplåning", "driftram", "~driftram",
               "budgetram", "kommunbidrag", "tilläggsanslag", "~tilläggsanslag", "medfinansier", "~medfinansier",
               "bekosta", "ekonomisk prognos", "ekonomiska prognos", "minusresultat", "plusresultat",
               "finansiella mål", "ekonomisk hushållning",
               # as Riksdag questions speak of public money: taxation, VAT, deductions, subsidies, state aid and
               # running grants, compensation, money, the financial crisis and distribution policy
               "beskattning", "~beskattning", "moms", "~moms", "avdrag", "~avdrag", "subvention", "~subvention",
               "statligt stöd", "statsstöd", "omsättningsstöd", "~driftsbidrag", "kompensation", "pengar",
               "finanskris", "finansiell", "fördelningspolitik", "reavinst"),
    "education": ("skol", "~skola", "~skolan", "~skolor", "förskol", "gymnasi", "lärare", "lärar",
                  "elev", "utbildning", "~utbildning", "högskol", "universitet", "studiemedel",
                  "komvux", "vuxenutbildning", "folkhögskol", "sfi", "betyg", "läroplan", "forskning",
                  # a municipality's school structure, its education board and administration, childcare,
                  # universities and learning centres
                  "~skolstruktur", "bildningsnämnd", "~bildningsnämnd", "bildningsförvaltning", "barnomsorg",
                  "~barnomsorg", "lärosäte", "~lärosäte", "lärcenter", "~lärcenter", "studieplats", "stipendi",
                  # as Riksdag questions write them: after-school centres, upper-secondary programmes, bullying,
                  # students and their loans, adult education associations, pedagogy
                  "fritidshem", "~fritidshem", "~gymnasi", "mobbning", "csn", "student", "~student", "studieförbund",
                  "pedagog", "~pedagog"),
    "social_services": ("socialtjänst", "~socialtjänst", "socialbidrag", "ekonomiskt bistånd",
                        "försörjningsstöd", "lss", "personlig assistans", "assistansersättning",
                        "missbruk", "~missbruk", "beroendevård", "familjehem", "hvb", "barnavård",
                        "omhändertag", "socialsekreterare", "socialnämnd", "funktionsnedsättning",
                        "funktionshind", "hemlös", "barnfattigdom", "lvu", "lvm", "~assistans", "fosterhem", "~fosterhem", "ungdomshem", "sis-hem",
                        "statens institutionsstyrelse", "placerade barn", "orosanmälan", "adoption", "~adoption",
                        "adopter", "vårdnad", "~vårdnads", "familjerätt", "~familjerätt", "underhållsstöd", "fattigdom",
                        "~fattigdom", "spelberoende", "~spelberoende", "~beroendevård", "bostadsbidrag", "barnkonvention",
                        # the municipal field's own names, its LSS homes and support, the decisions it must report
                        # when not carried out, shelters and institutional care
                        "~familjeomsorg", "socialförvaltning", "~gruppboende", "~gruppbostad", "~gruppbostäder",
                        "~boendestöd", "~funktionsstöd", "verkställda beslut", "föräldrastöd",
                        "~föräldraskapsstöd", "härbärge", "institutionsvård",
                        # as Riksdag questions speak of them: disability policy and support, prostitution and begging,
                        # addiction, debt, parents' support and children at risk
                        "handikapp", "~handikapp", "~funktionshind", "ledsagning", "synskad", "dövblind", "bilstöd",
                        "prostitution", "~prostitution", "tiggeri", "narkoman", "opioid", "alkoholproblem",
                        "skuldfälla", "~skuldsättning", "överskuldsatt", "föräldrautbildning", "föräldraskapsstöd",
                        "far illa", "anmälningsskyldighet", "barnkonsekvensanalys", "vårdinstitution",
                        # sobering-up units and financially vulnerable children
                        "tillnyktring", "~tillnyktring", "ekonomiskt utsatta"),
    "elderly_care": ("äldreomsorg", "~äldreomsorg", "hemtjänst", "~hemtjänst", "äldreboende",
                     "~äldreboende", "omsorgsboende", "särskilt boende", "demens", "~demens",
                     "äldre människor", "äldre personer", "de äldre", "äldrevård", "äldreförvaltning",
                     "hemsjukvård", "korttidsboende", "trygghetsboende", "äldres", "våra äldre",
                     # the homes in the definite and plural ("det nya särskilda boendet", "särskilda boendeformer"),
                     # the elderly's questions and ombudsman, nursing, and the municipal field's own name
                     "särskilda boende", "~äldrefråg", "äldreombud", "~äldreombud", "omvårdnad", "vård och omsorg",
                     # as Riksdag questions write them: the Ädel reform, patients ready for discharge, dignity
                     # guarantees, homes for the old, the care sector
                     "ädelreform", "ädel-reform", "färdigbehandlade", "värdighetsgaranti", "trygghetsbostäder",
                     "~trygghetsbostad", "bostäder för äldre", "landets äldre", "~omsorgssektor"),
    "health": ("sjukvård", "~sjukvård", "sjukhus", "~sjukhus", "psykiatri", "~psykiatri", "vårdcentral",
               "läkemedel", "folkhälsa", "patient", "läkare", "sjukskötersk", "tandvård", "cancer",
               "vaccin", "vårdköer", "vårdgaranti", "akutmottagning", "ohälsa", "psykisk", "förlossning",
               "covid", "pandemi", "smittskydd", "sjukskriv", "~sjukskriv", "sjukförsäkring", "~sjukförsäkring",
               "sjukpenning", "sjukersättning", "rehabilitering",
               # a region's ambulances, maternity wards, county hospitals and health centres, care staff and
               # close care, suicide prevention
               "ambulans", "~ambulans", "bb", "lasarett", "~lasarett", "hälsocentral", "~hälsocentral",
               "hälsomottagning", "vården", "vårdpersonal", "~vårdpersonal", "nära vård", "självmord", "suicid",
               "~suicid",
               # as Riksdag questions write them: drugs and alcohol (the guide's public health), dental care,
               # abortion, chronic and common diseases, sick pay (convention 19), protective equipment
               "narkotika", "~narkotika", "alkohol", "~alkohol", "andts", "sniffning", "~tandvård", "abort", "~abort",
               "folksjukdom", "diabetes", "kosttillskott", "sjuklön", "~sjuklön", "skyddsutrustning", "naprapat"),
    "integration": ("invandr", "~invandr", "migration", "~migration", "asyl", "~asyl", "flykting",
                    "~flykting", "nyanlända", "nyanländ", "ensamkommande", "integration", "~integration",
                    "utanförskap", "uppehållstillstånd", "utvisning", "~utvisning", "arbetskraftsinvandring",
                    "segregation", "medborgarskap",
                    # as Riksdag questions write them: family reunification, refusals of entry and returns, the
                    # foreign-born, ethnicity, veils and Islam's place in society, EU migrants, residence permits
                    "familjeåterförening", "~familjeåterförening", "avvisning", "~avvisning", "återvändande",
                    "utrikesfödd", "etnisk", "~etnisk", "slöja", "~slöja", "islams", "eu-migrant",
                    "~uppehållstillstånd", "~medborgarskap"),
    "housing": ("bostad", "~bostad", "bostäder", "hyres", "hyra", "hyror", "nyproduktion", "stadsplaner",
                "detaljplan", "plan- och bygglag", "allmännytt", "~allmännytt", "bostadsbolag",
                "byggande", "~byggande", "hemlöshet", "trångboddhet", "bolån", "ombildning",
                "planområde", "översiktsplan", "~översiktsplan", "exploatering", "~exploatering", "markanvisning",
                "bygglov", "~bygglov", "nybyggnation",
                # flats of every kind ("LSS-lägenheter", "hyreslägenheter", "trygghetslägenhet")
                "~lägenhet",
                # the guide's construction (of any building: "om- och tillbyggnad", "byggprojekt"), homelessness and
                # evictions, town centres
                "hemlös", "vräk", "~vräkning", "byggprojekt", "~byggprojekt", "ombyggnad", "~ombyggnad", "tillbyggnad",
                "~tillbyggnad", "nybyggnad", "byggproduktion", "renovering", "~renovering", "uppförande av",
                "uppföras", "stadskärna", "stadsutveckling",
                # as Riksdag questions write them: property tax and formation, the land survey, market rents,
                # renovation deductions, housing planning, student homes
                "~fastighetsskatt", "fastighetsbildning", "~fastighetsbildning", "lantmäteri", "~lantmäteri",
                "~hyror", "rot-avdrag", "boendeplanering", "~boendeplanering", "~fastighetsmarknad", "studentbostäder",
                # a municipality's planning programmes and assignments, land policy and building plots
                "planprogram", "~planprogram", "planuppdrag", "~planuppdrag", "markpolicy", "villatomt", "~villatomt",
                "tomter", "markområde", "fastighetsförsäljning", "~fastighetsförsäljning"),
    "labour": ("arbetslös", "~arbetslös", "sysselsättning", "arbetsmarknad", "~arbetsmarknad",
               "arbetsförmedling", "jobb", "~jobb", "anställ", "löner", "lönen", "lönebildning",
               "arbetsvillkor", "arbetsmiljö", "kollektivavtal", "fackförbund", "facket", "arbetsrätt",
               "bemanning", "~bemanning", "arbetskraft", "arbetsgivare", "arbetstagare", "a-kassa", "sjukskriv",
               "heltid", "~heltid", "deltid", "arbetstid", "~arbetstid", "arbetsliv", "~arbetsliv", "arbetsplats",
               "~arbetsplats", "löne", "kompetensförsörjning", "rekryter", "personal", "~personal", "varsel",
               "uppsägning", "strejk", "facklig", "~facklig", "praktikplats", "lärling",
               "~sjukskriv", "sjukförsäkring", "arbetsskad",
               # the municipality's summer jobs for the young, jobs created, and pay reviews
               "feriearbete", "~feriearbete", "ferieplats", "arbetstillfälle", "~arbetstillfälle", "~löneöversyn",
               "arbetskläder",
               # as Riksdag questions write them: substitutes, productivity, enterprise, job-matching providers,
               # household services
               "~vikarie", "produktivitet", "företagande", "~företagande", "kompletterande aktörer",
               "hushållsnära tjänster", "arbetslinjen"),
    "environment": ("klimat", _ENVIRONMENT, "~miljöfarlig", "~miljöpåverkan", "utsläpp", "energi", "~energi", "kärnkraft",
                    "vindkraft", "vattenkraft", "naturvård", "jordbruk", "lantbruk", "skog", "~skogs",
                    "fiske", "biologisk mångfald", "naturreservat", "förnybar", "växthusgas",
                    "koldioxid", "djurskydd", "livsmedel", "rovdjur", "varg", "älg", "jakt",
                    # as Riksdag questions write them: chemicals, recycling, nuclear reactors, fuel and electricity
                    # prices, hunting seasons, reindeer herding, sustainable development
                    "kemikalie", "~kemikalie", "kretslopp", "~kretslopp", "reaktor", "~reaktor", "elpris", "~elpris",
                    "bränslepris", "~jakten", "rennäring", "renbete", "~renbete", "hållbar utveckling", "skarv"),
    "transport": ("järnväg", "~järnväg", "vägar", "vägnät", "~vägnät", "riksväg", "motorväg", "vägtrafik",
                  "tåg", "~tågtrafik", "kollektivtrafik", "~kollektivtrafik", "infrastruktur",
                  "~infrastruktur", "trafik", "flyg", "~flygplats", "sjöfart", "hamn", "trafikverket",
                  "vägverket", "banverket", "bilist", "pendling", "pendeltåg", "tunnelbana", "e4", "e6",
                  "e18", "e20", "e22", "busstrafik", "bredband", "~bredband", "mobiltäckning", "telenät",
                  "buss", "~busskort", "~bussförbindelse", "~busslinje", "cykel", "~cykelväg", "~cykelbana", "parkering",
                  "~parkering", "resecentrum", "~resecentrum", "hållplats", "färja", "färjor", "~färjeled", "airport",
                  "trafiksäkerhet", "re:(?<![a-zåäö])väg \\d",
                  # a municipality's street lighting, private roads, stops, mobility services and school transport,
                  # fibre networks (convention 17's broadband), bypasses and county roads
                  "gatubelysning", "~gatubelysning", "enskilda vägar", "enskild väg", "utfartsväg", "~hållplats",
                  "färdtjänst", "~färdtjänst", "skolskjuts", "~skolskjuts", "närtrafik", "fiber", "~fiber",
                  "förbifart", "länsväg", "~länstrafik", "bangård", "~bangård", "hastighetsbegränsning",
                  # as Riksdag questions write them: transport policy, fuel stations, driving licences, shipping,
                  # mobile networks, road tolls
                  "transport", "~transport", "drivmedel", "~drivmedel", "bensinmack", "körkort", "~körkort",
                  "fartyg", "~fartyg", "basstation", "~vägslitage", "vägavgift", "trängselskatt", "~trafik"),
    "defence": ("försvarsmakt", "försvaret", "~försvaret", "försvarspolitik", "~försvarsmakt",
                "totalförsvar", "civilt försvar", "militär", "nato", "värnplikt", "säkerhetspolitik",
                "utrikespolitik", "armé", "marinen", "flygvapn", "krigs", "beredskap", "~försvarsanslag",
                "fredsfrämjande", "vapenexport", "krisberedskap", "ryssland", "utvecklingssamarbete",
                "~bistånds", "utrikesdepartement", "ambassad", "diplomat", "civil beredskap", "~bistånd",
                "fredsprocess", "fredsavtal", "folkrätt", "~folkrätt", "ockupation", "~ockuper", "sanktioner mot",
                "säkerhetsråd", "~säkerhetsråd", "trupper", "~trupper", "väpnad", "krigsmateriel", "~krigsmateriel",
                "exportkontroll", "konsulat", "utlandsmyndighet", "underrättelsetjänst", "cyberförsvar",
                "~civilförsvar", "utrikes- och säkerhetspolitik"),
    "democracy": ("demokrati", "~demokrati", "valdeltagande", "rösträtt", "allmänna val", "jämställdhet",
                  "~jämställdhet", "diskriminering", "yttrandefrihet", "offentlighetsprincip", "insyn",
                  "civilsamhälle", "~civilsamhälle", "föreningsliv", "mänskliga rättigheter",
                  "grundlag", "pressfrihet", "hbtq", "meddelarfrihet", "partistöd", "folkomröstning",
                  "religionsfrihet", "föreningsbidrag", "rasism", "~rasism", "antisemitism", "~diskriminering",
                  "myndighetsstyrning", "korruption", "valfusk", "valsystem", "riksdagsval", "kommunval",
                  "~valkrets", "väljare", "~väljar", "mötesfrihet", "demonstrationsfrihet", "rättssäker", "~rättssäker",
                  "minoritet", "~minoritet", "samer", "samisk", "självstyre", "~självstyre", "självstyrelse",
                  "regionindelning", "regionbildning", "~storregion", "kommunindelning", "kommunsammanslagning",
                  "generaldirektör", "myndighetschef", "statsförvaltning", "~förvaltningspolitik", "opinionsbildning",
                  "trossamfund", "~trossamfund", "religionsfrihet", "ideell", "folkbildning", "studieförbund",
                  "jämställd", "~jämställd", "likabehandling", "näthat", "hat och hot", "konstitution",
                  "~konstitution", "regeringsform", "tryckfrihet", "censur", "armlängds avstånd", "public service",
                  "~mediestöd", "presstöd", "tillitsbaserad", "offentlighet", "meddelarskydd", "valmyndighet",
                  # a council's elections, resignations, seats and majorities and its handling of citizens' proposals
                  # (docs/annotation.md, convention 45); not "Val av justerare", the meeting's own procedure
                  "avsägelse", "~avsägelse", "avsagt sig", "entledig", "fyllnadsval", "~fyllnadsval", "nyval",
                  "~valberedning", "val av ledamot", "val av ersättare", "val av ordförande", "val av vice",
                  "val av suppleant", "val av extra", "val av revisor", "val av nämndem", "nämndemän",
                  "mandatfördelning", "antal mandat", "omröstning", "votering", "~partimajoritet", "styrande majoritet",
                  "politiska majoritet", "koalition", "~koalition", "samstyre", "medborgarförslag", "~medborgarförslag",
                  "e-förslag", "utmaningsrätt", "kommunallag", "~kommunallag",
                  # ... a member's release from an office, newly appointed members, the opposition's posts, a body's
                  # discharge from liability (convention 45), and grants to associations (the guide's civil society)
                  "befrielse från uppdrag", "ny ledamot", "nya ledamöter", "ny ersättare", "nya ersättare",
                  "oppositionsråd", "~oppositionsråd", "ansvarsfrihet", "verksamhetsbidrag", "aktivitetsstöd",
                  "föreningsstöd", "~föreningsstöd", "~föreningsbidrag", "arrangemangsbidrag",
                  # associations themselves (sports, leisure and culture: not trade unions), a motion's handling,
                  # substitutes and recounts, the municipal auditors, the public's questions, petitions, dialogues and
                  # poll workers
                  "förening", "~idrottsförening", "~fritidsförening", "~kulturförening", "motionen", "motionär",
                  "~motionär", "till ersättare", "som ersättare", "sammanräkning", "~sammanräkning", "avsäger sig",
                  "revisorerna", "kommunrevision", "~kommunrevision", "revisionsrapport", "frågestund", "~petition",
                  "medborgardialog", "~medborgardialog", "röstmottagare", "valdes", "utses till", "val av ombud",
                  "högsta beslutande organ", "ägardirektiv", "~ägardirektiv", "röstberättigad", "rösträkning",
                  "~rösträkning", "ungdomsråd", "~ungdomsråd",
                  # as Riksdag questions write civil rights: privacy, journalists, dissidents, political prisoners
                  "integritet", "~integritet", "journalist", "~journalist", "oppositionell", "politiska fångar"),
}


# The characters of a word, as the stems' word-start check reads them.
_WORD_CHARS = "a-zåäöéü0-9"
_WORD_RE = re.compile(f"[{_WORD_CHARS}]+")
# A necessary substring of each regular expression stem: where it is absent, the stem cannot match.
_REGEX_TRIGGERS: Dict[str, str] = {
    r"re:(?<![a-zåäö])brand(?:en|er|erna)?(?![a-zåäö])": "brand",
    _ENVIRONMENT: "miljö",
    r"re:(?<![a-zåäö])väg \d": "väg ",
}


def _compile(stems: Sequence[str]) -> re.Pattern:
    parts = []
    for stem in stems:
        if stem.startswith("~"):
            parts.append(re.escape(stem[1:]))
        elif stem.startswith("re:"):
            parts.append(stem[3:])
        else:
            # "(?<![a-zåäöéü0-9])stem" written as its first letter, then the check on the
            # character before it: alternatives that start with a letter let the regex
            # engine skip positions whose letter starts none of them (same matches, ~10x faster).
            parts.append(re.escape(stem[0]) + rf"(?<![{_WORD_CHARS}].)" + re.escape(stem[1:]))
    return re.compile("|".join(parts))


def _within_words(stem: str) -> bool:
    """Whether every match of ``stem`` lies inside one word (no space, hyphen or regular expression)."""
    return not stem.startswith("re:") and _WORD_RE.fullmatch(stem.lstrip("~")) is not None


def _trigger(stem: str) -> str:
    if stem.startswith("re:"):
        if stem not in _REGEX_TRIGGERS:
            raise RuntimeError(f"topic keyword {stem!r}: add its necessary substring to _REGEX_TRIGGERS")
        return _REGEX_TRIGGERS[stem]
    return stem.lstrip("~")


# Matches of a stem that are not the topic's, subtracted from its count: "anslag" is an appropriation, but in
# a protocol's notice block the posting of the minutes ("ANSLAG/BEVIS", "tillkännagivits genom anslag",
# "anslags uppsättande", "Anslaget tas ned", "anslagstavlan"); "byggande" (construction) inside
# "förebyggande" (preventive: "brottsförebyggande arbete") is no housing; "bistånd" is development aid, but a
# municipality's financial assistance and its needs assessment are social services ("ekonomiskt bistånd",
# "biståndshandläggare", "bistånds-, arbetsmarknads- och sociala servicenämnden"). (label, a necessary
# substring, the pattern; the label's position in the counts is looked up below, once); an economic association
# ("ekonomisk förening") is a company's legal form, no civil society.
_NOT_KEYWORDS: Tuple[Tuple[str, str, re.Pattern], ...] = (
    ("housing", "förebyggande", re.compile("förebyggande")),
    ("democracy", "förening", re.compile(r"ekonomiska?[ \t]+förening")),
    ("defence", "bistånd", re.compile(
        r"ekonomisk[at]?[ \t]+bistånd|ekonomiska[ \t]+biståndet|bistånds(?:-|handläg|beslut|bedöm|enhet)")),
    ("budget", "anslag", re.compile(
        r"(?<![a-zåäö])(?:(?<=genom )anslag|anslag(?=s?[ \t]*/[ \t]*bevis|sbevis|stavla|sdatum"
        r"|s?[ \t]+(?:uppsättande|nedtagande|uppsatt|nedtaget)|et[ \t]+(?:sätts|tas|uppsatt|nedtaget)))")),
)
_PATTERNS: Dict[str, re.Pattern] = {label: _compile(stems) for label, stems in KEYWORDS.items()}
if set(KEYWORDS) != set(TOPIC_LABELS):
    raise RuntimeError("KEYWORDS must cover exactly svpol.labels.TOPIC_LABELS")
# Counting a topic's matches word by word gives the same count as its whole pattern over the text as long
# as none of its stems that reach across words (or are regular expressions) can match: every other stem
# lies inside one word, and a word's start is a word start alone too. Words repeat, so their counts are
# cached; a text holding a cross-word stem's necessary substring is counted with the whole pattern.
_LABELS: Tuple[str, ...] = tuple(KEYWORDS)
_WORD_PATTERNS: Tuple[re.Pattern, ...] = tuple(
    _compile([s for s in KEYWORDS[label] if _within_words(s)]) for label in _LABELS)
_NOT_KEYWORD_COUNTS: Tuple[Tuple[int, str, re.Pattern], ...] = tuple(
    (_LABELS.index(label), trigger, pattern) for label, trigger, pattern in _NOT_KEYWORDS)
_FIRST_WORD_RE = re.compile(f"[{_WORD_CHARS}]+(?=[^{_WORD_CHARS}])")


def _first_word(stem: str) -> Optional[str]:
    """The whole word a cross-word stem opens with, which a text it matches holds as one of its words ("nya" of
    "nya ledamöter"), or None where it may start inside a word ("~") or is a regular expression."""
    if stem.startswith(("~", "re:")):
        return None
    match = _FIRST_WORD_RE.match(stem)
    return match.group(0) if match else None


# Every stem that reaches across words or is a regular expression, flat: (its necessary substring, the topic's
# position, the word it opens with or None), checked in one loop; the word is looked up in the text's words before
# the substring is searched for (most texts hold neither).
_TRIGGER_LABELS: Tuple[Tuple[str, int, Optional[str]], ...] = tuple(
    (_trigger(stem), i, _first_word(stem)) for i, label in enumerate(_LABELS)
    for stem in KEYWORDS[label] if not _within_words(stem))


def keyword_hits(text: str) -> Dict[str, int]:
    """Count keyword matches per topic in ``text`` (case-insensitive); topics with none are absent."""
    return dict(_keyword_hits(text))


def _word_hits(word: str) -> Tuple[int, ...]:
    """The matches of each topic's within-word stems in one lower-case word (empty: none)."""
    counts = tuple(len(pattern.findall(word)) for pattern in _WORD_PATTERNS)
    return counts if any(counts) else ()


# word -> _word_hits(word): words repeat, and a dict lookup costs a fraction of a cached function's call
_WORD_HITS: Dict[str, Tuple[int, ...]] = {}
_WORD_HITS_SIZE = 1 << 16  # words remembered before the cache starts over


@lru_cache(maxsize=256)
def _keyword_hits(text: str) -> Tuple[Tuple[str, int], ...]:
    # Cached: svpol_topic_evidence's keyword evidence and text model both count the same text.
    lowered = text.lower()
    totals = [0] * len(_LABELS)
    if len(_WORD_HITS) > _WORD_HITS_SIZE:
        _WORD_HITS.clear()
    words = _WORD_RE.findall(lowered)
    for word in words:
        counts = _WORD_HITS.get(word)
        if counts is None:
            counts = _WORD_HITS[word] = _word_hits(word)
        if counts:
            totals = [t + c for t, c in zip(totals, counts)]
    distinct = set(words)
    whole = set()  # topics with a cross-word stem's necessary substring: counted with the whole pattern
    for trigger, i, first in _TRIGGER_LABELS:
        if i not in whole and (first is None or first in distinct) and trigger in lowered:
            whole.add(i)
    for i in whole:
        totals[i] = len(_PATTERNS[_LABELS[i]].findall(lowered))
    for i, trigger, pattern in _NOT_KEYWORD_COUNTS:
        if trigger in lowered:
            totals[i] = max(0, totals[i] - len(pattern.findall(lowered)))
    return tuple((label, n) for label, n in zip(_LABELS, totals) if n)
