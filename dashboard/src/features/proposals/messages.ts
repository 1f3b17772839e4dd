import type { ProgramCode, ProposalKind, ProposalPath, ProposalStatus } from '../../generated/graphql';
import { defineMessages } from '../../shared/i18n';

const STATUS_ID: Readonly<Record<ProposalStatus, string>> = {
  SUBMITTED: 'Diajukan',
  VERIFIED: 'Terverifikasi',
  GROUND_CHECKED: 'Sudah cek lapangan',
  APPROVED: 'Disetujui',
  REJECTED: 'Ditolak',
};
const STATUS_EN: Readonly<Record<ProposalStatus, string>> = {
  SUBMITTED: 'Submitted',
  VERIFIED: 'Verified',
  GROUND_CHECKED: 'Ground-checked',
  APPROVED: 'Approved',
  REJECTED: 'Rejected',
};
const STATUS_HINT_ID: Readonly<Record<ProposalStatus, string>> = {
  SUBMITTED: 'menunggu verifikasi pusat',
  VERIFIED: 'menunggu cek lapangan (SIKS-MA)',
  GROUND_CHECKED: 'menunggu keputusan',
  APPROVED: 'final; usulan masuk daftar tunggu yang disetujui kepala daerah',
  REJECTED: 'final; ditolak saat verifikasi atau setelah cek lapangan',
};
const STATUS_HINT_EN: Readonly<Record<ProposalStatus, string>> = {
  SUBMITTED: 'awaiting central verification',
  VERIFIED: 'awaiting the ground check (SIKS-MA)',
  GROUND_CHECKED: 'awaiting a decision',
  APPROVED: 'final; an usulan joins the waiting list approved by the regional head',
  REJECTED: 'final; rejected at verification or after the ground check',
};
const STAGE_ID: Readonly<Record<ProposalStatus, string>> = {
  SUBMITTED: 'Diajukan',
  VERIFIED: 'Lolos verifikasi pusat',
  GROUND_CHECKED: 'Sudah cek lapangan',
  APPROVED: 'Disetujui',
  REJECTED: 'Ditolak',
};
const STAGE_EN: Readonly<Record<ProposalStatus, string>> = {
  SUBMITTED: 'Submitted',
  VERIFIED: 'Passed central verification',
  GROUND_CHECKED: 'Ground-checked',
  APPROVED: 'Approved',
  REJECTED: 'Rejected',
};
const PATH_ID: Readonly<Record<ProposalPath, string>> = {
  FORMAL: 'Jalur formal (Musdes/Muskel, SIKS-NG)',
  PARTICIPATORY: 'Jalur partisipatif (Cek Bansos)',
};
const PATH_EN: Readonly<Record<ProposalPath, string>> = {
  FORMAL: 'Formal path (Musdes/Muskel, SIKS-NG)',
  PARTICIPATORY: 'Participatory path (Cek Bansos)',
};
const PATH_SHORT_ID: Readonly<Record<ProposalPath, string>> = { FORMAL: 'Formal', PARTICIPATORY: 'Partisipatif' };
const PATH_SHORT_EN: Readonly<Record<ProposalPath, string>> = { FORMAL: 'Formal', PARTICIPATORY: 'Participatory' };
const KIND_ID: Readonly<Record<ProposalKind, string>> = {
  USULAN: 'Usulan baru',
  SANGGAH: 'Sanggahan',
  DESIL_UPDATE: 'Pembaruan desil',
  PBI_REACTIVATION: 'Reaktivasi PBI-JKN',
};
const KIND_EN: Readonly<Record<ProposalKind, string>> = {
  USULAN: 'New proposal (usulan)',
  SANGGAH: 'Objection (sanggah)',
  DESIL_UPDATE: 'Desil update',
  PBI_REACTIVATION: 'PBI-JKN reactivation',
};
const PROGRAMS: Readonly<Record<ProgramCode, string>> = {
  PKH: 'PKH',
  SEMBAKO: 'Sembako',
  PBI_JKN: 'PBI-JKN',
  PIP: 'PIP',
  ATENSI: 'ATENSI',
};

export const proposalsMessages = defineMessages(
  {
    title: (region: string, version: string) => `Usulan · ${region} · ${version}`,
    titleLoading: 'Usulan perubahan data',
    intro:
      'Usulan, sanggahan, pembaruan desil dan reaktivasi PBI-JKN yang diajukan pada versi ini, menurut tahap alur kerja: diajukan → verifikasi pusat → cek lapangan → disetujui atau ditolak. Angka corong adalah rekap saat versi diterbitkan.',
    shownAtRegency: (region: string) => `Rekap usulan tersedia sampai kabupaten/kota; yang ditampilkan: ${region}.`,
    status: (status: ProposalStatus) => STATUS_ID[status],
    statusHint: (status: ProposalStatus) => STATUS_HINT_ID[status],
    stage: (status: ProposalStatus) => STAGE_ID[status],
    path: (path: ProposalPath) => PATH_ID[path],
    pathShort: (path: ProposalPath) => PATH_SHORT_ID[path],
    kind: (kind: ProposalKind) => KIND_ID[kind],
    program: (program: ProgramCode) => PROGRAMS[program],
    noProgram: 'Tanpa program',
    empty: 'Tidak ada usulan yang diajukan pada versi ini di wilayah ini.',

    headTotal: 'Usulan diajukan',
    headOpen: 'Masih diproses',
    headDecided: 'Sudah diputuskan',
    headApproval: (rate: string) => `${rate} disetujui`,
    headMedian: 'Median hari sampai keputusan',
    approxMedian: (range: string) => `median sel, median sebenarnya antara ${range}`,
    exactMedian: 'median tepat',
    days: (days: string) => `${days} hari`,
    range: (min: string, max: string) => (min === max ? `${min} hari` : `${min}–${max} hari`),
    notDecided: 'belum ada keputusan',

    funnelHeading: 'Corong usulan',
    funnelCaption: (region: string, version: string) => `Tahap yang dicapai usulan ${region} yang diajukan pada ${version}`,
    funnelAria: 'Diagram corong: jumlah usulan yang mencapai setiap tahap. Rincian angka ada pada tabel di bawahnya.',
    reached: (count: string, share: string) => `${count} (${share})`,
    atLeast: (count: string, share: string) => `≥ ${count} (${share})`,
    waiting: (count: string, hint: string) => `${count} ${hint}`,
    rejectedLine: (count: string, share: string) => `${count} ditolak (${share})`,
    lowerBoundNote:
      'Rekap tidak membedakan usulan yang ditolak saat verifikasi dari yang ditolak setelah cek lapangan, sehingga angka bertanda ≥ adalah batas bawah.',
    statusTableCaption: (region: string, version: string) =>
      `Usulan ${region} yang diajukan pada ${version} menurut status saat versi diterbitkan, dengan median hari sampai keputusan`,
    colStatus: 'Status',
    colMeaning: 'Keterangan',
    colProposals: 'Usulan',
    colShare: 'Persentase',
    colDecided: 'Diputuskan',
    colMedian: 'Median hari',
    colRange: 'Rentang median sel (hari)',
    colRangeMin: 'Median sel terendah',
    colRangeMax: 'Median sel tertinggi',
    colExact: 'Median tepat',
    yes: 'ya',
    no: 'tidak',

    byPathHeading: 'Menurut jalur dan jenis usulan',
    pathTableCaption: 'Usulan menurut jalur pembaruan data',
    kindTableCaption: 'Usulan menurut jenis',
    colPath: 'Jalur',
    colKind: 'Jenis',
    colOpen: 'Diproses',
    colApproved: 'Disetujui',
    colRejected: 'Ditolak',
    colApprovalRate: 'Tingkat persetujuan',

    regionsHeading: 'Wilayah di bawahnya',
    regionsCaption: (level: string) =>
      `Usulan per ${level}: pilih baris untuk menelusuri. Urutkan menurut jumlah usulan atau lama proses.`,
    colRegion: 'Wilayah',
    noSubRegions: 'Rekap usulan tidak dirinci di bawah kabupaten/kota; daftar usulan di bawah memuat desa/kelurahan asalnya.',
    subRegionsEmpty: 'Belum ada usulan di wilayah bawahan.',

    listHeading: 'Daftar usulan',
    listNote:
      'Status terkini setiap usulan (dapat berbeda dari rekap saat versi diterbitkan). Data keluarga tidak ditampilkan: akses data perorangan dicatat dan memerlukan izin.',
    listCaption: (region: string, version: string) => `Usulan ${region} yang diajukan pada ${version}, menurut nomor`,
    filterStatus: 'Status',
    filterPath: 'Jalur',
    filterKind: 'Jenis',
    all: 'Semua',
    colId: 'No.',
    colSubmitted: 'Diajukan',
    colDecidedAt: 'Diputuskan',
    colProgram: 'Program',
    colVillage: 'Desa/kelurahan',
    listEmpty: 'Tidak ada usulan yang cocok dengan saringan ini.',
    listPage: (page: number, total: string) => `Halaman ${page} · ${total} usulan`,
    firstPage: 'Halaman pertama',
    nextPage: 'Berikutnya',
  },
  {
    title: (region: string, version: string) => `Proposals · ${region} · ${version}`,
    titleLoading: 'Data-update proposals',
    intro:
      'Proposals, objections, desil updates and PBI-JKN reactivations submitted in this version, by workflow stage: submitted → central verification → ground check → approved or rejected. Funnel figures are the snapshot taken when the version was published.',
    shownAtRegency: (region: string) => `Proposals are summarised down to regency/city level; showing ${region}.`,
    status: (status: ProposalStatus) => STATUS_EN[status],
    statusHint: (status: ProposalStatus) => STATUS_HINT_EN[status],
    stage: (status: ProposalStatus) => STAGE_EN[status],
    path: (path: ProposalPath) => PATH_EN[path],
    pathShort: (path: ProposalPath) => PATH_SHORT_EN[path],
    kind: (kind: ProposalKind) => KIND_EN[kind],
    program: (program: ProgramCode) => PROGRAMS[program],
    noProgram: 'No program',
    empty: 'No proposal was submitted in this version in this region.',

    headTotal: 'Proposals submitted',
    headOpen: 'Still in progress',
    headDecided: 'Decided',
    headApproval: (rate: string) => `${rate} approved`,
    headMedian: 'Median days to decision',
    approxMedian: (range: string) => `median of cells; the true median lies within ${range}`,
    exactMedian: 'exact median',
    days: (days: string) => `${days} days`,
    range: (min: string, max: string) => (min === max ? `${min} days` : `${min}–${max} days`),
    notDecided: 'nothing decided yet',

    funnelHeading: 'Proposal funnel',
    funnelCaption: (region: string, version: string) => `Stages reached by proposals from ${region} submitted in ${version}`,
    funnelAria: 'Funnel chart: proposals reaching each stage. The figures are in the table below.',
    reached: (count: string, share: string) => `${count} (${share})`,
    atLeast: (count: string, share: string) => `≥ ${count} (${share})`,
    waiting: (count: string, hint: string) => `${count} ${hint}`,
    rejectedLine: (count: string, share: string) => `${count} rejected (${share})`,
    lowerBoundNote:
      'The summary does not tell proposals rejected at verification from those rejected after the ground check, so figures marked ≥ are lower bounds.',
    statusTableCaption: (region: string, version: string) =>
      `Proposals from ${region} submitted in ${version} by status at publication, with the median days to decision`,
    colStatus: 'Status',
    colMeaning: 'Meaning',
    colProposals: 'Proposals',
    colShare: 'Share',
    colDecided: 'Decided',
    colMedian: 'Median days',
    colRange: 'Range of cell medians (days)',
    colRangeMin: 'Lowest cell median',
    colRangeMax: 'Highest cell median',
    colExact: 'Exact median',
    yes: 'yes',
    no: 'no',

    byPathHeading: 'By path and kind',
    pathTableCaption: 'Proposals by data-update path',
    kindTableCaption: 'Proposals by kind',
    colPath: 'Path',
    colKind: 'Kind',
    colOpen: 'In progress',
    colApproved: 'Approved',
    colRejected: 'Rejected',
    colApprovalRate: 'Approval rate',

    regionsHeading: 'Regions below',
    regionsCaption: (level: string) => `Proposals per ${level}: choose a row to drill down. Sort by volume or turnaround.`,
    colRegion: 'Region',
    noSubRegions: 'The proposal summary stops at regency/city level; the list below gives each proposal’s village.',
    subRegionsEmpty: 'No proposals in the regions below yet.',

    listHeading: 'Proposals',
    listNote:
      'Current status of each proposal (may differ from the snapshot taken at publication). Family data is left out: person-level access is logged and needs a grant.',
    listCaption: (region: string, version: string) => `Proposals from ${region} submitted in ${version}, by number`,
    filterStatus: 'Status',
    filterPath: 'Path',
    filterKind: 'Kind',
    all: 'All',
    colId: 'No.',
    colSubmitted: 'Submitted',
    colDecidedAt: 'Decided',
    colProgram: 'Program',
    colVillage: 'Village',
    listEmpty: 'No proposal matches these filters.',
    listPage: (page: number, total: string) => `Page ${page} · ${total} proposals`,
    firstPage: 'First page',
    nextPage: 'Next',
  },
);

export type ProposalsMessages = typeof proposalsMessages.id;
