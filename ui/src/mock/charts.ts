// Small SVG charts for the mock backend, standing in for the ones the Rust report code draws.
// They only need to look plausible; every text is escaped.
import type { LocalizedText } from '../lib/bindings/LocalizedText';

const COLOURS: Record<string, string> = {
  creative: '#2f6f9f',
  active: '#2f7f5f',
  curative: '#b0682c',
  preventive: '#b8493f',
  proactive: '#6b4f9a',
};
const INK = '#1f2a37';
const MUTED = '#5b6675';
const FONT = `font-family="DejaVu Sans, sans-serif"`;

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

const pick = (text: LocalizedText, language: string) => (language === 'en' ? text.en : text.fr);
const fixed = (value: number) => value.toFixed(1);

function svg(width: number, height: number, body: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" ${FONT}><rect width="100%" height="100%" fill="#ffffff"/>${body}</svg>`;
}

export interface StageSeries {
  id: string;
  name: LocalizedText;
  score: number | null;
  target: number;
}

export function radar(
  stages: StageSeries[],
  previous: (number | null)[] | null,
  language: string,
  words: { current: string; target: string; previous: string },
): string {
  const size = 520;
  const centre = { x: size / 2, y: 250 };
  const radius = 170;
  const angle = (index: number) => -Math.PI / 2 + (index * 2 * Math.PI) / stages.length;
  const point = (index: number, value: number) => {
    const r = (radius * Math.max(0, Math.min(100, value))) / 100;
    return `${fixed(centre.x + r * Math.cos(angle(index)))},${fixed(centre.y + r * Math.sin(angle(index)))}`;
  };
  let body = '';
  for (const ring of [25, 50, 75, 100]) {
    body += `<polygon points="${stages.map((_, index) => point(index, ring)).join(' ')}" fill="none" stroke="#d9dde3"/>`;
    const [x, y] = point(1, ring).split(',').map(Number);
    body += `<text x="${fixed(x + 4)}" y="${fixed(y + 12)}" font-size="11" fill="${MUTED}">${ring}</text>`;
  }
  stages.forEach((stage, index) => {
    body += `<line x1="${centre.x}" y1="${centre.y}" x2="${point(index, 100).split(',')[0]}" y2="${point(index, 100).split(',')[1]}" stroke="#d9dde3"/>`;
    const [x, y] = point(index, 122).split(',').map(Number);
    body += `<text x="${fixed(x)}" y="${fixed(y + 5)}" text-anchor="middle" font-size="15" font-weight="bold" fill="${COLOURS[stage.id] ?? INK}">${escapeXml(pick(stage.name, language))}</text>`;
  });
  body += `<polygon points="${stages.map((stage, index) => point(index, stage.target)).join(' ')}" fill="none" stroke="${INK}" stroke-width="2" stroke-dasharray="6 4"/>`;
  if (previous)
    body += `<polygon points="${stages.map((_, index) => point(index, previous[index] ?? 0)).join(' ')}" fill="none" stroke="#9aa3ad" stroke-width="2"/>`;
  body += `<polygon points="${stages.map((stage, index) => point(index, stage.score ?? 0)).join(' ')}" fill="#2f6f9f" fill-opacity="0.25" stroke="#2f6f9f" stroke-width="3"/>`;
  const legend: [string, string, string][] = [
    [words.current, '#2f6f9f', ''],
    [words.target, INK, '6 4'],
  ];
  if (previous) legend.push([words.previous, '#9aa3ad', '']);
  legend.forEach(([name, colour, dash], index) => {
    const x = 30 + index * 175;
    body += `<line x1="${x}" y1="500" x2="${x + 28}" y2="500" stroke="${colour}" stroke-width="3" ${dash ? `stroke-dasharray="${dash}"` : ''}/>`;
    body += `<text x="${x + 36}" y="505" font-size="14" fill="${INK}">${escapeXml(name)}</text>`;
  });
  return svg(size, 520, body);
}

export interface Bar {
  label: string;
  stage: string;
  score: number | null;
  target?: number;
}

export function bars(items: Bar[], noValue: string, options: { labelWidth?: number; rowHeight?: number } = {}): string {
  const labelWidth = options.labelWidth ?? 260;
  const rowHeight = options.rowHeight ?? 34;
  const barWidth = 360;
  const width = labelWidth + barWidth + 70;
  const height = items.length * rowHeight + 40;
  let body = '';
  for (const tick of [0, 20, 40, 60, 80, 100]) {
    const x = labelWidth + (barWidth * tick) / 100;
    body += `<line x1="${x}" y1="10" x2="${x}" y2="${height - 24}" stroke="#eceef1"/>`;
    body += `<text x="${x}" y="${height - 8}" font-size="11" text-anchor="middle" fill="${MUTED}">${tick}</text>`;
  }
  items.forEach((item, index) => {
    const y = 12 + index * rowHeight;
    const barHeight = rowHeight - 12;
    body += `<text x="${labelWidth - 10}" y="${y + barHeight / 2 + 5}" font-size="13" text-anchor="end" fill="${INK}">${escapeXml(item.label)}</text>`;
    if (item.score === null) {
      body += `<text x="${labelWidth + 6}" y="${y + barHeight / 2 + 5}" font-size="13" fill="${MUTED}">${escapeXml(noValue)}</text>`;
    } else {
      const w = (barWidth * item.score) / 100;
      body += `<rect x="${labelWidth}" y="${y}" width="${fixed(w)}" height="${barHeight}" rx="3" fill="${COLOURS[item.stage] ?? INK}"/>`;
      body += `<text x="${fixed(labelWidth + w + 6)}" y="${y + barHeight / 2 + 5}" font-size="13" fill="${INK}">${fixed(item.score)}</text>`;
    }
    if (item.target !== undefined) {
      const x = labelWidth + (barWidth * item.target) / 100;
      body += `<line x1="${x}" y1="${y - 3}" x2="${x}" y2="${y + barHeight + 3}" stroke="${INK}" stroke-width="3"/>`;
    }
  });
  return svg(width, height, body);
}

function heat(score: number | null): string {
  if (score === null) return '#eceef1';
  const stops = ['#f3d9d5', '#f1e3c6', '#e4ecd2', '#c9e2d3', '#9ccbb4'];
  return stops[Math.min(4, Math.floor(score / 20))];
}

/** Rows (themes) × columns (respondents or the group). */
export function heatmap(rows: { label: string; stage: string }[], columns: string[], cells: (number | null)[][]): string {
  const labelWidth = 270;
  const cellWidth = Math.max(70, Math.min(120, 480 / Math.max(1, columns.length)));
  const rowHeight = 24;
  const top = 60;
  const width = labelWidth + columns.length * cellWidth + 10;
  const height = top + rows.length * rowHeight + 10;
  let body = '';
  columns.forEach((column, index) => {
    const x = labelWidth + index * cellWidth + cellWidth / 2;
    body += `<text x="${fixed(x)}" y="${top - 12}" font-size="12" text-anchor="middle" fill="${INK}">${escapeXml(column.length > 14 ? `${column.slice(0, 13)}…` : column)}</text>`;
  });
  rows.forEach((row, rowIndex) => {
    const y = top + rowIndex * rowHeight;
    body += `<rect x="0" y="${y + 2}" width="5" height="${rowHeight - 4}" fill="${COLOURS[row.stage] ?? INK}"/>`;
    body += `<text x="${labelWidth - 8}" y="${y + 16}" font-size="12" text-anchor="end" fill="${INK}">${escapeXml(row.label.length > 38 ? `${row.label.slice(0, 37)}…` : row.label)}</text>`;
    columns.forEach((_, columnIndex) => {
      const score = cells[rowIndex]?.[columnIndex] ?? null;
      const x = labelWidth + columnIndex * cellWidth;
      body += `<rect x="${fixed(x + 1)}" y="${y + 1}" width="${fixed(cellWidth - 2)}" height="${rowHeight - 2}" fill="${heat(score)}"/>`;
      body += `<text x="${fixed(x + cellWidth / 2)}" y="${y + 16}" font-size="11" text-anchor="middle" fill="${INK}">${score === null ? '—' : Math.round(score)}</text>`;
    });
  });
  return svg(width, height, body);
}

/** Per row, the range of respondents' scores (min–max) and the mean. */
export function dispersion(rows: { label: string; stage: string; min: number; max: number; mean: number }[]): string {
  const labelWidth = 260;
  const plotWidth = 380;
  const rowHeight = 26;
  const width = labelWidth + plotWidth + 30;
  const height = rows.length * rowHeight + 40;
  let body = '';
  for (const tick of [0, 25, 50, 75, 100]) {
    const x = labelWidth + (plotWidth * tick) / 100;
    body += `<line x1="${x}" y1="6" x2="${x}" y2="${height - 24}" stroke="#eceef1"/>`;
    body += `<text x="${x}" y="${height - 8}" font-size="11" text-anchor="middle" fill="${MUTED}">${tick}</text>`;
  }
  rows.forEach((row, index) => {
    const y = 10 + index * rowHeight + rowHeight / 2;
    const x = (value: number) => fixed(labelWidth + (plotWidth * value) / 100);
    const colour = COLOURS[row.stage] ?? INK;
    body += `<text x="${labelWidth - 8}" y="${y + 4}" font-size="12" text-anchor="end" fill="${INK}">${escapeXml(row.label.length > 36 ? `${row.label.slice(0, 35)}…` : row.label)}</text>`;
    body += `<line x1="${x(row.min)}" y1="${y}" x2="${x(row.max)}" y2="${y}" stroke="${colour}" stroke-width="6" stroke-linecap="round" stroke-opacity="0.45"/>`;
    body += `<circle cx="${x(row.mean)}" cy="${y}" r="5" fill="${colour}"/>`;
  });
  return svg(width, height, body);
}
