// A small typed i18n: missing keys are compile errors, so Chinese can never fall behind English.
import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback } from 'react';
import type { Language } from '../../shared/model';
import { isDomainError } from '../../shared/errors';
import { db, readSettings } from '../db';
import { en } from './en';
import type { MessageKey } from './en';
import { zhCN } from './zh-CN';

export type { MessageKey };

const dictionaries: Record<Language, Record<MessageKey, string>> = { en, 'zh-CN': zhCN };

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

export function translate(language: Language, key: MessageKey, params?: Record<string, string | number>): string {
  const template = dictionaries[language][key];
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

export function isMessageKey(key: string): key is MessageKey {
  return key in en;
}

/** A report kind (an Amazon report type, or GENERIC_STOCK) by its name in the seller's language; an unknown one as its code. */
export function reportKindLabel(t: Translate, kind: string): string {
  const key = `reportKind.${kind}`;
  return isMessageKey(key) ? t(key) : kind;
}

/** A seller-facing message for any error: DomainErrors by code, with field names translated. */
export function describeError(language: Language, error: unknown): string {
  if (isDomainError(error)) {
    const params: Record<string, string | number> = { ...error.params };
    const field = params.field;
    if (typeof field === 'string') {
      const fieldKey = `field.${field}`;
      params.field = isMessageKey(fieldKey) ? translate(language, fieldKey) : field;
    }
    const key = `error.${error.code}`;
    if (isMessageKey(key)) {
      const message = translate(language, key, params);
      // Errors on one line of a multi-line form say which line, unless the message already does.
      const line = error.params.line;
      if (typeof line === 'number' && !dictionaries[language][key].includes('{line}')) return translate(language, 'error.onLine', { line, message });
      // Errors on one row of a file say which file and row, unless the message already does.
      const { file, row } = error.params;
      if (typeof file === 'string' && typeof row === 'number' && !dictionaries[language][key].includes('{row}')) return translate(language, 'error.inFileRow', { file, row, message });
      return message;
    }
  }
  return translate(language, 'error.unexpected', { detail: error instanceof Error ? error.message : String(error) });
}

export function useLanguage(): Language {
  return useLiveQuery(() => readSettings(db).then((s) => s.language), [], 'en');
}

export function useT(): { t: Translate; language: Language; describe: (error: unknown) => string } {
  const language = useLanguage();
  const t = useCallback<Translate>((key, params) => translate(language, key, params), [language]);
  const describe = useCallback((error: unknown) => describeError(language, error), [language]);
  return { t, language, describe };
}
