-- CreateIndex
CREATE INDEX "targeting_rollup_version_id_program_code_recipient_region_c_idx" ON "targeting_rollup"("version_id", "program_code", "recipient", "region_code", "units");
