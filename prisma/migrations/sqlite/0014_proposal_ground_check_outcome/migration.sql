-- AlterTable
ALTER TABLE "proposal_status_change" ADD COLUMN "ground_check_outcome" TEXT;
