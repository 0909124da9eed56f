-- Why: the register's list filtered by a category that only a classification gives (palace,
-- five_stars ... two_stars) walked the whole register, one correlated sub-query per row: 0.4 s for
-- "palace", 2.8 s when nothing matches (EXPLAIN ANALYZE on 500,000 accommodations, BENCHMARKS.md).
-- Driven from the classifications instead (AccommodationRepository::List, the kClassifiedAs filter
-- in BENCHMARKS.md), the query reads the candidates through this index: 519 index entries for
-- "palace" in 1.2 ms instead of a 25 ms scan of the table. Index only; no data changes.
CREATE INDEX classifications_by_category
  ON classifications (collectivity_id, category, decided_on) INCLUDE (expires_on, accommodation_id);
