-- SQLite only (hand-written): the rollup tables become WITHOUT ROWID tables clustered on their primary key, so a
-- region's rows are contiguous for readers and publishing copies and upserts one B-tree instead of a table plus its
-- key index. Columns, keys, indexes and immutability triggers are unchanged (PostgreSQL has no equivalent; see its
-- no-op migration of the same name).

CREATE TABLE "desil_rollup__new" (
    "version_id" INTEGER NOT NULL,
    "region_code" TEXT NOT NULL,
    "desil" INTEGER NOT NULL,
    "families" INTEGER NOT NULL,
    "individuals" INTEGER NOT NULL,

    PRIMARY KEY ("version_id", "region_code", "desil")
) WITHOUT ROWID;
INSERT INTO "desil_rollup__new" SELECT * FROM "desil_rollup";
DROP TABLE "desil_rollup";
ALTER TABLE "desil_rollup__new" RENAME TO "desil_rollup";
CREATE TRIGGER "desil_rollup_published_insert" BEFORE INSERT ON "desil_rollup"
WHEN EXISTS (SELECT 1 FROM "dtsen_version" WHERE "id" = NEW."version_id" AND "status" = 'PUBLISHED')
BEGIN SELECT RAISE(ABORT, 'rollups of a published DTSEN version are immutable'); END;
CREATE TRIGGER "desil_rollup_published_update" BEFORE UPDATE ON "desil_rollup"
WHEN EXISTS (SELECT 1 FROM "dtsen_version" WHERE "id" = OLD."version_id" AND "status" = 'PUBLISHED')
BEGIN SELECT RAISE(ABORT, 'rollups of a published DTSEN version are immutable'); END;
CREATE TRIGGER "desil_rollup_published_delete" BEFORE DELETE ON "desil_rollup"
WHEN EXISTS (SELECT 1 FROM "dtsen_version" WHERE "id" = OLD."version_id" AND "status" = 'PUBLISHED')
BEGIN SELECT RAISE(ABORT, 'rollups of a published DTSEN version are immutable'); END;

CREATE TABLE "targeting_rollup__new" (
    "version_id" INTEGER NOT NULL,
    "region_code" TEXT NOT NULL,
    "program_code" TEXT NOT NULL,
    "desil" INTEGER NOT NULL,
    "recipient" BOOLEAN NOT NULL,
    "criterion_code" TEXT NOT NULL,
    "ground_checked" BOOLEAN NOT NULL,
    "in_target_group" BOOLEAN NOT NULL,
    "units" INTEGER NOT NULL,

    PRIMARY KEY ("version_id", "region_code", "program_code", "desil", "recipient", "criterion_code", "ground_checked", "in_target_group")
) WITHOUT ROWID;
INSERT INTO "targeting_rollup__new" SELECT * FROM "targeting_rollup";
DROP TABLE "targeting_rollup";
ALTER TABLE "targeting_rollup__new" RENAME TO "targeting_rollup";
CREATE TRIGGER "targeting_rollup_published_insert" BEFORE INSERT ON "targeting_rollup"
WHEN EXISTS (SELECT 1 FROM "dtsen_version" WHERE "id" = NEW."version_id" AND "status" = 'PUBLISHED')
BEGIN SELECT RAISE(ABORT, 'rollups of a published DTSEN version are immutable'); END;
CREATE TRIGGER "targeting_rollup_published_update" BEFORE UPDATE ON "targeting_rollup"
WHEN EXISTS (SELECT 1 FROM "dtsen_version" WHERE "id" = OLD."version_id" AND "status" = 'PUBLISHED')
BEGIN SELECT RAISE(ABORT, 'rollups of a published DTSEN version are immutable'); END;
CREATE TRIGGER "targeting_rollup_published_delete" BEFORE DELETE ON "targeting_rollup"
WHEN EXISTS (SELECT 1 FROM "dtsen_version" WHERE "id" = OLD."version_id" AND "status" = 'PUBLISHED')
BEGIN SELECT RAISE(ABORT, 'rollups of a published DTSEN version are immutable'); END;
CREATE INDEX "targeting_rollup_version_id_program_code_recipient_region_code_units_idx" ON "targeting_rollup"("version_id", "program_code", "recipient", "region_code", "units");

CREATE TABLE "targeting_class_rollup__new" (
    "version_id" INTEGER NOT NULL,
    "region_code" TEXT NOT NULL,
    "program_code" TEXT NOT NULL,
    "class" TEXT NOT NULL,
    "cause" TEXT NOT NULL,
    "units" INTEGER NOT NULL,

    PRIMARY KEY ("version_id", "region_code", "program_code", "class", "cause")
) WITHOUT ROWID;
INSERT INTO "targeting_class_rollup__new" SELECT * FROM "targeting_class_rollup";
DROP TABLE "targeting_class_rollup";
ALTER TABLE "targeting_class_rollup__new" RENAME TO "targeting_class_rollup";
CREATE TRIGGER "targeting_class_rollup_published_insert" BEFORE INSERT ON "targeting_class_rollup"
WHEN EXISTS (SELECT 1 FROM "dtsen_version" WHERE "id" = NEW."version_id" AND "status" = 'PUBLISHED')
BEGIN SELECT RAISE(ABORT, 'rollups of a published DTSEN version are immutable'); END;
CREATE TRIGGER "targeting_class_rollup_published_update" BEFORE UPDATE ON "targeting_class_rollup"
WHEN EXISTS (SELECT 1 FROM "dtsen_version" WHERE "id" = OLD."version_id" AND "status" = 'PUBLISHED')
BEGIN SELECT RAISE(ABORT, 'rollups of a published DTSEN version are immutable'); END;
CREATE TRIGGER "targeting_class_rollup_published_delete" BEFORE DELETE ON "targeting_class_rollup"
WHEN EXISTS (SELECT 1 FROM "dtsen_version" WHERE "id" = OLD."version_id" AND "status" = 'PUBLISHED')
BEGIN SELECT RAISE(ABORT, 'rollups of a published DTSEN version are immutable'); END;

CREATE TABLE "churn_rollup__new" (
    "version_id" INTEGER NOT NULL,
    "region_code" TEXT NOT NULL,
    "program_code" TEXT NOT NULL,
    "direction" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "units" INTEGER NOT NULL,

    PRIMARY KEY ("version_id", "region_code", "program_code", "direction", "reason")
) WITHOUT ROWID;
INSERT INTO "churn_rollup__new" SELECT * FROM "churn_rollup";
DROP TABLE "churn_rollup";
ALTER TABLE "churn_rollup__new" RENAME TO "churn_rollup";
CREATE TRIGGER "churn_rollup_published_insert" BEFORE INSERT ON "churn_rollup"
WHEN EXISTS (SELECT 1 FROM "dtsen_version" WHERE "id" = NEW."version_id" AND "status" = 'PUBLISHED')
BEGIN SELECT RAISE(ABORT, 'rollups of a published DTSEN version are immutable'); END;
CREATE TRIGGER "churn_rollup_published_update" BEFORE UPDATE ON "churn_rollup"
WHEN EXISTS (SELECT 1 FROM "dtsen_version" WHERE "id" = OLD."version_id" AND "status" = 'PUBLISHED')
BEGIN SELECT RAISE(ABORT, 'rollups of a published DTSEN version are immutable'); END;
CREATE TRIGGER "churn_rollup_published_delete" BEFORE DELETE ON "churn_rollup"
WHEN EXISTS (SELECT 1 FROM "dtsen_version" WHERE "id" = OLD."version_id" AND "status" = 'PUBLISHED')
BEGIN SELECT RAISE(ABORT, 'rollups of a published DTSEN version are immutable'); END;

CREATE TABLE "overlap_rollup__new" (
    "version_id" INTEGER NOT NULL,
    "region_code" TEXT NOT NULL,
    "desil" INTEGER NOT NULL,
    "program_mask" INTEGER NOT NULL,
    "families" INTEGER NOT NULL,

    PRIMARY KEY ("version_id", "region_code", "desil", "program_mask")
) WITHOUT ROWID;
INSERT INTO "overlap_rollup__new" SELECT * FROM "overlap_rollup";
DROP TABLE "overlap_rollup";
ALTER TABLE "overlap_rollup__new" RENAME TO "overlap_rollup";
CREATE TRIGGER "overlap_rollup_published_insert" BEFORE INSERT ON "overlap_rollup"
WHEN EXISTS (SELECT 1 FROM "dtsen_version" WHERE "id" = NEW."version_id" AND "status" = 'PUBLISHED')
BEGIN SELECT RAISE(ABORT, 'rollups of a published DTSEN version are immutable'); END;
CREATE TRIGGER "overlap_rollup_published_update" BEFORE UPDATE ON "overlap_rollup"
WHEN EXISTS (SELECT 1 FROM "dtsen_version" WHERE "id" = OLD."version_id" AND "status" = 'PUBLISHED')
BEGIN SELECT RAISE(ABORT, 'rollups of a published DTSEN version are immutable'); END;
CREATE TRIGGER "overlap_rollup_published_delete" BEFORE DELETE ON "overlap_rollup"
WHEN EXISTS (SELECT 1 FROM "dtsen_version" WHERE "id" = OLD."version_id" AND "status" = 'PUBLISHED')
BEGIN SELECT RAISE(ABORT, 'rollups of a published DTSEN version are immutable'); END;

CREATE TABLE "proposal_rollup__new" (
    "version_id" INTEGER NOT NULL,
    "region_code" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "path" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "proposals" INTEGER NOT NULL,
    "median_days_to_decision" REAL,

    PRIMARY KEY ("version_id", "region_code", "kind", "path", "status")
) WITHOUT ROWID;
INSERT INTO "proposal_rollup__new" SELECT * FROM "proposal_rollup";
DROP TABLE "proposal_rollup";
ALTER TABLE "proposal_rollup__new" RENAME TO "proposal_rollup";
CREATE TRIGGER "proposal_rollup_published_insert" BEFORE INSERT ON "proposal_rollup"
WHEN EXISTS (SELECT 1 FROM "dtsen_version" WHERE "id" = NEW."version_id" AND "status" = 'PUBLISHED')
BEGIN SELECT RAISE(ABORT, 'rollups of a published DTSEN version are immutable'); END;
CREATE TRIGGER "proposal_rollup_published_update" BEFORE UPDATE ON "proposal_rollup"
WHEN EXISTS (SELECT 1 FROM "dtsen_version" WHERE "id" = OLD."version_id" AND "status" = 'PUBLISHED')
BEGIN SELECT RAISE(ABORT, 'rollups of a published DTSEN version are immutable'); END;
CREATE TRIGGER "proposal_rollup_published_delete" BEFORE DELETE ON "proposal_rollup"
WHEN EXISTS (SELECT 1 FROM "dtsen_version" WHERE "id" = OLD."version_id" AND "status" = 'PUBLISHED')
BEGIN SELECT RAISE(ABORT, 'rollups of a published DTSEN version are immutable'); END;

CREATE TABLE "membership_rollup__new" (
    "version_id" INTEGER NOT NULL,
    "region_code" TEXT NOT NULL,
    "program_code" TEXT NOT NULL,
    "member_since_year" INTEGER NOT NULL,
    "units" INTEGER NOT NULL,

    PRIMARY KEY ("version_id", "region_code", "program_code", "member_since_year")
) WITHOUT ROWID;
INSERT INTO "membership_rollup__new" SELECT * FROM "membership_rollup";
DROP TABLE "membership_rollup";
ALTER TABLE "membership_rollup__new" RENAME TO "membership_rollup";
CREATE TRIGGER "membership_rollup_published_insert" BEFORE INSERT ON "membership_rollup"
WHEN EXISTS (SELECT 1 FROM "dtsen_version" WHERE "id" = NEW."version_id" AND "status" = 'PUBLISHED')
BEGIN SELECT RAISE(ABORT, 'rollups of a published DTSEN version are immutable'); END;
CREATE TRIGGER "membership_rollup_published_update" BEFORE UPDATE ON "membership_rollup"
WHEN EXISTS (SELECT 1 FROM "dtsen_version" WHERE "id" = OLD."version_id" AND "status" = 'PUBLISHED')
BEGIN SELECT RAISE(ABORT, 'rollups of a published DTSEN version are immutable'); END;
CREATE TRIGGER "membership_rollup_published_delete" BEFORE DELETE ON "membership_rollup"
WHEN EXISTS (SELECT 1 FROM "dtsen_version" WHERE "id" = OLD."version_id" AND "status" = 'PUBLISHED')
BEGIN SELECT RAISE(ABORT, 'rollups of a published DTSEN version are immutable'); END;
