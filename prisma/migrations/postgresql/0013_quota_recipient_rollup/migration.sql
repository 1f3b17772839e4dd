-- CreateTable
CREATE TABLE "quota_recipient_rollup" (
    "version_id" INTEGER NOT NULL,
    "program_code" TEXT NOT NULL,
    "regency_code" TEXT NOT NULL,
    "units" INTEGER NOT NULL,

    CONSTRAINT "quota_recipient_rollup_pkey" PRIMARY KEY ("version_id","program_code","regency_code")
);

-- The quota recipients of a published DTSEN version are immutable (hand-written, like 0004 and 0012).

CREATE TRIGGER "quota_recipient_rollup_published_change" BEFORE INSERT OR UPDATE OR DELETE ON "quota_recipient_rollup"
FOR EACH ROW EXECUTE FUNCTION "atlas_desil_rollup_immutable"();
