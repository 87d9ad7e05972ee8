// Automatic backups on the desktop: their file names, when one is due, and which ones to keep.
// Pure rules (times are passed in as epoch milliseconds), used by the main process that writes and
// rotates the files and by the renderer that decides when to ask for one.

/** `daily`: taken at start-up when the last one is a day old. `before-restore`: the data a restore is about to replace. */
export type AutoBackupKind = 'daily' | 'before-restore';

export const AUTO_BACKUP_KINDS: readonly AutoBackupKind[] = ['daily', 'before-restore'];

export interface AutoBackupInfo {
  name: string;
  kind: AutoBackupKind;
  createdAtMs: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** A daily backup is due when the newest one is at least this old. */
export const DAILY_BACKUP_INTERVAL_MS = DAY_MS;
/** Rotation keeps the newest daily backup of this many days… */
export const KEEP_DAILY_COUNT = 7;
/** …and, of the older ones, the newest of this many weeks. */
export const KEEP_WEEKLY_COUNT = 4;
/** A safety copy is kept at least this long: the span the daily and weekly backups cover. */
export const SAFETY_COPY_MIN_KEEP_MS = (KEEP_DAILY_COUNT + 7 * KEEP_WEEKLY_COUNT) * DAY_MS;

// stockpilot-auto-2026-11-27T09-30-15-123Z-daily.stockpilot: sorts by time in a file manager, has no
// characters any file system refuses, and milliseconds keep two backups of one second apart.
const NAME_PATTERN = /^stockpilot-auto-(\d{4})-(\d{2})-(\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z-(daily|before-restore)\.stockpilot$/;

export function autoBackupFileName(kind: AutoBackupKind, createdAtMs: number): string {
  const iso = new Date(createdAtMs).toISOString(); // 2026-11-27T09:30:15.123Z
  if (!/^\d{4}-/.test(iso)) throw new RangeError(`autoBackupFileName: ${createdAtMs} is outside the years 0000–9999`);
  return `stockpilot-auto-${iso.slice(0, 19).replace(/:/g, '-')}-${iso.slice(20, 23)}Z-${kind}.stockpilot`;
}

/** The kind and time an automatic backup's name says, or null for any other name (the only names the app reads or deletes). */
export function parseAutoBackupFileName(name: string): AutoBackupInfo | null {
  const match = NAME_PATTERN.exec(name);
  if (!match) return null;
  const [, year, month, day, hour, minute, second, millis, kind] = match;
  const iso = `${year}-${month}-${day}T${hour}:${minute}:${second}.${millis}Z`;
  const createdAtMs = Date.parse(iso);
  // Date.parse rolls 2026-02-30 over to March; a name must say a real instant exactly.
  if (!Number.isFinite(createdAtMs) || new Date(createdAtMs).toISOString() !== iso) return null;
  return { name, kind: kind === 'daily' ? 'daily' : 'before-restore', createdAtMs };
}

export function isAutoBackupFileName(name: unknown): name is string {
  return typeof name === 'string' && parseAutoBackupFileName(name) !== null;
}

// The fixed start of every .stockpilot file (shared/backup/format.ts: "STOCKPILOT-BACKUP" then 0x00).
const BACKUP_MAGIC = Uint8Array.from([...'STOCKPILOT-BACKUP'].map((c) => c.charCodeAt(0)).concat(0));

/** Whether bytes start like a StockPilot backup: the main process writes nothing else into the backups folder. */
export function looksLikeBackupFile(bytes: Uint8Array): boolean {
  if (bytes.byteLength < BACKUP_MAGIC.byteLength) return false;
  return BACKUP_MAGIC.every((byte, i) => bytes[i] === byte);
}

/**
 * Whether start-up should write a daily backup: only when there is data, and no daily backup was
 * made in the last 24 hours. A backup dated in the future (the clock was moved back) does not count
 * as recent, so a wrong clock never stops the daily backups.
 */
export function isDailyBackupDue(input: { backups: readonly AutoBackupInfo[]; nowMs: number; hasData: boolean }): boolean {
  if (!input.hasData) return false;
  return !input.backups.some(
    (b) => b.kind === 'daily' && b.createdAtMs <= input.nowMs && input.nowMs - b.createdAtMs < DAILY_BACKUP_INTERVAL_MS,
  );
}

const dayIndex = (ms: number) => Math.floor(ms / DAY_MS);
// 1970-01-01 was a Thursday; +3 makes weeks run Monday to Sunday.
const weekIndex = (ms: number) => Math.floor((dayIndex(ms) + 3) / 7);

/**
 * Which automatic backups to keep (all days and weeks in UTC):
 * - daily: the newest of each of the 7 most recent days that have one; then, of the daily backups
 *   older than those days, the newest of each of the 4 most recent weeks (Monday–Sunday) that have one;
 * - before-restore (safety copies): every one until it is both older than 35 days (the span the
 *   daily and weekly ones cover) and older than the oldest daily backup kept, so a seller who opens
 *   the app rarely keeps them as long as their oldest backup;
 * - the newest backup dated up to now, and `justWritten`, are always kept;
 * - a backup dated after now (the clock was moved back, or was ahead when it was written) takes no day
 *   or week slot and is not deleted: otherwise backups from a future that has not come would fill every
 *   slot, and each new backup would be deleted as soon as it was written.
 * Returns the names to delete; names outside the app's pattern are never passed in, so never deleted.
 */
export function backupsToDelete(backups: readonly AutoBackupInfo[], nowMs: number, justWritten?: string): string[] {
  const newestFirst = [...backups].sort((a, b) => b.createdAtMs - a.createdAtMs || (a.name < b.name ? 1 : -1));
  const keep = new Set<string>();
  if (justWritten !== undefined) keep.add(justWritten);
  for (const backup of newestFirst) if (backup.createdAtMs > nowMs) keep.add(backup.name);
  const past = newestFirst.filter((b) => b.createdAtMs <= nowMs);
  if (past[0]) keep.add(past[0].name);

  const daily = past.filter((b) => b.kind === 'daily');
  const keptDays = new Set<number>();
  let oldestKeptDay = Infinity;
  for (const backup of daily) {
    const day = dayIndex(backup.createdAtMs);
    if (keptDays.has(day)) continue;
    if (keptDays.size === KEEP_DAILY_COUNT) break;
    keptDays.add(day);
    oldestKeptDay = day;
    keep.add(backup.name);
  }
  const keptWeeks = new Set<number>();
  for (const backup of daily) {
    if (dayIndex(backup.createdAtMs) >= oldestKeptDay) continue;
    const week = weekIndex(backup.createdAtMs);
    if (keptWeeks.has(week)) continue;
    if (keptWeeks.size === KEEP_WEEKLY_COUNT) break;
    keptWeeks.add(week);
    keep.add(backup.name);
  }

  const oldestKeptDailyMs = Math.min(...daily.filter((b) => keep.has(b.name)).map((b) => b.createdAtMs));
  for (const copy of newestFirst) {
    if (copy.kind !== 'before-restore') continue;
    const youngEnough = nowMs - copy.createdAtMs <= SAFETY_COPY_MIN_KEEP_MS;
    if (youngEnough || copy.createdAtMs >= oldestKeptDailyMs) keep.add(copy.name);
  }
  return newestFirst.filter((b) => !keep.has(b.name)).map((b) => b.name);
}
