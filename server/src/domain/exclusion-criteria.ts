/**
 * Exclusion criteria ("tidak layak") as data: Kepmensos 73/2024 and 79/2025 as amended by 190/2025.
 * `excludesFamily` marks criteria that also exclude the person's family (e.g. a civil servant's household).
 */
export interface ExclusionCriterionRule {
  code: ExclusionCriterionCode;
  nameId: string;
  nameEn: string;
  excludesFamily: boolean;
  detectedBy: string;
  sortOrder: number;
}

export type ExclusionCriterionCode =
  | 'ADDRESS_NOT_FOUND'
  | 'PERSON_NOT_FOUND'
  | 'DECEASED'
  | 'ASN_TNI_POLRI'
  | 'FAMILY_OF_ASN_TNI_POLRI'
  | 'RETIRED_ASN_TNI_POLRI'
  | 'WELL_OFF'
  | 'SOCIAL_WELFARE_STAFF'
  | 'CERTIFIED_TEACHER'
  | 'STATE_BUDGET_INCOME'
  | 'REFUSED_ASSISTANCE'
  | 'INCOME_ABOVE_MINIMUM_WAGE'
  | 'COMPANY_OWNER'
  | 'COMPANY_EXECUTIVE'
  | 'HEALTH_WORKER'
  | 'VILLAGE_OFFICIAL'
  | 'NEGATIVE_LIST_GAMBLING';

const rows: Array<[ExclusionCriterionCode, string, string, boolean, string]> = [
  ['ADDRESS_NOT_FOUND', 'Alamat tidak ditemukan', 'Address not found', true, 'Ground check (SIKS-MA)'],
  ['PERSON_NOT_FOUND', 'Orang tidak ditemukan', 'Person not found', false, 'Ground check (SIKS-MA)'],
  ['DECEASED', 'Meninggal dunia', 'Deceased', false, 'Dukcapil'],
  ['ASN_TNI_POLRI', 'ASN/TNI/Polri/pegawai BUMN/BUMD/pejabat negara', 'Civil servant, military, police, SOE employee or state official', true, 'BKN, TNI/Polri, BUMN/BUMD payroll'],
  ['FAMILY_OF_ASN_TNI_POLRI', 'Anggota keluarga ASN/TNI/Polri/BUMN/BUMD/pejabat', 'Family member of a civil servant, military, police, SOE employee or official', true, 'BKN via Dukcapil KK'],
  ['RETIRED_ASN_TNI_POLRI', 'Pensiunan ASN/TNI/Polri', 'Retired civil servant, military or police', true, 'Taspen, Asabri'],
  ['WELL_OFF', 'Sudah mampu / tidak sesuai pedoman program', 'Already well-off or not meeting the program guidelines', true, 'Ground check, BPS ranking'],
  ['SOCIAL_WELFARE_STAFF', 'Pendamping PKH, pendamping rehabilitasi sosial, TKSK atau keluarganya', 'Social-welfare staff (PKH facilitator, rehabilitation facilitator, TKSK) or their family', true, 'Kemensos HR data'],
  ['CERTIFIED_TEACHER', 'Guru bersertifikasi', 'Certified teacher', true, 'Kemendikdasmen Dapodik'],
  ['STATE_BUDGET_INCOME', 'Berpenghasilan tetap dari APBN/APBD', 'Routine income from the state or regional budget', true, 'Treasury payroll'],
  ['REFUSED_ASSISTANCE', 'Menolak bantuan', 'Refused assistance', true, 'Ground check, Cek Bansos'],
  ['INCOME_ABOVE_MINIMUM_WAGE', 'Penghasilan di atas UMP/UMK', 'Income above the provincial/regency minimum wage', true, 'BPJS Ketenagakerjaan wage data'],
  ['COMPANY_OWNER', 'Pemilik atau pengurus perusahaan terdaftar', 'Registered company owner or manager', true, 'AHU (Kemenkum), OSS'],
  ['COMPANY_EXECUTIVE', 'Direksi/komisaris perusahaan', 'Company executive', true, 'AHU (Kemenkum)'],
  ['HEALTH_WORKER', 'Tenaga kesehatan di fasilitas kesehatan', 'Health worker at a health facility', true, 'SISDMK (Kemenkes)'],
  ['VILLAGE_OFFICIAL', 'Perangkat desa aktif', 'Active village official', true, 'Kemendesa Siskeudes'],
  ['NEGATIVE_LIST_GAMBLING', 'Terlibat judi (daftar negatif judol)', 'Involved in gambling (negative list)', true, 'PPATK'],
];

export const EXCLUSION_CRITERIA: readonly ExclusionCriterionRule[] = rows.map(
  ([code, nameId, nameEn, excludesFamily, detectedBy], i) => ({ code, nameId, nameEn, excludesFamily, detectedBy, sortOrder: i + 1 }),
);
