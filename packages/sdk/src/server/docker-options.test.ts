import type {
  ContainerDefinition,
  SinglestoreContainerOptions,
} from '@s2/test-server/singlestore-container';
import { describe, expectTypeOf, it } from 'vitest';
import type { DockerContainerDefinition, DockerServerOptions } from './docker-options.js';

describe('the public Docker types', () => {
  it('match the launcher they are bundled with, both ways', () => {
    expectTypeOf<
      Omit<DockerServerOptions, 'database'>
    >().toEqualTypeOf<SinglestoreContainerOptions>();
    expectTypeOf<DockerContainerDefinition>().toEqualTypeOf<ContainerDefinition>();
  });
});
