// The main-process side of DesktopApi. Electron is passed in (deps), so every rule here is tested in
// Node with fakes: each handler checks the sender, then validates the payload, and only then acts.
import path from 'node:path';
import {
  IPC_CHANNELS,
  refusalMessage,
  validateOpenFilesRequest,
  validatePrintRequest,
  validateReadAutoBackupRequest,
  validateSaveFileRequest,
  validateWriteAutoBackupRequest,
  type AppInfo,
  type AutoBackupList,
  type FileFilter,
  type IpcChannel,
  type PickedFile,
  type PrintResult,
  type SaveFileResult,
  type Validation,
  type WriteAutoBackupResult,
} from '../shared/bridge';
import { looksLikeBackupFile } from '../shared/backup/autoBackups';
import type { AutoBackupStore } from './auto-backups';
import { isTrustedSenderUrl, type TrustOptions } from './trusted-origin';

/** Imports larger than this are refused before any byte is read (a year of daily SKU rows is far smaller). */
export const MAX_OPEN_FILE_BYTES = 512 * 1024 * 1024;

/** The sending frame (WebFrameMain): its URL, and its parent (null for a top-level frame). */
export interface FrameLike {
  url: string;
  parent: unknown;
}

export interface PrintOptionsLike {
  pageSize: 'A4' | 'Letter';
  landscape: boolean;
  printBackground: boolean;
}

/** The main window's webContents, as far as the handlers use it. */
export interface SenderContents {
  id: number;
  printToPDF(options: PrintOptionsLike): Promise<Uint8Array>;
  print(options: PrintOptionsLike & { silent: false }, callback: (success: boolean, failureReason: string) => void): void;
}

/** What ipcMain.handle passes as the event (IpcMainInvokeEvent). */
export interface InvokeEventLike {
  sender: { id: number };
  senderFrame: FrameLike | null;
}

export interface OpenDialogOptionsLike {
  title?: string;
  properties: Array<'openFile' | 'multiSelections'>;
  filters?: FileFilter[];
}

export interface SaveDialogOptionsLike {
  defaultPath: string;
  filters?: FileFilter[];
}

export interface IpcHandlerDeps {
  /** ipcMain.handle */
  handle(channel: IpcChannel, listener: (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>): void;
  /** The one window whose page may call the API; null before it exists or after it closed. */
  getMainContents(): SenderContents | null;
  trust: TrustOptions;
  showOpenDialog(options: OpenDialogOptionsLike): Promise<{ canceled: boolean; filePaths: string[] }>;
  showSaveDialog(options: SaveDialogOptionsLike): Promise<{ canceled: boolean; filePath?: string | undefined }>;
  fileSize(filePath: string): Promise<{ size: number; isFile: boolean }>;
  readFile(filePath: string): Promise<Uint8Array>;
  writeFile(filePath: string, data: Uint8Array): Promise<void>;
  /** Where save dialogs start (e.g. app.getPath('documents')); the suggested name is appended. */
  defaultSaveDirectory?: string;
  appVersion: string;
  platform: string;
  /** The backups folder in the app's user-data directory (electron/auto-backups.ts). */
  autoBackups: AutoBackupStore;
  /** shell.openPath: resolves to '' on success, else the reason it failed. */
  openFolder(folderPath: string): Promise<string>;
}

function describeSender(event: InvokeEventLike): string {
  const url = event.senderFrame?.url;
  return url ? url.slice(0, 200) : 'an unknown frame';
}

/**
 * Throws unless the call comes from the top-level frame of the main window, showing an app page.
 * Compared by id and parent rather than object identity, which Electron does not promise for frames.
 */
function assertTrustedSender(channel: IpcChannel, event: InvokeEventLike, deps: IpcHandlerDeps): SenderContents {
  const main = deps.getMainContents();
  const frame = event.senderFrame;
  const trusted =
    main !== null &&
    event.sender.id === main.id &&
    frame !== null &&
    frame.parent === null &&
    isTrustedSenderUrl(frame.url, deps.trust);
  if (!trusted || main === null) {
    throw new Error(`StockPilot refused "${channel}": the request came from ${describeSender(event)}, which is not the app window.`);
  }
  return main;
}

function assertValid<T>(channel: IpcChannel, validation: Validation<T>): T {
  if (!validation.ok) throw new Error(`StockPilot refused "${channel}": ${validation.error}.`);
  return validation.value;
}

const textEncoder = new TextEncoder();

/**
 * IPC serialises a view's whole ArrayBuffer, so a Buffer sliced from Node's shared pool would carry
 * unrelated memory along; copy those, and pass a view for a buffer the file owns (no 512 MiB copy).
 */
function ownBytes(data: Uint8Array): Uint8Array {
  if (data.byteOffset === 0 && data.byteLength === data.buffer.byteLength) {
    return new Uint8Array(data.buffer, 0, data.byteLength);
  }
  return new Uint8Array(data); // copies (Buffer#slice would not)
}

export function registerIpcHandlers(deps: IpcHandlerDeps): void {
  const savePath = (suggestedName: string) =>
    deps.defaultSaveDirectory ? path.join(deps.defaultSaveDirectory, suggestedName) : suggestedName;

  deps.handle(IPC_CHANNELS.openFiles, async (event, request): Promise<PickedFile[]> => {
    assertTrustedSender(IPC_CHANNELS.openFiles, event, deps);
    const valid = assertValid(IPC_CHANNELS.openFiles, validateOpenFilesRequest(request));
    const result = await deps.showOpenDialog({
      ...(valid.title ? { title: valid.title } : {}),
      properties: valid.multiple ? ['openFile', 'multiSelections'] : ['openFile'],
      ...(valid.filters ? { filters: valid.filters } : {}),
    });
    if (result.canceled || result.filePaths.length === 0) return [];

    // Check every file before reading any, so a too-large file costs nothing and names itself.
    for (const filePath of result.filePaths) {
      const name = path.basename(filePath);
      const info = await deps.fileSize(filePath);
      // Coded, so the renderer says it in the seller's language (shared/bridge.ts hostErrorToDomainError).
      if (!info.isFile) throw new Error(refusalMessage('file.notAFile', { file: name }));
      if (info.size > MAX_OPEN_FILE_BYTES) {
        throw new Error(refusalMessage('file.tooLarge', { file: name, sizeBytes: info.size, maxBytes: MAX_OPEN_FILE_BYTES }));
      }
    }
    const picked: PickedFile[] = [];
    for (const filePath of result.filePaths) {
      const data = await deps.readFile(filePath);
      picked.push({ name: path.basename(filePath), bytes: ownBytes(data) });
    }
    return picked;
  });

  deps.handle(IPC_CHANNELS.saveFile, async (event, request): Promise<SaveFileResult> => {
    assertTrustedSender(IPC_CHANNELS.saveFile, event, deps);
    const valid = assertValid(IPC_CHANNELS.saveFile, validateSaveFileRequest(request));
    const result = await deps.showSaveDialog({
      defaultPath: savePath(valid.suggestedName),
      ...(valid.filters ? { filters: valid.filters } : {}),
    });
    if (result.canceled || !result.filePath) return { saved: false };
    const bytes = typeof valid.contents === 'string' ? textEncoder.encode(valid.contents) : valid.contents;
    await deps.writeFile(result.filePath, bytes);
    return { saved: true, name: path.basename(result.filePath) };
  });

  deps.handle(IPC_CHANNELS.print, async (event, request): Promise<PrintResult> => {
    const contents = assertTrustedSender(IPC_CHANNELS.print, event, deps);
    const valid = assertValid(IPC_CHANNELS.print, validatePrintRequest(request));
    const options: PrintOptionsLike = {
      pageSize: valid.pageSize,
      landscape: valid.landscape === true,
      printBackground: true,
    };

    if (valid.target === 'printer') {
      return new Promise<PrintResult>((resolve, reject) => {
        contents.print({ ...options, silent: false }, (success, failureReason) => {
          if (success) resolve({ done: true });
          else if (/cancel/i.test(failureReason)) resolve({ done: false });
          else reject(new Error(`Printing failed: ${failureReason || 'the printer reported an error'}.`));
        });
      });
    }

    // Render first, so the PDF is the page the seller was looking at when they clicked.
    const pdf = await contents.printToPDF(options);
    const suggestedName = valid.suggestedName ?? 'StockPilot report.pdf';
    const result = await deps.showSaveDialog({
      defaultPath: savePath(suggestedName),
      filters: [{ name: 'PDF', extensions: ['pdf'] }],
    });
    if (result.canceled || !result.filePath) return { done: false };
    await deps.writeFile(result.filePath, pdf);
    return { done: true, name: path.basename(result.filePath) };
  });

  deps.handle(IPC_CHANNELS.appInfo, async (event): Promise<AppInfo> => {
    assertTrustedSender(IPC_CHANNELS.appInfo, event, deps);
    return { version: deps.appVersion, host: 'desktop', platform: deps.platform };
  });

  deps.handle(IPC_CHANNELS.listAutoBackups, async (event): Promise<AutoBackupList> => {
    assertTrustedSender(IPC_CHANNELS.listAutoBackups, event, deps);
    return { available: true, folder: deps.autoBackups.folder, backups: await deps.autoBackups.list() };
  });

  deps.handle(IPC_CHANNELS.writeAutoBackup, async (event, request): Promise<WriteAutoBackupResult> => {
    assertTrustedSender(IPC_CHANNELS.writeAutoBackup, event, deps);
    const valid = assertValid(IPC_CHANNELS.writeAutoBackup, validateWriteAutoBackupRequest(request));
    // The folder holds backups only: bytes that do not start like one are refused before touching the disk.
    if (!looksLikeBackupFile(valid.bytes)) throw new Error(`StockPilot refused "${IPC_CHANNELS.writeAutoBackup}": bytes are not a StockPilot backup.`);
    return deps.autoBackups.write(valid.kind, valid.bytes);
  });

  deps.handle(IPC_CHANNELS.readAutoBackup, async (event, request): Promise<PickedFile> => {
    assertTrustedSender(IPC_CHANNELS.readAutoBackup, event, deps);
    const valid = assertValid(IPC_CHANNELS.readAutoBackup, validateReadAutoBackupRequest(request));
    const file = await deps.autoBackups.read(valid.name);
    return { name: file.name, bytes: ownBytes(file.bytes) };
  });

  deps.handle(IPC_CHANNELS.showAutoBackupsFolder, async (event): Promise<void> => {
    assertTrustedSender(IPC_CHANNELS.showAutoBackupsFolder, event, deps);
    const folder = deps.autoBackups.folder;
    await deps.autoBackups.ensureFolder(); // a folder that does not exist yet cannot be shown
    const failure = await deps.openFolder(folder);
    if (failure) throw new Error(refusalMessage('autoBackup.failed', { folder, detail: failure.slice(0, 200) }));
  });
}
