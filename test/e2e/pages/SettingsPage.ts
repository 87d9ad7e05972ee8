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
