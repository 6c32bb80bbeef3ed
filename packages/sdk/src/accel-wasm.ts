/** Everything @s2/accel-wasm exports. */
export * from '@s2/accel-wasm';
