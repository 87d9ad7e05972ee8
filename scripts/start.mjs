// `npm start`: build the renderer (dist/) and the shell (dist-electron/), then launch Electron.
// When Electron cannot run here (runtime binary not downloaded, no display, crash on start), serve
// dist/ on 127.0.0.1 instead and say why, so the app is always usable in a Chromium browser.
//   --web       skip Electron, serve dist/ directly (`npm run web`)
//   --no-build  reuse dist/ and dist-electron/ when they already exist
//   PORT=nnnn   serve on exactly this port (default 4173, or the next free one)
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildElectron } from './build-electron.mjs';
import { startStaticServer } from './static-server.mjs';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const distDir = path.join(projectRoot, 'dist');
const require = createRequire(import.meta.url);
const DEFAULT_PORT = 4173;
/** Electron that exits within this time (with an error) counts as "could not start". */
const STARTUP_GRACE_MS = 4000;

const args = process.argv.slice(2);
const webOnly = args.includes('--web');
const noBuild = args.includes('--no-build');

/** @param {string} message @returns {never} */
function fail(message) {
  console.error(`\n${message}\n`);
  process.exit(1);
}

function buildRenderer() {
  if (!existsSync(path.join(projectRoot, 'renderer', 'index.html'))) {
    fail('Cannot build StockPilot: renderer/index.html does not exist yet.');
  }
  const vitePackage = require.resolve('vite/package.json');
  const viteBin = path.join(path.dirname(vitePackage), JSON.parse(readFileSync(vitePackage, 'utf8')).bin.vite);
  console.log('Building the app (vite build)…');
  const result = spawnSync(process.execPath, [viteBin, 'build'], { cwd: projectRoot, stdio: 'inherit' });
  if (result.status !== 0) fail('The app build (vite build) failed — see the errors above. Nothing was started.');
}

/** @param {{ electron: boolean }} options */
async function buildAll({ electron }) {
  const haveWeb = existsSync(path.join(distDir, 'index.html'));
  const haveShell = existsSync(path.join(projectRoot, 'dist-electron', 'main.cjs'));
  if (noBuild && haveWeb && (haveShell || !electron)) return;
  if (noBuild) console.log('--no-build: the previous build is incomplete, so building anyway.');
  if (!noBuild || !haveWeb) buildRenderer();
  if (electron && (!noBuild || !haveShell)) {
    try {
      await buildElectron({ root: projectRoot, quiet: true });
    } catch (error) {
      fail(`The Electron shell build failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}

/**
 * The Electron executable, or the reason there is none.
 * @returns {{ binary: string } | { reason: string }}
 */
function findElectronBinary() {
  let binary;
  try {
    // The electron package exports the path of the runtime it downloaded on install; it throws when
    // that download never happened.
    binary = require('electron');
  } catch {
    return { reason: 'The Electron runtime is not installed on this machine (its binary could not be downloaded)' };
  }
  if (typeof binary !== 'string' || !existsSync(binary)) {
    return { reason: `The Electron runtime is missing (expected at ${binary})` };
  }
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    return { reason: 'There is no graphical display for the desktop window here (neither DISPLAY nor WAYLAND_DISPLAY is set)' };
  }
  return { binary };
}

/**
 * Launches Electron. Resolves 'running' once it has survived the start-up grace period (then this
 * process follows its exit code), or { reason } if it failed to spawn or exited early with an error.
 */
function launchElectron(/** @type {string} */ binary) {
  return /** @type {Promise<'running' | { reason: string }>} */ (new Promise((resolve) => {
    const env = { ...process.env };
    delete env.ELECTRON_RUN_AS_NODE; // would make the binary behave as plain Node
    const passThrough = args.filter((arg) => arg !== '--no-build');
    const child = spawn(binary, [projectRoot, ...passThrough], { cwd: projectRoot, env, stdio: 'inherit' });
    let settled = false;
    const timer = setTimeout(() => {
      settled = true;
      resolve('running');
    }, STARTUP_GRACE_MS);
    child.once('error', (error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ reason: `Electron could not be started (${error.message})` });
    });
    child.once('exit', (code, signal) => {
      if (!settled) {
        settled = true;
        clearTimeout(timer);
        if (code === 0) process.exit(0); // the user quit straight away
        resolve({ reason: `Electron exited right after starting (${signal ? `signal ${signal}` : `exit code ${code}`}; a missing display or graphics libraries are the usual cause)` });
        return;
      }
      process.exit(code ?? 1);
    });
  }));
}

/** @param {string | null} reason Why the desktop window is not used; null for --web. */
async function serveBrowserMode(reason) {
  const envPort = process.env.PORT;
  const requestedPort = envPort ? Number(envPort) : DEFAULT_PORT;
  if (!Number.isInteger(requestedPort) || requestedPort < 0 || requestedPort > 65535) {
    fail(`PORT=${envPort} is not a port number (use 1–65535).`);
  }
  const server = await startStaticServer({
    root: distDir,
    port: requestedPort,
    host: '127.0.0.1',
    strictPort: Boolean(envPort),
  }).catch((error) => fail(error instanceof Error ? error.message : String(error)));

  const lead = reason
    ? `${reason}, so StockPilot is running in browser mode`
    : 'StockPilot is running in browser mode';
  console.log(
    `\n${lead}: open ${server.url} in Chrome, Chromium or Edge. ` +
      "Your data lives in that browser's profile, under this exact address — keep using the same browser and address to see it again.",
  );
  if (server.port !== requestedPort) {
    console.log(
      `\nNote: port ${requestedPort} was busy, so this session uses port ${server.port}. The browser keeps data per address, ` +
        `so anything saved at http://127.0.0.1:${requestedPort}/ is not visible here; close whatever uses port ${requestedPort} and start again to get back to it.`,
    );
  }
  console.log('\nPress Ctrl+C to stop.\n');

  const stop = () => {
    server.close().finally(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

async function main() {
  await buildAll({ electron: !webOnly });
  if (webOnly) return serveBrowserMode(null);

  const found = findElectronBinary();
  if ('reason' in found) return serveBrowserMode(found.reason);
  const outcome = await launchElectron(found.binary);
  if (outcome !== 'running') return serveBrowserMode(outcome.reason);
}

main().catch((error) => fail(error instanceof Error ? error.message : String(error)));
