import { readFileSync } from 'node:fs';
import type { CityConfig } from '@linli/core';

/**
 * A city config read from a file with only the named plugins enabled (their
 * options kept). A plugin's tests load the example city this way, so another
 * plugin enabled there later cannot break them.
 *
 * @example
 * const config = cityWithPlugins('examples/tianchang/linli.config.json', ['grid-requests']);
 */
export function cityWithPlugins(file: string, pluginNames: readonly string[]): CityConfig {
  const config = JSON.parse(readFileSync(file, 'utf8')) as CityConfig;
  const plugins = Object.fromEntries(pluginNames.map((n) => [n, config.plugins?.[n] ?? {}]));
  return { ...config, plugins };
}
