-- Managers acting for hosts, and platforms (machine clients) with API keys (issue 5).
--
-- A host grants a manager access, and may end it; the grant stays as the record of who could act
-- for whom, and when. A host may grant the same manager again later: each grant is its own row,
-- and at most one per manager and host is live.
ALTER TABLE host_access DROP CONSTRAINT host_access_pkey;
ALTER TABLE host_access
  ADD COLUMN id uuid NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
  ADD COLUMN seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
  ADD COLUMN granted_by text,                  -- null for grants made before this migration
  ADD COLUMN revoked_by text,
  ADD CHECK (revoked_at IS NULL OR revoked_at >= granted_at);
CREATE UNIQUE INDEX host_access_live ON host_access (user_id, host_id) WHERE revoked_at IS NULL;

-- A grant changes once: when it ends. Nothing else of it is ever rewritten.
CREATE FUNCTION host_access_only_ends() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.revoked_at IS NOT NULL OR NEW.revoked_at IS NULL
     OR (NEW.id, NEW.seq, NEW.user_id, NEW.host_id, NEW.relation, NEW.granted_at,
         NEW.granted_by) IS DISTINCT FROM
        (OLD.id, OLD.seq, OLD.user_id, OLD.host_id, OLD.relation, OLD.granted_at,
         OLD.granted_by) THEN
    RAISE EXCEPTION 'a host_access row only changes when it ends, once';
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER host_access_only_ends BEFORE UPDATE ON host_access
  FOR EACH ROW EXECUTE FUNCTION host_access_only_ends();

-- A platform (Airbnb, Booking...) that collects the tax for hosts, created by the operator.
CREATE TABLE platform_clients (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
  name text NOT NULL CHECK (name <> ''),
  created_by text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX platform_clients_unique_name ON platform_clients (lower(name));

-- Its API keys: only the SHA-256 of a key is stored, with its first characters so that people can
-- tell keys apart. A key is revoked, never deleted.
CREATE TABLE platform_keys (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
  platform_id uuid NOT NULL REFERENCES platform_clients (id),
  key_digest text NOT NULL UNIQUE,
  prefix text NOT NULL,
  label text NOT NULL DEFAULT '',
  created_by text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_used_at timestamptz,
  revoked_at timestamptz,
  revoked_by text
);
CREATE INDEX platform_keys_by_platform ON platform_keys (platform_id, seq);

-- A collectivity registers a platform for its territory, and may end it; the row stays.
CREATE TABLE platform_registrations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
  collectivity_id uuid NOT NULL REFERENCES collectivities (id),
  platform_id uuid NOT NULL REFERENCES platform_clients (id),
  registered_by text NOT NULL,
  registered_at timestamptz NOT NULL DEFAULT now(),
  ended_at timestamptz,
  ended_by text
);
CREATE UNIQUE INDEX platform_registrations_live
  ON platform_registrations (collectivity_id, platform_id) WHERE ended_at IS NULL;
CREATE INDEX platform_registrations_by_platform ON platform_registrations (platform_id);

CREATE TRIGGER platform_clients_no_delete BEFORE DELETE ON platform_clients
  FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER platform_keys_no_delete BEFORE DELETE ON platform_keys
  FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER platform_registrations_no_delete BEFORE DELETE ON platform_registrations
  FOR EACH ROW EXECUTE FUNCTION refuse_change();
