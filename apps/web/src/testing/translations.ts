import { TranslationObject } from '@ngx-translate/core';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Folder of the translation files the app serves at `/i18n/`. */
export const I18N_DIR = join(__dirname, '../../public/i18n');

/** Reads one of the app's real translation files, so specs check the words users read. */
export function readTranslations(locale: string): TranslationObject {
  return JSON.parse(readFileSync(join(I18N_DIR, `${locale}.json`), 'utf8')) as TranslationObject;
}
