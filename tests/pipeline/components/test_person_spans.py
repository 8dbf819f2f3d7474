"""svpol_person_spans: titles out of PERSON spans, the Riksdag's place suffix in."""

import re

import numpy
import spacy
from model_fixtures import entity_doc

from svpol.components.person_spans import leading_role_length


def _run(text, spans):
    nlp = spacy.blank("sv")
    component = nlp.add_pipe("svpol_person_spans")
    return [(e.text, e.label_) for e in component(entity_doc(nlp, text, spans)).ents]


def test_capitalised_titles_leave_the_span():
    text = "Interpellation av Eva Lindh (S) till Statsrådet Anders Berg (M) om skolan"
    assert _run(text, [("Eva Lindh", "PERSON"), ("Statsrådet Anders Berg", "PERSON")]) == [
        ("Eva Lindh", "PERSON"), ("Anders Berg", "PERSON")]


def test_coordinated_minister_title_and_a_title_alone():
    text = "till Kultur- och demokratiminister Amanda Lind och Energi- och näringsminister Per Ek"
    assert _run(text, [("Kultur- och demokratiminister Amanda Lind", "PERSON"),
                       ("Energi- och näringsminister", "PERSON"), ("Per Ek", "PERSON")]) == [
        ("Amanda Lind", "PERSON"), ("Per Ek", "PERSON")]


def test_riksdag_place_suffix_joins_and_replaces_the_place():
    text = "av Mattias Karlsson i Luleå (M) till statsrådet"
    assert _run(text, [("Mattias Karlsson", "PERSON"), ("Luleå", "LOC")]) == [
        ("Mattias Karlsson i Luleå", "PERSON")]
    # ner may read the place, or the place and more, as a person of its own.
    text = "av Anna Berg i Västra Frölunda (M) till statsrådet"
    assert _run(text, [("Anna Berg", "PERSON"), ("Västra Frölunda", "PERSON")]) == [
        ("Anna Berg i Västra Frölunda", "PERSON")]
    # Without a party bracket "i <place>" is just a place.
    text = "Mattias Karlsson i Luleå sade nej"
    assert _run(text, [("Mattias Karlsson", "PERSON"), ("Luleå", "LOC")]) == [
        ("Mattias Karlsson", "PERSON"), ("Luleå", "LOC")]


def test_other_entities_untouched_and_role_prefix_length():
    text = "Ordföranden Anna Ek och Finansinspektionen"
    assert _run(text, [("Ordföranden Anna Ek", "PERSON"), ("Finansinspektionen", "AUTHORITY")]) == [
        ("Anna Ek", "PERSON"), ("Finansinspektionen", "AUTHORITY")]
    nlp = spacy.blank("sv")
    doc = nlp("Statsrådet Anna Ek")
    assert leading_role_length(doc[:]) == 1
    assert leading_role_length(doc[1:]) == 0


def test_politicians_read_the_title_as_role_after_repair():
    from svpol.tokenizer import blank

    nlp = blank()
    for name in ("svpol_person_spans", "svpol_politicians"):
        nlp.add_pipe(name)
    doc = entity_doc(nlp, "till Finansminister Magdalena Andersson (S)",
                     [("Finansminister Magdalena Andersson", "PERSON")])
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    (ent,) = doc.ents
    assert (ent.text, ent._.role, ent._.party) == ("Magdalena Andersson", "finansminister", "S")


def test_form_labels_and_party_letters_leave_the_span():
    text = "Beslutande L Sofia Sjöstrand och Isabel Hildén Justeringens plats. Vakant (M) saknas."
    assert _run(text, [("Beslutande L Sofia Sjöstrand", "PERSON"), ("Isabel Hildén Justeringens", "PERSON"),
                       ("Vakant", "PERSON")]) == [("L", "PARTY"), ("Sofia Sjöstrand", "PERSON"), ("Isabel Hildén", "PERSON")]
    # Two words are a name (an initial and a surname), not letters and a name.
    assert _run("Enligt KG Hammar idag", [("KG Hammar", "PERSON")]) == [("KG Hammar", "PERSON")]
    # Two initials: the first joins the person that opens with the second; letters after a comma stay out.
    assert _run("Beslutande K G Ekdahl, ordf. Per Ek, S G Lind", [
        ("G Ekdahl", "PERSON"), ("Per Ek", "PERSON"), ("G Lind", "PERSON")]) == [
        ("K G Ekdahl", "PERSON"), ("Per Ek", "PERSON"), ("G Lind", "PERSON")]
    # An occupation after a name in a list of officials, and a word processor's field codes.
    assert _run("Tjänstemän Kerstin Ekvall Trädgårdstekniker Johan Lindqvist Upphandlare", [
        ("Kerstin Ekvall Trädgårdstekniker", "PERSON"), ("Johan Lindqvist Upphandlare", "PERSON")]) == [
        ("Kerstin Ekvall", "PERSON"), ("Johan Lindqvist", "PERSON")]
    assert _run("Eva Ekholm Registrator Per Lind Nämndsekr", [
        ("Eva Ekholm Registrator", "PERSON"), ("Per Lind Nämndsekr", "PERSON")]) == [
        ("Eva Ekholm", "PERSON"), ("Per Lind", "PERSON")]
    assert _run("STYLEREF Kantrubrik \\* MERGEFORMAT Svar", [("STYLEREF Kantrubrik", "PERSON")]) == []
    # A document's register fields.
    assert _run("Inkommen datum: 2018-07-09 Dokumentnummer: 2018/1 Tel 0152-29100", [
        ("Dokumentnummer", "PERSON"), ("Tel", "PERSON")]) == []
    # The next field's office after a column's party letters ("…, S Kommunchef Olli Joenväärä").
    assert ("Olli Joenväärä", "PERSON") in _run("Eva Ek, S Kommunchef Olli Joenväärä", [
        ("Eva Ek", "PERSON"), ("S", "PARTY"), ("Kommunchef Olli Joenväärä", "PERSON")])
    # A signature block's and a vote table's labels.
    assert _run("Ordförande Justerande Eva Ek Tor Berg Justerande. Ja Nej Avst Ja", [
        ("Justerande Eva Ek", "PERSON"), ("Tor Berg Justerande", "PERSON"), ("Avst", "PERSON")]) == [
        ("Eva Ek", "PERSON"), ("Tor Berg", "PERSON")]


def test_a_letterheads_contact_fields_are_no_persons():
    assert _run("E-post: kommun@ekby.se Webb: ekby.se Fax 08-123 45", [("Webb", "PERSON"), ("Fax", "PERSON")]) == []


def test_offices_and_capitalised_form_labels_after_a_name_leave_the_span():
    text = "Kommunchef Ulla Brandt Kommunsekreterare Ove Sjö Ekonom Eva Rask Controller. Rolf Hed ANSLAGSBEVIS"
    assert _run(text, [("Ulla Brandt Kommunsekreterare", "PERSON"), ("Eva Rask Controller", "PERSON"),
                       ("Rolf Hed ANSLAGSBEVIS", "PERSON")]) == [
        ("Ulla Brandt", "PERSON"), ("Eva Rask", "PERSON"), ("Rolf Hed", "PERSON")]
    # An office in front is read first: the coordinated office goes whole, it leaves no "Miljö- och".
    assert _run("till Miljö- och klimatminister Eva Rask", [("Miljö- och klimatminister", "PERSON")]) == []


def test_local_party_letters_after_a_person_become_party():
    text = "Roland Johansson (ALT) och Leif Ek (SPI) mot Anna Berg (FHS) och Per Ek (BSNLÖ)"
    nlp = spacy.blank("sv")
    component = nlp.add_pipe("svpol_person_spans")
    doc = entity_doc(nlp, text, [("Roland Johansson", "PERSON"), ("ALT", "AUTHORITY"), ("Leif Ek", "PERSON"),
                                 ("Anna Berg", "PERSON"), ("FHS", "AUTHORITY"), ("Per Ek", "PERSON"),
                                 ("BSNLÖ", "AUTHORITY")])
    # FHS is a rule entity (an agency acronym of the KB); five letters are no party's.
    doc.spans["svpol_rules"] = [e for e in doc.ents if e.text == "FHS"]
    assert [(e.text, e.label_) for e in component(doc).ents] == [
        ("Roland Johansson", "PERSON"), ("ALT", "PARTY"), ("Leif Ek", "PERSON"), ("SPI", "PARTY"),
        ("Anna Berg", "PERSON"), ("FHS", "AUTHORITY"), ("Per Ek", "PERSON"), ("BSNLÖ", "AUTHORITY")]



def test_an_agency_acronym_after_a_name_in_a_member_list_is_a_local_party():
    text = "Ledamöter Eva Ek (M) Bo Al (C) Lena Berg (S) Per Ny (KB) och Anna Lind (KB) vid mötet"
    nlp = spacy.blank("sv")
    component = nlp.add_pipe("svpol_person_spans")
    spans = [("Eva Ek", "PERSON"), ("M", "PARTY"), ("Bo Al", "PERSON"), ("C", "PARTY"), ("Lena Berg", "PERSON"),
             ("S", "PARTY"), ("Per Ny", "PERSON"), ("KB", "AUTHORITY")]
    doc = entity_doc(nlp, text, spans)
    doc.spans["svpol_rules"] = [e for e in doc.ents if e.label_ != "PERSON"]  # the rules tagged all the letters
    assert [(e.text, e.label_) for e in component(doc).ents][6:8] == [("Per Ny", "PERSON"), ("KB", "PARTY")]
    # two persons with a party's bracket make no member list: the rules' agency stays
    text = "Eva Ek (M) och Bo Al (C) mötte Per Ny (KB)"
    doc = entity_doc(nlp, text, spans[:4] + spans[6:])
    doc.spans["svpol_rules"] = [e for e in doc.ents if e.label_ != "PERSON"]
    assert ("KB", "AUTHORITY") in [(e.text, e.label_) for e in component(doc).ents]



def test_a_notices_and_a_member_lists_field_labels_are_no_persons():
    text = "Ersättare Adjungerade Övriga Eva Ek (M). Beslutsinstans Sammanträdesdag 2019-03-06"
    assert _run(text, [("Adjungerade", "PERSON"), ("Eva Ek", "PERSON"), ("Beslutsinstans Sammanträdesdag", "PERSON")]) == [
        ("Eva Ek", "PERSON")]

def test_an_office_the_vectors_lack_is_no_first_name_of_a_member_list():
    text = "Ordförande Eva Ek (M) Protokolljusterare Bo Al (S)"
    spans = [("Eva Ek", "PERSON"), ("M", "PARTY"), ("Bo Al", "PERSON"), ("S", "PARTY")]
    assert _run_with_vectors(text, spans, ("ordförande",)) == spans

def test_a_run_of_names_without_separators_is_split_before_first_names():
    text = "Ersättare Anneli Fredholm Alexander Kivilahti Sture Nilsson (M) och Per Olof Svensson"
    assert _run(text, [("Anneli Fredholm Alexander Kivilahti Sture Nilsson", "PERSON"),
                       ("Per Olof Svensson", "PERSON")]) == [
        ("Anneli Fredholm", "PERSON"), ("Alexander Kivilahti", "PERSON"), ("Sture Nilsson", "PERSON"),
        ("Per Olof Svensson", "PERSON")]


def test_a_place_after_a_comma_opens_no_name_of_the_run_after_it():
    # "Mikael Ek,Saxnäs": the place tells namesakes apart; ner read it into the next name and cut the run
    # between a first name and its surname (m-v547)
    text = "Beslutande Mikael Ek,Saxnäs Rickard Norberg Per Vedbring Jan Granström Bo Olsson Helen Gavelin"
    got = _run(text, [("Mikael Ek", "PERSON"), ("Saxnäs Rickard Norberg Per", "PERSON"), ("Vedbring", "PERSON"),
                      ("Jan Granström", "PERSON"), ("Bo Olsson Helen Gavelin", "PERSON")])
    assert got == [("Mikael Ek", "PERSON"), ("Rickard Norberg", "PERSON"), ("Per Vedbring", "PERSON"),
                   ("Jan Granström", "PERSON"), ("Bo Olsson", "PERSON"), ("Helen Gavelin", "PERSON")]


def test_first_names_are_never_surnames_in_the_knowledge_base():
    from svpol.components.person_spans import first_names

    names = first_names()
    assert {"Anneli", "Sture", "Olof", "Majken", "Maths", "Görgen"} <= names
    assert not names & {"Berg", "Nilsson", "Svensson"}


def test_a_first_name_left_out_by_ner_joins_its_surname():
    text = "Ledamot (S) Leif Haraldsson Ledamot (S) Jan-Åke Ström Ledamot (S) Anna Berg och Kvist"
    assert _run(text, [("S", "PARTY"), ("Haraldsson", "PERSON"), ("Ström", "PERSON"), ("Anna Berg", "PERSON"),
                       ("Kvist", "PERSON")]) == [
        ("S", "PARTY"), ("Leif Haraldsson", "PERSON"), ("Jan-Åke Ström", "PERSON"), ("Anna Berg", "PERSON"),
        ("Kvist", "PERSON")]
    # a surname that is a first name too, and a first name alone before its surname
    text = "Ledamot Olof Jarl Ledamot Lena Skog, sekreterare Eva Ledamot"
    assert _run(text, [("Jarl", "PERSON"), ("Lena", "PERSON"), ("Eva", "PERSON")]) == [
        ("Olof Jarl", "PERSON"), ("Lena Skog", "PERSON"), ("Eva", "PERSON")]


def test_column_names_with_presence_marks():
    text = "LEDAMÖTER C Rune Lans I V Karin Uusitalo I KIP Lilly Rönnebro - justerare"
    got = _run(text, [("C", "PARTY"), ("Lans I", "PERSON"), ("V", "PARTY"), ("KIP", "PARTY")])
    assert got == [("C", "PARTY"), ("Rune Lans", "PERSON"), ("V", "PARTY"), ("Karin Uusitalo", "PERSON"),
                   ("KIP", "PARTY"), ("Lilly Rönnebro", "PERSON")]


def _run_with_vectors(text, spans, words):
    nlp = spacy.blank("sv")
    for word in words:  # ordinary words: the vectors know their lower-case forms
        nlp.vocab.set_vector(word, numpy.ones(4, dtype="float32"))
    component = nlp.add_pipe("svpol_person_spans")
    return [(e.text, e.label_) for e in component(entity_doc(nlp, text, spans)).ents]


def test_a_person_of_ordinary_words_only_goes_unless_it_is_a_name():
    text = "Bevis Protokollet är justerat. Holm talade efter Anna Holm (S). Anmält förhinder: Berg."
    spans = [("Bevis Protokollet", "PERSON"), ("Holm", "PERSON"), ("Anna Holm", "PERSON"), ("Anmält", "PERSON"),
             ("Berg", "PERSON")]
    # "Holm" is the surname of a person in the text, "Berg" a surname of the knowledge base.
    assert _run_with_vectors(text, spans, ("bevis", "protokollet", "holm", "anmält", "berg")) == [
        ("Holm", "PERSON"), ("Anna Holm", "PERSON"), ("Berg", "PERSON")]
    # Without vectors nothing is known to be ordinary; the form's labels ("Bevis Protokollet") go all the same.
    assert _run(text, spans) == [("Holm", "PERSON"), ("Anna Holm", "PERSON"), ("Anmält", "PERSON"), ("Berg", "PERSON")]
    # an acronym beside an ordinary word is a heading's; beside a name it is left
    text = "Tertialbokslut IFO godkänns. Anna EK talade."
    spans = [("Tertialbokslut IFO", "PERSON"), ("Anna EK", "PERSON")]
    assert _run_with_vectors(text, spans, ("tertialbokslut",)) == [("Anna EK", "PERSON")]


def test_a_one_word_person_the_vectors_know_only_in_its_parts_goes():
    # a heading's compound of two ordinary words (m-v863); a surname's short head ("-ström") stays a name
    text = "Kommundirektörer\nEva Ek, Ekby kommun\n\nPersonalrepresentanten\nBergström"
    spans = [("Kommundirektörer", "PERSON"), ("Eva Ek", "PERSON"), ("Personalrepresentanten", "PERSON"),
             ("Bergström", "PERSON")]
    words = ("kommun", "direktörer", "personal", "representanten", "berg", "ström")
    assert _run_with_vectors(text, spans, words) == [("Eva Ek", "PERSON"), ("Bergström", "PERSON")]
    # ... also in the genitive (m-v866), but not a surname's genitive ("Bergströms")
    text = "Kommundirektörens information. Bergströms fråga."
    spans = [("Kommundirektörens", "PERSON"), ("Bergströms", "PERSON")]
    assert _run_with_vectors(text, spans, words + ("direktören",)) == [("Bergströms", "PERSON")]
    # a form's label in the genitive is no name ("Handläggarens namn"; m-v866)
    assert _run("Handläggarens namn Eva Ek", [("Handläggarens", "PERSON"), ("Eva Ek", "PERSON")]) == [
        ("Eva Ek", "PERSON")]


def test_a_local_partys_single_letter_after_a_person():
    text = "Närvarande: Yngve Berg (K) och Eva Lind (S)."
    assert _run(text, [("Yngve Berg", "PERSON"), ("Eva Lind", "PERSON")]) == [
        ("Yngve Berg", "PERSON"), ("K", "PARTY"), ("Eva Lind", "PERSON")]


def test_a_run_of_names_cut_in_the_wrong_places_is_paired_again():
    text = "Övriga Anneli Fredholm Sture Nyqvist Kennet Ölund Lisette Kall kommunchef"
    spans = [("Anneli Fredholm Sture", "PERSON"), ("Nyqvist Kennet", "PERSON"), ("Ölund Lisette", "PERSON")]
    assert _run_with_vectors(text, spans, ("övriga", "kommunchef")) == [
        ("Anneli Fredholm", "PERSON"), ("Sture Nyqvist", "PERSON"), ("Kennet Ölund", "PERSON"),
        ("Lisette Kall", "PERSON")]
    # an office or an ordinary word where a first name should be: no pairs
    text = "Paragrafer Anneli Fredholm Ordförande Justerare Sture Nyqvist Per Ek"
    spans = [("Anneli Fredholm", "PERSON"), ("Sture Nyqvist Per Ek", "PERSON")]
    assert _run_with_vectors(text, spans, ("paragrafer", "ordförande", "justerare")) == [
        ("Anneli Fredholm", "PERSON"), ("Sture Nyqvist", "PERSON"), ("Per Ek", "PERSON")]
    # four words, three of them first names, are one person with several first names, not two pairs
    text = "Ledamöter\nBengt Sven Åke Johansson\nOrdförande"
    spans = [("Bengt Sven Åke Johansson", "PERSON")]
    assert _run_with_vectors(text, spans, ("ledamöter", "ordförande")) == [("Bengt Sven Åke Johansson", "PERSON")]


def test_a_run_of_names_that_ends_the_text_with_an_initial():
    # a text cut after a name and a party's first letter: no reading past the last token
    text = "Beslutande Olof Ekvall (M) Per Sandvik (F"
    spans = [("Olof Ekvall", "PERSON"), ("Per Sandvik", "PERSON")]
    assert _run_with_vectors(text, spans, ("beslutande",)) == spans


def test_a_run_of_names_is_cut_before_its_first_names_with_initials_and_double_surnames():
    # odd length: a double surname and initials make pairs impossible; the first names tell the persons
    text = "Beslutande Olof Ekvall Anna Lindholm Ek Per Sandvik K G Broman Eva Stål, ordf"
    spans = [("Olof Ekvall", "PERSON"), ("Anna Lindholm", "PERSON"), ("Ek Per Sandvik", "PERSON"),
             ("G Broman Eva Stål", "PERSON")]
    assert _run_with_vectors(text, spans, ("beslutande",)) == [
        ("Olof Ekvall", "PERSON"), ("Anna Lindholm Ek", "PERSON"), ("Per Sandvik", "PERSON"),
        ("K G Broman", "PERSON"), ("Eva Stål", "PERSON")]
    # a piece of four words, or letters before a first name (a party's, not an initial): left as ner read it
    text = "Närvarande Olof Ekvall Anna Lindholm Ek Sandvik Broman"
    spans = [("Olof Ekvall Anna", "PERSON"), ("Lindholm Ek Sandvik Broman", "PERSON")]
    assert _run_with_vectors(text, spans, ("närvarande",)) == spans
    text = "Närvarande Olof Ekvall M Per Broman Eva Stål"
    spans = [("Olof Ekvall M", "PERSON"), ("Per Broman", "PERSON"), ("Eva Stål", "PERSON")]
    assert _run_with_vectors(text, spans, ("närvarande",)) == spans


def test_a_field_word_or_a_building_beside_a_first_name_and_surname_leaves_the_span():
    text = "Underskrift Kommunförvaltningen Anna Lindholm. Justerare Per Sandvik Förvaltningsbyggnaden onsdag"
    spans = [("Kommunförvaltningen Anna Lindholm", "PERSON"), ("Per Sandvik Förvaltningsbyggnaden", "PERSON")]
    assert _run(text, spans) == [("Anna Lindholm", "PERSON"), ("Per Sandvik", "PERSON")]
    # a web page's link text and a resignation's heading are no names
    text = "Närvarokontroll Länk till annan webbplats. Avsägelse Anna Lindholm. NÄRVAROFÖRTECKNING Per Ek Jäv"
    spans = [("Närvarokontroll Länk", "PERSON"), ("Avsägelse Anna Lindholm", "PERSON"), ("NÄRVAROFÖRTECKNING", "PERSON"),
             ("Per Ek Jäv", "PERSON")]
    assert _run(text, spans) == [("Anna Lindholm", "PERSON"), ("Per Ek", "PERSON")]
    # a photo's label and a protocol's "Anmäles" (reported) are no names
    text = "Exempelbild\n\nDelegationsbeslut Anmäles och antecknas."
    assert _run(text, [("Exempelbild", "PERSON"), ("Anmäles", "PERSON")]) == []
    # a form label broken at a line end, an auditor's office in front of the name
    text = "Justeringens plats Under- Skrifter Sekreterare. Övriga Revisor Lennart Ek, 70"
    spans = [("Under- Skrifter", "PERSON"), ("Revisor Lennart Ek", "PERSON")]
    assert _run(text, spans) == [("Lennart Ek", "PERSON")]
    # a short unknown word may be a first name the list lacks ("Mirela Tova Lindholm"); a double surname stays
    text = "Ersättare Mirela Anna Lindholm och Per Sandvik Ekström"
    spans = [("Mirela Anna Lindholm", "PERSON"), ("Per Sandvik Ekström", "PERSON")]
    assert _run(text, spans) == spans


def test_a_local_partys_letters_in_lower_case_but_not_a_members_standing():
    text = "Motion av Eva Lind (skp) och Per Ek (ers) samt Anna Berg (ordf)."
    assert _run(text, [("Eva Lind", "PERSON"), ("Per Ek", "PERSON"), ("Anna Berg", "PERSON")]) == [
        ("Eva Lind", "PERSON"), ("skp", "PARTY"), ("Per Ek", "PERSON"), ("Anna Berg", "PERSON")]


def test_a_municipal_office_in_front_and_the_next_phrase_in_the_genitive_leave_the_span():
    text = "Övriga Chefsjurist Johan Holm Tuva Lundell. Justerande Paula Ekbom Kommunledningens lokaler, Foto Eva Ek Ekbys politiker"
    spans = [("Chefsjurist Johan Holm Tuva Lundell", "PERSON"), ("Paula Ekbom Kommunledningens", "PERSON"),
             ("Eva Ek Ekbys", "PERSON")]
    # "Ekbys" is no municipality and the vectors do not know it: it may be a name's genitive and stays
    assert _run_with_vectors(text, spans, ("kommunledningens",)) == [
        ("Johan Holm", "PERSON"), ("Tuva Lundell", "PERSON"), ("Paula Ekbom", "PERSON"), ("Eva Ek Ekbys", "PERSON")]
    assert _run("Foto Eva Ek Karlskronas politiker", [("Eva Ek Karlskronas", "PERSON")]) == [("Eva Ek", "PERSON")]
    # a unit's genitive the vectors do not know, and a form's "Justeras" (to be checked) after a name
    spans = [("Bo Al Kommunledningsstabens", "PERSON"), ("Jonas Ek Justeras", "PERSON")]
    assert _run("Bo Al Kommunledningsstabens kansli. Sekreterare Jonas Ek Justeras", spans) == [
        ("Bo Al", "PERSON"), ("Jonas Ek", "PERSON")]


def test_letters_of_a_heading_written_with_spaces_are_no_person():
    assert _run("S AM M AN T R ÄD E S P R O T O K O L L", [("S AM", "PERSON")]) == []


def test_double_first_names_particles_and_an_office_opened_by_an_adjective():
    text = "Eva-Mai Tynong (SD) och Jan van der Horst (S) samt Per Gil de Wendel"
    assert _run(text, [("Tynong", "PERSON"), ("Jan van", "PERSON"), ("Horst", "PERSON"), ("de Wendel", "PERSON")]) == [
        ("Eva-Mai Tynong", "PERSON"), ("SD", "PARTY"), ("Jan van der Horst", "PERSON"),
        ("Per Gil de Wendel", "PERSON")]  # a known first name before a surname of two words and a particle
    # "vice" before an office that ner left outside the name (m-v603)
    assert _run("Katrin Ek Vice ordförande (S)", [("Katrin Ek Vice", "PERSON"), ("S", "PARTY")]) == [
        ("Katrin Ek", "PERSON"), ("S", "PARTY")]
    # the first of two first names written apart, from the list's double names (m-v497, m-v503, m-v589)
    assert _run("Ersättare :00 Rose Marie Ekholm och Ing Marie Lund", [("Marie Ekholm", "PERSON"),
                                                                      ("Marie Lund", "PERSON")]) == [
        ("Rose Marie Ekholm", "PERSON"), ("Ing Marie Lund", "PERSON")]
    text = "Kommunchef Fredrik Lund Administrativ chef Michael Ek"
    assert _run_with_vectors(text, [("Fredrik Lund Administrativ", "PERSON"), ("Michael Ek", "PERSON")],
                             ("administrativ",)) == [("Fredrik Lund", "PERSON"), ("Michael Ek", "PERSON")]


def test_each_piece_of_a_name_run_ends_before_an_office_and_a_split_word():
    text = "Personalchef Jeanette Lund Planeringsingenjör Olle Ek Per Berg. Justerare Eva Lind Under- Skrifter"
    spans = [("Personalchef Jeanette Lund Planeringsingenjör Olle Ek Per Berg", "PERSON"), ("Eva Lind Under-", "PERSON")]
    assert _run(text, spans) == [("Jeanette Lund", "PERSON"), ("Olle Ek", "PERSON"), ("Per Berg", "PERSON"),
                                 ("Eva Lind", "PERSON")]
    assert _run("BEVIS Justeringen har tillkännagivits", [("BEVIS Justeringen", "PERSON")]) == []


def test_a_signatures_place_after_the_name_is_a_place():
    assert _run("Justerare Helen Nilsson Vimmerby 2 september", [("Helen Nilsson Vimmerby", "PERSON")]) == [
        ("Helen Nilsson", "PERSON"), ("Vimmerby", "LOC")]
    # not in a run of names, and not after a first name alone
    assert _run("Justerare Per Vimmerby 2 september", [("Per Vimmerby", "PERSON")]) == [("Per Vimmerby", "PERSON")]


def _run_in_order(text, spans):
    """As _run, each span searched after the one before (letters written more than once)."""
    nlp = spacy.blank("sv")
    component = nlp.add_pipe("svpol_person_spans")
    doc, ents, cursor = nlp.make_doc(text), [], 0
    for substring, label in spans:
        cursor = re.compile(rf"(?<!\w){re.escape(substring)}(?!\w)").search(text, cursor).start()
        ents.append(doc.char_span(cursor, cursor + len(substring), label=label))
        cursor += len(substring)
    doc.set_ents(ents, default="outside")
    return [(e.text, e.label_) for e in component(doc).ents]


def test_a_member_lists_place_before_the_name_is_a_place():
    # ner reads the run as a person, an organisation or an authority (m-v600)
    text = "Ledamöter: Eslöv Björn Gudmundsson (S), Malmö Anna Bengtsdotter (S), Per Kvist (M)"
    got = _run_in_order(text, [("Eslöv Björn Gudmundsson", "PERSON"), ("S", "PARTY"),
                               ("Malmö Anna Bengtsdotter", "AUTHORITY"), ("S", "PARTY"), ("Per Kvist", "PERSON"),
                               ("M", "PARTY")])
    assert got == [("Eslöv", "LOC"), ("Björn Gudmundsson", "PERSON"), ("S", "PARTY"), ("Malmö", "LOC"),
                   ("Anna Bengtsdotter", "PERSON"), ("S", "PARTY"), ("Per Kvist", "PERSON"), ("M", "PARTY")]
    # a form label before the name goes too
    assert _run("Ersättare Namn Curt Gustavsson (S)", [("Namn Curt Gustavsson", "PERSON"), ("S", "PARTY")]) == [
        ("Curt Gustavsson", "PERSON"), ("S", "PARTY")]


def test_a_listed_members_place_before_a_name_the_lists_lack_is_a_place():
    # an association's members, each with their municipality, between party letters: the first names are not in
    # the name lists, so the member before it (its letters in brackets) shows that a new member starts
    text = "Ledamöter Eva Ek (M) Vansbro Aarne Koivisto (S), Torsby Tarmo Vesa (V) Osby"
    got = _run_in_order(text, [("Eva Ek", "PERSON"), ("M", "PARTY"), ("Vansbro Aarne Koivisto", "PERSON"),
                               ("S", "PARTY"), ("Torsby Tarmo Vesa", "PERSON"), ("V", "PARTY")])
    assert got == [("Eva Ek", "PERSON"), ("M", "PARTY"), ("Vansbro", "LOC"), ("Aarne Koivisto", "PERSON"),
                   ("S", "PARTY"), ("Torsby", "LOC"), ("Tarmo Vesa", "PERSON"), ("V", "PARTY")]
    # not without a member's letters before it, nor where no letters follow
    assert _run("Ledamot Vansbro Aarne Koivisto (S)", [("Vansbro Aarne Koivisto", "PERSON"), ("S", "PARTY")])[0] == (
        "Vansbro Aarne Koivisto", "PERSON")
    assert _run("Eva Ek (M) Vansbro Aarne Koivisto deltog", [("Eva Ek", "PERSON"), ("M", "PARTY"),
                                                            ("Vansbro Aarne Koivisto", "PERSON")])[-1] == (
        "Vansbro Aarne Koivisto", "PERSON")


def test_column_names_with_the_letters_after_them():
    text = "Ledamöter Nv Ersättare Nv 1 Angelica Rage S X Karin Andersson M X Tjg 2 Per Lawén S X Bertil Bohm M X"
    got = _run_in_order(text, [("Angelica Rage", "PERSON"), ("S", "PARTY"), ("M", "PARTY"), ("Per Lawén", "PERSON"),
                               ("S", "PARTY"), ("M", "PARTY")])
    assert got == [("Angelica Rage", "PERSON"), ("S", "PARTY"), ("Karin Andersson", "PERSON"), ("M", "PARTY"),
                   ("Per Lawén", "PERSON"), ("S", "PARTY"), ("Bertil Bohm", "PERSON"), ("M", "PARTY")]


def test_a_national_partys_letters_read_into_the_name_before_a_rows_mark_leave_it():
    # ner read the letters of an attendance row into the name (m-v495); the mark or count after them tells
    text = "Patrik Nilsson S - Janeth Lundberg S - Eva Ek C 1 Hans Berg KD\nBo Al S skrev"
    got = _run_in_order(text, [("Patrik Nilsson", "PERSON"), ("S", "PARTY"), ("Janeth Lundberg S", "PERSON"),
                               ("Eva Ek C", "PERSON"), ("Hans Berg KD", "PERSON"), ("Bo Al S", "PERSON")])
    assert got == [("Patrik Nilsson", "PERSON"), ("S", "PARTY"), ("Janeth Lundberg", "PERSON"), ("S", "PARTY"),
                   ("Eva Ek", "PERSON"), ("C", "PARTY"), ("Hans Berg", "PERSON"), ("KD", "PARTY"),
                   ("Bo Al S", "PERSON")]  # running text after the letter: no row


def test_letters_read_into_the_name_before_a_dash_run_or_a_substitutes_mark_leave_it():
    # an absent member's row ends in dashes (m-v546); "ers" after the letters opens a substitute's entry (m-v551)
    text = "Eva Ek V --- Tina Al SD Per Berg S ers Bo Lund S"
    got = _run_in_order(text, [("Eva Ek V", "PERSON"), ("Tina Al", "PERSON"), ("SD", "PARTY"), ("Per Berg S", "PERSON"),
                               ("Bo Lund", "PERSON"), ("S", "PARTY")])
    assert got == [("Eva Ek", "PERSON"), ("V", "PARTY"), ("Tina Al", "PERSON"), ("SD", "PARTY"), ("Per Berg", "PERSON"),
                   ("S", "PARTY"), ("Bo Lund", "PERSON"), ("S", "PARTY")]


def test_a_first_name_at_a_lines_end_joins_the_surname_opening_the_next():
    # a PDF's line break inside a name (m-v488, m-v515); a first name alone before the next field stays alone
    text = "ers. för Elin\nRydberg (S) kl. 8, ers. för Kristian\nAronsson (SD), Björn\nCelind, Ordförande Anna\nSekreterare"
    got = _run_in_order(text, [("Elin", "PERSON"), ("Rydberg", "PERSON"), ("S", "PARTY"), ("Kristian", "LOC"),
                               ("SD", "PARTY"), ("Björn", "PERSON"), ("Celind", "PERSON"), ("Anna", "PERSON")])
    assert got == [("Elin\nRydberg", "PERSON"), ("S", "PARTY"), ("Kristian\nAronsson", "PERSON"), ("SD", "PARTY"),
                   ("Björn\nCelind", "PERSON"), ("Anna", "PERSON")]
    # ... also across a blank line (m-v512 … m-v684), and a first name added to the list (Claudia)
    text = "vice ordförande, Ewa\n\nEkdahl (L), Claudia\n\nEkström (C)"
    got = _run_in_order(text, [("Ewa", "PERSON"), ("Ekdahl", "PERSON"), ("L", "PARTY"), ("Claudia", "PERSON"),
                               ("Ekström", "PERSON"), ("C", "PARTY")])
    assert got == [("Ewa\n\nEkdahl", "PERSON"), ("L", "PARTY"), ("Claudia\n\nEkström", "PERSON"), ("C", "PARTY")]
    # ... a double first name, and a person's first name the lists lack before a surname with party letters (m-v889)
    text = "Per Al (C), Jan Åke\nEkvall (S) och Tedde\nAlmkvist (MP)"
    got = _run_in_order(text, [("Per Al", "PERSON"), ("C", "PARTY"), ("Jan Åke", "PERSON"), ("Ekvall", "PERSON"),
                               ("S", "PARTY"), ("Tedde", "PERSON"), ("Almkvist", "PERSON"), ("MP", "PARTY")])
    assert got == [("Per Al", "PERSON"), ("C", "PARTY"), ("Jan Åke\nEkvall", "PERSON"), ("S", "PARTY"),
                   ("Tedde\nAlmkvist", "PERSON"), ("MP", "PARTY")]


def test_vice_of_an_office_after_a_name_and_an_agendas_standing_items_leave_the_span():
    # m-v559, m-v552, m-v558
    text = "Anna Berg Vice Ordförande (S) efter Per Ek Delegeringsbeslut Anmälningsärenden. Föreslås Eva Lund (C)"
    got = _run(text, [("Anna Berg Vice Ordförande", "PERSON"), ("Per Ek Delegeringsbeslut Anmälningsärenden", "PERSON"),
                      ("Föreslås Eva Lund", "PERSON")])
    assert got == [("Anna Berg", "PERSON"), ("Per Ek", "PERSON"), ("Eva Lund", "PERSON")]
    # an agenda's answer to a motion and a form's signing field (m-v720, m-v724)
    got = _run("Resan till Ekhagen Svar på motion. Bo Ekdahl Justeringsplats och tid",
               [("Ekhagen Svar", "PERSON"), ("Bo Ekdahl Justeringsplats", "PERSON")])
    assert got == [("Ekhagen", "PERSON"), ("Bo Ekdahl", "PERSON")]
    # a day's programme after its speakers' names (m-v697)
    text = "Energi, Per Ekdahl Aktuella frågor, Eva Lund Presentation av förstudie, Bo Al Lunch Genomgång"
    got = _run(text, [("Per Ekdahl Aktuella", "PERSON"), ("Eva Lund Presentation", "PERSON"),
                      ("Bo Al Lunch Genomgång", "PERSON")])
    assert got == [("Per Ekdahl", "PERSON"), ("Eva Lund", "PERSON"), ("Bo Al", "PERSON")]
    # a notice's called members and a letterhead's post box (m-v571)
    got = _run("Box Ekby Sekreterare: Eva Ek Kallade: Bo Al (MP)", [("Box Ekby", "PERSON"), ("Eva Ek Kallade", "PERSON"),
                                                                     ("Bo Al", "PERSON")])
    assert [text for text, _ in got] == ["Ekby", "Eva Ek", "Bo Al", "MP"]
    # an immediate signing after the adjusters and a letterhead's organisation number (m-v593, m-v595)
    got = _run("Justerare Bo Al och Eva Ek Omedelbar justering. Org. nr: 123456-7890",
               [("Bo Al", "PERSON"), ("Eva Ek Omedelbar", "PERSON"), ("Org", "PERSON")])
    assert got == [("Bo Al", "PERSON"), ("Eva Ek", "PERSON")]
    # a vacant seat in a member list (m-v616)
    assert _run("Eva Lund (S) Vakans (M), för Bo Ek (M)", [("Eva Lund", "PERSON"), ("Vakans", "PERSON"),
                                                           ("Bo Ek", "PERSON")]) == [
        ("Eva Lund", "PERSON"), ("Bo Ek", "PERSON")]


def test_a_protocols_header_and_vote_table_labels_are_no_names():
    text = "Sammanträdets plats och tid: Ekhuset. Omröstningsprotokoll Mbn 9. Närvaro Anteckningar/ Tjänstgör Eva Ek"
    got = _run(text, [("Sammanträdets", "PERSON"), ("Omröstningsprotokoll", "PERSON"), ("Anteckningar/", "PERSON"),
                      ("Tjänstgör Eva Ek", "PERSON")])
    assert got == [("Eva Ek", "PERSON")]


def test_a_person_of_ordinary_words_once_the_form_label_is_off_goes():
    text = "Ärenden: Ang Inköp av fastigheter. Ang Anna Berg"
    got = _run_with_vectors(text, [("Ang Inköp", "PERSON"), ("Ang Anna Berg", "PERSON")], ["inköp"])
    assert got == [("Anna Berg", "PERSON")]


def test_a_protocols_venue_is_a_building_or_a_room_never_a_person():
    text = "Plats och tid Beslutande Kopparn, Verkstadsvägen 12 b, rum Ekvall Måndag den 27 februari, kl 13.00"
    spans = [("Beslutande Kopparn", "PERSON"), ("Ekvall Måndag", "PERSON")]
    assert _run(text, spans) == [("Kopparn", "ORG")]
    # outside the venue field a name stays a person
    assert _run("Ordförande Ola Ekvall", [("Ola Ekvall", "PERSON")]) == [("Ola Ekvall", "PERSON")]


def test_a_firm_named_with_an_ampersand_or_in_capitals_and_a_person_without_a_word_are_no_persons():
    text = "Granskningen gjordes av Lind & Partner. Ajournering kl.19.14-19.40 och Anna & Per"
    spans = [("Lind & Partner", "PERSON"), ("Ajournering kl.19.14-19.40", "PERSON")]
    assert _run(text, spans) == [("Lind & Partner", "ORG")]


def test_a_facility_noun_at_a_names_end_or_start_makes_it_an_org():
    text = "Stöd till Ekby Kvinnojour, Norrby Lärcentrum och Kvinnojouren Eva. Anna Ek talade på Ekby Arena."
    spans = [("Ekby Kvinnojour", "PERSON"), ("Norrby Lärcentrum", "PERSON"), ("Kvinnojouren Eva", "PERSON"),
             ("Anna Ek", "PERSON"), ("Ekby Arena", "PERSON")]
    assert _run(text, spans) == [("Ekby Kvinnojour", "ORG"), ("Norrby Lärcentrum", "ORG"), ("Kvinnojouren Eva", "ORG"),
                                 ("Anna Ek", "PERSON"), ("Ekby Arena", "ORG")]
    # ... and a housing or property company's trade (m-v551)
    spans = [("Ekby Bostäder", "PERSON"), ("Norrby Fastigheter", "PERSON")]
    assert _run("Ekby Bostäder och Norrby Fastigheter bygger.", spans) == [("Ekby Bostäder", "ORG"),
                                                                          ("Norrby Fastigheter", "ORG")]
    # a company's capitals are no person's name either
    spans = [("MKBs", "PERSON"), ("HSB:s", "PERSON"), ("Ek", "PERSON")]
    assert _run("MKBs styrelse och HSB:s vd Ek", spans) == [("MKBs", "ORG"), ("HSB:s", "ORG"), ("Ek", "PERSON")]


def test_names_of_a_signature_block_split_at_the_office_between_them():
    text = "Kommundirektör Kjell Berglund Kommunplanerare Sara Gladh"
    assert _run(text, [("Kjell Berglund Kommunplanerare Sara Gladh", "PERSON")]) == [
        ("Kjell Berglund", "PERSON"), ("Sara Gladh", "PERSON")]


def test_a_second_surname_before_the_party_letters_joins_the_name():
    text = "Ordförande Astrid Holm Jarl, C, och Eva Berg Skola (M)"
    spans = [("Astrid Holm", "PERSON"), ("C", "PARTY"), ("Eva Berg", "PERSON"), ("M", "PARTY")]
    # "Skola" is an ordinary word (the vectors know "skola"): no surname
    assert _run_with_vectors(text, spans, ["skola"]) == [
        ("Astrid Holm Jarl", "PERSON"), ("C", "PARTY"), ("Eva Berg", "PERSON"), ("M", "PARTY")]
    # ... also where ner made the second surname a person of its own; a full name before the letters stays two
    text = "Interpellation av Desirée Pethrus Engström (kd) och från Anna Berg Lars Ek (S)"
    spans = [("Desirée Pethrus", "PERSON"), ("Engström", "PERSON"), ("kd", "PARTY"), ("Anna Berg", "PERSON"),
             ("Lars Ek", "PERSON"), ("S", "PARTY")]
    assert _run_with_vectors(text, spans, ["interpellation"]) == [
        ("Desirée Pethrus Engström", "PERSON"), ("kd", "PARTY"), ("Anna Berg", "PERSON"), ("Lars Ek", "PERSON"),
        ("S", "PARTY")]


def test_an_unlisted_first_name_after_the_previous_member_joins_the_name():
    text = "Eva Ek (L) Kiri Tamm Ros (MP) Bo Al (S) tjänstgör för Nuura Said Omar (KD) styrelsen för Regionen Ola Ring (V)"
    spans = [("Eva Ek", "PERSON"), ("L", "PARTY"), ("Tamm Ros", "PERSON"), ("MP", "PARTY"), ("Bo Al", "PERSON"),
             ("S", "PARTY"), ("Said Omar", "PERSON"), ("KD", "PARTY"), ("Ola Ring", "PERSON"), ("V", "PARTY")]
    # After a bracket or a substitute's "för"; not after "för" in running text.
    assert _run_with_vectors(text, spans, ["styrelsen"]) == [
        ("Eva Ek", "PERSON"), ("L", "PARTY"), ("Kiri Tamm Ros", "PERSON"), ("MP", "PARTY"), ("Bo Al", "PERSON"),
        ("S", "PARTY"), ("Nuura Said Omar", "PERSON"), ("KD", "PARTY"), ("Ola Ring", "PERSON"), ("V", "PARTY")]
    # An ordinary word is no first name.
    spans = [("Eva Ek", "PERSON"), ("L", "PARTY"), ("Bo Al", "PERSON"), ("S", "PARTY")]
    assert _run_with_vectors("Eva Ek (L) Bilagan Bo Al (S)", spans, ["bilagan"]) == spans


def test_a_board_named_by_its_field_is_no_person():
    # a region's board named "Driftnämnd <field>" (round 43); a board word before a first name stays apart
    assert _run("Av rapporten framgår att Driftnämnd Kollektivtrafiks avvikelse är stor.",
                [("Driftnämnd Kollektivtrafiks", "PERSON")]) == [("Driftnämnd Kollektivtrafiks", "AUTHORITY")]
    assert _run("Nämndemannen Eva Ek deltog.", [("Eva Ek", "PERSON")]) == [("Eva Ek", "PERSON")]
    assert _run("Patientnämnden Eva Ek deltog.", [("Patientnämnden Eva Ek", "PERSON")]) == [("Eva Ek", "PERSON")]


def test_an_attendance_columns_mark_after_the_previous_member_is_no_first_name():
    # N (present) and F (absent) between the members of a flattened attendance table (round 43, m-v433)
    text = "Kent Larsson (M) N Tobias Leverin (C) F Anna Toll (S)"
    spans = [("Kent Larsson", "PERSON"), ("M", "PARTY"), ("Tobias Leverin", "PERSON"), ("C", "PARTY"),
             ("Anna Toll", "PERSON"), ("S", "PARTY")]
    assert _run_with_vectors(text, spans, ["ledamot"]) == spans


def test_a_person_in_a_flattened_venue_field_and_a_building_after_a_name():
    text = "Justeringens plats och tid: Anders Rydén Rådhuset Sekreterare: Bo Ek"
    assert _run(text, [("Anders Rydén Rådhuset", "PERSON"), ("Bo Ek", "PERSON")]) == [
        ("Anders Rydén", "PERSON"), ("Bo Ek", "PERSON")]


def test_the_first_of_two_first_names_joins_the_name():
    assert _run("Ledamöter Johan Berglöf, Bo Anders Fredell, Bengt Torell",
                [("Johan Berglöf", "PERSON"), ("Anders Fredell", "PERSON"), ("Bengt Torell", "PERSON")]) == [
        ("Johan Berglöf", "PERSON"), ("Bo Anders Fredell", "PERSON"), ("Bengt Torell", "PERSON")]


def test_a_roll_call_list_of_names_each_followed_by_its_partys_letters():
    text = "Ledamöter Parti Lind Eva M Berg Per S Holm Anna C Ek Olof Ragnar KD Sandvik Per V"
    spans = [("M", "PARTY"), ("S", "PARTY"), ("C", "PARTY"), ("KD", "PARTY"), ("V", "PARTY"), ("Lind Eva", "PERSON")]
    assert _run(text, spans) == [
        ("Lind Eva", "PERSON"), ("M", "PARTY"), ("Berg Per", "PERSON"), ("S", "PARTY"), ("Holm Anna", "PERSON"),
        ("C", "PARTY"), ("Ek Olof Ragnar", "PERSON"), ("KD", "PARTY"), ("Sandvik Per", "PERSON"), ("V", "PARTY")]
    # punctuation or other words between the names and the letters: no such list, left as it was
    text = "Anna Berg S, Per Holm M, Eva Lind C och Olof Ek V"
    spans = [("S", "PARTY"), ("M", "PARTY"), ("C", "PARTY"), ("V", "PARTY")]
    assert _run(text, spans) == spans


def test_a_middle_initial_inside_a_roll_call_list():
    text = "Ledamöter Eva Lind S Bo K Holm M Per Ek C Ann Al V"
    spans = [("Eva Lind", "PERSON"), ("S", "PARTY"), ("M", "PARTY"), ("C", "PARTY"), ("V", "PARTY")]
    assert _run(text, spans) == [
        ("Eva Lind", "PERSON"), ("S", "PARTY"), ("Bo K Holm", "PERSON"), ("M", "PARTY"), ("Per Ek", "PERSON"),
        ("C", "PARTY"), ("Ann Al", "PERSON"), ("V", "PARTY")]


def test_a_long_name_in_running_text_before_its_party_bracket_stays_whole():
    text = "Utskottet avslår motion av Nima Ekdahr Ali Pourvand (SD) i sin helhet."
    assert _run(text, [("Nima Ekdahr Ali Pourvand", "PERSON"), ("SD", "PARTY")]) == [
        ("Nima Ekdahr Ali Pourvand", "PERSON"), ("SD", "PARTY")]
    # ... but two where the second ends with a surname the knowledge base knows
    text = "Tjänstgörande för Renaldo Ekdahr Bo Olsson (S)."
    assert _run(text, [("Renaldo Ekdahr Bo Olsson", "PERSON"), ("S", "PARTY")]) == [
        ("Renaldo Ekdahr", "PERSON"), ("Bo Olsson", "PERSON"), ("S", "PARTY")]
    # a signature block names two: the word before the names is a form label
    text = "Justerande Linda Ekdal Kjell Norrby (S)"
    assert _run(text, [("Linda Ekdal Kjell Norrby", "PERSON"), ("S", "PARTY")]) == [
        ("Linda Ekdal", "PERSON"), ("Kjell Norrby", "PERSON"), ("S", "PARTY")]


def test_a_capitalised_particle_and_a_first_name_read_as_a_place():
    text = "Motion från Catharina De Ekdahr (KD) om dokumentation."
    assert _run(text, [("Catharina", "LOC"), ("De Ekdahr", "PERSON"), ("KD", "PARTY")]) == [
        ("Catharina De Ekdahr", "PERSON"), ("KD", "PARTY")]


def test_common_first_names_of_every_origin_are_known_and_places_that_are_names_are_not():
    from svpol.components.person_spans import is_first_name

    assert all(map(is_first_name, ("Gabriella", "Marika", "Sarah", "Khalid", "Mette", "Teddy", "Anja")))
    # a municipality, a company and a word that are also first names somewhere
    assert not any(map(is_first_name, ("Nora", "Meta", "Lone")))
    text = "Ledamöter Gabriella Ekdahl (S) Marika Lindvall (KD)"
    assert _run(text, [("Ekdahl", "PERSON"), ("S", "PARTY"), ("Lindvall", "PERSON"), ("KD", "PARTY")]) == [
        ("Gabriella Ekdahl", "PERSON"), ("S", "PARTY"), ("Marika Lindvall", "PERSON"), ("KD", "PARTY")]


def test_a_first_name_before_a_two_word_surname_with_a_particle_joins_the_person():
    text = "Ledamöter Lars Ekdahr (C) Anna Hård af Ekbacka (M) Ordförande Ring af Ekdal"
    assert _run(text, [("Lars Ekdahr", "PERSON"), ("C", "PARTY"), ("Hård af Ekbacka", "PERSON"), ("M", "PARTY"),
                       ("Ring af Ekdal", "PERSON")]) == [
        ("Lars Ekdahr", "PERSON"), ("C", "PARTY"), ("Anna Hård af Ekbacka", "PERSON"), ("M", "PARTY"),
        ("Ring af Ekdal", "PERSON")]  # an office before the surname is no first name


def test_a_first_name_split_at_a_hyphen_by_a_pdf_joins_the_person():
    # a word broken at a line's end, and a known double name with a space after its hyphen
    assert _run("Yrkande från Bir- gitta Ekdahr (M) och Kent- Inge Ek (S).",
                [("Ekdahr", "PERSON"), ("M", "PARTY"), ("Inge Ek", "PERSON"), ("S", "PARTY")]) == [
        ("Bir- gitta Ekdahr", "PERSON"), ("M", "PARTY"), ("Kent- Inge Ek", "PERSON"), ("S", "PARTY")]
    # a field before "och" is no name
    assert _run("Social- och Anna Ek yrkar", [("Anna Ek", "PERSON")]) == [("Anna Ek", "PERSON")]


def test_a_first_name_before_a_middle_initial_and_a_surname_after_it_join_the_person():
    # ner read "A Runberg" in a list of names with brackets; the first name before it is part of the name
    text = "Gun Ek (S) Bernt A Runberg (M) Elin Al (V)"
    spans = [("Gun Ek", "PERSON"), ("S", "PARTY"), ("A Runberg", "PERSON"), ("M", "PARTY"), ("Elin Al", "PERSON"),
             ("V", "PARTY")]
    assert ("Bernt A Runberg", "PERSON") in _run(text, spans)
    # an initial never ends a name: the surname ner read as something else joins it
    spans = [("Anders G", "PERSON"), ("Johanssons", "AUTHORITY")]
    assert _run("Alliansen stödde Anders G Johanssons skrivelse.", spans) == [("Anders G Johanssons", "PERSON")]
    # ... but a first name after a party's letter opens the next person
    spans = [("Olof Ekvall M", "PERSON"), ("Per Broman", "PERSON")]
    assert _run("Närvarande Olof Ekvall M Per Broman", spans) == spans


def test_an_organisation_read_with_its_chairs_name_gives_the_person_back():
    text = "ordföranden för Ekby Bostäder Leif Ekström (KD) och Ekby Energi AB (M) svarade"
    got = _run_in_order(text, [("Ekby Bostäder Leif Ekström", "ORG"), ("KD", "PARTY"),
                               ("Ekby Energi AB", "ORG"), ("M", "PARTY")])
    assert got == [("Ekby Bostäder", "ORG"), ("Leif Ekström", "PERSON"), ("KD", "PARTY"),
                   ("Ekby Energi AB", "ORG"), ("M", "PARTY")]
    # without the party's bracket after it the name stays whole ("Anna Lindhs minnesfond" and the like)
    assert _run("Stiftelsen Ekby Anna Lindh delar ut", [("Stiftelsen Ekby Anna Lindh", "ORG")]) == [
        ("Stiftelsen Ekby Anna Lindh", "ORG")]
    # ... but an attendance row names a member's union before the next member (m-v586, m-v591)
    text = "Eva Ek, Lärarnas Riksförbund Leif Ekström 7 Per Berg, Lärarförbundet"
    assert _run(text, [("Eva Ek", "PERSON"), ("Lärarnas Riksförbund Leif Ekström", "ORG"), ("Per Berg", "PERSON"),
                       ("Lärarförbundet", "ORG")]) == [
        ("Eva Ek", "PERSON"), ("Lärarnas Riksförbund", "ORG"), ("Leif Ekström", "PERSON"), ("Per Berg", "PERSON"),
        ("Lärarförbundet", "ORG")]


def test_an_observers_seat_in_front_of_the_name_is_a_form_label():
    assert _run("Insynsplats Kim Ekholm (SD)", [("Insynsplats Kim Ekholm", "PERSON"), ("SD", "PARTY")]) == [
        ("Kim Ekholm", "PERSON"), ("SD", "PARTY")]


def test_a_direction_opening_a_name_makes_it_a_place():
    assert _run("Detaljplanen för Östra Piren och resan till Inre Ekbyholm.", [
        ("Östra Piren", "PERSON"), ("Inre Ekbyholm", "PERSON")]) == [("Östra Piren", "LOC"), ("Inre Ekbyholm", "LOC")]
    # a direction before a first name is a column's district before a member
    assert _run("Norra Eva Ek", [("Norra Eva Ek", "PERSON")]) == [("Norra Eva Ek", "PERSON")]


def test_a_columns_code_after_a_name_leaves_the_span():
    # a vote table's column code ("Nb") is no surname: surnames of two letters have a vowel ("Ek")
    text = "C Anna Ekström Nb 1 1\nS Bo Lindqvist Nb 1 1\nM Eva Ek 1 1"
    got = _run(text, [("C", "PARTY"), ("Anna Ekström Nb", "PERSON"), ("S", "PARTY"), ("M", "PARTY")])
    assert got == [("C", "PARTY"), ("Anna Ekström", "PERSON"), ("S", "PARTY"), ("Bo Lindqvist", "PERSON"),
                   ("M", "PARTY"), ("Eva Ek", "PERSON")]


def test_a_first_name_alone_after_the_full_name_is_the_person():
    text = ("Eva Ekvall (V) öppnade mötet. Efter pausen läste Eva upp beslutet. "
            "Per den 31 mars fanns ingen plan, och Eva Berg talade.")
    got = _run(text, [("Eva Ekvall", "PERSON"), ("V", "PARTY")])
    # not a first name before the full name, an ordinary word with a capital, nor the first name of another name
    assert got == [("Eva Ekvall", "PERSON"), ("V", "PARTY"), ("Eva", "PERSON")]
    assert _run("Eva läste. Eva Ekvall (V) talade.", [("Eva Ekvall", "PERSON"), ("V", "PARTY")]) == [
        ("Eva Ekvall", "PERSON"), ("V", "PARTY")]


def test_a_substitutes_standing_in_a_member_column_is_no_person():
    text = "Anna Borg (M) Per Lind (C) Ers Ers Eva Ek (M)"
    got = _run(text, [("Anna Borg", "PERSON"), ("Per Lind", "PERSON"), ("Ers Ers", "PERSON"), ("Eva Ek", "PERSON")])
    assert got == [("Anna Borg", "PERSON"), ("Per Lind", "PERSON"), ("Eva Ek", "PERSON")]


def test_an_invoice_address_and_the_protocol_after_a_name_are_form_words_and_mimmi_a_first_name():
    got = _run("Fax 0455-12 34 56, Fakturaadress: Box 1. Sekreterare Mimmi Ekdal Protokollet omfattar 12 sidor.",
               [("Fakturaadress", "PERSON"), ("Ekdal Protokollet", "PERSON")])
    assert got == [("Mimmi Ekdal", "PERSON")]


def test_a_person_that_opens_with_a_long_ordinary_word_and_holds_no_known_name_goes():
    text = "Verksamhetsplan Ekdalen. Förbundskansler Ekdal. Stadshus B, Verksamhetsplan Eva Ek."
    spans = [("Verksamhetsplan Ekdalen", "PERSON"), ("Förbundskansler Ekdal", "PERSON"), ("Stadshus B", "PERSON"),
             ("Verksamhetsplan Eva Ek", "PERSON")]
    got = _run_with_vectors(text, spans, ("verksamhetsplan", "förbundskansler", "stadshus"))
    # a title and a building are left to the later rules, a first name to the repair that cuts the heading off
    assert ("Verksamhetsplan Ekdalen", "PERSON") not in got
    assert [e for e in got if e[0] in ("Förbundskansler Ekdal", "Stadshus B")] == [
        ("Förbundskansler Ekdal", "PERSON"), ("Stadshus B", "PERSON")] and ("Eva Ek", "PERSON") in got


def test_a_second_surname_cut_off_without_party_letters_and_an_untouched_name_with_a_particle():
    # a run of names and offices: a surname alone right after a full name is the same person's
    text = "Deltagare Eva Ekdahl Kommunchef Tina Karlbo Hellqvist Stadsplanechef och Bo Ek Lind sekreterare"
    spans = [("Eva Ekdahl", "PERSON"), ("Tina Karlbo", "PERSON"), ("Hellqvist", "PERSON"), ("Bo Ek", "PERSON"),
             ("Lind", "PERSON")]
    # "lind" is an ordinary word (the vectors know it): no second surname
    assert _run_with_vectors(text, spans, ["lind"]) == [
        ("Eva Ekdahl", "PERSON"), ("Tina Karlbo Hellqvist", "PERSON"), ("Bo Ek", "PERSON"), ("Lind", "PERSON")]
    # a name with a particle that ner missed whole, where a known first name opens it
    text = "Anna Ek (C), ordförande, Anders van Ekdahr (M), vice ordförande, Stora van Ekdal"
    assert _run(text, [("Anna Ek", "PERSON"), ("C", "PARTY"), ("M", "PARTY")]) == [
        ("Anna Ek", "PERSON"), ("C", "PARTY"), ("Anders van Ekdahr", "PERSON"), ("M", "PARTY")]


def test_a_utilitys_trade_at_a_names_end_makes_it_an_org():
    spans = [("Ekby Energi", "PERSON"), ("Norrby Vatten", "PERSON"), ("Åsby Värme", "PERSON")]
    assert _run("Ekby Energi, Norrby Vatten och Åsby Värme bygger ut.", spans) == [
        ("Ekby Energi", "ORG"), ("Norrby Vatten", "ORG"), ("Åsby Värme", "ORG")]


def test_an_associations_kind_at_either_end_and_an_anonymised_field_after_a_name():
    spans = [("Ekby Brassband", "PERSON"), ("Eva Ek-sällskapet", "PERSON"), ("Folkdanslaget Ekbyringen", "PERSON"),
             ("Anna Ekdahl XXXX", "PERSON")]
    assert _run("Bidrag: Ekby Brassband, Eva Ek-sällskapet och Folkdanslaget Ekbyringen. Handläggare: Anna Ekdahl "
                "XXXX, XXXX.", spans) == [("Ekby Brassband", "ORG"), ("Eva Ek-sällskapet", "ORG"),
                                           ("Folkdanslaget Ekbyringen", "ORG"), ("Anna Ekdahl", "PERSON")]


def test_a_double_first_name_with_a_unicode_hyphen_and_short_first_names_are_known():
    from svpol.components.person_spans import is_first_name

    assert all(map(is_first_name, ("Per\u2010Arne", "Anna\u2011Karin", "Anki", "Ivo")))


def test_a_villages_house_at_a_names_end_makes_it_an_org():
    spans = [("Ekby Hembygdsgård", "PERSON"), ("Norrby Ordenshus", "PERSON")]
    assert _run("Möte i Ekby Hembygdsgård och Norrby Ordenshus.", spans) == [
        ("Ekby Hembygdsgård", "ORG"), ("Norrby Ordenshus", "ORG")]


def test_a_double_first_name_in_lower_case_an_arabic_particle_and_a_local_party_named_in_words():
    from svpol.components.person_spans import is_first_name

    # a register's lower-case second part: both parts must be first names ("Ann-ekby" is none)
    assert is_first_name("Ann-sofie") and is_first_name("Rose-marie") and not is_first_name("Ann-ekby")
    assert _run("Förslag från Ann-sofie Ekvall-Lund (S).", [("Ekvall-Lund", "PERSON"), ("S", "PARTY")]) == [
        ("Ann-sofie Ekvall-Lund", "PERSON"), ("S", "PARTY")]
    assert _run_in_order("Eva Ek (S) Omar el Ekbari (S)", [("Eva Ek", "PERSON"), ("S", "PARTY"),
                                                           ("Ekbari", "PERSON"), ("S", "PARTY")]) == [
        ("Eva Ek", "PERSON"), ("S", "PARTY"), ("Omar el Ekbari", "PERSON"), ("S", "PARTY")]
    spans = [("Per Ek", "PERSON"), ("Ekbys Lista", "PERSON"), ("Bo Al", "PERSON"), ("Eva Berg", "PERSON")]
    assert _run("Per Ek (Hela Ekbys Lista) ordförande Bo Al (Ekby Framtidsparti) Eva Berg (Kommunens revisor)",
                spans) == [("Per Ek", "PERSON"), ("Hela Ekbys Lista", "PARTY"), ("Bo Al", "PERSON"),
                           ("Ekby Framtidsparti", "PARTY"), ("Eva Berg", "PERSON")]


def test_a_run_of_names_with_first_names_added_in_v547():
    text = "Ledamöter Jana Ekström Halina Lund Margareth Berg Tilda Ek"
    assert _run(text, [("Jana Ekström Halina", "PERSON"), ("Lund Margareth Berg", "PERSON"), ("Tilda Ek", "PERSON")]) == [
        ("Jana Ekström", "PERSON"), ("Halina Lund", "PERSON"), ("Margareth Berg", "PERSON"), ("Tilda Ek", "PERSON")]


def test_a_presence_mark_after_a_members_bracket_and_a_protocols_signing_fields_are_no_names():
    spans = [("Bo Ek", "PERSON"), ("C", "PARTY"), ("Dag Lund", "PERSON"), ("L", "PARTY")]
    assert _run_in_order("Bo Ek (C) N Dag Lund (L) F", spans) == spans
    # ... while before a surname alone the initial is the first name's
    spans = [("Bo Ek", "PERSON"), ("V", "PARTY"), ("Ekdahl", "PERSON"), ("C", "PARTY")]
    assert _run_in_order("Bo Ek (V) A Ekdahl (C)", spans) == [
        ("Bo Ek", "PERSON"), ("V", "PARTY"), ("A Ekdahl", "PERSON"), ("C", "PARTY")]
    assert _run("Sekreterare Justerandes sign Malin Ek", [("Justerandes", "PERSON"), ("Malin Ek", "PERSON")]) == [
        ("Malin Ek", "PERSON")]
    assert _run("Beslutsmottagare Akten", [("Beslutsmottagare Akten", "PERSON")]) == []
    # a form's label that is a surname too ends the name after a known first name
    assert _run("kl. 8.30 Eva Blad 3. Beslut", [("Eva Blad", "PERSON")]) == [("Eva Blad", "PERSON")]
    assert _run("Per Ek Blad 3", [("Per Ek Blad", "PERSON")]) == [("Per Ek", "PERSON")]


def test_a_units_or_agenda_items_ordinary_word_after_a_first_name_and_surname_leaves_the_span():
    text = ("Divisionschefer Per Ekdal Psykiatri och Eva Norrlid Primärvård. 5 Skola Lars Vedin Begäran om medel. "
            "Mats Ekdals Museum, Eva Norrlid i Norra Backa (S) Lisa Holm Sommar (C) Bo Al Appell, sekreterare")
    spans = [("Per Ekdal Psykiatri", "PERSON"), ("Eva Norrlid Primärvård", "PERSON"), ("Lars Vedin Begäran", "PERSON"),
             ("Mats Ekdals Museum", "PERSON"), ("Eva Norrlid i Norra Backa", "PERSON"), ("Lisa Holm Sommar", "PERSON"),
             ("Bo Al Appell", "PERSON")]
    words = ("psykiatri", "primärvård", "begäran", "museum", "backa", "sommar", "appell")
    # a genitive's noun and a member's place stay (the first may name a facility, the second is the Riksdag's form),
    # and so does a surname before party letters or before an office after a comma
    assert _run_with_vectors(text, spans, words) == [
        ("Per Ekdal", "PERSON"), ("Eva Norrlid", "PERSON"), ("Lars Vedin", "PERSON"), ("Mats Ekdals Museum", "PERSON"),
        ("Eva Norrlid i Norra Backa", "PERSON"), ("Lisa Holm Sommar", "PERSON"), ("Bo Al Appell", "PERSON")]


def test_local_party_letters_after_a_names_comma_in_a_list_that_writes_parties_so():
    text = "Ledamöter Eva Ek, (S), Ekby Bo Al, (M), Norrby Lena Berg, (C), Borby Per Ny, (NS), Ekby"
    spans = [("Eva Ek", "PERSON"), ("S", "PARTY"), ("Ekby", "LOC"), ("Bo Al", "PERSON"), ("M", "PARTY"),
             ("Norrby", "LOC"), ("Lena Berg", "PERSON"), ("C", "PARTY"), ("Borby", "LOC"), ("Per Ny", "PERSON")]
    assert ("NS", "PARTY") in _run(text, spans)
    # one name's comma and bracket alone make no such list
    assert _run("Per Ny, (NS) talade", [("Per Ny", "PERSON")]) == [("Per Ny", "PERSON")]


def test_a_double_surname_with_a_spaced_hyphen_before_party_letters_is_one_person():
    text = "Beslutande Eva Norrlid - Ekdal, (C) Bo Al (M) Per Holm - Vedin (S) och Lisa Ny - Ordförande (S), Lars Berg - Lund"
    spans = [("Eva Norrlid", "PERSON"), ("Ekdal", "PERSON"), ("C", "PARTY"), ("Bo Al", "PERSON"), ("M", "PARTY"),
             ("Per Holm", "PERSON"), ("Vedin", "PERSON"), ("S", "PARTY"), ("Lisa Ny", "PERSON"), ("Lars Berg", "PERSON"),
             ("Lund", "LOC")]
    got = _run(text, spans)
    assert ("Eva Norrlid - Ekdal", "PERSON") in got and ("Per Holm - Vedin", "PERSON") in got
    # an office after the hyphen, and a second part without party letters, stay apart
    assert got[-3:] == [("Lisa Ny", "PERSON"), ("Lars Berg", "PERSON"), ("Lund", "LOC")]


def test_two_initials_joined_by_a_hyphen_open_the_surname_after_them():
    text = "Ledamöter Bo Al (s) E-L Norling-Vedin (s) och förslag från S-V Eva Ek"
    spans = [("Bo Al", "PERSON"), ("Norling-Vedin", "PERSON"), ("Eva Ek", "PERSON")]
    # not before a first name: "S-V" is the parties' letters there
    assert _run(text, spans) == [("Bo Al", "PERSON"), ("E-L Norling-Vedin", "PERSON"), ("Eva Ek", "PERSON")]


def test_a_statements_heading_a_speaker_label_and_a_file_tables_heads_are_form_words():
    # m-v896 … m-v902: "Handläggare: Eva Ek TJÄNSTEUTLÅTANDE", "Talare", "Filnamn Filstorlek"
    got = _run("Handläggare: Eva Ek TJÄNSTEUTLÅTANDE Talare Filnamn Filstorlek Missiv",
               [("Eva Ek TJÄNSTEUTLÅTANDE", "PERSON"), ("Talare", "PERSON"), ("Filnamn Filstorlek", "PERSON"),
                ("Missiv", "PERSON")])
    assert got == [("Eva Ek", "PERSON")]


def test_names_run_together_are_cut_before_first_names_of_many_origins():
    # m-v903 … m-v910: Finnish, Balkan and Southern European first names in a member column
    got = _run("Närvarande Pertti Ekdahl Zita Norrby (S) och Marcelo Ekvall Erja Lund",
               [("Pertti Ekdahl Zita Norrby", "PERSON"), ("Marcelo Ekvall Erja Lund", "PERSON")])
    assert got == [("Pertti Ekdahl", "PERSON"), ("Zita Norrby", "PERSON"), ("Marcelo Ekvall", "PERSON"),
                   ("Erja Lund", "PERSON")]



def test_a_cyrillic_presence_mark_and_a_meetings_fields_leave_the_name():
    # m-v913, m-v914, m-v917: "Х Eva Ek (MP)" from a PDF's text layer
    got = _run("ledamot Bo Al, \u0425 Eva Ekdahl \u0425 kl 9 Partigruppsmöten",
               [("\u0425 Eva Ekdahl", "PERSON"), ("Partigruppsmöten", "PERSON")])
    assert got == [("Eva Ekdahl", "PERSON")]



def test_an_agendas_invited_guests_and_formalities_are_form_words():
    # m-v920: "Sekreterare Inbjudna Eva Ek", "Upprop Formalia"
    got = _run("Sekreterare Inbjudna Eva Ekdahl Upprop Formalia",
               [("Inbjudna Eva Ekdahl", "PERSON"), ("Formalia", "PERSON")])
    assert got == [("Eva Ekdahl", "PERSON")]


def test_a_columns_heading_of_ordinary_words_between_rows_is_no_name():
    # m-v929: the list's second heading between two members' rows, with letters before it and a mark after it
    text = "Bo Ekdal S X Eva Norrlid C Närvarande Ersättare X Lars Vedin M X Lisa Holm KD"
    spans = [("Bo Ekdal", "PERSON"), ("S", "PARTY"), ("Eva Norrlid", "PERSON"), ("C", "PARTY"), ("M", "PARTY"),
             ("KD", "PARTY")]
    got = _run_with_vectors(text, spans, ("närvarande", "ersättare"))
    assert ("Närvarande Ersättare", "PERSON") not in got
    assert ("Lars Vedin", "PERSON") in got


def test_an_agenda_items_word_after_a_surname_that_ner_read_without_the_first_name_leaves_the_span():
    # m-v829: ner read "Vedin Begäran"; the first name joined in front makes the item's word plain
    text = "5 Skola Lars Vedin Begäran om medel för en förskola."
    assert _run_with_vectors(text, [("Vedin Begäran", "PERSON")], ("begäran",)) == [("Lars Vedin", "PERSON")]


def test_a_member_office_in_one_word_is_no_unlisted_first_name():
    # m-v853, m-v928: "Kommunfullmäktigeledamoten" is an office as "Riksdagsledamoten" is, no name word to join
    text = "Ärende 4) Kommunfullmäktigeledamoten Eva Norrlid (S) vill ha fler lekplatser."
    spans = [("Eva Norrlid", "PERSON"), ("S", "PARTY")]
    assert _run_with_vectors(text, spans, ("ärende", "vill")) == spans


def test_a_houses_kind_before_its_name_makes_it_no_person():
    # m-v824 … m-v933: six such names ner read as a person's, all ORG
    text = "Mat från Hotell Ekbacken, Galleri Svalboet och Dagcenter Solrosen. Pensionat Ekgården stängde."
    spans = [("Hotell Ekbacken", "PERSON"), ("Galleri Svalboet", "PERSON"), ("Dagcenter Solrosen", "PERSON"),
             ("Pensionat Ekgården", "PERSON")]
    assert _run(text, spans) == [(name, "ORG") for name, _ in spans]


def test_a_substitutes_row_names_the_absent_member_then_the_next_member():
    # m-v949: "ersättare för" names whom the substitute stands in for, and the next row's member follows
    text = "Bo Ekdal (S) ersättare för Eva Norrlid Per Vedinsson (S)"
    spans = [("Bo Ekdal", "PERSON"), ("Eva Norrlid Per Vedinsson", "PERSON")]
    assert _run(text, spans) == [("Bo Ekdal", "PERSON"), ("Eva Norrlid", "PERSON"), ("Per Vedinsson", "PERSON")]


def test_a_pages_and_a_departments_labels_leave_the_name():
    # m-v870, m-v927, m-v948: "Rotel III" is a city's department, "Info" a page's label
    assert _run("Eva Norrlid (M), Rotel III", [("Eva Norrlid", "PERSON"), ("Rotel", "PERSON")]) == [
        ("Eva Norrlid", "PERSON")]
    assert _run("Info Ekby kommun", [("Info", "PERSON")]) == []


def test_a_hotel_or_a_foundation_at_a_names_end_makes_it_no_person():
    # m-v955, m-v958
    text = "Möte på Ekbacken Hotell med Ekbys Bostadsstiftelse."
    assert _run(text, [("Ekbacken Hotell", "PERSON"), ("Ekbys Bostadsstiftelse", "PERSON")]) == [
        ("Ekbacken Hotell", "ORG"), ("Ekbys Bostadsstiftelse", "ORG")]


def test_a_notices_meeting_time_label_leaves_the_name():
    # m-v959: the notice's next field after the chair's name
    assert _run("Kallelse Eva Norrlid Sammanträdestid 13.00", [("Eva Norrlid Sammanträdestid", "PERSON")]) == [
        ("Eva Norrlid", "PERSON")]
