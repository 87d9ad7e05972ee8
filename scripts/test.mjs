#!/usr/bin/env node
// `npm test`: typecheck, lint, then the unit, database and browser suites, each with its count, and
// a last line "N passed, N failed". Stops at the first failing step so the failure is the last thing shown.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const reportDir = mkdtempSync(path.join(tmpdir(), 'stockpilot-test-'));
const suites = [];

function run(title, command, args) {
  console.log(`\n=== ${title} ===`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: process.env });
  if (result.status !== 0) {
    console.error(`\n${title} failed (exit ${result.status ?? result.signal}).`);
    finish(1);
  }
}

function runSuite(project) {
  const outputFile = path.join(reportDir, `${project}.json`);
  const result = spawnSync(npx, ['vitest', 'run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile.json=${outputFile}`], {
    stdio: 'inherit',
    env: process.env,
  });
  let counts = { passed: 0, failed: 0, skipped: 0 };
  try {
    const report = JSON.parse(readFileSync(outputFile, 'utf8'));
    counts = { passed: report.numPassedTests, failed: report.numFailedTests, skipped: report.numPendingTests + report.numTodoTests };
  } catch {
    counts.failed = Math.max(1, counts.failed);
  }
  suites.push({ project, ...counts });
  if (result.status !== 0 || counts.failed > 0) {
    console.error(`\nThe ${project} suite failed.`);
    finish(1);
  }
  if (counts.passed === 0) {
    console.error(`\nThe ${project} suite ran no test.`);
    finish(1);
  }
}

function finish(code) {
  rmSync(reportDir, { recursive: true, force: true });
  if (suites.length > 0) {
    console.log('\n=== Test counts ===');
    for (const s of suites) console.log(`${s.project.padEnd(5)} ${s.passed} passed, ${s.failed} failed${s.skipped ? `, ${s.skipped} skipped` : ''}`);
    const passed = suites.reduce((sum, s) => sum + s.passed, 0);
    const failed = suites.reduce((sum, s) => sum + s.failed, 0);
    console.log(`${passed} passed, ${failed} failed`);
  }
  process.exit(code);
}

run('typecheck', npx, ['tsc', '-p', 'shared/tsconfig.json']);
run('typecheck electron', npx, ['tsc', '-p', 'electron/tsconfig.json']);
run('typecheck renderer and tests', npx, ['tsc', '-p', 'tsconfig.json']);
run('lint', npx, ['eslint', '--max-warnings', '0', '.']);
runSuite('unit');
runSuite('db');
run('build the app for the browser tests', npx, ['vite', 'build', '--logLevel', 'warn']);
runSuite('e2e');
finish(0);
