-- No-op on PostgreSQL: the SQLite migration of the same name clusters the rollup tables on their primary key
-- (WITHOUT ROWID); PostgreSQL heap tables keep their primary-key index as they are.
SELECT 1;
