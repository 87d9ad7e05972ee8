import { describe, expect, it, vi } from 'vitest';
import { IPC_CHANNELS, parseRefusal, type IpcChannel } from '../../shared/bridge';
import type { AutoBackupStore } from '../../electron/auto-backups';
import {
  MAX_OPEN_FILE_BYTES,
  registerIpcHandlers,
  type InvokeEventLike,
  type IpcHandlerDeps,
  type SenderContents,
} from '../../electron/ipc-handlers';

type Handler = (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>;

/** A fake main window page plus fake dialog and file system, all recording what was asked of them. */
function setup(overrides: Partial<IpcHandlerDeps> = {}, pageUrl = 'app://stockpilot/index.html') {
  const handlers = new Map<IpcChannel, Handler>();
  const files = new Map<string, Uint8Array>([
    ['/home/seller/Downloads/inventory.csv', new TextEncoder().encode('sku,qty\nA-1,3\n')],
    ['/home/seller/Downloads/orders.txt', new Uint8Array([0xff, 0xfe, 0x41, 0x00])],
  ]);
  const written = new Map<string, Uint8Array>();
  const pdfBytes = new Uint8Array([0x25, 0x50, 0x44, 0x46]); // "%PDF"
  const mainFrame = { url: pageUrl, parent: null };
  const autoBackups: AutoBackupStore = {
    folder: '/home/seller/.config/StockPilot/backups',
    ensureFolder: vi.fn(async () => {}),
    list: vi.fn(async () => []),
    write: vi.fn(async (kind, bytes) => ({
      backup: { name: 'stockpilot-auto-2026-11-27T09-30-15-123Z-daily.stockpilot', kind, createdAt: '2026-11-27T09:30:15.123Z', sizeBytes: bytes.byteLength },
      removed: [],
    })),
    read: vi.fn(async (name: string) => ({ name, bytes: new Uint8Array([1, 2, 3]) })),
  };
  const contents: SenderContents = {
    id: 1,
    printToPDF: vi.fn(async () => pdfBytes),
    print: vi.fn((_options, callback: (success: boolean, reason: string) => void) => callback(true, '')),
  };
  const deps: IpcHandlerDeps = {
    handle: (channel, listener) => {
      handlers.set(channel, listener);
    },
    getMainContents: () => contents,
    trust: {},
    showOpenDialog: vi.fn(async () => ({ canceled: false, filePaths: [...files.keys()] })),
    showSaveDialog: vi.fn(async () => ({ canceled: false, filePath: '/home/seller/Documents/export.csv' })),
    fileSize: vi.fn(async (filePath: string) => {
      const data = files.get(filePath);
      if (!data) throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
      return { size: data.byteLength, isFile: true };
    }),
    readFile: vi.fn(async (filePath: string) => {
      const data = files.get(filePath);
      if (!data) throw new Error('ENOENT');
      return data;
    }),
    writeFile: vi.fn(async (filePath: string, data: Uint8Array) => {
      written.set(filePath, data);
    }),
    defaultSaveDirectory: '/home/seller/Documents',
    appVersion: '1.2.3',
    platform: 'linux',
    autoBackups,
    openFolder: vi.fn(async () => ''),
    ...overrides,
  };
  registerIpcHandlers(deps);
  const trustedEvent: InvokeEventLike = { sender: contents, senderFrame: mainFrame };
  const invoke = (channel: IpcChannel, payload?: unknown, event: InvokeEventLike = trustedEvent) => {
    const handler = handlers.get(channel);
    if (!handler) throw new Error(`no handler for ${channel}`);
    return handler(event, payload);
  };
  return { deps, contents, handlers, written, pdfBytes, invoke, trustedEvent, autoBackups };
}

const goodPayloads: Record<IpcChannel, unknown> = {
  [IPC_CHANNELS.openFiles]: { multiple: true },
  [IPC_CHANNELS.saveFile]: { suggestedName: 'export.csv', contents: 'a,b\n' },
  [IPC_CHANNELS.print]: { target: 'pdf', pageSize: 'A4' },
  [IPC_CHANNELS.appInfo]: undefined,
  [IPC_CHANNELS.listAutoBackups]: undefined,
  [IPC_CHANNELS.writeAutoBackup]: { kind: 'daily', bytes: backupBytes() },
  [IPC_CHANNELS.readAutoBackup]: { name: 'stockpilot-auto-2026-11-27T09-30-15-123Z-daily.stockpilot' },
  [IPC_CHANNELS.showAutoBackupsFolder]: undefined,
};

/** Bytes that start like a .stockpilot file (the handler checks no more than that). */
function backupBytes(): Uint8Array {
  return new TextEncoder().encode('STOCKPILOT-BACKUP\0 rest of the file');
}

/** The refusal an error carries, or its message when it carries none. */
async function refusalOf(promise: Promise<unknown>) {
  const error: unknown = await promise.then(
    () => new Error('resolved'),
    (e: unknown) => e,
  );
  const message = error instanceof Error ? error.message : String(error);
  return parseRefusal(message) ?? message;
}

function expectNothingDone(deps: IpcHandlerDeps, contents: SenderContents) {
  expect(deps.autoBackups.write).not.toHaveBeenCalled();
  expect(deps.autoBackups.read).not.toHaveBeenCalled();
  expect(deps.autoBackups.list).not.toHaveBeenCalled();
  expect(deps.openFolder).not.toHaveBeenCalled();
  expect(deps.showOpenDialog).not.toHaveBeenCalled();
  expect(deps.showSaveDialog).not.toHaveBeenCalled();
  expect(deps.readFile).not.toHaveBeenCalled();
  expect(deps.writeFile).not.toHaveBeenCalled();
  expect(contents.printToPDF).not.toHaveBeenCalled();
  expect(contents.print).not.toHaveBeenCalled();
}

describe('registerIpcHandlers', () => {
  it('registers exactly the bridge channels', () => {
    const { handlers } = setup();
    expect([...handlers.keys()].sort()).toEqual(Object.values(IPC_CHANNELS).sort());
  });

  describe('sender checks', () => {
    const channels = Object.values(IPC_CHANNELS);

    it.each(channels)('%s rejects a frame on another origin and does nothing', async (channel) => {
      const { deps, contents, invoke } = setup();
      const evilFrame = { url: 'https://evil.example/', parent: null };
      await expect(invoke(channel, goodPayloads[channel], { sender: contents, senderFrame: evilFrame })).rejects.toThrow(
        /refused.*https:\/\/evil\.example\/.*not the app window/,
      );
      expectNothingDone(deps, contents);
    });

    it.each(channels)('%s rejects a call from another webContents showing the app URL', async (channel) => {
      const { deps, contents, invoke } = setup();
      const otherFrame = { url: 'app://stockpilot/index.html', parent: null };
      await expect(invoke(channel, goodPayloads[channel], { sender: { id: 2 }, senderFrame: otherFrame })).rejects.toThrow(
        /not the app window/,
      );
      expectNothingDone(deps, contents);
    });

    it.each(channels)('%s rejects a subframe of the main window and a missing frame', async (channel) => {
      const { deps, contents, invoke } = setup();
      await expect(
        invoke(channel, goodPayloads[channel], {
          sender: contents,
          senderFrame: { url: 'app://stockpilot/index.html', parent: { url: 'app://stockpilot/index.html' } },
        }),
      ).rejects.toThrow(/not the app window/);
      await expect(invoke(channel, goodPayloads[channel], { sender: contents, senderFrame: null })).rejects.toThrow(
        /unknown frame/,
      );
      expectNothingDone(deps, contents);
    });

    it('rejects calls when the main window is gone', async () => {
      const { deps, contents, invoke } = setup({ getMainContents: () => null });
      await expect(invoke(IPC_CHANNELS.saveFile, goodPayloads[IPC_CHANNELS.saveFile])).rejects.toThrow(/not the app window/);
      expectNothingDone(deps, contents);
    });

    it('trusts the dev server page only in dev mode', async () => {
      const devPage = 'http://127.0.0.1:5173/';
      const strict = setup({}, devPage);
      await expect(strict.invoke(IPC_CHANNELS.appInfo)).rejects.toThrow(/not the app window/);
      const dev = setup({ trust: { allowDevServer: true } }, devPage);
      await expect(dev.invoke(IPC_CHANNELS.appInfo)).resolves.toEqual({ version: '1.2.3', host: 'desktop', platform: 'linux' });
    });
  });

  describe('payload validation', () => {
    it.each([
      [IPC_CHANNELS.openFiles, null, /request must be an object/],
      [IPC_CHANNELS.openFiles, { multiple: 'yes' }, /multiple must be true or false/],
      [IPC_CHANNELS.openFiles, { filters: [{ name: 'x', extensions: ['../sh'] }] }, /extension/],
      [IPC_CHANNELS.saveFile, { suggestedName: '../../.bashrc', contents: 'x' }, /plain file name/],
      [IPC_CHANNELS.saveFile, { suggestedName: '/etc/passwd', contents: 'x' }, /plain file name/],
      [IPC_CHANNELS.saveFile, { suggestedName: 'a.csv', contents: { length: 3 } }, /text or bytes/],
      [IPC_CHANNELS.saveFile, 'a.csv', /request must be an object/],
      [IPC_CHANNELS.print, { target: 'fax', pageSize: 'A4' }, /target must be/],
      [IPC_CHANNELS.print, { target: 'pdf', pageSize: 'A3' }, /pageSize must be/],
      [IPC_CHANNELS.print, { target: 'pdf', pageSize: 'A4', suggestedName: 'C:\\x.pdf' }, /plain file name/],
      [IPC_CHANNELS.writeAutoBackup, { kind: 'weekly', bytes: new Uint8Array([1]) }, /kind must be one of daily, before-restore/],
      [IPC_CHANNELS.writeAutoBackup, { kind: 'daily', bytes: [83, 84] }, /bytes must be a Uint8Array/],
      [IPC_CHANNELS.writeAutoBackup, { kind: 'daily', bytes: 'STOCKPILOT-BACKUP' }, /bytes must be a Uint8Array/],
      [IPC_CHANNELS.writeAutoBackup, { kind: 'daily', bytes: new Uint8Array(0) }, /bytes are empty/],
      [IPC_CHANNELS.writeAutoBackup, { kind: 'daily', bytes: new TextEncoder().encode('#!/bin/sh\nrm -rf ~') }, /not a StockPilot backup/],
      [IPC_CHANNELS.readAutoBackup, { name: '../../.ssh/id_rsa' }, /automatic backup file name/],
      [IPC_CHANNELS.readAutoBackup, { name: '../stockpilot-auto-2026-11-27T09-30-15-123Z-daily.stockpilot' }, /automatic backup file name/],
      [IPC_CHANNELS.readAutoBackup, { name: 'stockpilot-auto-2026-11-27T09-30-15-123Z-daily.stockpilot/../../x' }, /automatic backup file name/],
      [IPC_CHANNELS.readAutoBackup, { name: 'stockpilot-backup-2026-11-27-0930.stockpilot' }, /automatic backup file name/],
      [IPC_CHANNELS.readAutoBackup, { name: ['stockpilot-auto-2026-11-27T09-30-15-123Z-daily.stockpilot'] }, /automatic backup file name/],
      [IPC_CHANNELS.readAutoBackup, 'stockpilot-auto-2026-11-27T09-30-15-123Z-daily.stockpilot', /request must be an object/],
    ] as const)('%s rejects %j without touching dialogs, files or the printer', async (channel, payload, message) => {
      const { deps, contents, invoke } = setup();
      await expect(invoke(channel, payload)).rejects.toThrow(message);
      expectNothingDone(deps, contents);
    });
  });

  describe('openFiles', () => {
    it('returns the name and exact bytes of every chosen file', async () => {
      const { deps, invoke } = setup();
      const picked = await invoke(IPC_CHANNELS.openFiles, {
        title: 'Import inventory',
        multiple: true,
        filters: [{ name: 'Reports', extensions: ['csv', 'txt'] }],
      });
      expect(deps.showOpenDialog).toHaveBeenCalledWith({
        title: 'Import inventory',
        properties: ['openFile', 'multiSelections'],
        filters: [{ name: 'Reports', extensions: ['csv', 'txt'] }],
      });
      expect(picked).toEqual([
        { name: 'inventory.csv', bytes: new TextEncoder().encode('sku,qty\nA-1,3\n') },
        { name: 'orders.txt', bytes: new Uint8Array([0xff, 0xfe, 0x41, 0x00]) },
      ]);
    });

    it('asks for a single file unless multiple is set', async () => {
      const { deps, invoke } = setup();
      await invoke(IPC_CHANNELS.openFiles, {});
      expect(deps.showOpenDialog).toHaveBeenCalledWith({ properties: ['openFile'] });
    });

    it('returns an empty list when the dialog is cancelled', async () => {
      const { deps, invoke } = setup({ showOpenDialog: vi.fn(async () => ({ canceled: true, filePaths: [] })) });
      await expect(invoke(IPC_CHANNELS.openFiles, {})).resolves.toEqual([]);
      expect(deps.readFile).not.toHaveBeenCalled();
    });

    it('refuses a file over the size limit by name, before reading any file', async () => {
      const { deps, invoke } = setup({
        fileSize: vi.fn(async (filePath: string) => ({
          size: filePath.endsWith('orders.txt') ? MAX_OPEN_FILE_BYTES + 1 : 10,
          isFile: true,
        })),
      });
      await expect(refusalOf(invoke(IPC_CHANNELS.openFiles, { multiple: true }))).resolves.toEqual({
        code: 'file.tooLarge',
        params: { file: 'orders.txt', sizeBytes: MAX_OPEN_FILE_BYTES + 1, maxBytes: MAX_OPEN_FILE_BYTES },
      });
      expect(deps.readFile).not.toHaveBeenCalled();
    });

    it('refuses a 2 GB file chosen in the dialog by name, reading nothing', async () => {
      const { deps, invoke } = setup({ fileSize: vi.fn(async () => ({ size: 2 * 1024 ** 3, isFile: true })) });
      await expect(refusalOf(invoke(IPC_CHANNELS.openFiles, {}))).resolves.toEqual({
        code: 'file.tooLarge',
        params: { file: 'inventory.csv', sizeBytes: 2 * 1024 ** 3, maxBytes: MAX_OPEN_FILE_BYTES },
      });
      expect(deps.readFile).not.toHaveBeenCalled();
    });

    it('hands a 0-byte file over as empty bytes (the import then says the file is empty)', async () => {
      const { invoke } = setup({
        showOpenDialog: vi.fn(async () => ({ canceled: false, filePaths: ['/home/seller/empty.txt'] })),
        fileSize: vi.fn(async () => ({ size: 0, isFile: true })),
        readFile: vi.fn(async () => new Uint8Array(0)),
      });
      await expect(invoke(IPC_CHANNELS.openFiles, {})).resolves.toEqual([{ name: 'empty.txt', bytes: new Uint8Array(0) }]);
    });

    it('refuses a directory by name', async () => {
      const { invoke } = setup({ fileSize: vi.fn(async () => ({ size: 0, isFile: false })) });
      await expect(refusalOf(invoke(IPC_CHANNELS.openFiles, {}))).resolves.toEqual({ code: 'file.notAFile', params: { file: 'inventory.csv' } });
    });
  });

  describe('saveFile', () => {
    it('writes text as UTF-8 to the chosen path and reports the saved name', async () => {
      const { deps, written, invoke } = setup();
      const result = await invoke(IPC_CHANNELS.saveFile, {
        suggestedName: 'export.csv',
        contents: 'sku,name\nA-1,Crème brûlée\n',
        filters: [{ name: 'CSV', extensions: ['csv'] }],
      });
      expect(result).toEqual({ saved: true, name: 'export.csv' });
      expect(deps.showSaveDialog).toHaveBeenCalledWith({
        defaultPath: '/home/seller/Documents/export.csv',
        filters: [{ name: 'CSV', extensions: ['csv'] }],
      });
      expect(new TextDecoder().decode(written.get('/home/seller/Documents/export.csv'))).toBe('sku,name\nA-1,Crème brûlée\n');
    });

    it('writes bytes exactly as given', async () => {
      const bytes = new Uint8Array([0, 1, 2, 253, 254, 255]);
      const { written, invoke } = setup({
        showSaveDialog: vi.fn(async () => ({ canceled: false, filePath: '/backups/stockpilot-2024-05-01.backup' })),
      });
      const result = await invoke(IPC_CHANNELS.saveFile, { suggestedName: 'stockpilot.backup', contents: bytes });
      expect(result).toEqual({ saved: true, name: 'stockpilot-2024-05-01.backup' });
      expect([...written.entries()]).toEqual([['/backups/stockpilot-2024-05-01.backup', bytes]]);
    });

    it('returns saved:false and writes nothing when the dialog is cancelled', async () => {
      const { deps, invoke } = setup({ showSaveDialog: vi.fn(async () => ({ canceled: true, filePath: '' })) });
      await expect(invoke(IPC_CHANNELS.saveFile, { suggestedName: 'a.csv', contents: 'x' })).resolves.toEqual({ saved: false });
      expect(deps.writeFile).not.toHaveBeenCalled();
    });
  });

  describe('print', () => {
    it("renders a PDF with the page size and orientation and saves it where the seller chose", async () => {
      const { deps, contents, written, pdfBytes, invoke } = setup({
        showSaveDialog: vi.fn(async () => ({ canceled: false, filePath: '/home/seller/Documents/reorder.pdf' })),
      });
      const result = await invoke(IPC_CHANNELS.print, { target: 'pdf', pageSize: 'Letter', landscape: true, suggestedName: 'reorder.pdf' });
      expect(result).toEqual({ done: true, name: 'reorder.pdf' });
      expect(contents.printToPDF).toHaveBeenCalledWith({ pageSize: 'Letter', landscape: true, printBackground: true });
      expect(deps.showSaveDialog).toHaveBeenCalledWith({
        defaultPath: '/home/seller/Documents/reorder.pdf',
        filters: [{ name: 'PDF', extensions: ['pdf'] }],
      });
      expect(written.get('/home/seller/Documents/reorder.pdf')).toBe(pdfBytes);
    });

    it('returns done:false and writes nothing when the PDF save dialog is cancelled', async () => {
      const { deps, invoke } = setup({ showSaveDialog: vi.fn(async () => ({ canceled: true })) });
      await expect(invoke(IPC_CHANNELS.print, { target: 'pdf', pageSize: 'A4' })).resolves.toEqual({ done: false });
      expect(deps.writeFile).not.toHaveBeenCalled();
    });

    it('opens the system print dialog for the printer target', async () => {
      const { deps, contents, invoke } = setup();
      await expect(invoke(IPC_CHANNELS.print, { target: 'printer', pageSize: 'A4' })).resolves.toEqual({ done: true });
      expect(contents.print).toHaveBeenCalledWith(
        { pageSize: 'A4', landscape: false, printBackground: true, silent: false },
        expect.any(Function),
      );
      expect(contents.printToPDF).not.toHaveBeenCalled();
      expect(deps.writeFile).not.toHaveBeenCalled();
    });

    it('reports a cancelled print as done:false and a printer failure as an error', async () => {
      const cancelled = setup();
      vi.mocked(cancelled.contents.print).mockImplementation((_options, callback) => callback(false, 'Print job canceled'));
      await expect(cancelled.invoke(IPC_CHANNELS.print, { target: 'printer', pageSize: 'A4' })).resolves.toEqual({ done: false });

      const failed = setup();
      vi.mocked(failed.contents.print).mockImplementation((_options, callback) => callback(false, 'Print job failed'));
      await expect(failed.invoke(IPC_CHANNELS.print, { target: 'printer', pageSize: 'A4' })).rejects.toThrow(
        'Printing failed: Print job failed.',
      );
    });
  });

  describe('automatic backups', () => {
    it('lists the folder and its backups as available', async () => {
      const entry = { name: 'stockpilot-auto-2026-11-27T09-30-15-123Z-daily.stockpilot', kind: 'daily', createdAt: '2026-11-27T09:30:15.123Z', sizeBytes: 10 } as const;
      const { invoke, autoBackups } = setup();
      vi.mocked(autoBackups.list).mockResolvedValue([entry]);
      await expect(invoke(IPC_CHANNELS.listAutoBackups)).resolves.toEqual({ available: true, folder: autoBackups.folder, backups: [entry] });
    });

    it('hands a valid backup and its kind to the store', async () => {
      const { invoke, autoBackups } = setup();
      const bytes = backupBytes();
      await invoke(IPC_CHANNELS.writeAutoBackup, { kind: 'before-restore', bytes });
      expect(autoBackups.write).toHaveBeenCalledWith('before-restore', bytes);
    });

    it('reads a backup by its validated name, as bytes the reply owns', async () => {
      const { invoke, autoBackups } = setup();
      const name = 'stockpilot-auto-2026-11-27T09-30-15-123Z-before-restore.stockpilot';
      const pooled = new Uint8Array(new ArrayBuffer(64), 8, 3); // like a Buffer from Node's pool
      pooled.set([7, 8, 9]);
      vi.mocked(autoBackups.read).mockResolvedValue({ name, bytes: pooled });
      const file = await invoke(IPC_CHANNELS.readAutoBackup, { name });
      expect(autoBackups.read).toHaveBeenCalledWith(name);
      expect(file).toEqual({ name, bytes: new Uint8Array([7, 8, 9]) });
      expect((file as { bytes: Uint8Array }).bytes.buffer.byteLength).toBe(3);
    });

    it('shows the folder, creating it first, and reports a failure to open it as a refusal', async () => {
      const { deps, invoke, autoBackups } = setup();
      await invoke(IPC_CHANNELS.showAutoBackupsFolder);
      expect(autoBackups.ensureFolder).toHaveBeenCalled();
      expect(deps.openFolder).toHaveBeenCalledWith(autoBackups.folder);
      const failing = setup({ openFolder: vi.fn(async () => 'No application is registered') });
      await expect(refusalOf(failing.invoke(IPC_CHANNELS.showAutoBackupsFolder))).resolves.toEqual({
        code: 'autoBackup.failed',
        params: { folder: failing.autoBackups.folder, detail: 'No application is registered' },
      });
    });
  });

  it('appInfo reports the version and platform as a desktop host', async () => {
    const { invoke } = setup();
    await expect(invoke(IPC_CHANNELS.appInfo)).resolves.toEqual({ version: '1.2.3', host: 'desktop', platform: 'linux' });
  });
});
