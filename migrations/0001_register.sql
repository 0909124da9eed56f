-- The register: collectivities (tenants), hosts, accommodations, classifications, and the audit
-- trail of every change. Every row belongs to a collectivity; every query filters on it.

CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE collectivities (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
  name text NOT NULL CHECK (name <> ''),
  siren char(9) NOT NULL UNIQUE,
  kind text NOT NULL CHECK (kind IN ('epci', 'commune')),
  department_code text NOT NULL,
  communes jsonb NOT NULL,                     -- [{"insee_code": "15014", "name": "Albepierre-Bredons"}]
  registration_number_required boolean NOT NULL DEFAULT true,
  version bigint NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE hosts (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
  collectivity_id uuid NOT NULL REFERENCES collectivities (id),
  kind text NOT NULL CHECK (kind IN ('person', 'company')),
  legal_name text NOT NULL CHECK (legal_name <> ''),
  siret char(14),
  email text,
  phone text,
  address_line text NOT NULL,
  postal_code char(5) NOT NULL,
  city text NOT NULL,
  manager_name text,
  manager_email text,
  archived_on date,
  version bigint NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  search_text text GENERATED ALWAYS AS (
    lower(legal_name || ' ' || coalesce(siret, '') || ' ' || coalesce(email, '') || ' ' ||
          address_line || ' ' || postal_code || ' ' || city)) STORED,
  CHECK (kind = 'person' OR siret IS NOT NULL)
);
CREATE INDEX hosts_by_collectivity ON hosts (collectivity_id, seq);
CREATE INDEX hosts_search ON hosts USING gin (search_text gin_trgm_ops);

CREATE TABLE accommodations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
  collectivity_id uuid NOT NULL REFERENCES collectivities (id),
  host_id uuid NOT NULL REFERENCES hosts (id),
  host_name text NOT NULL,                     -- the host's legal name, kept for free-text search
  name text NOT NULL CHECK (name <> ''),
  commune_insee_code text NOT NULL,
  address_line text NOT NULL,
  postal_code char(5) NOT NULL,
  nature text NOT NULL,
  capacity_persons integer NOT NULL CHECK (capacity_persons > 0),
  capacity_units integer CHECK (capacity_units > 0),
  registration_number text,
  marketing text NOT NULL CHECK (marketing IN ('direct', 'platforms', 'both')),
  opened_on date,
  closures jsonb NOT NULL DEFAULT '[]',        -- [{"from": "2026-01-05", "to": "2026-02-01"}]
  ceased_on date,
  unclassified_category text NOT NULL,         -- the category without a valid classification
  version bigint NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  address_key text GENERATED ALWAYS AS (
    lower(regexp_replace(address_line, '[^[:alnum:]]+', ' ', 'g')) || '|' || commune_insee_code) STORED,
  search_text text GENERATED ALWAYS AS (
    lower(name || ' ' || address_line || ' ' || postal_code || ' ' ||
          coalesce(registration_number, '') || ' ' || host_name)) STORED
);
CREATE INDEX accommodations_by_collectivity ON accommodations (collectivity_id, seq);
CREATE INDEX accommodations_by_commune ON accommodations (collectivity_id, commune_insee_code, seq);
CREATE INDEX accommodations_by_nature ON accommodations (collectivity_id, nature, seq);
CREATE INDEX accommodations_by_host ON accommodations (host_id, seq);
CREATE INDEX accommodations_search ON accommodations USING gin (search_text gin_trgm_ops);
-- Duplicates (409 with a pointer to the existing one): one live accommodation per registration
-- number, and per host and address, within a collectivity.
CREATE UNIQUE INDEX accommodations_unique_registration
  ON accommodations (collectivity_id, registration_number)
  WHERE registration_number IS NOT NULL AND ceased_on IS NULL;
CREATE UNIQUE INDEX accommodations_unique_host_address
  ON accommodations (host_id, address_key) WHERE ceased_on IS NULL;

-- Append-only: a new decision is a new row; the category on a date is read from the history.
CREATE TABLE classifications (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
  collectivity_id uuid NOT NULL REFERENCES collectivities (id),
  accommodation_id uuid NOT NULL REFERENCES accommodations (id),
  rank text NOT NULL CHECK (rank IN ('1', '2', '3', '4', '5', 'palace')),
  decided_on date NOT NULL,
  expires_on date NOT NULL CHECK (expires_on >= decided_on),
  body text NOT NULL,
  category text NOT NULL,                      -- the category this rank gives this nature
  recorded_by text NOT NULL,
  recorded_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX classifications_by_accommodation
  ON classifications (accommodation_id, decided_on DESC, seq DESC);

-- Who changed what, when: one row per creation or change of a register record.
CREATE TABLE audit_events (
  seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  collectivity_id uuid NOT NULL REFERENCES collectivities (id),
  entity_kind text NOT NULL CHECK (entity_kind IN ('collectivity', 'host', 'accommodation')),
  entity_id uuid NOT NULL,
  version bigint NOT NULL,
  action text NOT NULL,
  actor text NOT NULL,
  at timestamptz NOT NULL DEFAULT now(),
  changes jsonb NOT NULL
);
CREATE INDEX audit_events_by_entity ON audit_events (entity_kind, entity_id, seq);

-- The register never forgets: rows of these tables are never deleted.
CREATE FUNCTION refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'rows of % are never deleted nor rewritten', TG_TABLE_NAME;
END;
$$;
CREATE TRIGGER collectivities_no_delete BEFORE DELETE ON collectivities
  FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER hosts_no_delete BEFORE DELETE ON hosts
  FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER accommodations_no_delete BEFORE DELETE ON accommodations
  FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER classifications_no_change BEFORE UPDATE OR DELETE ON classifications
  FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER audit_events_no_change BEFORE UPDATE OR DELETE ON audit_events
  FOR EACH ROW EXECUTE FUNCTION refuse_change();
