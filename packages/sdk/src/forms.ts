/**
 * English labels for every value of an enum field, as `translations.en`
 * entries (`/field=value`). The values stay Chinese in the data; TypeScript
 * refuses a list that misses one, so no choice shows up untranslated.
 *
 * @example
 * translations: { en: { '/urgency': 'Urgency', ...enumLabels('/urgency', urgencies, { 急: 'Urgent', 缓: 'Can wait' }) } }
 */
export function enumLabels<const V extends string>(path: string, values: readonly V[], labels: Record<V, string>): Record<string, string> {
  return Object.fromEntries(values.map((v) => [`${path}=${v}`, labels[v]]));
}
