-- The budget side of money (issue 7): the budget lines finance enters per fiscal year, kept as
-- versions (budget primitif, then décisions modificatives; the latest is in force), and the
-- transfers that pass an additional tax on to its beneficiary (taxe-de-sejour.md §5, L. 3333-1) or
-- pay the tourist office its share (code du tourisme L. 133-7). Every transfer books its ledger
-- entry in the same transaction; a mistaken one is cancelled by a reversing entry with a reason.

-- One version of a year's budget lines. `beneficiaries` is [{"beneficiary", "label",
-- "expected_cents"}] (the beneficiary's code is the party of its additional_tax_payable account:
-- 'departement', 'other:<label>'...); `instalments` is the tourist office's schedule,
-- [{"number", "due_on", "amount_cents"}], whose amounts add up to tourist_office_cents.
CREATE TABLE budget_versions (
  collectivity_id uuid NOT NULL REFERENCES collectivities (id),
  fiscal_year integer NOT NULL CHECK (fiscal_year BETWEEN 1900 AND 2199),
  version integer NOT NULL CHECK (version >= 1),
  stage text NOT NULL CHECK (stage IN ('budget_primitif', 'budget_supplementaire',
                                       'decision_modificative')),
  decision_reference text NOT NULL DEFAULT '',  -- "DM n° 2, délibération du 12 juin 2026"
  decided_on date,
  forecast_tax_cents bigint NOT NULL CHECK (forecast_tax_cents >= 0),
  beneficiaries jsonb NOT NULL DEFAULT '[]',
  tourist_office_cents bigint NOT NULL CHECK (tourist_office_cents >= 0),
  instalments jsonb NOT NULL DEFAULT '[]',
  note text NOT NULL DEFAULT '',
  recorded_by text NOT NULL,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (collectivity_id, fiscal_year, version)
);
CREATE TRIGGER budget_versions_no_change BEFORE UPDATE OR DELETE ON budget_versions
  FOR EACH ROW EXECUTE FUNCTION refuse_change();

-- Money paid out of the treasury: an additional tax to its beneficiary, or the tourist office's
-- share (then, when it pays one, the instalment of the year's schedule).
CREATE TABLE budget_transfers (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
  collectivity_id uuid NOT NULL REFERENCES collectivities (id),
  kind text NOT NULL CHECK (kind IN ('beneficiary', 'tourist_office')),
  beneficiary text,                              -- kind 'beneficiary': the beneficiary's code
  fiscal_year integer NOT NULL CHECK (fiscal_year BETWEEN 1900 AND 2199),
  instalment integer CHECK (instalment IS NULL OR instalment >= 1),
  paid_on date NOT NULL,
  amount_cents bigint NOT NULL CHECK (amount_cents > 0),
  reference text NOT NULL CHECK (reference <> ''),  -- the mandat's number, the transfer's label
  note text NOT NULL DEFAULT '',
  entry_id uuid NOT NULL REFERENCES ledger_entries (id),
  recorded_by text NOT NULL,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((kind = 'beneficiary') = (beneficiary IS NOT NULL)),
  CHECK (kind = 'tourist_office' OR instalment IS NULL)
);
CREATE INDEX budget_transfers_by_year ON budget_transfers (collectivity_id, fiscal_year, seq);

-- A transfer recorded by mistake, cancelled once by the reverse entry.
CREATE TABLE budget_transfer_reversals (
  transfer_id uuid PRIMARY KEY REFERENCES budget_transfers (id),
  reason text NOT NULL CHECK (reason <> ''),
  reversed_on date NOT NULL,
  entry_id uuid NOT NULL REFERENCES ledger_entries (id),
  recorded_by text NOT NULL,
  recorded_at timestamptz NOT NULL DEFAULT now()
);

CREATE TRIGGER budget_transfers_no_change BEFORE UPDATE OR DELETE ON budget_transfers
  FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER budget_transfer_reversals_no_change BEFORE UPDATE OR DELETE
  ON budget_transfer_reversals FOR EACH ROW EXECUTE FUNCTION refuse_change();
REVOKE UPDATE, DELETE, TRUNCATE ON budget_versions, budget_transfers, budget_transfer_reversals
  FROM nuitee_app;

-- The reconciliation report reads, for a year, the latest revision's night totals of every
-- accommodation-month and the ledger's postings per month taxed: both by collectivity and month.
CREATE INDEX ledger_postings_by_period ON ledger_postings (collectivity_id, period, account)
  WHERE period IS NOT NULL;
