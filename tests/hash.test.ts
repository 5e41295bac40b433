import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { sha256 } from '../src/util/hash.js';

describe('sha256', () => {
  it('gives the SHA-256 hex digest of strings (as UTF-8) and bytes: ids, fingerprints and cache keys depend on it', () => {
    for (const s of ['', 'abc', 'é€東京\u0000\ud83d\ude00', 'x'.repeat(100_000)]) {
      expect(sha256(s)).toBe(createHash('sha256').update(s, 'utf8').digest('hex'));
      expect(sha256(Buffer.from(s, 'utf8'))).toBe(createHash('sha256').update(s, 'utf8').digest('hex'));
    }
    expect(sha256('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});
