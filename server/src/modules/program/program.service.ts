import type { AtlasPrisma } from '../../db/prisma.js';
import type { ExclusionCriterionCode } from '../../domain/exclusion-criteria.js';
import type { ExclusionCriterionView, ProgramView } from './program.type.js';

/** Social-assistance programs and their targeting rules (data, not code). */
export class ProgramService {
  constructor(private readonly prisma: AtlasPrisma) {}

  /** All programs in display order. */
  async listPrograms(): Promise<ProgramView[]> {
    return this.prisma.program.findMany({
      select: {
        code: true,
        name: true,
        unit: true,
        desilMin: true,
        desilMax: true,
        nationalQuota: true,
        maxYears: true,
        admitsOutsideDtsen: true,
        legalBasis: true,
      },
      orderBy: [{ sortOrder: 'asc' }, { code: 'asc' }],
    });
  }

  /** The exclusion criteria in display order (the decree's order). */
  async listExclusionCriteria(): Promise<ExclusionCriterionView[]> {
    const rows = await this.prisma.exclusionCriterion.findMany({
      select: { code: true, nameId: true, nameEn: true, excludesFamily: true, detectedBy: true },
      orderBy: [{ sortOrder: 'asc' }, { code: 'asc' }],
    });
    // The table is written from domain/exclusion-criteria.ts, whose codes the GraphQL enum lists.
    return rows.map((r) => ({ ...r, code: r.code as ExclusionCriterionCode }));
  }
}
