-- Hand-written guard: a populated database from before this migration holds NIK/KK in clear, which SQL cannot turn
-- into keyed hashes and sealed values; refuse with a readable message instead of a NOT NULL failure below.
CREATE TEMP TABLE "_atlas_0016_guard" ("populated" INTEGER NOT NULL);
CREATE TEMP TRIGGER "_atlas_0016_guard_check" BEFORE INSERT ON "_atlas_0016_guard" WHEN NEW."populated" = 1
BEGIN SELECT RAISE(ABORT, 'this database holds NIK and KK in clear from before migration 0016 (keyed identifiers), which SQL cannot hash or encrypt: regenerate the dataset (delete the database file and run npm start again, or pnpm dtsen generate)'); END;
INSERT INTO "_atlas_0016_guard" SELECT EXISTS (SELECT 1 FROM "family") OR EXISTS (SELECT 1 FROM "individual");
DROP TABLE "_atlas_0016_guard";

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_family" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "kk_hash" TEXT NOT NULL,
    "kk_masked" TEXT NOT NULL,
    "kk_sealed" TEXT NOT NULL,
    "village_code" TEXT NOT NULL,
    "regency_code" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "first_version_id" INTEGER NOT NULL
);
INSERT INTO "new_family" ("first_version_id", "id", "regency_code", "source", "village_code") SELECT "first_version_id", "id", "regency_code", "source", "village_code" FROM "family";
DROP TABLE "family";
ALTER TABLE "new_family" RENAME TO "family";
CREATE UNIQUE INDEX "family_kk_hash_key" ON "family"("kk_hash");
CREATE INDEX "family_village_code_idx" ON "family"("village_code");
CREATE INDEX "family_regency_code_idx" ON "family"("regency_code");
CREATE TABLE "new_individual" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "nik_hash" TEXT NOT NULL,
    "nik_masked" TEXT NOT NULL,
    "nik_sealed" TEXT NOT NULL,
    "family_id" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "relationship" TEXT NOT NULL,
    "sex" TEXT NOT NULL,
    "birth_date" DATETIME NOT NULL,
    "education" TEXT NOT NULL,
    "work_status" TEXT NOT NULL,
    "work_sector" TEXT NOT NULL,
    "disability" BOOLEAN NOT NULL,
    "chronic_illness" BOOLEAN NOT NULL,
    "deceased" BOOLEAN NOT NULL DEFAULT false,
    "from_version_id" INTEGER NOT NULL,
    "to_version_id" INTEGER,
    CONSTRAINT "individual_family_id_fkey" FOREIGN KEY ("family_id") REFERENCES "family" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_individual" ("birth_date", "chronic_illness", "deceased", "disability", "education", "family_id", "from_version_id", "id", "name", "relationship", "sex", "to_version_id", "work_sector", "work_status") SELECT "birth_date", "chronic_illness", "deceased", "disability", "education", "family_id", "from_version_id", "id", "name", "relationship", "sex", "to_version_id", "work_sector", "work_status" FROM "individual";
DROP TABLE "individual";
ALTER TABLE "new_individual" RENAME TO "individual";
CREATE UNIQUE INDEX "individual_nik_hash_key" ON "individual"("nik_hash");
CREATE INDEX "individual_family_id_from_version_id_to_version_id_birth_date_disability_idx" ON "individual"("family_id", "from_version_id", "to_version_id", "birth_date", "disability");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
