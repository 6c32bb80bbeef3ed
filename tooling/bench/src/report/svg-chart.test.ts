import { describe, expect, it } from 'vitest';
import { sampleReport } from './sample-report.js';
import { escapeXml, svgChart } from './svg-chart.js';

describe('svgChart', () => {
  const svg = svgChart(sampleReport());

  it('is one svg element with a title', () => {
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
    expect(svg).toContain('<title>');
  });

  it('draws bars on a log scale from a tenth of the baseline', () => {
    const widths = [...svg.matchAll(/<rect x="300" y="[\d.]+" width="([\d.]+)"/g)].map((match) =>
      Number(match[1]),
    );
    expect(widths).toHaveLength(2);
    // 1× is one decade above the axis start and 4× is log10(40) decades: the ratio of lengths.
    expect((widths[1] ?? 0) / (widths[0] ?? 1)).toBeCloseTo(Math.log10(40), 2);
    expect(svg).toContain('4.00×');
  });

  it('marks 1× with a dashed line at the end of the baseline bar', () => {
    const baselineEnd = 300 + Number(svg.match(/<rect x="300" y="[\d.]+" width="([\d.]+)"/)?.[1]);
    expect(svg).toContain(`<line x1="${baselineEnd.toFixed(1)}"`);
  });

  it('lists clients without a figure with their reason instead of a bar', () => {
    expect(svg).toContain('not available: @s2/wire does not export connect() yet');
    expect(svg).toContain('failed: boom');
  });

  it('escapes text taken from the machine and the clients', () => {
    expect(svg).toContain('Test &lt;CPU&gt; &amp; co');
    expect(svg).not.toContain('<CPU>');
  });
});

describe('escapeXml', () => {
  it('escapes the five characters that matter in text and attributes', () => {
    expect(escapeXml(`a<b>&"c`)).toBe('a&lt;b&gt;&amp;&quot;c');
  });
});
