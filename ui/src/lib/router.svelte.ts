// A state-based router: a desktop window has no address bar, so the screen is a value, with a
// history for "back".
export type AssessmentTab = 'questionnaire' | 'results' | 'plan' | 'export' | 'live';

/** The views of a class exercise (ui/src/lib/classroom). */
export type ClassView = 'read' | 'files' | 'grade' | 'debrief';

export type Route =
  | { name: 'home' }
  | { name: 'new' }
  | { name: 'settings' }
  | { name: 'classes' }
  | { name: 'class'; exercise: number; view: ClassView }
  | { name: AssessmentTab; assessment: number };

export function isAssessmentRoute(route: Route): route is { name: AssessmentTab; assessment: number } {
  return 'assessment' in route;
}

class Router {
  current: Route = $state({ name: 'home' });
  private history: Route[] = [];

  go(route: Route): void {
    if (JSON.stringify(route) === JSON.stringify(this.current)) return;
    this.history.push(this.current);
    if (this.history.length > 50) this.history.shift();
    this.current = route;
    if (typeof window !== 'undefined') window.scrollTo({ top: 0 });
  }

  /** The previous screen; home when there is none, or when it was a form already left. */
  back(): void {
    let previous = this.history.pop();
    while (previous && previous.name === 'new') previous = this.history.pop();
    this.current = previous ?? { name: 'home' };
  }

  home(): void {
    this.go({ name: 'home' });
  }
}

export const router = new Router();
