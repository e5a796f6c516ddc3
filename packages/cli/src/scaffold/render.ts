import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The templates shipped with the CLI (packages/cli/templates, listed in its package.json "files"). */
export const templatesDir = fileURLToPath(new URL('../../templates/', import.meta.url));

/**
 * Copies a template folder to `to`, replacing `{{key}}` in every file with
 * `vars[key]` and dropping the `.tmpl` suffix (which keeps the templates out
 * of the compiler, linter and test runner). An unknown `{{key}}` is an error,
 * so a template never ships with a hole in it. Returns the files written,
 * relative to `to`.
 */
export function renderTemplate(template: string, to: string, vars: Record<string, string>): string[] {
  const from = join(templatesDir, template);
  const written: string[] = [];
  for (const file of walk(from)) {
    const target = join(to, relative(from, file).replace(/\.tmpl$/, ''));
    const text = readFileSync(file, 'utf8').replace(/\{\{(\w+)\}\}/g, (_m, key: string) => {
      const v = vars[key];
      if (v === undefined) throw new Error(`Template ${relative(templatesDir, file)} uses {{${key}}}, which is not defined.`);
      return v;
    });
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, text);
    written.push(relative(to, target));
  }
  return written.sort();
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((e) => {
    const p = join(dir, e);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}
