import { describe, expect, it } from 'vitest';
import { CLEARANCE_PX, scrollToClear, trackInputModality } from './keyboardFocus';

describe('the keyboard focus', () => {
  it('tells the last way the window was used', () => {
    const attributes = new Map<string, string>();
    const listeners = new Map<string, (event: Event) => void>();
    trackInputModality({
      documentElement: { setAttribute: (name, value) => attributes.set(name, value) },
      addEventListener: (type, listener) => listeners.set(type, listener),
    });
    listeners.get('keydown')!({ key: 'Tab' } as unknown as Event);
    expect(attributes.get('data-modality')).toBe('keyboard');
    listeners.get('pointerdown')!({} as Event);
    expect(attributes.get('data-modality')).toBe('pointer');
    // A shortcut does not count as moving around with the keyboard.
    listeners.get('keydown')!({ key: 'c', ctrlKey: true } as unknown as Event);
    expect(attributes.get('data-modality')).toBe('pointer');
  });

  it('scrolls a field from under a sticky bar, and no further', () => {
    expect(scrollToClear({ top: 100, bottom: 140 }, { top: 700 })).toBe(0);
    expect(scrollToClear({ top: 100, bottom: 700 }, { top: 700 })).toBe(0);
    expect(scrollToClear({ top: 680, bottom: 760 }, { top: 700 })).toBe(60 + CLEARANCE_PX);
    // A field taller than the room above the bar keeps its top in the window.
    expect(scrollToClear({ top: 30, bottom: 760 }, { top: 700 })).toBe(30);
  });
});
