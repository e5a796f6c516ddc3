/**
 * The names a new plugin or city goes by, derived from the one the author
 * typed. A plugin's name is its key under `plugins` in a city config, the
 * folder under plugins/, the package `@linli/plugin-<name>` and the prefix of
 * its API, tables, forms and error codes, so it must be plain kebab-case.
 */
export const kebabPattern = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
const maxLength = 40;

/** Why `name` cannot name a plugin or city, or null when it can. */
export function nameProblem(name: string, what: 'plugin' | 'city'): string | null {
  if (!kebabPattern.test(name)) {
    return `"${name}" is not a valid ${what} name: use kebab-case (lower-case letters and digits, words joined by "-", starting with a letter), e.g. "${what === 'plugin' ? 'door-knocking' : 'jian'}".`;
  }
  if (name.length > maxLength) return `"${name}" is too long for a ${what} name: use at most ${maxLength} characters.`;
  return null;
}

export interface PluginNames {
  /** `door-knocking` */
  name: string;
  /** `doorKnocking`, for the exported `doorKnockingPlugin` */
  camel: string;
  /** `door_knocking`, the prefix of the plugin's tables */
  snake: string;
  /**
   * `DK`, the prefix of the plugin's error codes (`DK_ERR_…`): the initials of
   * a name of several words, the word itself otherwise — as three-linked-office
   * uses TLO_ERR_ and door-knocking DK_ERR_.
   */
  errorPrefix: string;
}

export function pluginNames(name: string): PluginNames {
  const words = name.split('-');
  return {
    name,
    camel: words.map((w, i) => (i === 0 ? w : w[0]!.toUpperCase() + w.slice(1))).join(''),
    snake: words.join('_'),
    errorPrefix: (words.length > 1 ? words.map((w) => w[0]).join('') : words[0]!).toUpperCase(),
  };
}

/**
 * Why `title` cannot be a display name, or null. Titles go into generated
 * code as JSON string literals (quotes are fine) and verbatim into comments
 * and Markdown, so line breaks and a comment's end are refused.
 */
export function titleProblem(title: string): string | null {
  if (title.trim() === '' || title.length > 40) return `"${title}" must be 1 to 40 characters.`;
  if (/[\u0000-\u001f]|\*\//.test(title)) return `"${title}" may not contain line breaks, control characters or "*/".`;
  return null;
}
