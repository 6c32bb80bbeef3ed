const SCALES = [10, 100, 1000, 10_000] as const;

/**
 * The DOUBLE literal (`…e0`) of a number with at most 4 decimals and at most 15 significant
 * digits, such as prices and measurements, or undefined for any other number. `value` must
 * not be an integer (escapeNumber writes those first).
 * Formatting a double shortest-first is the dearest step of escaping one; an integer's digits
 * are cheap, and here they give the same text.
 *
 * Why the text is String(value)'s: when `scaled` = value × 10^k is an integer below 10^15 and
 * scaled / 10^k === value, the decimal d = scaled / 10^k rounds to value (the division is
 * correctly rounded). Distinct decimals of at most 15 significant digits round to distinct
 * doubles, so d is the shortest decimal that rounds to value, which is what String() writes,
 * in plain notation since 1e-4 ≤ |value| < 1e14, with no trailing zeros.
 */
export function fewDecimalsLiteral(value: number): string | undefined {
  for (let decimals = 1; decimals <= SCALES.length; decimals += 1) {
    const scale = SCALES[decimals - 1] as number;
    const scaled = value * scale;
    if (!Number.isInteger(scaled)) continue;
    if (scaled / scale !== value || scaled >= 1e15 || scaled <= -1e15) return undefined;
    const digits = String(scaled < 0 ? -scaled : scaled);
    let end = digits.length;
    // A non-integer has a non-zero decimal, so this stops inside the decimals.
    while (digits.charCodeAt(end - 1) === 48) end -= 1;
    const point = digits.length - decimals;
    const sign = scaled < 0 ? '-' : '';
    return point > 0
      ? `${sign}${digits.slice(0, point)}.${digits.slice(point, end)}e0`
      : `${sign}0.${'0'.repeat(-point)}${digits.slice(0, end)}e0`;
  }
  return undefined;
}
