import { TestBed } from '@angular/core/testing';
import { Title } from '@angular/platform-browser';
import { provideRouter, TitleStrategy, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { provideTranslateService, TranslateService } from '@ngx-translate/core';
import { of } from 'rxjs';
import { CouncilApiService } from '@kengash/web-council-data-access';
import { readTranslations } from '../testing/translations';
import { appRoutes } from './app.routes';
import { TranslatedTitleStrategy } from './i18n/translated-title.strategy';

describe('app routes', () => {
  let harness: RouterTestingHarness;
  let translate: TranslateService;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter(appRoutes, withComponentInputBinding()),
        provideTranslateService({ fallbackLang: 'en' }),
        { provide: TitleStrategy, useExisting: TranslatedTitleStrategy },
        { provide: CouncilApiService, useValue: { listGroups: () => of() } },
      ],
    });
    translate = TestBed.inject(TranslateService);
    translate.setTranslation('en', readTranslations('en'));
    translate.setTranslation('ru', readTranslations('ru'));
    translate.use('en');
    harness = await RouterTestingHarness.create();
  });

  const heading = () => harness.routeNativeElement?.querySelector('h1')?.textContent?.trim();
  const title = () => TestBed.inject(Title).getTitle();

  it('opens the council home at / with a translated title', async () => {
    await harness.navigateByUrl('/');

    expect(heading()).toBe('Regional Expert Council');
    expect(title()).toBe('Council · Kengash');
  });

  it.each([
    ['/sessions', 'Sessions'],
    ['/live', 'Live meetings'],
    ['/minutes', 'Minutes'],
    ['/practices', 'Best practices'],
    ['/network', 'Network'],
  ])('%s says what it will hold and that it is not open yet', async (url, name) => {
    await harness.navigateByUrl(url);

    expect(heading()).toBe(name);
    expect(harness.routeNativeElement?.textContent).toContain('Not open yet.');
    expect(title()).toBe(`${name} · Kengash`);
  });

  it('explains that sign-in is not available yet', async () => {
    await harness.navigateByUrl('/sign-in');

    expect(heading()).toBe('Sign in');
    expect(harness.routeNativeElement?.textContent).toContain('Signing in is not available yet');
    expect(harness.routeNativeElement?.querySelector('form, input')).toBeNull();
  });

  it('shows a not-found page for unknown addresses', async () => {
    await harness.navigateByUrl('/no/such/page');

    expect(heading()).toBe('Page not found');
    expect(title()).toBe('Page not found · Kengash');
  });

  it('translates the page title when the language changes', async () => {
    await harness.navigateByUrl('/minutes');

    translate.use('ru');
    harness.detectChanges();

    expect(title()).toBe('Протоколы · Kengash');
    expect(heading()).toBe('Протоколы');
  });
});
