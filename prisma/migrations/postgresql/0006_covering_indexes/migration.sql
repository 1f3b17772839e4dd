-- DropIndex
DROP INDEX "enrollment_family_id_idx";

-- DropIndex
DROP INDEX "family_state_family_id_valid_from_version_id_idx";

-- DropIndex
DROP INDEX "individual_family_id_idx";

-- CreateIndex
CREATE INDEX "enrollment_family_id_start_version_id_end_version_id_progra_idx" ON "enrollment"("family_id", "start_version_id", "end_version_id", "program_code", "individual_id");

-- CreateIndex
CREATE INDEX "family_state_family_id_valid_from_version_id_valid_to_versi_idx" ON "family_state"("family_id", "valid_from_version_id", "valid_to_version_id");

-- CreateIndex
CREATE INDEX "individual_family_id_from_version_id_to_version_id_birth_da_idx" ON "individual"("family_id", "from_version_id", "to_version_id", "birth_date", "disability");
