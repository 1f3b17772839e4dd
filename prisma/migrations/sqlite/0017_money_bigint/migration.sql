-- Savings and loans (rupiah) exceed 32 bits (a family's savings can pass Rp 2.1 billion): BIGINT on both engines.
-- SQLite stores any INTEGER in 64 bits already, but Prisma reads the declared type; the table is rebuilt as
-- Prisma generated it (hand-edited below: the rebuild drops the immutability triggers of migration 0002, which
-- are created again verbatim, and the planner statistics of the table are recomputed).

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_family_state" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "family_id" INTEGER NOT NULL,
    "valid_from_version_id" INTEGER NOT NULL,
    "valid_to_version_id" INTEGER,
    "village_code" TEXT NOT NULL,
    "regency_code" TEXT NOT NULL,
    "member_count" INTEGER NOT NULL,
    "income_monthly" INTEGER NOT NULL,
    "wall_type" TEXT NOT NULL,
    "floor_type" TEXT NOT NULL,
    "roof_type" TEXT NOT NULL,
    "floor_area_m2" INTEGER NOT NULL,
    "electricity_va" INTEGER NOT NULL,
    "water_source" TEXT NOT NULL,
    "sanitation" TEXT NOT NULL,
    "cooking_fuel" TEXT NOT NULL,
    "house_ownership" TEXT NOT NULL,
    "land_m2" INTEGER NOT NULL,
    "motorcycles" INTEGER NOT NULL,
    "cars" INTEGER NOT NULL,
    "gold_grams" INTEGER NOT NULL,
    "savings_rp" BIGINT NOT NULL,
    "loans_rp" BIGINT NOT NULL,
    "pmt_score" REAL NOT NULL,
    "national_rank" INTEGER NOT NULL,
    "desil" INTEGER NOT NULL,
    "ground_check_status" TEXT NOT NULL DEFAULT 'NOT_CHECKED',
    CONSTRAINT "family_state_family_id_fkey" FOREIGN KEY ("family_id") REFERENCES "family" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_family_state" ("cars", "cooking_fuel", "desil", "electricity_va", "family_id", "floor_area_m2", "floor_type", "gold_grams", "ground_check_status", "house_ownership", "id", "income_monthly", "land_m2", "loans_rp", "member_count", "motorcycles", "national_rank", "pmt_score", "regency_code", "roof_type", "sanitation", "savings_rp", "valid_from_version_id", "valid_to_version_id", "village_code", "wall_type", "water_source") SELECT "cars", "cooking_fuel", "desil", "electricity_va", "family_id", "floor_area_m2", "floor_type", "gold_grams", "ground_check_status", "house_ownership", "id", "income_monthly", "land_m2", "loans_rp", "member_count", "motorcycles", "national_rank", "pmt_score", "regency_code", "roof_type", "sanitation", "savings_rp", "valid_from_version_id", "valid_to_version_id", "village_code", "wall_type", "water_source" FROM "family_state";
DROP TABLE "family_state";
ALTER TABLE "new_family_state" RENAME TO "family_state";
CREATE INDEX "family_state_family_id_valid_from_version_id_valid_to_version_id_village_code_desil_member_count_ground_check_status_idx" ON "family_state"("family_id", "valid_from_version_id", "valid_to_version_id", "village_code", "desil", "member_count", "ground_check_status");
CREATE INDEX "family_state_valid_from_version_id_idx" ON "family_state"("valid_from_version_id");
CREATE INDEX "family_state_village_code_idx" ON "family_state"("village_code");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- Hand-written: the triggers of 0002 on family_state, dropped with the old table.
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

ANALYZE "family_state";
