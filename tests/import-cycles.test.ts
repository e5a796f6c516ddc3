import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root } from './support.js';

/**
 * No module of packages/ or plugins/ imports itself back through others: a
 * circle makes the order of initialisation an accident and the code
 * impossible to read from one end. The import-layer rules (eslint.layers.js)
 * keep packages apart; this keeps the files inside each package acyclic.
 */
// Circles tolerated for now, each with what removes it; empty since the one-way services and the SDK's
// PluginApp removed the last ones. The test fails when a listed circle disappears, so the list only shrinks.
const knownCircles: string[][] = [];

describe('imports', () => {
  it('form no circle in packages/ or plugins/', () => {
    const circles = stronglyConnected(importGraph()).map((c) => c.map((f) => relative(root, f)).sort());
    const known = new Set(knownCircles.map((c) => c.join(' ')));
    const fresh = circles.filter((c) => !known.has(c.join(' ')));
    expect(fresh, 'files that import each other in a circle').toEqual([]);
    const gone = knownCircles.filter((c) => !circles.some((found) => found.join(' ') === c.join(' ')));
    expect(gone, 'circles listed as known that no longer exist: remove them from knownCircles').toEqual([]);
  });

  it('finds a circle when there is one', () => {
    const graph = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a']],
      ['d', ['a']],
    ]);
    expect(stronglyConnected(graph)).toEqual([['c', 'b', 'a']]);
  });
});

/** Every source file (tests included) and the files it imports relatively, `.js` specifiers mapped to their `.ts` sources. */
function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  const dirs = ['packages', 'plugins'].flatMap((group) => readdirSync(join(root, group)).map((name) => join(root, group, name, 'src')));
  for (const dir of dirs) {
    let files: string[];
    try {
      files = readdirSync(dir, { recursive: true, encoding: 'utf8' });
    } catch {
      continue;
    }
    for (const f of files.filter((name) => /\.tsx?$/.test(name))) {
      const file = join(dir, f);
      const text = readFileSync(file, 'utf8');
      const targets = [...text.matchAll(/(?:^|\n)\s*(?:import|export)\s(?:type\s)?[^'"]*?from\s+['"](\.{1,2}\/[^'"]+)['"]|import\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)/g)]
        .map((m) => resolve(dirname(file), (m[1] ?? m[2])!).replace(/\.js$/, '.ts'))
        .filter((t) => t !== file);
      graph.set(file, targets);
    }
  }
  return graph;
}

/** Tarjan's algorithm: the groups of files that reach each other (size > 1, or a file importing itself). */
function stronglyConnected(graph: Map<string, string[]>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string) => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!graph.has(w)) continue;
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const group: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        group.push(w);
      } while (w !== v);
      if (group.length > 1) found.push(group);
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return found;
}
