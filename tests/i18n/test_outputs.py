"""Outputs in the reader's language, with real Babel data (CLDR) and the real catalogs:
labels, headings, weekdays, months, dates, durations, lists and plurals; multilingual texts
through every export; the default language; machine outputs staying English."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest

from missionctl.cli.app import main
from missionctl.i18n import translator
from missionctl.wording import and_list, day_brief, day_full, minutes_text, span_days

pytest.importorskip("babel")

MISSION = """\
missionctl: 1
mission:
  id: m
  title: {pt: Missão a Marrocos, fr: Mission au Maroc, en: Mission to Morocco}
  host_country: MA
  timezone: Africa/Casablanca
  start: 2027-05-10
  end: 2027-05-14
  languages: [pt, fr, en]
  contact: ana
organisations:
  cluster: {name: {pt: Cluster da Produção, fr: Cluster de la production}, phone: "+351 22"}
  usine: {name: Usine Atlas, type: company}
people:
  ana: {name: Ana Silva, organisation: cluster, languages: [pt, en], phone: "+351 912 000 001",
        role: {pt: Coordenadora, fr: Coordinatrice, en: Coordinator}}
  omar: {name: Omar Fassi, organisation: usine, languages: [ar, fr], phone: "+212 661 000 001"}
  hans: {name: Hans Weber, languages: [de], email: hans@example.org}
venues:
  plant: {name: {fr: Usine de Nouaceur, pt: Fábrica de Nouaceur}, city: Nouaceur}
events:
  visit:
    kind: visit
    title: {pt: Visita à fábrica, fr: Visite de l'usine, en: Plant visit}
    notes: {fr: Chaussures de sécurité, en: Safety shoes}
    venue: plant
    organisation: usine
    language: fr
    start: 2027-05-11 10:00
    end: 12:00
    attendees: [ana, omar, hans]
  coach:
    kind: travel
    mode: coach
    title: Coach back
    from: plant
    to: plant
    start: 2027-05-11 22:30
    end: 2027-05-12 00:30
    attendees: [ana, hans]
"""


@pytest.fixture
def path(tmp_path: Path) -> Path:
    target = tmp_path / "m.yaml"
    target.write_text(MISSION, encoding="utf-8")
    return target


def run(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    code = main(list(args))
    out, err = capsys.readouterr()
    assert code == 0, err
    return out


def test_dates_durations_and_lists_in_each_language() -> None:
    day = date(2027, 5, 11)
    assert [day_full(day, lang) for lang in ("en", "pt", "fr", "ar")] == [
        "Tuesday 11 May 2027", "terça-feira, 11 de maio de 2027", "mardi 11 mai 2027",
        "الثلاثاء، 11 مايو 2027"]
    assert [day_brief(day, lang) for lang in ("en", "pt", "fr")] == [
        "Tue 11 May", "ter., 11 de mai.", "mar. 11 mai"]
    assert [span_days(date(2027, 5, 10), date(2027, 5, 14), lang)
            for lang in ("en", "pt", "fr", "ar")] == [
        # CLDR's spacing: thin spaces around a dash, (narrow) no-break spaces before units.
        "10–14 May 2027", "10\u2009–\u200914 de mai. de 2027", "10–14 mai 2027",
        "10–14 مايو 2027"]
    assert span_days(date(2027, 4, 30), date(2027, 5, 2), "fr") == "30 avr.\u2009–\u20092 mai 2027"
    delta = timedelta(hours=2, minutes=30)
    assert [minutes_text(delta, lang=lang) for lang in ("en", "pt", "fr", "ar")] == [
        "2h30", "2 h e 30 min", "2\u202fh et 30\u00a0min", "2 س و30 د"]
    assert minutes_text(timedelta(minutes=45), lang="fr") == "45\u00a0min"
    words = ["Ana", "Omar", "Hans"]
    assert [and_list(words, lang) for lang in ("en", "pt", "fr", "ar")] == [
        "Ana, Omar and Hans", "Ana, Omar e Hans", "Ana, Omar et Hans", "Ana وOmar وHans"]


def test_plurals_follow_each_language() -> None:
    def people(lang: str, n: int) -> str:
        return translator(lang).ngettext("{n} person taking part", "{n} people taking part",
                                         n).format(n=n)

    assert [people("pt", n) for n in (1, 2)] == ["1 participante", "2 participantes"]
    assert [people("fr", n) for n in (0, 1, 2)] == [
        "0 participant", "1 participant", "2 participants"]  # French: 0 is singular
    # Arabic has six forms: two, a few (3-10), many (11-99), other (100...).
    assert [people("ar", n) for n in (1, 2, 3, 11, 100)] == [
        "مشارك واحد", "مشاركان", "3 مشاركين", "11 مشاركًا", "100 مشارك"]
    assert people("en", 2) == "2 people taking part"


def test_the_default_is_the_mission_s_first_language(capsys: pytest.CaptureFixture[str],
                                                    path: Path) -> None:
    out = run(capsys, "itinerary", str(path))
    assert "Missão a Marrocos" in out
    assert "terça-feira, 11 de maio de 2027" in out
    assert "Visita à fábrica" in out
    assert "Local: Fábrica de Nouaceur" in out
    assert "Visita a: Usine Atlas" in out
    assert "Língua: francês" in out
    assert "Notas: Chaussures de sécurité" in out  # no pt notes: the first written (fr)
    assert "(3 participantes)" in out
    assert "Transporte: Autocarro" in out
    assert "Números de emergência em Marrocos" in out
    assert "– qua., 12 de mai." in out  # the coach ends the next day


def test_each_language_on_request(capsys: pytest.CaptureFixture[str], path: Path) -> None:
    fr = run(capsys, "itinerary", str(path), "--lang", "fr")
    assert "mardi 11 mai 2027" in fr and "Visite de l'usine" in fr
    assert "Lieu\u202f: Usine de Nouaceur" in fr and "(3 participants)" in fr
    en = run(capsys, "itinerary", str(path), "--lang", "en")
    assert "Tuesday 11 May 2027" in en and "Plant visit" in en
    assert "Notes: Safety shoes" in en
    assert "At: Fábrica de Nouaceur" in en  # no en name: the mission's first language (pt)
    ar = run(capsys, "itinerary", str(path), "--lang", "ar", "-f", "markdown")
    assert "## الثلاثاء، 11 مايو 2027" in ar
    assert "- المكان: Fábrica de Nouaceur" in ar  # no ar: the mission's first language


def test_contacts_in_each_language(capsys: pytest.CaptureFixture[str], path: Path) -> None:
    pt = run(capsys, "contacts", str(path))
    assert "Contacto de serviço" in pt and "Coordenadora" in pt and "Cluster da Produção" in pt
    fr = run(capsys, "contacts", str(path), "--lang", "fr", "-f", "markdown")
    assert "## Contact de permanence" in fr and "Coordinatrice" in fr
    assert "| Nom | Fonction | Organisation | Téléphone | Courriel | Langues |" in fr
    ar = run(capsys, "contacts", str(path), "--lang", "ar", "-f", "html")
    assert '<html lang="ar" dir="rtl">' in ar and "جهة الاتصال المناوبة" in ar


def test_multilingual_texts_through_every_export(capsys: pytest.CaptureFixture[str],
                                                 path: Path) -> None:
    doc = json.loads(run(capsys, "itinerary", str(path), "-f", "json", "--lang", "fr"))
    visit = next(e for e in doc["events"] if e["id"] == "visit")
    assert visit["title"] == "Visite de l'usine"
    assert visit["title_i18n"] == {"pt": "Visita à fábrica", "fr": "Visite de l'usine",
                                   "en": "Plant visit"}
    assert doc["mission"]["title"] == "Mission au Maroc"
    assert doc["venues"]["plant"]["name_i18n"]["pt"] == "Fábrica de Nouaceur"
    assert doc["people"]["ana"]["role"] == "Coordinatrice"
    ics = run(capsys, "itinerary", str(path), "-f", "ics", "--lang", "pt")
    assert "SUMMARY:Visita à fábrica" in ics and "X-WR-CALNAME:Missão a Marrocos" in ics
    csv = run(capsys, "itinerary", str(path), "-f", "csv", "--lang", "en")
    assert "Plant visit" in csv and "Visita" not in csv
    html = run(capsys, "itinerary", str(path), "-f", "html", "--lang", "fr")
    assert '<html lang="fr">' in html and "Visite de l&#x27;usine" in html
    vcf = run(capsys, "contacts", str(path), "-f", "vcf", "--lang", "fr")
    assert "ORG:Cluster de la production" in vcf and "TITLE:Coordinatrice" in vcf
    contacts_json = json.loads(run(capsys, "contacts", str(path), "-f", "json", "--lang", "pt"))
    assert contacts_json["mission"]["title"] == "Missão a Marrocos"


def test_per_person_each_in_their_own_language(capsys: pytest.CaptureFixture[str], path: Path,
                                               tmp_path: Path) -> None:
    out = tmp_path / "out"
    run(capsys, "itinerary", str(path), "--per-person", str(out), "-f", "html")
    ana, omar, hans = ((out / f"{p}.html").read_text(encoding="utf-8")
                       for p in ("ana", "omar", "hans"))
    assert '<html lang="pt">' in ana and "Agenda de Ana Silva" in ana
    assert '<html lang="ar" dir="rtl">' in omar and "برنامج Omar Fassi" in omar
    assert '<html lang="pt">' in hans  # German: not written; the mission's first language
    run(capsys, "itinerary", str(path), "--per-person", str(out), "-f", "html", "--lang", "en",
        "--force")
    assert '<html lang="en">' in (out / "omar.html").read_text(encoding="utf-8")


def test_machine_outputs_and_rule_messages_stay_english(capsys: pytest.CaptureFixture[str],
                                                       path: Path) -> None:
    main(["check", str(path), "--format", "json"])
    doc = json.loads(capsys.readouterr().out)
    messages = [f["message"] for f in doc["findings"]]
    assert messages and all("Tue" in m or "has" in m or "'" in m for m in messages)
    assert not any("terça" in m or "mardi" in m for m in messages)


def test_an_unsupported_language_is_refused(capsys: pytest.CaptureFixture[str],
                                            path: Path) -> None:
    code = main(["itinerary", str(path), "--lang", "de"])
    assert code == 2
    assert "'de' is not one of" in capsys.readouterr().err
