import { describe, expect, it } from 'vitest';
import { inline, parseMarkdown } from './markdown';

describe('case text Markdown', () => {
  it('reads headings, paragraphs, quotes, lists and tables', () => {
    const blocks = parseMarkdown(
      [
        '# Blédina : « pas à pas »',
        '',
        '> **Sources.** Un mémoire',
        '> de 2004.',
        '',
        'Une marque,',
        'un groupe.',
        '',
        '* première',
        '* seconde',
        '',
        '| Année | Part |',
        '|---|---:|',
        '| 2003 | 44,6 % |',
      ].join('\n'),
    );
    expect(blocks.map((block) => block.kind)).toEqual(['heading', 'quote', 'paragraph', 'list', 'table']);
    expect(blocks[0]).toEqual({ kind: 'heading', level: 1, spans: [{ text: 'Blédina : « pas à pas »', bold: false, italic: false }] });
    expect(blocks[1]).toMatchObject({ kind: 'quote', spans: [{ text: 'Sources.', bold: true }, { text: ' Un mémoire de 2004.', bold: false }] });
    expect(blocks[2]).toMatchObject({ kind: 'paragraph', spans: [{ text: 'Une marque, un groupe.' }] });
    expect(blocks[3]).toMatchObject({ kind: 'list', items: [[{ text: 'première' }], [{ text: 'seconde' }]] });
    expect(blocks[4]).toMatchObject({ kind: 'table', header: [[{ text: 'Année' }], [{ text: 'Part' }]], rows: [[[{ text: '2003' }], [{ text: '44,6 %' }]]] });
  });

  it('keeps markup characters as text, never as HTML', () => {
    const [block] = parseMarkdown('<img src=x onerror=alert(1)> a * b');
    expect(block).toEqual({ kind: 'paragraph', spans: [{ text: '<img src=x onerror=alert(1)> a * b', bold: false, italic: false }] });
  });

  it('reads italic and bold runs and leaves a lone marker alone', () => {
    expect(inline('un *astérisque* et **gras** (*)')).toEqual([
      { text: 'un ', bold: false, italic: false },
      { text: 'astérisque', bold: false, italic: true },
      { text: ' et ', bold: false, italic: false },
      { text: 'gras', bold: true, italic: false },
      { text: ' (*)', bold: false, italic: false },
    ]);
  });

  it('keeps a marker shown in brackets as text when emphasis follows', () => {
    expect(inline('marqués d’un astérisque (*) sont des **situations** et *ajouts*')).toEqual([
      { text: 'marqués d’un astérisque (*) sont des ', bold: false, italic: false },
      { text: 'situations', bold: true, italic: false },
      { text: ' et ', bold: false, italic: false },
      { text: 'ajouts', bold: false, italic: true },
    ]);
  });
});
