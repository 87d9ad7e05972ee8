// The renderer's only way to reach the host: the preload's API inside Electron, else the browser one.
import { DESKTOP_API_GLOBAL } from '../../shared/bridge';
import type { DesktopApi } from '../../shared/bridge';
import { browserDesktopApi } from './browserDesktopApi';

function isDesktopApi(value: unknown): value is DesktopApi {
  return typeof value === 'object' && value !== null && 'openFiles' in value && 'saveFile' in value && 'print' in value && 'appInfo' in value;
}

const exposed: unknown = (window as unknown as Record<string, unknown>)[DESKTOP_API_GLOBAL];

export const desktop: DesktopApi = isDesktopApi(exposed) ? exposed : browserDesktopApi;
