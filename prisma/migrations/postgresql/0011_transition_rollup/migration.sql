-- CreateTable
CREATE TABLE "transition_rollup" (
    "version_id" INTEGER NOT NULL,
    "region_code" TEXT NOT NULL,
    "from_desil" INTEGER NOT NULL,
    "to_desil" INTEGER NOT NULL,
    "families" INTEGER NOT NULL,

    CONSTRAINT "transition_rollup_pkey" PRIMARY KEY ("version_id","region_code","from_desil","to_desil")
);
