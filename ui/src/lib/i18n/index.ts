// Interface text comes from the catalogues fr.json and en.json (svelte-i18n, ICU messages);
// none is written in components. French is the default; the choice is remembered.
import { addMessages, init, locale } from 'svelte-i18n';
import en from './en.json';
import fr from './fr.json';

import type { LanguageCode } from '../bindings/LanguageCode';

export type Language = LanguageCode;
export const LANGUAGES: Language[] = ['fr', 'en'];
const STORAGE_KEY = 'tcm.language';

addMessages('fr', fr);
addMessages('en', en);

function savedLanguage(): Language {
  try {
    const saved = globalThis.localStorage?.getItem(STORAGE_KEY);
    return saved === 'en' ? 'en' : 'fr';
  } catch {
    return 'fr';
  }
}

init({ fallbackLocale: 'fr', initialLocale: savedLanguage() });
if (typeof document !== 'undefined') document.documentElement.lang = savedLanguage();

export function setLanguage(language: Language): void {
  locale.set(language);
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, language);
  } catch {
    // Private mode or no storage: the choice lasts for this session.
  }
  document.documentElement.lang = language;
}

/** Picks a bilingual text in the current language. */
export function pick(text: { fr: string; en: string }, language: string | null | undefined): string {
  return language === 'en' ? text.en : text.fr;
}
