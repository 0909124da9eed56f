-- Why: two filters of the register's list still missed p99 < 50 ms at 16 connections on 500,000
-- accommodations (BENCHMARKS.md, "Register list and search through HTTP").
--
-- 1. Category. `palace` and `star5` ... `star2` were read through a semi-join over every decision
--    of the category (12,000 for star5), whose accommodations were then sorted: 6-10 ms a page.
--    classification_periods holds, per decision, the days it is in force: from its decision day to
--    its expiry or the eve of the next decision (in the order of decided_on, then seq), whichever
--    comes first. This is the rule of ClassificationOn() (domain/classification.cpp) and of
--    kCategoryOn (persistence/accommodation_repository.cpp): the latest decision taken by a day
--    counts if it has not expired, and a superseded decision never comes back. A decision
--    superseded on its own decision day is never in force and has no row. The index walks one
--    category in register order and reads the dates from the index, so a page stops at its 51st
--    row. A trigger keeps the table in step with every insert into classifications, in the same
--    statement; classifications are never updated nor deleted (0001), so inserts are enough. A
--    migration that rewrites classifications (as 0004 did) must rebuild this table.

CREATE TABLE classification_periods (
  accommodation_id uuid NOT NULL REFERENCES accommodations (id),
  collectivity_id uuid NOT NULL REFERENCES collectivities (id),
  accommodation_seq bigint NOT NULL,          -- accommodations.seq: the register's order
  category text NOT NULL,
  valid_from date NOT NULL,                   -- the decision day
  valid_to date NOT NULL CHECK (valid_to >= valid_from),  -- inclusive
  PRIMARY KEY (accommodation_id, valid_from)  -- periods of one accommodation never overlap
);
CREATE INDEX classification_periods_by_category
  ON classification_periods (collectivity_id, category, accommodation_seq)
  INCLUDE (valid_from, valid_to, accommodation_id);

-- The periods of the accommodations listed, computed from their whole history.
CREATE FUNCTION classification_periods_of(accommodations uuid[])
  RETURNS SETOF classification_periods LANGUAGE sql STABLE AS $$
  SELECT accommodation_id, collectivity_id, accommodation_seq, category, valid_from, valid_to
  FROM (
    SELECT c.accommodation_id, c.collectivity_id, a.seq AS accommodation_seq, c.category,
           c.decided_on AS valid_from,
           least(c.expires_on,
                 lead(c.decided_on) OVER (PARTITION BY c.accommodation_id
                                          ORDER BY c.decided_on, c.seq) - 1) AS valid_to
    FROM unnest(accommodations) wanted (id)
    JOIN classifications c ON c.accommodation_id = wanted.id
    JOIN accommodations a ON a.id = c.accommodation_id
  ) decision
  WHERE valid_to >= valid_from
$$;

-- After each INSERT statement on classifications: the periods of the accommodations it touched
-- are computed again from their whole history (a decision may be recorded late, before another).
-- The accommodations are locked first, so two transactions classifying the same accommodation
-- take turns, and the second one's statements see the first one's decision.
CREATE FUNCTION refresh_classification_periods() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  touched uuid[];
BEGIN
  SELECT array_agg(DISTINCT accommodation_id) INTO touched FROM inserted;
  PERFORM 1 FROM accommodations WHERE id = ANY (touched) ORDER BY id FOR NO KEY UPDATE;
  DELETE FROM classification_periods WHERE accommodation_id = ANY (touched);
  INSERT INTO classification_periods SELECT * FROM classification_periods_of(touched);
  RETURN NULL;
END;
$$;
CREATE TRIGGER classifications_periods AFTER INSERT ON classifications
  REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT
  EXECUTE FUNCTION refresh_classification_periods();

INSERT INTO classification_periods
SELECT p.* FROM classification_periods_of(ARRAY(SELECT DISTINCT accommodation_id
                                                  FROM classifications)) p;

-- 2. Registration-number fragments. A search term is found anywhere in accommodations.search_text
--    through its trigram index, or by walking the register in order (persistence/
--    register_search.hpp). Numbers are given in order within each commune, so a fragment such
--    as "0103" matches thousands of rows in clusters: the index read and sorted all of them
--    (25-60 ms), and a walk reads the wide accommodation rows (about 1 us a row).
--    accommodation_digit_tokens keeps, per accommodation, the words of search_text (split on
--    spaces) that hold a digit: the registration number, the postal code, house numbers. A term
--    with a digit and no space lies inside one such word, so it matches search_text exactly when
--    it matches these words: the same rows, read from rows a fifth as wide (walks about 0.15 us a
--    row, index rechecks as cheap). Triggers keep the table in step with every insert and update
--    of accommodations (search_text changes with the name, the address, the number and the host's
--    name); accommodations are never deleted (0001).

-- The words of `search_text` that hold a digit, in order, separated by one space.
CREATE FUNCTION digit_tokens(search_text text) RETURNS text
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT coalesce(string_agg(word, ' ' ORDER BY position), '')
  FROM regexp_split_to_table(search_text, ' ') WITH ORDINALITY AS w (word, position)
  WHERE word ~ '[0-9]'
$$;

CREATE TABLE accommodation_digit_tokens (
  collectivity_id uuid NOT NULL REFERENCES collectivities (id),
  accommodation_seq bigint NOT NULL REFERENCES accommodations (seq),
  tokens text NOT NULL,                       -- digit_tokens(accommodations.search_text)
  -- Walks in register order read the words from the index alone (index-only scans).
  PRIMARY KEY (collectivity_id, accommodation_seq) INCLUDE (tokens)
);
CREATE INDEX accommodation_digit_tokens_search
  ON accommodation_digit_tokens USING gin (tokens gin_trgm_ops);

CREATE FUNCTION insert_digit_tokens() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO accommodation_digit_tokens (collectivity_id, accommodation_seq, tokens)
  SELECT collectivity_id, seq, digit_tokens(search_text) FROM inserted;
  RETURN NULL;
END;
$$;
CREATE TRIGGER accommodations_digit_tokens_insert AFTER INSERT ON accommodations
  REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT EXECUTE FUNCTION insert_digit_tokens();

-- An update that changes no digit word (most of them: versions, closures...) writes nothing.
CREATE FUNCTION update_digit_tokens() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE accommodation_digit_tokens d SET tokens = digit_tokens(n.search_text)
  FROM updated n
  WHERE d.collectivity_id = n.collectivity_id AND d.accommodation_seq = n.seq
    AND d.tokens <> digit_tokens(n.search_text);
  RETURN NULL;
END;
$$;
CREATE TRIGGER accommodations_digit_tokens_update AFTER UPDATE ON accommodations
  REFERENCING NEW TABLE AS updated FOR EACH STATEMENT EXECUTE FUNCTION update_digit_tokens();

INSERT INTO accommodation_digit_tokens (collectivity_id, accommodation_seq, tokens)
SELECT collectivity_id, seq, digit_tokens(search_text) FROM accommodations ORDER BY seq;
