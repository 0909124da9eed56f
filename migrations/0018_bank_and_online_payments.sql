-- Money in (issue 7): bank statement import and online payment. Money rows are append-only: a
-- bank line is stored once, resolved once (assigned to a host or dismissed), and an online payment
-- is a row plus the history of its states. Every movement of money is a ledger entry written in
-- the same transaction (docs/ledger.md; docs/decisions.md, "Bank statements and online payment").

-- How a bank's CSV export is laid out: a named format per collectivity, chosen at each import.
-- Configuration, not money: it is edited in place (with a version) and archived, never deleted,
-- since the statements imported with it name it.
CREATE TABLE bank_statement_formats (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
  collectivity_id uuid NOT NULL REFERENCES collectivities (id),
  name text NOT NULL CHECK (name <> ''),
  definition jsonb NOT NULL,         -- domain/money/bank_statement_format.hpp, as JSON
  version integer NOT NULL DEFAULT 1 CHECK (version >= 1),
  archived boolean NOT NULL DEFAULT false,
  recorded_by text NOT NULL,
  recorded_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX bank_statement_formats_name
  ON bank_statement_formats (collectivity_id, lower(name)) WHERE NOT archived;

-- One imported file. The same file (its SHA-256) is imported once per collectivity.
CREATE TABLE bank_statements (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
  collectivity_id uuid NOT NULL REFERENCES collectivities (id),
  format_id uuid NOT NULL REFERENCES bank_statement_formats (id),
  file_sha256 text NOT NULL CHECK (file_sha256 ~ '^[0-9a-f]{64}$'),
  credit_lines integer NOT NULL,     -- credit lines in the file
  debit_lines integer NOT NULL,      -- debit lines, ignored (not payments)
  already_imported integer NOT NULL, -- credit lines an earlier file already brought
  imported_by text NOT NULL,
  imported_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (collectivity_id, file_sha256)
);

-- A credit line of a statement, stored once per collectivity under its key (date, amount, label
-- and occurrence of the same three in the file), so that overlapping statements bring it once.
-- `payment_id` is set when the import found its host; otherwise `entry_id` is the bank_unmatched
-- entry that parked the money in suspense until finance resolves it.
CREATE TABLE bank_statement_lines (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
  collectivity_id uuid NOT NULL REFERENCES collectivities (id),
  statement_id uuid NOT NULL REFERENCES bank_statements (id),
  file_line integer NOT NULL,
  line_key text NOT NULL,
  booked_on date NOT NULL,
  amount_cents bigint NOT NULL CHECK (amount_cents > 0),
  label text NOT NULL,
  reference text,                    -- the payment reference found in the label, as printed
  payment_id uuid REFERENCES payments (id),
  entry_id uuid REFERENCES ledger_entries (id),
  CHECK ((payment_id IS NULL) <> (entry_id IS NULL)),
  UNIQUE (collectivity_id, line_key)
);
CREATE INDEX bank_statement_lines_by_statement ON bank_statement_lines (statement_id, file_line);
CREATE INDEX bank_statement_lines_parked ON bank_statement_lines (collectivity_id, seq)
  WHERE payment_id IS NULL;

-- What finance decided about a parked line, once: assigned to a host (a payment booked from
-- suspense) or dismissed as no tourist-tax receipt (the money leaves suspense and the tourist-tax
-- books: a bank_unmatched entry suspense +amount, treasury −amount).
CREATE TABLE bank_line_resolutions (
  line_id uuid PRIMARY KEY REFERENCES bank_statement_lines (id),
  kind text NOT NULL CHECK (kind IN ('assigned', 'dismissed')),
  payment_id uuid REFERENCES payments (id),
  entry_id uuid REFERENCES ledger_entries (id),
  reason text,
  CHECK ((kind = 'assigned' AND payment_id IS NOT NULL)
      OR (kind = 'dismissed' AND entry_id IS NOT NULL AND coalesce(reason, '') <> '')),
  recorded_by text NOT NULL,
  recorded_at timestamptz NOT NULL DEFAULT now()
);

-- An online payment a host started with a provider ('payfip', or 'simulateur': the local
-- simulator of the demo and the tests, where no money moves). `idop` is the provider's operation
-- id; `refdet` the debt reference sent (the host's payment reference).
CREATE TABLE online_payments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
  collectivity_id uuid NOT NULL REFERENCES collectivities (id),
  host_id uuid NOT NULL REFERENCES hosts (id),
  provider text NOT NULL CHECK (provider IN ('payfip', 'simulateur')),
  idop text NOT NULL UNIQUE CHECK (idop <> ''),
  refdet text NOT NULL,
  amount_cents bigint NOT NULL CHECK (amount_cents > 0),
  months date[] NOT NULL DEFAULT '{}',
  payer_email text NOT NULL,
  started_by text NOT NULL,
  started_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX online_payments_by_host ON online_payments (host_id, seq);

-- Its states, appended: 'started', then at most one outcome ('paid' with the payment booked,
-- 'refused', 'abandoned'), learnt from the provider itself, never from the payer's redirect.
CREATE TABLE online_payment_events (
  online_payment_id uuid NOT NULL REFERENCES online_payments (id),
  seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
  status text NOT NULL CHECK (status IN ('started', 'paid', 'refused', 'abandoned')),
  result_code text,                  -- the provider's code (PayFiP resultrans)
  payment_id uuid REFERENCES payments (id),
  CHECK ((status = 'paid') = (payment_id IS NOT NULL)),
  recorded_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX online_payment_events_one_outcome
  ON online_payment_events (online_payment_id) WHERE status <> 'started';

CREATE TRIGGER bank_statements_no_change BEFORE UPDATE OR DELETE ON bank_statements
  FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER bank_statement_lines_no_change BEFORE UPDATE OR DELETE ON bank_statement_lines
  FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER bank_line_resolutions_no_change BEFORE UPDATE OR DELETE ON bank_line_resolutions
  FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER online_payments_no_change BEFORE UPDATE OR DELETE ON online_payments
  FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER online_payment_events_no_change BEFORE UPDATE OR DELETE ON online_payment_events
  FOR EACH ROW EXECUTE FUNCTION refuse_change();
REVOKE UPDATE, DELETE, TRUNCATE ON bank_statements, bank_statement_lines, bank_line_resolutions,
  online_payments, online_payment_events FROM nuitee_app;
