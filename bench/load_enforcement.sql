-- A territory for the enforcement calendar's benchmark (bench/enforcement_calendar.sh): one EPCI
-- chasing from January 2026, :hosts hosts and :accommodations accommodations (2.5 per host), of
-- which 80 % declared January and 20 % did not (a deterministic hash of the row picks them).
-- Run on a fresh database that `nuitee migrate` has just created:
--   psql -v ON_ERROR_STOP=1 -v hosts=40000 -v accommodations=100000 -f bench/load_enforcement.sql
-- Declarations are written as the declaration routes leave declaration_months (latest_revision >
-- 0), without their revisions: the calendar reads nothing else of them.

\set ON_ERROR_STOP 1
\if :{?hosts}
\else
  \set hosts 40000
\endif
\if :{?accommodations}
\else
  \set accommodations 100000
\endif
SET synchronous_commit = off;

INSERT INTO collectivities (name, siren, kind, department_code, communes)
VALUES ('CC du banc d''essai des relances', '200099998', 'epci', '15',
        '[{"insee_code": "15138", "name": "Murat"}, {"insee_code": "15001", "name": "Allanche"}]');
SELECT id AS collectivity FROM collectivities WHERE siren = '200099998' \gset

INSERT INTO enforcement_settings_versions (collectivity_id, version, enforcement_from,
  second_reminder_after_days, formal_notice_after_days, letter_sender, recorded_by)
VALUES (:'collectivity', 1, '2026-01-01', 10, 15, 'CC du banc d''essai', 'bench');

INSERT INTO hosts (collectivity_id, kind, legal_name, email, address_line, postal_code, city)
SELECT :'collectivity', 'person', 'Hôte ' || i, 'hote' || i || '@bench.invalid',
       i || ' route du Lioran', '15300', 'Murat'
FROM generate_series(1, :hosts) i;

CREATE TEMP TABLE host_number AS
  SELECT id, legal_name, row_number() OVER (ORDER BY seq) AS n FROM hosts
  WHERE collectivity_id = :'collectivity';
CREATE INDEX ON host_number (n);

INSERT INTO accommodations (collectivity_id, host_id, host_name, name, commune_insee_code,
  address_line, postal_code, nature, capacity_persons, marketing, opened_on, unclassified_category)
SELECT :'collectivity', h.id, h.legal_name, 'Gîte n° ' || i,
       CASE WHEN i % 3 = 0 THEN '15001' ELSE '15138' END, i || ' chemin des Estives', '15300',
       'furnished_rental', 2 + i % 6, 'direct', '2020-01-01', 'unclassified'
FROM generate_series(1, :accommodations) i
JOIN host_number h ON h.n = 1 + (i - 1) % :hosts;

-- 80 % of the accommodations declared January; the rest is what the calendar chases.
INSERT INTO declaration_months (accommodation_id, month, collectivity_id, host_id, latest_revision)
SELECT id, '2026-01-01', collectivity_id, host_id, 1 FROM accommodations
WHERE collectivity_id = :'collectivity' AND (hashint8(seq) & 2147483647) % 5 <> 0;

ANALYZE;
SELECT 'loaded: ' || (SELECT count(*) FROM hosts) || ' hosts, ' || (SELECT count(*) FROM accommodations)
       || ' accommodations, ' || (SELECT count(*) FROM accommodations a WHERE NOT EXISTS (
         SELECT 1 FROM declaration_months d WHERE d.accommodation_id = a.id)) || ' months missing';
