import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PROGRAMS, type ProgramCode } from './programs.js';
import {
  checkDecision,
  checkTransition,
  GROUND_CHECK_OUTCOMES,
  isOpenStatus,
  NEXT_STATUSES,
  NOTE_MAX_LENGTH,
  OPEN_STATUSES,
  PROPOSAL_KINDS,
  PROPOSAL_PATHS,
  PROPOSAL_STATUSES,
  validateSubmission,
  type FamilyFacts,
  type ProposalStatus,
  type SubmissionInput,
} from './proposal-workflow.js';

const status = fc.constantFrom(...PROPOSAL_STATUSES);
const kind = fc.constantFrom(...PROPOSAL_KINDS);
const outcome = fc.option(fc.constantFrom(...GROUND_CHECK_OUTCOMES), { nil: null });
const program = fc.option(fc.constantFrom(...PROGRAMS.map((p) => p.code)), { nil: null });

const facts = (over: Partial<FamilyFacts> = {}): FamilyFacts => ({
  inDtsen: true, recipientOfProgram: true, endedMembership: true, openDuplicateId: null, ...over,
});
const input = (over: Partial<SubmissionInput> = {}): SubmissionInput => ({
  kind: 'USULAN', path: 'PARTICIPATORY', programCode: null, note: null, ...over,
});

/** Every path from SUBMITTED through the table, as lists of statuses. */
function walks(from: ProposalStatus = 'SUBMITTED'): ProposalStatus[][] {
  const next = NEXT_STATUSES[from];
  return next.length === 0 ? [[from]] : next.flatMap((to) => walks(to).map((rest) => [from, ...rest]));
}

describe('proposal status transitions', () => {
  it('follow SUBMITTED -> VERIFIED -> GROUND_CHECKED -> APPROVED/REJECTED, with rejection at verification', () => {
    expect(walks().map((w) => w.join('>'))).toEqual([
      'SUBMITTED>VERIFIED>GROUND_CHECKED>APPROVED',
      'SUBMITTED>VERIFIED>GROUND_CHECKED>REJECTED',
      'SUBMITTED>REJECTED',
    ]);
    expect(OPEN_STATUSES).toEqual(['SUBMITTED', 'VERIFIED', 'GROUND_CHECKED']);
  });

  it('accept exactly the pairs of the table; anything else is an INVALID_TRANSITION conflict, never a throw', () => {
    fc.assert(
      fc.property(status, status, (from, to) => {
        const result = checkTransition(from, to);
        expect(result.ok).toBe(NEXT_STATUSES[from].includes(to));
        if (!result.ok) expect(result.error).toMatchObject({ category: 'CONFLICT', reason: 'INVALID_TRANSITION', details: { from, to } });
      }),
    );
  });

  it('never leave a decided proposal, never go back, and reach a decision from every open status', () => {
    const rank = (s: ProposalStatus) => ['SUBMITTED', 'VERIFIED', 'GROUND_CHECKED'].indexOf(s);
    for (const from of PROPOSAL_STATUSES) {
      if (!isOpenStatus(from)) expect(NEXT_STATUSES[from]).toEqual([]);
      for (const to of NEXT_STATUSES[from]) if (isOpenStatus(to)) expect(rank(to)).toBeGreaterThan(rank(from));
    }
    for (const from of OPEN_STATUSES) expect(walks(from).every((w) => !isOpenStatus(w.at(-1)!))).toBe(true);
  });
});

describe('decisions', () => {
  it('approve a usulan, desil update or reactivation only after an ELIGIBLE ground check', () => {
    for (const k of ['USULAN', 'DESIL_UPDATE', 'PBI_REACTIVATION'] as const) {
      expect(checkDecision({ kind: k, status: 'GROUND_CHECKED', groundCheckOutcome: 'ELIGIBLE' }, 'APPROVED').ok).toBe(true);
      const refused = checkDecision({ kind: k, status: 'GROUND_CHECKED', groundCheckOutcome: 'NOT_ELIGIBLE' }, 'APPROVED');
      expect(refused).toMatchObject({ ok: false, error: { category: 'CONFLICT', reason: 'GROUND_CHECK_CONTRADICTS_APPROVAL' } });
    }
  });

  it('uphold a sanggah only when the check found the family ineligible or not at its address', () => {
    const approve = (o: 'ELIGIBLE' | 'NOT_ELIGIBLE' | 'ADDRESS_NOT_FOUND') =>
      checkDecision({ kind: 'SANGGAH', status: 'GROUND_CHECKED', groundCheckOutcome: o }, 'APPROVED').ok;
    expect([approve('ELIGIBLE'), approve('NOT_ELIGIBLE'), approve('ADDRESS_NOT_FOUND')]).toEqual([false, true, true]);
  });

  it('can always reject from SUBMITTED or GROUND_CHECKED whatever the outcome, and never decide from elsewhere', () => {
    fc.assert(
      fc.property(kind, status, outcome, fc.constantFrom('APPROVED' as const, 'REJECTED' as const), (k, s, o, d) => {
        const result = checkDecision({ kind: k, status: s, groundCheckOutcome: o }, d);
        if (!NEXT_STATUSES[s].includes(d)) expect(result).toMatchObject({ ok: false, error: { reason: 'INVALID_TRANSITION' } });
        else if (d === 'REJECTED' || o === null) expect(result.ok).toBe(true);
      }),
    );
  });
});

describe('submission rules per kind', () => {
  it('SANGGAH and DESIL_UPDATE concern a family in DTSEN; USULAN and PBI_REACTIVATION do not need one', () => {
    const outside = facts({ inDtsen: false });
    expect(validateSubmission(input({ kind: 'SANGGAH', programCode: 'PKH' }), outside)).toMatchObject({ ok: false, error: { category: 'INPUT', argument: 'familyId', reason: 'FAMILY_NOT_IN_DTSEN' } });
    expect(validateSubmission(input({ kind: 'DESIL_UPDATE' }), outside)).toMatchObject({ ok: false, error: { reason: 'FAMILY_NOT_IN_DTSEN' } });
    expect(validateSubmission(input({ kind: 'USULAN' }), outside).ok).toBe(true);
    expect(validateSubmission(input({ kind: 'PBI_REACTIVATION', note: 'letters' }), outside).ok).toBe(true);
  });

  it('a sanggah names the program and objects to one of its recipients', () => {
    expect(validateSubmission(input({ kind: 'SANGGAH' }), facts())).toMatchObject({ ok: false, error: { argument: 'programCode', reason: 'PROGRAM_REQUIRED' } });
    expect(validateSubmission(input({ kind: 'SANGGAH', programCode: 'SEMBAKO' }), facts({ recipientOfProgram: false }))).toMatchObject({ ok: false, error: { reason: 'NOT_A_RECIPIENT' } });
    expect(validateSubmission(input({ kind: 'SANGGAH', programCode: 'SEMBAKO' }), facts())).toEqual({ ok: true, value: { programCode: 'SEMBAKO', note: null } });
  });

  it('a desil update names no program; a PBI reactivation is about PBI_JKN (filled in when omitted)', () => {
    expect(validateSubmission(input({ kind: 'DESIL_UPDATE', programCode: 'PKH' }), facts())).toMatchObject({ ok: false, error: { reason: 'PROGRAM_NOT_ALLOWED' } });
    expect(validateSubmission(input({ kind: 'PBI_REACTIVATION', programCode: 'PKH', note: 'x' }), facts())).toMatchObject({ ok: false, error: { reason: 'PROGRAM_NOT_ALLOWED' } });
    expect(validateSubmission(input({ kind: 'PBI_REACTIVATION', note: ' S-12/2025 ' }), facts())).toEqual({ ok: true, value: { programCode: 'PBI_JKN', note: 'S-12/2025' } });
  });

  it('a PBI reactivation needs a lost membership and its letters (note)', () => {
    expect(validateSubmission(input({ kind: 'PBI_REACTIVATION', note: 'x' }), facts({ endedMembership: false }))).toMatchObject({ ok: false, error: { reason: 'NO_ENDED_MEMBERSHIP' } });
    expect(validateSubmission(input({ kind: 'PBI_REACTIVATION', note: '   ' }), facts())).toMatchObject({ ok: false, error: { argument: 'note', reason: 'NOTE_REQUIRED' } });
  });

  it('the formal path needs the berita acara (note); notes are bounded', () => {
    expect(validateSubmission(input({ path: 'FORMAL' }), facts())).toMatchObject({ ok: false, error: { argument: 'note', reason: 'NOTE_REQUIRED' } });
    expect(validateSubmission(input({ path: 'FORMAL', note: 'BA 12/Musdes/2025' }), facts()).ok).toBe(true);
    expect(validateSubmission(input({ note: 'x'.repeat(NOTE_MAX_LENGTH + 1) }), facts())).toMatchObject({ ok: false, error: { reason: 'NOTE_TOO_LONG' } });
  });

  it('a duplicate open proposal is a conflict carrying its id; input errors come first', () => {
    expect(validateSubmission(input(), facts({ openDuplicateId: 7 }))).toMatchObject({ ok: false, error: { category: 'CONFLICT', reason: 'DUPLICATE_OPEN_PROPOSAL', details: { proposalId: 7 } } });
    expect(validateSubmission(input({ kind: 'DESIL_UPDATE', programCode: 'PKH' }), facts({ openDuplicateId: 7 }))).toMatchObject({ ok: false, error: { category: 'INPUT' } });
  });

  it('accepts any input when every fact holds and the note is given, keeping an allowed program', () => {
    fc.assert(
      fc.property(kind, fc.constantFrom(...PROPOSAL_PATHS), program, (k, p, code) => {
        const result = validateSubmission(input({ kind: k, path: p, programCode: code, note: 'BA' }), facts());
        const allowed: Record<typeof k, (c: ProgramCode | null) => boolean> = {
          USULAN: () => true, SANGGAH: (c) => c !== null, DESIL_UPDATE: (c) => c === null, PBI_REACTIVATION: (c) => c === null || c === 'PBI_JKN',
        };
        expect(result.ok).toBe(allowed[k](code));
        if (result.ok && k !== 'PBI_REACTIVATION') expect(result.value.programCode).toBe(code);
      }),
    );
  });
});
