import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const files = (dir: string): string[] => readdirSync(dir).flatMap((e) => (statSync(join(dir, e)).isDirectory() ? files(join(dir, e)) : [join(dir, e)]));

/**
 * Part 2 of docs/plugin-guide.md walks through this plugin's code. Every line
 * it quotes (all but elisions marked with …) must still be in the plugin, so
 * the guide cannot drift from the code it teaches.
 */
describe('the plugin guide', () => {
  it('quotes this plugin’s code as it is', () => {
    const guide = readFileSync(new URL('../../../docs/plugin-guide.md', import.meta.url), 'utf8');
    const part2 = guide.slice(guide.indexOf('## Part 2'), guide.indexOf('## Part 3'));
    const source = new Set(
      [...files(join(root, 'src')), join(root, 'package.json')]
        .flatMap((f) => readFileSync(f, 'utf8').split('\n'))
        .map((l) => l.trim()),
    );
    const quoted = [...part2.matchAll(/```ts\n([\s\S]*?)```/g)].flatMap((m) => m[1]!.split('\n')).map((l) => l.trim());
    const missing = quoted.filter((l) => l && !l.includes('…') && !source.has(l));
    expect(missing).toEqual([]);
  });
});
