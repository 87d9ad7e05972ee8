// Bundles the Electron shell: electron/main.ts -> dist-electron/main.cjs and
// electron/preload.ts -> dist-electron/preload.cjs. The preload must be one self-contained file:
// a sandboxed preload can require('electron') but no local module, so this build fails if it would.
import { build } from 'esbuild';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** @param {{ root?: string, quiet?: boolean }} [options] */
export async function buildElectron({ root = projectRoot, quiet = false } = {}) {
  /** @type {import('esbuild').BuildOptions} */
  const common = {
    absWorkingDir: root,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['electron'],
    sourcemap: 'linked',
    metafile: true,
    logLevel: quiet ? 'warning' : 'info',
  };
  const [, preload] = await Promise.all([
    build({ ...common, entryPoints: ['electron/main.ts'], outfile: 'dist-electron/main.cjs' }),
    build({ ...common, entryPoints: ['electron/preload.ts'], outfile: 'dist-electron/preload.cjs' }),
  ]);

  const preloadRequires = Object.values(preload.metafile?.outputs ?? {})
    .flatMap((output) => output.imports)
    .filter((entry) => entry.external && entry.path !== 'electron')
    .map((entry) => entry.path);
  if (preloadRequires.length > 0) {
    throw new Error(
      `electron/preload.ts pulls in ${preloadRequires.join(', ')} at runtime, but a sandboxed preload can only require 'electron'. ` +
        'Import that code from a bundled module (e.g. shared/) instead.',
    );
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  buildElectron().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
