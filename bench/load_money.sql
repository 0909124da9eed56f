-- The money of a year (2025) for the reconciliation benchmark (bench/reconciliation.sh), on a
-- database bench/load_register.sql and bench/load_nights.sql have just filled:
--   psql -v ON_ERROR_STOP=1 -v payments=100000 -f bench/load_money.sql
-- - the ledger's declaration entries: bench/load_nights.sql writes the revisions with the
--   triggers off (session_replication_role = replica), so nothing booked them. They are booked
--   here as migration 0014's trigger books them, set-based: each revision's difference with the
--   month's previous revision (host +total, tax_revenue −tax, additional_tax_payable −add-on), on
--   the day it was submitted;
-- - :payments payments spread over the hosts that owe something, about a tenth of a host's year
--   each, received from February 2025 to January 2026, each with its ledger entry (treasury +,
--   host −): most hosts end the year having paid part of what they owe;
-- - the budget of 2025 (a budget primitif with the département's add-on and the tourist
--   office's four instalments) and a few transfers, through the same tables the API writes.
-- Deterministic: every choice is a hash of the row it is made for.

\set ON_ERROR_STOP 1
SET maintenance_work_mem = '512MB';
SET work_mem = '128MB';
SET synchronous_commit = off;

CREATE FUNCTION pg_temp.pick(i bigint, salt int, n int) RETURNS int
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT ((hashint8(i * 1009 + salt) & 2147483647) % n)::int $$;

-- Each revision's difference with the previous revision of its month.
CREATE TEMP TABLE booked AS
SELECT gen_random_uuid() AS entry_id, r.id, r.collectivity_id, r.host_id, r.accommodation_id,
       r.month, r.revision, r.submitted_on,
       r.total_cents - coalesce(lag(r.total_cents) OVER w, 0) AS host_delta,
       r.tax_cents - coalesce(lag(r.tax_cents) OVER w, 0) AS tax_delta,
       r.additional_cents - coalesce(lag(r.additional_cents) OVER w, 0) AS additional_delta
FROM declaration_revisions r
WHERE NOT EXISTS (SELECT FROM ledger_entries e
                  WHERE e.source_type = 'declaration_revision' AND e.source_id = r.id::text)
WINDOW w AS (PARTITION BY r.accommodation_id, r.month ORDER BY r.revision);
DELETE FROM booked WHERE host_delta = 0;

BEGIN;
-- The postings are built balanced from each difference; the deferred balance check and the
-- no-change triggers are not needed for a set-based load.
SET LOCAL session_replication_role = replica;

INSERT INTO ledger_entries (id, collectivity_id, kind, booked_on, period, host_id,
  accommodation_id, source_type, source_id, label, recorded_by)
SELECT entry_id, collectivity_id, 'declaration', submitted_on, month, host_id, accommodation_id,
       'declaration_revision', id::text,
       'Déclaration ' || to_char(month, 'MM/YYYY') || ', révision ' || revision, 'bench'
FROM booked ORDER BY submitted_on, accommodation_id;

INSERT INTO ledger_postings (entry_id, line_no, collectivity_id, account, party, amount_cents,
  kind, booked_on, period, host_id, accommodation_id)
SELECT b.entry_id, p.line_no, b.collectivity_id, p.account, p.party, p.amount, 'declaration',
       b.submitted_on, b.month, b.host_id, b.accommodation_id
FROM booked b
CROSS JOIN LATERAL (VALUES
  (0, 'additional_tax_payable', 'departement', -b.additional_delta),
  (1, 'host_receivable', b.host_id::text, b.host_delta),
  (2, 'tax_revenue', '', -b.tax_delta)) AS p(line_no, account, party, amount)
WHERE p.amount <> 0;

-- What each host owes for the year, and its payments: about a tenth of that each.
CREATE TEMP TABLE owing AS
SELECT host_id, collectivity_id, sum(host_delta) AS owed, row_number() OVER (ORDER BY host_id) AS n
FROM booked GROUP BY host_id, collectivity_id HAVING sum(host_delta) > 0;

CREATE TEMP TABLE paying AS
SELECT gen_random_uuid() AS id, gen_random_uuid() AS entry_id, o.host_id, o.collectivity_id,
       greatest(100, (o.owed / 10) * (80 + pg_temp.pick(o.n * 100 + k, 1, 40)) / 100) AS amount,
       date '2025-02-01' + pg_temp.pick(o.n * 100 + k, 2, 365) AS received_on, k
FROM owing o
CROSS JOIN generate_series(1, (:payments + (SELECT count(*) FROM owing) - 1)
                              / (SELECT count(*) FROM owing)) AS k
ORDER BY o.n, k
LIMIT :payments;

INSERT INTO ledger_entries (id, collectivity_id, kind, booked_on, host_id, source_type, source_id,
  reference, label, recorded_by)
SELECT entry_id, collectivity_id, 'payment', received_on, host_id, 'payment', id::text,
       'virement ' || k, 'Paiement par virement', 'bench'
FROM paying ORDER BY received_on;

INSERT INTO ledger_postings (entry_id, line_no, collectivity_id, account, party, amount_cents,
  kind, booked_on, host_id)
SELECT entry_id, p.line_no, collectivity_id, p.account, p.party, p.amount, 'payment', received_on,
       host_id
FROM paying
CROSS JOIN LATERAL (VALUES (0, 'treasury', '', amount),
                           (1, 'host_receivable', host_id::text, -amount)) AS p(line_no, account,
                                                                               party, amount);

INSERT INTO payments (id, collectivity_id, host_id, method, origin, amount_cents, received_on,
  payer_reference, entry_id, recorded_by)
SELECT id, collectivity_id, host_id, 'bank_transfer', 'manual', amount, received_on,
       'virement ' || k, entry_id, 'bench'
FROM paying ORDER BY received_on;

INSERT INTO budget_versions (collectivity_id, fiscal_year, version, stage, forecast_tax_cents,
  beneficiaries, tourist_office_cents, instalments, recorded_by)
SELECT c.id, 2025, 1, 'budget_primitif',
       (SELECT coalesce(sum(tax_delta), 0) FROM booked) * 105 / 100,
       jsonb_build_array(jsonb_build_object('beneficiary', 'departement', 'label',
         'Département du Cantal', 'expected_cents',
         (SELECT coalesce(sum(additional_delta), 0) FROM booked))),
       40000000,
       '[{"number": 1, "due_on": "2025-03-31", "amount_cents": 10000000},
         {"number": 2, "due_on": "2025-06-30", "amount_cents": 10000000},
         {"number": 3, "due_on": "2025-09-30", "amount_cents": 10000000},
         {"number": 4, "due_on": "2025-12-31", "amount_cents": 10000000}]', 'bench'
FROM collectivities c WHERE c.siren = '200099999'
ON CONFLICT DO NOTHING;
COMMIT;

VACUUM (ANALYZE) ledger_entries, ledger_postings, payments, budget_versions;

SELECT (SELECT count(*) FROM ledger_entries) AS entries,
       (SELECT count(*) FROM ledger_postings) AS postings,
       (SELECT count(*) FROM payments) AS payments;
