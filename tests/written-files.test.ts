import { describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SETTLED_MS } from '../src/run/cache.js';
import { WrittenFiles } from '../src/run/written-files.js';
import { project, SAFE_FIX_REFERENCE, EN_PAGE } from './helpers/project.js';
import { runCli } from './helpers/cli.js';

const A = 'a'.repeat(64);
const B = 'b'.repeat(64);
const FP = 'f'.repeat(64);

function setup(): { cache: string; claims: string } {
  const dir = mkdtempSync(join(tmpdir(), 'claimlint-written-'));
  const claims = join(dir, 'claims');
  mkdirSync(claims);
  return { cache: join(dir, 'cache'), claims };
}

/** A record noted `later` ms after the files were written, saved, and opened again by the next run. */
function recorded(cache: string, claims: string, names: string[], later: number, fingerprint = FP): WrittenFiles {
  const first = WrittenFiles.open(cache, fingerprint, claims, true);
  for (const name of names) {
    writeFileSync(join(claims, name), `claims of ${name}\n`);
    first.note(name, `pages/${name}.md`, A, Date.now() + later);
  }
  first.save();
  return WrittenFiles.open(cache, fingerprint, claims, true);
}

describe('the record of the claims files written (src/run/written-files.ts)', () => {
  it('takes a file for current only when it is unchanged, made from the same page, and its stat was settled when taken', () => {
    const { cache, claims } = setup();
    const next = recorded(cache, claims, ['p.yaml'], SETTLED_MS + 1000);
    expect(next.current('p.yaml', 'pages/p.yaml.md', A)).toBe(true);
    // Another page hash or path: the page changed, or another page now has this id.
    expect(next.current('p.yaml', 'pages/p.yaml.md', B)).toBe(false);
    expect(next.current('p.yaml', 'pages/q.md', A)).toBe(false);
    // No record at all.
    expect(next.current('q.yaml', 'pages/q.yaml.md', A)).toBe(false);
    // Noted right after it was written: an edit in the same timestamp tick could hide behind the stat.
    expect(recorded(cache, claims, ['p.yaml'], 0).current('p.yaml', 'pages/p.yaml.md', A)).toBe(false);
  });

  it('does not take a file edited, replaced or removed since for current', () => {
    const { cache, claims } = setup();
    const next = recorded(cache, claims, ['edited.yaml', 'replaced.yaml', 'removed.yaml'], SETTLED_MS + 1000);
    writeFileSync(join(claims, 'edited.yaml'), 'claims of edited.yaml, by hand\n');
    rmSync(join(claims, 'replaced.yaml'));
    writeFileSync(join(claims, 'replaced.yaml'), 'claims of replaced.yaml\n');
    rmSync(join(claims, 'removed.yaml'));
    for (const name of ['edited.yaml', 'replaced.yaml', 'removed.yaml']) expect(next.current(name, `pages/${name}.md`, A), name).toBe(false);
  });

  it('keeps a whole run’s files only, or a partial run’s beside the earlier ones; ignores a damaged record, another directory’s, and another engine’s', () => {
    const { cache, claims } = setup();
    const late = SETTLED_MS + 1000;
    // A run over some of the pages keeps the others' entries; a run over all of them, its own only.
    recorded(cache, claims, ['p.yaml', 'q.yaml'], late);
    const partial = WrittenFiles.open(cache, FP, claims, false);
    expect(partial.current('p.yaml', 'pages/p.yaml.md', A)).toBe(true);
    partial.save();
    expect(WrittenFiles.open(cache, FP, claims, true).current('q.yaml', 'pages/q.yaml.md', A)).toBe(true);
    const whole = WrittenFiles.open(cache, FP, claims, true);
    expect(whole.current('p.yaml', 'pages/p.yaml.md', A)).toBe(true);
    whole.save();
    expect(WrittenFiles.open(cache, FP, claims, true).current('q.yaml', 'pages/q.yaml.md', A)).toBe(false);
    expect(WrittenFiles.open(cache, FP, claims, true).current('p.yaml', 'pages/p.yaml.md', A)).toBe(true);

    // Another engine (a new reference, vocabulary or claimlint): nothing is current, and its save removes the old engine's records.
    const records = () => readdirSync(cache).filter((n) => n.startsWith('claims-files-')).sort();
    const other = WrittenFiles.open(cache, 'e'.repeat(64), claims, true);
    expect(other.current('p.yaml', 'pages/p.yaml.md', A)).toBe(false);
    other.save();
    expect(records()).toEqual([other.file.slice(cache.length + 1)]);

    // Another claims directory has a record of its own, until the directory is gone.
    const elsewhere = join(claims, '..', 'claims2');
    mkdirSync(elsewhere);
    const second = recorded(cache, elsewhere, ['p.yaml'], late, 'e'.repeat(64));
    expect(second.current('p.yaml', 'pages/p.yaml.md', A)).toBe(true);
    expect(records()).toHaveLength(2);
    WrittenFiles.open(cache, 'e'.repeat(64), claims, true).save();
    expect(records()).toHaveLength(2);
    rmSync(elsewhere, { recursive: true });
    WrittenFiles.open(cache, 'e'.repeat(64), claims, true).save();
    expect(records()).toEqual([other.file.slice(cache.length + 1)]);

    // A damaged record is no record.
    const back = recorded(cache, claims, ['p.yaml'], late);
    const good = readFileSync(back.file, 'utf8');
    expect(back.current('p.yaml', 'pages/p.yaml.md', A)).toBe(true);
    const damages = [good.slice(0, 20), good.replace(/"format":1/, '"format":2'), good.replace(/\[("p\.yaml".*?),\d+\]/, '[$1,"x"]'), good.replace('"p.yaml","pages', '"q.yaml","pages'), good.slice(0, -30)];
    for (const damaged of damages) {
      writeFileSync(back.file, damaged);
      expect(WrittenFiles.open(cache, FP, claims, true).current('p.yaml', 'pages/p.yaml.md', A), damaged).toBe(false);
    }
    writeFileSync(back.file, good);
    expect(WrittenFiles.open(cache, FP, claims, true).current('p.yaml', 'pages/p.yaml.md', A)).toBe(true);
  });

  it('check: a claims file edited by hand, or removed, is made again on the next run, once the record is settled', async () => {
    const dir = project({ 'sources/en.md': EN_PAGE });
    const args = ['check', 'sources', '--reference', SAFE_FIX_REFERENCE, '--cache-location', 'cache', '--report-dir', 'reports', '--claims-dir', 'claims', '--format', 'json'];
    expect(runCli(args, dir).code).not.toBe(2);
    const file = join(dir, 'claims', 'en.yaml');
    const made = readFileSync(file, 'utf8');
    expect(made).toMatch(/^# Generated by claimlint/);
    // Past SETTLED_MS, the next run's stat of the file can stand for its content.
    await new Promise((r) => setTimeout(r, SETTLED_MS + 200));
    runCli(args, dir);
    expect(readdirSync(join(dir, 'cache')).some((n) => n.startsWith('claims-files-'))).toBe(true);
    writeFileSync(file, `${made}# a note added by hand\n`);
    runCli(args, dir);
    expect(readFileSync(file, 'utf8')).toBe(made);
    rmSync(file);
    runCli(args, dir);
    expect(existsSync(file) && readFileSync(file, 'utf8')).toBe(made);
  });
});
