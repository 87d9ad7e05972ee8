#!/usr/bin/env node
// `npm run bench [-- --skus 10000 --movements 1000000 --no-baseline --only import --profile-import]`
// Runs the ledger benchmarks in headless Chromium (real IndexedDB through Dexie, the app's ledger
// worker) and the pure core in Node, prints a table against the goals and writes bench/results.json
// as [{ name, value, unit, n }] (times in ms). Benchmarks are not tests: nothing here fails npm test.
// `--only` runs some groups (node, ledger, plan, import, baseline; comma-separated) and then writes
// dist/bench-results.partial.json instead, so a partial run never replaces the full figures.
// `--profile-import` also times the phases of a ledger re-import in the page (test/bench/import-phases.ts).
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { chromium } from 'playwright-core';
import { startStaticServer } from './static-server.mjs';
import { importTs } from './run-ts.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const GROUPS = ['node', 'ledger', 'plan', 'import', 'baseline'];

function parseArgs(argv) {
  const options = { skus: 10_000, movements: 1_000_000, baseline: true, firstScreenRuns: 3, only: null, profileImport: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--no-baseline') options.baseline = false;
    else if (arg === '--profile-import') options.profileImport = true;
    else if (arg === '--only') {
      const groups = String(argv[++i] ?? '').split(',');
      for (const group of groups) if (!GROUPS.includes(group)) throw new Error(`--only takes some of ${GROUPS.join(', ')}`);
      options.only = new Set(groups);
    } else if (arg === '--skus' || arg === '--movements') {
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
  'import.extra_memory_ratio': { max: 3 },
  'plan.full_replan_ms': { max: 1000 },
  'plan.compute_ms': { max: 100 },
  'plan.whatif_ms': { max: 500 },
  'forecast.wape_ratio_vs_ma30': { max: 0.85 },
};

// ---------------------------------------------------------------------------------------------
// Memory of the browser, sampled from outside (Linux /proc)
//
// What the import costs in memory is measured on the operating system's side, not with JS heap
// counters: the ledger worker does the parsing in its own V8 isolate, the file's bytes and the
// typed-array columns live outside any JS heap (ArrayBuffer backing stores), and IndexedDB values
// are serialised into Blink/mojo buffers. All of that is resident memory of the renderer process,
// which hosts the page and its dedicated worker alike.
//
// A sample is the anonymous resident memory of a process (resident minus file-backed and shared
// pages, from /proc/<pid>/statm: what its heaps and buffers hold in RAM) summed over every renderer
// process of the launched Chromium. statm is read from counters, without walking page tables as
// smaps does, so sampling every 50 ms does not slow the import down. The import runs in a fresh tab,
// so one renderer holds the page and the ledger worker; idle renderers (Chromium keeps a spare one)
// add nothing to a difference. Also sampled, as an aside, is every Chromium process (browser, GPU,
// network and storage services too): that figure adds IndexedDB's own write buffers in the storage
// service, which are not the import's parsing.
//
// Linux only (/proc); elsewhere the memory entries are left out of the results.
//
// Includes: V8 heaps of page and worker (live objects and garbage not yet collected), ArrayBuffers,
// decoded text, Blink and IPC buffers, allocator caches. Excludes: the file on disk and the page
// cache, shared-memory IPC segments, memory of other processes (in the renderer figure), and any
// spike shorter than the 50 ms sampling interval (the columns and buffers of an import live far
// longer than that).

/** Chromium processes descended from this Node process: pid and `--type=` (null for the browser process). */
function chromiumProcesses() {
  const parent = new Map();
  const type = new Map();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      parent.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
      // Chromium rewrites its process title, so the arguments may be joined by spaces rather than NULs.
      const args = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      type.set(Number(entry), /(?:^|[\s\0])--type=([^\s\0]+)/.exec(args)?.[1] ?? null);
    } catch {
      // The process ended while the table was read.
    }
  }
  const ours = new Set([process.pid]);
  for (let grown = true; grown; ) {
    grown = false;
    for (const [pid, ppid] of parent) {
      if (!ours.has(pid) && ours.has(ppid)) {
        ours.add(pid);
        grown = true;
      }
    }
  }
  ours.delete(process.pid);
  return [...ours].map((pid) => ({ pid, type: type.get(pid) ?? null }));
}

const PAGE_BYTES = 4096;

/** Anonymous resident bytes of a process (statm: resident − shared pages); 0 once it has ended. */
function anonymousBytes(pid) {
  try {
    const [, resident, shared] = readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ').map(Number);
    return (resident - shared) * PAGE_BYTES;
  } catch {
    return 0;
  }
}

/** One sample of `processes`: bytes resident in the renderer processes and in all of them. */
function memorySample(processes) {
  let renderer = 0;
  let browser = 0;
  for (const { pid, type } of processes) {
    const bytes = anonymousBytes(pid);
    browser += bytes;
    if (type === 'renderer') renderer += bytes;
  }
  return { renderer, browser };
}

/** Samples every `intervalMs` until stopped (the process list looked up again every second); returns the baseline and the peaks. */
function startMemoryWatch(intervalMs = 50) {
  let processes = chromiumProcesses();
  const baseline = memorySample(processes);
  const peak = { ...baseline };
  let samples = 1;
  const started = performance.now();
  const timeline = [];
  const take = () => {
    if (samples % Math.round(1000 / intervalMs) === 0) processes = chromiumProcesses();
    const sample = memorySample(processes);
    timeline.push({ ms: Math.round(performance.now() - started), rendererMb: Math.round((sample.renderer - baseline.renderer) / 1048576) });
    peak.renderer = Math.max(peak.renderer, sample.renderer);
    peak.browser = Math.max(peak.browser, sample.browser);
    samples++;
  };
  const timer = setInterval(take, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      take();
      return { baseline, peak, samples, timeline };
    },
  };
}

function findChromium() {
  const candidates = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].filter(Boolean);
  return candidates[0];
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const runs = (group) => options.only === null || options.only.has(group);
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

  const nodeBench = await importTs(path.join(root, 'test/bench/node-bench.ts'));
  if (runs('node')) {
    console.log('Node: pure core…');
    results.push(...nodeBench.runNodeBench(options.skus, options.movements));
  }

  const server = await startStaticServer({ root: path.join(root, 'dist'), port: 0 });
  const userDataDir = mkdtempSync(path.join(os.tmpdir(), 'stockpilot-bench-'));
  const executablePath = findChromium();
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath,
    headless: true,
    // --expose-gc: the import's memory baseline is taken after a collection of the page's heap.
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage', '--js-flags=--expose-gc'],
    viewport: { width: 1400, height: 900 },
  });
  const openBenchPage = async (page) => {
    page.setDefaultTimeout(600_000);
    await page.goto(`${server.url}bench/index.html`);
    await page.waitForFunction(() => globalThis.document.getElementById('state')?.textContent === 'ready');
  };
  try {
    let page = context.pages()[0] ?? (await context.newPage());
    await openBenchPage(page);
    const benchOptions = { skuCount: options.skus, movementCount: n, endDate, baseline: options.baseline };
    let writeMs = null;
    if (runs('ledger')) {
      console.log(`Chromium: writing ${n.toLocaleString('en')} movements for ${options.skus.toLocaleString('en')} SKUs…`);
      const timings = await page.evaluate((o) => globalThis.stockpilotBench.run(o), benchOptions);
      writeMs = timings.writeMs;
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
    }

    if (runs('plan')) {
      if (!runs('ledger')) throw new Error('--only plan needs the ledger group too (it plans on the ledger that group writes)');
      // A fresh page starts a fresh ledger worker: the full replan reads everything from IndexedDB.
      // The worker is started before it (the app starts it at launch, and also loads the ledger's
      // blocks then, which the bench does not), and that start is its own figure.
      console.log('Chromium: replenishment plan on that ledger…');
      await page.goto(`${server.url}bench/index.html`);
      await page.waitForFunction(() => globalThis.document.getElementById('state')?.textContent === 'ready');
      const plan = await page.evaluate((today) => globalThis.stockpilotBench.plan({ today }), endDate);
      results.push(
        { name: 'plan.worker_start_ms', value: plan.workerStartMs, unit: 'ms', n: 1 },
        { name: 'plan.full_replan_ms', value: plan.fullReplanMs, unit: 'ms', n: plan.lines },
        { name: 'plan.read_ms', value: plan.readMs, unit: 'ms', n: plan.lines },
        { name: 'plan.history_ms', value: plan.historyMs, unit: 'ms', n: plan.lines },
        { name: 'plan.inputs_ms', value: plan.inputsMs, unit: 'ms', n: plan.lines },
        { name: 'plan.compute_ms', value: plan.computeMs, unit: 'ms', n: plan.lines },
        { name: 'plan.whatif_ms', value: plan.whatIfMs, unit: 'ms', n: plan.lines },
        { name: 'plan.second_replan_ms', value: plan.secondReplanMs, unit: 'ms', n: plan.lines },
        { name: 'plan.second_compute_ms', value: plan.secondComputeMs, unit: 'ms', n: plan.lines },
      );
    }

    if (runs('import')) {
      // Import a 1M-row Inventory Ledger file through the app's worker, then the same file again.
      // A fresh tab (its own renderer process) keeps the app's million movements above out of the
      // memory figure; the old tab closes so its renderer ends.
      const importPage = await context.newPage();
      await page.close();
      page = importPage;
      await openBenchPage(page);
      const fnskus = await page.evaluate((o) => globalThis.stockpilotBench.prepareImport(o), benchOptions);
      // The file is written by Node and handed to a file input, as a seller picks it: the page gets a
      // disk-backed File and holds no bytes of it until the import reads them.
      console.log('Node: writing a 1M-row Inventory Ledger file…');
      const filePath = path.join(userDataDir, 'ledger.txt');
      writeFileSync(filePath, nodeBench.ledgerFile(fnskus, n));
      await page.setInputFiles('#ledger-file', filePath);

      console.log('Chromium: importing it…');
      // Baseline: the page's garbage collected, the worker started (as in the app, where it is
      // running before any file is dropped), nothing of the file read yet. The peak is the most
      // memory seen from handing the dropped File to the worker to the applied import. The worker
      // reads the File a slice at a time, as the app does: a ratio of 1 would be the whole file.
      await page.evaluate(() => globalThis.gc?.());
      await new Promise((resolve) => setTimeout(resolve, 500));
      const watch = existsSync('/proc/self/statm') ? startMemoryWatch() : null;
      const imported = await page.evaluate(() => globalThis.stockpilotBench.importFile());
      const memory = watch?.stop() ?? null;
      const reimported = await page.evaluate(() => globalThis.stockpilotBench.reimportFile());
      const papaparsed = await page.evaluate(() => globalThis.stockpilotBench.papaparseFile());
      const rows = imported.rows;
      results.push(
        { name: 'import.ledger_1m_ms', value: imported.importMs, unit: 'ms', n: rows },
        { name: 'import.papaparse_1m_ms', value: papaparsed.papaparseMs, unit: 'ms', n: rows },
        { name: 'import.max_block_ms', value: imported.maxGapMs, unit: 'ms', n: rows },
        { name: 'import.longtask_ms', value: imported.longestTaskMs, unit: 'ms', n: rows },
        { name: 'import.reimport_1m_ms', value: reimported.reimportMs, unit: 'ms', n: rows },
        { name: 'import.file_mb', value: imported.fileBytes / 1048576, unit: 'MB', n: rows },
      );
      if (memory) {
        const extra = memory.peak.renderer - memory.baseline.renderer;
        results.push(
          { name: 'import.extra_memory_mb', value: extra / 1048576, unit: 'MB', n: rows },
          { name: 'import.extra_memory_ratio', value: extra / imported.fileBytes, unit: 'x', n: rows },
          { name: 'import.browser_extra_memory_mb', value: (memory.peak.browser - memory.baseline.browser) / 1048576, unit: 'MB', n: rows },
        );
        console.log(`  memory: ${memory.samples} samples; renderer ${(memory.baseline.renderer / 1048576).toFixed(0)} → peak ${(memory.peak.renderer / 1048576).toFixed(0)} MB, all of Chromium ${(memory.baseline.browser / 1048576).toFixed(0)} → ${(memory.peak.browser / 1048576).toFixed(0)} MB`);
      } else console.log('  memory: not measured (no /proc on this system)');
      if (reimported.reimportNew !== 0 || imported.posted !== rows || papaparsed.rows < rows) {
        throw new Error(`import bench: posted ${imported.posted} of ${rows}, re-import found ${reimported.reimportNew} new, PapaParse read ${papaparsed.rows} rows`);
      }
      if (options.profileImport && memory) {
        console.log('Renderer memory over the import (MB above the baseline, every 250 ms):');
        console.log(memory.timeline.filter((_, i) => i % 5 === 0).map((s) => `${s.ms}:${s.rendererMb}`).join(' '));
      }
      if (options.profileImport) {
        const phases = await page.evaluate((f) => globalThis.stockpilotBench.profileImport(f), fnskus);
        console.log('Re-import phases in Chromium (main thread):');
        console.table(phases.map((p) => ({ phase: p.phase, ms: Math.round(p.ms) })));
      }
    }

    if (options.baseline && runs('baseline')) {
      console.log('Chromium: the per-row baseline (about a minute)…');
      await openBenchPage(page);
      const baselineMs = await page.evaluate((o) => globalThis.stockpilotBench.runBaseline(o), benchOptions);
      results.push({ name: 'ledger.baseline_per_row_write_1m_ms', value: baselineMs, unit: 'ms', n });
      if (writeMs !== null) results.push({ name: 'ledger.baseline_ratio', value: baselineMs / writeMs, unit: 'x', n });
    }
  } finally {
    await context.close();
    await server.close();
    rmSync(userDataDir, { recursive: true, force: true });
  }

  for (const entry of results) entry.value = Math.round(entry.value * (entry.unit === 'x' ? 100 : 10)) / (entry.unit === 'x' ? 100 : 10);
  mkdirSync(path.join(root, 'bench'), { recursive: true });
  const resultsFile = options.only === null ? 'bench/results.json' : 'dist/bench-results.partial.json';
  writeFileSync(path.join(root, resultsFile), `${JSON.stringify(results, null, 2)}\n`);

  const byName = Object.fromEntries(results.map((r) => [r.name, r.value]));
  const verdict = (name) => {
    const goal = GOALS[name];
    if (!goal) return '';
    if (goal.max !== undefined) return `${byName[name] <= goal.max ? 'meets' : 'MISSES'} ≤ ${goal.max}`;
    const other = byName[goal.maxRatioOf ?? goal.minRatioOf];
    if (other === undefined) return '';
    if (goal.maxRatioOf !== undefined) {
      const ratio = other / byName[name];
      return `${ratio <= goal.ratio ? 'meets' : 'MISSES'} ${goal.maxRatioOf} ≤ ${goal.ratio}× this (${ratio.toFixed(1)}×)`;
    }
    const ratio = byName[name] / other;
    return `${ratio >= goal.ratio ? 'meets' : 'MISSES'} ≥ ${goal.ratio}× ${goal.minRatioOf} (${ratio.toFixed(0)}×)`;
  };
  console.log(`\nMachine: ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.platform()} ${os.release()}, Node ${process.version}, ${executablePath}`);
  console.table(results.map((r) => ({ name: r.name, value: r.value, unit: r.unit, n: r.n, goal: verdict(r.name) })));
  console.log(`Wrote ${resultsFile}`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
