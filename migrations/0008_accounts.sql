-- Accounts: who logs in (staff of a collectivity with roles, host users, managers acting for
-- hosts, the instance operator), their sessions, the one-time links of invitations and password
-- resets, and failed logins for throttling. Secrets are never stored: passwords as scrypt hashes,
-- tokens as their SHA-256.

CREATE TABLE users (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
  email text NOT NULL CHECK (email = lower(email) AND email LIKE '%_@_%'),
  display_name text NOT NULL CHECK (display_name <> ''),
  kind text NOT NULL CHECK (kind IN ('operator', 'staff', 'host', 'manager')),
  collectivity_id uuid REFERENCES collectivities (id),  -- null only for the operator
  password_hash text,                          -- null until the invitation is accepted
  disabled_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((kind = 'operator') = (collectivity_id IS NULL))
);
-- One account per address within a collectivity (an operator's address is global).
CREATE UNIQUE INDEX users_unique_email
  ON users (coalesce(collectivity_id, '00000000-0000-0000-0000-000000000000'::uuid), email);
CREATE INDEX users_by_email ON users (email);

-- Roles of staff (CGCT has none: these are the platform's): referent, finance, admin.
CREATE TABLE user_roles (
  user_id uuid NOT NULL REFERENCES users (id),
  role text NOT NULL CHECK (role IN ('referent', 'finance', 'admin')),
  granted_by text NOT NULL,
  granted_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (user_id, role)
);

-- Which hosts a host user or a manager may act for. A manager's access is granted by the host
-- and can be withdrawn (revoked_at); the row stays as the record of who could act, and when.
CREATE TABLE host_access (
  user_id uuid NOT NULL REFERENCES users (id),
  host_id uuid NOT NULL REFERENCES hosts (id),
  relation text NOT NULL CHECK (relation IN ('owner', 'manager')),
  granted_at timestamptz NOT NULL DEFAULT now(),
  revoked_at timestamptz,
  PRIMARY KEY (user_id, host_id)
);
CREATE INDEX host_access_by_host ON host_access (host_id);

CREATE TABLE sessions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL REFERENCES users (id),
  token_digest text NOT NULL UNIQUE,           -- SHA-256 of the bearer token
  csrf_digest text NOT NULL,                   -- SHA-256 of the CSRF token of cookie clients
  created_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  idle_expires_at timestamptz NOT NULL,
  absolute_expires_at timestamptz NOT NULL,
  revoked_at timestamptz,
  address text NOT NULL,
  user_agent text NOT NULL
);
CREATE INDEX sessions_by_user ON sessions (user_id, created_at);

-- Invitation and password-reset links: used once, valid until expires_at.
CREATE TABLE one_time_tokens (
  token_digest text PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users (id),
  purpose text NOT NULL CHECK (purpose IN ('invitation', 'password_reset')),
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  used_at timestamptz
);

-- Failed logins, by account address and by client address, for throttling (and for staff to see
-- a lockout).
CREATE TABLE login_failures (
  seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  email text NOT NULL,
  address text NOT NULL,
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX login_failures_by_email ON login_failures (email, at);
CREATE INDEX login_failures_by_address ON login_failures (address, at);

CREATE TRIGGER users_no_delete BEFORE DELETE ON users
  FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER host_access_no_delete BEFORE DELETE ON host_access
  FOR EACH ROW EXECUTE FUNCTION refuse_change();
