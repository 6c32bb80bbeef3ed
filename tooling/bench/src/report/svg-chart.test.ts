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

  it('draws bars whose lengths follow the ratios', () => {
    const widths = [...svg.matchAll(/<rect x="300" y="[\d.]+" width="([\d.]+)"/g)].map((match) =>
      Number(match[1]),
    );
    expect(widths).toHaveLength(2);
    expect((widths[1] ?? 0) / (widths[0] ?? 1)).toBeCloseTo(4, 5);
    expect(svg).toContain('4.00×');
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
