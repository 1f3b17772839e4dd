-- CreateTable
CREATE TABLE "targeting_rollup" (
    "version_id" INTEGER NOT NULL,
    "region_code" TEXT NOT NULL,
    "program_code" TEXT NOT NULL,
    "desil" INTEGER NOT NULL,
    "recipient" BOOLEAN NOT NULL,
    "criterion_code" TEXT NOT NULL,
    "ground_checked" BOOLEAN NOT NULL,
    "in_target_group" BOOLEAN NOT NULL,
    "units" INTEGER NOT NULL,

    CONSTRAINT "targeting_rollup_pkey" PRIMARY KEY ("version_id","region_code","program_code","desil","recipient","criterion_code","ground_checked","in_target_group")
);

-- CreateTable
CREATE TABLE "targeting_class_rollup" (
    "version_id" INTEGER NOT NULL,
    "region_code" TEXT NOT NULL,
    "program_code" TEXT NOT NULL,
    "class" TEXT NOT NULL,
    "cause" TEXT NOT NULL,
    "units" INTEGER NOT NULL,

    CONSTRAINT "targeting_class_rollup_pkey" PRIMARY KEY ("version_id","region_code","program_code","class","cause")
);

-- CreateTable
CREATE TABLE "churn_rollup" (
    "version_id" INTEGER NOT NULL,
    "region_code" TEXT NOT NULL,
    "program_code" TEXT NOT NULL,
    "direction" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "units" INTEGER NOT NULL,

    CONSTRAINT "churn_rollup_pkey" PRIMARY KEY ("version_id","region_code","program_code","direction","reason")
);

-- CreateTable
CREATE TABLE "overlap_rollup" (
    "version_id" INTEGER NOT NULL,
    "region_code" TEXT NOT NULL,
    "desil" INTEGER NOT NULL,
    "program_mask" INTEGER NOT NULL,
    "families" INTEGER NOT NULL,

    CONSTRAINT "overlap_rollup_pkey" PRIMARY KEY ("version_id","region_code","desil","program_mask")
);

-- CreateTable
CREATE TABLE "proposal_rollup" (
    "version_id" INTEGER NOT NULL,
    "region_code" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "path" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "proposals" INTEGER NOT NULL,
    "median_days_to_decision" DOUBLE PRECISION,

    CONSTRAINT "proposal_rollup_pkey" PRIMARY KEY ("version_id","region_code","kind","path","status")
);
