import { packageBuild } from '@s2/tsconfig/tsup';

export default packageBuild({
  entry: { index: 'src/index.ts', internal: 'src/internal.ts' },
  platform: 'node',
});
