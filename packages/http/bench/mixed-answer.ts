/**
 * The `/query/tuples` answer to tooling/bench's mixed query, generated in memory: 200k rows of
 * INT, BIGINT, DOUBLE, DECIMAL(14,4), VARCHAR, DATETIME, a 90%-NULL INT and a 16-float vector,
 * the vector as VECTOR(16, F32) JSON (SingleStore) or VARBINARY(64) base64 (MariaDB, as
 * tooling/bench records it).
 */
export const ROWS = 200_000;

export type VectorForm = 'vector' | 'varbinary';

/** A deterministic pseudo-random source, so that every run parses the same text. */
function generator(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

function columns(vector: VectorForm) {
  return [
    { name: 'i', dataType: 'INT', nullable: false },
    { name: 'bi', dataType: 'BIGINT', nullable: true },
    { name: 'd', dataType: 'DOUBLE', nullable: true },
    { name: 'de', dataType: 'DECIMAL(14,4)', nullable: true },
    { name: 'vc', dataType: 'VARCHAR', nullable: true },
    { name: 'dtm', dataType: 'DATETIME', nullable: true },
    { name: 'sparse', dataType: 'INT', nullable: true },
    { name: 'v', dataType: vector === 'vector' ? 'VECTOR(16, F32)' : 'VARBINARY', nullable: true },
  ];
}

export function mixedAnswer(wideBigints: boolean, vector: VectorForm = 'vector'): string {
  const random = generator(42);
  const rows: string[] = [];
  const floats = new Float32Array(16);
  const start = Date.UTC(2020, 0, 1);
  for (let row = 0; row < ROWS; row++) {
    // As in tooling/bench's mixed table: every 16th BIGINT beyond 2^53 in the wide variant.
    const bigint =
      wideBigints && row % 16 === 0
        ? (9_007_199_254_740_993n + BigInt(row)).toString()
        : String(Math.floor(random() * 4e9 - 2e9) * 1024);
    for (let item = 0; item < 16; item++) floats[item] = random() * 2 - 1;
    const created = new Date(start + Math.floor(random() * 5 * 365 * 86_400) * 1000)
      .toISOString()
      .slice(0, 19)
      .replace('T', ' ');
    const cells = [
      String(row),
      bigint,
      (random() * 1e6 - 5e5).toPrecision(15),
      JSON.stringify((Math.floor(random() * 1e9) / 1e4).toFixed(4)),
      JSON.stringify(`name ${row} ✓ "${(random() * 1e4).toFixed(0)}"`),
      JSON.stringify(created),
      row % 10 === 0 ? String(row) : 'null',
      vector === 'vector'
        ? `[${Array.from(floats).join(',')}]`
        : JSON.stringify(Buffer.from(floats.buffer).toString('base64')),
    ];
    rows.push(`[${cells.join(',')}]`);
  }
  return `{"results":[{"columns":${JSON.stringify(columns(vector))},"rows":[${rows.join(',')}]}]}`;
}
