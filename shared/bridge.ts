// The one contract between the renderer and whatever hosts it. The Electron preload implements it
// over IPC (electron/preload.ts); the browser fallback implements it with a file input, a download
// and window.print (renderer/desktop/browserDesktopApi.ts). The UI cannot tell them apart.
import { DomainError, type DomainErrorCode, type ErrorParams } from './errors';
import { AUTO_BACKUP_KINDS, isAutoBackupFileName, type AutoBackupKind } from './backup/autoBackups';

export type { AutoBackupKind };

/** A file the user picked for import. Bytes, not text: the import core detects the encoding. */
export interface PickedFile {
  name: string;
  bytes: Uint8Array;
}

export interface FileFilter {
  name: string;
  extensions: string[];
}

export interface OpenFilesRequest {
  title?: string;
  multiple?: boolean;
  filters?: FileFilter[];
}

export interface SaveFileRequest {
  /** Suggested file name, no directories. */
  suggestedName: string;
  /** Text is written as UTF-8; bytes are written as they are. */
  contents: string | Uint8Array;
  filters?: FileFilter[];
}

export type SaveFileResult = { saved: true; name: string } | { saved: false };

export interface PrintRequest {
  /** 'pdf' saves the current page as a PDF file; 'printer' opens the system print dialog. */
  target: 'printer' | 'pdf';
  pageSize: 'A4' | 'Letter';
  landscape?: boolean;
  /** For 'pdf': the suggested file name. */
  suggestedName?: string;
}

export type PrintResult = { done: true; name?: string } | { done: false };

export interface AppInfo {
  version: string;
  /** 'desktop' inside Electron, 'browser' in any other Chromium. */
  host: 'desktop' | 'browser';
  platform: string;
}

/** One automatic backup in the app's backups folder. */
export interface AutoBackupEntry {
  /** A name of the app's own pattern (shared/backup/autoBackups.ts), nothing else. */
  name: string;
  kind: AutoBackupKind;
  /** ISO timestamp (UTC), read from the name. */
  createdAt: string;
  sizeBytes: number;
}

/** Automatic backups exist only on the desktop; a browser says so rather than pretending. */
export type AutoBackupList = { available: true; folder: string; backups: AutoBackupEntry[] } | { available: false };

export interface WriteAutoBackupRequest {
  kind: AutoBackupKind;
  /** A whole .stockpilot file (the main process names it, with its own clock). */
  bytes: Uint8Array;
}

export interface WriteAutoBackupResult {
  backup: AutoBackupEntry;
  /** Older automatic backups the rotation deleted. */
  removed: string[];
}

export interface ReadAutoBackupRequest {
  name: string;
}

export interface DesktopApi {
  openFiles(request: OpenFilesRequest): Promise<PickedFile[]>;
  saveFile(request: SaveFileRequest): Promise<SaveFileResult>;
  print(request: PrintRequest): Promise<PrintResult>;
  appInfo(): Promise<AppInfo>;
  /** Newest first. */
  listAutoBackups(): Promise<AutoBackupList>;
  /** Writes atomically into the backups folder, then rotates (only on the desktop). */
  writeAutoBackup(request: WriteAutoBackupRequest): Promise<WriteAutoBackupResult>;
  readAutoBackup(request: ReadAutoBackupRequest): Promise<PickedFile>;
  /** Opens the backups folder in the system's file manager (only on the desktop). */
  showAutoBackupsFolder(): Promise<void>;
}

/** IPC channel names: the only channels the preload may use and the main process handles. */
export const IPC_CHANNELS = {
  openFiles: 'stockpilot:open-files',
  saveFile: 'stockpilot:save-file',
  print: 'stockpilot:print',
  appInfo: 'stockpilot:app-info',
  listAutoBackups: 'stockpilot:auto-backups-list',
  writeAutoBackup: 'stockpilot:auto-backups-write',
  readAutoBackup: 'stockpilot:auto-backups-read',
  showAutoBackupsFolder: 'stockpilot:auto-backups-show-folder',
} as const;

export type IpcChannel = (typeof IPC_CHANNELS)[keyof typeof IPC_CHANNELS];

/** The name under which the preload exposes the API on `window`. */
export const DESKTOP_API_GLOBAL = 'stockpilotDesktop';

// ---- payload validation (used by the main process on every IPC call) ----

export type Validation<T> = { ok: true; value: T } | { ok: false; error: string };

const MAX_NAME_LENGTH = 255;
const MAX_FILTERS = 16;
/** Exports are CSV, PDF or backups; 2 GiB is far above any real one and stops runaway payloads. */
export const MAX_SAVE_BYTES = 2 * 1024 * 1024 * 1024;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A bare file name: no path separators, no parent references, no control characters. */
export function isSafeFileName(name: unknown): name is string {
  if (typeof name !== 'string' || name.length === 0 || name.length > MAX_NAME_LENGTH) return false;
  if (name === '.' || name === '..') return false;
  // eslint-disable-next-line no-control-regex
  return !/[\\/\u0000-\u001f\u007f-\u009f<>:"|?*]/.test(name);
}

/**
 * A suggested file name isSafeFileName accepts, from text that may hold anything the seller typed (a PO
 * number "PO/2026/001", a supplier "A:B"): reserved and control characters become "-", the base is cut
 * to 120 characters, and an empty result becomes `fallback`. `extension` without its dot.
 */
export function safeFileName(base: string, extension: string, fallback = 'StockPilot'): string {
  // eslint-disable-next-line no-control-regex
  const cleaned = base.replace(/[\\/:*?"<>|\u0000-\u001f\u007f-\u009f]+/g, '-').trim().slice(0, 120);
  return `${cleaned === '' || cleaned === '.' || cleaned === '..' ? fallback : cleaned}.${extension}`;
}

function validateFilters(value: unknown): Validation<FileFilter[] | undefined> {
  if (value === undefined) return { ok: true, value: undefined };
  if (!Array.isArray(value) || value.length > MAX_FILTERS) return { ok: false, error: 'filters must be a short list' };
  const filters: FileFilter[] = [];
  for (const item of value) {
    if (!isRecord(item) || typeof item.name !== 'string' || item.name.length > 100 || !Array.isArray(item.extensions)) {
      return { ok: false, error: 'each filter needs a name and a list of extensions' };
    }
    const extensions: string[] = [];
    for (const ext of item.extensions) {
      if (typeof ext !== 'string' || !/^(\*|[A-Za-z0-9]{1,10})$/.test(ext)) {
        return { ok: false, error: `filter extension ${JSON.stringify(ext)} is not allowed` };
      }
      extensions.push(ext);
    }
    filters.push({ name: item.name, extensions });
  }
  return { ok: true, value: filters };
}

export function validateOpenFilesRequest(value: unknown): Validation<OpenFilesRequest> {
  if (!isRecord(value)) return { ok: false, error: 'request must be an object' };
  if (value.title !== undefined && (typeof value.title !== 'string' || value.title.length > 200)) {
    return { ok: false, error: 'title must be a short string' };
  }
  if (value.multiple !== undefined && typeof value.multiple !== 'boolean') {
    return { ok: false, error: 'multiple must be true or false' };
  }
  const filters = validateFilters(value.filters);
  if (!filters.ok) return filters;
  return {
    ok: true,
    value: {
      ...(typeof value.title === 'string' ? { title: value.title } : {}),
      multiple: value.multiple === true,
      ...(filters.value ? { filters: filters.value } : {}),
    },
  };
}

export function validateSaveFileRequest(value: unknown): Validation<SaveFileRequest> {
  if (!isRecord(value)) return { ok: false, error: 'request must be an object' };
  if (!isSafeFileName(value.suggestedName)) return { ok: false, error: 'suggestedName must be a plain file name' };
  const contents = value.contents;
  if (typeof contents === 'string') {
    if (contents.length > MAX_SAVE_BYTES / 2) return { ok: false, error: 'contents are too large' };
  } else if (contents instanceof Uint8Array) {
    if (contents.byteLength > MAX_SAVE_BYTES) return { ok: false, error: 'contents are too large' };
  } else {
    return { ok: false, error: 'contents must be text or bytes' };
  }
  const filters = validateFilters(value.filters);
  if (!filters.ok) return filters;
  return {
    ok: true,
    value: { suggestedName: value.suggestedName, contents, ...(filters.value ? { filters: filters.value } : {}) },
  };
}

export function validatePrintRequest(value: unknown): Validation<PrintRequest> {
  if (!isRecord(value)) return { ok: false, error: 'request must be an object' };
  if (value.target !== 'printer' && value.target !== 'pdf') return { ok: false, error: "target must be 'printer' or 'pdf'" };
  if (value.pageSize !== 'A4' && value.pageSize !== 'Letter') return { ok: false, error: "pageSize must be 'A4' or 'Letter'" };
  if (value.landscape !== undefined && typeof value.landscape !== 'boolean') {
    return { ok: false, error: 'landscape must be true or false' };
  }
  if (value.suggestedName !== undefined && !isSafeFileName(value.suggestedName)) {
    return { ok: false, error: 'suggestedName must be a plain file name' };
  }
  return {
    ok: true,
    value: {
      target: value.target,
      pageSize: value.pageSize,
      landscape: value.landscape === true,
      ...(typeof value.suggestedName === 'string' ? { suggestedName: value.suggestedName } : {}),
    },
  };
}

/** Automatic backups are whole backups; the same cap as any saved file. */
export const MAX_AUTO_BACKUP_BYTES = MAX_SAVE_BYTES;

export function validateWriteAutoBackupRequest(value: unknown): Validation<WriteAutoBackupRequest> {
  if (!isRecord(value)) return { ok: false, error: 'request must be an object' };
  const kind = AUTO_BACKUP_KINDS.find((k) => k === value.kind);
  if (!kind) return { ok: false, error: `kind must be one of ${AUTO_BACKUP_KINDS.join(', ')}` };
  const bytes = value.bytes;
  if (!(bytes instanceof Uint8Array)) return { ok: false, error: 'bytes must be a Uint8Array' };
  if (bytes.byteLength === 0) return { ok: false, error: 'bytes are empty' };
  if (bytes.byteLength > MAX_AUTO_BACKUP_BYTES) return { ok: false, error: 'bytes are too large' };
  return { ok: true, value: { kind, bytes } };
}

export function validateReadAutoBackupRequest(value: unknown): Validation<ReadAutoBackupRequest> {
  if (!isRecord(value)) return { ok: false, error: 'request must be an object' };
  // Only the app's own names: no separators, no "..", nothing the app did not write.
  if (!isAutoBackupFileName(value.name)) return { ok: false, error: 'name must be an automatic backup file name' };
  return { ok: true, value: { name: value.name } };
}

// ---- refusals the host explains to the seller ----
// IPC carries only an error's message across (Electron prefixes it with "Error invoking remote
// method …"), so the main process puts a coded refusal in the message and the renderer turns it
// back into a DomainError, which the seller reads in their own language.

export interface HostRefusalParams {
  /** A picked file larger than the cap; sizes in bytes. */
  'file.tooLarge': { file: string; sizeBytes: number; maxBytes: number };
  'file.notAFile': { file: string };
  'file.unreadable': { file: string; detail: string };
  'autoBackup.diskFull': { folder: string };
  'autoBackup.notWritable': { folder: string; detail: string };
  'autoBackup.failed': { folder: string; detail: string };
  'autoBackup.notFound': { file: string };
  'autoBackup.unavailable': Record<string, never>;
}

export type HostRefusalCode = keyof HostRefusalParams & DomainErrorCode;

/** A refusal as read back from a message: the code, and plain values (the main process promises their shape per code). */
export interface HostRefusal {
  code: HostRefusalCode;
  params: ErrorParams;
}

const REFUSAL_MARKER = 'STOCKPILOT_REFUSAL ';
const HOST_REFUSAL_CODES: readonly HostRefusalCode[] = [
  'file.tooLarge',
  'file.notAFile',
  'file.unreadable',
  'autoBackup.diskFull',
  'autoBackup.notWritable',
  'autoBackup.failed',
  'autoBackup.notFound',
  'autoBackup.unavailable',
];

/** The message of an Error the main process throws for a refusal. */
export function refusalMessage<C extends HostRefusalCode>(code: C, params: HostRefusalParams[C]): string {
  return `${REFUSAL_MARKER}${JSON.stringify({ code, params })}`;
}

/** The refusal inside an error's message (wherever IPC put it), or null when it holds none. */
export function parseRefusal(message: string): HostRefusal | null {
  const at = message.indexOf(REFUSAL_MARKER);
  if (at < 0) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(message.slice(at + REFUSAL_MARKER.length));
  } catch {
    return null;
  }
  if (!isRecord(parsed) || !isRecord(parsed.params)) return null;
  const code = HOST_REFUSAL_CODES.find((c) => c === parsed.code);
  if (!code) return null;
  const params: ErrorParams = {};
  for (const [key, value] of Object.entries(parsed.params)) {
    if (typeof value !== 'string' && typeof value !== 'number') return null;
    params[key] = value;
  }
  return { code, params };
}

/** Bytes as the seller reads them; rounded up, so a file just over a limit never reads as equal to it. */
export function formatFileSize(bytes: number): string {
  const mib = bytes / (1024 * 1024);
  if (mib >= 1024) return `${(Math.ceil((mib / 1024) * 10) / 10).toFixed(1)} GiB`;
  if (mib >= 1) return `${Math.ceil(mib)} MiB`;
  return `${Math.ceil(bytes / 1024)} KiB`;
}

/** A rejection from the host as the renderer should see it: a refusal becomes a DomainError, anything else stays as it was. */
export function hostErrorToDomainError(error: unknown): unknown {
  const message = error instanceof Error ? error.message : typeof error === 'string' ? error : '';
  const refusal = parseRefusal(message);
  if (!refusal) return error;
  const params: ErrorParams = { ...refusal.params };
  const { sizeBytes, maxBytes } = refusal.params;
  if (typeof sizeBytes === 'number') params.size = formatFileSize(sizeBytes);
  if (typeof maxBytes === 'number') params.max = formatFileSize(maxBytes);
  return new DomainError(refusal.code, params);
}
