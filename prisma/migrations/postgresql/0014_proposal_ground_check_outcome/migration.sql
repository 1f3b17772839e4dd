-- CreateEnum
CREATE TYPE "GroundCheckOutcome" AS ENUM ('ELIGIBLE', 'NOT_ELIGIBLE', 'ADDRESS_NOT_FOUND');

-- AlterTable
ALTER TABLE "proposal_status_change" ADD COLUMN     "ground_check_outcome" "GroundCheckOutcome";
