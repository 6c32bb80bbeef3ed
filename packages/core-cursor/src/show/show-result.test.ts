import { describe, expect, it } from 'vitest';
import { ShowResult } from './show-result.js';

const result = new ShowResult(
  ['Name', 'Rows', 'Note'],
  [
    { Name: 'alpha', Rows: 5, Note: '<b>&"x"</b>' },
    { Name: 'b', Rows: 12345, Note: null },
  ],
  [253, 8, 253],
);

describe('ShowResult', () => {
  it('gives rows by index, slices, and length', () => {
    expect(result.length).toBe(2);
    expect(result.at(-1)?.Name).toBe('b');
    expect(result.slice(1).rows).toEqual([result.at(1)]);
    expect(result.slice(1).columns).toEqual(result.columns);
  });

  it('renders a text table with numbers right-aligned by type (quirk 84)', () => {
    expect(result.toString()).toBe(
      [
        '| Name  |  Rows | Note        |',
        '-------------------------------',
        '| alpha |     5 | <b>&"x"</b> |',
        '| b     | 12345 | NULL        |',
      ].join('\n'),
    );
    expect(new ShowResult(['Name'], [], [253]).toString()).toBe('');
  });

  it('renders HTML with every value escaped (quirk 85)', () => {
    const html = result.toHtml();
    expect(html.startsWith('<table border="1" class="dataframe"><thead><tr><th')).toBe(true);
    expect(html).toContain(
      '<td style="text-align: left; vertical-align: top">&lt;b&gt;&amp;&quot;x&quot;&lt;/b&gt;</td>',
    );
    expect(html).not.toContain('<b>');
    expect(new ShowResult([], [], []).toHtml()).toBe('');
  });
});
