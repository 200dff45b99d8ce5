import { DOCUMENT } from '@angular/common';
import { ErrorHandler } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideTranslateService, TranslateLoader, TranslationObject } from '@ngx-translate/core';
import { Observable, of, throwError } from 'rxjs';
import { LOCALE_STORAGE_KEY, LocaleService } from './locale.service';

/** Serves translations for en and ru; any other request fails like a 404 would. */
class FakeLoader implements TranslateLoader {
  static failing = new Set<string>();
  getTranslation(lang: string): Observable<TranslationObject> {
    return FakeLoader.failing.has(lang)
      ? throwError(() => new Error(`no ${lang}.json`))
      : of({ hello: lang === 'ru' ? 'Привет' : 'Hello' });
  }
}

describe('LocaleService', () => {
  let navigatorLanguage: jest.SpyInstance<string, []>;
  const errorHandler = { handleError: jest.fn() };

  function create(): LocaleService {
    TestBed.configureTestingModule({
      providers: [
        provideTranslateService({
          fallbackLang: 'en',
          loader: { provide: TranslateLoader, useClass: FakeLoader },
        }),
        { provide: ErrorHandler, useValue: errorHandler },
      ],
    });
    return TestBed.inject(LocaleService);
  }

  const html = () => TestBed.inject(DOCUMENT).documentElement;

  beforeEach(() => {
    localStorage.clear();
    FakeLoader.failing.clear();
    errorHandler.handleError.mockClear();
    navigatorLanguage = jest.spyOn(navigator, 'language', 'get').mockReturnValue('en-US');
    document.documentElement.lang = 'en';
  });

  afterEach(() => navigatorLanguage.mockRestore());

  it('starts in English for a browser in another language', async () => {
    navigatorLanguage.mockReturnValue('de-DE');
    const sut = create();

    await sut.init();

    expect(sut.locale()).toBe('en');
    expect(html().lang).toBe('en');
    expect(html().dir).toBe('ltr');
  });

  it('starts in Russian for a browser set to ru-*', async () => {
    navigatorLanguage.mockReturnValue('ru-KZ');
    const sut = create();

    await sut.init();

    expect(sut.locale()).toBe('ru');
    expect(html().lang).toBe('ru');
    expect(localStorage.getItem(LOCALE_STORAGE_KEY)).toBeNull();
  });

  it('prefers the remembered language over the browser language', async () => {
    navigatorLanguage.mockReturnValue('ru-RU');
    localStorage.setItem(LOCALE_STORAGE_KEY, 'en');
    const sut = create();

    await sut.init();

    expect(sut.locale()).toBe('en');
  });

  it('ignores a remembered value that is not a supported language', async () => {
    localStorage.setItem(LOCALE_STORAGE_KEY, 'xx');
    const sut = create();

    await sut.init();

    expect(sut.locale()).toBe('en');
  });

  it('switches language, updates <html lang>, and remembers the choice', async () => {
    const sut = create();
    await sut.init();

    await sut.use('ru');

    expect(sut.locale()).toBe('ru');
    expect(html().lang).toBe('ru');
    expect(localStorage.getItem(LOCALE_STORAGE_KEY)).toBe('ru');
  });

  it('keeps the current language and reports the error when translations fail to load', async () => {
    FakeLoader.failing.add('ru');
    const sut = create();
    await sut.init();

    await sut.use('ru');

    expect(sut.locale()).toBe('en');
    expect(html().lang).toBe('en');
    expect(localStorage.getItem(LOCALE_STORAGE_KEY)).toBeNull();
    expect(errorHandler.handleError).toHaveBeenCalledTimes(1);
  });
});
