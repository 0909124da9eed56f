-- Money (issue 7): a small double-entry ledger. Every movement of money is an entry whose postings
-- sum to zero; entries and postings are never changed nor deleted, and a correction is a further
-- entry. Balances are sums of postings. The chart of accounts and the sign convention are in
-- docs/ledger.md: a posting's amount is positive for a debit and negative for a credit, so a
-- host's receivable account is positive while the host owes and negative while it holds a credit.

CREATE TABLE ledger_entries (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
  collectivity_id uuid NOT NULL REFERENCES collectivities (id),
  kind text NOT NULL CHECK (kind IN (
    'declaration',              -- a submitted declaration or its revision (restated)
    'assessment',               -- an issued taxation d'office, or its withdrawal (restated)
    'late_interest',            -- late-payment interest charged to a host
    'payment',                  -- money received from a host (bank transfer, cheque, cash, online)
    'payment_reversal',         -- a payment recorded by mistake, cancelled
    'refund',                   -- money paid back to a host out of its credit
    'bank_unmatched',           -- a bank line no host could be found for, parked in suspense
    'platform_statement',       -- tax a platform declares it collected
    'platform_reversement',     -- money a platform paid
    'beneficiary_transfer',     -- an additional tax passed on to its beneficiary
    'tourist_office_transfer'   -- tourist tax paid over to the tourist office
  )),
  booked_on date NOT NULL,                     -- the accounting day (Europe/Paris)
  period date CHECK (period IS NULL OR extract(day FROM period) = 1),  -- the month taxed
  host_id uuid REFERENCES hosts (id),
  accommodation_id uuid REFERENCES accommodations (id),
  platform_id uuid REFERENCES platform_clients (id),
  source_type text NOT NULL,                   -- the row the entry stems from
  source_id text NOT NULL,
  reference text,                              -- the payer's reference, a cheque number...
  label text NOT NULL,                         -- French, as an accountant reads it
  recorded_by text NOT NULL,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (source_type, source_id)
);
CREATE INDEX ledger_entries_by_collectivity ON ledger_entries (collectivity_id, booked_on);
CREATE INDEX ledger_entries_by_month ON ledger_entries (accommodation_id, period, kind)
  WHERE accommodation_id IS NOT NULL;
CREATE INDEX ledger_entries_by_host ON ledger_entries (host_id, seq) WHERE host_id IS NOT NULL;

-- One line of an entry. The entry's day, month, host and accommodation are copied so that balances
-- and reports read this table alone.
CREATE TABLE ledger_postings (
  entry_id uuid NOT NULL REFERENCES ledger_entries (id),
  line_no integer NOT NULL CHECK (line_no >= 0),
  collectivity_id uuid NOT NULL REFERENCES collectivities (id),
  account text NOT NULL CHECK (account IN (
    'host_receivable',          -- party: the host's id
    'tax_revenue',              -- the collectivity's taxe de séjour revenue
    'additional_tax_payable',   -- party: the beneficiary's code ('departement', 'other:<label>'...)
    'late_interest_revenue',
    'platform_receivable',      -- party: the platform's id
    'treasury',                 -- the public accountant's account (or the régie's)
    'suspense',                 -- money received that no host could yet be found for
    'tourist_office'            -- what was paid over to the tourist office
  )),
  party text NOT NULL DEFAULT '',
  amount_cents bigint NOT NULL CHECK (amount_cents <> 0),  -- debit > 0, credit < 0
  kind text NOT NULL,
  booked_on date NOT NULL,
  period date,
  host_id uuid,
  accommodation_id uuid,
  PRIMARY KEY (entry_id, line_no)
);
CREATE INDEX ledger_postings_by_account
  ON ledger_postings (collectivity_id, account, party, booked_on);
CREATE INDEX ledger_postings_by_host ON ledger_postings (host_id, period)
  WHERE account = 'host_receivable';

-- An entry balances: checked when the transaction commits, once its postings are all written.
CREATE FUNCTION ledger_entry_balances() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  total bigint;
  lines integer;
BEGIN
  SELECT coalesce(sum(amount_cents), 0), count(*) INTO total, lines
    FROM ledger_postings WHERE entry_id = NEW.id;
  IF lines < 2 OR total <> 0 THEN
    RAISE EXCEPTION 'ledger entry % does not balance (% postings, sum %)', NEW.id, lines, total;
  END IF;
  RETURN NULL;
END;
$$;
CREATE CONSTRAINT TRIGGER ledger_entries_balance AFTER INSERT ON ledger_entries
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION ledger_entry_balances();

CREATE TRIGGER ledger_entries_no_change BEFORE UPDATE OR DELETE ON ledger_entries
  FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER ledger_postings_no_change BEFORE UPDATE OR DELETE ON ledger_postings
  FOR EACH ROW EXECUTE FUNCTION refuse_change();

-- Restating what an accommodation-month owes under one kind of entry ('declaration',
-- 'assessment'): `p_target` is what the month should now stand at, as [{"account", "party",
-- "amount_cents"}]; the entry written is the difference between that and what the month's earlier
-- entries of the kind already posted. A revision therefore books its difference, a revision made
-- by a new host moves the amount from one host's account to the other's, and a withdrawal books
-- the reverse of what stood. Nothing is written when nothing changes.
CREATE FUNCTION ledger_restate_month(
    p_collectivity_id uuid, p_kind text, p_accommodation_id uuid, p_period date, p_host_id uuid,
    p_booked_on date, p_source_type text, p_source_id text, p_label text, p_recorded_by text,
    p_target jsonb) RETURNS uuid
  LANGUAGE plpgsql AS $$
DECLARE
  new_entry uuid;
BEGIN
  WITH moves AS (
    SELECT account, party, sum(amount)::bigint AS amount_cents FROM (
      SELECT t.account, t.party, t.amount_cents AS amount
        FROM jsonb_to_recordset(p_target) AS t(account text, party text, amount_cents bigint)
      UNION ALL
      SELECT p.account, p.party, -p.amount_cents
        FROM ledger_entries e JOIN ledger_postings p ON p.entry_id = e.id
       WHERE e.accommodation_id = p_accommodation_id AND e.period = p_period AND e.kind = p_kind
    ) AS each_move
    GROUP BY account, party
    HAVING sum(amount) <> 0
  ), entry AS (
    INSERT INTO ledger_entries (collectivity_id, kind, booked_on, period, host_id,
      accommodation_id, source_type, source_id, label, recorded_by)
    SELECT p_collectivity_id, p_kind, p_booked_on, p_period, p_host_id, p_accommodation_id,
      p_source_type, p_source_id, p_label, p_recorded_by
    WHERE EXISTS (SELECT FROM moves)
    RETURNING id
  ), posted AS (
    INSERT INTO ledger_postings (entry_id, line_no, collectivity_id, account, party,
      amount_cents, kind, booked_on, period, host_id, accommodation_id)
    SELECT entry.id, (row_number() OVER (ORDER BY m.account, m.party))::integer - 1,
      p_collectivity_id, m.account, m.party, m.amount_cents, p_kind, p_booked_on, p_period,
      CASE WHEN m.account = 'host_receivable' THEN m.party::uuid ELSE p_host_id END,
      p_accommodation_id
      FROM moves m CROSS JOIN entry
  )
  SELECT id INTO new_entry FROM entry;
  RETURN new_entry;
END;
$$;

-- What a month owes under a declaration or an assessment: the total on the host's account, the
-- tax as the collectivity's revenue, each additional tax payable to its beneficiary.
CREATE FUNCTION ledger_month_target(p_host_id uuid, p_tax_cents bigint, p_additional_taxes jsonb)
  RETURNS jsonb LANGUAGE sql IMMUTABLE AS $$
  SELECT jsonb_agg(t) FROM (
    SELECT 'host_receivable' AS account, p_host_id::text AS party,
           p_tax_cents + coalesce((SELECT sum((a->>'amount_cents')::bigint)
                                     FROM jsonb_array_elements(p_additional_taxes) a), 0)
             AS amount_cents
    UNION ALL
    SELECT 'tax_revenue', '', -p_tax_cents
    UNION ALL
    SELECT 'additional_tax_payable',
           CASE WHEN a->>'beneficiary' = 'other' THEN 'other:' || (a->>'label') ELSE a->>'beneficiary' END,
           -(a->>'amount_cents')::bigint
      FROM jsonb_array_elements(p_additional_taxes) a
  ) AS t;
$$;

-- Every submitted revision is booked in the same transaction, whichever path wrote it.
CREATE FUNCTION ledger_book_declaration_revision() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM ledger_restate_month(NEW.collectivity_id, 'declaration', NEW.accommodation_id, NEW.month,
    NEW.host_id, NEW.submitted_on, 'declaration_revision', NEW.id::text,
    'Déclaration ' || to_char(NEW.month, 'MM/YYYY') || ', révision ' || NEW.revision,
    NEW.submitted_by, ledger_month_target(NEW.host_id, NEW.tax_cents, NEW.additional_taxes));
  RETURN NULL;
END;
$$;
CREATE TRIGGER declaration_revisions_booked AFTER INSERT ON declaration_revisions
  FOR EACH ROW EXECUTE FUNCTION ledger_book_declaration_revision();

-- A taxation d'office is booked when issued, on the day it was notified; a withdrawn one is
-- reversed. A proposal moves no money.
CREATE FUNCTION ledger_book_office_assessment() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.status = 'proposed' THEN
    RETURN NULL;
  END IF;
  PERFORM ledger_restate_month(NEW.collectivity_id, 'assessment', NEW.accommodation_id, NEW.month,
    NEW.host_id, coalesce(NEW.notified_on, (now() AT TIME ZONE 'Europe/Paris')::date),
    'office_assessment', NEW.id::text,
    CASE WHEN NEW.status = 'issued'
         THEN 'Taxation d''office ' || to_char(NEW.month, 'MM/YYYY')
         ELSE 'Taxation d''office ' || to_char(NEW.month, 'MM/YYYY') || ' retirée' END,
    NEW.recorded_by,
    CASE WHEN NEW.status = 'issued'
         THEN ledger_month_target(NEW.host_id, NEW.tax_cents, NEW.additional_taxes)
         ELSE '[]'::jsonb END);
  RETURN NULL;
END;
$$;
CREATE TRIGGER office_assessments_booked AFTER INSERT ON office_assessments
  FOR EACH ROW EXECUTE FUNCTION ledger_book_office_assessment();

-- What was declared and issued before the ledger existed, booked in the order it happened.
DO $$
DECLARE
  r record;
BEGIN
  FOR r IN SELECT * FROM declaration_revisions ORDER BY seq LOOP
    PERFORM ledger_restate_month(r.collectivity_id, 'declaration', r.accommodation_id, r.month,
      r.host_id, r.submitted_on, 'declaration_revision', r.id::text,
      'Déclaration ' || to_char(r.month, 'MM/YYYY') || ', révision ' || r.revision,
      r.submitted_by, ledger_month_target(r.host_id, r.tax_cents, r.additional_taxes));
  END LOOP;
  FOR r IN SELECT * FROM office_assessments WHERE status <> 'proposed' ORDER BY seq LOOP
    PERFORM ledger_restate_month(r.collectivity_id, 'assessment', r.accommodation_id, r.month,
      r.host_id, coalesce(r.notified_on, r.recorded_at::date), 'office_assessment', r.id::text,
      'Taxation d''office ' || to_char(r.month, 'MM/YYYY'), r.recorded_by,
      CASE WHEN r.status = 'issued'
           THEN ledger_month_target(r.host_id, r.tax_cents, r.additional_taxes)
           ELSE '[]'::jsonb END);
  END LOOP;
END;
$$;

-- Money received from a host. `origin` says how it was learnt: entered by finance, from a bank
-- statement line (then booked from suspense when it was parked there first), or an online payment
-- confirmed by the provider. `target_month` is the month the payer's reference names, if any:
-- the payment goes to that month's debts first (docs/decisions.md, "Allocating payments").
CREATE TABLE payments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
  collectivity_id uuid NOT NULL REFERENCES collectivities (id),
  host_id uuid NOT NULL REFERENCES hosts (id),
  method text NOT NULL CHECK (method IN ('bank_transfer', 'cheque', 'cash', 'online')),
  origin text NOT NULL CHECK (origin IN ('manual', 'bank_statement', 'online')),
  amount_cents bigint NOT NULL CHECK (amount_cents > 0),
  received_on date NOT NULL,
  payer_reference text,
  cheque_number text,
  target_month date CHECK (target_month IS NULL OR extract(day FROM target_month) = 1),
  note text,
  source_key text,                             -- the bank line or online payment it came from
  entry_id uuid NOT NULL REFERENCES ledger_entries (id),
  recorded_by text NOT NULL,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  CHECK (method <> 'cheque' OR cheque_number IS NOT NULL)
);
CREATE UNIQUE INDEX payments_once_per_source ON payments (source_key) WHERE source_key IS NOT NULL;
CREATE INDEX payments_by_host ON payments (host_id, received_on);
CREATE INDEX payments_by_collectivity ON payments (collectivity_id, received_on);

-- A payment recorded by mistake is cancelled by a reversing entry, once.
CREATE TABLE payment_reversals (
  payment_id uuid PRIMARY KEY REFERENCES payments (id),
  reason text NOT NULL CHECK (reason <> ''),
  entry_id uuid NOT NULL REFERENCES ledger_entries (id),
  recorded_by text NOT NULL,
  recorded_at timestamptz NOT NULL DEFAULT now()
);

-- Money paid back to a host out of its credit.
CREATE TABLE refunds (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
  collectivity_id uuid NOT NULL REFERENCES collectivities (id),
  host_id uuid NOT NULL REFERENCES hosts (id),
  method text NOT NULL CHECK (method IN ('bank_transfer', 'cheque', 'cash')),
  amount_cents bigint NOT NULL CHECK (amount_cents > 0),
  paid_on date NOT NULL,
  reason text NOT NULL CHECK (reason <> ''),
  entry_id uuid NOT NULL REFERENCES ledger_entries (id),
  recorded_by text NOT NULL,
  recorded_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX refunds_by_host ON refunds (host_id, paid_on);

CREATE TRIGGER payments_no_change BEFORE UPDATE OR DELETE ON payments
  FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER payment_reversals_no_change BEFORE UPDATE OR DELETE ON payment_reversals
  FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER refunds_no_change BEFORE UPDATE OR DELETE ON refunds
  FOR EACH ROW EXECUTE FUNCTION refuse_change();
REVOKE UPDATE, DELETE, TRUNCATE
  ON ledger_entries, ledger_postings, payments, payment_reversals, refunds FROM nuitee_app;
