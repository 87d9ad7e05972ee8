// The backups folder against a real temp directory: atomic writes, rotation, reading, and failures
// (disk full, read-only folder) that refuse with a code and leave nothing half-written behind.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { promises as fs } from 'node:fs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createAutoBackupStore, type AutoBackupFs } from '../../electron/auto-backups';
import { registerIpcHandlers, type InvokeEventLike, type IpcHandlerDeps, type SenderContents } from '../../electron/ipc-handlers';
import { autoBackupFileName } from '../../shared/backup/autoBackups';
import { IPC_CHANNELS, parseRefusal, type IpcChannel } from '../../shared/bridge';

const DAY_MS = 24 * 60 * 60 * 1000;
const NOW_MS = Date.parse('2026-11-27T09:30:15.123Z');

let root: string;
let folder: string;

beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'stockpilot-backups-'));
  folder = path.join(root, 'userData', 'backups');
});

afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

const backup = (text: string) => new TextEncoder().encode(`STOCKPILOT-BACKUP\0${text}`);

function store(options: { nowMs?: () => number; fs?: AutoBackupFs } = {}) {
  return createAutoBackupStore({ folder, fs: options.fs ?? fs, nowMs: options.nowMs ?? (() => NOW_MS) });
}

async function refusalOf(promise: Promise<unknown>) {
  const error: unknown = await promise.then(
    () => new Error('resolved'),
    (e: unknown) => e,
  );
  return parseRefusal(error instanceof Error ? error.message : String(error));
}

describe('createAutoBackupStore', () => {
  it('creates the folder and writes the bytes under a timestamped name, leaving no temp file', async () => {
    const result = await store().write('daily', backup('one'));
    expect(result).toEqual({
      backup: { name: 'stockpilot-auto-2026-11-27T09-30-15-123Z-daily.stockpilot', kind: 'daily', createdAt: '2026-11-27T09:30:15.123Z', sizeBytes: backup('one').byteLength },
      removed: [],
    });
    expect(await fs.readdir(folder)).toEqual([result.backup.name]);
    expect(new Uint8Array(await fs.readFile(path.join(folder, result.backup.name)))).toEqual(backup('one'));
  });

  it('writes to a temp file, syncs it, then renames it into place (a crash mid-write leaves no backup-named file)', async () => {
    const steps: string[] = [];
    const tracing: AutoBackupFs = {
      ...fs,
      open: (async (...args: Parameters<typeof fs.open>) => {
        steps.push(`open ${path.basename(String(args[0]))} ${String(args[1])}`);
        const handle = await fs.open(...args);
        const sync = handle.sync.bind(handle);
        handle.sync = async () => {
          steps.push('sync');
          return sync();
        };
        return handle;
      }) satisfies typeof fs.open,
      rename: async (from, to) => {
        steps.push(`rename ${path.basename(String(from))} -> ${path.basename(String(to))}`);
        return fs.rename(from, to);
      },
    };
    const { backup: written } = await store({ fs: tracing }).write('daily', backup('x'));
    expect(steps).toHaveLength(3);
    expect(steps[0]).toMatch(new RegExp(`^open \\.${written.name.replace(/\./g, '\\.')}\\.[0-9a-f]{12}\\.tmp wx$`));
    expect(steps[1]).toBe('sync');
    expect(steps[2]).toMatch(new RegExp(`-> ${written.name.replace(/\./g, '\\.')}$`));
  });

  it('never overwrites a backup made in the same millisecond', async () => {
    const s = store();
    // Safety copies: rotation keeps both (two dailies of one day would keep only the newer).
    const first = await s.write('before-restore', backup('first'));
    const second = await s.write('before-restore', backup('second'));
    expect(second.backup.name).not.toBe(first.backup.name);
    expect(new Uint8Array(await fs.readFile(path.join(folder, first.backup.name)))).toEqual(backup('first'));
  });

  it('lists only its own backups, newest first, with sizes; other files and temp files are ignored', async () => {
    await fs.mkdir(folder, { recursive: true });
    const old = autoBackupFileName('daily', NOW_MS - 2 * DAY_MS);
    const copy = autoBackupFileName('before-restore', NOW_MS - DAY_MS);
    await fs.writeFile(path.join(folder, old), backup('old'));
    await fs.writeFile(path.join(folder, copy), backup('copy!'));
    await fs.writeFile(path.join(folder, 'notes.txt'), 'mine');
    await fs.writeFile(path.join(folder, `.${old}.abcdef012345.tmp`), 'half');
    await fs.mkdir(path.join(folder, autoBackupFileName('daily', NOW_MS))); // a folder with a backup's name
    expect(await store().list()).toEqual([
      { name: copy, kind: 'before-restore', createdAt: new Date(NOW_MS - DAY_MS).toISOString(), sizeBytes: backup('copy!').byteLength },
      { name: old, kind: 'daily', createdAt: new Date(NOW_MS - 2 * DAY_MS).toISOString(), sizeBytes: backup('old').byteLength },
    ]);
  });

  it('lists nothing before the folder exists', async () => {
    await expect(store().list()).resolves.toEqual([]);
  });

  it('rotates after a write: old dailies go, a recent safety copy and foreign files stay', async () => {
    await fs.mkdir(folder, { recursive: true });
    const dailies = Array.from({ length: 60 }, (_, i) => autoBackupFileName('daily', NOW_MS - (i + 1) * DAY_MS));
    const copy = autoBackupFileName('before-restore', NOW_MS - 30 * DAY_MS);
    for (const name of [...dailies, copy]) await fs.writeFile(path.join(folder, name), backup(name));
    await fs.writeFile(path.join(folder, 'stockpilot-backup-2026-01-01-0900.stockpilot'), backup('picked by hand'));

    const { backup: written, removed } = await store().write('daily', backup('today'));
    const left = (await fs.readdir(folder)).sort();
    // Today plus the 6 days before it, then one per week for the 4 weeks before those.
    expect(left.filter((n) => n.endsWith('-daily.stockpilot'))).toHaveLength(11);
    expect(left).toContain(written.name);
    expect(left).toContain(copy);
    expect(left).toContain('stockpilot-backup-2026-01-01-0900.stockpilot');
    expect(removed).toHaveLength(60 - 10);
    for (const name of removed) expect(left).not.toContain(name);
  });

  it('a clock set back 60 days after five weeks of daily backups: the new backup stays, and none is deleted for it', async () => {
    let clock = NOW_MS - 35 * DAY_MS;
    for (let d = 0; d < 36; d++, clock += DAY_MS) await store({ nowMs: () => clock }).write('daily', backup(`day ${d}`));
    const steady = (await fs.readdir(folder)).sort();
    expect(steady).toHaveLength(11);
    const wrongNow = NOW_MS - 60 * DAY_MS;
    const result = await store({ nowMs: () => wrongNow }).write('daily', backup('after the clock went back'));
    expect(result.removed).toEqual([]);
    expect((await fs.readdir(folder)).sort()).toEqual([...steady, result.backup.name].sort());
  });

  it('a folder that cannot be read back after the write still reports the backup written', async () => {
    let reads = 0;
    const flaky: AutoBackupFs = { ...fs, readdir: ((...args: Parameters<typeof fs.readdir>) => (++reads > 1 ? Promise.reject(Object.assign(new Error('EIO'), { code: 'EIO' })) : fs.readdir(...args))) as AutoBackupFs['readdir'] };
    await store().write('daily', backup('first'));
    const result = await store({ fs: flaky, nowMs: () => NOW_MS + DAY_MS }).write('daily', backup('second'));
    expect(result.removed).toEqual([]);
    expect((await fs.readdir(folder)).filter((n) => !n.startsWith('.'))).toContain(result.backup.name);
  });

  it('a backup that cannot be deleted during rotation does not fail the write', async () => {
    await fs.mkdir(folder, { recursive: true });
    for (let i = 1; i <= 12; i++) await fs.writeFile(path.join(folder, autoBackupFileName('daily', NOW_MS - i * 40 * DAY_MS)), backup('x'));
    const stubborn: AutoBackupFs = { ...fs, unlink: async () => Promise.reject(Object.assign(new Error('busy'), { code: 'EBUSY' })) };
    const result = await store({ fs: stubborn }).write('daily', backup('today'));
    expect(result.removed).toEqual([]);
    expect(await fs.readdir(folder)).toContain(result.backup.name);
  });

  it('refuses as disk full when the disk is full, leaving no temp file and no backup', async () => {
    const full: AutoBackupFs = {
      ...fs,
      open: (async (...args: Parameters<typeof fs.open>) => {
        const handle = await fs.open(...args);
        handle.writeFile = async () => Promise.reject(Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' }));
        return handle;
      }) satisfies typeof fs.open,
    };
    await expect(refusalOf(store({ fs: full }).write('daily', backup('x')))).resolves.toEqual({ code: 'autoBackup.diskFull', params: { folder } });
    expect(await fs.readdir(folder)).toEqual([]);
  });

  it('refuses as not writable when the folder cannot be created', async () => {
    const readOnly: AutoBackupFs = { ...fs, mkdir: async () => Promise.reject(Object.assign(new Error('EACCES'), { code: 'EACCES' })) };
    await expect(refusalOf(store({ fs: readOnly }).write('before-restore', backup('x')))).resolves.toEqual({
      code: 'autoBackup.notWritable',
      params: { folder, detail: 'EACCES' },
    });
  });

  it('reads a backup by name and refuses a missing one by name', async () => {
    const s = store();
    const { backup: written } = await s.write('daily', backup('read me'));
    const file = await s.read(written.name);
    expect(file.name).toBe(written.name);
    expect(new Uint8Array(file.bytes)).toEqual(backup('read me'));
    const missing = autoBackupFileName('daily', NOW_MS - DAY_MS);
    await expect(refusalOf(s.read(missing))).resolves.toEqual({ code: 'autoBackup.notFound', params: { file: missing } });
  });
});

describe('automatic backup handlers on a real folder', () => {
  function setup() {
    const handlers = new Map<IpcChannel, (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>>();
    const contents: SenderContents = { id: 1, printToPDF: vi.fn(), print: vi.fn() };
    const deps: IpcHandlerDeps = {
      handle: (channel, listener) => void handlers.set(channel, listener),
      getMainContents: () => contents,
      trust: {},
      showOpenDialog: vi.fn(),
      showSaveDialog: vi.fn(),
      fileSize: vi.fn(),
      readFile: vi.fn(),
      writeFile: vi.fn(),
      appVersion: '1.2.3',
      platform: 'linux',
      autoBackups: store(),
      openFolder: vi.fn(async () => ''),
    };
    registerIpcHandlers(deps);
    const event: InvokeEventLike = { sender: contents, senderFrame: { url: 'app://stockpilot/index.html', parent: null } };
    return (channel: IpcChannel, payload?: unknown) => handlers.get(channel)!(event, payload);
  }

  it('writes, lists and reads back a backup through the channels', async () => {
    const invoke = setup();
    const written = (await invoke(IPC_CHANNELS.writeAutoBackup, { kind: 'before-restore', bytes: backup('safety') })) as { backup: { name: string } };
    const list = await invoke(IPC_CHANNELS.listAutoBackups);
    expect(list).toMatchObject({ available: true, folder, backups: [{ name: written.backup.name, kind: 'before-restore' }] });
    const file = (await invoke(IPC_CHANNELS.readAutoBackup, { name: written.backup.name })) as { bytes: Uint8Array };
    expect(file.bytes).toEqual(backup('safety'));
  });

  it('refuses path traversal and foreign names without reading outside the folder', async () => {
    const invoke = setup();
    await fs.writeFile(path.join(root, 'secret.stockpilot'), backup('secret'));
    for (const name of ['../secret.stockpilot', `../${autoBackupFileName('daily', NOW_MS)}`, path.join(root, 'secret.stockpilot'), 'secret.stockpilot']) {
      await expect(invoke(IPC_CHANNELS.readAutoBackup, { name })).rejects.toThrow(/name must be an automatic backup file name/);
    }
  });

  it('writes nothing for bytes that are not a backup', async () => {
    const invoke = setup();
    await expect(invoke(IPC_CHANNELS.writeAutoBackup, { kind: 'daily', bytes: new TextEncoder().encode('hello') })).rejects.toThrow(/not a StockPilot backup/);
    await expect(fs.readdir(folder)).rejects.toThrow(/ENOENT/);
  });
});
