// The renderer's only way to reach the host: the preload's API inside Electron, else the browser one.
import { DESKTOP_API_GLOBAL } from '../../shared/bridge';
import type { DesktopApi, OpenFilesRequest } from '../../shared/bridge';
import { browserDesktopApi, pickFiles } from './browserDesktopApi';

function isDesktopApi(value: unknown): value is DesktopApi {
  return typeof value === 'object' && value !== null && 'openFiles' in value && 'saveFile' in value && 'print' in value && 'appInfo' in value;
}

const exposed: unknown = (window as unknown as Record<string, unknown>)[DESKTOP_API_GLOBAL];

export const desktop: DesktopApi = isDesktopApi(exposed) ? exposed : browserDesktopApi;

/**
 * Files chosen for import: inside Electron, the bytes the main process read (size-capped there); in
 * a browser, the chosen Files themselves, which the import reads a slice at a time and never whole.
 */
export async function openFilesToImport(request: OpenFilesRequest): Promise<{ name: string; file: Uint8Array | Blob }[]> {
  if (desktop !== browserDesktopApi) return (await desktop.openFiles(request)).map((picked) => ({ name: picked.name, file: picked.bytes }));
  return (await pickFiles(request)).map((file) => ({ name: file.name, file }));
}
