-- Why: free-text search (`search_text LIKE '%term%' ORDER BY seq LIMIT n`) has two plans, walking
-- the register in order or reading the trigram index, and the default statistics misjudged how
-- often a term occurs by 10x to 300x, picking the walk for frequent terms (150 ms on 500,000
-- accommodations). A larger sample cut the worst terms to 4 ms for ~0.5 ms more planning
-- (BENCHMARKS.md). 10,000 made planning itself cost 30 ms.
ALTER TABLE accommodations ALTER COLUMN search_text SET STATISTICS 1000;
ALTER TABLE hosts ALTER COLUMN search_text SET STATISTICS 1000;
