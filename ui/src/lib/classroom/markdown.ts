// The Markdown subset case texts are written in (cases/README.md): headings, paragraphs,
// block quotes, bullet lists, tables, **bold** and *italic*. Parsed into plain blocks that the
// reader renders as Svelte elements, so no text of a case ever becomes HTML: a case written
// by a teacher cannot inject markup into the window.

/** A run of text, bold and/or italic. */
export interface Span {
  text: string;
  bold: boolean;
  italic: boolean;
}

export type Block =
  | { kind: 'heading'; level: number; spans: Span[] }
  | { kind: 'paragraph'; spans: Span[] }
  | { kind: 'quote'; spans: Span[] }
  | { kind: 'list'; items: Span[][] }
  | { kind: 'table'; header: Span[][]; rows: Span[][][] };

const SPACE_OR_PUNCTUATION = /[\s.,;:!?)\]}»”’]/u;

/** A `*` opens italics when a word follows it and a closing `*` comes later: `(*)` stays text. */
function opensItalic(text: string, index: number): boolean {
  const next = text[index + 1];
  if (next === undefined || SPACE_OR_PUNCTUATION.test(next) || next === '*') return false;
  for (let at = text.indexOf('*', index + 2); at !== -1; at = text.indexOf('*', at + 1))
    if (closesItalic(text, at)) return true;
  return false;
}

/** A `*` closes italics when it ends a word (not after a space). */
function closesItalic(text: string, index: number): boolean {
  const previous = text[index - 1];
  return previous !== undefined && !/\s/u.test(previous) && previous !== '*' && text[index + 1] !== '*';
}

/** Splits `**bold**` and `*italic*` runs; unmatched markers stay as text. */
export function inline(text: string): Span[] {
  const spans: Span[] = [];
  let bold = false;
  let italic = false;
  let current = '';
  const push = () => {
    if (current) spans.push({ text: current, bold, italic });
    current = '';
  };
  for (let index = 0; index < text.length; index += 1) {
    if (text.startsWith('**', index) && (bold || text.indexOf('**', index + 2) > index + 2)) {
      push();
      bold = !bold;
      index += 1;
    } else if (text[index] === '*' && (italic ? closesItalic(text, index) : opensItalic(text, index))) {
      push();
      italic = !italic;
    } else {
      current += text[index];
    }
  }
  push();
  return spans;
}

function cells(line: string): string[] {
  return line
    .trim()
    .replace(/^\|/, '')
    .replace(/\|$/, '')
    .split('|')
    .map((cell) => cell.trim());
}

const SEPARATOR = /^\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?$/;

/** Parses a case text into blocks. */
export function parseMarkdown(source: string): Block[] {
  const blocks: Block[] = [];
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  let paragraph: string[] = [];
  const flush = () => {
    if (paragraph.length) blocks.push({ kind: 'paragraph', spans: inline(paragraph.join(' ')) });
    paragraph = [];
  };
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index].trim();
    const heading = /^(#{1,6})\s+(.*)$/.exec(line);
    if (!line) {
      flush();
    } else if (heading) {
      flush();
      blocks.push({ kind: 'heading', level: heading[1].length, spans: inline(heading[2]) });
    } else if (line.startsWith('>')) {
      flush();
      const quoted = [line.replace(/^>\s?/, '')];
      while (index + 1 < lines.length && lines[index + 1].trim().startsWith('>')) {
        index += 1;
        quoted.push(lines[index].trim().replace(/^>\s?/, ''));
      }
      blocks.push({ kind: 'quote', spans: inline(quoted.join(' ')) });
    } else if (/^[-*]\s+/.test(line)) {
      flush();
      const items = [inline(line.replace(/^[-*]\s+/, ''))];
      while (index + 1 < lines.length && /^[-*]\s+/.test(lines[index + 1].trim())) {
        index += 1;
        items.push(inline(lines[index].trim().replace(/^[-*]\s+/, '')));
      }
      blocks.push({ kind: 'list', items });
    } else if (line.startsWith('|') && index + 1 < lines.length && SEPARATOR.test(lines[index + 1].trim())) {
      flush();
      const header = cells(line).map(inline);
      index += 1;
      const rows: Span[][][] = [];
      while (index + 1 < lines.length && lines[index + 1].trim().startsWith('|')) {
        index += 1;
        rows.push(cells(lines[index]).map(inline));
      }
      blocks.push({ kind: 'table', header, rows });
    } else {
      paragraph.push(line);
    }
  }
  flush();
  return blocks;
}
