-- CreateEnum
CREATE TYPE "RegionLevel" AS ENUM ('NATION', 'PROVINCE', 'REGENCY', 'DISTRICT', 'VILLAGE');

-- CreateEnum
CREATE TYPE "VersionStatus" AS ENUM ('DRAFT', 'PUBLISHED');

-- CreateEnum
CREATE TYPE "FamilySource" AS ENUM ('REGSOSEK', 'DTKS', 'P3KE', 'PROPOSAL', 'NON_DTSEN');

-- CreateEnum
CREATE TYPE "WallType" AS ENUM ('MASONRY', 'PLASTERED_BAMBOO', 'WOOD', 'BAMBOO', 'OTHER');

-- CreateEnum
CREATE TYPE "FloorType" AS ENUM ('CERAMIC', 'CEMENT', 'WOOD', 'BAMBOO', 'EARTH');

-- CreateEnum
CREATE TYPE "RoofType" AS ENUM ('CONCRETE', 'TILE', 'ZINC', 'ASBESTOS', 'THATCH');

-- CreateEnum
CREATE TYPE "WaterSource" AS ENUM ('BOTTLED', 'PIPED', 'PROTECTED_WELL', 'UNPROTECTED', 'SURFACE');

-- CreateEnum
CREATE TYPE "Sanitation" AS ENUM ('PRIVATE_SEPTIC', 'PRIVATE_NO_SEPTIC', 'SHARED', 'NONE');

-- CreateEnum
CREATE TYPE "CookingFuel" AS ENUM ('ELECTRIC_GAS', 'LPG_LARGE', 'LPG_3KG', 'KEROSENE', 'WOOD');

-- CreateEnum
CREATE TYPE "HouseOwnership" AS ENUM ('OWNED', 'RENTED', 'RENT_FREE', 'OTHER');

-- CreateEnum
CREATE TYPE "GroundCheckStatus" AS ENUM ('NOT_CHECKED', 'CONFIRMED', 'INELIGIBLE', 'ADDRESS_NOT_FOUND');

-- CreateEnum
CREATE TYPE "Relationship" AS ENUM ('HEAD', 'SPOUSE', 'CHILD', 'CHILD_IN_LAW', 'GRANDCHILD', 'PARENT', 'OTHER');

-- CreateEnum
CREATE TYPE "Sex" AS ENUM ('MALE', 'FEMALE');

-- CreateEnum
CREATE TYPE "Education" AS ENUM ('NONE', 'PRIMARY', 'JUNIOR_SECONDARY', 'SENIOR_SECONDARY', 'TERTIARY');

-- CreateEnum
CREATE TYPE "WorkStatus" AS ENUM ('WORKING', 'UNEMPLOYED', 'STUDENT', 'HOUSEKEEPING', 'NOT_IN_LABOUR_FORCE');

-- CreateEnum
CREATE TYPE "WorkSector" AS ENUM ('NONE', 'AGRICULTURE', 'MANUFACTURING', 'CONSTRUCTION', 'TRADE', 'TRANSPORT', 'SERVICES', 'GOVERNMENT');

-- CreateEnum
CREATE TYPE "ProgramUnit" AS ENUM ('FAMILY', 'INDIVIDUAL');

-- CreateEnum
CREATE TYPE "EnrollmentStartReason" AS ENUM ('INITIAL', 'QUOTA_FILL', 'PROPOSAL', 'REACTIVATION');

-- CreateEnum
CREATE TYPE "EnrollmentEndReason" AS ENUM ('GRADUATED', 'DECEASED', 'NEGATIVE_LIST', 'EXCLUSION_CRITERION', 'RERANKED', 'OUTSIDE_DTSEN', 'MAX_DURATION', 'MOVED');

-- CreateEnum
CREATE TYPE "ProposalKind" AS ENUM ('USULAN', 'SANGGAH', 'DESIL_UPDATE', 'PBI_REACTIVATION');

-- CreateEnum
CREATE TYPE "ProposalPath" AS ENUM ('FORMAL', 'PARTICIPATORY');

-- CreateEnum
CREATE TYPE "ProposalStatus" AS ENUM ('SUBMITTED', 'VERIFIED', 'GROUND_CHECKED', 'APPROVED', 'REJECTED');

-- CreateTable
CREATE TABLE "region" (
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "level" "RegionLevel" NOT NULL,
    "parent_code" TEXT,
    "province_code" TEXT,
    "regency_code" TEXT,

    CONSTRAINT "region_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "dtsen_version" (
    "id" INTEGER NOT NULL,
    "label" TEXT NOT NULL,
    "published_at" TIMESTAMP(3),
    "status" "VersionStatus" NOT NULL DEFAULT 'DRAFT',
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "dtsen_version_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "family" (
    "id" SERIAL NOT NULL,
    "kk" TEXT NOT NULL,
    "village_code" TEXT NOT NULL,
    "regency_code" TEXT NOT NULL,
    "source" "FamilySource" NOT NULL,
    "first_version_id" INTEGER NOT NULL,

    CONSTRAINT "family_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "family_state" (
    "id" SERIAL NOT NULL,
    "family_id" INTEGER NOT NULL,
    "valid_from_version_id" INTEGER NOT NULL,
    "valid_to_version_id" INTEGER,
    "village_code" TEXT NOT NULL,
    "regency_code" TEXT NOT NULL,
    "member_count" INTEGER NOT NULL,
    "income_monthly" INTEGER NOT NULL,
    "wall_type" "WallType" NOT NULL,
    "floor_type" "FloorType" NOT NULL,
    "roof_type" "RoofType" NOT NULL,
    "floor_area_m2" INTEGER NOT NULL,
    "electricity_va" INTEGER NOT NULL,
    "water_source" "WaterSource" NOT NULL,
    "sanitation" "Sanitation" NOT NULL,
    "cooking_fuel" "CookingFuel" NOT NULL,
    "house_ownership" "HouseOwnership" NOT NULL,
    "land_m2" INTEGER NOT NULL,
    "motorcycles" INTEGER NOT NULL,
    "cars" INTEGER NOT NULL,
    "gold_grams" INTEGER NOT NULL,
    "savings_rp" INTEGER NOT NULL,
    "loans_rp" INTEGER NOT NULL,
    "pmt_score" DOUBLE PRECISION NOT NULL,
    "national_rank" INTEGER NOT NULL,
    "desil" INTEGER NOT NULL,
    "ground_check_status" "GroundCheckStatus" NOT NULL DEFAULT 'NOT_CHECKED',

    CONSTRAINT "family_state_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "individual" (
    "id" SERIAL NOT NULL,
    "nik" TEXT NOT NULL,
    "family_id" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "relationship" "Relationship" NOT NULL,
    "sex" "Sex" NOT NULL,
    "birth_date" TIMESTAMP(3) NOT NULL,
    "education" "Education" NOT NULL,
    "work_status" "WorkStatus" NOT NULL,
    "work_sector" "WorkSector" NOT NULL,
    "disability" BOOLEAN NOT NULL,
    "chronic_illness" BOOLEAN NOT NULL,
    "deceased" BOOLEAN NOT NULL DEFAULT false,
    "from_version_id" INTEGER NOT NULL,
    "to_version_id" INTEGER,

    CONSTRAINT "individual_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "exclusion_criterion" (
    "code" TEXT NOT NULL,
    "name_id" TEXT NOT NULL,
    "name_en" TEXT NOT NULL,
    "excludes_family" BOOLEAN NOT NULL,
    "detected_by" TEXT NOT NULL,
    "sort_order" INTEGER NOT NULL,

    CONSTRAINT "exclusion_criterion_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "exclusion_flag" (
    "id" SERIAL NOT NULL,
    "individual_id" INTEGER NOT NULL,
    "criterion_code" TEXT NOT NULL,
    "observed_version_id" INTEGER NOT NULL,
    "cleared_version_id" INTEGER,

    CONSTRAINT "exclusion_flag_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "program" (
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "unit" "ProgramUnit" NOT NULL,
    "desil_min" INTEGER NOT NULL,
    "desil_max" INTEGER NOT NULL,
    "national_quota" INTEGER,
    "max_years" INTEGER,
    "admits_outside_dtsen" BOOLEAN NOT NULL,
    "legal_basis" TEXT NOT NULL,
    "sort_order" INTEGER NOT NULL,

    CONSTRAINT "program_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "enrollment" (
    "id" SERIAL NOT NULL,
    "program_code" TEXT NOT NULL,
    "family_id" INTEGER NOT NULL,
    "individual_id" INTEGER,
    "regency_code" TEXT NOT NULL,
    "start_version_id" INTEGER NOT NULL,
    "end_version_id" INTEGER,
    "start_reason" "EnrollmentStartReason" NOT NULL,
    "end_reason" "EnrollmentEndReason",
    "member_since_year" INTEGER NOT NULL,

    CONSTRAINT "enrollment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "poverty" (
    "regency_code" TEXT NOT NULL,
    "period" TEXT NOT NULL,
    "poor_thousands" DOUBLE PRECISION NOT NULL,
    "p0" DOUBLE PRECISION NOT NULL,
    "poverty_line" INTEGER,
    "p1" DOUBLE PRECISION,
    "p2" DOUBLE PRECISION,

    CONSTRAINT "poverty_pkey" PRIMARY KEY ("regency_code","period")
);

-- CreateTable
CREATE TABLE "population" (
    "regency_code" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "population" INTEGER NOT NULL,

    CONSTRAINT "population_pkey" PRIMARY KEY ("regency_code","year")
);

-- CreateTable
CREATE TABLE "minimum_wage" (
    "province_code" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "amount" INTEGER NOT NULL,

    CONSTRAINT "minimum_wage_pkey" PRIMARY KEY ("province_code","year")
);

-- CreateTable
CREATE TABLE "proposal" (
    "id" SERIAL NOT NULL,
    "kind" "ProposalKind" NOT NULL,
    "path" "ProposalPath" NOT NULL,
    "status" "ProposalStatus" NOT NULL,
    "family_id" INTEGER NOT NULL,
    "program_code" TEXT,
    "village_code" TEXT NOT NULL,
    "regency_code" TEXT NOT NULL,
    "submitted_version_id" INTEGER NOT NULL,
    "submitted_at" TIMESTAMP(3) NOT NULL,
    "decided_at" TIMESTAMP(3),

    CONSTRAINT "proposal_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "proposal_status_change" (
    "id" SERIAL NOT NULL,
    "proposal_id" INTEGER NOT NULL,
    "status" "ProposalStatus" NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "note" TEXT,

    CONSTRAINT "proposal_status_change_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "desil_rollup" (
    "version_id" INTEGER NOT NULL,
    "region_code" TEXT NOT NULL,
    "desil" INTEGER NOT NULL,
    "families" INTEGER NOT NULL,
    "individuals" INTEGER NOT NULL,

    CONSTRAINT "desil_rollup_pkey" PRIMARY KEY ("version_id","region_code","desil")
);

-- CreateTable
CREATE TABLE "dataset_info" (
    "key" TEXT NOT NULL,
    "value" TEXT NOT NULL,

    CONSTRAINT "dataset_info_pkey" PRIMARY KEY ("key")
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

-- AddForeignKey
ALTER TABLE "region" ADD CONSTRAINT "region_parent_code_fkey" FOREIGN KEY ("parent_code") REFERENCES "region"("code") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "family_state" ADD CONSTRAINT "family_state_family_id_fkey" FOREIGN KEY ("family_id") REFERENCES "family"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "individual" ADD CONSTRAINT "individual_family_id_fkey" FOREIGN KEY ("family_id") REFERENCES "family"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "exclusion_flag" ADD CONSTRAINT "exclusion_flag_individual_id_fkey" FOREIGN KEY ("individual_id") REFERENCES "individual"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "exclusion_flag" ADD CONSTRAINT "exclusion_flag_criterion_code_fkey" FOREIGN KEY ("criterion_code") REFERENCES "exclusion_criterion"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "enrollment" ADD CONSTRAINT "enrollment_program_code_fkey" FOREIGN KEY ("program_code") REFERENCES "program"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "enrollment" ADD CONSTRAINT "enrollment_family_id_fkey" FOREIGN KEY ("family_id") REFERENCES "family"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "enrollment" ADD CONSTRAINT "enrollment_individual_id_fkey" FOREIGN KEY ("individual_id") REFERENCES "individual"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "proposal" ADD CONSTRAINT "proposal_family_id_fkey" FOREIGN KEY ("family_id") REFERENCES "family"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "proposal_status_change" ADD CONSTRAINT "proposal_status_change_proposal_id_fkey" FOREIGN KEY ("proposal_id") REFERENCES "proposal"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
