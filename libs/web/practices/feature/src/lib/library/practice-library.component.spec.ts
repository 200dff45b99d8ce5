import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { CurrentUser, PracticeSearchResponse } from '@kengash/contracts';
import { AuthService } from '@kengash/web-identity-data-access';
import { TranslateService } from '@ngx-translate/core';
import { currentUser, PRACTICE_ID, searchHit, searchResponse } from '../testing/practice-fixtures';
import { provideTestTranslations, useTestLocale } from '../testing/translate-testing';
import { PracticeLibraryComponent } from './practice-library.component';

describe('PracticeLibraryComponent', () => {
  let harness: RouterTestingHarness;
  let http: HttpTestingController;
  let sut: HTMLElement;
  const user = signal<CurrentUser | null>(null);
  const text = (element: Element | null | undefined) => element?.textContent?.replace(/\s+/g, ' ').trim();
  const all = (selector: string) => [...sut.querySelectorAll<HTMLElement>(selector)];
  const one = <T extends Element>(selector: string) => {
    const element = sut.querySelector<T>(selector);
    if (!element) throw new Error(`no ${selector}`);
    return element;
  };
  const url = () => TestBed.inject(Router).url;

  async function open(path: string, response: PracticeSearchResponse = searchResponse()): Promise<void> {
    harness = await RouterTestingHarness.create(path);
    sut = harness.routeNativeElement as HTMLElement;
    flush(response);
  }

  function flush(response: PracticeSearchResponse, language = 'en') {
    const request = http.expectOne((r) => r.url === '/api/practices');
    expect(request.request.headers.get('Accept-Language')).toBe(language);
    request.flush(response);
    harness.detectChanges();
    return request.request;
  }

  beforeEach(() => {
    user.set(null);
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([{ path: 'practices', component: PracticeLibraryComponent }], withComponentInputBinding()),
        provideTestTranslations(),
        { provide: AuthService, useValue: { user } },
      ],
    });
    useTestLocale('en');
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('shows the library to a visitor: results with facts, and a hint that members see more', async () => {
    await open('/practices');

    expect(text(one('h1'))).toBe('Best practices');
    expect(text(one('[data-testid=sign-in-hint]'))).toContain('see more once signed in');
    expect(text(one('[data-testid=library-total]'))).toBe('Entries found: 1');
    const hit = one('[data-testid=library-hit]');
    expect(text(hit.querySelector('h2'))).toBe('Family reintegration circles');
    expect(hit.querySelector('[data-testid=hit-link]')?.getAttribute('href')).toBe(`/practices/${PRACTICE_ID}?lang=en`);
    expect(text(hit)).toContain('Monthly circles for returning families.');
    expect(text(hit)).toContain('Uzbekistan');
    expect(text(hit)).toContain('Documented results');
    expect(text(hit)).toContain('Languages: English, Russian');
    expect(text(one('[data-testid=hit-endorsements]'))).toBe('Used it in their work: 3');
    expect(sut.querySelector('[data-testid=new-practice-link]')).toBeNull();
  });

  it('highlights the matched words from the snippet only; titles stay text', async () => {
    await open(
      '/practices?q=%D1%80%D0%B5%D0%B8%D0%BD%D1%82%D0%B5%D0%B3%D1%80%D0%B0%D1%86%D0%B8%D1%8F',
      searchResponse({
        hits: [
          searchHit({
            locale: 'ru',
            title: 'Круги <b>семейной</b> реинтеграции',
            snippet: 'Круги семейной <mark>реинтеграции</mark> &lt;script&gt; — встречи',
          }),
        ],
      }),
    );

    const hit = one('[data-testid=library-hit]');
    expect(hit.querySelector('h2')?.getAttribute('lang')).toBe('ru');
    expect(text(hit.querySelector('h2'))).toBe('Круги <b>семейной</b> реинтеграции');
    expect(hit.querySelector('h2 b')).toBeNull();
    const snippet = one('[data-testid=hit-snippet]');
    expect(snippet.querySelector('mark')?.textContent).toBe('реинтеграции');
    expect(snippet.querySelector('script')).toBeNull();
    expect(snippet.textContent).toContain('<script>');
    expect(one<HTMLInputElement>('[data-testid=library-query]').value).toBe('реинтеграция');
    expect(hit.querySelector('[data-testid=hit-link]')?.getAttribute('href')).toBe(`/practices/${PRACTICE_ID}?lang=ru`);
  });

  it('searches from the box: the query goes into the address and the page starts over', async () => {
    await open('/practices?theme=health&page=2');
    const input = one<HTMLInputElement>('[data-testid=library-query]');
    input.value = 'family';
    input.dispatchEvent(new Event('input'));
    one<HTMLFormElement>('[data-testid=library-search]').dispatchEvent(new Event('submit'));
    await harness.fixture.whenStable();

    expect(url()).toBe('/practices?q=family&theme=health');
    const request = flush(searchResponse());
    expect(request.params.get('q')).toBe('family');
    expect(request.params.get('theme')).toBe('health');
    expect(request.params.has('page')).toBe(false);
  });

  it('shows facets with counts as toggle buttons; choosing one filters, choosing it again clears', async () => {
    await open(
      '/practices',
      searchResponse({
        facets: {
          country: { KZ: 2, UZ: 1 },
          theme: { psychosocial_support: 3 },
          targetGroup: {},
          language: { en: 3, ru: 2 },
          evidence: { evaluated: 1 },
        },
      }),
    );

    expect(all('[data-facet] h3').map(text)).toEqual(['Country', 'Theme', 'Language', 'Evidence']);
    const country = all('[data-facet=country] [data-testid=facet-option]');
    expect(country.map(text)).toEqual(['Kazakhstan (2)', 'Uzbekistan (1)']);
    expect(country[0].getAttribute('aria-pressed')).toBe('false');

    country[0].click();
    await harness.fixture.whenStable();
    expect(url()).toBe('/practices?country=KZ');
    flush(searchResponse({ facets: { ...searchResponse().facets, country: { KZ: 2 } } }));
    const chosen = one<HTMLButtonElement>('[data-facet=country] [data-testid=facet-option]');
    expect(chosen.getAttribute('aria-pressed')).toBe('true');
    expect(sut.querySelector('[data-testid=clear-filters]')).not.toBeNull();

    chosen.click();
    await harness.fixture.whenStable();
    expect(url()).toBe('/practices');
    flush(searchResponse());
  });

  it('pages through the results with links that keep the search', async () => {
    await open('/practices?q=family&page=2', searchResponse({ total: 45, page: 2 }));

    expect(text(one('[data-testid=page-number]'))).toBe('Page 2 of 3');
    expect(one('[data-testid=previous-page]').getAttribute('href')).toBe('/practices?q=family');
    expect(one('[data-testid=next-page]').getAttribute('href')).toBe('/practices?q=family&page=3');
  });

  it('says when nothing matches, and offers another try when the search fails', async () => {
    await open('/practices?q=zzz', searchResponse({ total: 0, hits: [] }));
    expect(text(one('[data-testid=library-empty]'))).toContain('No entry matches.');

    TestBed.inject(Router).navigateByUrl('/practices?q=yyy');
    await harness.fixture.whenStable();
    http
      .expectOne((r) => r.url === '/api/practices')
      .flush({ statusCode: 500, code: 'INTERNAL', message: 'Something broke' }, { status: 500, statusText: 'Error' });
    harness.detectChanges();
    expect(text(one('[data-testid=library-error]'))).toBe('Something broke');
  });

  it('searches again in the new UI language, and again when someone signs in', async () => {
    await open('/practices');

    TestBed.inject(TranslateService).use('ru');
    harness.detectChanges();
    await harness.fixture.whenStable();
    flush(searchResponse(), 'ru');
    expect(text(one('h1'))).toBe('Лучшие практики');

    user.set(currentUser());
    harness.detectChanges();
    await harness.fixture.whenStable();
    flush(searchResponse(), 'ru');
    expect(sut.querySelector('[data-testid=sign-in-hint]')).toBeNull();
    expect(sut.querySelector('[data-testid=new-practice-link]')).not.toBeNull();
    expect(sut.querySelector('[data-testid=review-queue-link]')).not.toBeNull();
  });
});
