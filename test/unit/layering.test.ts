// The layering is enforced by lint: these cases prove the rules in eslint.config.js bite.
import { ESLint } from 'eslint';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: path.resolve(import.meta.dirname, '../..') });

async function restrictedImports(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('import boundaries', () => {
  it.each([
    ["import Dexie from 'dexie';", 'Dexie'],
    ["import { useState } from 'react';", 'React'],
    ["import { create } from 'zustand';", 'React or UI state'],
    ["import { readFileSync } from 'node:fs';", 'Node built-ins'],
    ["import { readFileSync } from 'fs';", 'Node built-ins'],
    ["import { app } from 'electron';", 'Electron'],
    ["import { db } from '../renderer/db';", 'renderer'],
    ["import { x } from '../electron/security';", 'Electron'],
  ])('shared/ refuses %s', async (code, expected) => {
    const messages = await restrictedImports('shared/ledger/example.ts', `${code}\nexport const y = 1;\n`);
    expect(messages.join(' ')).toContain(expected);
  });

  it('shared/ may import shared/', async () => {
    expect(await restrictedImports('shared/ledger/example.ts', "import type { Movement } from '../model';\nexport type M = Movement;\n")).toEqual([]);
  });

  it('renderer/ may not import electron/ or Node built-ins', async () => {
    expect((await restrictedImports('renderer/features/x/Example.tsx', "import { x } from '../../../electron/security';\nexport const y = x;\n")).join(' ')).toContain('DesktopApi');
    expect((await restrictedImports('renderer/features/x/Example.tsx', "import path from 'node:path';\nexport const y = path;\n")).join(' ')).toContain('Node built-ins');
  });

  it('electron/ may not import renderer/', async () => {
    expect((await restrictedImports('electron/example.ts', "import { db } from '../renderer/db';\nexport const y = db;\n")).join(' ')).toContain('renderer');
  });
});
