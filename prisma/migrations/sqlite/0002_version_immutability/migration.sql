-- A published DTSEN version is immutable: what any reader sees for it can never change.
-- Hand-written (triggers are outside the Prisma datamodel). A row belongs to the published past when the first
-- version it is in force for is published; only closing an open row at a later DRAFT version is allowed.

CREATE TRIGGER "dtsen_version_published_update" BEFORE UPDATE ON "dtsen_version"
WHEN OLD."status" = 'PUBLISHED'
BEGIN SELECT RAISE(ABORT, 'DTSEN version is published and immutable'); END;

CREATE TRIGGER "dtsen_version_published_delete" BEFORE DELETE ON "dtsen_version"
WHEN OLD."status" = 'PUBLISHED'
BEGIN SELECT RAISE(ABORT, 'DTSEN version is published and immutable'); END;

CREATE TRIGGER "family_state_published_insert" BEFORE INSERT ON "family_state"
WHEN NEW."valid_from_version_id" <= (SELECT COALESCE(MAX("id"), 0) FROM "dtsen_version" WHERE "status" = 'PUBLISHED')
BEGIN SELECT RAISE(ABORT, 'family state of a published DTSEN version is immutable'); END;

CREATE TRIGGER "family_state_published_update" BEFORE UPDATE OF "id", "family_id", "valid_from_version_id", "village_code", "regency_code", "member_count", "income_monthly", "wall_type", "floor_type", "roof_type", "floor_area_m2", "electricity_va", "water_source", "sanitation", "cooking_fuel", "house_ownership", "land_m2", "motorcycles", "cars", "gold_grams", "savings_rp", "loans_rp", "pmt_score", "national_rank", "desil", "ground_check_status" ON "family_state"
WHEN OLD."valid_from_version_id" <= (SELECT COALESCE(MAX("id"), 0) FROM "dtsen_version" WHERE "status" = 'PUBLISHED')
BEGIN SELECT RAISE(ABORT, 'family state of a published DTSEN version is immutable'); END;

CREATE TRIGGER "family_state_published_close" BEFORE UPDATE OF "valid_to_version_id" ON "family_state"
WHEN OLD."valid_from_version_id" <= (SELECT COALESCE(MAX("id"), 0) FROM "dtsen_version" WHERE "status" = 'PUBLISHED')
 AND NOT (OLD."valid_to_version_id" IS NULL
          AND NEW."valid_to_version_id" > (SELECT COALESCE(MAX("id"), 0) FROM "dtsen_version" WHERE "status" = 'PUBLISHED'))
BEGIN SELECT RAISE(ABORT, 'family state of a published DTSEN version is immutable (only closing it at a draft version is allowed)'); END;

CREATE TRIGGER "family_state_published_delete" BEFORE DELETE ON "family_state"
WHEN OLD."valid_from_version_id" <= (SELECT COALESCE(MAX("id"), 0) FROM "dtsen_version" WHERE "status" = 'PUBLISHED')
BEGIN SELECT RAISE(ABORT, 'family state of a published DTSEN version is immutable'); END;

CREATE TRIGGER "desil_rollup_published_insert" BEFORE INSERT ON "desil_rollup"
WHEN EXISTS (SELECT 1 FROM "dtsen_version" WHERE "id" = NEW."version_id" AND "status" = 'PUBLISHED')
BEGIN SELECT RAISE(ABORT, 'rollups of a published DTSEN version are immutable'); END;

CREATE TRIGGER "desil_rollup_published_update" BEFORE UPDATE ON "desil_rollup"
WHEN EXISTS (SELECT 1 FROM "dtsen_version" WHERE "id" = OLD."version_id" AND "status" = 'PUBLISHED')
BEGIN SELECT RAISE(ABORT, 'rollups of a published DTSEN version are immutable'); END;

CREATE TRIGGER "desil_rollup_published_delete" BEFORE DELETE ON "desil_rollup"
WHEN EXISTS (SELECT 1 FROM "dtsen_version" WHERE "id" = OLD."version_id" AND "status" = 'PUBLISHED')
BEGIN SELECT RAISE(ABORT, 'rollups of a published DTSEN version are immutable'); END;
