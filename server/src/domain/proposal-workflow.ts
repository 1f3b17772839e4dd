/**
 * The DTSEN update paths as data and pure rules (DOMAIN.md "How data changes"): a proposal (usulan, sanggah, desil
 * update or PBI reactivation) comes in through the formal path (RT/RW -> Musdes/Muskel, berita acara -> SIKS-NG) or
 * the participatory path (Cek Bansos app), passes central verification, a field ground check (SIKS-MA), and is
 * decided. Which status can follow which, what each kind requires and which ground-check outcome allows an approval
 * are tables below; the functions only read them. Nothing here knows about Prisma or GraphQL: rule violations are
 * returned as typed results, which the proposal service maps to API errors.
 */
import type { ProgramCode } from './programs.js';

export type ProposalKind = 'USULAN' | 'SANGGAH' | 'DESIL_UPDATE' | 'PBI_REACTIVATION';
export type ProposalPath = 'FORMAL' | 'PARTICIPATORY';
export type ProposalStatus = 'SUBMITTED' | 'VERIFIED' | 'GROUND_CHECKED' | 'APPROVED' | 'REJECTED';
/** The decisions a proposal can end with. */
export type ProposalDecision = Extract<ProposalStatus, 'APPROVED' | 'REJECTED'>;

export const PROPOSAL_KINDS: readonly ProposalKind[] = ['USULAN', 'SANGGAH', 'DESIL_UPDATE', 'PBI_REACTIVATION'];
export const PROPOSAL_PATHS: readonly ProposalPath[] = ['FORMAL', 'PARTICIPATORY'];
export const PROPOSAL_STATUSES: readonly ProposalStatus[] = ['SUBMITTED', 'VERIFIED', 'GROUND_CHECKED', 'APPROVED', 'REJECTED'];

/**
 * Which status can follow which. A proposal is rejected either at central verification (SUBMITTED -> REJECTED) or
 * after its ground check; APPROVED and REJECTED are final. This is the order the generator simulates too.
 */
export const NEXT_STATUSES: Readonly<Record<ProposalStatus, readonly ProposalStatus[]>> = {
  SUBMITTED: ['VERIFIED', 'REJECTED'],
  VERIFIED: ['GROUND_CHECKED'],
  GROUND_CHECKED: ['APPROVED', 'REJECTED'],
  APPROVED: [],
  REJECTED: [],
};

/** Statuses of a proposal still in progress (not decided). */
export const OPEN_STATUSES: readonly ProposalStatus[] = PROPOSAL_STATUSES.filter((s) => NEXT_STATUSES[s].length > 0);

export function isOpenStatus(status: ProposalStatus): boolean {
  return NEXT_STATUSES[status].length > 0;
}

/**
 * What the field ground check (SIKS-MA) found about the family the proposal concerns, in the terms of the family's
 * ground-check status (CONFIRMED / INELIGIBLE / ADDRESS_NOT_FOUND).
 */
export type GroundCheckOutcome = 'ELIGIBLE' | 'NOT_ELIGIBLE' | 'ADDRESS_NOT_FOUND';
export const GROUND_CHECK_OUTCOMES: readonly GroundCheckOutcome[] = ['ELIGIBLE', 'NOT_ELIGIBLE', 'ADDRESS_NOT_FOUND'];

/** How a kind treats the program argument. */
export type ProgramRequirement =
  | { mode: 'NONE' }
  | { mode: 'OPTIONAL' }
  | { mode: 'REQUIRED' }
  /** Always this program; omitting it means it. */
  | { mode: 'FIXED'; program: ProgramCode };

/** What each kind of proposal requires and which ground-check outcomes allow approving it. */
export interface ProposalKindRule {
  kind: ProposalKind;
  program: ProgramRequirement;
  /** The family must have a DTSEN state (welfare rank and desil) in the version of submission. */
  requiresDtsenFamily: boolean;
  /** The family must be a recipient of the named program in the version of submission. */
  requiresRecipient: boolean;
  /** The family must have lost a membership of the (fixed) program at or before the version of submission. */
  requiresEndedMembership: boolean;
  /** Why a note is required for this kind (the supporting letters), or null. */
  noteRequiredFor: string | null;
  /** Ground-check outcomes under which the proposal may be APPROVED (REJECTED is always possible). */
  approvableOutcomes: readonly GroundCheckOutcome[];
}

export const PROPOSAL_KIND_RULES: Readonly<Record<ProposalKind, ProposalKindRule>> = {
  // A new registration or a proposal for a program: anyone, also a family outside DTSEN (that is how it gets in).
  USULAN: {
    kind: 'USULAN', program: { mode: 'OPTIONAL' }, requiresDtsenFamily: false, requiresRecipient: false,
    requiresEndedMembership: false, noteRequiredFor: null, approvableOutcomes: ['ELIGIBLE'],
  },
  // An objection to an ineligible recipient (menu sanggah of Cek Bansos): upheld when the check finds the family
  // ineligible or not at its address.
  SANGGAH: {
    kind: 'SANGGAH', program: { mode: 'REQUIRED' }, requiresDtsenFamily: true, requiresRecipient: true,
    requiresEndedMembership: false, noteRequiredFor: null, approvableOutcomes: ['NOT_ELIGIBLE', 'ADDRESS_NOT_FOUND'],
  },
  // A family ranked better off than it is asks for a new desil (pembaruan desil): approved when the check confirms it.
  DESIL_UPDATE: {
    kind: 'DESIL_UPDATE', program: { mode: 'NONE' }, requiresDtsenFamily: true, requiresRecipient: false,
    requiresEndedMembership: false, noteRequiredFor: null, approvableOutcomes: ['ELIGIBLE'],
  },
  // PBI-JKN reactivation for urgent care of a person removed since May 2025: needs the Dinas Sosial reactivation
  // letter and the health-facility letter, and verification as poor or vulnerable.
  PBI_REACTIVATION: {
    kind: 'PBI_REACTIVATION', program: { mode: 'FIXED', program: 'PBI_JKN' }, requiresDtsenFamily: false,
    requiresRecipient: false, requiresEndedMembership: true,
    noteRequiredFor: 'the Dinas Sosial reactivation letter and the health-facility letter',
    approvableOutcomes: ['ELIGIBLE'],
  },
};

/** Why a note is required on each path, or null. */
export const PATH_NOTE_REQUIRED_FOR: Readonly<Record<ProposalPath, string | null>> = {
  // The Musdes/Muskel decision is recorded in minutes (berita acara) before the operator enters it in SIKS-NG.
  FORMAL: 'the berita acara of the Musdes/Muskel',
  PARTICIPATORY: null,
};

/** Longest note accepted, in characters. */
export const NOTE_MAX_LENGTH = 2000;

/** A rule violation: bad input (mapped to BAD_USER_INPUT on `argument`) or a conflict with the current state. */
export type WorkflowError =
  | { category: 'INPUT'; argument: string; reason: SubmissionRejection; message: string }
  | { category: 'CONFLICT'; reason: ConflictReason; message: string; details?: Record<string, unknown> };

export type SubmissionRejection =
  | 'PROGRAM_REQUIRED'
  | 'PROGRAM_NOT_ALLOWED'
  | 'FAMILY_NOT_IN_DTSEN'
  | 'NOT_A_RECIPIENT'
  | 'NO_ENDED_MEMBERSHIP'
  | 'NOTE_REQUIRED'
  | 'NOTE_TOO_LONG';

export type ConflictReason = 'INVALID_TRANSITION' | 'DUPLICATE_OPEN_PROPOSAL' | 'GROUND_CHECK_CONTRADICTS_APPROVAL';

export type WorkflowResult<T> = { ok: true; value: T } | { ok: false; error: WorkflowError };

const ok = <T>(value: T): WorkflowResult<T> => ({ ok: true, value });
const fail = <T>(error: WorkflowError): WorkflowResult<T> => ({ ok: false, error });

/** A submission as the client sent it (ids already resolved to existing rows). */
export interface SubmissionInput {
  kind: ProposalKind;
  path: ProposalPath;
  programCode: ProgramCode | null;
  note: string | null;
}

/**
 * Facts about the family in the version of submission, gathered by the service (null when the rule of the kind
 * does not need them).
 */
export interface FamilyFacts {
  inDtsen: boolean;
  /** Recipient of the submission's program (requiresRecipient). */
  recipientOfProgram: boolean | null;
  /** Lost a membership of the kind's fixed program (requiresEndedMembership). */
  endedMembership: boolean | null;
  /** Id of an open proposal of the same kind for the same family and program, if any. */
  openDuplicateId: number | null;
}

/** The submission once accepted: the program it concerns (a FIXED program filled in) and the normalised note. */
export interface AcceptedSubmission {
  programCode: ProgramCode | null;
  note: string | null;
}

/** Trims a note; blank becomes null. */
export function normaliseNote(note: string | null | undefined): string | null {
  const trimmed = note?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}

/** Checks the note length; shared by every step. */
export function checkNote(note: string | null, argument = 'note'): WorkflowResult<string | null> {
  const normalised = normaliseNote(note);
  if (normalised !== null && normalised.length > NOTE_MAX_LENGTH) {
    return fail({ category: 'INPUT', argument, reason: 'NOTE_TOO_LONG', message: `${argument} is longer than ${NOTE_MAX_LENGTH} characters` });
  }
  return ok(normalised);
}

/**
 * The program a submission concerns under its kind's rule, before any database fact is needed (the service uses
 * it to know which facts to gather). `argument` names the program argument in errors.
 */
export function resolveProgram(kind: ProposalKind, programCode: ProgramCode | null, argument = 'programCode'): WorkflowResult<ProgramCode | null> {
  const rule = PROPOSAL_KIND_RULES[kind].program;
  switch (rule.mode) {
    case 'NONE':
      return programCode === null
        ? ok(null)
        : fail({ category: 'INPUT', argument, reason: 'PROGRAM_NOT_ALLOWED', message: `A ${kind} proposal concerns no program: omit ${argument}` });
    case 'OPTIONAL':
      return ok(programCode);
    case 'REQUIRED':
      return programCode !== null
        ? ok(programCode)
        : fail({ category: 'INPUT', argument, reason: 'PROGRAM_REQUIRED', message: `A ${kind} proposal must name the program (${argument})` });
    case 'FIXED':
      return programCode === null || programCode === rule.program
        ? ok(rule.program)
        : fail({ category: 'INPUT', argument, reason: 'PROGRAM_NOT_ALLOWED', message: `A ${kind} proposal concerns ${rule.program} only, not ${programCode}` });
  }
}

/** Argument names of the submission input, for error messages (`input.familyId` ...). */
export interface SubmissionArguments {
  familyId: string;
  programCode: string;
  note: string;
}

const DEFAULT_ARGUMENTS: SubmissionArguments = { familyId: 'familyId', programCode: 'programCode', note: 'note' };

/** Validates a submission against its kind's and path's rules and the facts about the family. */
export function validateSubmission(
  input: SubmissionInput,
  facts: FamilyFacts,
  args: SubmissionArguments = DEFAULT_ARGUMENTS,
): WorkflowResult<AcceptedSubmission> {
  const rule = PROPOSAL_KIND_RULES[input.kind];
  const program = resolveProgram(input.kind, input.programCode, args.programCode);
  if (!program.ok) return program;
  const note = checkNote(input.note, args.note);
  if (!note.ok) return note;
  const noteNeededFor = rule.noteRequiredFor ?? PATH_NOTE_REQUIRED_FOR[input.path];
  if (noteNeededFor !== null && note.value === null) {
    return fail({ category: 'INPUT', argument: args.note, reason: 'NOTE_REQUIRED', message: `A ${input.kind} proposal on the ${input.path} path needs a note referring to ${noteNeededFor}` });
  }
  if (rule.requiresDtsenFamily && !facts.inDtsen) {
    return fail({ category: 'INPUT', argument: args.familyId, reason: 'FAMILY_NOT_IN_DTSEN', message: `A ${input.kind} proposal concerns a family registered in DTSEN; this family has no DTSEN state in the current version` });
  }
  if (rule.requiresRecipient && facts.recipientOfProgram !== true) {
    return fail({ category: 'INPUT', argument: args.familyId, reason: 'NOT_A_RECIPIENT', message: `A ${input.kind} proposal objects to a recipient; this family does not receive ${program.value ?? 'the program'} in the current version` });
  }
  if (rule.requiresEndedMembership && facts.endedMembership !== true) {
    return fail({ category: 'INPUT', argument: args.familyId, reason: 'NO_ENDED_MEMBERSHIP', message: `A ${input.kind} proposal concerns a family whose ${program.value ?? 'program'} membership was ended; this family lost none` });
  }
  if (facts.openDuplicateId !== null) {
    return fail({
      category: 'CONFLICT', reason: 'DUPLICATE_OPEN_PROPOSAL',
      message: `Proposal ${facts.openDuplicateId} of kind ${input.kind} for this family${program.value ? ` and ${program.value}` : ''} is still open`,
      details: { proposalId: facts.openDuplicateId },
    });
  }
  return ok({ programCode: program.value, note: note.value });
}

/** The status a proposal moves to, if `from` may be followed by `to`. */
export function checkTransition(from: ProposalStatus, to: ProposalStatus): WorkflowResult<ProposalStatus> {
  if (NEXT_STATUSES[from].includes(to)) return ok(to);
  const next = NEXT_STATUSES[from];
  return fail({
    category: 'CONFLICT', reason: 'INVALID_TRANSITION',
    message: next.length === 0
      ? `The proposal is already ${from} and cannot become ${to}`
      : `A ${from} proposal cannot become ${to} (next: ${next.join(' or ')})`,
    details: { from, to },
  });
}

/** The current state of a proposal, as the decision rules need it. */
export interface ProposalState {
  kind: ProposalKind;
  status: ProposalStatus;
  /** Outcome of its ground check; null when not checked or not recorded (proposals imported without it). */
  groundCheckOutcome: GroundCheckOutcome | null;
}

/**
 * A decision on a ground-checked proposal (or a rejection at verification): APPROVED only when its ground check
 * supports the proposal (PROPOSAL_KIND_RULES.approvableOutcomes); an unrecorded outcome does not block it.
 */
export function checkDecision(state: ProposalState, decision: ProposalDecision): WorkflowResult<ProposalDecision> {
  const transition = checkTransition(state.status, decision);
  if (!transition.ok) return transition;
  const approvable = PROPOSAL_KIND_RULES[state.kind].approvableOutcomes;
  if (decision === 'APPROVED' && state.groundCheckOutcome !== null && !approvable.includes(state.groundCheckOutcome)) {
    return fail({
      category: 'CONFLICT', reason: 'GROUND_CHECK_CONTRADICTS_APPROVAL',
      message: `A ${state.kind} proposal whose ground check found ${state.groundCheckOutcome} cannot be approved (approvable after ${approvable.join(' or ')})`,
      details: { groundCheckOutcome: state.groundCheckOutcome },
    });
  }
  return ok(decision);
}
