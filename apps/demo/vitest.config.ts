import { packageTests } from '@s2/tsconfig/vitest';

export default packageTests(import.meta.dirname, { testTimeout: 120_000 });
