// The closed lists the backend names (sectors, sizes, modes, statuses…), fetched once.
import { api } from './api';
import type { Choice } from './bindings/Choice';
import type { FormChoices } from './bindings/FormChoices';
import { pick } from './i18n';

let cached: Promise<FormChoices> | null = null;

export function formChoices(): Promise<FormChoices> {
  if (!cached) {
    cached = api.formChoices();
    cached.catch(() => (cached = null));
  }
  return cached;
}

/** The name of `id` in a list, or the id itself when the list does not hold it. */
export function nameOf<T extends string>(
  list: Choice<T>[] | undefined,
  id: T | null | undefined,
  language: string | null | undefined,
): string {
  if (!id) return '';
  const found = list?.find((choice) => choice.id === id);
  return found ? pick(found.name, language) : id;
}

/** Folds case and accents, for searching. */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLocaleLowerCase('fr');
}
