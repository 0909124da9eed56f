-- A generated register for the benchmarks: one EPCI of 25 communes, :hosts hosts and
-- :accommodations accommodations (about 27 % classified on the day of the load), with set-based
-- INSERT ... SELECT so that 500,000 rows load in well under two minutes.
--
-- Run by bench/register_list.sh on a fresh database that `nuitee migrate` has just created:
--   psql -v ON_ERROR_STOP=1 -v hosts=150000 -v accommodations=500000 -f bench/load_register.sql
-- Every value respects migrations/0001_register.sql and the domain's rules: nature names from
-- domain/nature.cpp, category names from rates/category.cpp, the unclassified category of each
-- nature (UnclassifiedCategory) and the category a rank gives it (ClassifiedCategory), 13-character
-- registration numbers (INSEE code + 6 digits + 2 letters) only on meublés and some chambres
-- d'hôtes, one live accommodation per (host, address). The data is synthetic but deterministic:
-- every "random" choice is a hash of the row number, so two loads give the same register.
-- The indexes are dropped during the load and rebuilt from their own definitions
-- (pg_indexes.indexdef), which is several times faster than maintaining them row by row.

\set ON_ERROR_STOP 1
\if :{?hosts}
\else
  \set hosts 150000
\endif
\if :{?accommodations}
\else
  \set accommodations 500000
\endif

SET maintenance_work_mem = '512MB';
SET work_mem = '64MB';
SET synchronous_commit = off;

-- pick(i, salt, n): a well-spread integer in [0, n) for row i; the salt makes choices independent.
CREATE FUNCTION pg_temp.pick(i bigint, salt int, n int) RETURNS int
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT ((hashint8(i * 1009 + salt) & 2147483647) % n)::int $$;

-- Communes, repeated by weight into 1,000 slots so a weighted choice is an equi-join on a slot.
CREATE TEMP TABLE commune (idx int PRIMARY KEY, insee text, name text, postal text, weight int);
INSERT INTO commune VALUES
  (0, '15001', 'Allanche', '15160', 9), (1, '15025', 'Albepierre-Bredons', '15300', 4),
  (2, '15041', 'La Chapelle-d''Alagnon', '15300', 3), (3, '15054', 'Condat', '15190', 7),
  (4, '15061', 'Dienne', '15300', 6), (5, '15091', 'Landeyrat', '15160', 2),
  (6, '15100', 'Laveissenet', '15300', 2), (7, '15101', 'Laveissière', '15300', 14),
  (8, '15102', 'Lavigerie', '15300', 4), (9, '15114', 'Marcenat', '15190', 6),
  (10, '15116', 'Marchastel', '15400', 2), (11, '15138', 'Murat', '15300', 12),
  (12, '15141', 'Neussargues en Pinatelle', '15170', 5), (13, '15263', 'Virargues', '15300', 2),
  (14, '63038', 'Besse-et-Saint-Anastaise', '63610', 16), (15, '63077', 'Chambon-sur-Lac', '63790', 12),
  (16, '63098', 'Chastreix', '63680', 4), (17, '63117', 'Compains', '63610', 3),
  (18, '63144', 'Égliseneuve-d''Entraigues', '63850', 6), (19, '63153', 'Espinchal', '63850', 2),
  (20, '63169', 'La Godivelle', '63850', 1), (21, '63279', 'Picherande', '63113', 5),
  (22, '15014', 'Aurillac', '15000', 10), (23, '15187', 'Saint-Flour', '15100', 8),
  (24, '15120', 'Mauriac', '15200', 4);
CREATE TEMP TABLE commune_slot AS
  SELECT (row_number() OVER (ORDER BY c.idx, k) - 1)::int AS slot, c.*
  FROM commune c, generate_series(1, c.weight) k;
-- Picks below use the real slot count (the sum of the weights).
SELECT count(*) AS commune_slots FROM commune_slot \gset

-- Natures in per-mille: a rural mountain territory is mostly meublés de tourisme.
CREATE TEMP TABLE nature_share (nature text, per_mille int, unclassified text,
                                classified_per_cent int);
INSERT INTO nature_share VALUES
  ('furnished_rental', 700, 'unclassified', 24), ('guest_house', 100, 'star1', 0),
  ('hotel', 50, 'unclassified', 95), ('tourist_residence', 20, 'unclassified', 80),
  ('holiday_village', 10, 'unclassified', 70), ('camping', 40, 'camping_1_2', 80),
  ('camper_van_area', 10, 'camping_3_5', 0),
  ('marina', 5, 'camping_1_2', 0), ('hostel', 10, 'star1', 0),
  ('palace', 1, 'unclassified', 100), ('other', 54, 'unclassified', 0);
CREATE TEMP TABLE nature_slot AS
  SELECT (row_number() OVER (ORDER BY n.nature, k) - 1)::int AS slot, n.*
  FROM nature_share n, generate_series(1, n.per_mille) k;

CREATE TEMP TABLE word (kind text, idx int, w text, PRIMARY KEY (kind, idx));
INSERT INTO word
  SELECT 'first', ord::int - 1, w FROM unnest(ARRAY['Jean', 'Marie', 'Pierre', 'Anne', 'Michel',
    'Catherine', 'Philippe', 'Nathalie', 'Alain', 'Isabelle', 'Bernard', 'Sylvie', 'Christophe',
    'Sophie', 'Laurent', 'Valérie', 'Nicolas', 'Céline', 'Julien', 'Aurélie', 'Thomas', 'Émilie',
    'Antoine', 'Camille', 'Lucas', 'Léa', 'Hugo', 'Chloé', 'Louis', 'Manon']) WITH ORDINALITY AS t(w, ord)
  UNION ALL
  SELECT 'last', ord::int - 1, w FROM unnest(ARRAY['Martin', 'Bernard', 'Dubois', 'Thomas',
    'Robert', 'Richard', 'Petit', 'Durand', 'Leroy', 'Moreau', 'Simon', 'Laurent', 'Lefebvre',
    'Michel', 'Garcia', 'David', 'Bertrand', 'Roux', 'Vincent', 'Fournier', 'Morel', 'Girard',
    'André', 'Mercier', 'Dupont', 'Lambert', 'Bonnet', 'François', 'Martinez', 'Legrand',
    'Garnier', 'Faure', 'Rousseau', 'Blanc', 'Guérin', 'Muller', 'Henry', 'Roussel', 'Nicolas',
    'Perrin', 'Morin', 'Mathieu', 'Clément', 'Gauthier', 'Dumont', 'Lopez', 'Fontaine',
    'Chevalier', 'Robin', 'Masson', 'Sanchez', 'Boyer', 'Delmas', 'Vidal', 'Chabrier',
    'Bouchard', 'Lavergne', 'Cheminade', 'Rouchy', 'Vermenouze']) WITH ORDINALITY AS t(w, ord)
  UNION ALL
  SELECT 'place', ord::int - 1, w FROM unnest(ARRAY['Puy Mary', 'Plomb du Cantal', 'Lioran',
    'Sancy', 'Lac Pavin', 'Chambon', 'Bonnevie', 'Alagnon', 'Cézallier', 'Artense', 'Sapins',
    'Gentianes', 'Myrtilles', 'Burons', 'Estives', 'Narses', 'Couze', 'Rhue', 'Santoire',
    'Jordanne', 'Font d''Alagnon', 'Hautes Chaumes', 'Salers', 'Tourbières', 'Volcans',
    'Lac Chauvet', 'Montcineyre', 'Godivelle', 'Pinatelle', 'Bredons', 'Prat de Bouc',
    'Col de Serre', 'Super-Besse', 'Vallée Verte', 'Roche Taillade', 'Chastel', 'Fontaines',
    'Mont Dore', 'Jonquilles', 'Sorbiers']) WITH ORDINALITY AS t(w, ord)
  UNION ALL
  SELECT 'street', ord::int - 1, w FROM unnest(ARRAY['rue de l''Église', 'route du Lioran',
    'chemin des Burons', 'place du Marché', 'rue des Écoles', 'route de Condat', 'impasse des Sorbiers',
    'chemin de la Croix', 'rue du Four', 'allée des Tilleuls', 'route de Besse', 'rue de la Poste',
    'chemin du Moulin', 'lieu-dit le Bourg', 'route des Lacs', 'rue du Château', 'chemin des Prés',
    'avenue de la Gare', 'rue des Jardins', 'lieu-dit la Chaumette']) WITH ORDINALITY AS t(w, ord)
  UNION ALL
  SELECT 'lodging', ord::int - 1, w FROM unnest(ARRAY['Gîte', 'Meublé', 'Chalet', 'Appartement',
    'Maison', 'Studio', 'Gîte de groupe', 'Le Nid']) WITH ORDINALITY AS t(w, ord)
  UNION ALL
  SELECT 'company', ord::int - 1, w FROM unnest(ARRAY['SARL', 'SAS', 'SCI', 'EURL', 'SAS Hôtellerie',
    'SARL Tourisme']) WITH ORDINALITY AS t(w, ord);
SELECT count(*) FILTER (WHERE kind = 'first') AS n_first, count(*) FILTER (WHERE kind = 'last') AS n_last,
       count(*) FILTER (WHERE kind = 'place') AS n_place, count(*) FILTER (WHERE kind = 'street') AS n_street,
       count(*) FILTER (WHERE kind = 'lodging') AS n_lodging, count(*) FILTER (WHERE kind = 'company') AS n_company
FROM word \gset

-- The indexes of the register's tables (not those behind a constraint: primary keys, unique seq),
-- to rebuild later. The triggers of migration 0010 fill accommodation_digit_tokens and
-- classification_periods during the load.
CREATE TEMP TABLE saved_index AS
  SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS definition
  FROM pg_index i
  WHERE i.indrelid IN ('hosts'::regclass, 'accommodations'::regclass, 'classifications'::regclass,
                       'accommodation_digit_tokens'::regclass, 'classification_periods'::regclass)
    AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid);
SELECT format('DROP INDEX %s', name) FROM saved_index \gexec

BEGIN;

INSERT INTO collectivities (id, name, siren, kind, department_code, communes)
SELECT '6b3f1a52-0c1e-4d8e-9f3a-5be7c0a1b500', 'Communauté de communes Banc d''essai du Cézallier',
       '200099999', 'epci', '15',
       jsonb_agg(jsonb_build_object('insee_code', insee, 'name', name) ORDER BY idx)
FROM commune;

INSERT INTO hosts (collectivity_id, kind, legal_name, siret, email, phone, address_line,
                   postal_code, city, manager_name, manager_email, archived_on)
SELECT '6b3f1a52-0c1e-4d8e-9f3a-5be7c0a1b500', h.kind, h.legal_name,
       CASE WHEN h.kind = 'company' THEN lpad((pg_temp.pick(h.i, 11, 1000000000)::bigint * 100000
                                               + h.i)::text, 14, '0') END,
       lower(translate(h.first || '.' || h.last, 'éèÉçàâîôû ''', 'eeEcaaiou--')) || h.i
         || '@exemple.fr',
       '04' || lpad((71000000 + pg_temp.pick(h.i, 12, 999999))::text, 8, '0'),
       (1 + pg_temp.pick(h.i, 13, 60)) || ' ' || h.street, c.postal, c.name,
       CASE WHEN h.kind = 'company' THEN h.first || ' ' || h.last END,
       CASE WHEN h.kind = 'company' THEN 'gerance' || h.i || '@exemple.fr' END,
       CASE WHEN pg_temp.pick(h.i, 14, 100) < 2 THEN current_date - pg_temp.pick(h.i, 15, 700) END
FROM (
  SELECT i, f.w AS first, l.w AS last, s.w AS street,
         CASE WHEN pg_temp.pick(i, 16, 100) < 12 THEN 'company' ELSE 'person' END AS kind,
         CASE WHEN pg_temp.pick(i, 16, 100) < 12
              THEN co.w || ' ' || CASE pg_temp.pick(i, 17, 3) WHEN 0 THEN 'Gîtes du ' || p.w
                                                              WHEN 1 THEN 'Les Hauts de ' || p.w
                                                              ELSE l.w || ' et fils' END
              ELSE f.w || ' ' || l.w END AS legal_name,
         pg_temp.pick(i, 18, :commune_slots) AS slot
  FROM generate_series(1, :hosts) i
  JOIN word f ON f.kind = 'first' AND f.idx = pg_temp.pick(i, 1, :n_first)
  JOIN word l ON l.kind = 'last' AND l.idx = pg_temp.pick(i, 2, :n_last)
  JOIN word s ON s.kind = 'street' AND s.idx = pg_temp.pick(i, 3, :n_street)
  JOIN word p ON p.kind = 'place' AND p.idx = pg_temp.pick(i, 4, :n_place)
  JOIN word co ON co.kind = 'company' AND co.idx = pg_temp.pick(i, 5, :n_company)
) h
JOIN commune_slot c ON c.slot = h.slot
ORDER BY h.i;

-- Accommodation i belongs to host 1 + (i - 1) % hosts, so a host holds 3 or 4 of them; the house
-- number 1 + k + 4 * x (k = the host's k-th accommodation) keeps (host, address) unique.
INSERT INTO accommodations (collectivity_id, host_id, host_name, name, commune_insee_code,
                            address_line, postal_code, nature, capacity_persons, capacity_units,
                            registration_number, marketing, opened_on, closures, ceased_on,
                            unclassified_category)
SELECT '6b3f1a52-0c1e-4d8e-9f3a-5be7c0a1b500', ho.id, ho.legal_name,
       CASE a.nature
         WHEN 'furnished_rental' THEN lo.w || ' ' || CASE pg_temp.pick(a.i, 21, 3) WHEN 0 THEN 'des '
                                                        WHEN 1 THEN 'du ' ELSE 'les ' END || p.w
         WHEN 'guest_house' THEN 'Chambres d''hôtes ' || p.w
         WHEN 'hotel' THEN 'Hôtel ' || p.w
         WHEN 'palace' THEN 'Grand Hôtel du ' || p.w
         WHEN 'tourist_residence' THEN 'Résidence ' || p.w
         WHEN 'holiday_village' THEN 'Village vacances ' || p.w
         WHEN 'camping' THEN 'Camping ' || p.w
         WHEN 'camper_van_area' THEN 'Aire de camping-cars ' || p.w
         WHEN 'marina' THEN 'Port de plaisance ' || p.w
         WHEN 'hostel' THEN 'Auberge ' || p.w
         ELSE 'Refuge ' || p.w
       END || CASE WHEN pg_temp.pick(a.i, 22, 3) = 0 THEN ' ' || (1 + pg_temp.pick(a.i, 23, 12)) ELSE '' END,
       c.insee,
       (1 + a.k + 4 * pg_temp.pick(a.i, 24, 60)) || ' ' || s.w, c.postal, a.nature,
       CASE WHEN a.nature IN ('hotel', 'palace', 'tourist_residence', 'holiday_village', 'hostel')
            THEN 20 + pg_temp.pick(a.i, 25, 180)
            WHEN a.nature IN ('camping', 'camper_van_area', 'marina') THEN 30 + pg_temp.pick(a.i, 25, 400)
            ELSE 2 + pg_temp.pick(a.i, 25, 11) END,
       CASE WHEN a.nature IN ('camping', 'camper_van_area', 'marina') THEN 10 + pg_temp.pick(a.i, 26, 120) END,
       -- Numbers are given in order within each commune (the 6 digits), like a town hall does.
       CASE WHEN a.nature = 'furnished_rental'
              OR (a.nature = 'guest_house' AND pg_temp.pick(a.i, 27, 100) < 60)
            THEN c.insee || lpad((row_number() OVER (PARTITION BY c.insee ORDER BY a.i))::text, 6, '0')
                 || chr(65 + pg_temp.pick(a.i, 47, 26)) || chr(65 + pg_temp.pick(a.i, 48, 26)) END,
       (ARRAY['direct', 'platforms', 'both'])[1 + pg_temp.pick(a.i, 28, 3)],
       CASE WHEN pg_temp.pick(a.i, 29, 100) < 80 THEN current_date - 30 - pg_temp.pick(a.i, 30, 5000) END,
       CASE WHEN pg_temp.pick(a.i, 31, 100) < 6
            THEN jsonb_build_array(jsonb_build_object(
                   'from', current_date - 60 + pg_temp.pick(a.i, 32, 120),
                   'to', current_date - 60 + pg_temp.pick(a.i, 32, 120) + 20 + pg_temp.pick(a.i, 33, 60)))
            ELSE '[]'::jsonb END,
       CASE WHEN pg_temp.pick(a.i, 34, 100) < 3 THEN current_date - pg_temp.pick(a.i, 35, 700) END,
       a.unclassified
FROM (
  SELECT i, (i - 1) / :hosts AS k, 1 + (i - 1) % :hosts AS host_seq, n.nature, n.unclassified,
         pg_temp.pick(i, 36, :commune_slots) AS slot
  FROM generate_series(1, :accommodations) i
  JOIN nature_slot n ON n.slot = pg_temp.pick(i, 37, 1000)
) a
JOIN hosts ho ON ho.seq = a.host_seq
JOIN commune_slot c ON c.slot = a.slot
JOIN word s ON s.kind = 'street' AND s.idx = pg_temp.pick(a.i, 38, :n_street)
JOIN word p ON p.kind = 'place' AND p.idx = pg_temp.pick(a.i, 39, :n_place)
JOIN word lo ON lo.kind = 'lodging' AND lo.idx = pg_temp.pick(a.i, 40, :n_lodging)
ORDER BY a.i;

-- Classifications: the decision in force (5-year validity, decided within the last 5 years) for
-- the share of each nature given in nature_share; a sixth of them also keep an earlier decision
-- (expired, or superseded while still running); and 3 % of the classifiable ones hold only an
-- expired decision (unclassified today).
CREATE TEMP TABLE classified AS
  SELECT a.id, a.seq, a.nature,
         CASE WHEN a.nature = 'palace' THEN 'palace'
              ELSE (ARRAY['1', '2', '2', '3', '3', '3', '4', '4', '5'])[1 + pg_temp.pick(a.seq, 41, 9)] END
           AS rank,
         current_date - pg_temp.pick(a.seq, 42, 1800) AS decided_on,
         pg_temp.pick(a.seq, 43, 100) < n.classified_per_cent AS in_force
  FROM accommodations a JOIN nature_share n USING (nature)
  WHERE n.classified_per_cent > 0
    AND (pg_temp.pick(a.seq, 43, 100) < n.classified_per_cent OR pg_temp.pick(a.seq, 44, 100) < 3);

INSERT INTO classifications (collectivity_id, accommodation_id, rank, decided_on, expires_on, body,
                             category, recorded_by)
SELECT '6b3f1a52-0c1e-4d8e-9f3a-5be7c0a1b500', id, rank, decided_on, expires_on,
       (ARRAY['Atout France', 'Organisme accrédité COFRAC Auvergne', 'Gîtes de France Cantal'])
         [1 + pg_temp.pick(seq, 45, 3)],
       CASE WHEN rank = 'palace' THEN 'palace'
            WHEN nature = 'holiday_village' THEN CASE WHEN rank >= '4' THEN 'star2' ELSE 'star1' END
            WHEN nature = 'camping' THEN CASE WHEN rank >= '3' THEN 'camping_3_5'
                                              ELSE 'camping_1_2' END
            ELSE (ARRAY['star1', 'star2', 'star3', 'star4', 'star5'])[rank::int]
       END,
       'bench'
FROM (
  -- An earlier decision: expired before the current one was taken (before today for the lapsed
  -- ones), or, for half of the others, still running when a new visit superseded it.
  SELECT id, seq, nature,
         CASE WHEN rank = 'palace' THEN rank ELSE (1 + pg_temp.pick(seq, 47, 5))::text END AS rank,
         decided_on - 1900 AS decided_on,
         decided_on + CASE WHEN in_force AND pg_temp.pick(seq, 49, 2) = 0 THEN 200 ELSE -75 END
           AS expires_on,
         0 AS ord
  FROM classified
  WHERE NOT in_force OR pg_temp.pick(seq, 46, 6) = 0
  UNION ALL
  SELECT id, seq, nature, rank, decided_on, (decided_on + interval '5 years')::date - 1, 1
  FROM classified
  WHERE in_force
) c
ORDER BY seq, ord;

COMMIT;

SELECT definition FROM saved_index \gexec

VACUUM (ANALYZE) collectivities, hosts, accommodations, classifications, accommodation_digit_tokens,
  classification_periods;

SELECT (SELECT count(*) FROM hosts) AS hosts,
       (SELECT count(*) FROM accommodations) AS accommodations,
       (SELECT count(DISTINCT accommodation_id) FROM classifications
         WHERE decided_on <= current_date AND expires_on >= current_date) AS classified_today,
       (SELECT count(*) FROM classifications) AS classification_rows;
