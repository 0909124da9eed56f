-- Finance exports (issue 7): the accounting settings of a collectivity (M14 or M57, and the account
-- numbers where collectivities differ), and late-payment interest charged by finance. Both are
-- append-only: a new setting is a new version, a mistaken charge is cancelled by a reversing ledger
-- entry and a row of late_interest_cancellations (docs/ledger.md, docs/decisions.md "Finance
-- exports").

-- The chart of accounts the accounting export uses. `account_numbers` overrides the documented
-- defaults of the nomenclature per ledger account: {"tax_revenue": {"number": "7362",
-- "chapter": "73"}, ...} (domain/money/accounting_chart.hpp).
CREATE TABLE accounting_settings (
  collectivity_id uuid NOT NULL REFERENCES collectivities (id),
  version bigint NOT NULL CHECK (version >= 1),
  nomenclature text NOT NULL CHECK (nomenclature IN ('M14', 'M57')),
  account_numbers jsonb NOT NULL DEFAULT '{}',
  recorded_by text NOT NULL,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (collectivity_id, version)
);

-- Late-payment interest charged on one accommodation-month (CGCT L. 2333-38, 0,20 % per month
-- started). `charge_no` counts the charges of the month: a month has at most one charge standing,
-- since a new one is only taken after the previous was cancelled (checked under a lock by the
-- repository; the unique key makes two concurrent first charges impossible).
CREATE TABLE late_interest_charges (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
  collectivity_id uuid NOT NULL REFERENCES collectivities (id),
  host_id uuid NOT NULL REFERENCES hosts (id),
  accommodation_id uuid NOT NULL REFERENCES accommodations (id),
  period date NOT NULL CHECK (extract(day FROM period) = 1),    -- the month taxed
  charge_no integer NOT NULL CHECK (charge_no >= 1),
  base_cents bigint NOT NULL CHECK (base_cents > 0),            -- the amount paid late
  due_on date NOT NULL,
  paid_on date NOT NULL CHECK (paid_on > due_on),
  months_started integer NOT NULL CHECK (months_started >= 1),
  interest_cents bigint NOT NULL CHECK (interest_cents > 0),
  entry_id uuid NOT NULL REFERENCES ledger_entries (id),
  recorded_by text NOT NULL,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (accommodation_id, period, charge_no)
);
CREATE INDEX late_interest_charges_by_host ON late_interest_charges (host_id, period);

CREATE TABLE late_interest_cancellations (
  charge_id uuid PRIMARY KEY REFERENCES late_interest_charges (id),
  reason text NOT NULL CHECK (reason <> ''),
  entry_id uuid NOT NULL REFERENCES ledger_entries (id),
  recorded_by text NOT NULL,
  recorded_at timestamptz NOT NULL DEFAULT now()
);

CREATE TRIGGER accounting_settings_no_change BEFORE UPDATE OR DELETE ON accounting_settings
  FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER late_interest_charges_no_change BEFORE UPDATE OR DELETE ON late_interest_charges
  FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER late_interest_cancellations_no_change
  BEFORE UPDATE OR DELETE ON late_interest_cancellations
  FOR EACH ROW EXECUTE FUNCTION refuse_change();
REVOKE UPDATE, DELETE, TRUNCATE
  ON accounting_settings, late_interest_charges, late_interest_cancellations FROM nuitee_app;
