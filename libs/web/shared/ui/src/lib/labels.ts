import { inject, Signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { CountryCode, DEFAULT_LOCALE, PracticeLanguage, PracticeTheme } from '@kengash/contracts';
import { _, TranslateService } from '@ngx-translate/core';
import { map } from 'rxjs';

/** The UI language as a signal, read from the translate service the shell drives. Call in an injection context. */
export function injectActiveLocale(): Signal<string> {
  const translate = inject(TranslateService);
  return toSignal(translate.onLangChange.pipe(map((event) => event.lang)), {
    initialValue: translate.getCurrentLang() || DEFAULT_LOCALE,
  });
}

/** Translation key of each council country's name. */
export const COUNTRY_KEYS: Record<CountryCode, string> = {
  [CountryCode.Kazakhstan]: _('countries.KZ'),
  [CountryCode.Kyrgyzstan]: _('countries.KG'),
  [CountryCode.Tajikistan]: _('countries.TJ'),
  [CountryCode.Turkmenistan]: _('countries.TM'),
  [CountryCode.Uzbekistan]: _('countries.UZ'),
};

/** The library's themes, which are also the network's areas of expertise: the same words in both. */
export const THEME_KEYS: Record<PracticeTheme, string> = {
  psychosocial_support: _('practices.themes.psychosocial_support'),
  education: _('practices.themes.education'),
  vocational_training: _('practices.themes.vocational_training'),
  family_community: _('practices.themes.family_community'),
  religious_counselling: _('practices.themes.religious_counselling'),
  legal_documents: _('practices.themes.legal_documents'),
  health: _('practices.themes.health'),
};

/** The region's languages (of library entries, and those practitioners work in), named in the UI language. */
export const LANGUAGE_KEYS: Record<PracticeLanguage, string> = {
  en: _('practices.languages.en'),
  ru: _('practices.languages.ru'),
  uz: _('practices.languages.uz'),
  kk: _('practices.languages.kk'),
  ky: _('practices.languages.ky'),
  tg: _('practices.languages.tg'),
  tk: _('practices.languages.tk'),
};
