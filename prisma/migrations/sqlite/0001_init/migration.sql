-- CreateTable
CREATE TABLE "region" (
    "code" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "level" TEXT NOT NULL,
    "parent_code" TEXT,
    "province_code" TEXT,
    "regency_code" TEXT,
    CONSTRAINT "region_parent_code_fkey" FOREIGN KEY ("parent_code") REFERENCES "region" ("code") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "dtsen_version" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "label" TEXT NOT NULL,
    "published_at" DATETIME,
    "status" TEXT NOT NULL DEFAULT 'DRAFT',
    "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "family" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "kk" TEXT NOT NULL,
    "village_code" TEXT NOT NULL,
    "regency_code" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "first_version_id" INTEGER NOT NULL
);

-- CreateTable
CREATE TABLE "family_state" (
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
    "savings_rp" INTEGER NOT NULL,
    "loans_rp" INTEGER NOT NULL,
    "pmt_score" REAL NOT NULL,
    "national_rank" INTEGER NOT NULL,
    "desil" INTEGER NOT NULL,
    "ground_check_status" TEXT NOT NULL DEFAULT 'NOT_CHECKED',
    CONSTRAINT "family_state_family_id_fkey" FOREIGN KEY ("family_id") REFERENCES "family" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "individual" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "nik" TEXT NOT NULL,
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

-- CreateTable
CREATE TABLE "exclusion_criterion" (
    "code" TEXT NOT NULL PRIMARY KEY,
    "name_id" TEXT NOT NULL,
    "name_en" TEXT NOT NULL,
    "excludes_family" BOOLEAN NOT NULL,
    "detected_by" TEXT NOT NULL,
    "sort_order" INTEGER NOT NULL
);

-- CreateTable
CREATE TABLE "exclusion_flag" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "individual_id" INTEGER NOT NULL,
    "criterion_code" TEXT NOT NULL,
    "observed_version_id" INTEGER NOT NULL,
    "cleared_version_id" INTEGER,
    CONSTRAINT "exclusion_flag_individual_id_fkey" FOREIGN KEY ("individual_id") REFERENCES "individual" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "exclusion_flag_criterion_code_fkey" FOREIGN KEY ("criterion_code") REFERENCES "exclusion_criterion" ("code") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "program" (
    "code" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "unit" TEXT NOT NULL,
    "desil_min" INTEGER NOT NULL,
    "desil_max" INTEGER NOT NULL,
    "national_quota" INTEGER,
    "max_years" INTEGER,
    "admits_outside_dtsen" BOOLEAN NOT NULL,
    "legal_basis" TEXT NOT NULL,
    "sort_order" INTEGER NOT NULL
);

-- CreateTable
CREATE TABLE "enrollment" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "program_code" TEXT NOT NULL,
    "family_id" INTEGER NOT NULL,
    "individual_id" INTEGER,
    "regency_code" TEXT NOT NULL,
    "start_version_id" INTEGER NOT NULL,
    "end_version_id" INTEGER,
    "start_reason" TEXT NOT NULL,
    "end_reason" TEXT,
    "member_since_year" INTEGER NOT NULL,
    CONSTRAINT "enrollment_program_code_fkey" FOREIGN KEY ("program_code") REFERENCES "program" ("code") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "enrollment_family_id_fkey" FOREIGN KEY ("family_id") REFERENCES "family" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "enrollment_individual_id_fkey" FOREIGN KEY ("individual_id") REFERENCES "individual" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "poverty" (
    "regency_code" TEXT NOT NULL,
    "period" TEXT NOT NULL,
    "poor_thousands" REAL NOT NULL,
    "p0" REAL NOT NULL,
    "poverty_line" INTEGER,
    "p1" REAL,
    "p2" REAL,

    PRIMARY KEY ("regency_code", "period")
);

-- CreateTable
CREATE TABLE "population" (
    "regency_code" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "population" INTEGER NOT NULL,

    PRIMARY KEY ("regency_code", "year")
);

-- CreateTable
CREATE TABLE "minimum_wage" (
    "province_code" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "amount" INTEGER NOT NULL,

    PRIMARY KEY ("province_code", "year")
);

-- CreateTable
CREATE TABLE "proposal" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "kind" TEXT NOT NULL,
    "path" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "family_id" INTEGER NOT NULL,
    "program_code" TEXT,
    "village_code" TEXT NOT NULL,
    "regency_code" TEXT NOT NULL,
    "submitted_version_id" INTEGER NOT NULL,
    "submitted_at" DATETIME NOT NULL,
    "decided_at" DATETIME,
    CONSTRAINT "proposal_family_id_fkey" FOREIGN KEY ("family_id") REFERENCES "family" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "proposal_status_change" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "proposal_id" INTEGER NOT NULL,
    "status" TEXT NOT NULL,
    "at" DATETIME NOT NULL,
    "note" TEXT,
    CONSTRAINT "proposal_status_change_proposal_id_fkey" FOREIGN KEY ("proposal_id") REFERENCES "proposal" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "desil_rollup" (
    "version_id" INTEGER NOT NULL,
    "region_code" TEXT NOT NULL,
    "desil" INTEGER NOT NULL,
    "families" INTEGER NOT NULL,
    "individuals" INTEGER NOT NULL,

    PRIMARY KEY ("version_id", "region_code", "desil")
);

-- CreateTable
CREATE TABLE "dataset_info" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "value" TEXT NOT NULL
);

-- CreateIndex
CREATE INDEX "region_parent_code_idx" ON "region"("parent_code");

-- CreateIndex
CREATE INDEX "region_level_name_idx" ON "region"("level", "name");

-- CreateIndex
CREATE UNIQUE INDEX "dtsen_version_label_key" ON "dtsen_version"("label");

-- CreateIndex
CREATE UNIQUE INDEX "family_kk_key" ON "family"("kk");

-- CreateIndex
CREATE INDEX "family_village_code_idx" ON "family"("village_code");

-- CreateIndex
CREATE INDEX "family_regency_code_idx" ON "family"("regency_code");

-- CreateIndex
CREATE INDEX "family_state_family_id_valid_from_version_id_idx" ON "family_state"("family_id", "valid_from_version_id");

-- CreateIndex
CREATE INDEX "family_state_valid_from_version_id_idx" ON "family_state"("valid_from_version_id");

-- CreateIndex
CREATE INDEX "family_state_village_code_idx" ON "family_state"("village_code");

-- CreateIndex
CREATE UNIQUE INDEX "individual_nik_key" ON "individual"("nik");

-- CreateIndex
CREATE INDEX "individual_family_id_idx" ON "individual"("family_id");

-- CreateIndex
CREATE INDEX "exclusion_flag_individual_id_idx" ON "exclusion_flag"("individual_id");

-- CreateIndex
CREATE INDEX "exclusion_flag_criterion_code_observed_version_id_idx" ON "exclusion_flag"("criterion_code", "observed_version_id");

-- CreateIndex
CREATE INDEX "enrollment_family_id_idx" ON "enrollment"("family_id");

-- CreateIndex
CREATE INDEX "enrollment_individual_id_idx" ON "enrollment"("individual_id");

-- CreateIndex
CREATE INDEX "enrollment_program_code_start_version_id_idx" ON "enrollment"("program_code", "start_version_id");

-- CreateIndex
CREATE INDEX "enrollment_regency_code_program_code_idx" ON "enrollment"("regency_code", "program_code");

-- CreateIndex
CREATE INDEX "proposal_regency_code_submitted_version_id_idx" ON "proposal"("regency_code", "submitted_version_id");

-- CreateIndex
CREATE INDEX "proposal_family_id_idx" ON "proposal"("family_id");

-- CreateIndex
CREATE INDEX "proposal_status_change_proposal_id_idx" ON "proposal_status_change"("proposal_id");
