// The Electron edge: wires Electron's modules into the policy modules next to this file.
// Policies live in security.ts, trusted-origin.ts, protocol.ts and ipc-handlers.ts (tested in Node).
import path from 'node:path';
import { promises as fs } from 'node:fs';
import { app, BrowserWindow, dialog, ipcMain, protocol, session, shell } from 'electron';
import { createAutoBackupStore } from './auto-backups';
import { registerIpcHandlers } from './ipc-handlers';
import { registerAppScheme, serveAppProtocol } from './protocol';
import {
  createMainWindowOptions,
  denyPermissionCheck,
  denyPermissionRequest,
  hardenWebContents,
} from './security';
import { APP_ENTRY_URL, DEV_SERVER_ORIGIN, isBlockedRequestUrl, type TrustOptions } from './trusted-origin';

// The dev server is trusted only for an unpackaged build started with --dev, never in a release.
const devMode = !app.isPackaged && process.argv.includes('--dev');
const trust: TrustOptions = { allowDevServer: devMode };

let mainWindow: BrowserWindow | null = null;

function logBlocked(what: string, url: string): void {
  console.warn(`[StockPilot] blocked ${what}${url ? `: ${url.slice(0, 200)}` : ''}`);
}

function createMainWindow(): BrowserWindow {
  // dist-electron/main.cjs sits next to dist-electron/preload.cjs.
  const window = new BrowserWindow(createMainWindowOptions(path.join(__dirname, 'preload.cjs')));
  window.once('ready-to-show', () => window.show());
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null;
  });
  void window.loadURL(devMode ? `${DEV_SERVER_ORIGIN}/` : APP_ENTRY_URL);
  return window;
}

function focusMainWindow(): void {
  if (!mainWindow) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.focus();
}

// One instance only: two would share (and race on) the same IndexedDB files.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.enableSandbox();
  registerAppScheme(protocol);

  app.on('second-instance', focusMainWindow);

  // Every WebContents (the main window's included) refuses navigation away, new windows and <webview>.
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, trust, logBlocked));

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  app.on('activate', () => {
    if (app.isReady() && BrowserWindow.getAllWindows().length === 0) mainWindow = createMainWindow();
  });

  void app.whenReady().then(() => {
    const ses = session.defaultSession;
    ses.setPermissionRequestHandler(denyPermissionRequest);
    ses.setPermissionCheckHandler(denyPermissionCheck);
    // No remote content: network and file:// requests are cancelled (the dev server excepted in --dev).
    ses.webRequest.onBeforeRequest((details, callback) => {
      const cancel = isBlockedRequestUrl(details.url, trust);
      if (cancel) logBlocked('request', details.url);
      callback({ cancel });
    });

    serveAppProtocol(protocol, {
      distDir: path.join(app.getAppPath(), 'dist'),
      readFile: (filePath) => fs.readFile(filePath),
    });

    registerIpcHandlers({
      handle: (channel, listener) => ipcMain.handle(channel, listener),
      getMainContents: () => (mainWindow && !mainWindow.isDestroyed() ? mainWindow.webContents : null),
      trust,
      showOpenDialog: (options) =>
        mainWindow ? dialog.showOpenDialog(mainWindow, options) : dialog.showOpenDialog(options),
      showSaveDialog: (options) =>
        mainWindow ? dialog.showSaveDialog(mainWindow, options) : dialog.showSaveDialog(options),
      fileSize: async (filePath) => {
        const stats = await fs.stat(filePath);
        return { size: stats.size, isFile: stats.isFile() };
      },
      readFile: (filePath) => fs.readFile(filePath),
      writeFile: (filePath, data) => fs.writeFile(filePath, data),
      defaultSaveDirectory: app.getPath('documents'),
      appVersion: app.getVersion(),
      platform: process.platform,
      autoBackups: createAutoBackupStore({
        folder: path.join(app.getPath('userData'), 'backups'),
        fs,
        nowMs: () => Date.now(),
        log: (message) => console.warn(`[StockPilot] ${message}`),
      }),
      openFolder: (folderPath) => shell.openPath(folderPath),
    });

    mainWindow = createMainWindow();
  });
}
