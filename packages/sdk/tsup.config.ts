import { packageBuild } from '@s2/tsconfig/tsup';

export default packageBuild({
  platform: 'node',
  entry: {
    index: 'src/index.ts',
    wire: 'src/wire.ts',
    http: 'src/http.ts',
    'core-cursor': 'src/core-cursor.ts',
    management: 'src/management.ts',
    'accel-wasm': 'src/accel-wasm.ts',
  },
});
