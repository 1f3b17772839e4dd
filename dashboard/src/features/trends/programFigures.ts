// Program facts the trends view needs: the unit a program counts, and how its recipient families overlap
// with the other programs (from the program-combination counts).
import { PROGRAM_CODES, type ProgramCodeValue } from '../../app/url-state';
import type { TrendsProgramOverlapQuery } from '../../generated/graphql';

export type ProgramUnit = 'families' | 'individuals';

/** Units of coverage and churn: families for PKH and SEMBAKO, individuals for the others (schema docs). */
export function programUnit(code: ProgramCodeValue): ProgramUnit {
  return code === 'PKH' || code === 'SEMBAKO' ? 'families' : 'individuals';
}

export interface ProgramOverlap {
  /** Families receiving the program. */
  families: number;
  /** Of them, receiving no other program. */
  onlyThis: number;
  /** Per other program, the families also receiving it and their share of `families`. */
  others: { program: ProgramCodeValue; families: number; share: number }[];
}

type Combination = TrendsProgramOverlapQuery['programOverlap']['combinations'][number];

export function overlapOf(combinations: readonly Combination[], program: ProgramCodeValue): ProgramOverlap {
  const withProgram = combinations.filter((combination) => combination.programs.includes(program));
  const families = withProgram.reduce((sum, combination) => sum + combination.families, 0);
  const onlyThis = withProgram.filter((combination) => combination.programs.length === 1).reduce((sum, c) => sum + c.families, 0);
  const others = PROGRAM_CODES.filter((code) => code !== program).map((code) => {
    const also = withProgram.filter((combination) => combination.programs.includes(code)).reduce((sum, c) => sum + c.families, 0);
    return { program: code, families: also, share: families === 0 ? 0 : also / families };
  });
  return { families, onlyThis, others };
}
