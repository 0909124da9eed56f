-- One year (2025) of monthly declarations for the register of bench/load_register.sql, for the
-- benchmark of the synthesis of nights (bench/night_synthesis.sh): about 3.5 million stay lines
-- for 30,000 accommodations, with set-based INSERT ... SELECT.
--
-- Run on a database that `nuitee migrate` and bench/load_register.sql have just filled:
--   psql -v ON_ERROR_STOP=1 -f bench/load_nights.sql
-- The tables are filled as AppendRevision (migration 0007) fills them: a declaration_months row
-- per month declared pointing at its latest revision, revisions whose amounts and person-nights
-- are the sums of their lines, lines carrying the register's commune and nature, and night totals
-- summing the lines per revision, category and collector. The data is synthetic but
-- deterministic (every choice is a hash of the accommodation, the month and the line):
-- - a month is declared unless the accommodation had not opened by its end or had ceased before
--   it; 4 % of the accommodations never declare, and 3 % of the months are not declared yet;
-- - 1 to 45 stays a month (about 11), more in July-August and February, fewer in November; 8 % of
--   the months are nil returns; 3 % have a second revision (one more night on a stay);
-- - stays leave in their month (the departure month rule), with 1 to 6 occupants within the
--   capacity, children on many; platforms (Airbnb, Booking, Abritel) collect for 3 in 4 stays of
--   the meublés and chambres d'hôtes marketed only there, 2 in 5 of those marketed both ways;
-- - the category is the one in force on the 1st of the month; the tax of a host-collected stay
--   uses the tariffs of the bench deliberation (bench/declaration_submit.sh's: star3 1.10 €...,
--   5 % of the price per person capped at the 4-star tariff when unclassified) and a 10 %
--   departmental add-on, each rounded once per line. It is plausible, not the rates engine's
--   (the synthesis sums what is stored and computes nothing), and the line's detail holds one
--   sentence instead of the engine's explanation, to keep the load small.
-- Foreign keys and the no-change triggers are not checked during the load
-- (session_replication_role = replica: every reference is built from the rows it refers to), and
-- the indexes of the declaration tables are rebuilt at the end from their own definitions.

\set ON_ERROR_STOP 1
SET maintenance_work_mem = '512MB';
SET work_mem = '128MB';
SET synchronous_commit = off;

CREATE FUNCTION pg_temp.pick(i bigint, salt int, n int) RETURNS int
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT ((hashint8(i * 1009 + salt) & 2147483647) % n)::int $$;

-- Stays in a month, relative to an average month: ski holidays, the summer peak, November.
CREATE TEMP TABLE season (m int PRIMARY KEY, percent int);
INSERT INTO season VALUES (1, 85), (2, 140), (3, 75), (4, 65), (5, 65), (6, 95), (7, 190),
  (8, 225), (9, 85), (10, 65), (11, 30), (12, 80);

CREATE TEMP TABLE tariff (category text PRIMARY KEY, cents int);
INSERT INTO tariff VALUES ('palace', 400), ('star5', 230), ('star4', 165), ('star3', 110),
  ('star2', 80), ('star1', 70), ('camping_3_5', 55), ('camping_1_2', 20);

-- The months declared, with how many stays and when the host submitted them.
CREATE TEMP TABLE declared AS
SELECT d.*,
       CASE WHEN c.expires_on >= d.month THEN c.category ELSE d.unclassified_category END
         AS category
FROM (
  SELECT a.id AS accommodation_id, a.seq, a.collectivity_id, a.host_id, a.commune_insee_code,
         a.nature, a.capacity_persons, a.marketing, a.unclassified_category, m.month::date AS month,
         s.m,
         -- 5 to 20 stays in an average month, scaled by the season; 8 % of the months have none
         -- (a nil return).
         CASE WHEN pg_temp.pick(a.seq * 100 + s.m, 62, 100) < 8 THEN 0
              ELSE (5 + pg_temp.pick(a.seq, 61, 16)) * s.percent / 100 END AS stays,
         pg_temp.pick(a.seq * 100 + s.m, 63, 100) < 3 AS revised,
         pg_temp.pick(a.seq * 100 + s.m, 64, 100) AS lateness
  FROM accommodations a
  CROSS JOIN generate_series(date '2025-01-01', date '2025-12-01', interval '1 month') m(month)
  JOIN season s ON s.m = extract(month FROM m.month)::int
  WHERE (a.opened_on IS NULL OR a.opened_on <= (m.month + interval '1 month - 1 day')::date)
    AND (a.ceased_on IS NULL OR a.ceased_on >= m.month::date)
    AND pg_temp.pick(a.seq, 65, 100) >= 4
    AND pg_temp.pick(a.seq * 100 + extract(month FROM m.month)::int, 66, 100) >= 3
) d
-- The decision taken last by the 1st of the month, if it has not expired (ClassificationOn).
LEFT JOIN LATERAL (
  SELECT c.category, c.expires_on FROM classifications c
  WHERE c.accommodation_id = d.accommodation_id AND c.decided_on <= d.month
  ORDER BY c.decided_on DESC, c.seq DESC LIMIT 1) c ON true;

-- One row per revision, with its id; a second revision adds a night to the month's first stay.
-- Nine in ten hosts submit by the 14th of the next month, the others about three months late.
CREATE TEMP TABLE revision AS
SELECT gen_random_uuid() AS id, d.*, r.revision,
       CASE WHEN d.stays = 0 THEN 'nil' ELSE 'stays' END AS kind,
       (d.month + interval '1 month 14 days')::date AS due_on,
       (d.month + interval '1 month')::date
         + CASE WHEN d.lateness < 88 THEN d.lateness % 14 ELSE 15 + d.lateness END
         + (r.revision - 1) * 20 AS submitted_on
FROM declared d
CROSS JOIN LATERAL generate_series(1, CASE WHEN d.revised AND d.stays > 0 THEN 2 ELSE 1 END)
  r(revision);

-- The stays: the k-th of a month leaves on a day of the month after 1 to 7 nights, with 1 to 6
-- occupants (within the capacity), children on 45 % of them.
CREATE TEMP TABLE line AS
SELECT x.*, round(x.unit_exact * x.taxable_person_nights)::bigint AS tax_cents,
       round(x.unit_exact * x.taxable_person_nights * 0.1)::bigint AS additional_cents
FROM (
  SELECT y.*, y.month + y.departure_day - 1 - y.nights AS arrival,
         y.occupants * y.nights AS person_nights,
         (y.occupants - y.exempt_minors) * y.nights AS taxable_person_nights,
         CASE WHEN y.collector <> 'host' THEN 0
              WHEN y.category = 'unclassified'
                THEN least(y.price_per_night_cents::numeric / y.occupants * 0.05, 165)
              ELSE t.cents END AS unit_exact
  FROM (
    SELECT r.id AS revision_id, k AS line_no, r.collectivity_id, r.accommodation_id, r.month,
           r.commune_insee_code, r.nature, r.category, r.revision, p.departure_day,
           p.nights + CASE WHEN r.revision = 2 AND k = 0 THEN 1 ELSE 0 END AS nights,
           p.occupants, least(p.minors, p.occupants - 1) AS exempt_minors,
           5000 + 500 * p.price_step AS price_per_night_cents,
           CASE WHEN r.marketing <> 'direct'
                     AND r.nature IN ('furnished_rental', 'guest_house', 'other')
                     AND p.platform < CASE r.marketing WHEN 'platforms' THEN 75 ELSE 40 END
                THEN (ARRAY['airbnb', 'airbnb', 'booking', 'abritel'])[1 + p.platform % 4]
                ELSE 'host' END AS collector
    FROM revision r
    CROSS JOIN LATERAL generate_series(0, r.stays - 1) k
    CROSS JOIN LATERAL (
      SELECT 1 + pg_temp.pick(h, 71, extract(day FROM r.month + interval '1 month - 1 day')::int)
               AS departure_day,
             1 + pg_temp.pick(h, 72, 7) AS nights,
             1 + pg_temp.pick(h, 73, least(r.capacity_persons, 6)) AS occupants,
             CASE WHEN pg_temp.pick(h, 74, 100) < 45 THEN 1 + pg_temp.pick(h, 75, 2) ELSE 0 END
               AS minors,
             pg_temp.pick(h, 76, 30) AS price_step,
             pg_temp.pick(h, 77, 100) AS platform
      FROM (SELECT r.seq * 10000 + r.m * 100 + k AS h) hashed) p
  ) y
  LEFT JOIN tariff t ON t.category = y.category
) x;
ANALYZE revision;
ANALYZE line;

-- The indexes of the declaration tables (not the primary keys), rebuilt after the load.
CREATE TEMP TABLE saved_index AS
  SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS definition
  FROM pg_index i
  WHERE i.indrelid IN ('declaration_months'::regclass, 'declaration_revisions'::regclass,
                       'declaration_night_totals'::regclass)
    AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid);
SELECT format('DROP INDEX %s', name) FROM saved_index \gexec

BEGIN;
SET LOCAL session_replication_role = replica;

INSERT INTO declaration_revisions (id, collectivity_id, host_id, accommodation_id, month, revision,
  kind, submitted_by, submitted_at, submitted_on, due_on, days_late, reason, rounding_mode,
  deliberation_versions, tax_cents, additional_taxes, additional_cents, total_cents,
  person_nights, taxable_person_nights, platform_person_nights, warnings)
SELECT r.id, r.collectivity_id, r.host_id, r.accommodation_id, r.month, r.revision, r.kind,
       'bench', r.submitted_on + time '10:00', r.submitted_on, r.due_on,
       greatest(r.submitted_on - r.due_on, 0),
       CASE WHEN r.revision = 2 THEN 'Une nuit oubliée sur le premier séjour.' END, 'per_line',
       '{"2025": 1}', coalesce(t.tax, 0),
       CASE WHEN coalesce(t.additional, 0) = 0 THEN '[]'::jsonb
            ELSE jsonb_build_array(jsonb_build_object('beneficiary', 'departement', 'label', '',
                                                      'rate_bp', 1000,
                                                      'amount_cents', t.additional)) END,
       coalesce(t.additional, 0), coalesce(t.total, 0), coalesce(t.person_nights, 0),
       coalesce(t.taxable, 0), coalesce(t.platform, 0), '[]'
FROM revision r
LEFT JOIN (SELECT revision_id, sum(tax_cents) AS tax, sum(additional_cents) AS additional,
                  sum(tax_cents + additional_cents) AS total, sum(person_nights) AS person_nights,
                  sum(taxable_person_nights) AS taxable,
                  sum(person_nights) FILTER (WHERE collector <> 'host') AS platform
           FROM line GROUP BY revision_id) t ON t.revision_id = r.id
ORDER BY r.month, r.seq, r.revision;

INSERT INTO declaration_lines (revision_id, line_no, collectivity_id, month, commune_insee_code,
  nature, category, arrival, nights, occupants, exempt_minors, exempt_seasonal_workers,
  exempt_emergency_housing, exempt_low_rent, price_per_night_cents, collector, person_nights,
  taxable_person_nights, tax_cents, additional_cents, total_cents, detail)
SELECT revision_id, line_no, collectivity_id, month, commune_insee_code, nature, category, arrival,
       nights, occupants, exempt_minors, 0, 0, 0, price_per_night_cents, collector, person_nights,
       taxable_person_nights, tax_cents, additional_cents, tax_cents + additional_cents,
       jsonb_build_object(
         'additional_taxes',
         CASE WHEN additional_cents = 0 THEN '[]'::jsonb
              ELSE jsonb_build_array(jsonb_build_object('beneficiary', 'departement', 'label', '',
                                                        'rate_bp', 1000,
                                                        'amount_cents', additional_cents)) END,
         'capped', category = 'unclassified' AND unit_exact = 165,
         'unit_cents_per_person_night', round(unit_exact),
         'explanation', CASE WHEN collector = 'host'
                             THEN jsonb_build_array('Séjour généré par bench/load_nights.sql.')
                             ELSE '[]'::jsonb END)
FROM line
ORDER BY revision_id, line_no;  -- the primary key's order: its index grows at the end

INSERT INTO declaration_night_totals (revision_id, collectivity_id, accommodation_id, month,
  revision, commune_insee_code, nature, category, collector, stays, nights, person_nights,
  taxable_person_nights, exempt_minors_person_nights, exempt_seasonal_workers_person_nights,
  exempt_emergency_housing_person_nights, exempt_low_rent_person_nights, tax_cents,
  additional_cents, total_cents)
SELECT l.revision_id, l.collectivity_id, l.accommodation_id, l.month, l.revision,
       l.commune_insee_code, l.nature, l.category, l.collector, count(*), sum(l.nights),
       sum(l.person_nights), sum(l.taxable_person_nights), sum(l.exempt_minors * l.nights), 0, 0,
       0, sum(l.tax_cents), sum(l.additional_cents), sum(l.tax_cents + l.additional_cents)
FROM line l
GROUP BY l.revision_id, l.collectivity_id, l.accommodation_id, l.month, l.revision,
         l.commune_insee_code, l.nature, l.category, l.collector
ORDER BY l.month, l.accommodation_id;

INSERT INTO declaration_months (accommodation_id, month, collectivity_id, host_id,
  latest_revision, version)
SELECT accommodation_id, month, collectivity_id, host_id, max(revision), 1 + max(revision)
FROM revision
GROUP BY accommodation_id, month, collectivity_id, host_id;

COMMIT;

SELECT definition FROM saved_index \gexec

VACUUM (ANALYZE) declaration_months, declaration_revisions, declaration_lines,
  declaration_night_totals;

SELECT (SELECT count(*) FROM declaration_months) AS months,
       (SELECT count(*) FROM declaration_revisions) AS revisions,
       (SELECT count(*) FROM declaration_lines) AS lines,
       (SELECT count(*) FROM declaration_night_totals) AS night_totals;
