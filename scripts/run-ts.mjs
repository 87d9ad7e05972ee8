#!/usr/bin/env node
// Runs a TypeScript entry in Node: bundles it with esbuild into a temporary .mjs, then imports it.
// (Node 20 cannot run TypeScript itself; the command-line tools share shared/ with the app.)
import { build } from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export async function importTs(entry) {
  const dir = mkdtempSync(path.join(tmpdir(), 'stockpilot-ts-'));
  const outfile = path.join(dir, 'entry.mjs');
  try {
    await build({ entryPoints: [entry], bundle: true, platform: 'node', format: 'esm', target: 'node20', outfile, logLevel: 'warning' });
    return await import(pathToFileURL(outfile).href);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [entry, ...args] = process.argv.slice(2);
  if (!entry) {
    console.error('usage: node scripts/run-ts.mjs <entry.ts> [args…]');
    process.exit(2);
  }
  const module = await importTs(path.resolve(entry));
  if (typeof module.main !== 'function') {
    console.error(`${entry} must export a main(args) function`);
    process.exit(2);
  }
  process.exitCode = (await module.main(args)) ?? 0;
}
