#!/usr/bin/env node
/**
 * `pnpm check:wasm` (CI): rebuild into a temporary directory and fail on any byte difference
 * from the committed src/generated files. Without the toolchain it says so and exits 0.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  compileWasm,
  findToolchain,
  GENERATED_DIR,
  INSTALL_HINT,
  MODULE_FILE,
  sha256,
  WASM_FILE,
  writeArtifacts,
} from './wasm-toolchain.mjs';

const toolchain = findToolchain();
if (toolchain.missing) {
  console.log(
    `check:wasm: SKIPPED, no toolchain to rebuild the wasm module: ${toolchain.missing}.`,
  );
  console.log(`check:wasm: to run this check, ${INSTALL_HINT}.`);
  process.exit(0);
}
const work = mkdtempSync(path.join(tmpdir(), 's2-accel-check-'));
try {
  const bytes = compileWasm(toolchain.rustc, work);
  writeArtifacts(work, bytes, toolchain.version);
  let failed = false;
  for (const file of [WASM_FILE, MODULE_FILE]) {
    const fresh = readFileSync(path.join(work, file));
    let committed;
    try {
      committed = readFileSync(path.join(GENERATED_DIR, file));
    } catch {
      committed = Buffer.alloc(0);
    }
    if (Buffer.compare(fresh, committed) === 0) {
      console.log(`check:wasm: ${file} matches the rebuild (sha256 ${sha256(fresh)})`);
    } else {
      failed = true;
      console.error(
        `check:wasm: ${file} DIFFERS from a fresh rebuild: committed ${committed.length} bytes sha256 ${sha256(committed)}, rebuilt ${fresh.length} bytes sha256 ${sha256(fresh)}`,
      );
    }
  }
  if (failed) {
    console.error(
      `check:wasm: run \`pnpm --filter @s2/accel-wasm build:wasm\` with ${toolchain.version} and commit src/generated.`,
    );
    process.exit(1);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
