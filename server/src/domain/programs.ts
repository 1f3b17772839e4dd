/**
 * Program targeting rules as data (Kepmensos 79/HUK/2025, diktum keempat). Changing a rule by decree means
 * changing this table (and re-seeding), never adding an `if` elsewhere.
 */
export type ProgramUnit = 'FAMILY' | 'INDIVIDUAL';

export interface ProgramRule {
  code: ProgramCode;
  name: string;
  unit: ProgramUnit;
  desilMin: number;
  desilMax: number;
  /** National quota in units (families or individuals); null when set by assessment. */
  nationalQuota: number | null;
  maxYears: number | null;
  admitsOutsideDtsen: boolean;
  legalBasis: string;
  sortOrder: number;
}

export type ProgramCode = 'PKH' | 'SEMBAKO' | 'PBI_JKN' | 'ATENSI' | 'PIP';

const KEPMENSOS_79 = 'Kepmensos 79/HUK/2025 diktum keempat';

export const PROGRAMS: readonly ProgramRule[] = [
  {
    code: 'PKH', name: 'Program Keluarga Harapan', unit: 'FAMILY', desilMin: 1, desilMax: 4,
    nationalQuota: 10_000_000, maxYears: 5, admitsOutsideDtsen: true, legalBasis: KEPMENSOS_79, sortOrder: 1,
  },
  {
    code: 'SEMBAKO', name: 'Program Sembako (BPNT)', unit: 'FAMILY', desilMin: 1, desilMax: 5,
    nationalQuota: 18_300_000, maxYears: null, admitsOutsideDtsen: false, legalBasis: KEPMENSOS_79, sortOrder: 2,
  },
  {
    code: 'PBI_JKN', name: 'Penerima Bantuan Iuran Jaminan Kesehatan Nasional', unit: 'INDIVIDUAL', desilMin: 1,
    desilMax: 5, nationalQuota: 96_000_000, maxYears: null, admitsOutsideDtsen: false, legalBasis: KEPMENSOS_79,
    sortOrder: 3,
  },
  {
    code: 'ATENSI', name: 'Asistensi Rehabilitasi Sosial', unit: 'INDIVIDUAL', desilMin: 1, desilMax: 5,
    nationalQuota: null, maxYears: null, admitsOutsideDtsen: true, legalBasis: KEPMENSOS_79, sortOrder: 4,
  },
  {
    code: 'PIP', name: 'Program Indonesia Pintar', unit: 'INDIVIDUAL', desilMin: 1, desilMax: 5,
    nationalQuota: null, maxYears: null, admitsOutsideDtsen: false, legalBasis: KEPMENSOS_79, sortOrder: 5,
  },
];

export function programByCode(code: ProgramCode): ProgramRule {
  const rule = PROGRAMS.find((p) => p.code === code);
  if (!rule) throw new Error(`unknown program ${code}`);
  return rule;
}

/** True when a desil lies in the program's eligible range. */
export function desilInRange(rule: Pick<ProgramRule, 'desilMin' | 'desilMax'>, desil: number): boolean {
  return desil >= rule.desilMin && desil <= rule.desilMax;
}
