import { registerLocaleData } from '@angular/common';
import localeRu from '@angular/common/locales/ru';
import { EnvironmentProviders, inject, makeEnvironmentProviders, provideAppInitializer } from '@angular/core';
import { TitleStrategy } from '@angular/router';
import { DEFAULT_LOCALE } from '@kengash/contracts';
import { provideTranslateService } from '@ngx-translate/core';
import { provideTranslateHttpLoader } from '@ngx-translate/http-loader';
import { LocaleService } from './locale.service';
import { TranslatedTitleStrategy } from './translated-title.strategy';

/**
 * UI translations from `/i18n/<locale>.json` (served next to the app), Angular locale data for
 * pipes, translated page titles, and the starting language loaded before the first render.
 */
export function provideI18n(): EnvironmentProviders {
  return makeEnvironmentProviders([
    provideTranslateService({
      fallbackLang: DEFAULT_LOCALE,
      loader: provideTranslateHttpLoader({ prefix: '/i18n/', suffix: '.json' }),
    }),
    { provide: TitleStrategy, useExisting: TranslatedTitleStrategy },
    provideAppInitializer(() => {
      registerLocaleData(localeRu);
      return inject(LocaleService).init();
    }),
  ]);
}
