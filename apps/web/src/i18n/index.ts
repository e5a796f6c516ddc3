import i18n from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import type { LocalizedText } from '../api/types';
import { en } from './en';
import { zhCN } from './zh-CN';

export type Lang = 'zh-CN' | 'en';
const storageKey = 'linli.lang';

function initialLang(): Lang {
  try {
    return localStorage.getItem(storageKey) === 'en' ? 'en' : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

/** Every string on screen goes through i18next; Chinese is the default, English the second language. */
void i18n.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
  lng: initialLang(),
  fallbackLng: 'zh-CN',
  // React escapes what it renders; escaping here too would show &amp; on screen.
  interpolation: { escapeValue: false },
  returnNull: false,
  showSupportNotice: false,
});
document.documentElement.lang = i18n.language;

export function setLang(lang: Lang): void {
  void i18n.changeLanguage(lang);
  document.documentElement.lang = lang;
  try {
    localStorage.setItem(storageKey, lang);
  } catch {
    // Private mode: the choice lasts for this visit only.
  }
}

export function currentLang(): Lang {
  return i18n.language === 'en' ? 'en' : 'zh-CN';
}

/** Text the server sends in both languages (titles of workflows, states, plugin pages). */
export function pick(text: LocalizedText | string | undefined | null, lang: Lang = currentLang()): string {
  if (!text) return '';
  if (typeof text === 'string') return text;
  return (lang === 'en' ? text.en : undefined) ?? text['zh-CN'];
}

/** `t` plus `pick` bound to the current language; components re-render when it changes. */
export function useI18n() {
  const { t, i18n: inst } = useTranslation();
  const lang: Lang = inst.language === 'en' ? 'en' : 'zh-CN';
  return { t, lang, pick: (text: LocalizedText | string | undefined | null) => pick(text, lang) };
}

export default i18n;
