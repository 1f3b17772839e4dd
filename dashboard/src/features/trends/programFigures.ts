// Program facts the trends view needs: the unit a program counts, and how its recipient families overlap
// with the other programs (from the program-combination counts).
import { PROGRAM_CODES, type ProgramCodeValue } from '../../app/url-state';
import type { TrendsProgramOverlapQuery } from '../../generated/graphql';
import { shareOrNull, sumOrNull } from '../../shared/small-cells';

export type ProgramUnit = 'families' | 'individuals';

/** Units of coverage and churn: families for PKH and SEMBAKO, individuals for the others (schema docs). */
export function programUnit(code: ProgramCodeValue): ProgramUnit {
  return code === 'PKH' || code === 'SEMBAKO' ? 'families' : 'individuals';
}

/** Null = withheld (a sum over a small cell). */
export interface ProgramOverlap {
  /** Families receiving the program. */
  families: number | null;
  /** Of them, receiving no other program. */
  onlyThis: number | null;
  /** Per other program, the families also receiving it and their share of `families`. */
  others: { program: ProgramCodeValue; families: number | null; share: number | null }[];
}

type Combination = TrendsProgramOverlapQuery['programOverlap']['combinations'][number];

export function overlapOf(combinations: readonly Combination[], program: ProgramCodeValue): ProgramOverlap {
  const withProgram = combinations.filter((combination) => combination.programs.includes(program));
  const families = sumOrNull(withProgram.map((combination) => combination.families));
  const onlyThis = sumOrNull(withProgram.filter((combination) => combination.programs.length === 1).map((c) => c.families));
  const others = PROGRAM_CODES.filter((code) => code !== program).map((code) => {
    const also = sumOrNull(withProgram.filter((combination) => combination.programs.includes(code)).map((c) => c.families));
    return { program: code, families: also, share: shareOrNull(also, families) };
  });
  return { families, onlyThis, others };
}
