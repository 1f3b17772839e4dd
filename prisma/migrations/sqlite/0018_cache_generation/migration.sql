-- Nothing to do on SQLite: the response cache's generation there is `PRAGMA data_version`, which SQLite itself
-- changes on every commit of another connection. This migration exists so that both engines have the same migration
-- names, which copying a dataset between them requires (server/src/db/pg-copy.ts).
SELECT 1;
