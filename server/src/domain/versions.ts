/** DTSEN versions are labelled by quarter ("2025-Q2"): the calendar year is the reference year of the version. */

/** Calendar year of a version label ("2025-Q2" -> 2025); RangeError when the label does not start with a year. */
export function versionYear(label: string): number {
  if (!/^\d{4}/u.test(label)) throw new RangeError(`version label ${label} does not start with a year`);
  return Number(label.slice(0, 4));
}
