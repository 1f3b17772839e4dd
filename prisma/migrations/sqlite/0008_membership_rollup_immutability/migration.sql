-- The membership rollup of a published DTSEN version is immutable (hand-written, like 0004).

CREATE TRIGGER "membership_rollup_published_insert" BEFORE INSERT ON "membership_rollup"
WHEN EXISTS (SELECT 1 FROM "dtsen_version" WHERE "id" = NEW."version_id" AND "status" = 'PUBLISHED')
BEGIN SELECT RAISE(ABORT, 'rollups of a published DTSEN version are immutable'); END;

CREATE TRIGGER "membership_rollup_published_update" BEFORE UPDATE ON "membership_rollup"
WHEN EXISTS (SELECT 1 FROM "dtsen_version" WHERE "id" = OLD."version_id" AND "status" = 'PUBLISHED')
BEGIN SELECT RAISE(ABORT, 'rollups of a published DTSEN version are immutable'); END;

CREATE TRIGGER "membership_rollup_published_delete" BEFORE DELETE ON "membership_rollup"
WHEN EXISTS (SELECT 1 FROM "dtsen_version" WHERE "id" = OLD."version_id" AND "status" = 'PUBLISHED')
BEGIN SELECT RAISE(ABORT, 'rollups of a published DTSEN version are immutable'); END;
