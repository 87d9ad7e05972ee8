#!/usr/bin/env node
// `npm run bench [-- --skus 10000 --movements 1000000 --no-baseline]`
// Runs the ledger benchmarks in headless Chromium (real IndexedDB through Dexie, the app's ledger
// worker) and the pure core in Node, prints a table against the goals and writes bench/results.json
// as [{ name, value, unit, n }] (times in ms). Benchmarks are not tests: nothing here fails npm test.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { chromium } from 'playwright-core';
import { startStaticServer } from './static-server.mjs';
import { importTs } from './run-ts.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function parseArgs(argv) {
  const options = { skus: 10_000, movements: 1_000_000, baseline: true, firstScreenRuns: 3 };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--no-baseline') options.baseline = false;
    else if (arg === '--skus' || arg === '--movements') {
      const n = Number(argv[++i]);
      if (!Number.isInteger(n) || n < 1) throw new Error(`${arg} needs a positive whole number`);
      options[arg.slice(2)] = n;
    } else throw new Error(`unknown option ${arg}`);
  }
  return options;
}

/** Goals from the ledger-at-scale issue; `ratio` goals compare against another entry. */
const GOALS = {
  'ledger.write_1m_ms': { max: 5000 },
  'ledger.baseline_per_row_write_1m_ms': { minRatioOf: 'ledger.write_1m_ms', ratio: 10 },
  'ledger.read_1m_ms': { max: 1000 },
  'ledger.period_report_ms': { max: 200 },
  'app.first_screen_ms': { max: 1500 },
  'ledger.write_max_block_ms': { max: 100 },
  'app.ledger_browser_open_ms': { max: 1000 },
  'import.ledger_1m_ms': { max: 10000 },
  'import.max_block_ms': { max: 100 },
  'import.reimport_1m_ms': { max: 5000 },
  'import.papaparse_1m_ms': { maxRatioOf: 'import.ledger_1m_ms', ratio: 4 },
};

function findChromium() {
  const candidates = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].filter(Boolean);
  return candidates[0];
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const endDate = '2026-11-26';
  console.log(`Building the app and the bench page…`);
  await build({ configFile: path.join(root, 'vite.config.ts'), logLevel: 'warn' });
  await build({
    configFile: false,
    root: path.join(root, 'test/bench'),
    base: './',
    logLevel: 'warn',
    define: { __APP_VERSION__: JSON.stringify('bench') },
    build: { outDir: path.join(root, 'dist/bench'), emptyOutDir: true, target: 'es2022' },
  });

  const results = [];
  const n = options.movements;

  console.log('Node: pure core…');
  const nodeBench = await importTs(path.join(root, 'test/bench/node-bench.ts'));
  results.push(...nodeBench.runNodeBench(options.skus, options.movements));

  const server = await startStaticServer({ root: path.join(root, 'dist'), port: 0 });
  const userDataDir = mkdtempSync(path.join(os.tmpdir(), 'stockpilot-bench-'));
  const executablePath = findChromium();
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'],
    viewport: { width: 1400, height: 900 },
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    page.setDefaultTimeout(600_000);
    await page.goto(`${server.url}bench/index.html`);
    await page.waitForFunction(() => globalThis.document.getElementById('state')?.textContent === 'ready');
    console.log(`Chromium: writing ${n.toLocaleString('en')} movements for ${options.skus.toLocaleString('en')} SKUs${options.baseline ? ' (and the per-row baseline, about a minute)' : ''}…`);
    const benchOptions = { skuCount: options.skus, movementCount: n, endDate, baseline: options.baseline };
    const timings = await page.evaluate((o) => globalThis.stockpilotBench.run(o), benchOptions);
    results.push(
      { name: 'ledger.write_1m_ms', value: timings.writeMs, unit: 'ms', n },
      // The block is the longest gap between main-thread timer ticks (what a seller feels). Chromium's
      // Long Tasks entries are listed beside it: they also count the ledger worker's own tasks.
      { name: 'ledger.write_max_block_ms', value: timings.writeMaxBlockMs, unit: 'ms', n },
      { name: 'ledger.write_longtask_ms', value: timings.longestTaskMs, unit: 'ms', n },
      { name: 'ledger.read_1m_ms', value: timings.readMs, unit: 'ms', n: timings.readCount },
      { name: 'ledger.period_report_ms', value: timings.periodReportMs, unit: 'ms', n },
      { name: 'ledger.period_report_read_ms', value: timings.periodReadMs, unit: 'ms', n: timings.summaryRows },
      { name: 'browser.generate_demo_ms', value: timings.generateMs, unit: 'ms', n },
      { name: 'ledger.query_all_ms', value: timings.queryAllMs, unit: 'ms', n: timings.queryAllCount },
    );

    // Reload to an interactive first screen: the stock overview with its rows, on the data above.
    const firstScreen = [];
    for (let run = 0; run < options.firstScreenRuns; run++) {
      const started = Date.now();
      await page.goto(server.url);
      await page.waitForSelector('[data-testid="stock-row"]');
      await page.waitForSelector('[data-testid="stock-total"]');
      firstScreen.push(Date.now() - started);
    }
    firstScreen.sort((a, b) => a - b);
    results.push({ name: 'app.first_screen_ms', value: firstScreen[Math.floor(firstScreen.length / 2)], unit: 'ms', n });

    // Open the ledger browser on a freshly loaded app: every movement, newest first, first rows shown.
    const started = Date.now();
    await page.locator('nav [data-screen="ledger"]').click();
    await page.waitForSelector('[data-testid="ledger-browser-row"]');
    results.push({ name: 'app.ledger_browser_open_ms', value: Date.now() - started, unit: 'ms', n });

    // Import a 1M-row Inventory Ledger file through the app's worker, then the same file again.
    await page.goto(`${server.url}bench/index.html`);
    await page.waitForFunction(() => globalThis.document.getElementById('state')?.textContent === 'ready');
    console.log('Chromium: importing a 1M-row Inventory Ledger file…');
    const imported = await page.evaluate((o) => globalThis.stockpilotBench.runImport(o), benchOptions);
    results.push(
      { name: 'import.ledger_1m_ms', value: imported.importMs, unit: 'ms', n: imported.rows },
      { name: 'import.papaparse_1m_ms', value: imported.papaparseMs, unit: 'ms', n: imported.rows },
      { name: 'import.max_block_ms', value: imported.maxGapMs, unit: 'ms', n: imported.rows },
      { name: 'import.longtask_ms', value: imported.longestTaskMs, unit: 'ms', n: imported.rows },
      { name: 'import.reimport_1m_ms', value: imported.reimportMs, unit: 'ms', n: imported.rows },
      { name: 'import.file_mb', value: imported.fileBytes / 1048576, unit: 'MB', n: imported.rows },
    );
    if (imported.reimportNew !== 0 || imported.posted !== imported.rows) {
      throw new Error(`import bench: posted ${imported.posted} of ${imported.rows}, re-import found ${imported.reimportNew} new`);
    }

    if (options.baseline) {
      await page.goto(`${server.url}bench/index.html`);
      await page.waitForFunction(() => globalThis.document.getElementById('state')?.textContent === 'ready');
      const baselineMs = await page.evaluate((o) => globalThis.stockpilotBench.runBaseline(o), benchOptions);
      results.push({ name: 'ledger.baseline_per_row_write_1m_ms', value: baselineMs, unit: 'ms', n });
      results.push({ name: 'ledger.baseline_ratio', value: baselineMs / timings.writeMs, unit: 'x', n });
    }
  } finally {
    await context.close();
    await server.close();
    rmSync(userDataDir, { recursive: true, force: true });
  }

  for (const entry of results) entry.value = Math.round(entry.value * 10) / 10;
  mkdirSync(path.join(root, 'bench'), { recursive: true });
  writeFileSync(path.join(root, 'bench/results.json'), `${JSON.stringify(results, null, 2)}\n`);

  const byName = Object.fromEntries(results.map((r) => [r.name, r.value]));
  const verdict = (name) => {
    const goal = GOALS[name];
    if (!goal) return '';
    if (goal.max !== undefined) return `${byName[name] <= goal.max ? 'meets' : 'MISSES'} ≤ ${goal.max}`;
    if (goal.maxRatioOf !== undefined) {
      const ratio = byName[goal.maxRatioOf] / byName[name];
      return `${ratio <= goal.ratio ? 'meets' : 'MISSES'} ${goal.maxRatioOf} ≤ ${goal.ratio}× this (${ratio.toFixed(1)}×)`;
    }
    const ratio = byName[name] / byName[goal.minRatioOf];
    return `${ratio >= goal.ratio ? 'meets' : 'MISSES'} ≥ ${goal.ratio}× ${goal.minRatioOf} (${ratio.toFixed(0)}×)`;
  };
  console.log(`\nMachine: ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.platform()} ${os.release()}, Node ${process.version}, ${executablePath}`);
  console.table(results.map((r) => ({ name: r.name, value: r.value, unit: r.unit, n: r.n, goal: verdict(r.name) })));
  console.log('Wrote bench/results.json');
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
