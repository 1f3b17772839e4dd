-- CreateTable
CREATE TABLE "membership_rollup" (
    "version_id" INTEGER NOT NULL,
    "region_code" TEXT NOT NULL,
    "program_code" TEXT NOT NULL,
    "member_since_year" INTEGER NOT NULL,
    "units" INTEGER NOT NULL,

    PRIMARY KEY ("version_id", "region_code", "program_code", "member_since_year")
);
