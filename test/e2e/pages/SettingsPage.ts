import type { Page } from 'playwright-core';
import { AppShell } from './AppShell';

export class SettingsPage extends AppShell {
  constructor(page: Page) {
    super(page);
  }

  async open(): Promise<void> {
    await this.go('settings');
  }

  async setLanguage(language: 'en' | 'zh-CN'): Promise<void> {
    await this.page.locator('select[name="language"]').selectOption(language);
  }
}

/** Backup and restore, through the browser's download and file chooser. */
export class BackupPanel {
  constructor(readonly page: Page) {}

  async backupTo(path: string): Promise<string> {
    const download = this.page.waitForEvent('download');
    await this.page.getByRole('button', { name: 'Back up now' }).click();
    const file = await download;
    await file.saveAs(path);
    return file.suggestedFilename();
  }

  /** Picks `file` in the restore dialog and accepts the confirmation. */
  async restoreFrom(file: { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
    this.page.once('dialog', (dialog) => void dialog.accept());
    const chooser = this.page.waitForEvent('filechooser');
    await this.page.getByRole('button', { name: 'Restore from a backup…' }).click();
    await (await chooser).setFiles(file);
  }

  status(kind: 'ok' | 'error') {
    return this.page.getByTestId('backup-panel').getByTestId(`status-${kind}`);
  }
}
