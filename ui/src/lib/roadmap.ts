// Layout of the roadmap: where an initiative's bar sits over the quarters, which wave a point
// of the timeline falls in (for a drag), owners and statuses of an initiative's actions. Pure
// geometry over what the strategy handler sent: the waves, their dates and each initiative's
// wave are decided in Rust; nothing here derives them.
import type { InitiativeView } from './bindings/InitiativeView';
import type { WaveView } from './bindings/WaveView';

const DAY_MS = 86_400_000;

/** Days since 1970 of a `YYYY-MM-DD` date (UTC, so no daylight-saving drift). */
export function dayNumber(date: string): number {
  const [year, month, day] = date.split('-').map(Number);
  return Math.round(Date.UTC(year, month - 1, day) / DAY_MS);
}

/** The span the roadmap draws: from the first wave's start to the last date shown. */
export interface Span {
  start: number;
  end: number;
}

/** The span covering every wave and every initiative (dates set by the user may fall outside). */
export function spanOf(waves: WaveView[], initiatives: InitiativeView[]): Span {
  const days = [...waves.flatMap((wave) => [wave.start, wave.end]), ...initiatives.flatMap((i) => [i.start, i.end])].map(
    dayNumber,
  );
  if (days.length === 0) return { start: 0, end: 1 };
  const start = Math.min(...days);
  return { start, end: Math.max(start + 1, ...days) };
}

/** Left edge and width of a bar, in percent of the span; at least 1 % wide to stay visible. */
export function place(start: string, end: string, span: Span): { left: number; width: number } {
  const length = span.end - span.start;
  const left = ((dayNumber(start) - span.start) / length) * 100;
  const right = ((dayNumber(end) - span.start) / length) * 100;
  const clampedLeft = Math.min(Math.max(left, 0), 99);
  return { left: clampedLeft, width: Math.max(Math.min(right, 100) - clampedLeft, 1) };
}

/** The quarters the span covers: label ("T1 2027" / "Q1 2027") and position. */
export function quarters(span: Span, prefix: string): { label: string; left: number; width: number }[] {
  const first = new Date(span.start * DAY_MS);
  let year = first.getUTCFullYear();
  let quarter = Math.floor(first.getUTCMonth() / 3);
  const out: { label: string; left: number; width: number }[] = [];
  for (;;) {
    const from = Math.round(Date.UTC(year, quarter * 3, 1) / DAY_MS);
    if (from >= span.end || out.length > 60) break;
    const to = Math.round(Date.UTC(year, quarter * 3 + 3, 1) / DAY_MS);
    const left = Math.max(from, span.start);
    const right = Math.min(to, span.end);
    out.push({
      label: `${prefix}${quarter + 1} ${year}`,
      left: ((left - span.start) / (span.end - span.start)) * 100,
      width: ((right - left) / (span.end - span.start)) * 100,
    });
    quarter += 1;
    if (quarter === 4) {
      quarter = 0;
      year += 1;
    }
  }
  return out;
}

/** The wave whose window holds the point at `fraction` (0–1) of the span; the nearest one outside. */
export function waveAt(fraction: number, span: Span, waves: WaveView[]): number | null {
  if (waves.length === 0 || !Number.isFinite(fraction)) return null;
  const day = span.start + Math.min(Math.max(fraction, 0), 1) * (span.end - span.start);
  const inside = waves.find((wave) => day >= dayNumber(wave.start) && day < dayNumber(wave.end));
  if (inside) return inside.number;
  return day < dayNumber(waves[0].start) ? waves[0].number : waves[waves.length - 1].number;
}

/** The distinct owners of an initiative's actions, in the order they appear. */
export function owners(initiative: InitiativeView): string[] {
  const seen: string[] = [];
  for (const action of initiative.actions) {
    const owner = action.owner.trim();
    if (owner && !seen.includes(owner)) seen.push(owner);
  }
  return seen;
}

/** An initiative's state from its actions: started when one is in progress or done. */
export function progress(initiative: InitiativeView): 'notStarted' | 'started' {
  return initiative.actions.some((action) => action.status === 'in-progress' || action.status === 'done')
    ? 'started'
    : 'notStarted';
}

/** The lead initiatives first (in sequence), then the others: the focused plan. */
export function focused(initiatives: InitiativeView[]): { lead: InitiativeView[]; rest: InitiativeView[] } {
  return {
    lead: initiatives.filter((initiative) => initiative.leads),
    rest: initiatives.filter((initiative) => !initiative.leads),
  };
}
