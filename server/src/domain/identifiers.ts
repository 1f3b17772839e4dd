/**
 * Storage form of the personal identifiers NIK and KK: the database never holds them in clear.
 *
 * Each identifier is stored three ways (issue 6, "Personal data"):
 * - a keyed hash (HMAC-SHA256, hex), unique, through which the platform looks families and people up by NIK/KK;
 * - the masked form shown to roles without clear identifiers (`maskIdentifier`, `3201********0003`);
 * - the value sealed with AES-256-GCM (`v1.<iv>.<tag>.<ciphertext>`, base64url parts), opened only for a role
 *   allowed to see clear identifiers (that read is audited by the API).
 *
 * Both keys derive from one 32-byte data key (HKDF-SHA256, labels "hash" and "seal"), so a leaked database without
 * the key reveals neither the identifiers nor (with a secret key) whether a given NIK is in it. Pure apart from the
 * random IVs: no I/O, no framework. Key objects are built once ({@link deriveIdentifierKeys}) and reused.
 */
import { createCipheriv, createDecipheriv, createHmac, createSecretKey, hkdfSync, randomFillSync, type KeyObject } from 'node:crypto';
import { maskIdentifier } from './masking.js';

/** Length in bytes of the data key the identifier keys derive from. */
export const DATA_KEY_BYTES = 32;

/** The two keys derived from the data key. */
export interface IdentifierKeys {
  /** HMAC-SHA256 key of {@link identifierHash}. */
  readonly hash: KeyObject;
  /** AES-256-GCM key of {@link sealIdentifier} / {@link openIdentifier}. */
  readonly seal: KeyObject;
}

/** A NIK or KK in its stored form. */
export interface StoredIdentifier {
  hash: string;
  masked: string;
  sealed: string;
}

const SEALED_VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** Derives the hash and seal keys from a 32-byte data key. */
export function deriveIdentifierKeys(dataKey: Uint8Array): IdentifierKeys {
  if (dataKey.length !== DATA_KEY_BYTES) throw new Error(`the data key must be ${DATA_KEY_BYTES} bytes, got ${dataKey.length}`);
  const derive = (label: string) => createSecretKey(Buffer.from(hkdfSync('sha256', dataKey, 'dtsen-atlas/identifiers', label, 32)));
  return { hash: derive('hash'), seal: derive('seal') };
}

/** Parses a data key written as 64 hexadecimal characters. */
export function parseDataKey(hex: string): Buffer {
  const trimmed = hex.trim();
  if (!/^[0-9a-fA-F]{64}$/.test(trimmed)) throw new Error('the data key must be 64 hexadecimal characters (32 bytes)');
  return Buffer.from(trimmed, 'hex');
}

/** Keyed hash of an identifier: HMAC-SHA256 in lowercase hex. Equal values give equal hashes (lookups, uniqueness). */
export function identifierHash(keys: IdentifierKeys, value: string): string {
  return createHmac('sha256', keys.hash).update(value, 'utf8').digest('hex');
}

// IVs come from a pool filled in bulk: one randomFillSync per 4,096 seals instead of one per row.
const ivPool = Buffer.alloc(IV_BYTES * 4096);
let ivOffset = ivPool.length;

function nextIv(): Buffer {
  if (ivOffset === ivPool.length) {
    randomFillSync(ivPool);
    ivOffset = 0;
  }
  const iv = Buffer.from(ivPool.subarray(ivOffset, ivOffset + IV_BYTES));
  ivOffset += IV_BYTES;
  return iv;
}

/** Encrypts an identifier with AES-256-GCM under a fresh random 12-byte IV: `v1.<iv>.<tag>.<ciphertext>` (base64url). */
export function sealIdentifier(keys: IdentifierKeys, value: string): string {
  const iv = nextIv();
  const cipher = createCipheriv('aes-256-gcm', keys.seal, iv);
  const ciphertext = Buffer.concat([cipher.update(value, 'utf8'), cipher.final()]);
  const tag = cipher.getAuthTag();
  return `${SEALED_VERSION}.${iv.toString('base64url')}.${tag.toString('base64url')}.${ciphertext.toString('base64url')}`;
}

/** Decrypts a value of {@link sealIdentifier}; throws when it is malformed, altered or sealed under another key. */
export function openIdentifier(keys: IdentifierKeys, sealed: string): string {
  const parts = sealed.split('.');
  if (parts.length !== 4 || parts[0] !== SEALED_VERSION) throw new Error('not a sealed identifier');
  const iv = Buffer.from(parts[1]!, 'base64url');
  const tag = Buffer.from(parts[2]!, 'base64url');
  if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) throw new Error('not a sealed identifier');
  const decipher = createDecipheriv('aes-256-gcm', keys.seal, iv);
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(Buffer.from(parts[3]!, 'base64url')), decipher.final()]).toString('utf8');
}

/** The stored form of a NIK or KK: keyed hash, masked form and sealed value. */
export function protectIdentifier(keys: IdentifierKeys, value: string): StoredIdentifier {
  return { hash: identifierHash(keys, value), masked: maskIdentifier(value), sealed: sealIdentifier(keys, value) };
}
