// Typed wrappers around the desktop shell's commands. Each name matches a command registered
// in src-tauri/src/lib.rs (a Rust test checks both lists agree); argument and result types are
// generated from Rust by ts-rs into ./bindings.
import { invoke } from '@tauri-apps/api/core';
import type { ApiError } from './bindings/ApiError';
import type { QuestionnaireOverview } from './bindings/QuestionnaireOverview';

/** Tells an ApiError ({kind, message}) from any other thrown value. */
export function isApiError(value: unknown): value is ApiError {
  return (
    typeof value === 'object' &&
    value !== null &&
    'kind' in value &&
    'message' in value &&
    typeof (value as { message: unknown }).message === 'string'
  );
}

/** Turns whatever a command threw into an ApiError. */
export function toApiError(value: unknown): ApiError {
  if (isApiError(value)) return value;
  return { kind: 'internal', message: value instanceof Error ? value.message : String(value) };
}

async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (error) {
    throw toApiError(error);
  }
}

export const api = {
  listQuestionnaires: () => call<QuestionnaireOverview[]>('list_questionnaires'),
  questionnaireOverview: (id: string | null = null) =>
    call<QuestionnaireOverview>('questionnaire_overview', { id }),
};
