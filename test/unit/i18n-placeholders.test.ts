// Every Chinese string fills the same placeholders as its English one: a {name} missing or misspelt
// in one language would show raw braces, or leave out the figure, only there.
import { describe, expect, test } from 'vitest';
import { en } from '../../renderer/i18n/en';
import { zhCN } from '../../renderer/i18n/zh-CN';

const placeholders = (text: string) => [...new Set(text.match(/\{\w+\}/g) ?? [])].sort();

describe('translations', () => {
  test('the same keys in both languages', () => {
    expect(Object.keys(zhCN).sort()).toEqual(Object.keys(en).sort());
  });

  test('every key fills the same placeholders in English and Chinese', () => {
    const chinese = new Map(Object.entries(zhCN));
    const differing = Object.entries(en)
      .filter(([key, text]) => placeholders(text).join() !== placeholders(chinese.get(key) ?? '').join())
      .map(([key]) => key);
    expect(differing).toEqual([]);
  });
});
