/** Everything @s2/wire exports. */
export * from '@s2/wire';
