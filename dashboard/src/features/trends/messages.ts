import type { ChurnCategory, PbiReactivationCondition } from '../../generated/graphql';
import type { ProgramCodeValue } from '../../app/url-state';
import { defineMessages } from '../../shared/i18n';

const PROGRAM_NAMES: Readonly<Record<ProgramCodeValue, string>> = {
  PKH: 'PKH',
  SEMBAKO: 'Sembako',
  PBI_JKN: 'PBI-JKN',
  PIP: 'PIP',
  ATENSI: 'ATENSI',
};

const CATEGORIES_ID: Readonly<Record<ChurnCategory, string>> = {
  CARRY_OVER: 'Bawaan daftar lama (DTKS)',
  QUOTA_FILL: 'Pengisian kuota dari DTSEN',
  NEW_PROPOSAL: 'Usulan baru',
  REACTIVATION: 'Reaktivasi PBI-JKN',
  GRADUATION: 'Graduasi (sudah sejahtera)',
  RERANKING: 'Pemeringkatan ulang',
  EXCLUSION_CRITERION: 'Kriteria tidak layak',
  NEGATIVE_LIST: 'Daftar negatif (judol)',
  DEATH: 'Meninggal',
  OUTSIDE_DTSEN: 'Di luar DTSEN',
  MAX_DURATION: 'Batas masa kepesertaan',
  MOVE: 'Pindah / keluar KK',
};

const CATEGORIES_EN: Readonly<Record<ChurnCategory, string>> = {
  CARRY_OVER: 'Carried over (DTKS list)',
  QUOTA_FILL: 'Quota filled from DTSEN',
  NEW_PROPOSAL: 'New proposal',
  REACTIVATION: 'PBI-JKN reactivation',
  GRADUATION: 'Graduation (better off)',
  RERANKING: 'Re-ranking',
  EXCLUSION_CRITERION: 'Exclusion criterion',
  NEGATIVE_LIST: 'Negative list (gambling)',
  DEATH: 'Death',
  OUTSIDE_DTSEN: 'Outside DTSEN',
  MAX_DURATION: 'Maximum membership reached',
  MOVE: 'Moved / left the family card',
};

const CONDITIONS_ID: Readonly<Record<PbiReactivationCondition, string>> = {
  REMOVED_SINCE_MAY_2025: 'Dinonaktifkan sejak Mei 2025',
  URGENT_ILLNESS: 'Membutuhkan layanan kesehatan mendesak',
  VERIFIED_POOR_OR_VULNERABLE: 'Terverifikasi miskin/rentan (desil 1–5)',
  HEALTH_FACILITY_LETTER: 'Surat keterangan fasilitas kesehatan',
  DATA_UPDATED_IN_TIME: 'Data diperbarui dalam dua periode',
};

const CONDITIONS_EN: Readonly<Record<PbiReactivationCondition, string>> = {
  REMOVED_SINCE_MAY_2025: 'Removed since May 2025',
  URGENT_ILLNESS: 'Needs urgent care',
  VERIFIED_POOR_OR_VULNERABLE: 'Verified poor/vulnerable (desil 1–5)',
  HEALTH_FACILITY_LETTER: 'Health-facility letter',
  DATA_UPDATED_IN_TIME: 'Data updated within two periods',
};

const desilId = (desil: number) => (desil === 0 ? 'Di luar DTSEN' : `Desil ${desil}`);
const desilEn = (desil: number) => (desil === 0 ? 'Not in DTSEN' : `Desil ${desil}`);

export const trendsMessages = defineMessages(
  {
    title: (program: string, region: string, version: string) => `Tren ${program} · ${region} · ${version}`,
    titleLoading: 'Tren program',
    programName: (code: ProgramCodeValue) => PROGRAM_NAMES[code],
    unitFamilies: 'keluarga',
    unitIndividuals: 'jiwa',
    intro: (program: string, unit: string) =>
      `Cakupan, kebocoran, keluar-masuk penerima ${program} dan perpindahan desil antarversi DTSEN. Satuan: ${unit}.`,

    coverageHeading: 'Cakupan dan kebocoran per versi',
    coverageCaption: (program: string) => `Cakupan dan kebocoran ${program} per versi DTSEN`,
    coverageAria: (program: string, first: string, last: string) =>
      `Diagram garis cakupan dan kebocoran ${program} dari ${first} sampai ${last}. Rincian angka ada pada tabel di bawahnya.`,
    coverageLine: 'Cakupan',
    leakageLine: 'Kebocoran',
    coverageHelp:
      'Cakupan = penerima yang layak ÷ seluruh yang layak. Kebocoran = penerima yang tidak layak (termasuk yang menunggu cek lapangan) ÷ seluruh penerima.',
    coverageChange: (from: string, to: string, coverage: string, leakage: string) =>
      `Dari ${from} ke ${to}: cakupan ${coverage}, kebocoran ${leakage}.`,
    coverageTableCaption: (program: string, unit: string) => `Sasaran dan penerima ${program} per versi DTSEN (${unit})`,
    colVersion: 'Versi',
    colEligible: 'Layak',
    colRecipients: 'Penerima',
    colEligibleRecipients: 'Penerima layak',
    colCoverage: 'Cakupan',
    colLeakage: 'Kebocoran',
    colInclusion: 'Salah sasaran (inklusi)',
    colExclusion: 'Belum terjangkau (eksklusi)',
    colPending: 'Menunggu cek lapangan',
    currentMarker: 'versi terpilih',
    coverageEmpty: 'Belum ada titik cakupan untuk pilihan ini.',

    churnHeading: 'Penerima masuk dan keluar antarversi',
    churnCaption: (program: string, unit: string) => `${unit} masuk (ke atas) dan keluar (ke bawah) ${program} per pergantian versi, menurut alasan`,
    churnAria: (program: string) =>
      `Diagram batang bertumpuk penerima ${program} yang masuk dan keluar per pergantian versi DTSEN. Rincian angka ada pada tabel di bawahnya.`,
    churnSummary: (from: string, to: string, atFrom: string, atTo: string, net: string) =>
      `Penerima ${from}: ${atFrom} → ${to}: ${atTo} (perubahan bersih ${net}).`,
    churnOther: (count: string) => `${count} karena keluarga pindah melintasi batas wilayah tanpa keluar dari program.`,
    churnNoPrevious: 'Belum ada versi sebelumnya untuk dibandingkan.',
    churnEmpty: 'Tidak ada penerima yang masuk atau keluar pada rentang ini.',
    churnTableCaption: (program: string, unit: string) => `Penerima ${program} masuk dan keluar per pergantian versi, menurut alasan (${unit})`,
    colDirection: 'Arah',
    colReason: 'Alasan',
    colSpanTotal: 'Seluruh rentang',
    entry: 'Masuk',
    exit: 'Keluar',
    netRow: 'Perubahan bersih',
    totalEntries: 'Jumlah masuk',
    totalExits: 'Jumlah keluar',
    category: (category: ChurnCategory) => CATEGORIES_ID[category],

    transitionsHeading: 'Perpindahan desil keluarga antarversi',
    fromLabel: 'Dari versi',
    toLabel: 'Ke versi',
    transitionsNeedTwo: 'Perbandingan desil memerlukan sedikitnya dua versi yang diterbitkan.',
    stayed: 'Tetap di desil yang sama',
    movedUp: 'Naik desil (lebih sejahtera)',
    movedDown: 'Turun desil (lebih miskin)',
    entered: 'Baru masuk DTSEN',
    left: 'Keluar dari DTSEN',
    ofInBoth: (count: string) => `dari ${count} keluarga di kedua versi`,
    families: (count: string) => `${count} keluarga`,
    heatCaption: (from: string, to: string) =>
      `Perpindahan keluarga dari desil di ${from} (baris) ke desil di ${to} (kolom). Warna: persentase dari baris; angka kecil: jumlah keluarga.`,
    heatCorner: (from: string, to: string) => `${from} ↓ · ${to} →`,
    desil: desilId,
    rowHeader: (desil: number) => (desil === 0 ? 'Baru masuk DTSEN' : `Desil ${desil}`),
    columnHeader: (desil: number) => (desil === 0 ? 'Keluar DTSEN' : `D${desil}`),
    columnHeaderFull: (desil: number) => (desil === 0 ? 'Keluar dari DTSEN' : `Desil ${desil}`),
    rowTotal: 'Jumlah baris',
    cellTitle: (from: number, to: number, families: string, share: string) =>
      `${desilId(from)} → ${desilId(to)}: ${families} keluarga (${share} dari baris)`,
    heatLegend: 'Persentase dari baris',
    heatLegendFrom: (share: string) => `> ${share}`,
    transitionsSourceBase: 'Dihitung langsung dari data keluarga (bukan dari rekap publikasi).',

    programFiguresHeading: (version: string) => `Angka program pada ${version}`,
    pkhTitle: (years: number) => `Kepesertaan PKH ${years} tahun`,
    pkhReached: (years: number) => `telah mencapai batas ${years} tahun`,
    pkhOf: (total: string) => `dari ${total} keluarga penerima`,
    pkhNotAtVillage: 'Angka masa kepesertaan tersedia sampai tingkat kecamatan.',
    pbiTitle: 'Reaktivasi PBI-JKN',
    pbiRemoved: 'Dinonaktifkan (masih hidup)',
    pbiReactivated: 'Sudah direaktivasi',
    pbiEligible: 'Memenuhi semua syarat, belum direaktivasi',
    pbiOverdue: 'Reaktivasi tanpa pembaruan data tepat waktu',
    pbiUnmet: 'Syarat yang belum dipenuhi (jiwa)',
    condition: (condition: PbiReactivationCondition) => CONDITIONS_ID[condition],
    overlapTitle: (program: string) => `Penerima ${program} yang juga menerima program lain`,
    overlapFamilies: (count: string) => `${count} keluarga penerima`,
    overlapOnly: (share: string) => `${share} hanya menerima program ini`,
    overlapNotAtVillage: 'Angka tumpang-tindih program tersedia sampai tingkat kecamatan.',
  },
  {
    title: (program: string, region: string, version: string) => `${program} trends · ${region} · ${version}`,
    titleLoading: 'Program trends',
    programName: (code: ProgramCodeValue) => PROGRAM_NAMES[code],
    unitFamilies: 'families',
    unitIndividuals: 'people',
    intro: (program: string, unit: string) =>
      `Coverage, leakage, ${program} entries and exits, and desil movements across DTSEN versions. Unit: ${unit}.`,

    coverageHeading: 'Coverage and leakage per version',
    coverageCaption: (program: string) => `${program} coverage and leakage per DTSEN version`,
    coverageAria: (program: string, first: string, last: string) =>
      `Line chart of ${program} coverage and leakage from ${first} to ${last}. The figures are in the table below.`,
    coverageLine: 'Coverage',
    leakageLine: 'Leakage',
    coverageHelp:
      'Coverage = eligible recipients ÷ all eligible. Leakage = ineligible recipients (including those awaiting a ground check) ÷ all recipients.',
    coverageChange: (from: string, to: string, coverage: string, leakage: string) =>
      `From ${from} to ${to}: coverage ${coverage}, leakage ${leakage}.`,
    coverageTableCaption: (program: string, unit: string) => `${program} targets and recipients per DTSEN version (${unit})`,
    colVersion: 'Version',
    colEligible: 'Eligible',
    colRecipients: 'Recipients',
    colEligibleRecipients: 'Eligible recipients',
    colCoverage: 'Coverage',
    colLeakage: 'Leakage',
    colInclusion: 'Inclusion errors',
    colExclusion: 'Exclusion errors',
    colPending: 'Awaiting ground check',
    currentMarker: 'selected version',
    coverageEmpty: 'No coverage figures for this selection yet.',

    churnHeading: 'Recipients entering and leaving between versions',
    churnCaption: (program: string, unit: string) => `${unit} entering (up) and leaving (down) ${program} per version step, by reason`,
    churnAria: (program: string) =>
      `Stacked bar chart of ${program} recipients entering and leaving per DTSEN version step. The figures are in the table below.`,
    churnSummary: (from: string, to: string, atFrom: string, atTo: string, net: string) =>
      `Recipients ${from}: ${atFrom} → ${to}: ${atTo} (net change ${net}).`,
    churnOther: (count: string) => `${count} from families moving across the region's border while staying in the program.`,
    churnNoPrevious: 'There is no earlier version to compare with yet.',
    churnEmpty: 'No recipient entered or left in this span.',
    churnTableCaption: (program: string, unit: string) => `${program} recipients entering and leaving per version step, by reason (${unit})`,
    colDirection: 'Direction',
    colReason: 'Reason',
    colSpanTotal: 'Whole span',
    entry: 'Entry',
    exit: 'Exit',
    netRow: 'Net change',
    totalEntries: 'Total entries',
    totalExits: 'Total exits',
    category: (category: ChurnCategory) => CATEGORIES_EN[category],

    transitionsHeading: 'Family desil movements between versions',
    fromLabel: 'From version',
    toLabel: 'To version',
    transitionsNeedTwo: 'Comparing deciles needs at least two published versions.',
    stayed: 'Stayed in the same desil',
    movedUp: 'Moved up (better off)',
    movedDown: 'Moved down (poorer)',
    entered: 'Entered DTSEN',
    left: 'Left DTSEN',
    ofInBoth: (count: string) => `of ${count} families in both versions`,
    families: (count: string) => `${count} families`,
    heatCaption: (from: string, to: string) =>
      `Families moving from their desil in ${from} (rows) to their desil in ${to} (columns). Colour: share of the row; small figure: number of families.`,
    heatCorner: (from: string, to: string) => `${from} ↓ · ${to} →`,
    desil: desilEn,
    rowHeader: (desil: number) => (desil === 0 ? 'Entered DTSEN' : `Desil ${desil}`),
    columnHeader: (desil: number) => (desil === 0 ? 'Left DTSEN' : `D${desil}`),
    columnHeaderFull: (desil: number) => (desil === 0 ? 'Left DTSEN' : `Desil ${desil}`),
    rowTotal: 'Row total',
    cellTitle: (from: number, to: number, families: string, share: string) =>
      `${desilEn(from)} → ${desilEn(to)}: ${families} families (${share} of the row)`,
    heatLegend: 'Share of the row',
    heatLegendFrom: (share: string) => `> ${share}`,
    transitionsSourceBase: 'Counted directly on the family records (not from the publication rollup).',

    programFiguresHeading: (version: string) => `Program figures at ${version}`,
    pkhTitle: (years: number) => `PKH ${years}-year membership`,
    pkhReached: (years: number) => `have reached the ${years}-year limit`,
    pkhOf: (total: string) => `of ${total} recipient families`,
    pkhNotAtVillage: 'Membership duration is available down to district level.',
    pbiTitle: 'PBI-JKN reactivation',
    pbiRemoved: 'Removed (alive)',
    pbiReactivated: 'Reactivated',
    pbiEligible: 'Meet every condition, not reactivated',
    pbiOverdue: 'Reactivated without a timely data update',
    pbiUnmet: 'Conditions not met (people)',
    condition: (condition: PbiReactivationCondition) => CONDITIONS_EN[condition],
    overlapTitle: (program: string) => `${program} recipients also receiving other programs`,
    overlapFamilies: (count: string) => `${count} recipient families`,
    overlapOnly: (share: string) => `${share} receive only this program`,
    overlapNotAtVillage: 'Program overlap is available down to district level.',
  },
);

export type TrendsMessages = typeof trendsMessages.id;
