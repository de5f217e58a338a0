"""A small mission in three languages, shared by the i18n tests."""

MULTILINGUAL = """\
missionctl: 1
mission:
  id: m
  title: {pt: Missão a Marrocos, fr: Mission au Maroc, en: Mission to Morocco}
  host_country: MA
  timezone: Africa/Casablanca
  start: 2027-05-10
  end: 2027-05-14
  languages: [pt, fr, en]
people:
  ana: {name: Ana Silva, languages: [pt, en], phone: "+351 912 000 001"}
venues:
  plant: {name: {fr: Usine de Nouaceur, pt: Fábrica de Nouaceur}, city: Nouaceur}
events:
  visit:
    kind: visit
    title: {pt: Visita à fábrica, fr: Visite de l'usine, en: Plant visit}
    venue: plant
    start: 2027-05-11 10:00
    end: 12:00
    attendees: [ana]
"""
