-- Rollups of a published DTSEN version are immutable (hand-written, like 0002).

CREATE TRIGGER "targeting_rollup_published_insert" BEFORE INSERT ON "targeting_rollup"
WHEN EXISTS (SELECT 1 FROM "dtsen_version" WHERE "id" = NEW."version_id" AND "status" = 'PUBLISHED')
BEGIN SELECT RAISE(ABORT, 'rollups of a published DTSEN version are immutable'); END;

CREATE TRIGGER "targeting_rollup_published_update" BEFORE UPDATE ON "targeting_rollup"
WHEN EXISTS (SELECT 1 FROM "dtsen_version" WHERE "id" = OLD."version_id" AND "status" = 'PUBLISHED')
BEGIN SELECT RAISE(ABORT, 'rollups of a published DTSEN version are immutable'); END;

CREATE TRIGGER "targeting_rollup_published_delete" BEFORE DELETE ON "targeting_rollup"
WHEN EXISTS (SELECT 1 FROM "dtsen_version" WHERE "id" = OLD."version_id" AND "status" = 'PUBLISHED')
BEGIN SELECT RAISE(ABORT, 'rollups of a published DTSEN version are immutable'); END;

CREATE TRIGGER "targeting_class_rollup_published_insert" BEFORE INSERT ON "targeting_class_rollup"
WHEN EXISTS (SELECT 1 FROM "dtsen_version" WHERE "id" = NEW."version_id" AND "status" = 'PUBLISHED')
BEGIN SELECT RAISE(ABORT, 'rollups of a published DTSEN version are immutable'); END;

CREATE TRIGGER "targeting_class_rollup_published_update" BEFORE UPDATE ON "targeting_class_rollup"
WHEN EXISTS (SELECT 1 FROM "dtsen_version" WHERE "id" = OLD."version_id" AND "status" = 'PUBLISHED')
BEGIN SELECT RAISE(ABORT, 'rollups of a published DTSEN version are immutable'); END;

CREATE TRIGGER "targeting_class_rollup_published_delete" BEFORE DELETE ON "targeting_class_rollup"
WHEN EXISTS (SELECT 1 FROM "dtsen_version" WHERE "id" = OLD."version_id" AND "status" = 'PUBLISHED')
BEGIN SELECT RAISE(ABORT, 'rollups of a published DTSEN version are immutable'); END;

CREATE TRIGGER "churn_rollup_published_insert" BEFORE INSERT ON "churn_rollup"
WHEN EXISTS (SELECT 1 FROM "dtsen_version" WHERE "id" = NEW."version_id" AND "status" = 'PUBLISHED')
BEGIN SELECT RAISE(ABORT, 'rollups of a published DTSEN version are immutable'); END;

CREATE TRIGGER "churn_rollup_published_update" BEFORE UPDATE ON "churn_rollup"
WHEN EXISTS (SELECT 1 FROM "dtsen_version" WHERE "id" = OLD."version_id" AND "status" = 'PUBLISHED')
BEGIN SELECT RAISE(ABORT, 'rollups of a published DTSEN version are immutable'); END;

CREATE TRIGGER "churn_rollup_published_delete" BEFORE DELETE ON "churn_rollup"
WHEN EXISTS (SELECT 1 FROM "dtsen_version" WHERE "id" = OLD."version_id" AND "status" = 'PUBLISHED')
BEGIN SELECT RAISE(ABORT, 'rollups of a published DTSEN version are immutable'); END;

CREATE TRIGGER "overlap_rollup_published_insert" BEFORE INSERT ON "overlap_rollup"
WHEN EXISTS (SELECT 1 FROM "dtsen_version" WHERE "id" = NEW."version_id" AND "status" = 'PUBLISHED')
BEGIN SELECT RAISE(ABORT, 'rollups of a published DTSEN version are immutable'); END;

CREATE TRIGGER "overlap_rollup_published_update" BEFORE UPDATE ON "overlap_rollup"
WHEN EXISTS (SELECT 1 FROM "dtsen_version" WHERE "id" = OLD."version_id" AND "status" = 'PUBLISHED')
BEGIN SELECT RAISE(ABORT, 'rollups of a published DTSEN version are immutable'); END;

CREATE TRIGGER "overlap_rollup_published_delete" BEFORE DELETE ON "overlap_rollup"
WHEN EXISTS (SELECT 1 FROM "dtsen_version" WHERE "id" = OLD."version_id" AND "status" = 'PUBLISHED')
BEGIN SELECT RAISE(ABORT, 'rollups of a published DTSEN version are immutable'); END;

CREATE TRIGGER "proposal_rollup_published_insert" BEFORE INSERT ON "proposal_rollup"
WHEN EXISTS (SELECT 1 FROM "dtsen_version" WHERE "id" = NEW."version_id" AND "status" = 'PUBLISHED')
BEGIN SELECT RAISE(ABORT, 'rollups of a published DTSEN version are immutable'); END;

CREATE TRIGGER "proposal_rollup_published_update" BEFORE UPDATE ON "proposal_rollup"
WHEN EXISTS (SELECT 1 FROM "dtsen_version" WHERE "id" = OLD."version_id" AND "status" = 'PUBLISHED')
BEGIN SELECT RAISE(ABORT, 'rollups of a published DTSEN version are immutable'); END;

CREATE TRIGGER "proposal_rollup_published_delete" BEFORE DELETE ON "proposal_rollup"
WHEN EXISTS (SELECT 1 FROM "dtsen_version" WHERE "id" = OLD."version_id" AND "status" = 'PUBLISHED')
BEGIN SELECT RAISE(ABORT, 'rollups of a published DTSEN version are immutable'); END;
