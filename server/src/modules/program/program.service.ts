import type { AtlasPrisma } from '../../db/prisma.js';
import type { ProgramView } from './program.type.js';

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
}
