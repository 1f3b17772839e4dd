-- CreateTable
CREATE TABLE "quota_recipient_rollup" (
    "version_id" INTEGER NOT NULL,
    "program_code" TEXT NOT NULL,
    "regency_code" TEXT NOT NULL,
    "units" INTEGER NOT NULL,

    PRIMARY KEY ("version_id", "program_code", "regency_code")
);

-- The quota recipients of a published DTSEN version are immutable (hand-written, like 0004 and 0012).

CREATE TRIGGER "quota_recipient_rollup_published_insert" BEFORE INSERT ON "quota_recipient_rollup"
WHEN EXISTS (SELECT 1 FROM "dtsen_version" WHERE "id" = NEW."version_id" AND "status" = 'PUBLISHED')
BEGIN SELECT RAISE(ABORT, 'rollups of a published DTSEN version are immutable'); END;

CREATE TRIGGER "quota_recipient_rollup_published_update" BEFORE UPDATE ON "quota_recipient_rollup"
WHEN EXISTS (SELECT 1 FROM "dtsen_version" WHERE "id" = OLD."version_id" AND "status" = 'PUBLISHED')
BEGIN SELECT RAISE(ABORT, 'rollups of a published DTSEN version are immutable'); END;

CREATE TRIGGER "quota_recipient_rollup_published_delete" BEFORE DELETE ON "quota_recipient_rollup"
WHEN EXISTS (SELECT 1 FROM "dtsen_version" WHERE "id" = OLD."version_id" AND "status" = 'PUBLISHED')
BEGIN SELECT RAISE(ABORT, 'rollups of a published DTSEN version are immutable'); END;
