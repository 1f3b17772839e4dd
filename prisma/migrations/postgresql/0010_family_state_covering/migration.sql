-- DropIndex
DROP INDEX "family_state_family_id_valid_from_version_id_valid_to_versi_idx";

-- CreateIndex
CREATE INDEX "family_state_family_id_valid_from_version_id_valid_to_versi_idx" ON "family_state"("family_id", "valid_from_version_id", "valid_to_version_id", "village_code", "desil", "member_count", "ground_check_status");
