/** Everything @s2/management exports. */
export * from '@s2/management';
