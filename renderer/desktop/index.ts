// The renderer's only way to reach the host: the preload's API inside Electron, else the browser one.
import { DESKTOP_API_GLOBAL, hostErrorToDomainError } from '../../shared/bridge';
import type { DesktopApi, OpenFilesRequest } from '../../shared/bridge';
import { browserDesktopApi, pickFiles } from './browserDesktopApi';

const API_METHODS = ['openFiles', 'saveFile', 'print', 'appInfo', 'listAutoBackups', 'writeAutoBackup', 'readAutoBackup', 'showAutoBackupsFolder'] as const satisfies readonly (keyof DesktopApi)[];

function isDesktopApi(value: unknown): value is DesktopApi {
  return typeof value === 'object' && value !== null && API_METHODS.every((name) => typeof Reflect.get(value, name) === 'function');
}

/** The host's refusals arrive as plain Errors (IPC keeps only the message); turn them back into coded DomainErrors. */
function withCodedRefusals(api: DesktopApi): DesktopApi {
  const rethrow = (error: unknown): never => {
    throw hostErrorToDomainError(error);
  };
  return {
    openFiles: (request) => api.openFiles(request).catch(rethrow),
    saveFile: (request) => api.saveFile(request).catch(rethrow),
    print: (request) => api.print(request).catch(rethrow),
    appInfo: () => api.appInfo().catch(rethrow),
    listAutoBackups: () => api.listAutoBackups().catch(rethrow),
    writeAutoBackup: (request) => api.writeAutoBackup(request).catch(rethrow),
    readAutoBackup: (request) => api.readAutoBackup(request).catch(rethrow),
    showAutoBackupsFolder: () => api.showAutoBackupsFolder().catch(rethrow),
  };
}

const exposed: unknown = (window as unknown as Record<string, unknown>)[DESKTOP_API_GLOBAL];

/** Whether the page runs inside the desktop app (the preload exposed the API). */
export const isDesktopHost = isDesktopApi(exposed);

export const desktop: DesktopApi = isDesktopApi(exposed) ? withCodedRefusals(exposed) : browserDesktopApi;

/**
 * Files chosen for import: inside Electron, the bytes the main process read (size-capped there); in
 * a browser, the chosen Files themselves, which the import reads a slice at a time and never whole.
 */
export async function openFilesToImport(request: OpenFilesRequest): Promise<{ name: string; file: Uint8Array | Blob }[]> {
  if (isDesktopHost) return (await desktop.openFiles(request)).map((picked) => ({ name: picked.name, file: picked.bytes }));
  return (await pickFiles(request)).map((file) => ({ name: file.name, file }));
}
