-- pgbench script for bench/declaration_submit.sh: the raw PostgreSQL cost of what one submission
-- stores, without HTTP, JSON nor the rates engine: a revision row and its 10 line rows (with a
-- detail document of the size the engine's French explanation gives) in one statement, so one
-- round trip and one commit per transaction. Rows go to a month no request uses (1990-01) of the
-- accommodation in bench_target, with the revision numbers of sequence bench_revision; both are
-- created by declaration_submit.sh.
WITH target AS (SELECT * FROM bench_target),
revision AS (
  INSERT INTO declaration_revisions (collectivity_id, host_id, accommodation_id, month, revision,
    kind, submitted_by, submitted_on, due_on, days_late, reason, rounding_mode,
    deliberation_versions, tax_cents, additional_taxes, additional_cents, total_cents,
    person_nights, taxable_person_nights, platform_person_nights, warnings)
  SELECT collectivity_id, host_id, accommodation_id, '1990-01-01', nextval('bench_revision'),
    'stays', 'pgbench', '1990-02-10', '1990-02-15', 0, 'pgbench', 'per_line', '{"2026": 1}',
    2660, '[{"beneficiary": "departement", "label": "Taxe additionnelle départementale", '
          '"rate_bp": 1000, "amount_cents": 266}]',
    266, 2926, 50, 38, 12, '[]'
  FROM target
  RETURNING id, collectivity_id)
INSERT INTO declaration_lines (revision_id, line_no, collectivity_id, month, commune_insee_code,
  nature, category, arrival, nights, occupants, exempt_minors, exempt_seasonal_workers,
  exempt_emergency_housing, exempt_low_rent, price_per_night_cents, collector, person_nights,
  taxable_person_nights, tax_cents, additional_cents, total_cents, detail)
SELECT r.id, k, r.collectivity_id, '1990-01-01', t.commune_insee_code, 'furnished_rental',
  'unclassified', date '1990-01-01' + 2 * k, 2, 1 + k % 4, CASE WHEN k % 4 >= 2 THEN 1 ELSE 0 END,
  0, 0, 0, 6000 + 700 * k, 'host', 2 * (1 + k % 4), 2 * (1 + k % 4 - CASE WHEN k % 4 >= 2 THEN 1 ELSE 0 END),
  266, 27, 293, t.detail
FROM revision r, target t, generate_series(0, 9) k;
