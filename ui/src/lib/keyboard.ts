// The questionnaire's keyboard map. Keys answer and move only when the user is not typing in a
// field, and never with Ctrl, Alt or Meta (those belong to the system and the web view).
import type { AnswerValue } from './bindings/AnswerValue';
export type KeyAction =
  | { type: 'answer'; answer: AnswerValue }
  | { type: 'next' }
  | { type: 'previous' }
  | { type: 'help' }
  | { type: 'comment' };

export interface KeyLike {
  key: string;
  /** The physical key: digits are read from it, so that the top row answers on AZERTY too. */
  code?: string;
  ctrlKey?: boolean;
  altKey?: boolean;
  metaKey?: boolean;
  target?: EventTarget | null;
}

/** The map shown to users, in this order. */
export const KEY_MAP: { keys: string[]; action: string }[] = [
  { keys: ['0', '1', '2', '3', '4'], action: 'answer' },
  { keys: ['N'], action: 'na' },
  { keys: ['?'], action: 'dk' },
  { keys: ['→', '↓', 'Entrée'], action: 'next' },
  { keys: ['←', '↑'], action: 'previous' },
  { keys: ['H'], action: 'help' },
  { keys: ['C'], action: 'comment' },
];

/** True when the keystroke goes to a text field, a list or an editable element. */
export function isTyping(target: EventTarget | null | undefined): boolean {
  if (!target || typeof target !== 'object') return false;
  const element = target as { tagName?: string; isContentEditable?: boolean; type?: string };
  const tag = element.tagName?.toUpperCase();
  if (element.isContentEditable) return true;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag === 'INPUT') {
    const type = (element.type ?? 'text').toLowerCase();
    return !['button', 'checkbox', 'radio', 'submit', 'reset', 'range', 'color', 'file'].includes(type);
  }
  return false;
}

/** A button or link that Enter activates by itself (the answer buttons excepted). */
function activates(target: EventTarget | null | undefined): boolean {
  if (!target || typeof target !== 'object') return false;
  const element = target as { tagName?: string; dataset?: Record<string, string | undefined> };
  const tag = element.tagName?.toUpperCase();
  if (tag !== 'BUTTON' && tag !== 'A' && tag !== 'SUMMARY') return false;
  return element.dataset?.answer === undefined;
}

export interface KeyOptions {
  /** Whether `?` answers "don't know" (a consensus value cannot be "don't know"). */
  dontKnow?: boolean;
}

/** What a keystroke does in the questionnaire, or null when it is not ours. */
export function keyAction(event: KeyLike, { dontKnow = true }: KeyOptions = {}): KeyAction | null {
  if (event.ctrlKey || event.altKey || event.metaKey) return null;
  if (isTyping(event.target)) return null;
  const digit = /^(?:Digit|Numpad)([0-4])$/.exec(event.code ?? '');
  // A keypad key with Num Lock off is an arrow: let the key speak then.
  if (digit && (event.code!.startsWith('Digit') || /^[0-4]$/.test(event.key)))
    return { type: 'answer', answer: digit[1] as AnswerValue };
  if (event.key === 'Enter' && activates(event.target)) return null;
  switch (event.key) {
    case '0':
    case '1':
    case '2':
    case '3':
    case '4':
      return { type: 'answer', answer: event.key as AnswerValue };
    case 'n':
    case 'N':
      return { type: 'answer', answer: 'NA' };
    case '?':
      return dontKnow ? { type: 'answer', answer: '?' } : null;
    case 'ArrowRight':
    case 'ArrowDown':
    case 'Enter':
      return { type: 'next' };
    case 'ArrowLeft':
    case 'ArrowUp':
      return { type: 'previous' };
    case 'h':
    case 'H':
      return { type: 'help' };
    case 'c':
    case 'C':
      return { type: 'comment' };
    default:
      return null;
  }
}
