-- Appending a submission (DeclarationRepository::AppendRevision): the revision, its lines, their
-- night totals and the month's pointer, in one call.
--
-- Why a function: PL/pgSQL plans its statements once per connection and keeps the plans, while a
-- statement sent from the service is parsed and planned on every call. Sent as one statement with
-- common table expressions, parsing and planning took 0.6 ms of the 1.3 ms a submission spent
-- writing, more than the writes themselves (BENCHMARKS.md, "Submitting declarations").
--
-- The caller holds the month's row locked (LockMonth) and passes the next revision number. The
-- lines come as one jsonb array of objects with the columns of declaration_lines (line_no,
-- category, arrival... detail); the register's columns (commune, nature) and the revision's
-- (collectivity, month) are copied onto every line, as the synthesis of nights reads them there.
CREATE FUNCTION append_declaration_revision(
    p_collectivity_id uuid, p_host_id uuid, p_accommodation_id uuid, p_month date,
    p_revision integer, p_kind text, p_submitted_by text, p_submitted_on date, p_due_on date,
    p_days_late integer, p_reason text, p_rounding_mode text, p_deliberation_versions jsonb,
    p_tax_cents bigint, p_additional_taxes jsonb, p_additional_cents bigint, p_total_cents bigint,
    p_person_nights bigint, p_taxable_person_nights bigint, p_platform_person_nights bigint,
    p_warnings jsonb, p_commune_insee_code text, p_nature text, p_lines jsonb,
    OUT new_revision_id uuid, OUT new_submitted_at timestamptz, OUT new_month_version bigint)
  LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO declaration_revisions (collectivity_id, host_id, accommodation_id, month, revision,
    kind, submitted_by, submitted_on, due_on, days_late, reason, rounding_mode,
    deliberation_versions, tax_cents, additional_taxes, additional_cents, total_cents,
    person_nights, taxable_person_nights, platform_person_nights, warnings)
  VALUES (p_collectivity_id, p_host_id, p_accommodation_id, p_month, p_revision, p_kind,
    p_submitted_by, p_submitted_on, p_due_on, p_days_late, p_reason, p_rounding_mode,
    p_deliberation_versions, p_tax_cents, p_additional_taxes, p_additional_cents, p_total_cents,
    p_person_nights, p_taxable_person_nights, p_platform_person_nights, p_warnings)
  RETURNING id, submitted_at INTO new_revision_id, new_submitted_at;

  INSERT INTO declaration_lines (revision_id, line_no, collectivity_id, month, commune_insee_code,
    nature, category, arrival, nights, occupants, exempt_minors, exempt_seasonal_workers,
    exempt_emergency_housing, exempt_low_rent, price_per_night_cents, collector, person_nights,
    taxable_person_nights, tax_cents, additional_cents, total_cents, detail)
  SELECT new_revision_id, x.line_no, p_collectivity_id, p_month, p_commune_insee_code, p_nature,
    x.category, x.arrival, x.nights, x.occupants, x.exempt_minors, x.exempt_seasonal_workers,
    x.exempt_emergency_housing, x.exempt_low_rent, x.price_per_night_cents, x.collector,
    x.person_nights, x.taxable_person_nights, x.tax_cents, x.additional_cents, x.total_cents,
    x.detail
  FROM jsonb_to_recordset(p_lines) AS x(line_no integer, category text, arrival date,
    nights integer, occupants integer, exempt_minors integer, exempt_seasonal_workers integer,
    exempt_emergency_housing integer, exempt_low_rent integer, price_per_night_cents bigint,
    collector text, person_nights bigint, taxable_person_nights bigint, tax_cents bigint,
    additional_cents bigint, total_cents bigint, detail jsonb);

  -- Each statement of a function sees the rows of the ones before: sum what was just stored.
  INSERT INTO declaration_night_totals (revision_id, collectivity_id, accommodation_id, month,
    revision, commune_insee_code, nature, category, collector, stays, nights, person_nights,
    taxable_person_nights, exempt_minors_person_nights, exempt_seasonal_workers_person_nights,
    exempt_emergency_housing_person_nights, exempt_low_rent_person_nights, tax_cents,
    additional_cents, total_cents)
  SELECT new_revision_id, p_collectivity_id, p_accommodation_id, p_month, p_revision,
    p_commune_insee_code, p_nature, l.category, l.collector, count(*), sum(l.nights),
    sum(l.person_nights), sum(l.taxable_person_nights), sum(l.exempt_minors * l.nights),
    sum(l.exempt_seasonal_workers * l.nights), sum(l.exempt_emergency_housing * l.nights),
    sum(l.exempt_low_rent * l.nights), sum(l.tax_cents), sum(l.additional_cents),
    sum(l.total_cents)
  FROM declaration_lines l
  WHERE l.revision_id = new_revision_id
  GROUP BY l.category, l.collector;

  UPDATE declaration_months
  SET latest_revision = p_revision, draft = NULL, draft_saved_by = NULL, draft_saved_at = NULL,
      version = version + 1
  WHERE accommodation_id = p_accommodation_id AND month = p_month
  RETURNING version INTO new_month_version;
END
$$;
