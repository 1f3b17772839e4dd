import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { deriveIdentifierKeys, identifierHash, openIdentifier, parseDataKey, protectIdentifier, sealIdentifier } from './identifiers.js';

const key = deriveIdentifierKeys(Buffer.alloc(32, 1));
const otherKey = deriveIdentifierKeys(Buffer.alloc(32, 2));
const nik = '3201415505990003';

describe('identifier storage', () => {
  it('hashes with HMAC-SHA256 under the derived hash key: deterministic, keyed, hex', () => {
    const hash = identifierHash(key, nik);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(identifierHash(key, nik)).toBe(hash);
    expect(identifierHash(otherKey, nik)).not.toBe(hash);
    expect(identifierHash(key, '3201415505990004')).not.toBe(hash);
    expect(hash).toBe(createHmac('sha256', key.hash).update(nik).digest('hex'));
  });

  it('derives distinct hash and seal keys', () => {
    expect(key.hash.export().equals(key.seal.export())).toBe(false);
  });

  it('seals with AES-256-GCM under a fresh IV and opens back', () => {
    const a = sealIdentifier(key, nik);
    const b = sealIdentifier(key, nik);
    expect(a).toMatch(/^v1\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]+$/);
    expect(a).not.toBe(b);
    expect(a).not.toContain(nik);
    expect(openIdentifier(key, a)).toBe(nik);
    expect(openIdentifier(key, b)).toBe(nik);
  });

  it('refuses a sealed value under another key, altered or malformed', () => {
    const sealed = sealIdentifier(key, nik);
    expect(() => openIdentifier(otherKey, sealed)).toThrow();
    const [v, iv, tag, data] = sealed.split('.');
    const flipped = Buffer.from(data!, 'base64url');
    flipped[0] = flipped[0]! ^ 1;
    expect(() => openIdentifier(key, [v, iv, tag, flipped.toString('base64url')].join('.'))).toThrow();
    expect(() => openIdentifier(key, 'v2.a.b.c')).toThrow('not a sealed identifier');
    expect(() => openIdentifier(key, nik)).toThrow('not a sealed identifier');
  });

  it('gives the stored form: hash, masked form, sealed value', () => {
    const stored = protectIdentifier(key, nik);
    expect(stored.hash).toBe(identifierHash(key, nik));
    expect(stored.masked).toBe('3201********0003');
    expect(openIdentifier(key, stored.sealed)).toBe(nik);
  });

  it('parses a 64-hex-character data key and rejects anything else', () => {
    expect(parseDataKey('ab'.repeat(32))).toEqual(Buffer.alloc(32, 0xab));
    expect(() => parseDataKey('ab'.repeat(31))).toThrow();
    expect(() => parseDataKey('zz'.repeat(32))).toThrow();
    expect(() => deriveIdentifierKeys(Buffer.alloc(16))).toThrow('32 bytes');
  });
});
