// The one contract between the renderer and whatever hosts it. The Electron preload implements it
// over IPC (electron/preload.ts); the browser fallback implements it with a file input, a download
// and window.print (renderer/desktop/browserDesktopApi.ts). The UI cannot tell them apart.

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

export interface DesktopApi {
  openFiles(request: OpenFilesRequest): Promise<PickedFile[]>;
  saveFile(request: SaveFileRequest): Promise<SaveFileResult>;
  print(request: PrintRequest): Promise<PrintResult>;
  appInfo(): Promise<AppInfo>;
}

/** IPC channel names: the only channels the preload may use and the main process handles. */
export const IPC_CHANNELS = {
  openFiles: 'stockpilot:open-files',
  saveFile: 'stockpilot:save-file',
  print: 'stockpilot:print',
  appInfo: 'stockpilot:app-info',
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
