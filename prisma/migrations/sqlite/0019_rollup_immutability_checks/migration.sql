-- An update may not move rollup rows into a published DTSEN version either (hand-written, like 0002): the update
-- triggers checked only the row's old version. Same check as PostgreSQL's migration of the same name, which also moved its checks from
-- every row to every statement (SQLite has only row triggers).

DROP TRIGGER "desil_rollup_published_update";
CREATE TRIGGER "desil_rollup_published_update" BEFORE UPDATE ON "desil_rollup"
WHEN EXISTS (SELECT 1 FROM "dtsen_version" WHERE "id" IN (OLD."version_id", NEW."version_id") AND "status" = 'PUBLISHED')
BEGIN SELECT RAISE(ABORT, 'rollups of a published DTSEN version are immutable'); END;

DROP TRIGGER "targeting_rollup_published_update";
CREATE TRIGGER "targeting_rollup_published_update" BEFORE UPDATE ON "targeting_rollup"
WHEN EXISTS (SELECT 1 FROM "dtsen_version" WHERE "id" IN (OLD."version_id", NEW."version_id") AND "status" = 'PUBLISHED')
BEGIN SELECT RAISE(ABORT, 'rollups of a published DTSEN version are immutable'); END;

DROP TRIGGER "targeting_class_rollup_published_update";
CREATE TRIGGER "targeting_class_rollup_published_update" BEFORE UPDATE ON "targeting_class_rollup"
WHEN EXISTS (SELECT 1 FROM "dtsen_version" WHERE "id" IN (OLD."version_id", NEW."version_id") AND "status" = 'PUBLISHED')
BEGIN SELECT RAISE(ABORT, 'rollups of a published DTSEN version are immutable'); END;

DROP TRIGGER "churn_rollup_published_update";
CREATE TRIGGER "churn_rollup_published_update" BEFORE UPDATE ON "churn_rollup"
WHEN EXISTS (SELECT 1 FROM "dtsen_version" WHERE "id" IN (OLD."version_id", NEW."version_id") AND "status" = 'PUBLISHED')
BEGIN SELECT RAISE(ABORT, 'rollups of a published DTSEN version are immutable'); END;

DROP TRIGGER "overlap_rollup_published_update";
CREATE TRIGGER "overlap_rollup_published_update" BEFORE UPDATE ON "overlap_rollup"
WHEN EXISTS (SELECT 1 FROM "dtsen_version" WHERE "id" IN (OLD."version_id", NEW."version_id") AND "status" = 'PUBLISHED')
BEGIN SELECT RAISE(ABORT, 'rollups of a published DTSEN version are immutable'); END;

DROP TRIGGER "proposal_rollup_published_update";
CREATE TRIGGER "proposal_rollup_published_update" BEFORE UPDATE ON "proposal_rollup"
WHEN EXISTS (SELECT 1 FROM "dtsen_version" WHERE "id" IN (OLD."version_id", NEW."version_id") AND "status" = 'PUBLISHED')
BEGIN SELECT RAISE(ABORT, 'rollups of a published DTSEN version are immutable'); END;

DROP TRIGGER "membership_rollup_published_update";
CREATE TRIGGER "membership_rollup_published_update" BEFORE UPDATE ON "membership_rollup"
WHEN EXISTS (SELECT 1 FROM "dtsen_version" WHERE "id" IN (OLD."version_id", NEW."version_id") AND "status" = 'PUBLISHED')
BEGIN SELECT RAISE(ABORT, 'rollups of a published DTSEN version are immutable'); END;

DROP TRIGGER "transition_rollup_published_update";
CREATE TRIGGER "transition_rollup_published_update" BEFORE UPDATE ON "transition_rollup"
WHEN EXISTS (SELECT 1 FROM "dtsen_version" WHERE "id" IN (OLD."version_id", NEW."version_id") AND "status" = 'PUBLISHED')
BEGIN SELECT RAISE(ABORT, 'rollups of a published DTSEN version are immutable'); END;

DROP TRIGGER "quota_recipient_rollup_published_update";
CREATE TRIGGER "quota_recipient_rollup_published_update" BEFORE UPDATE ON "quota_recipient_rollup"
WHEN EXISTS (SELECT 1 FROM "dtsen_version" WHERE "id" IN (OLD."version_id", NEW."version_id") AND "status" = 'PUBLISHED')
BEGIN SELECT RAISE(ABORT, 'rollups of a published DTSEN version are immutable'); END;
