// The desktop's refusals (a file over the size cap, a folder, a full disk) reach the seller in their
// own language, naming the file and sizes, never as Electron's raw English message.
import { describe, expect, test } from 'vitest';
import { describeError } from '../../renderer/i18n';
import { hostErrorToDomainError, refusalMessage } from '../../shared/bridge';

const fromIpc = (message: string) => hostErrorToDomainError(new Error(`Error invoking remote method 'stockpilot:open-files': Error: ${message}`));

describe('host refusals in the seller language', () => {
  test('a file over the size cap names the file and both sizes', () => {
    const error = fromIpc(refusalMessage('file.tooLarge', { file: 'orders.txt', sizeBytes: 600 * 1024 * 1024, maxBytes: 512 * 1024 * 1024 }));
    expect(describeError('en', error)).toBe(
      'orders.txt is 600 MiB, more than the 512 MiB StockPilot can open at once. Nothing was opened — split the report into smaller date ranges and import them one by one.',
    );
    expect(describeError('zh-CN', error)).toBe('orders.txt 大小为 600 MiB，超过 StockPilot 一次可打开的上限 512 MiB。未打开任何文件——请将报告按较短的日期范围拆分，逐个导入。');
  });

  test('a folder picked as a file', () => {
    const error = fromIpc(refusalMessage('file.notAFile', { file: 'Reports' }));
    expect(describeError('en', error)).toBe('Reports is not a file (perhaps a folder), so it was not opened.');
    expect(describeError('zh-CN', error)).toBe('Reports 不是文件（可能是文件夹），未打开。');
  });

  test('a full disk and an unwritable backups folder say the data is unchanged', () => {
    const full = fromIpc(refusalMessage('autoBackup.diskFull', { folder: '/home/seller/.config/StockPilot/backups' }));
    expect(describeError('en', full)).toBe('The disk is full: the automatic backup could not be written to /home/seller/.config/StockPilot/backups. Free some disk space — your data is unchanged.');
    expect(describeError('zh-CN', full)).toBe('磁盘已满，自动备份未能写入 /home/seller/.config/StockPilot/backups。请清理部分磁盘空间——您的数据未受影响。');
    const locked = fromIpc(refusalMessage('autoBackup.notWritable', { folder: 'C:\\Users\\li\\AppData\\Roaming\\StockPilot\\backups', detail: 'EPERM' }));
    expect(describeError('zh-CN', locked)).toBe('StockPilot 无权写入备份文件夹 C:\\Users\\li\\AppData\\Roaming\\StockPilot\\backups（EPERM）。请检查该文件夹的权限——您的数据未受影响。');
  });

  test('no Chinese message carries Electron\'s English prefix', () => {
    const error = fromIpc(refusalMessage('autoBackup.notFound', { file: 'stockpilot-auto-2026-11-27T09-30-15-123Z-daily.stockpilot' }));
    expect(describeError('zh-CN', error)).not.toMatch(/Error invoking|remote method/);
  });
});
