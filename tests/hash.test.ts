import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { contentId, sha256, sha256Prefix, stableStringify } from '../src/util/hash.js';

describe('sha256', () => {
  it('gives the SHA-256 hex digest of strings (as UTF-8) and bytes: ids, fingerprints and cache keys depend on it', () => {
    for (const s of ['', 'abc', 'é€東京\u0000\ud83d\ude00', 'x'.repeat(100_000)]) {
      expect(sha256(s)).toBe(createHash('sha256').update(s, 'utf8').digest('hex'));
      expect(sha256(Buffer.from(s, 'utf8'))).toBe(createHash('sha256').update(s, 'utf8').digest('hex'));
    }
    expect(sha256('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});

describe('sha256Prefix and contentId', () => {
  it('give the prefix and the first digits of the SHA-256 hex digest: every claim and finding id, and every fingerprint, is one', () => {
    const hex = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');
    for (const s of ['', 'abc', 'é€東京\u0000\ud83d\ude00']) {
      expect(sha256Prefix(s, 12, 'c-')).toBe(`c-${hex(s).slice(0, 12)}`);
      expect(sha256Prefix(s, 32)).toBe(hex(s).slice(0, 32));
      expect(sha256Prefix(s, 13, 'f-')).toBe(`f-${hex(s).slice(0, 13)}`);
    }
    const value = { min: 3, max: 5 };
    expect(contentId('c', 'en-1', 'sessions.count', value, 12)).toBe(`c-${hex(['en-1', 'sessions.count', stableStringify(value), '12'].join('\u0000')).slice(0, 12)}`);
  });
});
