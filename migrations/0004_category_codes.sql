-- Why: the rates engine's API names the tariff categories with short codes (`star5`, `camping_3_5`,
-- ...; issue "rates engine"), and the register must use the same word for the same idea. The
-- stored names of migration 0001 are rewritten once here; classifications are append-only, so
-- their guard trigger is lifted for this one statement inside this migration's transaction.
CREATE TEMPORARY TABLE category_code_renames (old_code text PRIMARY KEY, new_code text NOT NULL)
  ON COMMIT DROP;
INSERT INTO category_code_renames VALUES
  ('five_stars', 'star5'), ('four_stars', 'star4'), ('three_stars', 'star3'),
  ('two_stars', 'star2'), ('one_star', 'star1'),
  ('camping_three_to_five_stars', 'camping_3_5'), ('camping_one_to_two_stars', 'camping_1_2');

UPDATE accommodations a SET unclassified_category = r.new_code
  FROM category_code_renames r WHERE a.unclassified_category = r.old_code;

ALTER TABLE classifications DISABLE TRIGGER classifications_no_change;
UPDATE classifications c SET category = r.new_code
  FROM category_code_renames r WHERE c.category = r.old_code;
ALTER TABLE classifications ENABLE TRIGGER classifications_no_change;

-- From now on a stored category is one of the nine codes.
ALTER TABLE accommodations ADD CONSTRAINT accommodations_unclassified_category_code CHECK (
  unclassified_category IN ('palace', 'star5', 'star4', 'star3', 'star2', 'star1', 'camping_3_5',
                            'camping_1_2', 'unclassified'));
ALTER TABLE classifications ADD CONSTRAINT classifications_category_code CHECK (
  category IN ('palace', 'star5', 'star4', 'star3', 'star2', 'star1', 'camping_3_5', 'camping_1_2',
               'unclassified'));
