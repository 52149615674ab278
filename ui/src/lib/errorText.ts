// What an error says to the user, in the interface's language: worded from the catalogues
// (`errors.<code>`) when the backend sent a typed detail, else the backend's own message.
import type { ApiError } from './bindings/ApiError';

type Translate = (key: string, options?: { values?: Record<string, string | number> }) => string;

export function errorText(error: ApiError, translate: Translate): string {
  if (!error.detail) return error.message;
  const { code, ...values } = error.detail;
  return translate(`errors.${code}`, { values });
}
