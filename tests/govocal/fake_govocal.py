#!/usr/bin/env python3
# -*- coding: utf-8 -*-
"""A fake Go Vocal (CitizenLab) web API server, for inspraak's tests.

It serves the part of the platform's front-end API that a moderation console needs, as
described in the reference the API back end is built from (govocal-web-api.md), seeded with
the data set of tests/fixtures/screen.sql. Python 3 standard library only.

    fake_govocal.py --cert server.pem --key server.key     # HTTPS on 127.0.0.1, a free port
    fake_govocal.py --insecure-http --port 8080            # plain HTTP, for trying things by hand

The first line on stdout is the base URL ("https://127.0.0.1:43121"); the API is under
/web_api/v1. Tests steer the fake through /__fake/... (state, reset, faults). See README.md
next to this file for the seed, the knobs and the fault injections.
"""

import argparse
import base64
import calendar
import hashlib
import hmac
import json
import math
import os
import re
import select
import signal
import socket
import ssl
import sys
import threading
import time
import traceback
import unicodedata
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qsl, quote_plus, unquote, urlsplit

API = "/web_api/v1"
LOCALES = ("nl-BE", "fr-BE", "en")          # the platform's locales (platform.locales)
LANG_LOCALE = {"nl": "nl-BE", "fr": "fr-BE", "en": "en"}
DAY = 86400.0
TENANT_NAME = "testegem"

PARTICIPATION_METHODS = (
    "information", "ideation", "proposals", "native_survey", "community_monitor_survey",
    "document_annotation", "survey", "voting", "poll", "volunteering", "common_ground")
SURVEY_METHODS = ("native_survey", "community_monitor_survey")   # their inputs never list
INPUT_METHODS = ("ideation", "proposals", "voting")               # submission on by default

LOCKED_CODES = ("prescreening", "proposed", "threshold_reached", "expired")
NOT_MANUAL_CODES = ("prescreening", "threshold_reached", "expired")
NON_PUBLIC_CODES = ("prescreening",)

COMMENT_REASONS = ("irrelevant", "inappropriate", "other")
SPAM_REASONS = ("wrong_content", "inappropriate", "other")
TOXICITY = {"spam": "spam", "abuse": "insult"}   # machine_flags.kind -> toxicity_label

# Sorts of GET /ideas: bare key descending, "-key" ascending (§4.2); anything else is a 500.
IDEA_SORTS = ("new", "popular", "trending", "author_name", "status", "likes_count",
              "dislikes_count", "comments_count", "budget", "votes_count", "baskets_count",
              "total_votes", "manual_votes_amount")
COMMENT_SORTS = ("new", "-new", "likes_count", "-likes_count")
TOPIC_SORTS = ("custom", "new", "-new", "projects_count", "-projects_count", "ideas_count",
               "-ideas_count")
GLOBAL_TOPIC_SORTS = ("custom", "new", "-new", "projects_count", "-projects_count")

UNAUTHORIZED = {"errors": {"base": [{"error": "Unauthorized!"}]}}
JSON_TYPE = "application/json; charset=utf-8"


def uid(name):
    """The UUID of a seeded (or created) record: uuid5(NAMESPACE_URL, "<kind>:<id>")."""
    return str(uuid.uuid5(uuid.NAMESPACE_URL, name))


# --- the fixture, transcribed from tests/fixtures/screen.sql ----------------------------------
# Generated from the SQL by this file's own parser and checked against it with
# --check-fixture (the self-test does), so a changed fixture is noticed.

FIXTURE = {
    'platform': (('name_multiloc',), [
        ('{"nl-BE": "Testegem", "en": "Testegem"}',),
    ]),
    'areas': (('id', 'code', 'title_multiloc', 'ordering'), [
        (1, 'centrum', '{"nl-BE": "Centrum", "fr-BE": "Centre", "en": "Centre"}', 1),
        (2, 'noord', '{"nl-BE": "Noord", "fr-BE": "Nord", "en": "North"}', 2),
        (3, 'haven', '{"nl-BE": "Haven", "fr-BE": "Port", "en": "Harbour"}', 3),
    ]),
    'departments': (('id', 'code', 'title_multiloc', 'signature_multiloc', 'ordering'), [
        (1, 'mobiliteit', '{"nl-BE": "Mobiliteit", "en": "Mobility"}', '{"nl-BE": "Dienst Mobiliteit", "en": "Mobility Department"}', 1),
        (2, 'groen', '{"nl-BE": "Groen en Milieu", "en": "Green and Environment"}', '{"nl-BE": "Dienst Groen en Milieu", "en": "Green and Environment Department"}', 2),
        (3, 'cultuur', '{"nl-BE": "Cultuur", "en": "Culture"}', '{"nl-BE": "Dienst Cultuur", "en": "Culture Department"}', 3),
    ]),
    'users': (('id', 'login', 'first_name', 'last_name', 'role', 'locale', 'birth_year', 'gender', 'area_id', 'department_id', 'created_at'), [
        (1, 'postgres', 'Mia', 'Moderator', 'moderator', 'nl-BE', 1980, 'female', None, None, '2025-01-01 10:00'),
        (2, None, 'An', 'Peeters', 'citizen', 'nl-BE', 1985, 'female', 1, None, '2025-02-01 10:00'),
        (3, None, 'Jean', 'Dupont', 'citizen', 'fr-BE', 1972, 'male', 2, None, '2025-03-01 10:00'),
        (4, None, 'Wei', 'Zhang 张伟', 'citizen', 'en', 1999, None, 3, None, '2025-04-01 10:00'),
        (5, None, 'Evil\x1b[2J', 'Name\x1b]0;pwned\x07', 'citizen', 'nl-BE', 2001, 'other', 1, None, '2025-05-01 10:00'),
        (6, None, 'Bart', 'Claes', 'citizen', 'nl-BE', 1958, 'male', 2, None, '2025-06-01 10:00'),
        (7, None, 'Sofie', 'Wouters', 'citizen', 'nl-BE', 1990, 'female', 1, None, '2025-07-01 10:00'),
        (8, None, 'Lotte', 'Janssens', 'project_lead', 'nl-BE', 1988, 'female', None, 1, '2025-08-01 10:00'),
    ]),
    'projects': (('id', 'slug', 'title_multiloc', 'kind', 'ordering'), [
        (1, 'marktplein', '{"nl-BE": "Herinrichting Marktplein", "en": "Market square redesign"}', 'timeline', 1),
        (2, 'ideeenbus', '{"nl-BE": "Ideeënbus", "en": "Idea box"}', 'continuous', 2),
    ]),
    'phases': (('id', 'project_id', 'title_multiloc', 'participation_method', 'start_at', 'end_at'), [
        (1, 1, '{"nl-BE": "Informatie", "en": "Information"}', 'information', '2026-09-01 00:00', '2026-10-01 00:00'),
        (2, 1, '{"nl-BE": "Ideeën verzamelen", "en": "Collecting ideas"}', 'ideation', '2026-10-01 00:00', '2027-01-01 00:00'),
        (3, 1, '{"nl-BE": "Ontwerp", "en": "Design"}', 'information', '2027-01-01 00:00', '2027-04-01 00:00'),
        (4, 2, '{"nl-BE": "Altijd open", "en": "Always open"}', 'ideation', '2025-01-01 00:00', None),
    ]),
    'ideas': (('id', 'project_id', 'phase_id', 'author_id', 'title', 'body', 'lang', 'area_id', 'address', 'status', 'department_id', 'source', 'created_at', 'hidden_at', 'hidden_reason'), [
        (1, 1, 2, 2, 'Meer fietsenstallingen aan het station', 'Aan het station staan de fietsen overal op het voetpad. Graag een overdekte fietsenstalling met plaats voor minstens tweehonderd fietsen.', 'nl', 1, 'Stationsplein 1', 'proposed', None, 'online', '2026-11-02 08:15', None, None),
        (2, 2, 4, 6, 'Fietsenstalling bij het station uitbreiden', 'De fietsenstalling bij het station is elke ochtend vol. Kan die uitgebreid worden, liefst overdekt?', 'nl', 1, None, 'proposed', None, 'online', '2026-11-03 09:30', None, None),
        (3, 1, 2, 7, 'Bankjes op het Marktplein', 'Er zijn te weinig zitbanken op het plein. Oudere mensen kunnen nergens even uitrusten.', 'nl', 1, None, 'proposed', None, 'online', '2026-11-04 10:45', None, None),
        (4, 1, 2, 2, 'Café-terrassen op het Marktplein: één proefproject', "Laat de cafés één zomer lang grotere terrassen zetten, als proef. Ik denk aan een reeël plan met naïeve ideeën: geen auto's, wél zitplaatsen en groen. Coördinatie via de dienst economie.", 'nl', 1, None, 'proposed', None, 'online', '2026-11-05 11:00', None, None),
        (5, 2, 4, 3, 'Plus de pistes cyclables à Noord', "Les pistes cyclables s'arrêtent brusquement à la limite du quartier Nord. Pourriez-vous les prolonger jusqu'à l'école ?", 'fr', 2, None, 'proposed', None, 'online', '2026-11-06 12:10', None, None),
        (6, 2, 4, 4, 'More trees in the harbour area', 'The harbour area is hot and grey in summer. Please plant trees along the quay.', 'en', 3, None, 'proposed', None, 'online', '2026-11-07 13:20', None, None),
        (7, 2, 4, 4, '公园里需要更多的长椅 🌳🪑', '公园很漂亮，但是长椅太少了。Een gezin 👨\u200d👩\u200d👧\u200d👦 wil er picknicken 🇧🇪 en de kinderen 👍🏽 spelen graag.', 'zh', 3, None, 'proposed', None, 'online', '2026-11-08 14:30', None, None),
        (8, 2, 4, 5, 'Gratis \x1b[31mROOD\x1b[0m geld \u202eesrever', 'Klik hier\x1b]52;c;aGVsbG8=\x07 voor geld\x1b[2J\x1b[H. Bel nu\x9b31m!\r\nTweede regel\x08\x08 met \u200fRLM\u200e en \u2066isolaat\u2069.', 'nl', 1, None, 'proposed', None, 'online', '2026-11-09 15:40', None, None),
        (9, 2, 4, 5, 'Goedkope leningen!!! Bel 0470 12 34 56', 'Snel geld lenen zonder gedoe, ook met schulden. Bel 0470 12 34 56 of mail naar snelgeld@voorbeeld.test', 'nl', None, None, 'proposed', None, 'online', '2026-11-10 16:50', None, None),
        (10, 1, 2, 6, 'SCHANDE: de Molenstraat is al drie maanden kapot!!!', 'Het is een schande dat de Molenstraat nog altijd vol putten ligt. Wanneer gaat de gemeente eindelijk iets doen? Dit is levensgevaarlijk voor fietsers.', 'nl', 2, 'Molenstraat', 'proposed', None, 'online', '2026-11-11 17:05', None, None),
        (11, 1, 2, None, 'Speeltuin bij de school in Noord', 'Op de infoavond vroeg een bewoner om een kleine speeltuin bij de school in Noord.', 'nl', 2, None, 'proposed', None, 'offline', '2026-11-12 18:15', None, None),
        (12, 2, 4, 5, 'Verborgen reclame', 'Dit bericht is al verborgen door een moderator.', 'nl', None, None, 'proposed', None, 'online', '2026-11-13 19:25', '2026-11-13 20:00', 'Reclame'),
        (13, 2, 4, 7, 'Glascontainers leegmaken in het weekend', 'De glasbollen aan de haven zitten elk weekend vol.', 'nl', 3, None, 'accepted', 2, 'online', '2026-10-14 20:35', None, None),
        (14, 2, 4, 6, 'Een lang verhaal over de haven', "Eerste alinea over de haven, de kaaimuur en de oude loodsen die al jaren leeg staan. De gemeente zou daar iets mee kunnen doen: een markt, ateliers voor kunstenaars, of een plek voor jongeren.\n\nTweede alinea: de parking aan de haven is te groot voor wat er nu gebeurt. Een deel kan groen worden, met bomen en banken, zodat mensen er in de zomer kunnen zitten.\n\nDerde alinea: de verlichting langs de kaai is slecht, waardoor het er 's avonds onveilig aanvoelt. Meer licht, maar wel zuinig en zonder de vleermuizen te storen.\n\nVierde alinea: een fietsverbinding van de haven naar het station zou veel mensen uit de auto halen.\n\nVijfde alinea: tot slot zou een jaarlijks havenfeest de buurt samenbrengen.", 'nl', 3, 'Kaai 12', 'proposed', None, 'online', '2026-11-01 07:05', None, None),
    ]),
    'votes': (('idea_id', 'user_id', 'mode'), [
        (1, 3, 'up'),
        (1, 4, 'up'),
        (1, 6, 'up'),
        (1, 7, 'up'),
        (2, 2, 'up'),
        (2, 7, 'up'),
        (3, 2, 'up'),
        (3, 6, 'down'),
        (4, 7, 'up'),
        (10, 2, 'up'),
        (10, 3, 'up'),
        (10, 7, 'up'),
    ]),
    'comments': (('id', 'idea_id', 'author_id', 'body', 'lang', 'created_at'), [
        (1, 1, 3, 'Goed idee, de fietsen staan echt overal.', 'nl', '2026-11-02 12:00'),
        (2, 1, 5, 'Fietsers zijn allemaal idioten, laat ze maar te voet gaan.', 'nl', '2026-11-02 13:00'),
        (3, 10, 7, 'Helemaal akkoord, ik val er bijna elke dag.', 'nl', '2026-11-11 18:00'),
    ]),
    'citizen_reports': (('idea_id', 'comment_id', 'reporter_id', 'reason_code', 'other_reason', 'created_at'), [
        (9, None, 2, 'wrong_content', None, '2026-11-10 17:00'),
        (9, None, 6, 'other', 'Oplichting met leningen', '2026-11-10 18:00'),
        (10, None, 4, 'inappropriate', None, '2026-11-11 19:00'),
        (None, 2, 6, 'inappropriate', None, '2026-11-02 14:00'),
    ]),
    'machine_flags': (('idea_id', 'kind', 'score', 'reasons', 'model_version', 'created_at'), [
        (9, 'spam', 0.97, '["telefoonnummer", "e-mailadres", "geld"]', 'spam-test-1', '2026-11-10 16:51'),
    ]),
    'duplicate_suggestions': (('idea_a', 'idea_b', 'score', 'method', 'reasons', 'created_at'), [
        (1, 2, 0.78, 'pg_trgm', '["fietsenstalling", "station"]', '2026-11-03 09:31'),
        (3, 4, 0.31, 'pg_trgm', '["marktplein"]', '2026-11-05 11:01'),
    ]),
    'official_feedback': (('idea_id', 'author_id', 'department_id', 'signature', 'body', 'locale', 'created_at'), [
        (13, 1, 2, 'Dienst Groen en Milieu', 'Beste inwoner, bedankt voor uw melding. Vanaf volgende maand worden de glasbollen aan de haven ook op zaterdag geleegd.', 'nl-BE', '2026-10-20 10:00'),
    ]),
}

# Accounts for the fixture's users (the fixture has no e-mail addresses or passwords) and
# the fake's own extra users. roles use fixture project ids; they become UUIDs when seeding.
ACCOUNTS = {
    1: ("mia.moderator@testegem.test", "mia-password", [{"type": "admin"}]),
    2: ("an.peeters@testegem.test", "citizen-password", []),
    3: ("jean.dupont@testegem.test", "citizen-password", []),
    4: ("wei.zhang@testegem.test", "citizen-password", []),
    5: ("evil.name@testegem.test", "citizen-password", []),
    6: ("bart.claes@testegem.test", "citizen-password", []),
    7: ("sofie.wouters@testegem.test", "citizen-password", []),
    8: ("lotte.janssens@testegem.test", "lotte-password",
        [{"type": "project_moderator", "project_id": 1}]),
}
# id, first name, last name, locale, created (Brussels), e-mail, password, roles, invited
EXTRA_USERS = [
    (101, "Sam", "Support", "nl-BE", "2025-09-01 10:00", "sam.support@testegem.test",
     "support-password", [], False),
    (102, "Ines", "Invited", "nl-BE", "2025-10-01 10:00", "ines.invited@testegem.test",
     "invited-password", [], True),
]
SSO_DOMAIN = "sso.testegem.test"
SEED_CREATED = "2025-01-01 09:00"   # for seeded records the fixture gives no time for

# Idea statuses: the ideation ones are the fixture schema's idea_statuses (key, Go Vocal code,
# title, colour, ordering; db/0001_schema.sql), plus prescreening; the proposals ones are a
# current platform's. Ideation statuses are uuid5("idea_status:<key>"), proposals ones
# uuid5("idea_status:proposals:<code>").
IDEATION_STATUSES = [
    ("prescreening", "prescreening",
     {"nl-BE": "Voorafgaande screening", "fr-BE": "Présélection", "en": "Prescreening"},
     "#4f81bd", 5),
    ("proposed", "proposed", {"nl-BE": "Nieuw", "fr-BE": "Nouveau", "en": "New"}, "#687782", 10),
    ("viewed", "viewed", {"nl-BE": "Bekeken", "fr-BE": "Vu", "en": "Viewed"}, "#4d85c4", 20),
    ("under_consideration", "under_consideration",
     {"nl-BE": "In behandeling", "fr-BE": "À l'étude", "en": "Under consideration"},
     "#e0a100", 30),
    ("accepted", "accepted", {"nl-BE": "Aanvaard", "fr-BE": "Accepté", "en": "Accepted"},
     "#3f8f3f", 40),
    ("planned", "custom",
     {"nl-BE": "Al gepland", "fr-BE": "Déjà prévu", "en": "Already planned"}, "#2f7f6f", 50),
    ("implemented", "implemented",
     {"nl-BE": "Uitgevoerd", "fr-BE": "Réalisé", "en": "Implemented"}, "#1f6f1f", 60),
    ("rejected", "rejected", {"nl-BE": "Afgewezen", "fr-BE": "Refusé", "en": "Rejected"},
     "#b03a2e", 70),
    ("forwarded", "custom", {"nl-BE": "Doorgestuurd", "fr-BE": "Transmis", "en": "Forwarded"},
     "#7d5ba6", 80),
    ("merged", "custom", {"nl-BE": "Samengevoegd", "fr-BE": "Fusionné", "en": "Merged"},
     "#8c8c8c", 90),
]
PROPOSAL_STATUSES = [
    ("prescreening", {"nl-BE": "Voorafgaande screening", "fr-BE": "Présélection",
                      "en": "Prescreening"}, "#4f81bd", 5),
    ("proposed", {"nl-BE": "Handtekeningen verzamelen", "fr-BE": "Collecte de signatures",
                  "en": "Collecting support"}, "#687782", 10),
    ("threshold_reached", {"nl-BE": "Drempel bereikt", "fr-BE": "Seuil atteint",
                           "en": "Threshold reached"}, "#3f8f3f", 20),
    ("expired", {"nl-BE": "Verlopen", "fr-BE": "Expiré", "en": "Expired"}, "#8c8c8c", 30),
    ("answered", {"nl-BE": "Beantwoord", "fr-BE": "Répondu", "en": "Answered"}, "#1f6f1f", 40),
    ("ineligible", {"nl-BE": "Niet ontvankelijk", "fr-BE": "Non recevable",
                    "en": "Ineligible"}, "#b03a2e", 50),
]


# --- a reader for the fixture's SQL (for --check-fixture) -------------------------------------

_NUM = re.compile(r"-?\d+(?:\.\d+)?")
_IDENT = re.compile(r"[A-Za-z_][A-Za-z0-9_.]*")


def _sql_string(text, i, escapes):
    out = []
    n = len(text)
    while i < n:
        c = text[i]
        if c == "'":
            if i + 1 < n and text[i + 1] == "'":
                out.append("'")
                i += 2
                continue
            return "".join(out), i + 1
        if escapes and c == "\\" and i + 1 < n:
            d = text[i + 1]
            simple = {"b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t"}
            if d in simple:
                out.append(simple[d])
                i += 2
            elif d == "x":
                m = re.compile(r"[0-9A-Fa-f]{1,2}").match(text, i + 2)
                out.append(chr(int(m.group(0), 16)))
                i = m.end()
            elif d == "u":
                out.append(chr(int(text[i + 2:i + 6], 16)))
                i += 6
            elif d == "U":
                out.append(chr(int(text[i + 2:i + 10], 16)))
                i += 10
            elif d in "01234567":
                m = re.compile(r"[0-7]{1,3}").match(text, i + 1)
                out.append(chr(int(m.group(0), 8)))
                i = m.end()
            else:
                out.append(d)
                i += 2
            continue
        out.append(c)
        i += 1
    raise ValueError("unterminated string literal")


def sql_statements(text):
    """The script as a list of statements, each a list of (kind, value) tokens."""
    stmts, toks, i, n = [], [], 0, len(text)
    while i < n:
        c = text[i]
        if c.isspace():
            i += 1
        elif text.startswith("--", i):
            j = text.find("\n", i)
            i = n if j < 0 else j
        elif c in "Ee" and i + 1 < n and text[i + 1] == "'":
            s, i = _sql_string(text, i + 2, True)
            toks.append(("str", s))
        elif c == "'":
            s, i = _sql_string(text, i + 1, False)
            toks.append(("str", s))
        elif c == ";":
            stmts.append(toks)
            toks = []
            i += 1
        elif (c.isdigit() or c == "-") and _NUM.match(text, i):
            m = _NUM.match(text, i)
            v = m.group(0)
            toks.append(("num", float(v) if "." in v else int(v)))
            i = m.end()
        elif _IDENT.match(text, i):
            m = _IDENT.match(text, i)
            toks.append(("id", m.group(0).lower()))
            i = m.end()
        else:
            toks.append(("p", c))
            i += 1
    if toks:
        stmts.append(toks)
    return stmts


def sql_fixture_rows(text):
    """{table: [row dict, ...]} from the script's inserts, with its updates (by id) applied."""
    tables = {}
    for st in sql_statements(text):
        if len(st) > 3 and st[0] == ("id", "insert") and st[1] == ("id", "into"):
            table = st[2][1]
            k = 3
            if st[k] != ("p", "("):
                raise ValueError("insert into %s without a column list" % table)
            cols = []
            k += 1
            while st[k] != ("p", ")"):
                if st[k][0] == "id":
                    cols.append(st[k][1])
                k += 1
            k += 1
            if st[k] != ("id", "values"):
                raise ValueError("insert into %s is not a values list" % table)
            k += 1
            rows = tables.setdefault(table, [])
            while k < len(st):
                if st[k] == ("p", "("):
                    vals = []
                    k += 1
                    while st[k] != ("p", ")"):
                        kind, v = st[k]
                        if kind in ("str", "num"):
                            vals.append(v)
                        elif kind == "id" and v in ("null", "true", "false"):
                            vals.append({"null": None, "true": True, "false": False}[v])
                        elif (kind, v) != ("p", ","):
                            raise ValueError("unexpected %r in insert into %s" % (v, table))
                        k += 1
                    if len(vals) != len(cols):
                        raise ValueError("a row of %s has %d values for %d columns"
                                         % (table, len(vals), len(cols)))
                    rows.append(dict(zip(cols, vals)))
                k += 1
        elif len(st) > 3 and st[0] == ("id", "update"):
            table = st[1][1]
            k = 3
            sets = {}
            while k < len(st) and st[k] != ("id", "where"):
                if st[k][0] == "id" and k + 2 < len(st) and st[k + 1] == ("p", "="):
                    kind, v = st[k + 2]
                    sets[st[k][1]] = None if (kind, v) == ("id", "null") else v
                    k += 3
                else:
                    k += 1
            if st[k + 1:k + 3] != [("id", "id"), ("p", "=")]:
                raise ValueError("update of %s not by id" % table)
            for row in tables.get(table, []):
                if row.get("id") == st[k + 3][1]:
                    row.update(sets)
    return tables


def check_fixture(path):
    """Compare the embedded FIXTURE with the SQL file; print differences; True when equal."""
    with open(path, encoding="utf-8") as f:
        parsed = sql_fixture_rows(f.read())
    ok = True
    for table in sorted(set(parsed) | set(FIXTURE)):
        if table not in FIXTURE:
            print("table %s is in %s but not in the fake's seed" % (table, path))
            ok = False
            continue
        if table not in parsed:
            print("table %s is in the fake's seed but not in %s" % (table, path))
            ok = False
            continue
        cols, rows = FIXTURE[table]
        want = [dict(zip(cols, r)) for r in rows]
        got = [dict((c, r.get(c)) for c in cols) for r in parsed[table]]
        extra = set(c for r in parsed[table] for c in r) - set(cols)
        if extra:
            print("table %s has columns the fake does not know: %s"
                  % (table, ", ".join(sorted(extra))))
            ok = False
        if len(want) != len(got):
            print("table %s: %d rows in the seed, %d in %s" % (table, len(want), len(got), path))
            ok = False
        for a, b in zip(want, got):
            if a != b:
                print("table %s differs:\n  seed:    %r\n  fixture: %r" % (table, a, b))
                ok = False
    return ok


# --- time --------------------------------------------------------------------------------------

def _last_sunday(year, month):
    last = calendar.monthrange(year, month)[1]
    return last - (calendar.weekday(year, month, last) + 1) % 7


def _utc(y, mo, d, h=0, mi=0, s=0):
    return float(calendar.timegm((y, mo, d, h, mi, s, 0, 0, 0)))


def brussels_dst(ts):
    """Is summer time in force in Europe/Brussels at this instant (EU rule)?"""
    y = time.gmtime(ts).tm_year
    return _utc(y, 3, _last_sunday(y, 3), 1) <= ts < _utc(y, 10, _last_sunday(y, 10), 1)


def brussels(y, mo, d, h=0, mi=0, s=0):
    """A wall-clock time in Europe/Brussels as a Unix time."""
    naive = _utc(y, mo, d, h, mi, s)
    ts = naive - 3600
    return naive - 7200 if brussels_dst(ts) else ts


def fx_time(text):
    """A fixture timestamp ("2026-11-02 08:15", Brussels) as a Unix time."""
    if text is None:
        return None
    m = re.match(r"^(\d{4})-(\d\d)-(\d\d)(?: (\d\d):(\d\d)(?::(\d\d))?)?$", text)
    return brussels(*[int(g or 0) for g in m.groups()])


_ISO = re.compile(r"^(\d{4})-(\d\d)-(\d\d)(?:[T ](\d\d):(\d\d)(?::(\d\d)(?:\.(\d{1,9}))?)?"
                  r"\s*(Z|z|[+-]\d\d:?\d\d|UTC)?)?$")


def parse_time(value):
    """A date or timestamp from a request as a Unix time, or None when it does not parse
    (Rails casts an unparsable date to nil). A date, or a time without zone, is read in the
    platform's zone, Europe/Brussels."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return float(value)
    if not isinstance(value, str):
        return None
    m = _ISO.match(value.strip())
    if not m:
        return None
    y, mo, d, h, mi, s, frac, zone = m.groups()
    try:
        if not (1 <= int(mo) <= 12 and 1 <= int(d) <= calendar.monthrange(int(y), int(mo))[1]
                and int(h or 0) < 24 and int(mi or 0) < 60 and int(s or 0) < 61):
            return None
    except ValueError:
        return None
    f = float("0." + frac) if frac else 0.0
    args = (int(y), int(mo), int(d), int(h or 0), int(mi or 0), int(s or 0))
    if h is None or zone is None:
        return brussels(*args) + f
    ts = _utc(*args) + f
    if zone not in ("Z", "z", "UTC"):
        sign = 1 if zone[0] == "+" else -1
        digits = zone[1:].replace(":", "")
        ts -= sign * (int(digits[:2]) * 3600 + int(digits[2:]) * 60)
    return ts


def iso(ts):
    """"2025-03-01T09:12:44.123Z", as Rails renders a time."""
    if ts is None:
        return None
    ms = int(round(ts * 1000))
    sec, ms = divmod(ms, 1000)
    return time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(sec)) + ".%03dZ" % ms


# --- text --------------------------------------------------------------------------------------

def html_escape(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def text_to_html(text):
    """An idea body or feedback as the platform stores it: sanitised HTML, one <p> per
    paragraph (blank line). Everything else (control characters too) is kept as written."""
    paras = [p for p in text.split("\n\n")]
    return "".join("<p>%s</p>" % html_escape(p) for p in paras)


_TAG = re.compile(r"<[^>]*>")


def strip_tags(s):
    return _TAG.sub(" ", s).replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def fold(s):
    """Lower case without accents, for search."""
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c)).casefold()


_WORD = re.compile(r"\w+", re.UNICODE)


def words(*texts):
    out = []
    for t in texts:
        if t:
            out.extend(_WORD.findall(fold(t)))
    return out


def prefix_match(query, texts):
    """pg_search with prefix: every word of the query begins some word of the texts."""
    terms = words(query)
    if not terms:
        return True
    have = words(*texts)
    return all(any(w.startswith(t) for w in have) for t in terms)


def slugify(text, fallback):
    s = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    s = re.sub(r"[^a-z0-9]+", "-", s).strip("-")
    return s or fallback


def multiloc_values(m):
    return [v for v in (m or {}).values() if isinstance(v, str)]


def multiloc_blank(m):
    """A multiloc with no non-empty value (tags alone count as empty)."""
    return not any(strip_tags(v).strip() for v in multiloc_values(m))


def clean_multiloc(value):
    """A multiloc from a request: unsupported locale keys dropped; not an object: empty."""
    if not isinstance(value, dict):
        return {}
    return dict((k, v) for k, v in value.items() if k in LOCALES and isinstance(v, str))


def json_bytes(obj):
    """JSON as Rails renders it: UTF-8, and <, >, &, U+2028, U+2029 escaped."""
    s = json.dumps(obj, ensure_ascii=False, separators=(",", ":"))
    s = (s.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
         .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))
    return s.encode("utf-8", "backslashreplace")


def to_bool(v):
    """ActiveModel's boolean cast: false for false, 0, "0", "f", "false", "off", ...; None
    for nil and ""."""
    if v is None or v == "":
        return None
    if isinstance(v, bool):
        return v
    return str(v).lower() not in ("0", "f", "false", "off", "no", "n")


def to_int(v, default):
    try:
        return int(str(v).strip())
    except (TypeError, ValueError):
        return default


def b64url(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def b64url_decode(s):
    return base64.urlsafe_b64decode(s + "=" * (-len(s) % 4))


# --- Rails-style query strings -----------------------------------------------------------------

_KEY = re.compile(r"^([^\[\]]+)((?:\[[^\[\]]*\])*)$")


def parse_query(qs):
    """Rack's parse_nested_query for the shapes the API uses: a=1, a[]=1&a[]=2, a[b]=1."""
    params = {}
    for k, v in parse_qsl(qs, keep_blank_values=True):
        m = _KEY.match(k)
        if not m:
            params[k] = v
            continue
        base, subs = m.group(1), re.findall(r"\[([^\[\]]*)\]", m.group(2))
        _assign(params, base, subs, v)
    return params


def _assign(d, key, subs, v):
    if not subs:
        d[key] = v
    elif subs[0] == "":
        cur = d.get(key)
        if not isinstance(cur, list):
            cur = d[key] = []
        cur.append(v)
    else:
        cur = d.get(key)
        if not isinstance(cur, dict):
            cur = d[key] = {}
        _assign(cur, subs[0], subs[1:], v)


def _cgi(s):
    return quote_plus(str(s), safe="")


def to_query(value, prefix=None):
    """Hash#to_query (ActiveSupport): keys sorted, brackets percent-encoded."""
    if isinstance(value, dict):
        parts = []
        for k, v in value.items():
            if isinstance(v, (dict, list)) and not v:
                continue
            parts.append(to_query(v, "%s[%s]" % (prefix, k) if prefix else str(k)))
        return "&".join(sorted(p for p in parts if p))
    if isinstance(value, list):
        return "&".join(to_query(v, prefix + "[]") for v in value)
    return "%s=%s" % (_cgi(prefix), _cgi("" if value is None else value))


def plist(params, name):
    """A parameter as a list of non-empty strings: a[]=x&a[]=y, a=x, or a[0]=x."""
    v = params.get(name)
    if isinstance(v, list):
        return [x for x in v if isinstance(x, str) and x != ""]
    if isinstance(v, dict):
        return [x for x in v.values() if isinstance(x, str) and x != ""]
    if isinstance(v, str) and v != "":
        return [v]
    return []


def pstr(params, name):
    v = params.get(name)
    if isinstance(v, str):
        return v
    return None


# --- the seed ------------------------------------------------------------------------------

def fixture_rows(table):
    cols, rows = FIXTURE[table]
    return [dict(zip(cols, r)) for r in rows]


# A seed from a file (--seed, written by seed-from-db.sh) instead of the embedded fixture: the
# same tables and columns. Its people get accounts made up from them: e-mail LOGIN@SEED_DOMAIN
# (or user<ID>@...), password SEED_PASSWORD; admins and moderators become platform admins and
# project leads moderators of every project, as the console's roles mean.
SEED_DOMAIN = "demo.test"
SEED_PASSWORD = "demo-password"
SEEDED_FROM_FILE = [False]


def load_seed(path):
    with open(path, encoding="utf-8") as f:
        doc = json.load(f)
    FIXTURE.clear()
    for table, t in doc.items():
        FIXTURE[table] = (tuple(t["columns"]), [tuple(r) for r in t["rows"]])
    projects = [r["id"] for r in fixture_rows("projects")]
    ACCOUNTS.clear()
    for row in fixture_rows("users"):
        role = row.get("role")
        if role in ("admin", "moderator"):
            roles = [{"type": "admin"}]
        elif role == "project_lead":
            roles = [{"type": "project_moderator", "project_id": p} for p in projects]
        else:
            roles = []
        ACCOUNTS[row["id"]] = ("%s@%s" % (row.get("login") or "user%d" % row["id"], SEED_DOMAIN),
                               SEED_PASSWORD, roles)
    SEEDED_FROM_FILE[0] = True


class Store(object):
    """Everything the fake knows; replaced wholesale by a reset."""

    def __init__(self):
        self.ids = {}              # "idea:1" -> UUID, for every seeded or created record
        self.users = {}
        self.projects = {}
        self.phases = {}
        self.statuses = {}
        self.ideas = {}
        self.votes = []            # (idea id, user id, "up" | "down")
        self.comments = {}
        self.feedback = {}
        self.reports = {}
        self.flags = {}            # flag id -> flag; flaggable ("Idea", id) -> flag id below
        self.flag_of = {}
        self.moderation = {}       # ("Idea" | "Comment", id) -> "read" | "unread"
        self.areas = {}
        self.global_topics = {}
        self.input_topics = {}
        self.next_id = {}
        self.machine = {}          # flaggable -> fixture machine flag (score, reasons)

    def key(self, kind, n):
        k = "%s:%s" % (kind, n)
        self.ids[k] = uid(k)
        return k, self.ids[k]

    def new_key(self, kind):
        n = self.next_id.get(kind, 100) + 1
        self.next_id[kind] = n
        return self.key(kind, n)


def build_seed():
    s = Store()
    for kind in ("user", "project", "phase", "idea", "comment", "official_feedback",
                 "spam_report", "area", "input_topic", "global_topic"):
        s.next_id[kind] = 100

    for row in fixture_rows("areas"):
        k, i = s.key("area", row["id"])
        s.areas[i] = {"id": i, "key": k, "title_multiloc": json.loads(row["title_multiloc"]),
                      "description_multiloc": {}, "ordering": row["ordering"],
                      "include_in_onboarding": False, "followers_count": 0,
                      "created_at": fx_time(SEED_CREATED), "code": row["code"]}

    for row in fixture_rows("projects"):
        k, i = s.key("project", row["id"])
        s.projects[i] = {
            "id": i, "key": k, "slug": row["slug"],
            "title_multiloc": json.loads(row["title_multiloc"]),
            "description_multiloc": {}, "description_preview_multiloc": {},
            "publication_status": "published", "visible_to": "public", "folder_id": None,
            "ordering": row["ordering"], "default_assignee_id": None, "area_ids": [],
            "topic_ids": [], "kind": row["kind"],
            "created_at": fx_time(SEED_CREATED), "updated_at": fx_time(SEED_CREATED)}

    def roles_for(fixture_roles):
        out = []
        for r in fixture_roles:
            r = dict(r)
            if "project_id" in r:
                r["project_id"] = uid("project:%d" % r["project_id"])
            out.append(r)
        return out

    for row in fixture_rows("users"):
        k, i = s.key("user", row["id"])
        email, password, roles = ACCOUNTS[row["id"]]
        s.users[i] = {"id": i, "key": k, "first_name": row["first_name"],
                      "last_name": row["last_name"], "locale": row["locale"],
                      "email": email, "password": password, "roles": roles_for(roles),
                      "created_at": fx_time(row["created_at"]), "blocked_until": None,
                      "invite_pending": False, "login": row["login"]}
    for (n, first, last, locale, created, email, password, roles, invited) in \
            ([] if SEEDED_FROM_FILE[0] else EXTRA_USERS):
        k, i = s.key("user", n)
        s.users[i] = {"id": i, "key": k, "first_name": first, "last_name": last,
                      "locale": locale, "email": email, "password": password,
                      "roles": roles_for(roles), "created_at": fx_time(created),
                      "blocked_until": None, "invite_pending": invited, "login": None}
    s.next_id["user"] = max([100] + [e[0] for e in EXTRA_USERS] +
                            [r["id"] for r in fixture_rows("users")])

    for row in fixture_rows("phases"):
        k, i = s.key("phase", row["id"])
        m = row["participation_method"]
        s.phases[i] = {
            "id": i, "key": k, "project_id": uid("project:%d" % row["project_id"]),
            "title_multiloc": json.loads(row["title_multiloc"]), "description_multiloc": {},
            "participation_method": m, "start_at": fx_time(row["start_at"]),
            "end_at": fx_time(row["end_at"]), "submission_enabled": m in INPUT_METHODS,
            "commenting_enabled": m in INPUT_METHODS, "reacting_enabled": m in INPUT_METHODS,
            "input_term": "idea", "created_at": fx_time(SEED_CREATED),
            "updated_at": fx_time(SEED_CREATED)}

    for (key, code, title, color, ordering) in IDEATION_STATUSES:
        k, i = s.key("idea_status", key)
        s.statuses[i] = {"id": i, "key": k, "code": code, "title_multiloc": title,
                         "description_multiloc": {}, "color": color, "ordering": ordering,
                         "participation_method": "ideation"}
    for (code, title, color, ordering) in PROPOSAL_STATUSES:
        k, i = s.key("idea_status", "proposals:" + code)
        s.statuses[i] = {"id": i, "key": k, "code": code, "title_multiloc": title,
                         "description_multiloc": {}, "color": color, "ordering": ordering,
                         "participation_method": "proposals"}

    users_by_n = dict((u["key"], u) for u in s.users.values())
    slugs = set()
    for row in fixture_rows("ideas"):
        k, i = s.key("idea", row["id"])
        author = users_by_n.get("user:%s" % row["author_id"]) if row["author_id"] else None
        locale = LANG_LOCALE.get(row["lang"]) or (author and author["locale"]) or "nl-BE"
        hidden = row.get("hidden_at") is not None
        status_key = "prescreening" if hidden else row["status"]
        slug = base = slugify(row["title"], "idea")
        n = 1
        while slug in slugs:
            slug = "%s-%d" % (base, n)
            n += 1
        slugs.add(slug)
        created = fx_time(row["created_at"])
        s.ideas[i] = {
            "id": i, "key": k, "project_id": uid("project:%d" % row["project_id"]),
            "phase_ids": [uid("phase:%d" % row["phase_id"])] if row["phase_id"] else [],
            "author_id": author["id"] if author else None,
            "title_multiloc": {locale: row["title"]},
            "body_multiloc": {locale: text_to_html(row["body"])},
            "slug": slug, "publication_status": "submitted" if hidden else "published",
            "idea_status_id": uid("idea_status:%s" % status_key), "assignee_id": None,
            "location_description": row["address"], "location_point_geojson": None,
            "created_at": created,
            "updated_at": fx_time(row["hidden_at"]) if hidden else created,
            "submitted_at": created, "published_at": None if hidden else created,
            "budget": None, "proposed_budget": None, "manual_votes_amount": None,
            "votes_count": 0, "baskets_count": 0, "input_topic_ids": [], "anonymous": False}

    for row in fixture_rows("votes"):
        s.votes.append((uid("idea:%d" % row["idea_id"]), uid("user:%d" % row["user_id"]),
                        row["mode"]))

    for row in fixture_rows("comments"):
        k, i = s.key("comment", row["id"])
        created = fx_time(row["created_at"])
        s.comments[i] = {
            "id": i, "key": k, "idea_id": uid("idea:%d" % row["idea_id"]),
            "parent_id": uid("comment:%d" % row["parent_id"]) if row.get("parent_id") else None,
            "author_id": uid("user:%d" % row["author_id"]) if row["author_id"] else None,
            "body_multiloc": {LANG_LOCALE.get(row["lang"], "nl-BE"): html_escape(row["body"])},
            "publication_status": "published", "likes_count": 0, "dislikes_count": 0,
            "created_at": created, "updated_at": created, "deleted": None}

    for n, row in enumerate(fixture_rows("official_feedback"), 1):
        k, i = s.key("official_feedback", n)
        created = fx_time(row["created_at"])
        s.feedback[i] = {
            "id": i, "key": k, "idea_id": uid("idea:%d" % row["idea_id"]),
            "user_id": uid("user:%d" % row["author_id"]) if row["author_id"] else None,
            "body_multiloc": {row["locale"]: text_to_html(row["body"])},
            "author_multiloc": {row["locale"]: row["signature"]},
            "created_at": created, "updated_at": created}
    s.next_id["official_feedback"] = max(100, len(s.feedback))
    for kind, table in (("project", "projects"), ("phase", "phases"), ("idea", "ideas"),
                        ("comment", "comments"), ("area", "areas")):
        s.next_id[kind] = max([s.next_id[kind]] + [r["id"] for r in fixture_rows(table)])

    def flaggable(row):
        if row.get("idea_id") and not row.get("comment_id"):
            return ("Idea", uid("idea:%d" % row["idea_id"]), "idea:%d" % row["idea_id"])
        return ("Comment", uid("comment:%d" % row["comment_id"]), "comment:%d" % row["comment_id"])

    for n, row in enumerate(fixture_rows("citizen_reports"), 1):
        k, i = s.key("spam_report", n)
        ftype, fid, fkey = flaggable(row)
        s.reports[i] = {"id": i, "key": k, "reportable_type": ftype, "reportable_id": fid,
                        "user_id": uid("user:%d" % row["reporter_id"]) if row["reporter_id"] else None,
                        "reason_code": row["reason_code"], "other_reason": row["other_reason"],
                        "reported_at": fx_time(row["created_at"])}
        ensure_flag(s, ftype, fid, fkey, fx_time(row["created_at"]))
    for row in fixture_rows("machine_flags"):
        ftype, fid, fkey = flaggable(row)
        flag = ensure_flag(s, ftype, fid, fkey, fx_time(row["created_at"]))
        flag["created_at"] = min(flag["created_at"], fx_time(row["created_at"]))
        flag["toxicity_label"] = TOXICITY.get(row["kind"], "insult")
        s.machine[(ftype, fid)] = {"score": row["score"], "reasons": json.loads(row["reasons"]),
                                   "model_version": row["model_version"]}
    return s


def ensure_flag(s, ftype, fid, fkey, at):
    """The flag of an item, created (uuid5("inappropriate_content_flag:<item key>")) or
    restored when a report comes in."""
    fl = s.flag_of.get((ftype, fid))
    if fl:
        flag = s.flags[fl]
        if flag["deleted_at"] is not None:
            flag["deleted_at"] = None
            flag["updated_at"] = at
        return flag
    k, i = s.key("inappropriate_content_flag", fkey)
    flag = {"id": i, "key": k, "flaggable_type": ftype, "flaggable_id": fid,
            "toxicity_label": None, "deleted_at": None, "created_at": at, "updated_at": at}
    s.flags[i] = flag
    s.flag_of[(ftype, fid)] = i
    return flag


# --- answers -------------------------------------------------------------------------------

class Resp(object):
    __slots__ = ("status", "body", "ctype", "headers")

    def __init__(self, status, body=b"", ctype=None, headers=None):
        self.status = status
        self.body = body
        self.ctype = ctype
        self.headers = headers or []


class Fail(Exception):
    def __init__(self, resp):
        Exception.__init__(self)
        self.resp = resp


def jresp(status, obj):
    return Resp(status, json_bytes(obj), JSON_TYPE)


def not_found():
    # Rails: head :not_found, 'content_type' => 'text/plain'
    raise Fail(Resp(404, b"", "text/plain"))


def unauthorized(errors=None):
    raise Fail(jresp(401, errors or UNAUTHORIZED))


def unprocessable(errors):
    raise Fail(jresp(422, {"errors": errors}))


def server_error():
    raise Fail(jresp(500, {"status": 500, "error": "Internal Server Error"}))


def bad_request():
    raise Fail(jresp(400, {"status": 400, "error": "Bad Request"}))


def ref(kind, i):
    return {"id": i, "type": kind} if i else None


def rel(kind, i):
    return {"data": ref(kind, i)}


def rels(kind, ids):
    return {"data": [ref(kind, i) for i in ids]}


class Req(object):
    """One API request as the handlers see it."""

    _NOBODY = object()

    def __init__(self, method, path, query, headers, body, ip, base_url):
        self.method = method
        self.path = path
        self.query = query
        self.headers = headers
        self.body = body
        self.ip = ip
        self.base_url = base_url
        self.params = parse_query(query)
        self.viewer = None
        self.token_given = False
        self._json = Req._NOBODY

    def json(self):
        """The body as JSON (None when empty); malformed: 400."""
        if self._json is Req._NOBODY:
            text = self.body.decode("utf-8", "replace").strip() if self.body else ""
            if not text:
                self._json = None
            else:
                try:
                    self._json = json.loads(text)
                except ValueError:
                    bad_request()
        return self._json

    def root(self, key):
        """params.require(key): the object under the root key; missing or empty: 400."""
        data = self.json()
        if not isinstance(data, dict) or key not in data:
            bad_request()
        v = data[key]
        if v is None or v == "" or v == {} or v == []:
            bad_request()
        if not isinstance(v, dict):
            bad_request()
        return v


# --- the fake ------------------------------------------------------------------------------

def default_faults(opts=None):
    f = {
        "latency_ms": 0,                 # added to every API request
        "retry_after": None,             # seconds or an HTTP date: sent with every 429
        "now": None,                     # Unix time of the platform's clock; None: real time
        "token_ttl_seconds": None,       # overrides both token lifetimes
        "token_lifetime_days": 30,       # tenant setting for remember_me
        "password_login": True,          # False: every password login is 404
        "sso_domains": [SSO_DOMAIN],     # e-mail domains forced to SSO: 422
        "engines_off": [],               # "moderation", "flag_inappropriate_content"
        "flag_rel_null": False,          # never-flagged inbox items carry {"data": null}
        "anonymous_cache_seconds": 0,    # anonymous idea reads served from a cache
        "rate_limit": {
            "enabled": True,
            "requests": {"limit": 1000, "period": 180},
            "login": {"limit": 10, "period": 20},
            "login_day": {"limit": 4000, "period": 86400},
            "login_email": {"limit": 10, "period": 20},
            "login_email_day": {"limit": 100, "period": 86400},
            "search": {"limit": 15, "period": 20},
            "spam_report": {"limit": 10, "period": 60},
            "spam_report_day": {"limit": 100, "period": 86400},
        },
    }
    if opts is not None:
        if opts.no_rate_limit:
            f["rate_limit"]["enabled"] = False
        if opts.retry_after is not None:
            f["retry_after"] = opts.retry_after
        if opts.latency_ms:
            f["latency_ms"] = opts.latency_ms
        if opts.now is not None:
            f["now"] = opts.now
    return f


ONESHOT_KINDS = ("hang_next", "truncate_next", "status_next", "close_next", "delay_next")


class Fake(object):
    def __init__(self, opts):
        self.opts = opts
        self.lock = threading.RLock()
        self.secret = os.urandom(32)
        self.tenant_id = uid("tenant:" + TENANT_NAME)
        self.stopping = threading.Event()
        self.base_url = ""
        self.issued = set()     # every token handed out, for expire_tokens (kept over resets)
        self.reset()

    def reset(self, keep_faults=False):
        """Back to the seed: data, faults (unless keep_faults), throttles, revoked tokens,
        the request log and the anonymous cache. Tokens stay valid (the signing key stays)."""
        with self.lock:
            self.store = build_seed()
            if not keep_faults:
                self.faults = default_faults(self.opts)
                self.oneshots = []
            self.windows = {}
            self.revoked = set()
            self.log = []
            self.cache = {}
            self.served = 0

    # --- clock, users, roles -----------------------------------------------------------------

    def now(self):
        n = self.faults.get("now")
        return float(n) if n is not None else time.time()

    def user_by_email(self, email):
        email = (email or "").strip().lower()
        for u in self.store.users.values():
            if u["email"].lower() == email:
                return u
        return None

    def blocked(self, u):
        return bool(u and u["blocked_until"] is not None and u["blocked_until"] > self.now())

    def is_admin(self, u):
        return bool(u) and not self.blocked(u) and any(
            r["type"] in ("admin", "super_admin") for r in u["roles"])

    def can_moderate(self, u, project_id):
        if not u or self.blocked(u):
            return False
        if self.is_admin(u):
            return True
        p = self.store.projects.get(project_id)
        for r in u["roles"]:
            if r["type"] == "project_moderator" and r.get("project_id") == project_id:
                return True
            if (r["type"] == "project_folder_moderator" and p and p["folder_id"]
                    and r.get("project_folder_id") == p["folder_id"]):
                return True
        return False

    def moderates_explicitly(self, u, project_id):
        return any(r["type"] == "project_moderator" and r.get("project_id") == project_id
                   for r in (u or {}).get("roles", []))

    def highest_role(self, u):
        types = [r["type"] for r in u["roles"]]
        for t in ("super_admin", "admin", "project_folder_moderator", "project_moderator"):
            if t in types:
                return t
        return "user"

    # --- tokens ------------------------------------------------------------------------------

    def make_token(self, u, lifetime):
        t = int(time.time())
        header = {"alg": "HS256", "typ": "JWT"}
        payload = {"sub": u["id"], "highest_role": self.highest_role(u),
                   "tenant": self.tenant_id, "cluster": "local", "iat": t,
                   "exp": int(t + lifetime)}
        signing = "%s.%s" % (b64url(json.dumps(header, separators=(",", ":")).encode()),
                             b64url(json.dumps(payload, separators=(",", ":")).encode()))
        sig = hmac.new(self.secret, signing.encode("ascii"), hashlib.sha256).digest()
        token = signing + "." + b64url(sig)
        self.issued.add(token)
        return token

    def token_user(self, token):
        """The user of a valid token; None for a forged, expired, revoked or unknown one.
        exp is checked against the real clock, as the client does."""
        parts = token.split(".")
        if len(parts) != 3 or token in self.revoked:
            return None
        try:
            signing = (parts[0] + "." + parts[1]).encode("ascii")
            sig = b64url_decode(parts[2])
            if not hmac.compare_digest(sig, hmac.new(self.secret, signing, hashlib.sha256).digest()):
                return None
            payload = json.loads(b64url_decode(parts[1]).decode("utf-8"))
        except (ValueError, UnicodeError, TypeError):
            return None
        if not isinstance(payload, dict) or not isinstance(payload.get("exp"), (int, float)):
            return None
        if payload["exp"] <= time.time():
            return None
        u = self.store.users.get(payload.get("sub"))
        if not u or u["invite_pending"]:
            return None
        return u

    def token_lifetime(self, remember_me):
        if self.faults.get("token_ttl_seconds") is not None:
            return float(self.faults["token_ttl_seconds"])
        if remember_me:
            return float(self.faults.get("token_lifetime_days", 30)) * DAY
        return DAY

    # --- derived counts ------------------------------------------------------------------------

    def reactions(self, idea_id):
        up = down = 0
        for (i, _u, mode) in self.store.votes:
            if i == idea_id:
                if mode == "up":
                    up += 1
                else:
                    down += 1
        return up, down

    def idea_comments(self, idea_id, published_only=True):
        return [c for c in self.store.comments.values() if c["idea_id"] == idea_id
                and (not published_only or c["publication_status"] == "published")]

    def idea_feedback(self, idea_id):
        return [f for f in self.store.feedback.values() if f["idea_id"] == idea_id]

    def status_of(self, idea):
        return self.store.statuses.get(idea["idea_status_id"])

    def project_phases(self, project_id):
        return sorted((p for p in self.store.phases.values() if p["project_id"] == project_id),
                      key=lambda p: (p["start_at"], p["id"]))

    def current_phase(self, project_id):
        now = self.now()
        for p in self.project_phases(project_id):
            if p["start_at"] <= now and (p["end_at"] is None or now < p["end_at"]):
                return p
        return None

    def idea_phase_methods(self, idea):
        return [self.store.phases[p]["participation_method"] for p in idea["phase_ids"]
                if p in self.store.phases]

    def is_survey_input(self, idea):
        methods = self.idea_phase_methods(idea)
        return bool(methods) and all(m in SURVEY_METHODS for m in methods)

    def idea_public(self, idea):
        p = self.store.projects.get(idea["project_id"])
        st = self.status_of(idea)
        return (idea["publication_status"] == "published" and p is not None
                and p["publication_status"] in ("published", "archived")
                and p["visible_to"] == "public"
                and not (st and st["code"] in NON_PUBLIC_CODES))

    def idea_listable(self, idea, viewer):
        if idea["publication_status"] == "draft" or self.is_survey_input(idea):
            return False
        return self.idea_public(idea) or self.can_moderate(viewer, idea["project_id"])

    def idea_visible(self, idea, viewer):
        if self.idea_listable(idea, viewer):
            return True
        return bool(viewer) and idea["author_id"] == viewer["id"]

    def commenting_open(self, idea):
        cur = self.current_phase(idea["project_id"])
        return bool(cur and cur["commenting_enabled"] and cur["id"] in idea["phase_ids"])

    def project_visible(self, p, viewer):
        if p["publication_status"] == "draft" or p["visible_to"] != "public":
            return self.can_moderate(viewer, p["id"])
        return True

    # --- serializers -------------------------------------------------------------------------

    def display_name(self, u):
        return ("%s %s" % (u["first_name"], u["last_name"])).strip()

    def ser_user(self, u, viewer):
        attrs = {"first_name": u["first_name"], "last_name": u["last_name"],
                 "display_name": self.display_name(u), "locale": u["locale"],
                 "created_at": iso(u["created_at"])}
        if viewer and (viewer["id"] == u["id"] or self.is_admin(viewer)):
            attrs.update({"email": u["email"], "roles": u["roles"],
                          "highest_role": self.highest_role(u), "blocked": self.blocked(u),
                          "block_end_at": iso(u["blocked_until"]) if self.blocked(u) else None,
                          "unread_notifications": 0})
        return {"id": u["id"], "type": "user", "attributes": attrs}

    def author_hash(self, author_id, project_id):
        if not author_id:
            return None
        return hashlib.sha256(("%s:%s" % (author_id, project_id)).encode()).hexdigest()[:32]

    def ser_idea(self, i, viewer):
        s = self.store
        mod = self.can_moderate(viewer, i["project_id"])
        up, down = self.reactions(i["id"])
        author = s.users.get(i["author_id"]) if i["author_id"] else None
        comments = self.idea_comments(i["id"])
        followers = set([i["author_id"]] + [c["author_id"] for c in comments]) - set([None])
        open_ = self.commenting_open(i)
        reason = None if open_ else "not_in_active_context"
        attrs = {
            "title_multiloc": i["title_multiloc"], "body_multiloc": i["body_multiloc"],
            "slug": i["slug"], "publication_status": i["publication_status"],
            "author_name": self.display_name(author) if author else None,
            "anonymous": i["anonymous"],
            "author_hash": self.author_hash(i["author_id"], i["project_id"]),
            "likes_count": up, "dislikes_count": down, "comments_count": len(comments),
            "official_feedbacks_count": len(self.idea_feedback(i["id"])),
            "followers_count": len(followers)}
        if mod:
            attrs["internal_comments_count"] = 0
        attrs.update({
            "location_description": i["location_description"],
            "location_point_geojson": i["location_point_geojson"],
            "created_at": iso(i["created_at"]), "updated_at": iso(i["updated_at"]),
            "submitted_at": iso(i["submitted_at"]), "published_at": iso(i["published_at"]),
            "budget": i["budget"], "proposed_budget": i["proposed_budget"],
            "votes_count": i["votes_count"], "baskets_count": i["baskets_count"],
            "manual_votes_amount": i["manual_votes_amount"],
            "action_descriptors": {
                "reacting_idea": {"enabled": open_, "disabled_reason": reason,
                                  "cancelling_enabled": open_,
                                  "up": {"enabled": open_, "disabled_reason": reason},
                                  "down": {"enabled": open_, "disabled_reason": reason}},
                "commenting_idea": {"enabled": open_, "disabled_reason": reason},
                "comment_reacting_idea": {"enabled": open_, "disabled_reason": reason}}})
        vote = None
        if viewer:
            for (iid, uid_, _m) in s.votes:
                if iid == i["id"] and uid_ == viewer["id"]:
                    vote = uid("reaction:%s:%s" % (i["key"], viewer["key"]))
        phase_keys = [s.phases[p]["key"] for p in i["phase_ids"] if p in s.phases]
        relationships = {
            "project": rel("project", i["project_id"]),
            "idea_status": rel("idea_status", i["idea_status_id"]),
            "author": rel("user", i["author_id"]),
            "phases": rels("phase", i["phase_ids"]),
            "ideas_phases": rels("ideas_phase", [uid("ideas_phase:%s:%s" % (i["key"], k))
                                                 for k in phase_keys]),
            "idea_images": {"data": []},
            "cosponsors": {"data": []},
            "user_reaction": rel("reaction", vote),
            "user_follower": {"data": None},
            "input_topics": rels("input_topic", i["input_topic_ids"]),
        }
        if mod:
            relationships["assignee"] = rel("user", i["assignee_id"])
        return {"id": i["id"], "type": "idea", "attributes": attrs,
                "relationships": relationships}

    def ser_status(self, st):
        count = sum(1 for i in self.store.ideas.values()
                    if i["idea_status_id"] == st["id"] and i["publication_status"] != "draft")
        return {"id": st["id"], "type": "idea_status", "attributes": {
            "title_multiloc": st["title_multiloc"],
            "description_multiloc": st["description_multiloc"], "color": st["color"],
            "ordering": st["ordering"], "code": st["code"], "ideas_count": count,
            "participation_method": st["participation_method"],
            "locked": st["code"] in LOCKED_CODES,
            "can_manually_transition_to": st["code"] not in NOT_MANUAL_CODES}}

    def timeline_active(self, project_id):
        phases = self.project_phases(project_id)
        if not phases:
            return None
        now = self.now()
        if now < phases[0]["start_at"]:
            return "future"
        last = phases[-1]
        if last["end_at"] is not None and now >= last["end_at"]:
            return "past"
        return "present"

    def ser_project(self, p, viewer):
        s = self.store
        ideas = [i for i in s.ideas.values() if i["project_id"] == p["id"] and self.idea_public(i)]
        comments = [c for i in ideas for c in self.idea_comments(i["id"])]
        people = set(i["author_id"] for i in ideas) | set(c["author_id"] for c in comments)
        people |= set(u for (iid, u, _m) in s.votes if iid in set(i["id"] for i in ideas))
        people.discard(None)
        cur = self.current_phase(p["id"])
        relationships = {
            "current_phase": rel("phase", cur["id"] if cur else None),
            "admin_publication": rel("admin_publication", uid("admin_publication:" + p["key"])),
            "areas": rels("area", p["area_ids"]),
            "topics": rels("topic", p["topic_ids"]),
            "project_images": {"data": []},
        }
        if self.can_moderate(viewer, p["id"]):
            relationships["default_assignee"] = rel("assignee", p["default_assignee_id"])
        return {"id": p["id"], "type": "project", "attributes": {
            "title_multiloc": p["title_multiloc"],
            "description_preview_multiloc": p["description_preview_multiloc"],
            "description_multiloc": p["description_multiloc"], "slug": p["slug"],
            "publication_status": p["publication_status"], "ideas_count": len(ideas),
            "comments_count": len(comments), "followers_count": 0, "folder_id": p["folder_id"],
            "visible_to": p["visible_to"], "timeline_active": self.timeline_active(p["id"]),
            "participants_count": len(people), "created_at": iso(p["created_at"]),
            "updated_at": iso(p["updated_at"])},
            "relationships": relationships}

    def ser_phase(self, ph, previous_updated=False):
        count = sum(1 for i in self.store.ideas.values() if ph["id"] in i["phase_ids"]
                    and i["publication_status"] != "draft")
        return {"id": ph["id"], "type": "phase", "attributes": {
            "title_multiloc": ph["title_multiloc"],
            "description_multiloc": ph["description_multiloc"],
            "start_at": iso(ph["start_at"]), "end_at": iso(ph["end_at"]),
            "participation_method": ph["participation_method"],
            "submission_enabled": ph["submission_enabled"],
            "commenting_enabled": ph["commenting_enabled"],
            "reacting_enabled": ph["reacting_enabled"], "input_term": ph["input_term"],
            "ideas_count": count, "created_at": iso(ph["created_at"]),
            "updated_at": iso(ph["updated_at"]),
            "previous_phase_end_at_updated": previous_updated},
            "relationships": {"project": rel("project", ph["project_id"])}}

    def ser_comment(self, c):
        s = self.store
        deleted = c["publication_status"] == "deleted"
        idea = s.ideas.get(c["idea_id"])
        author = s.users.get(c["author_id"]) if c["author_id"] else None
        children = [x for x in s.comments.values() if x["parent_id"] == c["id"]]
        return {"id": c["id"], "type": "comment", "attributes": {
            "body_multiloc": None if deleted else c["body_multiloc"],
            "publication_status": c["publication_status"], "likes_count": c["likes_count"],
            "dislikes_count": c["dislikes_count"], "children_count": len(children),
            "anonymous": False,
            "author_hash": self.author_hash(c["author_id"], idea["project_id"] if idea else ""),
            "is_admin_comment": bool(author and idea and
                                     self.can_moderate(author, idea["project_id"])),
            "created_at": iso(c["created_at"]), "updated_at": iso(c["updated_at"])},
            "relationships": {
                "idea": rel("idea", c["idea_id"]), "parent": rel("comment", c["parent_id"]),
                "author": rel("user", None if deleted else c["author_id"]),
                "user_reaction": {"data": None}}}

    def ser_feedback(self, f):
        return {"id": f["id"], "type": "official_feedback", "attributes": {
            "body_multiloc": f["body_multiloc"], "author_multiloc": f["author_multiloc"],
            "created_at": iso(f["created_at"]), "updated_at": iso(f["updated_at"])},
            "relationships": {"idea": rel("idea", f["idea_id"]), "user": rel("user", f["user_id"])}}

    def ser_report(self, r):
        return {"id": r["id"], "type": "spam_report", "attributes": {
            "reason_code": r["reason_code"], "other_reason": r["other_reason"],
            "reported_at": iso(r["reported_at"])},
            "relationships": {
                "spam_reportable": rel(r["reportable_type"].lower(), r["reportable_id"]),
                "user": rel("user", r["user_id"])}}

    def flag_reason(self, flag):
        if flag["deleted_at"] is not None:
            return None
        if flag["toxicity_label"]:
            return "inappropriate"
        reasons = [r["reason_code"] for r in self.store.reports.values()
                   if (r["reportable_type"], r["reportable_id"])
                   == (flag["flaggable_type"], flag["flaggable_id"])
                   and r["reason_code"] != "other"]
        if not reasons:
            return "inappropriate"
        return max(reasons, key=reasons.count)   # the first of the most frequent

    def ser_flag(self, flag):
        return {"id": flag["id"], "type": "inappropriate_content_flag", "attributes": {
            "toxicity_label": flag["toxicity_label"], "deleted_at": iso(flag["deleted_at"]),
            "reason_code": self.flag_reason(flag)},
            "relationships": {"flaggable": rel(flag["flaggable_type"].lower(),
                                               flag["flaggable_id"])}}

    def ser_area(self, a):
        return {"id": a["id"], "type": "area", "attributes": {
            "title_multiloc": a["title_multiloc"],
            "description_multiloc": a["description_multiloc"], "ordering": a["ordering"],
            "followers_count": a["followers_count"],
            "include_in_onboarding": a["include_in_onboarding"]}}

    def ser_topic(self, t, kind):
        return {"id": t["id"], "type": kind, "attributes": {
            "title_multiloc": t["title_multiloc"],
            "description_multiloc": t["description_multiloc"], "icon": t.get("icon"),
            "ordering": t["ordering"], "followers_count": 0}}

    def input_topic_tree(self, project_id):
        """The project's input topics in nested-set order, with lft, rgt and depth."""
        topics = [t for t in self.store.input_topics.values() if t["project_id"] == project_id]
        out = []
        counter = [1]

        def walk(parent, depth):
            for t in sorted((t for t in topics if t["parent_id"] == parent),
                            key=lambda t: (t["ordering"], t["id"])):
                t["depth"] = depth
                t["lft"] = counter[0]
                counter[0] += 1
                out.append(t)
                walk(t["id"], depth + 1)
                t["rgt"] = counter[0]
                counter[0] += 1
        walk(None, 0)
        return out

    def ser_input_topic(self, t):
        s = self.store
        self.input_topic_tree(t["project_id"])
        children = [c["id"] for c in s.input_topics.values() if c["parent_id"] == t["id"]]
        parent = s.input_topics.get(t["parent_id"]) if t["parent_id"] else None
        full = dict(t["title_multiloc"])
        if parent:
            full = dict((k, "%s > %s" % (parent["title_multiloc"].get(k, ""), v))
                        for k, v in t["title_multiloc"].items())
        return {"id": t["id"], "type": "input_topic", "attributes": {
            "title_multiloc": t["title_multiloc"],
            "description_multiloc": t["description_multiloc"], "icon": t.get("icon"),
            "full_title_multiloc": full, "depth": t["depth"],
            "children_count": len(children), "lft": t["lft"], "rgt": t["rgt"],
            "ordering": t["ordering"]},
            "relationships": {"project": rel("project", t["project_id"]),
                              "parent": rel("input_topic", t["parent_id"]),
                              "children": rels("input_topic", children)}}

    # --- the moderation inbox -----------------------------------------------------------------

    def inbox_items(self, viewer):
        """(type, record, time, project id, idea) of every item in the viewer's inbox."""
        s = self.store
        items = []
        admin = self.is_admin(viewer)
        for i in s.ideas.values():
            if (i["publication_status"] == "published" and not self.is_survey_input(i)
                    and self.idea_public(i)):
                items.append(("Idea", i, i["published_at"], i["project_id"], i))
        for c in s.comments.values():
            idea = s.ideas.get(c["idea_id"])
            if c["publication_status"] == "published" and idea:
                items.append(("Comment", c, c["created_at"], idea["project_id"], idea))
        if not admin:
            items = [it for it in items if self.can_moderate(viewer, it[3])]
        items.sort(key=lambda it: (it[2], it[0], it[1]["id"]), reverse=True)
        return items

    def inbox_filter(self, req, items):
        p = req.params
        status = pstr(p, "moderation_status")
        if status:
            items = [it for it in items
                     if self.store.moderation.get((it[0], it[1]["id"]), "unread") == status]
        types = plist(p, "moderatable_types")
        if types:
            items = [it for it in items if it[0] in types]
        projects = plist(p, "project_ids")
        if projects:
            items = [it for it in items if it[3] in projects]
        q = pstr(p, "search")
        if q:
            items = [it for it in items if prefix_match(q, multiloc_values(
                it[1].get("title_multiloc")) + [strip_tags(v) for v in multiloc_values(
                    it[1].get("body_multiloc"))])]
        if "is_flagged" in p and self.engine_on("flag_inappropriate_content"):
            want = to_bool(pstr(p, "is_flagged"))

            def flagged(it):
                fl = self.store.flag_of.get((it[0], it[1]["id"]))
                return bool(fl) and self.store.flags[fl]["deleted_at"] is None
            if want is not None:
                items = [it for it in items if flagged(it) == want]
        return items

    def ser_moderation(self, it):
        s = self.store
        kind, rec, at, project_id, idea = it
        p = s.projects[project_id]
        project = {"id": p["id"], "slug": p["slug"], "title_multiloc": p["title_multiloc"]}
        if kind == "Idea":
            belongs = {"project": project}
            title, slug = rec["title_multiloc"], rec["slug"]
        else:
            belongs = {"project": project, "idea": {"id": idea["id"], "slug": idea["slug"],
                                                    "title_multiloc": idea["title_multiloc"]}}
            title = slug = None
        out = {"id": rec["id"], "type": "moderation", "attributes": {
            "moderatable_type": kind, "content_title_multiloc": title,
            "content_body_multiloc": rec["body_multiloc"], "content_slug": slug,
            "created_at": iso(at), "belongs_to": belongs,
            "moderation_status": s.moderation.get((kind, rec["id"]), "unread")}}
        if self.engine_on("flag_inappropriate_content"):
            fl = s.flag_of.get((kind, rec["id"]))
            if fl:
                out["relationships"] = {
                    "inappropriate_content_flag": rel("inappropriate_content_flag", fl)}
            elif self.faults.get("flag_rel_null"):
                out["relationships"] = {"inappropriate_content_flag": {"data": None}}
        return out

    def engine_on(self, name):
        return name not in (self.faults.get("engines_off") or [])

    # --- pagination ----------------------------------------------------------------------------

    def paginate(self, req, items):
        """(page of items, links) as Kaminari and the platform's page_links make them."""
        page = req.params.get("page")
        page = page if isinstance(page, dict) else {}
        number = to_int(page.get("number"), 1)
        if number < 1:
            number = 1
        size = to_int(page.get("size"), 250)
        if size < 1:
            size = 250
        total_pages = int(math.ceil(len(items) / float(size)))
        chunk = items[(number - 1) * size:number * size]

        def link(n):
            params = parse_query(req.query)
            pg = params.get("page")
            if not isinstance(pg, dict):
                pg = params["page"] = {}
            pg["number"] = n
            return "%s%s?%s" % (req.base_url, req.path, to_query(params))

        links = {"self": link(number), "first": link(1),
                 "prev": link(number - 1) if number > 1 else None,
                 "next": link(number + 1) if number < total_pages else None,
                 "last": link(max(total_pages, 1))}
        return chunk, links

    def collection(self, req, items, ser, included=None):
        chunk, links = self.paginate(req, items)
        doc = {"data": [ser(x) for x in chunk]}
        if included is not None:
            doc["included"] = included(chunk)
        doc["links"] = links
        return jresp(200, doc)

    # --- handlers: authentication and users ---------------------------------------------------

    def h_user_token(self, req):
        auth = req.root("auth")
        email = str(auth.get("email") or "").strip().lower()
        password = auth.get("password")
        domain = email.rpartition("@")[2]
        if email and domain in (self.faults.get("sso_domains") or []):
            unprocessable({"email": [{"error": "sso_enforced_for_domain"}]})
        u = self.user_by_email(email)
        if (not u or u["invite_pending"] or not isinstance(password, str) or not password
                or not hmac.compare_digest(password.encode(), u["password"].encode())
                or (not self.faults.get("password_login", True)
                    and not any(r["type"] == "super_admin" for r in u["roles"]))):
            return Resp(404, b"", "text/plain")
        lifetime = self.token_lifetime(bool(to_bool(auth.get("remember_me"))))
        return jresp(201, {"jwt": self.make_token(u, lifetime)})

    def h_users_me(self, req):
        return jresp(200, {"data": self.ser_user(req.viewer, req.viewer)})

    def h_user_show(self, req, id):
        u = self.store.users.get(id)
        if not u:
            return Resp(404, b"null", JSON_TYPE)
        return jresp(200, {"data": self.ser_user(u, req.viewer)})

    def h_user_comments(self, req, id):
        if id not in self.store.users:
            not_found()
        sort = pstr(req.params, "sort") or "new"
        if sort not in ("new", "-new"):
            server_error()
        comments = [c for c in self.store.comments.values() if c["author_id"] == id
                    and c["publication_status"] == "published"
                    and self.idea_visible(self.store.ideas[c["idea_id"]], req.viewer)]
        comments.sort(key=lambda c: (c["created_at"], c["id"]), reverse=(sort == "new"))
        return self.collection(req, comments, self.ser_comment, self.comment_authors)

    def comment_authors(self, comments):
        out, seen = [], set()
        for c in comments:
            a = c["author_id"]
            if a and c["publication_status"] != "deleted" and a not in seen and a in self.store.users:
                seen.add(a)
                out.append(self.ser_user(self.store.users[a], None))
        return out

    # --- ideas -------------------------------------------------------------------------------

    def find_idea(self, id):
        i = self.store.ideas.get(id)
        if not i:
            not_found()
        return i

    def ideas_filtered(self, req):
        p = req.params
        viewer = req.viewer
        s = self.store
        ideas = [i for i in s.ideas.values() if self.idea_listable(i, viewer)]
        projects = plist(p, "projects") + plist(p, "project")
        if projects:
            ideas = [i for i in ideas if i["project_id"] in projects]
        phase = pstr(p, "phase")
        if phase:
            ideas = [i for i in ideas if phase in i["phase_ids"]]
        statuses = plist(p, "idea_status")
        if statuses:
            ideas = [i for i in ideas if i["idea_status_id"] in statuses]
        topics = plist(p, "topics") + plist(p, "input_topics")
        if topics:
            ideas = [i for i in ideas if set(topics) & set(i["input_topic_ids"])]
        q = pstr(p, "search")
        if q:
            ideas = [i for i in ideas if prefix_match(q, multiloc_values(i["title_multiloc"]) + [
                strip_tags(v) for v in multiloc_values(i["body_multiloc"])] + [i["slug"]])]
        assignee = pstr(p, "assignee")
        if assignee:
            want = None if assignee == "unassigned" else assignee
            ideas = [i for i in ideas if i["assignee_id"] == want]
        if to_bool(pstr(p, "feedback_needed")):
            def needs(i):
                code = (self.status_of(i) or {}).get("code")
                return ((code == "proposed" and not self.idea_feedback(i["id"]))
                        or code == "threshold_reached")
            ideas = [i for i in ideas if needs(i)]
        author = pstr(p, "author")
        if author:
            ideas = [i for i in ideas if i["author_id"] == author]
        pub = pstr(p, "publication_status")
        if pub:
            ideas = [i for i in ideas if i["publication_status"] == pub]
        ppub = pstr(p, "project_publication_status")
        if ppub:
            ideas = [i for i in ideas
                     if s.projects[i["project_id"]]["publication_status"] == ppub]
        only = plist(p, "ideas")
        if only:
            ideas = [i for i in ideas if i["id"] in only]
        return ideas

    def idea_sort_value(self, i, key):
        if key == "new":
            return i["published_at"] or i["created_at"]
        up, down = self.reactions(i["id"])
        if key == "popular":
            return up - down
        if key == "likes_count":
            return up
        if key == "dislikes_count":
            return down
        if key == "comments_count":
            return len(self.idea_comments(i["id"]))
        if key == "trending":
            # An approximation of TrendingIdeaService: activity, damped by age.
            age_days = max(0.0, (self.now() - (i["published_at"] or i["created_at"])) / DAY)
            return (up - down + len(self.idea_comments(i["id"])) + 1) / (1.0 + age_days)
        if key == "author_name":
            a = self.store.users.get(i["author_id"]) if i["author_id"] else None
            return self.display_name(a) if a else None
        if key == "status":
            return (self.status_of(i) or {}).get("ordering")
        if key == "total_votes":
            return (i["votes_count"] or 0) + (i["manual_votes_amount"] or 0)
        return i.get(key)

    def sort_ideas(self, ideas, sort):
        if sort == "random":
            return sorted(ideas, key=lambda i: hashlib.sha1(("random:" + i["id"]).encode()).hexdigest())
        desc = not sort.startswith("-")
        key = sort.lstrip("-")
        if key not in IDEA_SORTS or sort.count("-") > 1:
            server_error()
        # ties: newest first, then id (stable)
        ideas = sorted(ideas, key=lambda i: i["id"])
        ideas = sorted(ideas, key=lambda i: i["published_at"] or i["created_at"], reverse=True)
        nulls = [i for i in ideas if self.idea_sort_value(i, key) is None]
        rest = [i for i in ideas if self.idea_sort_value(i, key) is not None]
        rest = sorted(rest, key=lambda i: self.idea_sort_value(i, key), reverse=desc)
        # PostgreSQL: NULLS FIRST when descending, NULLS LAST when ascending
        return nulls + rest if desc else rest + nulls

    def h_ideas_index(self, req):
        sort = pstr(req.params, "sort") or "random"
        ideas = self.sort_ideas(self.ideas_filtered(req), sort)
        return self.collection(req, ideas, lambda i: self.ser_idea(i, req.viewer))

    def h_ideas_filter_counts(self, req):
        ideas = self.ideas_filtered(req)
        by_status, by_topic = {}, {}
        for i in ideas:
            by_status[i["idea_status_id"]] = by_status.get(i["idea_status_id"], 0) + 1
            for t in i["input_topic_ids"]:
                by_topic[t] = by_topic.get(t, 0) + 1
        return jresp(200, {"data": {"type": "filter_counts", "attributes": {
            "idea_status_id": by_status, "input_topic_id": by_topic, "total": len(ideas)}}})

    def idea_document(self, i, viewer):
        inc = []
        if i["author_id"] and i["author_id"] in self.store.users:
            inc.append(self.ser_user(self.store.users[i["author_id"]], viewer))
        for t in i["input_topic_ids"]:
            if t in self.store.input_topics:
                inc.append(self.ser_input_topic(self.store.input_topics[t]))
        return {"data": self.ser_idea(i, viewer), "included": inc}

    def h_idea_show(self, req, id):
        i = self.find_idea(id)
        if i["publication_status"] == "draft" and not (
                req.viewer and i["author_id"] == req.viewer["id"]):
            unauthorized()
        if not self.idea_visible(i, req.viewer):
            unauthorized()
        return jresp(200, self.idea_document(i, req.viewer))

    def h_idea_by_slug(self, req, slug):
        for i in self.store.ideas.values():
            if i["slug"] == slug:
                return self.h_idea_show(req, i["id"])
        not_found()

    def h_idea_update(self, req, id):
        s = self.store
        i = self.find_idea(id)
        viewer = req.viewer
        mod = self.can_moderate(viewer, i["project_id"])
        own = bool(viewer) and i["author_id"] == viewer["id"]
        if not (mod or own):
            unauthorized()
        data = req.json()
        if not isinstance(data, dict) or "idea" not in data:
            server_error()          # the controller reads params[:idea] before requiring it
        attrs = req.root("idea")
        ch = {}
        for k in ("title_multiloc", "body_multiloc"):
            if k in attrs:
                ch[k] = clean_multiloc(attrs[k])
        if "location_description" in attrs:
            ch["location_description"] = attrs["location_description"]
        if mod:
            for k in ("idea_status_id", "assignee_id", "author_id", "budget", "phase_ids"):
                if k in attrs:
                    ch[k] = attrs[k]
        # not_allowed_update_errors: answered alone, before the model's validations
        if ch.get("idea_status_id") not in (None, ""):
            st = s.statuses.get(ch["idea_status_id"])
            if st is None:
                server_error()      # nil.can_manually_transition_to?
            if st["code"] in NOT_MANUAL_CODES:
                unprocessable({"idea_status_id": [{
                    "error": "Cannot manually assign inputs to this status",
                    "value": ch["idea_status_id"]}]})
        if "author_id" in ch and ch["author_id"] is None:
            unprocessable({"author": [{"error": "blank"}]})
        errors = {}
        if "title_multiloc" in ch and multiloc_blank(ch["title_multiloc"]):
            errors["title_multiloc"] = [{"error": "blank"}]
        if "idea_status_id" in ch and ch["idea_status_id"] in (None, ""):
            errors["idea_status"] = [{"error": "blank"}]
        if "assignee_id" in ch and ch["assignee_id"] not in (None, ""):
            a = s.users.get(ch["assignee_id"])
            if not a or not self.can_moderate(a, i["project_id"]):
                errors["assignee_id"] = [{"error": "assignee_can_not_moderate_project"}]
        if "author_id" in ch and ch["author_id"] not in s.users:
            errors["author"] = [{"error": "blank"}]
        if "phase_ids" in ch:
            ph = ch["phase_ids"] or []
            if not isinstance(ph, list) or any(
                    x not in s.phases or s.phases[x]["project_id"] != i["project_id"] for x in ph):
                errors["ideas_phases"] = [{"error": "invalid"}]
        if "budget" in ch and ch["budget"] is not None and not isinstance(ch["budget"], int):
            errors["budget"] = [{"error": "not_a_number", "value": ch["budget"]}]
        if errors:
            unprocessable(errors)
        for k, v in ch.items():
            if k == "assignee_id" and v == "":
                v = None
            i[k] = v
        i["updated_at"] = self.now()
        return jresp(200, self.idea_document(i, viewer))

    def h_idea_destroy(self, req, id):
        i = self.find_idea(id)
        if not self.can_moderate(req.viewer, i["project_id"]):
            unauthorized()
        self.delete_idea(i)
        return Resp(200)

    def delete_idea(self, i):
        s = self.store
        del s.ideas[i["id"]]
        s.votes = [v for v in s.votes if v[0] != i["id"]]
        gone = set(c["id"] for c in s.comments.values() if c["idea_id"] == i["id"])
        for c in gone:
            del s.comments[c]
        for f in [f for f in s.feedback.values() if f["idea_id"] == i["id"]]:
            del s.feedback[f["id"]]
        items = set([("Idea", i["id"])] + [("Comment", c) for c in gone])
        for r in [r for r in s.reports.values()
                  if (r["reportable_type"], r["reportable_id"]) in items]:
            del s.reports[r["id"]]
        for it in items:
            fl = s.flag_of.pop(it, None)
            if fl:
                del s.flags[fl]
            s.moderation.pop(it, None)

    # --- idea statuses -----------------------------------------------------------------------

    def h_statuses_index(self, req):
        method = pstr(req.params, "participation_method")
        sts = [st for st in self.store.statuses.values()
               if not method or st["participation_method"] == method]
        sts.sort(key=lambda st: (st["participation_method"], st["ordering"], st["id"]))
        return jresp(200, {"data": [self.ser_status(st) for st in sts]})

    def h_status_show(self, req, id):
        st = self.store.statuses.get(id)
        if not st:
            not_found()
        return jresp(200, {"data": self.ser_status(st)})

    # --- projects ----------------------------------------------------------------------------

    def find_project(self, id, viewer):
        p = self.store.projects.get(id)
        if not p:
            not_found()
        if not self.project_visible(p, viewer):
            unauthorized()
        return p

    def project_document(self, p, viewer):
        cur = self.current_phase(p["id"])
        return {"data": self.ser_project(p, viewer),
                "included": [self.ser_phase(cur)] if cur else []}

    def h_projects_index(self, req):
        p = req.params
        viewer = req.viewer
        projects = [x for x in self.store.projects.values() if self.project_visible(x, viewer)]
        if to_bool(pstr(p, "filter_can_moderate")):
            projects = [x for x in projects if self.can_moderate(viewer, x["id"])]
        if to_bool(pstr(p, "filter_is_moderator_of")):
            projects = [x for x in projects if self.moderates_explicitly(viewer, x["id"])]
        pubs = plist(p, "publication_statuses")
        if pubs:
            projects = [x for x in projects if x["publication_status"] in pubs]
        q = pstr(p, "search")
        if q:
            projects = [x for x in projects if prefix_match(q, multiloc_values(
                x["title_multiloc"]) + [strip_tags(v) for v in multiloc_values(
                    x["description_multiloc"])])]
        areas = plist(p, "areas")
        if areas:
            projects = [x for x in projects if set(areas) & set(x["area_ids"])]
        if "folder" in p:
            folder = pstr(p, "folder") or None
            projects = [x for x in projects if x["folder_id"] == folder]
        ids = plist(p, "filter_ids")
        if ids:
            projects = [x for x in projects if x["id"] in ids]
        topics = plist(p, "topics") + plist(p, "global_topics")
        if topics:
            projects = [x for x in projects if set(topics) & set(x["topic_ids"])]
        projects.sort(key=lambda x: (x["ordering"], x["id"]))

        def included(chunk):
            out = []
            for x in chunk:
                cur = self.current_phase(x["id"])
                if cur:
                    out.append(self.ser_phase(cur))
            return out
        return self.collection(req, projects, lambda x: self.ser_project(x, viewer), included)

    def h_project_show(self, req, id):
        return jresp(200, self.project_document(self.find_project(id, req.viewer), req.viewer))

    def h_project_by_slug(self, req, slug):
        for p in self.store.projects.values():
            if p["slug"] == slug:
                return self.h_project_show(req, p["id"])
        not_found()

    def h_project_update(self, req, id):
        p = self.store.projects.get(id)
        if not p:
            not_found()
        if not self.can_moderate(req.viewer, id):
            unauthorized()
        attrs = req.root("project")
        errors = {}
        ch = {}
        for k in ("title_multiloc", "description_multiloc", "description_preview_multiloc"):
            if k in attrs:
                ch[k] = clean_multiloc(attrs[k])
        if "title_multiloc" in ch and multiloc_blank(ch["title_multiloc"]):
            errors["title_multiloc"] = [{"error": "blank"}]
        if "publication_status" in attrs:
            v = attrs["publication_status"]
            if v not in ("draft", "published", "archived"):
                errors["publication_status"] = [{"error": "inclusion", "value": v}]
            ch["publication_status"] = v
        if "default_assignee_id" in attrs:
            v = attrs["default_assignee_id"] or None
            if v is not None and not self.can_moderate(self.store.users.get(v), id):
                errors["default_assignee_id"] = [{"error": "assignee_can_not_moderate_project"}]
            ch["default_assignee_id"] = v
        if "area_ids" in attrs:
            v = attrs["area_ids"] or []
            if not isinstance(v, list) or any(a not in self.store.areas for a in v):
                errors["areas"] = [{"error": "invalid"}]
            ch["area_ids"] = v
        if errors:
            unprocessable(errors)
        p.update(ch)
        p["updated_at"] = self.now()
        return jresp(200, self.project_document(p, req.viewer))

    def h_project_moderators(self, req, id):
        if id not in self.store.projects:
            not_found()
        if not self.can_moderate(req.viewer, id):
            unauthorized()      # JSON body even without a token (that controller's quirk)
        mods = [u for u in self.store.users.values() if self.moderates_explicitly(u, id)]
        mods.sort(key=lambda u: (u["created_at"], u["id"]))
        return self.collection(req, mods, lambda u: self.ser_user(u, req.viewer))

    # --- phases ------------------------------------------------------------------------------

    def h_phases_index(self, req, id):
        self.find_project(id, req.viewer)
        return self.collection(req, self.project_phases(id), self.ser_phase)

    def h_phase_show(self, req, id):
        ph = self.store.phases.get(id)
        if not ph:
            not_found()
        self.find_project(ph["project_id"], req.viewer)
        return jresp(200, {"data": self.ser_phase(ph)})

    def phase_fields(self, attrs, base):
        """The phase as it would be after applying attrs to base (a dict of fields)."""
        ph = dict(base)
        for k in ("title_multiloc", "description_multiloc"):
            if k in attrs:
                ph[k] = clean_multiloc(attrs[k])
        for k in ("start_at", "end_at"):
            if k in attrs:
                ph[k] = parse_time(attrs[k])
        if "participation_method" in attrs:
            ph["participation_method"] = attrs["participation_method"]
        for k in ("submission_enabled", "commenting_enabled", "reacting_enabled"):
            if k in attrs:
                ph[k] = bool(to_bool(attrs[k]))
        if "input_term" in attrs and attrs["input_term"]:
            ph["input_term"] = attrs["input_term"]
        return ph

    def validate_phase(self, ph, project_id, self_id):
        """422 errors of a new or changed phase, in the timestamp / exclusive-end mode; also
        the open-ended previous phase whose end this phase would set (or None)."""
        errors = {}

        def add(k, e):
            errors.setdefault(k, []).append(e)
        if multiloc_blank(ph.get("title_multiloc")):
            add("title_multiloc", {"error": "blank"})
        method = ph.get("participation_method")
        if method not in PARTICIPATION_METHODS:
            add("participation_method", {"error": "inclusion", "value": method})
        start, end = ph.get("start_at"), ph.get("end_at")
        if start is None:
            add("start_at", {"error": "blank"})
        prev_to_close = None
        if start is not None and end is not None and start >= end:
            add("start_at", {"error": "after_end_at"})
        elif start is not None:
            others = [p for p in self.project_phases(project_id) if p["id"] != self_id]
            if end is None and any(p["start_at"] > start for p in others):
                add("end_at", {"error": "invalid"})
            before = [p for p in others if p["start_at"] < start]
            prev = before[-1] if before else None
            if prev is not None and prev["end_at"] is None:
                if start < prev["start_at"] + 2 * DAY:
                    add("start_at", {"error": "invalid"})
                else:
                    prev_to_close = prev
            for p in others:
                if prev is not None and p is prev and prev["end_at"] is None:
                    continue        # its end becomes our start, or start_at is invalid
                p_end = p["end_at"] if p["end_at"] is not None else float("inf")
                my_end = end if end is not None else float("inf")
                if start < p_end and p["start_at"] < my_end:
                    add("base", {"error": "has_other_overlapping_phases"})
        return errors, prev_to_close

    def h_phase_create(self, req, id):
        s = self.store
        if id not in s.projects:
            not_found()
        if not self.can_moderate(req.viewer, id):
            unauthorized()
        attrs = req.root("phase")
        base = {"title_multiloc": {}, "description_multiloc": {}, "start_at": None,
                "end_at": None, "participation_method": "ideation", "input_term": "idea"}
        ph = self.phase_fields(attrs, base)
        for k in ("submission_enabled", "commenting_enabled", "reacting_enabled"):
            if k not in attrs:
                ph[k] = ph["participation_method"] in INPUT_METHODS
        errors, prev = self.validate_phase(ph, id, None)
        if errors:
            unprocessable(errors)
        k, pid = s.new_key("phase")
        now = self.now()
        ph.update({"id": pid, "key": k, "project_id": id, "created_at": now, "updated_at": now})
        s.phases[pid] = ph
        if prev is not None:
            prev["end_at"] = ph["start_at"]
            prev["updated_at"] = now
        return jresp(201, {"data": self.ser_phase(ph, previous_updated=prev is not None)})

    def h_phase_update(self, req, id):
        s = self.store
        old = s.phases.get(id)
        if not old:
            not_found()
        if not self.can_moderate(req.viewer, old["project_id"]):
            unauthorized()
        attrs = req.root("phase")
        ph = self.phase_fields(attrs, old)
        errors, prev = self.validate_phase(ph, old["project_id"], id)
        if errors:
            unprocessable(errors)
        now = self.now()
        old.update(ph)
        old["updated_at"] = now
        if prev is not None:
            prev["end_at"] = old["start_at"]
            prev["updated_at"] = now
        return jresp(200, {"data": self.ser_phase(old, previous_updated=prev is not None)})

    def h_phase_destroy(self, req, id):
        s = self.store
        ph = s.phases.get(id)
        if not ph:
            not_found()
        if not self.can_moderate(req.viewer, ph["project_id"]):
            unauthorized()
        del s.phases[id]
        for i in list(s.ideas.values()):
            if id in i["phase_ids"]:
                if ph["participation_method"] in SURVEY_METHODS:
                    self.delete_idea(i)
                else:
                    i["phase_ids"] = [p for p in i["phase_ids"] if p != id]
        return Resp(200)

    # --- official feedback -------------------------------------------------------------------

    def h_feedback_index(self, req, id):
        i = self.find_idea(id)
        fb = self.idea_feedback(id) if self.idea_visible(i, req.viewer) else []
        fb.sort(key=lambda f: (f["created_at"], f["id"]), reverse=True)
        return self.collection(req, fb, self.ser_feedback)

    def h_feedback_create(self, req, id):
        s = self.store
        i = self.find_idea(id)
        if not self.can_moderate(req.viewer, i["project_id"]):
            unauthorized()
        attrs = req.root("official_feedback")
        body = clean_multiloc(attrs.get("body_multiloc"))
        author = clean_multiloc(attrs.get("author_multiloc"))
        errors = {}
        if multiloc_blank(body):
            errors["body_multiloc"] = [{"error": "blank"}]
        if multiloc_blank(author):
            errors["author_multiloc"] = [{"error": "blank"}]
        if errors:
            unprocessable(errors)
        k, fid = s.new_key("official_feedback")
        now = self.now()
        f = {"id": fid, "key": k, "idea_id": id, "user_id": req.viewer["id"],
             "body_multiloc": body, "author_multiloc": author, "created_at": now,
             "updated_at": now}
        s.feedback[fid] = f
        return jresp(201, {"data": self.ser_feedback(f)})

    def find_feedback(self, id):
        f = self.store.feedback.get(id)
        if not f:
            not_found()
        return f

    def h_feedback_show(self, req, id):
        f = self.find_feedback(id)
        if not self.idea_visible(self.store.ideas[f["idea_id"]], req.viewer):
            unauthorized()
        return jresp(200, {"data": self.ser_feedback(f)})

    def h_feedback_update(self, req, id):
        f = self.find_feedback(id)
        if not self.can_moderate(req.viewer, self.store.ideas[f["idea_id"]]["project_id"]):
            unauthorized()
        attrs = req.root("official_feedback")
        errors = {}
        ch = {}
        for k in ("body_multiloc", "author_multiloc"):
            if k in attrs:
                ch[k] = clean_multiloc(attrs[k])
                if multiloc_blank(ch[k]):
                    errors[k] = [{"error": "blank"}]
        if errors:
            unprocessable(errors)
        f.update(ch)
        f["updated_at"] = self.now()
        return jresp(200, {"data": self.ser_feedback(f)})

    def h_feedback_destroy(self, req, id):
        f = self.find_feedback(id)
        if not self.can_moderate(req.viewer, self.store.ideas[f["idea_id"]]["project_id"]):
            unauthorized()
        del self.store.feedback[id]
        return Resp(200)

    # --- comments ----------------------------------------------------------------------------

    def find_comment(self, id, viewer):
        c = self.store.comments.get(id)
        if not c:
            not_found()
        if not self.idea_visible(self.store.ideas[c["idea_id"]], viewer):
            unauthorized()
        return c

    def h_idea_comments(self, req, id):
        s = self.store
        i = self.find_idea(id)
        sort = pstr(req.params, "sort")
        if sort is not None and sort not in COMMENT_SORTS:
            server_error()
        visible = self.idea_visible(i, req.viewer)
        roots = [c for c in s.comments.values()
                 if visible and c["idea_id"] == id and c["parent_id"] is None]
        roots.sort(key=lambda c: (c["created_at"], c["id"]))          # thread order
        if sort == "new":
            roots.sort(key=lambda c: c["created_at"], reverse=True)
        elif sort == "-new":
            roots.sort(key=lambda c: c["created_at"])
        elif sort == "likes_count":
            roots.sort(key=lambda c: c["likes_count"])
        elif sort == "-likes_count":
            roots.sort(key=lambda c: c["likes_count"], reverse=True)
        page, links = self.paginate(req, roots)
        listed = []
        for r in page:
            listed.append(r)
            children = sorted((c for c in s.comments.values() if c["parent_id"] == r["id"]),
                              key=lambda c: (c["created_at"], c["id"]))
            listed.extend(children if len(children) <= 5 else children[-2:])
        return jresp(200, {"data": [self.ser_comment(c) for c in listed],
                           "included": self.comment_authors(listed), "links": links})

    def h_comment_show(self, req, id):
        c = self.find_comment(id, req.viewer)
        return jresp(200, {"data": self.ser_comment(c), "included": self.comment_authors([c])})

    def h_comment_children(self, req, id):
        self.find_comment(id, req.viewer)
        children = sorted((c for c in self.store.comments.values() if c["parent_id"] == id),
                          key=lambda c: (c["created_at"], c["id"]))
        return self.collection(req, children, self.ser_comment, self.comment_authors)

    def h_comment_mark_deleted(self, req, id):
        s = self.store
        c = s.comments.get(id)
        if not c:
            not_found()
        idea = s.ideas[c["idea_id"]]
        viewer = req.viewer
        mod = self.can_moderate(viewer, idea["project_id"])
        own = bool(viewer) and c["author_id"] == viewer["id"]
        if not (mod or (own and self.commenting_open(idea))):
            unauthorized()
        data = req.json()
        body = data.get("comment") if isinstance(data, dict) else None
        body = body if isinstance(body, dict) else {}
        reason, other = body.get("reason_code"), body.get("other_reason")
        if not own and not (reason in COMMENT_REASONS and
                            (reason != "other" or (isinstance(other, str) and other.strip()))):
            raise Fail(jresp(422, {"errors": {"base": [{
                "error": "invalid_reason", "message": "{:error_key=>:invalid_reason}"}]}}))
        c["publication_status"] = "deleted"
        c["updated_at"] = self.now()
        c["deleted"] = {"by": viewer["id"], "reason_code": reason, "other_reason": other,
                        "at": iso(c["updated_at"])}
        return Resp(202)

    def h_comment_destroy(self, req, id):
        self.find_comment(id, req.viewer)
        unauthorized()

    # --- spam reports ------------------------------------------------------------------------

    def reportable(self, kind, id):
        s = self.store
        rec = (s.ideas if kind == "Idea" else s.comments).get(id)
        if not rec:
            not_found()
        return rec

    def h_reports_index(self, req, id, item_kind):
        kind = item_kind
        self.reportable(kind, id)
        admin = self.is_admin(req.viewer)
        reps = [r for r in self.store.reports.values()
                if r["reportable_type"] == kind and r["reportable_id"] == id
                and (admin or r["user_id"] == req.viewer["id"])]
        reps.sort(key=lambda r: (r["reported_at"], r["id"]))
        return self.collection(req, reps, self.ser_report)

    def report_errors(self, reason, other):
        errors = {}
        if reason not in SPAM_REASONS:
            errors["reason_code"] = [{"error": "inclusion", "value": reason}]
        has_other = isinstance(other, str) and other.strip() != ""
        if reason == "other" and not has_other:
            errors["other_reason"] = [{"error": "blank"}]
        if reason != "other" and has_other:
            errors["other_reason"] = [{"error": "present"}]
        return errors

    def h_report_create(self, req, id, item_kind):
        kind = item_kind
        s = self.store
        rec = self.reportable(kind, id)
        attrs = req.root("spam_report")
        reason, other = attrs.get("reason_code"), attrs.get("other_reason")
        errors = self.report_errors(reason, other)
        if errors:
            unprocessable(errors)
        k, rid = s.new_key("spam_report")
        now = self.now()
        r = {"id": rid, "key": k, "reportable_type": kind, "reportable_id": id,
             "user_id": req.viewer["id"], "reason_code": reason,
             "other_reason": other if reason == "other" else None, "reported_at": now}
        s.reports[rid] = r
        ensure_flag(s, kind, id, rec["key"], now)
        return jresp(201, {"data": self.ser_report(r)})

    def find_report(self, req, id):
        r = self.store.reports.get(id)
        if not r:
            not_found()
        if not (self.is_admin(req.viewer) or r["user_id"] == req.viewer["id"]):
            unauthorized()
        return r

    def h_report_show(self, req, id):
        return jresp(200, {"data": self.ser_report(self.find_report(req, id))})

    def h_report_update(self, req, id):
        r = self.find_report(req, id)
        attrs = req.root("spam_report")
        reason = attrs.get("reason_code", r["reason_code"])
        other = attrs.get("other_reason", r["other_reason"])
        errors = self.report_errors(reason, other)
        if errors:
            unprocessable(errors)
        r["reason_code"], r["other_reason"] = reason, other if reason == "other" else None
        return jresp(200, {"data": self.ser_report(r)})

    def h_report_destroy(self, req, id):
        self.find_report(req, id)
        del self.store.reports[id]
        return Resp(200)

    # --- the moderation inbox and flags -------------------------------------------------------

    def h_moderations_index(self, req):
        items = self.inbox_filter(req, self.inbox_items(req.viewer))

        def included(chunk):
            if not self.engine_on("flag_inappropriate_content"):
                return []
            out = []
            for it in chunk:
                fl = self.store.flag_of.get((it[0], it[1]["id"]))
                if fl:
                    out.append(self.ser_flag(self.store.flags[fl]))
            return out
        return self.collection(req, items, self.ser_moderation, included)

    def h_moderations_count(self, req):
        items = self.inbox_filter(req, self.inbox_items(req.viewer))
        return jresp(200, {"data": {"type": "moderations_count",
                                    "attributes": {"count": len(items)}}})

    def h_moderation_update(self, req, type, id):
        s = self.store
        items = [it for it in self.inbox_items(self.any_admin())
                 if it[0] == type and it[1]["id"] == id]
        if not items:
            server_error()          # Moderation.find_by -> nil; authorize nil
        it = items[0]
        if not self.can_moderate(req.viewer, it[3]):
            unauthorized()
        attrs = req.root("moderation")
        status = attrs.get("moderation_status")
        if status is not None:
            if status not in ("read", "unread"):
                server_error()      # update! raises on the enum
            s.moderation[(type, id)] = status
        doc = {"data": self.ser_moderation(it)}
        if self.engine_on("flag_inappropriate_content"):
            fl = s.flag_of.get((type, id))
            doc["included"] = [self.ser_flag(s.flags[fl])] if fl else []
        return jresp(200, doc)

    def any_admin(self):
        """A stand-in admin, to see the whole inbox whoever asks."""
        return {"id": None, "roles": [{"type": "admin"}], "blocked_until": None}

    def find_flag(self, req, id):
        s = self.store
        flag = s.flags.get(id)
        if not flag:
            not_found()
        rec = self.reportable(flag["flaggable_type"], flag["flaggable_id"])
        project = rec["project_id"] if flag["flaggable_type"] == "Idea" else \
            s.ideas[rec["idea_id"]]["project_id"]
        if not self.can_moderate(req.viewer, project):
            unauthorized()
        return flag

    def h_flag_show(self, req, id):
        return jresp(200, {"data": self.ser_flag(self.find_flag(req, id))})

    def h_flag_dismiss(self, req, id):
        flag = self.find_flag(req, id)
        flag["deleted_at"] = self.now()
        flag["updated_at"] = flag["deleted_at"]
        return Resp(202)

    def h_flag_restore(self, req, id):
        flag = self.find_flag(req, id)
        flag["deleted_at"] = None
        flag["updated_at"] = self.now()
        return Resp(200)

    # --- areas and topics --------------------------------------------------------------------

    def h_areas_index(self, req):
        areas = sorted(self.store.areas.values(), key=lambda a: (a["ordering"], a["id"]))
        sort = pstr(req.params, "sort")
        if sort in ("projects_count", "-projects_count"):
            def count(a):
                return sum(1 for p in self.store.projects.values() if a["id"] in p["area_ids"])
            areas.sort(key=count, reverse=(sort == "-projects_count"))
        return self.collection(req, areas, self.ser_area)

    def h_area_show(self, req, id):
        a = self.store.areas.get(id)
        if not a:
            not_found()
        return jresp(200, {"data": self.ser_area(a)})

    def topics_sorted(self, req, allowed, bad):
        sort = pstr(req.params, "sort") or "custom"
        if sort not in allowed:
            return bad()
        topics = sorted(self.store.global_topics.values(), key=lambda t: (t["ordering"], t["id"]))
        if sort in ("new", "-new"):
            topics.sort(key=lambda t: t["created_at"], reverse=(sort == "new"))
        elif sort.lstrip("-") in ("projects_count", "ideas_count"):
            def count(t):
                if sort.lstrip("-") == "projects_count":
                    return sum(1 for p in self.store.projects.values() if t["id"] in p["topic_ids"])
                return sum(1 for i in self.store.ideas.values() if t["id"] in i["input_topic_ids"])
            topics.sort(key=count, reverse=not sort.startswith("-"))
        return topics

    def h_topics_index(self, req):
        topics = self.topics_sorted(req, TOPIC_SORTS, lambda: sorted(
            self.store.global_topics.values(), key=lambda t: (t["ordering"], t["id"])))
        return self.collection(req, topics, lambda t: self.ser_topic(t, "topic"))

    def h_global_topics_index(self, req):
        def bad():
            raise Fail(jresp(400, {"errors": {"base": [{"error": "unsupported_sort_parameter"}]}}))
        topics = self.topics_sorted(req, GLOBAL_TOPIC_SORTS, bad)
        return self.collection(req, topics, lambda t: self.ser_topic(t, "global_topic"))

    def h_topic_show(self, req, id, item_kind):
        kind = item_kind
        t = self.store.global_topics.get(id)
        if not t:
            not_found()
        return jresp(200, {"data": self.ser_topic(t, kind)})

    def h_allowed_input_topics(self, req, id):
        p = self.find_project(id, req.viewer)
        topics = [self.store.global_topics[t] for t in p["topic_ids"]
                  if t in self.store.global_topics]
        chunk, links = self.paginate(req, topics)
        data = [{"id": uid("projects_allowed_input_topic:%s:%s" % (p["key"], t["key"])),
                 "type": "projects_allowed_input_topic", "attributes": {"ordering": n},
                 "relationships": {"project": rel("project", p["id"]),
                                   "topic": rel("topic", t["id"])}}
                for n, t in enumerate(chunk)]
        return jresp(200, {"data": data, "included": [self.ser_topic(t, "topic") for t in chunk],
                           "links": links})

    def h_input_topics_index(self, req, id):
        self.find_project(id, req.viewer)
        topics = self.input_topic_tree(id)
        parent = pstr(req.params, "parent_id")
        if parent:
            topics = [t for t in topics if t["parent_id"] == parent]
        depth = pstr(req.params, "depth")
        if depth not in (None, ""):
            topics = [t for t in topics if t["depth"] == to_int(depth, -1)]
        sort = pstr(req.params, "sort") or "custom"
        if sort in ("ideas_count", "-ideas_count"):
            def count(t):
                return sum(1 for i in self.store.ideas.values() if t["id"] in i["input_topic_ids"])
            topics.sort(key=count, reverse=(sort == "-ideas_count"))
        return self.collection(req, topics, self.ser_input_topic)

    def find_input_topic(self, id):
        t = self.store.input_topics.get(id)
        if not t:
            not_found()
        return t

    def h_input_topic_show(self, req, id):
        return jresp(200, {"data": self.ser_input_topic(self.find_input_topic(id))})

    def h_input_topic_create(self, req, id):
        s = self.store
        if id not in s.projects:
            not_found()
        if not self.can_moderate(req.viewer, id):
            unauthorized()
        attrs = req.root("input_topic")
        title = clean_multiloc(attrs.get("title_multiloc"))
        parent = attrs.get("parent_id") or None
        errors = {}
        if multiloc_blank(title):
            errors["title_multiloc"] = [{"error": "blank"}]
        if parent is not None:
            pt = s.input_topics.get(parent)
            if not pt or pt["project_id"] != id or pt["parent_id"] is not None:
                errors["parent_id"] = [{"error": "invalid"}]
        if errors:
            unprocessable(errors)
        k, tid = s.new_key("input_topic")
        siblings = [t for t in s.input_topics.values()
                    if t["project_id"] == id and t["parent_id"] == parent]
        t = {"id": tid, "key": k, "project_id": id, "parent_id": parent, "title_multiloc": title,
             "description_multiloc": clean_multiloc(attrs.get("description_multiloc")),
             "icon": attrs.get("icon"), "created_at": self.now(),
             "ordering": max([x["ordering"] for x in siblings] + [-1]) + 1}
        s.input_topics[tid] = t
        return jresp(201, {"data": self.ser_input_topic(t)})

    def h_input_topic_update(self, req, id):
        t = self.find_input_topic(id)
        if not self.can_moderate(req.viewer, t["project_id"]):
            unauthorized()
        attrs = req.root("input_topic")
        if "title_multiloc" in attrs:
            title = clean_multiloc(attrs["title_multiloc"])
            if multiloc_blank(title):
                unprocessable({"title_multiloc": [{"error": "blank"}]})
            t["title_multiloc"] = title
        if "description_multiloc" in attrs:
            t["description_multiloc"] = clean_multiloc(attrs["description_multiloc"])
        if "icon" in attrs:
            t["icon"] = attrs["icon"]
        return jresp(200, {"data": self.ser_input_topic(t)})

    def h_input_topic_move(self, req, id):
        t = self.find_input_topic(id)
        if not self.can_moderate(req.viewer, t["project_id"]):
            unauthorized()
        attrs = req.root("input_topic")
        pos = attrs.get("move_position")
        siblings = sorted((x for x in self.store.input_topics.values()
                           if x["project_id"] == t["project_id"]
                           and x["parent_id"] == t["parent_id"] and x is not t),
                          key=lambda x: x["ordering"])
        if pos == "to_top":
            siblings.insert(0, t)
        elif pos == "to_bottom":
            siblings.append(t)
        else:
            unprocessable({"move_position": [{"error": "inclusion", "value": pos}]})
        for n, x in enumerate(siblings):
            x["ordering"] = n
        return jresp(200, {"data": self.ser_input_topic(t)})

    def h_input_topic_destroy(self, req, id):
        t = self.find_input_topic(id)
        if not self.can_moderate(req.viewer, t["project_id"]):
            unauthorized()
        gone = set([id] + [x["id"] for x in self.store.input_topics.values()
                           if x["parent_id"] == id])
        for g in gone:
            del self.store.input_topics[g]
        for i in self.store.ideas.values():
            i["input_topic_ids"] = [x for x in i["input_topic_ids"] if x not in gone]
        return Resp(200)

    # --- routing -----------------------------------------------------------------------------

    def handle(self, method, path, query, headers, body, ip, base_url):
        """One /web_api request (after latency and one-shot faults): a Resp."""
        with self.lock:
            self.served += 1
            req = Req(method, path, query, headers, body, ip, base_url)
            limited = self.rate_limited(req)
            if limited:
                hdrs = []
                if self.faults.get("retry_after") is not None:
                    hdrs.append(("Retry-After", str(self.faults["retry_after"])))
                return Resp(429, b"Retry later", "text/plain", hdrs)
            route = None
            sub = path[len(API):] if path.startswith(API + "/") else None
            if sub is not None:
                for (m, rx, name, kind, engine, extra) in ROUTES:
                    if m != method:
                        continue
                    mt = rx.match(sub)
                    if mt:
                        route = (name, kind, engine, extra, mt.groupdict())
                        break
            if route is None or (route[2] and not self.engine_on(route[2])):
                # Rails' routing error, as an API-only app renders it for JSON requests
                return jresp(404, {"status": 404, "error": "Not Found"})
            name, kind, engine, extra, groups = route
            groups = dict((k, unquote(v)) for k, v in groups.items())
            groups.update(extra)
            token = pstr(req.params, "token")
            if not token:
                auth = headers.get("Authorization") or ""
                token = auth.split()[-1] if auth.split() else None
            req.token_given = bool(token)
            req.viewer = self.token_user(token) if token else None
            if kind == "user" and req.viewer is None:
                return Resp(401)
            if (req.viewer and self.blocked(req.viewer) and method != "GET"
                    and name != "user_token"):
                return jresp(401, {"errors": {"base": [{"error": "blocked", "details": {
                    "block_end_at": iso(req.viewer["blocked_until"])}}]}})
            cache_key = None
            ttl = float(self.faults.get("anonymous_cache_seconds") or 0)
            if ttl > 0 and req.viewer is None and method == "GET" and name.startswith("idea"):
                cache_key = path + "?" + query
                hit = self.cache.get(cache_key)
                if hit and hit[0] > time.time():
                    return hit[1]
            try:
                resp = getattr(self, "h_" + name)(req, **groups)
            except Fail as f:
                resp = f.resp
            if cache_key and resp.status == 200:
                self.cache[cache_key] = (time.time() + ttl, resp)
            return resp

    # --- rate limiting (Rack::Attack, §7) ----------------------------------------------------

    def _hit(self, rule, key, now):
        cfg = self.faults["rate_limit"].get(rule) or {}
        limit, period = cfg.get("limit"), cfg.get("period")
        if not limit or not period:
            return False
        w = self.windows.get((rule, key))
        if not w or now >= w[0] + period:
            w = self.windows[(rule, key)] = [now, 0]
        w[1] += 1
        return w[1] > limit

    def rate_limited(self, req):
        """Throttles as in back/config/initializers/rack_attack.rb. Each window starts with
        its first request (Rack::Attack aligns them to the clock; this keeps tests steady)."""
        if not self.faults["rate_limit"].get("enabled", True):
            return False
        now = time.time()
        ip = req.ip
        path = req.path.rstrip("/")
        hit = self._hit("requests", ip, now)
        if req.method == "POST" and path == API + "/user_token":
            hit = self._hit("login", ip, now) or hit
            hit = self._hit("login_day", ip, now) or hit
            email = None
            try:
                data = json.loads(req.body.decode("utf-8")) if req.body else None
                if isinstance(data, dict) and isinstance(data.get("auth"), dict):
                    email = str(data["auth"].get("email") or "").strip().lower() or None
            except (ValueError, UnicodeError):
                pass
            if email:
                hit = self._hit("login_email", email, now) or hit
                hit = self._hit("login_email_day", email, now) or hit
        search = req.params.get("search")
        if isinstance(search, str) and search != "":
            hit = self._hit("search", ip, now) or hit
        if req.method == "POST" and re.match(
                r"^" + re.escape(API) + r"/(ideas|comments)/[^/]+/spam_reports$", path):
            hit = self._hit("spam_report", ip, now) or hit
            hit = self._hit("spam_report_day", ip, now) or hit
        return hit

    # --- one-shot faults ---------------------------------------------------------------------

    def take_oneshot(self, method, path):
        """The first queued one-shot fault matching this request, consumed; or None."""
        with self.lock:
            for f in self.oneshots:
                if f["match"] is None or _matches(f["match"], method, path):
                    f["count"] -= 1
                    if f["count"] <= 0:
                        self.oneshots.remove(f)
                    return f
        return None

    def add_faults(self, spec):
        """Apply a POST /__fake/faults body; returns an error text or None."""
        if not isinstance(spec, dict):
            return "the body must be a JSON object"
        with self.lock:
            if spec.get("clear"):
                self.faults = default_faults(self.opts)
                self.oneshots = []
            for k, v in spec.items():
                if k == "clear":
                    continue
                if k in ONESHOT_KINDS:
                    if v in (None, False):
                        self.oneshots = [f for f in self.oneshots if f["kind"] != k]
                        continue
                    f = {"kind": k, "match": None, "count": 1}
                    if isinstance(v, str):
                        f["match"] = v
                    elif isinstance(v, dict):
                        f.update(v)
                        f["kind"] = k
                    elif k == "status_next" and isinstance(v, int) and not isinstance(v, bool):
                        f["status"] = v
                    elif k == "delay_next" and isinstance(v, (int, float)) and not isinstance(v, bool):
                        f["ms"] = v
                    elif v is not True:
                        return "%s: true, \"METHOD /path\" or an object" % k
                    if k == "status_next" and not isinstance(f.get("status"), int):
                        return "status_next needs a status"
                    f["count"] = max(1, to_int(f.get("count"), 1))
                    if f["match"] is not None and not isinstance(f["match"], str):
                        return "%s: match must be a string" % k
                    self.oneshots.append(f)
                elif k == "expire_tokens":
                    if v:
                        self.revoked |= self.issued
                elif k == "rate_limit":
                    if not isinstance(v, dict):
                        return "rate_limit must be an object"
                    rl = self.faults["rate_limit"]
                    for rk, rv in v.items():
                        if rk == "enabled":
                            rl["enabled"] = bool(rv)
                        elif rk == "reset":
                            if rv:
                                self.windows = {}
                        elif rk in rl and isinstance(rv, dict):
                            rl[rk] = dict(rl[rk], **rv)
                        else:
                            return "rate_limit has no rule %r" % rk
                elif k == "now":
                    self.faults["now"] = parse_time(v) if isinstance(v, str) else v
                elif k in self.faults:
                    self.faults[k] = v
                else:
                    return "unknown fault %r" % k
        return None

    # --- /__fake/ ----------------------------------------------------------------------------

    def admin(self, method, path, query, body):
        try:
            data = json.loads(body.decode("utf-8")) if body and body.strip() else {}
        except (ValueError, UnicodeError):
            return jresp(400, {"error": "the body is not JSON"})
        with self.lock:
            if path == "/__fake/state" and method == "GET":
                return jresp(200, self.state_dump())
            if path == "/__fake/ids" and method == "GET":
                return jresp(200, self.store.ids)
            if path == "/__fake/reset" and method == "POST":
                self.reset(keep_faults=bool(isinstance(data, dict) and data.get("keep_faults")))
                return jresp(200, {"ok": True})
            if path == "/__fake/faults" and method == "GET":
                return jresp(200, self.faults_dump())
            if path == "/__fake/faults" and method == "POST":
                err = self.add_faults(data)
                if err:
                    return jresp(422, {"error": err})
                return jresp(200, self.faults_dump())
            if path == "/__fake/requests" and method == "GET":
                return jresp(200, {"count": self.served, "requests": self.log})
            if path == "/__fake/requests" and method == "DELETE":
                self.log = []
                self.served = 0
                return jresp(200, {"ok": True})
            if path == "/__fake/token" and method == "POST":
                u = self.admin_user(data.get("user") or data.get("email"))
                if not u:
                    return jresp(422, {"error": "no such user"})
                t = self.make_token(u, float(data.get("exp_in", DAY)))
                return jresp(201, {"jwt": t})
            if path == "/__fake/block" and method == "POST":
                u = self.admin_user(data.get("user") or data.get("email"))
                if not u:
                    return jresp(422, {"error": "no such user"})
                until = data.get("until")
                u["blocked_until"] = parse_time(until) if until else None
                return jresp(200, {"ok": True})
            if path == "/__fake/projects" and method == "POST":
                return self.admin_new_project(data)
            if path == "/__fake/ideas" and method == "POST":
                return self.admin_new_idea(data)
            if path == "/__fake/comments" and method == "POST":
                return self.admin_new_comment(data)
            if path == "/__fake/flags" and method == "POST":
                return self.admin_new_flag(data)
        return jresp(404, {"error": "no such fake endpoint"})

    def admin_user(self, ref_):
        if not isinstance(ref_, str):
            return None
        s = self.store
        return (s.users.get(ref_) or s.users.get(s.ids.get(ref_, ""))
                or self.user_by_email(ref_))

    def admin_ref(self, table, ref_):
        s = self.store
        if not isinstance(ref_, str):
            return None
        return table.get(ref_) or table.get(s.ids.get(ref_, ""))

    def admin_new_project(self, d):
        """A project as an admin would set it up, with its phases (times: ISO 8601)."""
        s = self.store
        if not d.get("slug") or not isinstance(d.get("title_multiloc"), dict):
            return jresp(422, {"error": "needs slug, title_multiloc"})
        now = self.now()
        k, pid = s.new_key("project")
        s.projects[pid] = {
            "id": pid, "key": k, "slug": d["slug"], "title_multiloc": d["title_multiloc"],
            "description_multiloc": {}, "description_preview_multiloc": {},
            "publication_status": "published", "visible_to": "public", "folder_id": None,
            "ordering": max([p["ordering"] for p in s.projects.values()] + [0]) + 1,
            "default_assignee_id": None, "area_ids": [], "topic_ids": [],
            "kind": d.get("kind") or "timeline", "created_at": now, "updated_at": now}
        for ph in d.get("phases") or []:
            m = ph.get("participation_method") or "ideation"
            hk, hid = s.new_key("phase")
            s.phases[hid] = {
                "id": hid, "key": hk, "project_id": pid,
                "title_multiloc": ph.get("title_multiloc") or {}, "description_multiloc": {},
                "participation_method": m, "start_at": parse_time(ph["start_at"]),
                "end_at": parse_time(ph["end_at"]) if ph.get("end_at") else None,
                "submission_enabled": m in INPUT_METHODS, "commenting_enabled": m in INPUT_METHODS,
                "reacting_enabled": m in INPUT_METHODS, "input_term": "idea",
                "created_at": now, "updated_at": now}
        return jresp(201, {"id": pid, "key": k})

    def admin_new_idea(self, d):
        s = self.store
        project = self.admin_ref(s.projects, d.get("project") or "project:2")
        author = self.admin_user(d.get("author") or "user:2")
        if not project or not author or not d.get("title"):
            return jresp(422, {"error": "needs project, author, title"})
        k, iid = s.new_key("idea")
        now = self.now()
        locale = d.get("locale") or author["locale"]
        cur = self.current_phase(project["id"])
        status = self.admin_ref(s.statuses, d.get("status") or "idea_status:proposed")
        idea = {"id": iid, "key": k, "project_id": project["id"],
                "phase_ids": [cur["id"]] if cur else [], "author_id": author["id"],
                "title_multiloc": {locale: d["title"]},
                "body_multiloc": {locale: text_to_html(d.get("body") or "")},
                "slug": slugify(d["title"], "idea") + "-" + k.split(":")[1],
                "publication_status": d.get("publication_status") or "published",
                "idea_status_id": status["id"] if status else uid("idea_status:proposed"),
                "assignee_id": project["default_assignee_id"],
                "location_description": d.get("location_description"),
                "location_point_geojson": None, "created_at": now, "updated_at": now,
                "submitted_at": now, "published_at": now, "budget": None,
                "proposed_budget": None, "manual_votes_amount": None, "votes_count": 0,
                "baskets_count": 0, "input_topic_ids": [], "anonymous": False}
        if idea["publication_status"] != "published":
            idea["published_at"] = None
        s.ideas[iid] = idea
        return jresp(201, {"id": iid, "key": k})

    def admin_new_comment(self, d):
        s = self.store
        idea = self.admin_ref(s.ideas, d.get("idea"))
        author = self.admin_user(d.get("author") or "user:2")
        parent = self.admin_ref(s.comments, d.get("parent")) if d.get("parent") else None
        if not idea or not author or not d.get("body"):
            return jresp(422, {"error": "needs idea, author, body"})
        k, cid = s.new_key("comment")
        now = self.now()
        s.comments[cid] = {"id": cid, "key": k, "idea_id": idea["id"],
                           "parent_id": parent["id"] if parent else None,
                           "author_id": author["id"],
                           "body_multiloc": {d.get("locale") or author["locale"]:
                                             html_escape(d["body"])},
                           "publication_status": "published",
                           "likes_count": int(d.get("likes_count") or 0), "dislikes_count": 0,
                           "created_at": now, "updated_at": now, "deleted": None}
        return jresp(201, {"id": cid, "key": k})

    def admin_new_flag(self, d):
        s = self.store
        kind = "Comment" if d.get("comment") else "Idea"
        rec = self.admin_ref(s.comments if kind == "Comment" else s.ideas,
                             d.get("comment") or d.get("idea"))
        if not rec:
            return jresp(422, {"error": "needs idea or comment"})
        flag = ensure_flag(s, kind, rec["id"], rec["key"], self.now())
        flag["toxicity_label"] = d.get("toxicity_label", "insult")
        return jresp(201, {"id": flag["id"], "key": flag["key"]})

    def faults_dump(self):
        d = dict(self.faults)
        d["now"] = iso(self.faults["now"]) if self.faults.get("now") is not None else None
        d["pending"] = [dict(f) for f in self.oneshots]
        return d

    def state_dump(self):
        s = self.store

        def k(i, table):
            return table[i]["key"] if i in table else i
        status = s.statuses
        return {
            "now": iso(self.now()),
            "ids": s.ids,
            "users": [{"id": u["id"], "key": u["key"], "email": u["email"],
                       "password": u["password"], "name": self.display_name(u),
                       "roles": u["roles"], "highest_role": self.highest_role(u),
                       "blocked_until": iso(u["blocked_until"]),
                       "invite_pending": u["invite_pending"], "login": u["login"]}
                      for u in sorted(s.users.values(), key=lambda u: u["created_at"])],
            "projects": [{"id": p["id"], "key": p["key"], "slug": p["slug"],
                          "publication_status": p["publication_status"],
                          "default_assignee_id": p["default_assignee_id"],
                          "current_phase": k((self.current_phase(p["id"]) or {}).get("id"), s.phases)}
                         for p in sorted(s.projects.values(), key=lambda p: p["ordering"])],
            "phases": [{"id": p["id"], "key": p["key"], "project": k(p["project_id"], s.projects),
                        "title_multiloc": p["title_multiloc"],
                        "participation_method": p["participation_method"],
                        "start_at": iso(p["start_at"]), "end_at": iso(p["end_at"])}
                       for p in sorted(s.phases.values(),
                                       key=lambda p: (k(p["project_id"], s.projects), p["start_at"]))],
            "ideas": [{"id": i["id"], "key": i["key"], "slug": i["slug"],
                       "title_multiloc": i["title_multiloc"],
                       "project": k(i["project_id"], s.projects),
                       "phases": [k(p, s.phases) for p in i["phase_ids"]],
                       "publication_status": i["publication_status"],
                       "idea_status_id": i["idea_status_id"],
                       "status": k(i["idea_status_id"], status),
                       "status_code": (status.get(i["idea_status_id"]) or {}).get("code"),
                       "assignee_id": i["assignee_id"],
                       "assignee": k(i["assignee_id"], s.users) if i["assignee_id"] else None,
                       "updated_at": iso(i["updated_at"])}
                      for i in sorted(s.ideas.values(), key=lambda i: i["created_at"])],
            "official_feedback": [{"id": f["id"], "key": f["key"], "idea": k(f["idea_id"], s.ideas),
                                   "user": k(f["user_id"], s.users),
                                   "body_multiloc": f["body_multiloc"],
                                   "author_multiloc": f["author_multiloc"],
                                   "created_at": iso(f["created_at"])}
                                  for f in sorted(s.feedback.values(), key=lambda f: f["created_at"])],
            "comments": [{"id": c["id"], "key": c["key"], "idea": k(c["idea_id"], s.ideas),
                          "author": k(c["author_id"], s.users) if c["author_id"] else None,
                          "publication_status": c["publication_status"],
                          "deleted": c["deleted"]}
                         for c in sorted(s.comments.values(), key=lambda c: c["created_at"])],
            "spam_reports": [{"id": r["id"], "key": r["key"], "item_type": r["reportable_type"],
                              "item": k(r["reportable_id"], s.ideas if r["reportable_type"] == "Idea"
                                        else s.comments),
                              "user": k(r["user_id"], s.users), "reason_code": r["reason_code"],
                              "other_reason": r["other_reason"]}
                             for r in sorted(s.reports.values(), key=lambda r: r["reported_at"])],
            "flags": [{"id": f["id"], "key": f["key"], "item_type": f["flaggable_type"],
                       "item": k(f["flaggable_id"], s.ideas if f["flaggable_type"] == "Idea"
                                 else s.comments),
                       "toxicity_label": f["toxicity_label"], "deleted_at": iso(f["deleted_at"]),
                       "reason_code": self.flag_reason(f),
                       "machine": s.machine.get((f["flaggable_type"], f["flaggable_id"]))}
                      for f in sorted(s.flags.values(), key=lambda f: f["created_at"])],
            "moderation_statuses": dict(("%s/%s" % key, v) for key, v in s.moderation.items()),
            "faults": self.faults_dump(),
            "requests_served": self.served,
        }


def _matches(pattern, method, path):
    """"GET /web_api/v1/ideas" (exact path), "GET /web_api/v1/ideas*" (prefix), "* /x",
    or just a path (any method)."""
    parts = pattern.split(None, 1)
    if len(parts) == 2:
        m, p = parts
    else:
        m, p = "*", parts[0] if parts else "*"
    if m != "*" and m.upper() != method:
        return False
    if p.endswith("*"):
        return path.startswith(p[:-1])
    return path == p


def _r(method, pattern, name, kind="public", engine=None, **extra):
    rx = re.compile("^" + re.sub(r":(\w+)", r"(?P<\1>[^/]+)", pattern) + "$")
    return (method, rx, name, kind, engine, extra)


# kind: "public" (a bad token makes the caller anonymous), "user" (a valid token is needed:
# 401 with an empty body), "open" (login). engine: the commercial engine serving the route.
ROUTES = [
    _r("POST", "/user_token", "user_token", "open"),
    _r("GET", "/users/me", "users_me", "user"),
    _r("GET", "/users/:id/comments", "user_comments"),
    _r("GET", "/users/:id", "user_show"),
    _r("GET", "/ideas", "ideas_index"),
    _r("GET", "/ideas/filter_counts", "ideas_filter_counts"),
    _r("GET", "/ideas/by_slug/:slug", "idea_by_slug"),
    _r("GET", "/ideas/:id", "idea_show"),
    _r("PATCH", "/ideas/:id", "idea_update"),
    _r("PUT", "/ideas/:id", "idea_update"),
    _r("DELETE", "/ideas/:id", "idea_destroy"),
    _r("GET", "/ideas/:id/comments", "idea_comments"),
    _r("GET", "/ideas/:id/official_feedback", "feedback_index"),
    _r("POST", "/ideas/:id/official_feedback", "feedback_create"),
    _r("GET", "/ideas/:id/spam_reports", "reports_index", "user", item_kind="Idea"),
    _r("POST", "/ideas/:id/spam_reports", "report_create", "user", item_kind="Idea"),
    _r("GET", "/official_feedback/:id", "feedback_show"),
    _r("PATCH", "/official_feedback/:id", "feedback_update"),
    _r("PUT", "/official_feedback/:id", "feedback_update"),
    _r("DELETE", "/official_feedback/:id", "feedback_destroy"),
    _r("GET", "/comments/:id", "comment_show"),
    _r("GET", "/comments/:id/children", "comment_children"),
    _r("POST", "/comments/:id/mark_as_deleted", "comment_mark_deleted"),
    _r("DELETE", "/comments/:id", "comment_destroy"),
    _r("GET", "/comments/:id/spam_reports", "reports_index", "user", item_kind="Comment"),
    _r("POST", "/comments/:id/spam_reports", "report_create", "user", item_kind="Comment"),
    _r("GET", "/spam_reports/:id", "report_show", "user"),
    _r("PATCH", "/spam_reports/:id", "report_update", "user"),
    _r("PUT", "/spam_reports/:id", "report_update", "user"),
    _r("DELETE", "/spam_reports/:id", "report_destroy", "user"),
    _r("GET", "/idea_statuses", "statuses_index"),
    _r("GET", "/idea_statuses/:id", "status_show"),
    _r("GET", "/projects", "projects_index"),
    _r("GET", "/projects/by_slug/:slug", "project_by_slug"),
    _r("GET", "/projects/:id", "project_show"),
    _r("PATCH", "/projects/:id", "project_update"),
    _r("PUT", "/projects/:id", "project_update"),
    _r("GET", "/projects/:id/moderators", "project_moderators"),
    _r("GET", "/projects/:id/phases", "phases_index"),
    _r("POST", "/projects/:id/phases", "phase_create"),
    _r("GET", "/projects/:id/projects_allowed_input_topics", "allowed_input_topics"),
    _r("GET", "/projects/:id/input_topics", "input_topics_index"),
    _r("POST", "/projects/:id/input_topics", "input_topic_create"),
    _r("GET", "/phases/:id", "phase_show"),
    _r("PATCH", "/phases/:id", "phase_update"),
    _r("PUT", "/phases/:id", "phase_update"),
    _r("DELETE", "/phases/:id", "phase_destroy"),
    _r("GET", "/moderations", "moderations_index", "user", "moderation"),
    _r("GET", "/moderations/moderations_count", "moderations_count", "user", "moderation"),
    _r("PATCH", "/moderations/:type/:id", "moderation_update", "user", "moderation"),
    _r("PUT", "/moderations/:type/:id", "moderation_update", "user", "moderation"),
    _r("GET", "/inappropriate_content_flags/:id", "flag_show", "user",
       "flag_inappropriate_content"),
    _r("PATCH", "/inappropriate_content_flags/:id/mark_as_deleted", "flag_dismiss", "user",
       "flag_inappropriate_content"),
    _r("PATCH", "/inappropriate_content_flags/:id/mark_as_flagged", "flag_restore", "user",
       "flag_inappropriate_content"),
    _r("GET", "/areas", "areas_index"),
    _r("GET", "/areas/:id", "area_show"),
    _r("GET", "/topics", "topics_index"),
    _r("GET", "/topics/:id", "topic_show", item_kind="topic"),
    _r("GET", "/global_topics", "global_topics_index"),
    _r("GET", "/global_topics/:id", "topic_show", item_kind="global_topic"),
    _r("GET", "/input_topics/:id", "input_topic_show"),
    _r("PATCH", "/input_topics/:id", "input_topic_update"),
    _r("PATCH", "/input_topics/:id/move", "input_topic_move"),
    _r("DELETE", "/input_topics/:id", "input_topic_destroy"),
]


# --- HTTP ------------------------------------------------------------------------------------

class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "fake-govocal/1"

    def version_string(self):
        return self.server_version
    timeout = 120           # an idle keep-alive connection is closed after this

    def log_message(self, fmt, *args):
        if self.server.fake.opts.verbose:
            sys.stderr.write("fake_govocal: %s %s\n" % (self.address_string(), fmt % args))

    def do_GET(self):
        self.dispatch()

    do_POST = do_PATCH = do_PUT = do_DELETE = do_HEAD = do_OPTIONS = do_GET

    def read_body(self):
        n = to_int(self.headers.get("Content-Length"), 0)
        return self.rfile.read(n) if n > 0 else b""

    def base_url(self):
        host = self.headers.get("Host") or "%s:%d" % self.server.server_address[:2]
        return "%s://%s" % ("http" if self.server.fake.opts.insecure_http else "https", host)

    def dispatch(self):
        fake = self.server.fake
        body = self.read_body()
        url = urlsplit(self.path)
        path, query = url.path, url.query
        method = self.command
        if path.startswith("/__fake/"):
            self.answer(fake.admin(method, path, query, body))
            return
        latency = float(fake.faults.get("latency_ms") or 0)
        if latency > 0:
            time.sleep(latency / 1000.0)
        fault = fake.take_oneshot(method, path)
        kind = fault["kind"] if fault else None
        if kind == "delay_next":
            time.sleep(float(fault.get("ms", 1000)) / 1000.0)
        if kind == "hang_next":
            self.record(method, path, query, "hang")
            self.hang()
            return
        if kind == "close_next":
            self.record(method, path, query, "close")
            self.close_connection = True
            try:
                self.connection.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            return
        if kind == "status_next":
            status = int(fault["status"])
            if "body" in fault:
                b = fault["body"]
                resp = Resp(status, b.encode("utf-8") if isinstance(b, str) else json_bytes(b),
                            "text/plain" if isinstance(b, str) else JSON_TYPE)
            elif status == 429:
                resp = Resp(429, b"Retry later", "text/plain")
            elif status >= 500:
                resp = jresp(status, {"status": status, "error": "Internal Server Error"})
            else:
                resp = Resp(status)
            ra = fault.get("retry_after", fake.faults.get("retry_after") if status == 429 else None)
            if ra is not None:
                resp.headers.append(("Retry-After", str(ra)))
        else:
            try:
                resp = fake.handle(method, path, query, self.headers, body,
                                   self.client_address[0], self.base_url())
            except Exception:
                traceback.print_exc()
                resp = jresp(500, {"status": 500, "error": "Internal Server Error"})
        self.record(method, path, query, resp.status)
        if kind == "truncate_next":
            self.answer(resp, truncate=fault)
        else:
            self.answer(resp)

    def record(self, method, path, query, status):
        fake = self.server.fake
        with fake.lock:
            fake.log.append({"at": iso(time.time()), "method": method,
                             "path": path + ("?" + query if query else ""), "status": status})
            if len(fake.log) > 10000:
                del fake.log[:1000]

    def answer(self, resp, truncate=None):
        body = resp.body
        length = len(body)
        if truncate is not None:
            if length == 0:
                length = 16
            cut = truncate.get("bytes")
            cut = to_int(cut, length // 2) if cut is not None else length // 2
            body = body[:max(0, min(cut, length - 1))]
            self.close_connection = True
        self.send_response(resp.status)
        if resp.ctype:
            self.send_header("Content-Type", resp.ctype)
        for k, v in resp.headers:
            self.send_header(k, v)
        self.send_header("Content-Length", str(length))
        if truncate is not None:
            self.send_header("Connection", "close")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)
        self.wfile.flush()
        if truncate is not None:
            try:
                self.connection.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass

    def hang(self):
        """Never answer: wait until the client goes away or the server stops."""
        self.close_connection = True
        sock = self.connection
        stopping = self.server.fake.stopping
        while not stopping.is_set():
            try:
                pending = sock.pending() if hasattr(sock, "pending") else 0
                r = select.select([sock], [], [], 0.25)[0] if not pending else [sock]
            except (OSError, ValueError):
                return
            if r:
                try:
                    data = sock.recv(4096)
                except (ssl.SSLWantReadError, BlockingIOError):
                    continue
                except (OSError, ssl.SSLError):
                    return
                if not data:
                    return


class Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, addr, fake, context):
        self.fake = fake
        self.context = context
        ThreadingHTTPServer.__init__(self, addr, Handler)

    def finish_request(self, request, client_address):
        """TLS handshake in the request's own thread, so a slow client blocks nobody."""
        if self.context is None:
            return ThreadingHTTPServer.finish_request(self, request, client_address)
        try:
            request.settimeout(10)
            conn = self.context.wrap_socket(request, server_side=True)
            conn.settimeout(None)
        except (OSError, ssl.SSLError) as e:
            if self.fake.opts.verbose:
                sys.stderr.write("fake_govocal: TLS handshake failed: %s\n" % e)
            return
        try:
            self.RequestHandlerClass(conn, client_address, self)
        finally:
            try:
                conn.shutdown(socket.SHUT_RDWR)
            except (OSError, ValueError):
                pass
            conn.close()

    def handle_error(self, request, client_address):
        exc = sys.exc_info()[1]
        if isinstance(exc, (ConnectionError, ssl.SSLError, socket.timeout)):
            return
        ThreadingHTTPServer.handle_error(self, request, client_address)


def main(argv=None):
    ap = argparse.ArgumentParser(
        description="A fake Go Vocal web API for inspraak's tests (see README.md).")
    ap.add_argument("--bind", default="127.0.0.1",
                    help="address to listen on; only 127.0.0.1 is accepted")
    ap.add_argument("--port", type=int, default=0, help="port (default 0: a free one)")
    ap.add_argument("--cert", help="server certificate chain (PEM)")
    ap.add_argument("--key", help="server private key (PEM)")
    ap.add_argument("--insecure-http", action="store_true",
                    help="plain HTTP instead of HTTPS, for trying things by hand")
    ap.add_argument("--latency-ms", type=float, default=0,
                    help="delay added to every API request")
    ap.add_argument("--retry-after", default=None,
                    help="send Retry-After with this value on every 429")
    ap.add_argument("--no-rate-limit", action="store_true", help="switch the throttles off")
    ap.add_argument("--now", default=None,
                    help="the platform's clock: Unix time or ISO 8601 (default: real time)")
    ap.add_argument("--verbose", action="store_true", help="log every request on stderr")
    ap.add_argument("--seed", metavar="JSON",
                    help="seed from this file (tests/govocal/seed-from-db.sh) instead of the "
                         "embedded fixture")
    ap.add_argument("--check-fixture", metavar="SQL",
                    help="compare the embedded seed with this fixture file and exit")
    opts = ap.parse_args(argv)

    if opts.check_fixture:
        ok = check_fixture(opts.check_fixture)
        print("the seed matches %s" % opts.check_fixture if ok else
              "the seed differs from %s" % opts.check_fixture)
        return 0 if ok else 1
    if opts.seed:
        try:
            load_seed(opts.seed)
        except (OSError, ValueError, KeyError, TypeError) as e:
            ap.error("cannot read the seed %s: %s" % (opts.seed, e))
    if opts.bind != "127.0.0.1":
        ap.error("refusing to listen on %s: the fake listens on 127.0.0.1 only" % opts.bind)
    if opts.now is not None:
        n = opts.now
        opts.now = float(n) if re.match(r"^-?\d+(\.\d+)?$", n) else parse_time(n)
        if opts.now is None:
            ap.error("--now: not a Unix time or an ISO 8601 time: %s" % n)
    if opts.retry_after is not None and re.match(r"^\d+$", opts.retry_after):
        opts.retry_after = int(opts.retry_after)
    context = None
    if opts.insecure_http:
        if opts.cert or opts.key:
            ap.error("--insecure-http takes no --cert or --key")
    else:
        if not opts.cert or not opts.key:
            ap.error("HTTPS needs --cert and --key (or use --insecure-http)")
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.minimum_version = ssl.TLSVersion.TLSv1_2
        try:
            context.load_cert_chain(opts.cert, opts.key)
        except (OSError, ssl.SSLError) as e:
            ap.error("cannot load the certificate: %s" % e)

    fake = Fake(opts)
    try:
        server = Server(("127.0.0.1", opts.port), fake, context)
    except OSError as e:
        sys.stderr.write("fake_govocal: cannot listen on 127.0.0.1:%d: %s\n" % (opts.port, e))
        return 1
    host, port = server.server_address[:2]
    fake.base_url = "%s://%s:%d" % ("http" if opts.insecure_http else "https", host, port)
    sys.stdout.write(fake.base_url + "\n")
    sys.stdout.flush()

    stop = threading.Event()

    def on_signal(signum, frame):
        stop.set()
    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.2})
    thread.daemon = True
    thread.start()
    while not stop.wait(0.1):
        pass
    fake.stopping.set()
    server.shutdown()
    server.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
