#!/usr/bin/env node
/** `pnpm build:wasm`: rebuild src/generated/s2_accel.wasm and the module that embeds it. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  compileWasm,
  findToolchain,
  GENERATED_DIR,
  INSTALL_HINT,
  sha256,
  writeArtifacts,
} from './wasm-toolchain.mjs';

const toolchain = findToolchain();
if (toolchain.missing) {
  console.error(`build:wasm: cannot build the wasm module: ${toolchain.missing}.`);
  console.error(`build:wasm: ${INSTALL_HINT}.`);
  console.error('build:wasm: the committed module in src/generated is left as it is.');
  process.exit(1);
}
const work = mkdtempSync(path.join(tmpdir(), 's2-accel-build-'));
try {
  const bytes = compileWasm(toolchain.rustc, work);
  writeArtifacts(GENERATED_DIR, bytes, toolchain.version);
  console.log(`build:wasm: ${toolchain.version}: ${bytes.length} bytes, sha256 ${sha256(bytes)}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
