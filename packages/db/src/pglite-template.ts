import { existsSync, readFileSync } from 'node:fs';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';

/**
 * An initialized, empty PGlite data directory as a tarball, made once per
 * PGlite version and kept in the OS temp folder, so a test's fresh database
 * loads it instead of running initdb (measured: about a fifth of the time,
 * and opening is most of what a database test file spends before its first
 * assertion). Written to a temporary name and renamed, so parallel test
 * workers never read a half-written file; a file that fails to load is
 * removed and made again.
 */
let made: Promise<Blob> | undefined;

export function pgliteTemplate(): Promise<Blob> {
  made ??= loadOrMake();
  return made;
}

/** Forgets the template this process holds and, unless told to keep it, the kept file too. */
export async function forgetPgliteTemplate(opts: { keepFile?: boolean } = {}): Promise<void> {
  made = undefined;
  if (!opts.keepFile) await rm(pgliteTemplateFile(), { force: true });
}

/** Where the template is kept (the OS temp folder, one file per PGlite version). */
export function pgliteTemplateFile(): string {
  return join(tmpdir(), `linli-pglite-template-${pgliteVersion()}.tar`);
}

async function loadOrMake(): Promise<Blob> {
  const file = pgliteTemplateFile();
  if (existsSync(file)) return new Blob([await readFile(file)]);
  const fresh = await PGlite.create();
  const dump = await fresh.dumpDataDir('none');
  await fresh.close();
  const partial = `${file}.${process.pid}.partial`;
  await writeFile(partial, Buffer.from(await dump.arrayBuffer()));
  await rename(partial, file);
  return dump;
}

/** The installed PGlite's version: a template from another version is never loaded. */
function pgliteVersion(): string {
  let dir = dirname(createRequire(import.meta.url).resolve('@electric-sql/pglite'));
  for (;;) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg)) {
      const { name, version } = JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string; version?: string };
      if (name === '@electric-sql/pglite' && version) return version;
    }
    const up = dirname(dir);
    if (up === dir) return 'unknown';
    dir = up;
  }
}
