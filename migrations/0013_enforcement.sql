-- Reminders and enforcement (issue 6; CGCT L. 2333-38, taxe-de-sejour.md §8). The calendar of a
-- month not declared is a list of steps per accommodation and month; each step exists once
-- (unique constraint), is created by a worker or a referent with its mail in the same transaction,
-- and is never deleted. What referents do (notes, calls, holds, deliveries of registered letters,
-- cancellations) is an append-only history. Taxations d'office are revisions, never rewritten.

-- A collectivity's settings, one version per change; the latest is in force. Without any version
-- the defaults apply (domain/enforcement_calendar.hpp) and no month is chased: the collectivity
-- chooses the first month the platform chases (enforcement_from), so that moving to Nuitée does not
-- send reminders for years handled elsewhere.
CREATE TABLE enforcement_settings_versions (
  collectivity_id uuid NOT NULL REFERENCES collectivities (id),
  version integer NOT NULL CHECK (version >= 1),
  enforcement_from date CHECK (extract(day FROM enforcement_from) = 1),  -- null: nothing chased
  second_reminder_after_days integer NOT NULL CHECK (second_reminder_after_days BETWEEN 1 AND 90),
  formal_notice_after_days integer NOT NULL CHECK (formal_notice_after_days BETWEEN 1 AND 90),
  -- The letterhead of the letters (mise en demeure, avis de taxation d'office).
  letter_sender text NOT NULL DEFAULT '',        -- "Communauté de communes …, service taxe de séjour"
  letter_address text NOT NULL DEFAULT '',       -- several lines, "\n" separated
  letter_signatory text NOT NULL DEFAULT '',     -- "Le Président, Jean Dupont"
  letter_contact text NOT NULL DEFAULT '',       -- phone, address to write to
  recorded_by text NOT NULL,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (collectivity_id, version)
);
CREATE TRIGGER enforcement_settings_versions_no_change
  BEFORE UPDATE OR DELETE ON enforcement_settings_versions
  FOR EACH ROW EXECUTE FUNCTION refuse_change();

-- A mail the calendar queued may be withdrawn before it leaves, when every month it chases was
-- declared in the meantime: it is then never sent (issue 6: "a later step is never sent for a
-- month that has been declared, even if the step was already queued").
ALTER TABLE mail_outbox
  ADD COLUMN withdrawn_at timestamptz,
  ADD COLUMN withdrawn_reason text,
  ADD CHECK (withdrawn_at IS NULL OR (sent_at IS NULL AND dead_at IS NULL));
DROP INDEX mail_outbox_due;
CREATE INDEX mail_outbox_due ON mail_outbox (next_attempt_at)
  WHERE sent_at IS NULL AND dead_at IS NULL AND withdrawn_at IS NULL;

CREATE OR REPLACE FUNCTION mail_outbox_guard() RETURNS trigger LANGUAGE plpgsql AS $$
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
  IF OLD.sent_at IS NOT NULL OR OLD.dead_at IS NOT NULL OR OLD.withdrawn_at IS NOT NULL THEN
    RAISE EXCEPTION 'a mail that was sent, given up or withdrawn never changes';
  END IF;
  RETURN NEW;
END;
$$;

-- A mise en demeure as printed: one letter per host, listing the months and accommodations of the
-- formal_notice steps it was made for, made once when those steps are taken so that what was sent
-- is what is kept.
CREATE TABLE enforcement_letters (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
  collectivity_id uuid NOT NULL REFERENCES collectivities (id),
  host_id uuid NOT NULL REFERENCES hosts (id),
  kind text NOT NULL CHECK (kind IN ('formal_notice')),
  dated_on date NOT NULL,
  pdf bytea NOT NULL,
  created_by text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX enforcement_letters_by_host ON enforcement_letters (host_id, seq);
CREATE TRIGGER enforcement_letters_no_change BEFORE UPDATE OR DELETE ON enforcement_letters
  FOR EACH ROW EXECUTE FUNCTION refuse_change();
REVOKE UPDATE, DELETE, TRUNCATE ON enforcement_letters FROM nuitee_app;

-- One step of the calendar for one accommodation and month. The unique constraint is what makes
-- several workers safe: a step they both computed is inserted once (ON CONFLICT DO NOTHING), and
-- only the worker whose insert succeeded queues its mail, in the same transaction.
CREATE TABLE enforcement_steps (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
  collectivity_id uuid NOT NULL REFERENCES collectivities (id),
  host_id uuid NOT NULL REFERENCES hosts (id),
  accommodation_id uuid NOT NULL REFERENCES accommodations (id),
  month date NOT NULL CHECK (extract(day FROM month) = 1),
  kind text NOT NULL CHECK (kind IN ('invitation', 'first_reminder', 'second_reminder',
                                     'formal_notice', 'assessment')),
  due_on date NOT NULL,                        -- the calendar's day for this step
  taken_on date NOT NULL,                      -- the (injected) day it was taken
  created_by text NOT NULL,                    -- "worker" or the referent who sent it early
  created_at timestamptz NOT NULL DEFAULT now(),
  mail_id uuid REFERENCES mail_outbox (id),    -- its mail; one mail may chase several steps
  letter_id uuid REFERENCES enforcement_letters (id),  -- formal_notice: the letter it is in
  -- Only for formal_notice: the day the registered letter was delivered (avis de réception),
  -- recorded once by the referent (on every step of the letter). The taxation d'office is due 30
  -- days later.
  delivered_on date,
  delivery_recorded_by text,
  delivery_recorded_at timestamptz,
  -- A referent may cancel a step, with a reason; a cancelled step ends the procedure of its month
  -- (no later step) until a referent takes one by hand.
  cancelled_at timestamptz,
  cancelled_by text,
  cancel_reason text,
  UNIQUE (accommodation_id, month, kind),
  CHECK (delivered_on IS NULL OR kind = 'formal_notice'),
  CHECK ((cancelled_at IS NULL) = (cancel_reason IS NULL))
);
CREATE INDEX enforcement_steps_by_collectivity ON enforcement_steps (collectivity_id, month);
CREATE INDEX enforcement_steps_by_host ON enforcement_steps (host_id, month);
CREATE INDEX enforcement_steps_by_mail ON enforcement_steps (mail_id) WHERE mail_id IS NOT NULL;
CREATE INDEX enforcement_steps_by_letter ON enforcement_steps (letter_id) WHERE letter_id IS NOT NULL;

-- A step changes little: its mail and letter are linked once (when it is taken), the delivery of
-- its letter is recorded once, and it may be cancelled once. Nothing else of it is ever
-- rewritten, and it is never deleted.
CREATE FUNCTION enforcement_steps_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'enforcement steps are never deleted';
  END IF;
  IF (NEW.id, NEW.seq, NEW.collectivity_id, NEW.host_id, NEW.accommodation_id, NEW.month,
      NEW.kind, NEW.due_on, NEW.taken_on, NEW.created_by, NEW.created_at)
     IS DISTINCT FROM
     (OLD.id, OLD.seq, OLD.collectivity_id, OLD.host_id, OLD.accommodation_id, OLD.month,
      OLD.kind, OLD.due_on, OLD.taken_on, OLD.created_by, OLD.created_at) THEN
    RAISE EXCEPTION 'an enforcement step is never rewritten';
  END IF;
  -- The worker inserts a batch's steps first (the unique constraint tells which are really new),
  -- then queues one mail and renders one letter for those, in the same transaction: the mail and
  -- the letter are linked once, from null, and never changed after.
  IF (OLD.mail_id IS NOT NULL AND NEW.mail_id IS DISTINCT FROM OLD.mail_id)
     OR (OLD.letter_id IS NOT NULL AND NEW.letter_id IS DISTINCT FROM OLD.letter_id) THEN
    RAISE EXCEPTION 'the mail and the letter of a step are linked once';
  END IF;
  IF OLD.delivered_on IS NOT NULL AND
     (NEW.delivered_on, NEW.delivery_recorded_by, NEW.delivery_recorded_at) IS DISTINCT FROM
     (OLD.delivered_on, OLD.delivery_recorded_by, OLD.delivery_recorded_at) THEN
    RAISE EXCEPTION 'the delivery of a letter is recorded once';
  END IF;
  IF OLD.cancelled_at IS NOT NULL AND
     (NEW.cancelled_at, NEW.cancelled_by, NEW.cancel_reason) IS DISTINCT FROM
     (OLD.cancelled_at, OLD.cancelled_by, OLD.cancel_reason) THEN
    RAISE EXCEPTION 'a step is cancelled once';
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER enforcement_steps_guard BEFORE UPDATE OR DELETE ON enforcement_steps
  FOR EACH ROW EXECUTE FUNCTION enforcement_steps_guard();

-- A referent puts a host on hold with a reason (a dispute, a bereavement…): no step is taken for
-- its accommodations while the hold lasts. A hold ends once; at most one is live per host.
CREATE TABLE enforcement_holds (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
  collectivity_id uuid NOT NULL REFERENCES collectivities (id),
  host_id uuid NOT NULL REFERENCES hosts (id),
  reason text NOT NULL CHECK (reason <> ''),
  placed_by text NOT NULL,
  placed_at timestamptz NOT NULL DEFAULT now(),
  released_by text,
  released_at timestamptz,
  release_reason text,
  CHECK ((released_at IS NULL) = (released_by IS NULL))
);
CREATE UNIQUE INDEX enforcement_holds_live ON enforcement_holds (host_id) WHERE released_at IS NULL;
CREATE FUNCTION enforcement_holds_only_end() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' OR OLD.released_at IS NOT NULL OR NEW.released_at IS NULL
     OR (NEW.id, NEW.seq, NEW.collectivity_id, NEW.host_id, NEW.reason, NEW.placed_by,
         NEW.placed_at) IS DISTINCT FROM
        (OLD.id, OLD.seq, OLD.collectivity_id, OLD.host_id, OLD.reason, OLD.placed_by,
         OLD.placed_at) THEN
    RAISE EXCEPTION 'a hold only changes when it ends, once';
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER enforcement_holds_only_end BEFORE UPDATE OR DELETE ON enforcement_holds
  FOR EACH ROW EXECUTE FUNCTION enforcement_holds_only_end();

-- The yearly sworn statement of a host whose accommodations are marketed only through platforms
-- that collect the tax (taxe-de-sejour.md §7): those accommodations are not chased that year.
CREATE TABLE platform_sworn_statements (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  collectivity_id uuid NOT NULL REFERENCES collectivities (id),
  host_id uuid NOT NULL REFERENCES hosts (id),
  year integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  filed_on date NOT NULL,
  recorded_by text NOT NULL,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (host_id, year)
);
CREATE TRIGGER platform_sworn_statements_no_change
  BEFORE UPDATE OR DELETE ON platform_sworn_statements
  FOR EACH ROW EXECUTE FUNCTION refuse_change();

-- The history of the procedure, per accommodation (or per host for a hold): every action of a
-- referent and every step taken, in order. Append-only.
CREATE TABLE enforcement_events (
  seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  collectivity_id uuid NOT NULL REFERENCES collectivities (id),
  host_id uuid NOT NULL REFERENCES hosts (id),
  accommodation_id uuid REFERENCES accommodations (id),  -- null: about the host as a whole
  month date CHECK (extract(day FROM month) = 1),
  kind text NOT NULL CHECK (kind IN ('step_taken', 'reminder_sent_now', 'note', 'call',
                                     'hold_placed', 'hold_released', 'letter_delivered',
                                     'step_cancelled', 'sworn_statement_filed',
                                     'assessment_proposed', 'assessment_adjusted',
                                     'assessment_issued', 'mail_withdrawn')),
  step_id uuid REFERENCES enforcement_steps (id),
  text text NOT NULL DEFAULT '',               -- the note, the reason, what was said
  occurred_on date,                            -- the call's day, the delivery's day…
  recorded_by text NOT NULL,
  recorded_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX enforcement_events_by_accommodation
  ON enforcement_events (accommodation_id, seq) WHERE accommodation_id IS NOT NULL;
CREATE INDEX enforcement_events_by_host ON enforcement_events (host_id, seq);
REVOKE UPDATE, DELETE, TRUNCATE ON enforcement_events FROM nuitee_app;

-- Taxations d'office (L. 2333-38): one row per revision for an accommodation and month. The
-- worker proposes revision 1 with the computed amount; a referent may adjust it (a new revision,
-- with a reason) and issues it (a new revision with the notification day and the avis PDF). The
-- amount enters the host's balance no earlier than recoverable_from (30 days after notification).
CREATE TABLE office_assessments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
  collectivity_id uuid NOT NULL REFERENCES collectivities (id),
  host_id uuid NOT NULL REFERENCES hosts (id),
  accommodation_id uuid NOT NULL REFERENCES accommodations (id),
  month date NOT NULL CHECK (extract(day FROM month) = 1),
  revision integer NOT NULL CHECK (revision >= 1),
  status text NOT NULL CHECK (status IN ('proposed', 'issued', 'withdrawn')),
  step_id uuid REFERENCES enforcement_steps (id),
  capacity_persons integer NOT NULL CHECK (capacity_persons > 0),
  nights integer NOT NULL CHECK (nights BETWEEN 0 AND 31),
  computed_total_cents bigint NOT NULL CHECK (computed_total_cents >= 0),  -- the formula's
  tax_cents bigint NOT NULL CHECK (tax_cents >= 0),
  additional_taxes jsonb NOT NULL,             -- [{"beneficiary", "label", "rate_bp", "amount_cents"}]
  additional_cents bigint NOT NULL CHECK (additional_cents >= 0),
  total_cents bigint NOT NULL CHECK (total_cents = tax_cents + additional_cents),
  explanation jsonb NOT NULL DEFAULT '[]',     -- French sentences
  deliberation_version bigint NOT NULL,
  reason text,                                 -- required when the total differs from the formula
  notified_on date,                            -- issued: the day the avis was sent
  recoverable_from date,                       -- issued: notified_on + 30 days at the earliest
  avis_pdf bytea,                              -- issued: the avis de taxation d'office as sent
  recorded_by text NOT NULL,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (accommodation_id, month, revision),
  CHECK (total_cents = computed_total_cents OR reason IS NOT NULL),
  CHECK (status <> 'issued' OR (notified_on IS NOT NULL AND recoverable_from >= notified_on + 30
                                AND avis_pdf IS NOT NULL))
);
CREATE INDEX office_assessments_by_collectivity ON office_assessments (collectivity_id, month);
CREATE INDEX office_assessments_by_host ON office_assessments (host_id, month);
CREATE TRIGGER office_assessments_no_change BEFORE UPDATE OR DELETE ON office_assessments
  FOR EACH ROW EXECUTE FUNCTION refuse_change();
REVOKE UPDATE, DELETE, TRUNCATE ON office_assessments FROM nuitee_app;
