-- The rates engine's data: the legal grids an administrator loads (the official DGCL barème, which
-- wins over the grid shipped with the code), the deliberations of each collectivity by year, and
-- the rounding convention each collectivity uses. Grids and deliberations are append-only: a
-- change is a new version, so every tax ever computed can be explained with the rates it used.

CREATE TABLE legal_grids (
  seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  year integer NOT NULL CHECK (year BETWEEN 1900 AND 2199),
  version integer NOT NULL CHECK (version >= 1),
  -- {"palace": {"floor_cents": 70, "ceiling_cents": 490}, ..., "camping_1_2": {...},
  --  "unclassified": {"min_rate_bp": 100, "max_rate_bp": 500}}
  rows jsonb NOT NULL,
  source text NOT NULL CHECK (source <> ''),
  loaded_by text NOT NULL,
  loaded_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (year, version)
);

CREATE TABLE deliberations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
  collectivity_id uuid NOT NULL REFERENCES collectivities (id),
  year integer NOT NULL CHECK (year BETWEEN 1900 AND 2199),
  version integer NOT NULL CHECK (version >= 1),
  document jsonb NOT NULL,                     -- persistence/deliberation_document.cpp
  recorded_by text NOT NULL,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  source text NOT NULL CHECK (source IN ('api', 'delta', 'demo')),
  reason text,                                 -- why this version, in the author's words
  UNIQUE (collectivity_id, year, version)
);

CREATE TRIGGER legal_grids_no_change BEFORE UPDATE OR DELETE ON legal_grids
  FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER deliberations_no_change BEFORE UPDATE OR DELETE ON deliberations
  FOR EACH ROW EXECUTE FUNCTION refuse_change();

-- No legal rounding rule exists for a stay's amount (docs/decisions.md): each collectivity chooses.
ALTER TABLE collectivities ADD COLUMN rounding_mode text NOT NULL DEFAULT 'per_line'
  CHECK (rounding_mode IN ('per_line', 'per_person_night'));
