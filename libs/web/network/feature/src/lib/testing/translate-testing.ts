import { TestBed } from '@angular/core/testing';
import { provideTranslateService, TranslateService, TranslationObject } from '@ngx-translate/core';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The app's real translation files: specs read the words users read. */
const I18N_DIR = join(__dirname, '../../../../../../../apps/web/public/i18n');

function readTranslations(locale: string): TranslationObject {
  return JSON.parse(readFileSync(join(I18N_DIR, `${locale}.json`), 'utf8')) as TranslationObject;
}

export function provideTestTranslations() {
  return provideTranslateService({ fallbackLang: 'en' });
}

/** Loads the English and Russian files and switches to `locale`. */
export function useTestLocale(locale: 'en' | 'ru'): TranslateService {
  const translate = TestBed.inject(TranslateService);
  translate.setTranslation('en', readTranslations('en'));
  translate.setTranslation('ru', readTranslations('ru'));
  translate.use(locale);
  return translate;
}
