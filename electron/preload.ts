// The whole surface the page gets: the DesktopApi functions, each one fixed IPC channel.
// ipcRenderer itself is never exposed. Sandboxed preloads cannot require local files, so
// scripts/build-electron.mjs bundles this (with shared/bridge) into dist-electron/preload.cjs.
import { contextBridge, ipcRenderer } from 'electron';
import { DESKTOP_API_GLOBAL, IPC_CHANNELS, type DesktopApi } from '../shared/bridge';

const desktopApi: DesktopApi = {
  openFiles: (request) => ipcRenderer.invoke(IPC_CHANNELS.openFiles, request),
  saveFile: (request) => ipcRenderer.invoke(IPC_CHANNELS.saveFile, request),
  print: (request) => ipcRenderer.invoke(IPC_CHANNELS.print, request),
  appInfo: () => ipcRenderer.invoke(IPC_CHANNELS.appInfo),
  listAutoBackups: () => ipcRenderer.invoke(IPC_CHANNELS.listAutoBackups),
  writeAutoBackup: (request) => ipcRenderer.invoke(IPC_CHANNELS.writeAutoBackup, request),
  readAutoBackup: (request) => ipcRenderer.invoke(IPC_CHANNELS.readAutoBackup, request),
  showAutoBackupsFolder: () => ipcRenderer.invoke(IPC_CHANNELS.showAutoBackupsFolder),
};

contextBridge.exposeInMainWorld(DESKTOP_API_GLOBAL, desktopApi);
