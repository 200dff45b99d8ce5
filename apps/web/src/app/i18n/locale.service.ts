import { Direction } from '@angular/cdk/bidi';
import { DOCUMENT } from '@angular/common';
import { computed, ErrorHandler, inject, Injectable, signal } from '@angular/core';
import { DEFAULT_LOCALE, isLocale, Locale } from '@kengash/contracts';
import { _, TranslateService } from '@ngx-translate/core';
import { firstValueFrom } from 'rxjs';

/** Where the chosen UI language is remembered between visits. */
export const LOCALE_STORAGE_KEY = 'kengash.locale';

/** Writing direction per UI language; Arabic (rtl) joins later. */
export const LOCALE_DIRECTION: Record<Locale, Direction> = {
  en: 'ltr',
  ru: 'ltr',
};

/** Each language's own name (endonym), for the language switcher. */
export const LANGUAGE_NAME_KEYS: Record<Locale, string> = {
  en: _('languages.en'),
  ru: _('languages.ru'),
};

/**
 * The active UI language: loads its translations, sets `lang` and `dir` on `<html>`, and
 * remembers a language the user picks.
 */
@Injectable({ providedIn: 'root' })
export class LocaleService {
  private readonly translate = inject(TranslateService);
  private readonly document = inject(DOCUMENT);
  private readonly errorHandler = inject(ErrorHandler);
  private readonly active = signal<Locale>(DEFAULT_LOCALE);

  readonly locale = this.active.asReadonly();
  readonly direction = computed(() => LOCALE_DIRECTION[this.active()]);

  /** Starts in the remembered language, else the browser's if supported, else English. */
  init(): Promise<void> {
    return this.apply(this.initialLocale());
  }

  /** Switches to `locale` (once its translations are loaded) and remembers the choice. */
  async use(locale: Locale): Promise<void> {
    await this.apply(locale);
    if (this.active() === locale) {
      this.remember(locale);
    }
  }

  private async apply(locale: Locale): Promise<void> {
    try {
      await firstValueFrom(this.translate.use(locale));
    } catch (error: unknown) {
      // The language stays as it was; the failure is reported, not swallowed.
      this.errorHandler.handleError(error);
      return;
    }
    this.active.set(locale);
    const html = this.document.documentElement;
    html.lang = locale;
    html.dir = LOCALE_DIRECTION[locale];
  }

  private initialLocale(): Locale {
    const stored = this.read();
    if (isLocale(stored)) {
      return stored;
    }
    const browser = this.document.defaultView?.navigator.language ?? '';
    return browser.toLowerCase().startsWith('ru') ? 'ru' : DEFAULT_LOCALE;
  }

  private read(): string | null {
    try {
      return this.document.defaultView?.localStorage.getItem(LOCALE_STORAGE_KEY) ?? null;
    } catch {
      return null; // storage blocked (privacy settings): fall back to the browser language
    }
  }

  private remember(locale: Locale): void {
    try {
      this.document.defaultView?.localStorage.setItem(LOCALE_STORAGE_KEY, locale);
    } catch {
      // storage blocked: the choice lasts for this visit only
    }
  }
}
