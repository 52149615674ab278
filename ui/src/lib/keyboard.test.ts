import { describe, expect, it } from 'vitest';
import { isTyping, keyAction } from './keyboard';

const element = (tagName: string, extra: Record<string, unknown> = {}) => ({ tagName, ...extra }) as unknown as EventTarget;

describe('keyAction', () => {
  it('answers 0 to 4 from the digit keys, on QWERTY and AZERTY alike', () => {
    expect(keyAction({ key: '3', code: 'Digit3' })).toEqual({ type: 'answer', answer: '3' });
    // AZERTY top row without Shift: the key is "&", the physical key is Digit1.
    expect(keyAction({ key: '&', code: 'Digit1' })).toEqual({ type: 'answer', answer: '1' });
    expect(keyAction({ key: 'é', code: 'Digit2' })).toEqual({ type: 'answer', answer: '2' });
    expect(keyAction({ key: '0', code: 'Numpad0' })).toEqual({ type: 'answer', answer: '0' });
    expect(keyAction({ key: '4' })).toEqual({ type: 'answer', answer: '4' });
  });

  it('ignores 5 to 9', () => {
    expect(keyAction({ key: '5', code: 'Digit5' })).toBeNull();
    expect(keyAction({ key: '9', code: 'Numpad9' })).toBeNull();
  });

  it('reads a keypad key with Num Lock off as the arrow it is', () => {
    expect(keyAction({ key: 'ArrowLeft', code: 'Numpad4' })).toEqual({ type: 'previous' });
    expect(keyAction({ key: 'ArrowDown', code: 'Numpad2' })).toEqual({ type: 'next' });
  });

  it('leaves ? alone where “don’t know” is no answer (consensus values)', () => {
    expect(keyAction({ key: '?', code: 'Slash' }, { dontKnow: false })).toBeNull();
    expect(keyAction({ key: 'n', code: 'KeyN' }, { dontKnow: false })).toEqual({ type: 'answer', answer: 'NA' });
    expect(keyAction({ key: '2', code: 'Digit2' }, { dontKnow: false })).toEqual({ type: 'answer', answer: '2' });
    expect(keyAction({ key: 'Enter' }, { dontKnow: false })).toEqual({ type: 'next' });
  });

  it('maps n to NA and ? to don’t know', () => {
    expect(keyAction({ key: 'n', code: 'KeyN' })).toEqual({ type: 'answer', answer: 'NA' });
    expect(keyAction({ key: 'N', code: 'KeyN' })).toEqual({ type: 'answer', answer: 'NA' });
    expect(keyAction({ key: '?', code: 'Slash' })).toEqual({ type: 'answer', answer: '?' });
    expect(keyAction({ key: '?', code: 'KeyM' })).toEqual({ type: 'answer', answer: '?' });
  });

  it('moves with the arrows and Enter', () => {
    expect(keyAction({ key: 'ArrowRight' })).toEqual({ type: 'next' });
    expect(keyAction({ key: 'ArrowDown' })).toEqual({ type: 'next' });
    expect(keyAction({ key: 'Enter' })).toEqual({ type: 'next' });
    expect(keyAction({ key: 'ArrowLeft' })).toEqual({ type: 'previous' });
    expect(keyAction({ key: 'ArrowUp' })).toEqual({ type: 'previous' });
  });

  it('toggles help with h and goes to the comment with c', () => {
    expect(keyAction({ key: 'h' })).toEqual({ type: 'help' });
    expect(keyAction({ key: 'H' })).toEqual({ type: 'help' });
    expect(keyAction({ key: 'c' })).toEqual({ type: 'comment' });
  });

  it('leaves keys with Ctrl, Alt or Meta to the system', () => {
    expect(keyAction({ key: '1', code: 'Digit1', ctrlKey: true })).toBeNull();
    expect(keyAction({ key: 'ArrowRight', altKey: true })).toBeNull();
    expect(keyAction({ key: 'h', metaKey: true })).toBeNull();
  });

  it('does nothing while the user types in a field', () => {
    for (const target of [
      element('TEXTAREA'),
      element('INPUT', { type: 'text' }),
      element('INPUT', { type: 'search' }),
      element('INPUT', { type: 'date' }),
      element('SELECT'),
      element('DIV', { isContentEditable: true }),
    ]) {
      expect(keyAction({ key: '2', code: 'Digit2', target })).toBeNull();
      expect(keyAction({ key: 'ArrowRight', target })).toBeNull();
      expect(keyAction({ key: 'n', target })).toBeNull();
    }
  });

  it('still answers when a checkbox or a button has the focus', () => {
    expect(keyAction({ key: '2', code: 'Digit2', target: element('INPUT', { type: 'checkbox' }) })).toEqual({
      type: 'answer',
      answer: '2',
    });
    expect(keyAction({ key: '2', code: 'Digit2', target: element('BUTTON', { dataset: {} }) })).toEqual({
      type: 'answer',
      answer: '2',
    });
  });

  it('lets Enter press a focused button, except an answer button', () => {
    expect(keyAction({ key: 'Enter', target: element('BUTTON', { dataset: {} }) })).toBeNull();
    expect(keyAction({ key: 'Enter', target: element('A', { dataset: {} }) })).toBeNull();
    expect(keyAction({ key: 'Enter', target: element('BUTTON', { dataset: { answer: '3' } }) })).toEqual({ type: 'next' });
    expect(keyAction({ key: 'Enter', target: element('ARTICLE', { dataset: {} }) })).toEqual({ type: 'next' });
  });

  it('ignores other keys', () => {
    expect(keyAction({ key: 'x' })).toBeNull();
    expect(keyAction({ key: ' ' })).toBeNull();
    expect(keyAction({ key: 'Escape' })).toBeNull();
  });
});

describe('isTyping', () => {
  it('tells text fields from the rest', () => {
    expect(isTyping(null)).toBe(false);
    expect(isTyping(element('INPUT'))).toBe(true);
    expect(isTyping(element('INPUT', { type: 'radio' }))).toBe(false);
    expect(isTyping(element('BUTTON'))).toBe(false);
  });
});
