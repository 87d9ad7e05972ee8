// `node scripts/run-ts.mjs test/bench/import-profile.ts [rows] [rounds]`: the phases of a ledger
// re-import (import-phases.ts) in Node over the bench's synthetic file. A profiling aid, not part
// of `npm run bench` (which runs the same phases in Chromium with --profile-import).
import { webcrypto } from 'node:crypto';
import { importPhases } from './import-phases';
import { ledgerFile } from './ledger-file';

export async function main(args: string[]): Promise<number> {
  const rows = Number(args[0] ?? 1_000_000);
  const rounds = Number(args[1] ?? 2);
  const fnskus = Array.from({ length: 9000 }, (_, i) => `X00${String(i).padStart(7, '0')}`);
  const bytes = ledgerFile(fnskus, rows);
  console.log(`file: ${(bytes.length / 1048576).toFixed(1)} MB, ${rows} rows, Node ${process.version}`);
  for (let round = 1; round <= rounds; round++) {
    console.log(`--- round ${round}`);
    for (const { phase, ms } of await importPhases(bytes, fnskus, (b) => webcrypto.subtle.digest('SHA-256', b))) console.log(`${phase.padEnd(34)} ${ms.toFixed(0).padStart(6)} ms`);
  }
  return 0;
}
