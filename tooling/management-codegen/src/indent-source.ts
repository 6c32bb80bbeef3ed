const openers = new Set(['{', '(', '[']);
const closers = new Set(['}', ')', ']']);

function closeLevels(stack: number[], count: number): void {
  let remaining = count;
  while (remaining > 0 && stack.length > 0) {
    const top = stack.length - 1;
    stack[top] = (stack[top] ?? 0) - 1;
    if ((stack[top] ?? 0) <= 0) stack.pop();
    remaining -= 1;
  }
}

/**
 * Indents generated source one level per line that leaves brackets open (two spaces a level),
 * so the committed file reads well without a formatter whose output could change between
 * versions.
 */
export function indentSource(source: string): string {
  const stack: number[] = [];
  return source
    .split('\n')
    .map((rawLine) => {
      const line = rawLine.trim();
      let index = 0;
      while (index < line.length && closers.has(line[index] ?? '')) index += 1;
      closeLevels(stack, index);
      const indent = '  '.repeat(stack.length);
      let balance = 0;
      for (const character of line.slice(index)) {
        if (openers.has(character)) balance += 1;
        else if (closers.has(character)) balance -= 1;
      }
      if (balance > 0) stack.push(balance);
      else closeLevels(stack, -balance);
      return line.length === 0 ? '' : `${indent}${line}`;
    })
    .join('\n');
}
