import * as accelWasm from '@s2/accel-wasm';
import * as coreCursor from '@s2/core-cursor';
import * as http from '@s2/http';
import * as management from '@s2/management';
import * as wire from '@s2/wire';
import { describe, expect, it } from 'vitest';
import * as accelWasmSubpath from './accel-wasm.js';
import * as coreCursorSubpath from './core-cursor.js';
import * as httpSubpath from './http.js';
import * as sdk from './index.js';
import * as managementSubpath from './management.js';
import * as wireSubpath from './wire.js';

const leaves: Record<string, Record<string, unknown>> = {
  '@s2/core-cursor': coreCursor,
  '@s2/wire': wire,
  '@s2/http': http,
  '@s2/management': management,
  '@s2/accel-wasm': accelWasm,
};

/** Names two leaves export with different values, and the leaf the SDK takes each from. */
const chosen: Record<string, string> = {
  ManagementError: '@s2/management',
  connect: '@s2/sdk',
};

describe('the @s2/sdk entry point', () => {
  it('re-exports every name of @s2/core-cursor unchanged, except deliberate choices', () => {
    for (const [name, value] of Object.entries(coreCursor)) {
      if (name in chosen) continue;
      expect(Reflect.get(sdk, name), name).toBe(value);
    }
  });

  it('takes each name it re-exports from a leaf without changing it', () => {
    for (const [name, value] of Object.entries(sdk)) {
      const owners = Object.entries(leaves).filter(([, leaf]) => name in leaf);
      if (owners.length === 0) continue;
      const owner = chosen[name];
      if (owner === '@s2/sdk') continue;
      const source = owner ? leaves[owner] : owners[0]?.[1];
      expect(value, name).toBe(source?.[name]);
    }
  });

  it('has made a choice for every name two leaves export with different values', () => {
    const firstSeen = new Map<string, { leaf: string; value: unknown }>();
    const collisions: string[] = [];
    for (const [leafName, leaf] of Object.entries(leaves)) {
      for (const [name, value] of Object.entries(leaf)) {
        const seen = firstSeen.get(name);
        if (!seen) firstSeen.set(name, { leaf: leafName, value });
        else if (seen.value !== value && !(name in chosen))
          collisions.push(`${name} (${seen.leaf}, ${leafName})`);
      }
    }
    expect(collisions).toEqual([]);
  });

  it('exposes each leaf whole under its subpath', () => {
    expect({ ...wireSubpath }).toEqual({ ...wire });
    expect({ ...httpSubpath }).toEqual({ ...http });
    expect({ ...coreCursorSubpath }).toEqual({ ...coreCursor });
    expect({ ...managementSubpath }).toEqual({ ...management });
    expect({ ...accelWasmSubpath }).toEqual({ ...accelWasm });
  });

  it('exports connect and the server tools', () => {
    expect(typeof sdk.connect).toBe('function');
    expect(typeof sdk.server.local.start).toBe('function');
    expect(typeof sdk.server.docker.start).toBe('function');
  });
});
