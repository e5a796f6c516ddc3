/** Text in the languages Linli ships. zh-CN is the default and is required. */
export const localizedTextSchema = {
  type: 'object',
  properties: {
    'zh-CN': { type: 'string', minLength: 1 },
    en: { type: 'string' },
  },
  required: ['zh-CN'],
  additionalProperties: false,
} as const;

export type Locale = 'zh-CN' | 'en';
export const locales: readonly Locale[] = ['zh-CN', 'en'];

export interface LocalizedText {
  'zh-CN': string;
  en?: string;
}

export function localize(text: LocalizedText | undefined, locale: Locale): string {
  if (!text) return '';
  return (locale === 'en' ? text.en : undefined) ?? text['zh-CN'];
}
