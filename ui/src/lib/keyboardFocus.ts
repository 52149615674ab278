// The keyboard user's focus ring, where the web view alone does not show it well enough.
//
// - WebKit does not mark a radio that the arrow keys focused as `:focus-visible`, so the ring
//   vanished while choosing among radio cards. The document says how it was last used
//   (`data-modality` on <html>: `keyboard` after a key, `pointer` after a click or a touch), and
//   app.css rings a focused radio while the keyboard is in use.
// - A sticky bar at the bottom of a long form (the new assessment's Create button) covered the
//   field the Tab key had just reached: the page scrolls it clear of the bar.

/** What `trackInputModality` needs of a document. */
export interface ModalityDocument {
  documentElement: { setAttribute(name: string, value: string): void };
  addEventListener(type: string, listener: (event: Event) => void, capture: boolean): void;
}

/** Keeps `data-modality` on the root element current: `keyboard` or `pointer`. */
export function trackInputModality(document: ModalityDocument): void {
  const set = (modality: 'keyboard' | 'pointer') => document.documentElement.setAttribute('data-modality', modality);
  document.addEventListener(
    'keydown',
    (event) => {
      const key = event as KeyboardEvent;
      // Shortcuts with Ctrl, Alt or Meta do not move the focus.
      if (!key.ctrlKey && !key.altKey && !key.metaKey) set('keyboard');
    },
    true,
  );
  document.addEventListener('pointerdown', () => set('pointer'), true);
}

/** Room left between a field and a bar that was covering it, in pixels. */
export const CLEARANCE_PX = 12;

/** How far to scroll down so that `box` ends above `bar` (0 when it already does). */
export function scrollToClear(box: { top: number; bottom: number }, bar: { top: number }): number {
  if (box.bottom <= bar.top) return 0;
  // Never scroll the field's top out of the window.
  return Math.max(0, Math.min(box.bottom - bar.top + CLEARANCE_PX, box.top));
}

/**
 * Scrolls the focused `target` clear of the sticky `bar` once the web view has scrolled it into
 * view (a radio is measured with its label, which is what the eye looks for).
 */
export function keepClearOf(target: EventTarget | null, bar: HTMLElement | undefined): void {
  if (!bar || !(target instanceof HTMLElement) || bar.contains(target)) return;
  requestAnimationFrame(() => {
    const box = (target.closest('label') ?? target).getBoundingClientRect();
    const distance = scrollToClear(box, bar.getBoundingClientRect());
    if (distance > 0) window.scrollBy({ top: distance });
  });
}
