/** Everything @s2/core-cursor exports. */
export * from '@s2/core-cursor';
