// DesktopApi for a plain browser: a file input to open, a download to save, window.print to print.
import type { AppInfo, DesktopApi, OpenFilesRequest, PickedFile, PrintRequest, SaveFileRequest } from '../../shared/bridge';
import { DomainError } from '../../shared/errors';

/** Opens the browser's file chooser; the Files it gives are handles, read only when asked. */
export function pickFiles(request: OpenFilesRequest): Promise<File[]> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.multiple = request.multiple === true;
    const extensions = (request.filters ?? []).flatMap((f) => f.extensions).filter((e) => e !== '*');
    if (extensions.length > 0) input.accept = extensions.map((e) => `.${e}`).join(',');
    input.style.display = 'none';
    const finish = (files: File[]) => {
      input.remove();
      resolve(files);
    };
    input.addEventListener('change', () => finish(Array.from(input.files ?? [])), { once: true });
    input.addEventListener('cancel', () => finish([]), { once: true });
    document.body.append(input);
    input.click();
  });
}

/** Sets the printed page size for one print, since CSS cannot read the dialog's choice. */
function withPageSize<T>(request: PrintRequest, run: () => T): T {
  const style = document.createElement('style');
  style.textContent = `@page { size: ${request.pageSize} ${request.landscape ? 'landscape' : 'portrait'}; margin: 12mm; }`;
  document.head.append(style);
  try {
    return run();
  } finally {
    style.remove();
  }
}

export const browserDesktopApi: DesktopApi = {
  async openFiles(request): Promise<PickedFile[]> {
    const files = await pickFiles(request);
    return Promise.all(files.map(async (file) => ({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) })));
  },
  async saveFile(request: SaveFileRequest) {
    const blob = new Blob([request.contents as BlobPart], {
      type: typeof request.contents === 'string' ? 'text/plain;charset=utf-8' : 'application/octet-stream',
    });
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = request.suggestedName;
    document.body.append(link);
    link.click();
    link.remove();
    // Revoke later: the download starts asynchronously.
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
    return { saved: true, name: request.suggestedName };
  },
  async print(request) {
    // In a browser, "Save as PDF" is a destination in the print dialog.
    withPageSize(request, () => window.print());
    return { done: true };
  },
  async appInfo(): Promise<AppInfo> {
    return { version: __APP_VERSION__, host: 'browser', platform: navigator.platform };
  },
  // A page cannot write files on its own schedule: automatic backups are a desktop feature.
  async listAutoBackups() {
    return { available: false };
  },
  async writeAutoBackup() {
    throw new DomainError('autoBackup.unavailable');
  },
  async readAutoBackup() {
    throw new DomainError('autoBackup.unavailable');
  },
  async showAutoBackupsFolder() {
    throw new DomainError('autoBackup.unavailable');
  },
};
