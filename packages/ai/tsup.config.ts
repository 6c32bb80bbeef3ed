import { packageBuild } from '@s2/tsconfig/tsup';

export default packageBuild({ platform: 'neutral' });
