// Opening the sealed NIK/KK of the generated dataset (the database stores no clear identifier), with the key the
// generator and the server resolved for it: ATLAS_DATA_KEY or the key file next to the database.
import { inject } from 'vitest';
import { parseDatabaseUrl, resolveDataKey } from '../../server/src/config.js';
import { deriveIdentifierKeys, openIdentifier, type IdentifierKeys } from '../../server/src/domain/identifiers.js';

let keys: IdentifierKeys | null = null;

/** The clear value of a sealed `kk_sealed` / `nik_sealed` column of the generated dataset. */
export function openSealed(sealed: string): string {
  keys ??= deriveIdentifierKeys(resolveDataKey(process.env, parseDatabaseUrl(`file:${inject('databaseFile')}`)));
  return openIdentifier(keys, sealed);
}
