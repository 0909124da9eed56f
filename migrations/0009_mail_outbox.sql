-- Mail that really leaves (issue 5). A mail is written to the outbox in the transaction of what
-- caused it (an invitation, a reset), so it exists exactly when its cause was committed; senders
-- then claim due mails with FOR UPDATE SKIP LOCKED, deliver them over SMTP and record the outcome.
-- Mails are never deleted nor rewritten: only the sender's state changes (attempts, next attempt,
-- lease, sent, dead, last error). Collectivities may word each kind of mail their own way.

CREATE TABLE mail_outbox (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
  collectivity_id uuid REFERENCES collectivities (id),  -- null: a mail of the instance itself
  kind text NOT NULL CHECK (kind ~ '^[a-z_]{1,40}$'),
  recipient text NOT NULL CHECK (length(recipient) BETWEEN 3 AND 254),
  subject text NOT NULL,
  body text NOT NULL,                            -- plain text, UTF-8, "\n" line ends
  created_by text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  -- The sender's state.
  attempts integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  next_attempt_at timestamptz NOT NULL DEFAULT now(),  -- also the end of a sender's lease
  claim_token uuid,                              -- the lease of the sender that claimed it last
  sent_at timestamptz,
  dead_at timestamptz,                           -- given up: staff see it
  last_error text,
  CHECK (sent_at IS NULL OR dead_at IS NULL)
);
-- What senders look for: the mails still to deliver, by due time.
CREATE INDEX mail_outbox_due ON mail_outbox (next_attempt_at)
  WHERE sent_at IS NULL AND dead_at IS NULL;
CREATE INDEX mail_outbox_by_collectivity ON mail_outbox (collectivity_id, seq);

-- Only the sender's columns change, attempts never go down, and a mail that was sent or given up
-- stays as it ended.
CREATE FUNCTION mail_outbox_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'mails of the outbox are never deleted';
  END IF;
  IF (NEW.id, NEW.seq, NEW.collectivity_id, NEW.kind, NEW.recipient, NEW.subject, NEW.body,
      NEW.created_by, NEW.created_at)
     IS DISTINCT FROM
     (OLD.id, OLD.seq, OLD.collectivity_id, OLD.kind, OLD.recipient, OLD.subject, OLD.body,
      OLD.created_by, OLD.created_at) THEN
    RAISE EXCEPTION 'a queued mail is never rewritten';
  END IF;
  IF NEW.attempts < OLD.attempts THEN
    RAISE EXCEPTION 'the attempts of a mail never go down';
  END IF;
  IF OLD.sent_at IS NOT NULL OR OLD.dead_at IS NOT NULL THEN
    RAISE EXCEPTION 'a mail that was sent or given up never changes';
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER mail_outbox_guard BEFORE UPDATE OR DELETE ON mail_outbox
  FOR EACH ROW EXECUTE FUNCTION mail_outbox_guard();

-- A collectivity's wording of one kind of mail. Each change appends a version; the latest one is
-- in force. A version without subject nor body returns to the text shipped with Nuitée.
CREATE TABLE mail_template_versions (
  collectivity_id uuid NOT NULL REFERENCES collectivities (id),
  kind text NOT NULL CHECK (kind ~ '^[a-z_]{1,40}$'),
  version integer NOT NULL CHECK (version >= 1),
  subject text,
  body text,
  recorded_by text NOT NULL,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (collectivity_id, kind, version),
  CHECK ((subject IS NULL) = (body IS NULL))
);
CREATE TRIGGER mail_template_versions_no_change BEFORE UPDATE OR DELETE ON mail_template_versions
  FOR EACH ROW EXECUTE FUNCTION refuse_change();
