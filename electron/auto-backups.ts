// The backups folder on disk: atomic writes, rotation, listing and reading. The file system is passed
// in (node:fs/promises in the app), so tests run it against a temp directory and inject failures.
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { promises as fsPromises } from 'node:fs';
import {
  autoBackupFileName,
  backupsToDelete,
  parseAutoBackupFileName,
  type AutoBackupInfo,
  type AutoBackupKind,
} from '../shared/backup/autoBackups';
import {
  MAX_AUTO_BACKUP_BYTES,
  refusalMessage,
  type AutoBackupEntry,
  type PickedFile,
  type WriteAutoBackupResult,
} from '../shared/bridge';

export type AutoBackupFs = Pick<typeof fsPromises, 'mkdir' | 'readdir' | 'stat' | 'open' | 'rename' | 'unlink' | 'readFile'>;

export interface AutoBackupStore {
  readonly folder: string;
  /** Creates the folder if needed (a refusal when it cannot be). */
  ensureFolder(): Promise<void>;
  list(): Promise<AutoBackupEntry[]>;
  write(kind: AutoBackupKind, bytes: Uint8Array): Promise<WriteAutoBackupResult>;
  /** `name` must already be validated as an automatic backup name. */
  read(name: string): Promise<PickedFile>;
}

function errorCode(error: unknown): string {
  if (typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string') return error.code;
  return error instanceof Error ? error.message.slice(0, 200) : String(error).slice(0, 200);
}

/** A failed write as a refusal the seller can act on; the cause is kept for the log. */
function writeRefusal(folder: string, error: unknown): Error {
  const code = errorCode(error);
  const message =
    code === 'ENOSPC' || code === 'EDQUOT'
      ? refusalMessage('autoBackup.diskFull', { folder })
      : code === 'EACCES' || code === 'EPERM' || code === 'EROFS'
      ? refusalMessage('autoBackup.notWritable', { folder, detail: code })
      : refusalMessage('autoBackup.failed', { folder, detail: code });
  return new Error(message, { cause: error });
}

function toEntry(info: AutoBackupInfo, sizeBytes: number): AutoBackupEntry {
  return { name: info.name, kind: info.kind, createdAt: new Date(info.createdAtMs).toISOString(), sizeBytes };
}

export function createAutoBackupStore(options: { folder: string; fs: AutoBackupFs; nowMs: () => number; log?: (message: string) => void }): AutoBackupStore {
  const { folder, fs, nowMs } = options;
  const log = options.log ?? (() => {});

  async function listInfos(): Promise<AutoBackupInfo[]> {
    let names: string[];
    try {
      names = await fs.readdir(folder);
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return []; // no backup made yet
      throw writeRefusal(folder, error);
    }
    return names.flatMap((name) => parseAutoBackupFileName(name) ?? []).sort((a, b) => b.createdAtMs - a.createdAtMs);
  }

  async function exists(filePath: string): Promise<boolean> {
    try {
      await fs.stat(filePath);
      return true;
    } catch {
      return false;
    }
  }

  async function rotate(justWritten: string): Promise<string[]> {
    let doomed: string[];
    try {
      doomed = backupsToDelete(await listInfos(), nowMs(), justWritten);
    } catch (error) {
      // The backup is written; a folder that cannot be read back now only postpones the clean-up.
      log(`could not rotate automatic backups: ${errorCode(error)}`);
      return [];
    }
    const removed: string[] = [];
    for (const name of doomed) {
      try {
        await fs.unlink(path.join(folder, name));
        removed.push(name);
      } catch (error) {
        // A backup that cannot be deleted is only kept a while longer: never a reason to fail the write.
        log(`could not delete old automatic backup ${name}: ${errorCode(error)}`);
      }
    }
    return removed;
  }

  return {
    folder,

    async ensureFolder() {
      try {
        await fs.mkdir(folder, { recursive: true });
      } catch (error) {
        throw writeRefusal(folder, error);
      }
    },

    async list() {
      const infos = await listInfos();
      const entries: AutoBackupEntry[] = [];
      for (const info of infos) {
        try {
          const stats = await fs.stat(path.join(folder, info.name));
          if (stats.isFile()) entries.push(toEntry(info, stats.size));
        } catch {
          // Deleted between readdir and stat: not a backup any more.
        }
      }
      return entries;
    },

    async write(kind, bytes) {
      let createdAtMs = nowMs();
      let tempPath: string | null = null;
      try {
        await fs.mkdir(folder, { recursive: true });
        // Two backups in one millisecond must not overwrite each other.
        while (await exists(path.join(folder, autoBackupFileName(kind, createdAtMs)))) createdAtMs += 1;
        const name = autoBackupFileName(kind, createdAtMs);
        // A dot-file outside the name pattern: never listed, never taken for a backup if the app dies mid-write.
        tempPath = path.join(folder, `.${name}.${randomBytes(6).toString('hex')}.tmp`);
        const handle = await fs.open(tempPath, 'wx');
        try {
          await handle.writeFile(bytes);
          await handle.sync(); // on disk before the rename makes it a backup
        } finally {
          await handle.close();
        }
        await fs.rename(tempPath, path.join(folder, name));
        tempPath = null;
        const backup = toEntry({ name, kind, createdAtMs }, bytes.byteLength);
        return { backup, removed: await rotate(name) };
      } catch (error) {
        if (tempPath) await fs.unlink(tempPath).catch(() => undefined);
        throw writeRefusal(folder, error);
      }
    },

    async read(name) {
      // The name pattern already rules out separators; this keeps the rule if the pattern ever changes.
      if (path.basename(name) !== name) throw new Error(refusalMessage('autoBackup.notFound', { file: name }));
      const filePath = path.join(folder, name);
      let stats: { size: number; isFile(): boolean };
      try {
        stats = await fs.stat(filePath);
      } catch (error) {
        if (errorCode(error) === 'ENOENT') throw new Error(refusalMessage('autoBackup.notFound', { file: name }));
        throw new Error(refusalMessage('file.unreadable', { file: name, detail: errorCode(error) }));
      }
      if (!stats.isFile()) throw new Error(refusalMessage('file.notAFile', { file: name }));
      if (stats.size > MAX_AUTO_BACKUP_BYTES) {
        throw new Error(refusalMessage('file.tooLarge', { file: name, sizeBytes: stats.size, maxBytes: MAX_AUTO_BACKUP_BYTES }));
      }
      try {
        return { name, bytes: await fs.readFile(filePath) };
      } catch (error) {
        throw new Error(refusalMessage('file.unreadable', { file: name, detail: errorCode(error) }));
      }
    },
  };
}
