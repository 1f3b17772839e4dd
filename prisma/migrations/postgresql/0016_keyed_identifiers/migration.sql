-- Hand-written guard: a populated database from before this migration holds NIK/KK in clear, which SQL cannot turn
-- into keyed hashes and sealed values; refuse with a readable message instead of a NOT NULL failure below.
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM "family") OR EXISTS (SELECT 1 FROM "individual") THEN
    RAISE EXCEPTION 'this database holds NIK and KK in clear from before migration 0016 (keyed identifiers), which SQL cannot hash or encrypt: regenerate the dataset (delete the database file and run npm start again, or pnpm dtsen generate)';
  END IF;
END $$;

-- DropIndex
DROP INDEX "family_kk_key";

-- DropIndex
DROP INDEX "individual_nik_key";

-- AlterTable
ALTER TABLE "family" DROP COLUMN "kk",
ADD COLUMN     "kk_hash" TEXT NOT NULL,
ADD COLUMN     "kk_masked" TEXT NOT NULL,
ADD COLUMN     "kk_sealed" TEXT NOT NULL;

-- AlterTable
ALTER TABLE "individual" DROP COLUMN "nik",
ADD COLUMN     "nik_hash" TEXT NOT NULL,
ADD COLUMN     "nik_masked" TEXT NOT NULL,
ADD COLUMN     "nik_sealed" TEXT NOT NULL;

-- CreateIndex
CREATE UNIQUE INDEX "family_kk_hash_key" ON "family"("kk_hash");

-- CreateIndex
CREATE UNIQUE INDEX "individual_nik_hash_key" ON "individual"("nik_hash");
