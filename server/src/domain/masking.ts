/**
 * Masking of personal data (NIK, KK, names) before it leaves the platform.
 *
 * Pure functions: no I/O, no framework. The API never exposes a clear NIK, KK number or name; it exposes the
 * masked forms produced here.
 */

/** Character used to hide masked characters. */
export const MASK_CHAR = '*';

/** Number of leading and trailing characters an identifier keeps visible. */
const ID_VISIBLE_EDGE = 4;

/**
 * Masks a 16-digit NIK or KK number, keeping its first 4 characters (province + regency code) and its last 4
 * (serial): `3201234567890003` → `3201********0003`. An identifier too short to keep both edges visible without
 * revealing most of it (8 characters or fewer) is masked completely.
 */
export function maskIdentifier(value: string): string {
  const chars = Array.from(value.trim());
  if (chars.length <= ID_VISIBLE_EDGE * 2) return MASK_CHAR.repeat(chars.length);
  const head = chars.slice(0, ID_VISIBLE_EDGE).join('');
  const tail = chars.slice(-ID_VISIBLE_EDGE).join('');
  return head + MASK_CHAR.repeat(chars.length - ID_VISIBLE_EDGE * 2) + tail;
}

/** Masks a NIK (personal identity number). */
export const maskNik = maskIdentifier;

/** Masks a KK (family-card) number. */
export const maskKk = maskIdentifier;

/**
 * Masks a person's name word by word, keeping the first letter of each word and the word's length:
 * `Budi Santoso` → `B*** S******`. Runs of whitespace collapse to one space.
 */
export function maskName(name: string): string {
  return name
    .trim()
    .split(/\s+/u)
    .filter((word) => word.length > 0)
    .map((word) => {
      const [first = '', ...rest] = Array.from(word);
      return first + MASK_CHAR.repeat(rest.length);
    })
    .join(' ');
}
