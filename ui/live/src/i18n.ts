// The page's texts in French and English; the assessment's language first, switchable.
import en from './en.json';
import fr from './fr.json';

export type Language = 'fr' | 'en';
export type Key = keyof typeof en;

const catalogues: Record<Language, Record<Key, string>> = { fr, en };

/** The text for `key`, with `{name}` placeholders filled in. */
export function translate(language: Language, key: Key, values: Record<string, string | number> = {}): string {
  return catalogues[language][key].replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? ''));
}

export interface Localized {
  fr: string;
  en: string;
}
