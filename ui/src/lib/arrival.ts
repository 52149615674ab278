// Where the keyboard focus goes when the screen changes under it. A button that changes the
// screen (Create, See the results, Open) disappears with the old screen and takes the focus with
// it: the web view then starts the next Tab from the top of the window, and a screen reader says
// nothing of the new screen. Once the new screen has loaded, its main heading takes the focus,
// unless the screen (the questionnaire's card) or the user already put it somewhere.

/** The part of a document this module reads (a fake in unit tests). */
export interface FocusDocument {
  readonly activeElement: unknown;
  readonly body: unknown;
  readonly documentElement: unknown;
}

/** The part of an element this module uses. */
export interface Focusable {
  hasAttribute(name: string): boolean;
  setAttribute(name: string, value: string): void;
  focus(options?: { preventScroll?: boolean }): void;
}

/** The part of the screen's container this module reads. */
export interface Screen {
  querySelector(selector: string): Focusable | null;
}

/** How long a screen may take to load before the focus is left where it is. */
export const ARRIVAL_TIMEOUT_MS = 4000;
const POLL_MS = 50;

/** True when nothing holds the focus (it fell to the page with a removed element). */
export function focusIsLost(document: FocusDocument): boolean {
  const active = document.activeElement;
  return active === null || active === undefined || active === document.body || active === document.documentElement;
}

/**
 * Moves the focus to the screen's main heading once the screen no longer shows a loading state,
 * if the focus was lost meanwhile. Returns a function that stops waiting (the next screen change).
 */
export function arrive(
  screen: Screen,
  document: FocusDocument,
  timers: { set: (run: () => void, ms: number) => unknown; clear: (handle: unknown) => void } = {
    set: (run, ms) => setTimeout(run, ms),
    clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
  },
  timeout = ARRIVAL_TIMEOUT_MS,
): () => void {
  let waited = 0;
  let handle: unknown = null;
  const attempt = () => {
    handle = null;
    if (!focusIsLost(document)) return;
    const heading = screen.querySelector('[aria-busy="true"]') ? null : screen.querySelector('h1');
    if (heading) {
      // Focusable by script only: a heading is not a Tab stop.
      if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
      heading.setAttribute('data-arrival', '');
      heading.focus({ preventScroll: true });
      return;
    }
    if (waited >= timeout) return;
    waited += POLL_MS;
    handle = timers.set(attempt, POLL_MS);
  };
  attempt();
  return () => {
    if (handle !== null) timers.clear(handle);
    handle = null;
  };
}
