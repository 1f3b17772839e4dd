import type { AtlasPrisma } from '../../db/prisma.js';
import { deriveIdentifierKeys, protectIdentifier } from '../../domain/identifiers.js';

/** The data key of test databases (fixed, so that specs can hash, seal and open identifiers themselves). */
export const TEST_DATA_KEY = Buffer.alloc(32, 7);
/** Identifier keys derived from {@link TEST_DATA_KEY}. */
export const testIdentifierKeys = deriveIdentifierKeys(TEST_DATA_KEY);

/** The stored columns of a KK (hash, masked form, sealed value) under the test key, for `prisma.family` data. */
export function storedKk(kk: string): { kkHash: string; kkMasked: string; kkSealed: string } {
  const stored = protectIdentifier(testIdentifierKeys, kk);
  return { kkHash: stored.hash, kkMasked: stored.masked, kkSealed: stored.sealed };
}

/** The stored columns of a NIK under the test key, for `prisma.individual` data. */
export function storedNik(nik: string): { nikHash: string; nikMasked: string; nikSealed: string } {
  const stored = protectIdentifier(testIdentifierKeys, nik);
  return { nikHash: stored.hash, nikMasked: stored.masked, nikSealed: stored.sealed };
}

/**
 * A small but realistic DTSEN slice: real Kemendagri regions (nation → Jawa Barat → Kabupaten Bogor → Cibinong →
 * Pondok Rajeg ...), two published versions and a draft, three families (one that moves and changes desil between
 * versions, one DTKS family, one NON_DTSEN family) and rollup rows. Personal data is synthetic.
 */
export const fixture = {
  regions: [
    { code: 'ID', name: 'Indonesia', level: 'NATION', parentCode: null, provinceCode: null, regencyCode: null },
    { code: '32', name: 'Jawa Barat', level: 'PROVINCE', parentCode: 'ID', provinceCode: '32', regencyCode: null },
    { code: '33', name: 'Jawa Tengah', level: 'PROVINCE', parentCode: 'ID', provinceCode: '33', regencyCode: null },
    { code: '35', name: 'Jawa Timur', level: 'PROVINCE', parentCode: 'ID', provinceCode: '35', regencyCode: null },
    { code: '32.01', name: 'Kabupaten Bogor', level: 'REGENCY', parentCode: '32', provinceCode: '32', regencyCode: '32.01' },
    { code: '32.73', name: 'Kota Bandung', level: 'REGENCY', parentCode: '32', provinceCode: '32', regencyCode: '32.73' },
    { code: '33.74', name: 'Kota Semarang', level: 'REGENCY', parentCode: '33', provinceCode: '33', regencyCode: '33.74' },
    { code: '32.01.01', name: 'Cibinong', level: 'DISTRICT', parentCode: '32.01', provinceCode: '32', regencyCode: '32.01' },
    { code: '32.01.02', name: 'Gunungputri', level: 'DISTRICT', parentCode: '32.01', provinceCode: '32', regencyCode: '32.01' },
    { code: '32.73.01', name: 'Sukasari', level: 'DISTRICT', parentCode: '32.73', provinceCode: '32', regencyCode: '32.73' },
    { code: '32.01.01.1001', name: 'Pondok Rajeg', level: 'VILLAGE', parentCode: '32.01.01', provinceCode: '32', regencyCode: '32.01' },
    { code: '32.01.01.1002', name: 'Karadenan', level: 'VILLAGE', parentCode: '32.01.01', provinceCode: '32', regencyCode: '32.01' },
    { code: '32.01.02.2001', name: 'Wanaherang', level: 'VILLAGE', parentCode: '32.01.02', provinceCode: '32', regencyCode: '32.01' },
    { code: '32.73.01.1001', name: 'Sukarasa', level: 'VILLAGE', parentCode: '32.73.01', provinceCode: '32', regencyCode: '32.73' },
  ],
  versions: [
    { id: 1, label: '2025-Q2', status: 'PUBLISHED', publishedAt: new Date('2025-05-15T00:00:00Z') },
    { id: 2, label: '2025-Q3', status: 'PUBLISHED', publishedAt: new Date('2025-08-15T00:00:00Z') },
    { id: 3, label: '2025-Q4', status: 'DRAFT', publishedAt: null },
  ],
  families: [
    { id: 1, kk: '3201011203150007', villageCode: '32.01.01.1001', regencyCode: '32.01', source: 'REGSOSEK', firstVersionId: 1 },
    { id: 2, kk: '3273012506180002', villageCode: '32.73.01.1001', regencyCode: '32.73', source: 'DTKS', firstVersionId: 1 },
    { id: 3, kk: '3201020101200009', villageCode: '32.01.02.2001', regencyCode: '32.01', source: 'NON_DTSEN', firstVersionId: 1 },
  ],
  individuals: [
    // Family 1: the grandmother dies before version 2, a child is born in version 2.
    { id: 1, familyId: 1, nik: '3201011508800003', name: 'Bambang Sutrisno', relationship: 'HEAD', sex: 'MALE', birthDate: '1980-08-15', fromVersionId: 1, toVersionId: null },
    { id: 2, familyId: 1, nik: '3201015203850001', name: 'Siti Aminah', relationship: 'SPOUSE', sex: 'FEMALE', birthDate: '1985-03-12', fromVersionId: 1, toVersionId: null },
    { id: 3, familyId: 1, nik: '3201014109400002', name: 'Suharti Wulandari', relationship: 'PARENT', sex: 'FEMALE', birthDate: '1940-09-01', fromVersionId: 1, toVersionId: 2, deceased: true },
    { id: 4, familyId: 1, nik: '3201010207250004', name: 'Rizki Pratama', relationship: 'CHILD', sex: 'MALE', birthDate: '2025-07-02', fromVersionId: 2, toVersionId: null },
    { id: 5, familyId: 2, nik: '3273016611700005', name: 'Dewi Lestari', relationship: 'HEAD', sex: 'FEMALE', birthDate: '1970-11-26', fromVersionId: 1, toVersionId: null },
    { id: 6, familyId: 3, nik: '3201021010900006', name: 'Agus Salim', relationship: 'HEAD', sex: 'MALE', birthDate: '1990-10-10', fromVersionId: 1, toVersionId: null },
  ],
  programs: [
    { code: 'PKH', name: 'Program Keluarga Harapan', unit: 'FAMILY', desilMin: 1, desilMax: 4, nationalQuota: 10_000_000, maxYears: 5, admitsOutsideDtsen: true, legalBasis: 'Kepmensos 79/HUK/2025', sortOrder: 1 },
    { code: 'SEMBAKO', name: 'Program Sembako', unit: 'FAMILY', desilMin: 1, desilMax: 5, nationalQuota: 18_300_000, maxYears: null, admitsOutsideDtsen: false, legalBasis: 'Kepmensos 79/HUK/2025', sortOrder: 2 },
    { code: 'PBI_JKN', name: 'Penerima Bantuan Iuran Jaminan Kesehatan Nasional', unit: 'INDIVIDUAL', desilMin: 1, desilMax: 5, nationalQuota: 96_000_000, maxYears: null, admitsOutsideDtsen: false, legalBasis: 'Kepmensos 79/HUK/2025', sortOrder: 3 },
    { code: 'ATENSI', name: 'Asistensi Rehabilitasi Sosial', unit: 'INDIVIDUAL', desilMin: 1, desilMax: 5, nationalQuota: null, maxYears: null, admitsOutsideDtsen: true, legalBasis: 'Kepmensos 79/HUK/2025', sortOrder: 4 },
  ],
} as const;

/** Clear personal values of the fixture: none of them may ever appear in an API response. */
export const clearPersonalData: readonly string[] = [
  ...fixture.families.map((f) => f.kk),
  ...fixture.individuals.flatMap((i) => [i.nik, i.name, ...i.name.split(' ')]),
];

/** Families per desil 1..10 at the nation in version 2 (desil 6 and 9 deliberately absent: zero buckets). */
export const nationV2Families = [120, 110, 100, 95, 90, 0, 80, 70, 0, 40];
export const nationV2Individuals = [480, 430, 390, 360, 330, 0, 280, 240, 0, 120];
/** Families per desil at Kabupaten Bogor (32.01) in version 2. */
export const bogorV2Families = [12, 11, 9, 8, 7, 6, 5, 4, 3, 1];
export const bogorV2Individuals = [50, 44, 35, 30, 26, 21, 17, 13, 9, 3];

const baseState = {
  memberCount: 3,
  incomeMonthly: 2_100_000,
  wallType: 'MASONRY',
  floorType: 'CEMENT',
  roofType: 'TILE',
  floorAreaM2: 36,
  electricityVa: 900,
  waterSource: 'PROTECTED_WELL',
  sanitation: 'PRIVATE_SEPTIC',
  cookingFuel: 'LPG_3KG',
  houseOwnership: 'OWNED',
  landM2: 0,
  motorcycles: 1,
  cars: 0,
  goldGrams: 0,
  savingsRp: 500_000,
  loansRp: 0,
  groundCheckStatus: 'NOT_CHECKED',
} as const;

/** Inserts the fixture through the Prisma client. */
export async function seedFixture(prisma: AtlasPrisma, options: { publish: boolean } = { publish: true }): Promise<void> {
  // Parents before children (self-referencing foreign key).
  for (const region of fixture.regions) await prisma.region.create({ data: region });
  // Versions start as drafts: a published version is immutable (database triggers), so its data goes in first.
  await prisma.dtsenVersion.createMany({ data: fixture.versions.map((v) => ({ ...v, status: 'DRAFT' as const, publishedAt: null })) });
  await prisma.family.createMany({ data: fixture.families.map(({ kk, ...family }) => ({ ...family, ...storedKk(kk) })) });
  await prisma.individual.createMany({
    data: fixture.individuals.map((i) => ({
      id: i.id,
      familyId: i.familyId,
      ...storedNik(i.nik),
      name: i.name,
      relationship: i.relationship,
      sex: i.sex,
      birthDate: new Date(`${i.birthDate}T00:00:00Z`),
      education: i.relationship === 'CHILD' ? 'NONE' : 'SENIOR_SECONDARY',
      workStatus: i.relationship === 'HEAD' ? 'WORKING' : 'NOT_IN_LABOUR_FORCE',
      workSector: i.relationship === 'HEAD' ? 'TRADE' : 'NONE',
      disability: false,
      chronicIllness: i.relationship === 'PARENT',
      deceased: 'deceased' in i ? i.deceased : false,
      fromVersionId: i.fromVersionId,
      toVersionId: i.toVersionId,
    })),
  });
  await prisma.familyState.createMany({
    data: [
      // Family 1: desil 2 in Pondok Rajeg in version 1; moves to Wanaherang and becomes desil 3 in version 2.
      { ...baseState, id: 1, familyId: 1, validFromVersionId: 1, validToVersionId: 2, villageCode: '32.01.01.1001', regencyCode: '32.01', memberCount: 3, pmtScore: 13.1, nationalRank: 14_200_000, desil: 2 },
      { ...baseState, id: 2, familyId: 1, validFromVersionId: 2, validToVersionId: null, villageCode: '32.01.02.2001', regencyCode: '32.01', memberCount: 3, incomeMonthly: 2_600_000, electricityVa: 1300, pmtScore: 13.4, nationalRank: 25_800_000, desil: 3, groundCheckStatus: 'CONFIRMED' },
      // Family 2: one state open since version 1.
      { ...baseState, id: 3, familyId: 2, validFromVersionId: 1, validToVersionId: null, villageCode: '32.73.01.1001', regencyCode: '32.73', memberCount: 1, incomeMonthly: 4_800_000, pmtScore: 14.2, nationalRank: 61_000_000, desil: 7 },
      // Family 3 is NON_DTSEN: no state.
    ],
  });
  await prisma.program.createMany({ data: [...fixture.programs] });

  const rollup = (versionId: number, regionCode: string, families: number[], individuals: number[]) =>
    families.flatMap((count, i) =>
      count === 0 ? [] : [{ versionId, regionCode, desil: i + 1, families: count, individuals: individuals[i] ?? 0 }],
    );
  await prisma.desilRollup.createMany({
    data: [
      ...rollup(1, 'ID', [100, 100, 100, 100, 100, 100, 100, 100, 100, 100], [400, 400, 400, 400, 400, 400, 400, 400, 400, 400]),
      ...rollup(2, 'ID', nationV2Families, nationV2Individuals),
      ...rollup(2, '32.01', bogorV2Families, bogorV2Individuals),
    ],
  });
  for (const v of fixture.versions) {
    if (options.publish && v.status === 'PUBLISHED') await prisma.dtsenVersion.update({ where: { id: v.id }, data: { status: v.status, publishedAt: v.publishedAt } });
  }
}
