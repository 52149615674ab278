/**
 * The mock's report settings per organisation: kept and checked like tcm-api's
 * `report_settings` handlers (text limits from the generated TEXT_LIMITS, 1 MiB logos). The mock
 * cannot read the logo file: a path ending in .png or .svg is taken as a valid logo of that
 * format, a path containing "hostile" is refused as the real reader refuses a crafted file.
 */
import type { ReportSection } from '../lib/bindings/ReportSection';
import type { ReportSettingsInput } from '../lib/bindings/ReportSettingsInput';
import type { ReportSettingsView } from '../lib/bindings/ReportSettingsView';
import { TEXT_LIMITS } from '../lib/bindings/limits';

const SECTIONS: ReportSection[] = ['summary', 'charts', 'workshop', 'plan', 'details', 'appendix'];
const MAX_LOGO_BYTES = 1024 * 1024;

type Fail = (kind: 'invalidInput', message: string) => never;

export function defaultReportSettings(organisationId: number): ReportSettingsView {
  return {
    organisationId,
    firmName: '',
    logo: null,
    coverTitle: '',
    preparedBy: '',
    preparedFor: '',
    confidentiality: '',
    executiveSummary: '',
    sections: SECTIONS.map((section) => ({ section, included: true })),
    language: null,
    maxLogoBytes: MAX_LOGO_BYTES,
  };
}

function checked(text: string, limit: number, name: string, fail: Fail): string {
  const cleaned = text.trim();
  const length = [...cleaned].length;
  if (length > limit) fail('invalidInput', `${name} is ${length} characters long; it holds at most ${limit}: shorten it`);
  return cleaned;
}

export function savedReportSettings(
  current: ReportSettingsView,
  input: ReportSettingsInput,
  fail: Fail,
): ReportSettingsView {
  return {
    ...current,
    firmName: checked(input.firmName, TEXT_LIMITS.firmName, "the firm's name", fail),
    coverTitle: checked(input.coverTitle, TEXT_LIMITS.coverField, "the cover's line", fail),
    preparedBy: checked(input.preparedBy, TEXT_LIMITS.coverField, "the cover's line", fail),
    preparedFor: checked(input.preparedFor, TEXT_LIMITS.coverField, "the cover's line", fail),
    confidentiality: checked(input.confidentiality, TEXT_LIMITS.coverField, "the cover's line", fail),
    executiveSummary: checked(input.executiveSummary, TEXT_LIMITS.executiveSummary, 'the executive summary', fail),
    sections: SECTIONS.map((section) => ({ section, included: !input.omittedSections.includes(section) })),
    language: input.language,
  };
}

export function withLogo(current: ReportSettingsView, path: string, fail: Fail): ReportSettingsView {
  const lower = path.toLowerCase();
  if (lower.includes('hostile'))
    fail('invalidInput', `${path}: the SVG logo refers to something outside itself: <image href="/etc/passwd"> (line 1)`);
  const format = lower.endsWith('.png') ? 'png' : lower.endsWith('.svg') ? 'svg' : null;
  if (!format)
    fail('invalidInput', `${path}: the logo is neither a PNG nor an SVG image (its first bytes are not a PNG signature or SVG markup)`);
  return { ...current, logo: { format, sizeBytes: 2048, width: 240, height: 80 } };
}
