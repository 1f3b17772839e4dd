import { registerEnumType } from 'type-graphql';
import { GROUND_CHECK_OUTCOMES, type GroundCheckOutcome as GroundCheckOutcomeValue } from '../../domain/proposal-workflow.js';
import { ProposalKind, ProposalPath, ProposalStatus } from '../../generated/prisma/sqlite/enums.js';

// GraphQL enums of the update paths: the Prisma enums (same names, values and descriptions) and the ground-check
// outcomes of the workflow (domain/proposal-workflow.ts). Import them from here; a schema holds each name once.

export { ProposalKind, ProposalPath, ProposalStatus };

/** Outcomes of a proposal's ground check, as a GraphQL enum built from the workflow's list. */
export const GroundCheckOutcome = Object.fromEntries(GROUND_CHECK_OUTCOMES.map((o) => [o, o])) as {
  readonly [K in GroundCheckOutcomeValue]: K;
};
export type GroundCheckOutcome = GroundCheckOutcomeValue;

/** The decisions that end a proposal. */
export const ProposalDecision = { APPROVED: 'APPROVED', REJECTED: 'REJECTED' } as const;
export type ProposalDecision = (typeof ProposalDecision)[keyof typeof ProposalDecision];

registerEnumType(ProposalKind, {
  name: 'ProposalKind',
  description: 'Kind of proposal on the DTSEN update paths.',
  valuesConfig: {
    USULAN: { description: 'New registration or program proposal (usulan).' },
    SANGGAH: { description: 'Objection to an ineligible recipient of a program (sanggah).' },
    DESIL_UPDATE: { description: "Request to update one's desil (pembaruan desil)." },
    PBI_REACTIVATION: { description: 'PBI-JKN reactivation for urgent care of a person removed from PBI-JKN.' },
  },
});

registerEnumType(ProposalPath, {
  name: 'ProposalPath',
  description: 'Update path a proposal came through.',
  valuesConfig: {
    FORMAL: { description: 'RT/RW meeting -> village deliberation (Musdes/Muskel, berita acara) -> SIKS-NG by the village operator.' },
    PARTICIPATORY: { description: 'Cek Bansos app (one account per NIK).' },
  },
});

registerEnumType(ProposalStatus, {
  name: 'ProposalStatus',
  description: 'Status of a proposal: SUBMITTED -> VERIFIED -> GROUND_CHECKED -> APPROVED or REJECTED (also from SUBMITTED).',
  valuesConfig: {
    SUBMITTED: { description: 'Submitted, awaiting central verification.' },
    VERIFIED: { description: 'Passed central verification, awaiting ground check.' },
    GROUND_CHECKED: { description: 'Ground-checked in SIKS-MA, awaiting decision.' },
    APPROVED: { description: 'Approved (for usulan: on the waiting list approved by the regional head). Final.' },
    REJECTED: { description: 'Rejected at central verification or after the ground check. Final.' },
  },
});

registerEnumType(GroundCheckOutcome, {
  name: 'GroundCheckOutcome',
  description: 'What the field ground check (SIKS-MA) of a proposal found about the family concerned.',
  valuesConfig: {
    ELIGIBLE: { description: 'Poor or vulnerable as claimed: supports an usulan, a desil update or a PBI reactivation.' },
    NOT_ELIGIBLE: { description: 'Well-off or hit by an exclusion criterion: supports a sanggah.' },
    ADDRESS_NOT_FOUND: { description: 'The family was not found at its address (an exclusion criterion): supports a sanggah.' },
  },
});

registerEnumType(ProposalDecision, {
  name: 'ProposalDecision',
  description: 'The decision that ends a proposal.',
  valuesConfig: {
    APPROVED: { description: 'Approve: only after a ground check that supports the proposal.' },
    REJECTED: { description: 'Reject: at central verification (SUBMITTED) or after the ground check.' },
  },
});
