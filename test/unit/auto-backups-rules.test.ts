// The pure rules of automatic backups: names, when one is due, which ones rotation keeps, and the
// coded refusals the host sends across IPC.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  KEEP_DAILY_COUNT,
  KEEP_WEEKLY_COUNT,
  SAFETY_COPY_MIN_KEEP_MS,
  autoBackupFileName,
  backupsToDelete,
  isAutoBackupFileName,
  isDailyBackupDue,
  looksLikeBackupFile,
  parseAutoBackupFileName,
  type AutoBackupInfo,
  type AutoBackupKind,
} from '../../shared/backup/autoBackups';
import { encodeBackup } from '../../shared/backup/format';
import {
  formatFileSize,
  hostErrorToDomainError,
  parseRefusal,
  refusalMessage,
  validateReadAutoBackupRequest,
  validateWriteAutoBackupRequest,
} from '../../shared/bridge';
import { DomainError } from '../../shared/errors';

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;
const NOW_MS = Date.parse('2026-11-27T09:30:15.123Z'); // a Friday

const info = (kind: AutoBackupKind, createdAtMs: number): AutoBackupInfo => ({ name: autoBackupFileName(kind, createdAtMs), kind, createdAtMs });

describe('automatic backup names', () => {
  it('round-trips kind and time to the millisecond', () => {
    expect(autoBackupFileName('daily', NOW_MS)).toBe('stockpilot-auto-2026-11-27T09-30-15-123Z-daily.stockpilot');
    expect(parseAutoBackupFileName('stockpilot-auto-2026-11-27T09-30-15-123Z-before-restore.stockpilot')).toEqual({
      name: 'stockpilot-auto-2026-11-27T09-30-15-123Z-before-restore.stockpilot',
      kind: 'before-restore',
      createdAtMs: NOW_MS,
    });
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Date.parse('9999-12-31T23:59:59.999Z') }), fc.constantFrom<AutoBackupKind>('daily', 'before-restore'), (ms, kind) => {
        expect(parseAutoBackupFileName(autoBackupFileName(kind, ms))).toEqual({ name: autoBackupFileName(kind, ms), kind, createdAtMs: ms });
      }),
    );
  });

  it.each([
    '../stockpilot-auto-2026-11-27T09-30-15-123Z-daily.stockpilot',
    'stockpilot-auto-2026-11-27T09-30-15-123Z-daily.stockpilot/..',
    'stockpilot-auto-2026-11-27T09-30-15-123Z-weekly.stockpilot',
    'stockpilot-auto-2026-02-30T09-30-15-123Z-daily.stockpilot', // no 30 February
    'stockpilot-auto-2026-11-27T25-30-15-123Z-daily.stockpilot',
    'stockpilot-auto-2026-11-27T09-30-15Z-daily.stockpilot',
    '.stockpilot-auto-2026-11-27T09-30-15-123Z-daily.stockpilot.0123456789ab.tmp',
    'stockpilot-backup-2026-11-27-0930.stockpilot',
    'STOCKPILOT-AUTO-2026-11-27T09-30-15-123Z-DAILY.STOCKPILOT',
  ])('refuses %s', (name) => {
    expect(parseAutoBackupFileName(name)).toBeNull();
    expect(isAutoBackupFileName(name)).toBe(false);
  });

  it('recognises the start of a real backup file and nothing else', () => {
    const real = encodeBackup({ schemaVersion: 1, createdAt: '2026-11-27T09:30:15.123Z', appVersion: '0.1.0', tables: {}, blocks: [] });
    expect(looksLikeBackupFile(real)).toBe(true);
    expect(looksLikeBackupFile(new TextEncoder().encode('STOCKPILOT-BACKUP'))).toBe(false);
    expect(looksLikeBackupFile(new TextEncoder().encode('PK\u0003\u0004 a zip file'))).toBe(false);
  });
});

describe('isDailyBackupDue', () => {
  it.each([
    ['no backup yet', [], true],
    ['the last daily is 23 hours old', [info('daily', NOW_MS - 23 * HOUR_MS)], false],
    ['the last daily is exactly 24 hours old', [info('daily', NOW_MS - DAY_MS)], true],
    ['the last daily is a week old', [info('daily', NOW_MS - 7 * DAY_MS)], true],
    ['only a safety copy from an hour ago (it holds the data before a restore)', [info('before-restore', NOW_MS - HOUR_MS)], true],
    ['the only recent daily is dated in the future (the clock was moved back)', [info('daily', NOW_MS + 3 * DAY_MS)], true],
    ['an old and a recent daily', [info('daily', NOW_MS - 9 * DAY_MS), info('daily', NOW_MS - HOUR_MS)], false],
  ] as const)('with data: %s → due %s', (_label, backups, due) => {
    expect(isDailyBackupDue({ backups, nowMs: NOW_MS, hasData: true })).toBe(due);
  });

  it('is never due without data', () => {
    expect(isDailyBackupDue({ backups: [], nowMs: NOW_MS, hasData: false })).toBe(false);
  });
});

describe('backupsToDelete', () => {
  it('keeps the newest of each of the last 7 days, then the newest of each of the 4 weeks before', () => {
    // One daily every day for 60 days, two on today.
    const backups = [info('daily', NOW_MS), info('daily', NOW_MS - HOUR_MS), ...Array.from({ length: 60 }, (_, i) => info('daily', NOW_MS - (i + 1) * DAY_MS))];
    const deleted = new Set(backupsToDelete(backups, NOW_MS));
    const kept = backups.filter((b) => !deleted.has(b.name)).map((b) => new Date(b.createdAtMs).toISOString().slice(0, 10));
    expect(kept).toEqual([
      // today's newest and the 6 days before
      '2026-11-27', '2026-11-26', '2026-11-25', '2026-11-24', '2026-11-23', '2026-11-22', '2026-11-21',
      // the newest of each of the 4 weeks (Monday–Sunday) before those days
      '2026-11-20', '2026-11-15', '2026-11-08', '2026-11-01',
    ]);
  });

  it('counts days that have a backup, not calendar days: a seller who opens the app weekly keeps 7 of them', () => {
    const backups = Array.from({ length: 20 }, (_, i) => info('daily', NOW_MS - i * 7 * DAY_MS));
    const deleted = backupsToDelete(backups, NOW_MS);
    expect(deleted).toHaveLength(20 - KEEP_DAILY_COUNT - KEEP_WEEKLY_COUNT);
    expect(deleted).toEqual(backups.slice(KEEP_DAILY_COUNT + KEEP_WEEKLY_COUNT).map((b) => b.name));
  });

  it('keeps every safety copy younger than 35 days, however many, and deletes older ones once older than every kept daily', () => {
    const dailies = Array.from({ length: 10 }, (_, i) => info('daily', NOW_MS - i * DAY_MS));
    const recentCopies = Array.from({ length: 15 }, (_, i) => info('before-restore', NOW_MS - i * 2 * DAY_MS - HOUR_MS));
    const oldCopy = info('before-restore', NOW_MS - 90 * DAY_MS);
    const deleted = backupsToDelete([...dailies, ...recentCopies, oldCopy], NOW_MS);
    for (const copy of recentCopies) expect(deleted).not.toContain(copy.name);
    expect(deleted).toContain(oldCopy.name);
  });

  it('keeps an old safety copy while it is newer than the oldest daily kept (a seller who rarely opens the app)', () => {
    const dailies = Array.from({ length: 5 }, (_, i) => info('daily', NOW_MS - i * 30 * DAY_MS));
    const copy = info('before-restore', NOW_MS - 100 * DAY_MS);
    expect(backupsToDelete([...dailies, copy], NOW_MS)).toEqual([]);
  });

  it('backups dated after now (the clock went back) take no slot: the one just written, and they, are kept', () => {
    const now = NOW_MS - 60 * DAY_MS;
    const ahead = [0, 1, 2, 3, 4, 5, 6, 10, 17, 24, 31].map((days) => info('daily', NOW_MS - days * DAY_MS));
    const fresh = info('daily', now);
    const older = info('daily', now - 2 * DAY_MS);
    expect(backupsToDelete([...ahead, fresh, older], now, fresh.name)).toEqual([]);
    // Even a name not dated newest is kept when it is the one just written.
    const justWritten = info('daily', now - 400 * DAY_MS);
    expect(backupsToDelete([...ahead, fresh, justWritten], now, justWritten.name)).not.toContain(justWritten.name);
  });

  it('property: the newest backup and young safety copies are never deleted; what is kept is bounded', () => {
    const arbBackup = fc.record({ kind: fc.constantFrom<AutoBackupKind>('daily', 'before-restore'), ageMs: fc.integer({ min: -2 * DAY_MS, max: 400 * DAY_MS }) });
    fc.assert(
      fc.property(fc.uniqueArray(arbBackup, { selector: (b) => `${b.kind}${b.ageMs}`, maxLength: 80 }), (specs) => {
        const backups = specs.map((s) => info(s.kind, NOW_MS - s.ageMs));
        const deleted = new Set(backupsToDelete(backups, NOW_MS));
        const newest = [...backups].sort((a, b) => b.createdAtMs - a.createdAtMs)[0];
        if (newest) expect(deleted.has(newest.name)).toBe(false);
        for (const b of backups) {
          if (b.kind === 'before-restore' && NOW_MS - b.createdAtMs <= SAFETY_COPY_MIN_KEEP_MS) expect(deleted.has(b.name)).toBe(false);
        }
        // Backups dated after now are kept whatever their number (they take no slot): the bound is on the rest.
        const keptDailies = backups.filter((b) => b.kind === 'daily' && b.createdAtMs <= NOW_MS && !deleted.has(b.name));
        expect(keptDailies.length).toBeLessThanOrEqual(KEEP_DAILY_COUNT + KEEP_WEEKLY_COUNT + 1);
        // Deleting is idempotent: a second rotation over what is left deletes nothing more.
        expect(backupsToDelete(backups.filter((b) => !deleted.has(b.name)), NOW_MS)).toEqual([]);
      }),
    );
  });
});

describe('automatic backup payloads', () => {
  const bytes = new TextEncoder().encode('STOCKPILOT-BACKUP\0');

  it('accepts a kind and bytes, and only names of the app pattern', () => {
    expect(validateWriteAutoBackupRequest({ kind: 'daily', bytes })).toEqual({ ok: true, value: { kind: 'daily', bytes } });
    expect(validateWriteAutoBackupRequest({ kind: 'daily', bytes, extra: '/etc' })).toEqual({ ok: true, value: { kind: 'daily', bytes } });
    expect(validateReadAutoBackupRequest({ name: autoBackupFileName('daily', NOW_MS) }).ok).toBe(true);
    expect(validateReadAutoBackupRequest({ name: '..\\stockpilot-auto-2026-11-27T09-30-15-123Z-daily.stockpilot' }).ok).toBe(false);
  });
});

describe('host refusals', () => {
  const electronWrapped = (message: string) => new Error(`Error invoking remote method 'stockpilot:open-files': Error: ${message}`);

  it('survive the prefix Electron adds and become DomainErrors with sizes a seller reads', () => {
    const message = refusalMessage('file.tooLarge', { file: 'orders.txt', sizeBytes: 512 * 1024 * 1024 + 1, maxBytes: 512 * 1024 * 1024 });
    expect(parseRefusal(electronWrapped(message).message)).toEqual({ code: 'file.tooLarge', params: { file: 'orders.txt', sizeBytes: 512 * 1024 * 1024 + 1, maxBytes: 512 * 1024 * 1024 } });
    const error = hostErrorToDomainError(electronWrapped(message));
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: 'file.tooLarge', params: { file: 'orders.txt', size: '513 MiB', max: '512 MiB' } });
  });

  it('leave other errors as they are', () => {
    const plain = new Error('Printing failed: out of paper.');
    expect(hostErrorToDomainError(plain)).toBe(plain);
    const forged = electronWrapped('STOCKPILOT_REFUSAL {"code":"rm -rf","params":{}}');
    expect(hostErrorToDomainError(forged)).toBe(forged);
    const badParams = electronWrapped('STOCKPILOT_REFUSAL {"code":"file.notAFile","params":{"file":{"x":1}}}');
    expect(hostErrorToDomainError(badParams)).toBe(badParams);
    const broken = electronWrapped('STOCKPILOT_REFUSAL {"code":');
    expect(hostErrorToDomainError(broken)).toBe(broken);
  });

  it.each([
    [0, '0 KiB'],
    [1, '1 KiB'],
    [1024 * 1024, '1 MiB'],
    [1024 * 1024 + 1, '2 MiB'],
    [2 * 1024 ** 3, '2.0 GiB'],
    [2 * 1024 ** 3 + 1, '2.1 GiB'],
  ])('formatFileSize(%d) = %s (rounded up)', (bytes, text) => {
    expect(formatFileSize(bytes)).toBe(text);
  });
});
