import { describe, expect, it } from 'vitest';
import { arrive, focusIsLost, type FocusDocument, type Focusable } from './arrival';

class Element implements Focusable {
  attributes = new Map<string, string>();
  constructor(private readonly page: Page) {}
  hasAttribute(name: string) {
    return this.attributes.has(name);
  }
  setAttribute(name: string, value: string) {
    this.attributes.set(name, value);
  }
  focus() {
    this.page.activeElement = this;
  }
}

class Page implements FocusDocument {
  body = {};
  documentElement = {};
  activeElement: unknown = this.body;
  heading: Element | null = null;
  loading = false;
  querySelector(selector: string): Focusable | null {
    if (selector === '[aria-busy="true"]') return this.loading ? new Element(this) : null;
    return selector === 'h1' ? this.heading : null;
  }
}

/** Timers run by hand: `run()` fires the pending one. */
function manualTimers() {
  let pending: (() => void) | null = null;
  return {
    set: (run: () => void) => {
      pending = run;
      return 1;
    },
    clear: () => {
      pending = null;
    },
    run: () => {
      const next = pending;
      pending = null;
      next?.();
    },
    get pending() {
      return pending !== null;
    },
  };
}

describe('focus after a screen change', () => {
  it('knows a lost focus from a held one', () => {
    const page = new Page();
    expect(focusIsLost(page)).toBe(true);
    page.activeElement = page.documentElement;
    expect(focusIsLost(page)).toBe(true);
    page.activeElement = null;
    expect(focusIsLost(page)).toBe(true);
    page.activeElement = new Element(page);
    expect(focusIsLost(page)).toBe(false);
  });

  it('gives the lost focus to the heading, focusable by script only', () => {
    const page = new Page();
    page.heading = new Element(page);
    arrive(page, page, manualTimers());
    expect(page.activeElement).toBe(page.heading);
    expect(page.heading.attributes.get('tabindex')).toBe('-1');
    expect(page.heading.hasAttribute('data-arrival')).toBe(true);
  });

  it('waits for the screen to load, then focuses its heading', () => {
    const page = new Page();
    const timers = manualTimers();
    page.heading = new Element(page);
    page.loading = true;
    arrive(page, page, timers);
    expect(page.activeElement).toBe(page.body);
    timers.run();
    expect(page.activeElement).toBe(page.body);
    page.loading = false;
    timers.run();
    expect(page.activeElement).toBe(page.heading);
  });

  it('leaves the focus where the screen or the user put it', () => {
    const page = new Page();
    const timers = manualTimers();
    page.loading = true;
    page.heading = new Element(page);
    arrive(page, page, timers);
    const card = new Element(page);
    card.focus();
    page.loading = false;
    timers.run();
    expect(page.activeElement).toBe(card);
    expect(timers.pending).toBe(false);
  });

  it('stops waiting when asked and after the timeout', () => {
    const page = new Page();
    const timers = manualTimers();
    page.loading = true;
    const stop = arrive(page, page, timers);
    expect(timers.pending).toBe(true);
    stop();
    expect(timers.pending).toBe(false);

    const slow = manualTimers();
    arrive(page, page, slow, 100);
    let polls = 0;
    while (slow.pending) {
      slow.run();
      polls += 1;
    }
    expect(polls).toBe(2);
    expect(page.activeElement).toBe(page.body);
  });
});
