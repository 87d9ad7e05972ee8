// Layering is enforced here, not by review: lower layers may not import upper ones.
//   shared/   pure TypeScript — no electron/, renderer/, Dexie, React or Node built-ins
//   renderer/ never imports electron/ (it talks to the shell only through DesktopApi)
//   electron/ never imports renderer/
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((name) => `node:${name}`)];

export default tseslint.config(
  { ignores: ['dist/**', 'dist-electron/**', 'release/**', 'node_modules/**', 'bench/results.json'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['shared/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      'no-restricted-imports': [
        'error',
        {
          paths: nodeBuiltins.map((name) => ({ name, message: 'shared/ is pure: no Node built-ins.' })),
          patterns: [
            { group: ['**/electron/**', 'electron', 'electron/*'], message: 'shared/ may not import Electron.' },
            { group: ['**/renderer/**'], message: 'shared/ may not import the renderer.' },
            { group: ['dexie', 'dexie/*', 'dexie-*'], message: 'shared/ may not import Dexie: storage lives in renderer/db.' },
            { group: ['react', 'react/*', 'react-dom', 'react-dom/*', 'zustand', 'zustand/*'], message: 'shared/ may not import React or UI state.' },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: nodeBuiltins.map((name) => ({ name, message: 'renderer/ runs in a sandboxed page: no Node built-ins.' })),
          patterns: [
            { group: ['**/electron/**', 'electron', 'electron/*'], message: 'renderer/ talks to the shell only through DesktopApi (shared/bridge).' },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/**/*.ts'],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/renderer/**'], message: 'electron/ may not import the renderer.' }] },
      ],
    },
  },
  {
    files: ['scripts/**/*.{js,mjs,ts}', 'test/**/*.ts', 'bench/**/*.{ts,mjs}', '*.config.{js,ts}'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    // The bench page runs in Chromium.
    files: ['test/bench/bench-page.ts'],
    languageOptions: { globals: { ...globals.browser } },
  },
);
