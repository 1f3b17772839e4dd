// Short display names used in view titles ("Kuota PKH · Jawa Barat · DTSEN 2026-Q2").

const PROGRAM_LABELS: Readonly<Record<string, string>> = {
  PKH: 'PKH',
  SEMBAKO: 'Sembako',
  PBI_JKN: 'PBI-JKN',
  PIP: 'PIP',
  ATENSI: 'ATENSI',
};

/** The short name of a program as users say it: PKH, Sembako, PBI-JKN, PIP, ATENSI. */
export function programLabel(code: string): string {
  return PROGRAM_LABELS[code] ?? code;
}

/** A DTSEN version's display name: labels are "2026-Q2" or already "DTSEN 2026-Q2". */
export function versionName(label: string): string {
  return /^dtsen\b/i.test(label) ? label : `DTSEN ${label}`;
}

/** A view title from its parts, those not known yet (null, undefined, empty) left out: "Kuota PKH · Jawa Barat". */
export function viewTitle(...parts: (string | null | undefined)[]): string {
  return parts.filter(Boolean).join(' · ');
}
