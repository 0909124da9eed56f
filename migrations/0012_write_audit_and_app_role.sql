-- The write audit (issue 5): one row per committed write of a request, in a table that the
-- server's database role may read and append to but never update, delete nor truncate. The
-- privileges are PostgreSQL's: migrations run as the owner of the tables; `nuitee serve` connects
-- as a login role that is a member of nuitee_app, which owns nothing (docs/operations.md).
-- Also: lockouts for staff to see, and password-reset requests for throttling them.

-- The group role holding the server's privileges. Created here unless a DBA did it beforehand (a
-- migrating owner without CREATEROLE then needs nothing more). Two databases of one cluster
-- migrating at once may both try: the loser finds it created.
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'nuitee_app') THEN
    BEGIN
      CREATE ROLE nuitee_app NOLOGIN;
    EXCEPTION WHEN duplicate_object OR unique_violation THEN
      NULL;
    END;
  END IF;
END
$$;

CREATE TABLE write_audit (
  seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT clock_timestamp(),
  collectivity_id uuid,                      -- the tenant the write happened in; null for none
  principal_user_id uuid,                    -- null for an anonymous caller
  principal text NOT NULL,                   -- the account's address, or 'anonyme'
  principal_kind text NOT NULL,              -- "anonymous", or the account kind
  on_behalf_of_host_id uuid,                 -- the host a host account or a manager acted for
  address text NOT NULL,                     -- the client's address (TCP peer)
  request_id text NOT NULL,
  method text NOT NULL,
  route text NOT NULL,                       -- "/v1/hosts/{id}"
  path text NOT NULL,                        -- "/v1/hosts/5f0c…"
  target_kind text,                          -- "host", "accommodation", "collectivity", "user", …
  target_id text
);
CREATE INDEX write_audit_by_collectivity ON write_audit (collectivity_id, seq);
CREATE INDEX write_audit_by_target ON write_audit (target_id, seq);
CREATE INDEX write_audit_by_host ON write_audit (on_behalf_of_host_id, seq);

-- A refused login: recorded once per lock (not once per refused attempt) with when it ends.
CREATE TABLE login_lockouts (
  seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(),
  email text NOT NULL,                       -- the address tried, lower-cased (maybe no account)
  address text NOT NULL,                     -- the client's address
  reason text NOT NULL CHECK (reason IN ('account', 'address')),
  locked_until timestamptz NOT NULL,
  request_id text NOT NULL
);
CREATE INDEX login_lockouts_by_email ON login_lockouts (email, seq);

-- Password-reset requests, by account address and by client address, for throttling.
CREATE TABLE password_reset_requests (
  seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  email text NOT NULL,
  address text NOT NULL,
  mailed boolean NOT NULL,                   -- false when the throttle kept the mail back
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX password_reset_requests_by_email ON password_reset_requests (email, at);
CREATE INDEX password_reset_requests_by_address ON password_reset_requests (address, at);

-- Defence in depth for the owner's own sessions (a trigger the owner could drop; the privileges
-- below are what binds the server).
CREATE TRIGGER write_audit_no_change BEFORE UPDATE OR DELETE ON write_audit
  FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER login_lockouts_no_change BEFORE UPDATE OR DELETE ON login_lockouts
  FOR EACH ROW EXECUTE FUNCTION refuse_change();

-- What the server may do: read and write the tables it works with (it updates hosts,
-- accommodations, sessions, the outbox…), never change its schema (it owns nothing), and only
-- read and append to the trails.
GRANT USAGE ON SCHEMA public TO nuitee_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO nuitee_app;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO nuitee_app;
REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON schema_migrations FROM nuitee_app;
REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER
  ON audit_events, write_audit, login_lockouts FROM nuitee_app;
-- Tables of later migrations get the same by default; an append-only one must REVOKE like above
-- (tests/api/audit_privileges_test.cpp checks the trails).
ALTER DEFAULT PRIVILEGES IN SCHEMA public
  GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO nuitee_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO nuitee_app;
