import { beforeAll, describe, expect, it, vi } from 'vitest';
import { DESKTOP_API_GLOBAL, IPC_CHANNELS, type DesktopApi } from '../../shared/bridge';

// The real 'electron' module cannot load in Node; the preload only needs these two objects.
const electron = vi.hoisted(() => ({
  contextBridge: { exposeInMainWorld: vi.fn() },
  ipcRenderer: { invoke: vi.fn(async (channel: string) => `result of ${channel}`), send: vi.fn(), on: vi.fn() },
}));
vi.mock('electron', () => electron);

describe('preload', () => {
  let api: DesktopApi;

  beforeAll(async () => {
    await import('../../electron/preload');
    expect(electron.contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1);
    const [name, exposed] = electron.contextBridge.exposeInMainWorld.mock.calls[0] as [string, DesktopApi];
    expect(name).toBe(DESKTOP_API_GLOBAL);
    api = exposed;
  });

  it('exposes exactly the DesktopApi functions and nothing of ipcRenderer', () => {
    expect(Object.keys(api).sort()).toEqual([
      'appInfo',
      'listAutoBackups',
      'openFiles',
      'print',
      'readAutoBackup',
      'saveFile',
      'showAutoBackupsFolder',
      'writeAutoBackup',
    ]);
    for (const value of Object.values(api)) expect(typeof value).toBe('function');
    expect(Object.values(api)).not.toContain(electron.ipcRenderer);
    expect(Object.values(api)).not.toContain(electron.ipcRenderer.invoke);
  });

  it('invokes each operation on its own fixed channel with the request as given', async () => {
    const saveRequest = { suggestedName: 'export.csv', contents: 'a,b\n' };
    await expect(api.saveFile(saveRequest)).resolves.toBe(`result of ${IPC_CHANNELS.saveFile}`);
    expect(electron.ipcRenderer.invoke).toHaveBeenLastCalledWith(IPC_CHANNELS.saveFile, saveRequest);

    await api.openFiles({ multiple: true });
    expect(electron.ipcRenderer.invoke).toHaveBeenLastCalledWith(IPC_CHANNELS.openFiles, { multiple: true });

    await api.print({ target: 'pdf', pageSize: 'A4' });
    expect(electron.ipcRenderer.invoke).toHaveBeenLastCalledWith(IPC_CHANNELS.print, { target: 'pdf', pageSize: 'A4' });

    await api.appInfo();
    expect(electron.ipcRenderer.invoke).toHaveBeenLastCalledWith(IPC_CHANNELS.appInfo);

    await api.listAutoBackups();
    expect(electron.ipcRenderer.invoke).toHaveBeenLastCalledWith(IPC_CHANNELS.listAutoBackups);
    const writeRequest = { kind: 'daily', bytes: new Uint8Array([1]) } as const;
    await api.writeAutoBackup(writeRequest);
    expect(electron.ipcRenderer.invoke).toHaveBeenLastCalledWith(IPC_CHANNELS.writeAutoBackup, writeRequest);
    await api.readAutoBackup({ name: 'x' });
    expect(electron.ipcRenderer.invoke).toHaveBeenLastCalledWith(IPC_CHANNELS.readAutoBackup, { name: 'x' });
    await api.showAutoBackupsFolder();
    expect(electron.ipcRenderer.invoke).toHaveBeenLastCalledWith(IPC_CHANNELS.showAutoBackupsFolder);
    expect(electron.ipcRenderer.send).not.toHaveBeenCalled();
    expect(electron.ipcRenderer.on).not.toHaveBeenCalled();
  });
});
