-- Monthly declarations: per accommodation and month, the host's draft (a working copy) and the
-- submissions, which are frozen. A correction is a new revision that supersedes the previous one;
-- revisions and their lines are never rewritten nor deleted. Idempotency keys make a retried POST
-- return its first answer and store nothing twice.

-- Settings where collectivities differ (docs/decisions.md, "Declarations").
ALTER TABLE collectivities
  ADD COLUMN declaration_deadline_day integer NOT NULL DEFAULT 15
    CHECK (declaration_deadline_day BETWEEN 1 AND 28),
  ADD COLUMN remittance_frequency text NOT NULL DEFAULT 'monthly'
    CHECK (remittance_frequency IN ('monthly', 'quarterly', 'perception_period')),
  ADD COLUMN stay_month_rule text NOT NULL DEFAULT 'departure_month'
    CHECK (stay_month_rule IN ('departure_month', 'split_by_month'));

-- Where each accommodation-month stands: its pending draft and its latest revision. This row is
-- the one place that changes (a pointer, never a declaration): it carries the ETag version and,
-- through its primary key, makes two concurrent first submissions of a month one success and one
-- conflict.
CREATE TABLE declaration_months (
  accommodation_id uuid NOT NULL REFERENCES accommodations (id),
  month date NOT NULL CHECK (extract(day FROM month) = 1),
  collectivity_id uuid NOT NULL REFERENCES collectivities (id),
  host_id uuid NOT NULL REFERENCES hosts (id),
  draft jsonb,                                 -- {"stays": [...]} while a draft is pending
  draft_saved_by text,
  draft_saved_at timestamptz,
  latest_revision integer NOT NULL DEFAULT 0,  -- 0: nothing submitted yet
  version bigint NOT NULL DEFAULT 1,
  PRIMARY KEY (accommodation_id, month)
);
CREATE INDEX declaration_months_by_collectivity ON declaration_months (collectivity_id, month);
CREATE INDEX declaration_months_by_host ON declaration_months (host_id, month);

-- One submission of a month: what was declared, what it computed to, under which rates.
CREATE TABLE declaration_revisions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
  collectivity_id uuid NOT NULL REFERENCES collectivities (id),
  host_id uuid NOT NULL REFERENCES hosts (id),
  accommodation_id uuid NOT NULL REFERENCES accommodations (id),
  month date NOT NULL CHECK (extract(day FROM month) = 1),
  revision integer NOT NULL CHECK (revision >= 1),
  kind text NOT NULL CHECK (kind IN ('stays', 'nil', 'closed')),
  submitted_by text NOT NULL,
  submitted_at timestamptz NOT NULL DEFAULT now(),
  submitted_on date NOT NULL,                  -- the day in Europe/Paris, for lateness
  due_on date NOT NULL,
  days_late integer NOT NULL CHECK (days_late >= 0),
  reason text,                                 -- why this revision (required from revision 2)
  rounding_mode text NOT NULL,
  deliberation_versions jsonb NOT NULL,        -- {"2026": 2}
  tax_cents bigint NOT NULL,
  additional_taxes jsonb NOT NULL,             -- [{"beneficiary", "label", "rate_bp", "amount_cents"}]
  additional_cents bigint NOT NULL,
  total_cents bigint NOT NULL,
  person_nights bigint NOT NULL,
  taxable_person_nights bigint NOT NULL,
  platform_person_nights bigint NOT NULL,
  warnings jsonb NOT NULL DEFAULT '[]',
  UNIQUE (accommodation_id, month, revision),
  CHECK (revision = 1 OR reason IS NOT NULL)
);
CREATE INDEX declaration_revisions_by_collectivity
  ON declaration_revisions (collectivity_id, month);
CREATE INDEX declaration_revisions_by_host ON declaration_revisions (host_id, month);

-- The stays of a revision, with the frozen computation of each. The register's columns (commune,
-- nature) are copied so the synthesis of nights reads one table.
CREATE TABLE declaration_lines (
  revision_id uuid NOT NULL REFERENCES declaration_revisions (id),
  line_no integer NOT NULL CHECK (line_no >= 0),
  collectivity_id uuid NOT NULL REFERENCES collectivities (id),
  month date NOT NULL,
  commune_insee_code text NOT NULL,
  nature text NOT NULL,
  category text NOT NULL,                      -- of the first night
  arrival date NOT NULL,
  nights integer NOT NULL CHECK (nights >= 1),
  occupants integer NOT NULL CHECK (occupants >= 1),
  exempt_minors integer NOT NULL CHECK (exempt_minors >= 0),
  exempt_seasonal_workers integer NOT NULL CHECK (exempt_seasonal_workers >= 0),
  exempt_emergency_housing integer NOT NULL CHECK (exempt_emergency_housing >= 0),
  exempt_low_rent integer NOT NULL CHECK (exempt_low_rent >= 0),
  price_per_night_cents bigint CHECK (price_per_night_cents >= 0),
  collector text NOT NULL
    CHECK (collector IN ('host', 'airbnb', 'booking', 'abritel', 'other_platform')),
  person_nights bigint NOT NULL,
  taxable_person_nights bigint NOT NULL,
  tax_cents bigint NOT NULL,
  additional_cents bigint NOT NULL,
  total_cents bigint NOT NULL,
  detail jsonb NOT NULL,                       -- additional taxes, cap, unit, explanation
  PRIMARY KEY (revision_id, line_no)
);

-- The nights of a revision summed per category and collector, written with the revision: the
-- synthesis of nights reads these (a few per revision) instead of every line.
CREATE TABLE declaration_night_totals (
  revision_id uuid NOT NULL REFERENCES declaration_revisions (id),
  collectivity_id uuid NOT NULL REFERENCES collectivities (id),
  accommodation_id uuid NOT NULL REFERENCES accommodations (id),
  month date NOT NULL,
  revision integer NOT NULL,
  commune_insee_code text NOT NULL,
  nature text NOT NULL,
  category text NOT NULL,
  collector text NOT NULL,
  stays bigint NOT NULL,
  nights bigint NOT NULL,
  person_nights bigint NOT NULL,
  taxable_person_nights bigint NOT NULL,
  exempt_minors_person_nights bigint NOT NULL,
  exempt_seasonal_workers_person_nights bigint NOT NULL,
  exempt_emergency_housing_person_nights bigint NOT NULL,
  exempt_low_rent_person_nights bigint NOT NULL,
  tax_cents bigint NOT NULL,
  additional_cents bigint NOT NULL,
  total_cents bigint NOT NULL,
  PRIMARY KEY (revision_id, category, collector)
);
CREATE INDEX declaration_night_totals_by_collectivity
  ON declaration_night_totals (collectivity_id, month);

CREATE TRIGGER declaration_night_totals_no_change BEFORE UPDATE OR DELETE
  ON declaration_night_totals FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER declaration_revisions_no_change BEFORE UPDATE OR DELETE ON declaration_revisions
  FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER declaration_lines_no_change BEFORE UPDATE OR DELETE ON declaration_lines
  FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER declaration_months_no_delete BEFORE DELETE ON declaration_months
  FOR EACH ROW EXECUTE FUNCTION refuse_change();

-- A POST's first answer, replayed to a retry with the same Idempotency-Key. The key is claimed in
-- the transaction of the POST's effect, so the effect and the claim commit together.
CREATE TABLE idempotency_keys (
  scope text NOT NULL,                         -- "POST /v1/accommodations/{id}/declarations/…"
  key text NOT NULL CHECK (length(key) BETWEEN 1 AND 200),
  request_hash text NOT NULL,                  -- SHA-256 of the body: a key reused for another
                                               -- request is refused
  status integer,                              -- null until the answer is recorded
  body text,
  location text,
  etag text,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (scope, key)
);
