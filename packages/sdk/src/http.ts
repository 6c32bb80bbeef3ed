/** Everything @s2/http exports. */
export * from '@s2/http';
