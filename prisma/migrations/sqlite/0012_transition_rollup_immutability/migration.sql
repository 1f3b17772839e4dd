-- The transition rollup of a published DTSEN version is immutable (hand-written, like 0004).

CREATE TRIGGER "transition_rollup_published_insert" BEFORE INSERT ON "transition_rollup"
WHEN EXISTS (SELECT 1 FROM "dtsen_version" WHERE "id" = NEW."version_id" AND "status" = 'PUBLISHED')
BEGIN SELECT RAISE(ABORT, 'rollups of a published DTSEN version are immutable'); END;

CREATE TRIGGER "transition_rollup_published_update" BEFORE UPDATE ON "transition_rollup"
WHEN EXISTS (SELECT 1 FROM "dtsen_version" WHERE "id" = OLD."version_id" AND "status" = 'PUBLISHED')
BEGIN SELECT RAISE(ABORT, 'rollups of a published DTSEN version are immutable'); END;

CREATE TRIGGER "transition_rollup_published_delete" BEFORE DELETE ON "transition_rollup"
WHEN EXISTS (SELECT 1 FROM "dtsen_version" WHERE "id" = OLD."version_id" AND "status" = 'PUBLISHED')
BEGIN SELECT RAISE(ABORT, 'rollups of a published DTSEN version are immutable'); END;
