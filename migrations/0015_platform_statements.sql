-- Platforms (issue 7): the statements of tax a platform collected (L. 2333-34 III; the fields of
-- the single declaration of LF 2024 art. 129, taxe-de-sejour.md §7), the platform's payments
-- (reversements, twice a year, L. 2333-34 I–II), how each statement line was matched to an
-- accommodation of the register, and the referent's decisions on the lines left unmatched.
-- Everything here is append-only: a decision is a new row, never an update.

-- One uploaded file. The same file (SHA-256 of its bytes) for the same collectivity and platform
-- is one import: a second upload answers the first.
CREATE TABLE platform_statements (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
  collectivity_id uuid NOT NULL REFERENCES collectivities (id),
  platform_id uuid NOT NULL REFERENCES platform_clients (id),
  file_sha256 text NOT NULL CHECK (file_sha256 ~ '^[0-9a-f]{64}$'),
  file_lines integer NOT NULL CHECK (file_lines >= 0),       -- lines in the file
  new_lines integer NOT NULL CHECK (new_lines >= 0),         -- lines not already imported
  collected_cents bigint NOT NULL,                           -- of the new lines
  tax_cents bigint NOT NULL,
  additional_cents bigint NOT NULL,
  first_collection date,
  last_collection date,
  entry_id uuid REFERENCES ledger_entries (id),              -- none when no line was new
  uploaded_by text NOT NULL,
  uploaded_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (collectivity_id, platform_id, file_sha256),
  CHECK (collected_cents = tax_cents + additional_cents)
);
CREATE INDEX platform_statements_by_collectivity ON platform_statements (collectivity_id, seq);

-- One collection of the statement, as the platform declared it, with the split of what it
-- collected between the tax and the add-ons in force, and how it was matched automatically.
-- `line_key` identifies the collection across files (its fields and its rank among identical
-- lines of its file): a line already imported from another file is not booked again.
CREATE TABLE platform_statement_lines (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
  -- The statement row is written last, once its totals are known (it is never updated).
  statement_id uuid NOT NULL REFERENCES platform_statements (id) DEFERRABLE INITIALLY DEFERRED,
  collectivity_id uuid NOT NULL REFERENCES collectivities (id),
  platform_id uuid NOT NULL REFERENCES platform_clients (id),
  file_line integer NOT NULL CHECK (file_line >= 2),
  line_key text NOT NULL,
  commune_siren char(9) NOT NULL,
  collectivity_siren char(9) NOT NULL,
  stay_start date NOT NULL,
  stay_end date NOT NULL CHECK (stay_end > stay_start),
  collected_on date NOT NULL,
  address_line text NOT NULL,
  postal_code char(5) NOT NULL,
  city text NOT NULL,
  persons integer NOT NULL CHECK (persons >= 1),
  nights integer NOT NULL CHECK (nights >= 1),
  price_per_night_cents bigint CHECK (price_per_night_cents >= 0),
  collected_cents bigint NOT NULL CHECK (collected_cents >= 0),
  tax_cents bigint NOT NULL,
  additional_taxes jsonb NOT NULL,          -- [{"party", "rate_bp", "amount_cents"}]
  nature text NOT NULL,
  category text NOT NULL,                   -- rates::CategoryName
  registration_number text,
  accommodation_id uuid REFERENCES accommodations (id),
  matched_by text NOT NULL CHECK (matched_by IN ('registration_number', 'address', 'none')),
  CHECK ((accommodation_id IS NULL) = (matched_by = 'none')),
  UNIQUE (collectivity_id, platform_id, line_key)
);
CREATE INDEX platform_statement_lines_by_statement ON platform_statement_lines (statement_id, seq);
CREATE INDEX platform_statement_lines_by_accommodation
  ON platform_statement_lines (accommodation_id, stay_start) WHERE accommodation_id IS NOT NULL;
CREATE INDEX platform_statement_lines_unmatched
  ON platform_statement_lines (collectivity_id, seq) WHERE matched_by = 'none';
CREATE INDEX platform_statement_lines_by_collection
  ON platform_statement_lines (collectivity_id, platform_id, collected_on);

-- A referent's decision on a line the import could not match: assigned to an accommodation by
-- hand, or set aside as not in the territory (with why). One decision per line.
CREATE TABLE platform_line_resolutions (
  line_id uuid PRIMARY KEY REFERENCES platform_statement_lines (id),
  collectivity_id uuid NOT NULL REFERENCES collectivities (id),
  decision text NOT NULL CHECK (decision IN ('assigned', 'outside_territory')),
  accommodation_id uuid REFERENCES accommodations (id),
  reason text,
  decided_by text NOT NULL,
  decided_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((decision = 'assigned') = (accommodation_id IS NOT NULL)),
  CHECK (decision = 'assigned' OR (reason IS NOT NULL AND reason <> ''))
);

-- Money a platform paid to the collectivity's public accountant, for the collections of a period.
CREATE TABLE platform_reversements (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
  collectivity_id uuid NOT NULL REFERENCES collectivities (id),
  platform_id uuid NOT NULL REFERENCES platform_clients (id),
  received_on date NOT NULL,
  amount_cents bigint NOT NULL CHECK (amount_cents > 0),
  period_start date NOT NULL,
  period_end date NOT NULL CHECK (period_end >= period_start),
  bank_reference text NOT NULL CHECK (bank_reference <> ''),
  entry_id uuid NOT NULL REFERENCES ledger_entries (id),
  recorded_by text NOT NULL,
  recorded_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX platform_reversements_by_collectivity
  ON platform_reversements (collectivity_id, platform_id, period_end);

CREATE TRIGGER platform_statements_no_change BEFORE UPDATE OR DELETE ON platform_statements
  FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER platform_statement_lines_no_change BEFORE UPDATE OR DELETE
  ON platform_statement_lines FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER platform_line_resolutions_no_change BEFORE UPDATE OR DELETE
  ON platform_line_resolutions FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER platform_reversements_no_change BEFORE UPDATE OR DELETE ON platform_reversements
  FOR EACH ROW EXECUTE FUNCTION refuse_change();
REVOKE UPDATE, DELETE, TRUNCATE ON platform_statements, platform_statement_lines,
  platform_line_resolutions, platform_reversements FROM nuitee_app;
