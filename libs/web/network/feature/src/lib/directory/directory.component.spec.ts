import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { DirectoryResponse } from '@kengash/contracts';
import { provideTestTranslations, useTestLocale } from '../testing/translate-testing';
import { DirectoryComponent } from './directory.component';

const response: DirectoryResponse = {
  entries: [
    {
      userId: 'u-full',
      label: 'Kamola Ismoilova',
      name: 'Kamola Ismoilova',
      role: 'Social worker',
      country: 'UZ' as DirectoryResponse['entries'][number]['country'],
      expertise: ['family_community'],
      contactFields: ['phone', 'email'],
    },
    { userId: 'u-hidden', label: 'Government body', organisationType: 'government', contactFields: [] },
  ],
  total: 2,
  page: 1,
  pageSize: 20,
};

describe('DirectoryComponent', () => {
  let fixture: ComponentFixture<DirectoryComponent>;
  let http: HttpTestingController;
  let sut: HTMLElement;
  const entry = (id: string) => sut.querySelector(`[data-user-id=${id}]`) as HTMLElement;

  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [DirectoryComponent],
      providers: [provideHttpClient(), provideHttpClientTesting(), provideTestTranslations()],
    });
    useTestLocale('en');
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(DirectoryComponent);
    sut = fixture.nativeElement as HTMLElement;
    fixture.detectChanges();
    http.expectOne((r) => r.url === '/api/network/directory').flush(response);
    fixture.detectChanges();
  });

  afterEach(() => http.verify());

  it('shows only the fields present in each entry, nothing for the absent ones', () => {
    const full = entry('u-full');
    expect(full.querySelector('[data-testid=entry-label]')?.textContent?.trim()).toBe('Kamola Ismoilova');
    expect([...full.querySelectorAll('dt')].map((dt) => dt.textContent?.trim())).toEqual([
      'Full name',
      'Role or profession',
      'Country',
      'Areas of expertise',
    ]);
    expect(full.querySelector('[data-testid=entry-country]')?.textContent?.trim()).toBe('Uzbekistan');

    const hidden = entry('u-hidden');
    expect([...hidden.querySelectorAll('dt')].map((dt) => dt.textContent?.trim())).toEqual(['Type of organisation']);
    expect(hidden.querySelector('[data-testid=show-contact]')).toBeNull();
    expect(hidden.textContent).not.toContain('Phone');
  });

  it('reveals contact details only on request, saying the view is logged', () => {
    const full = entry('u-full');
    expect(full.querySelector('[data-testid=contact-phone]')).toBeNull();
    expect(full.textContent).toContain('Showing contact details is recorded');
    expect(full.querySelector('[data-testid=show-contact]')?.textContent?.replace(/\s+/g, ' ').trim()).toBe(
      'Show contact details (Phone, Contact e-mail)',
    );
    expect(full.querySelector('[data-testid=show-contact]')?.getAttribute('data-contact-fields')).toBe('phone email');

    full.querySelector<HTMLButtonElement>('[data-testid=show-contact]')?.click();
    const reveal = http.expectOne('/api/network/directory/u-full/contact');
    expect(reveal.request.method).toBe('POST');
    reveal.flush({ userId: 'u-full', phone: '+998 90 123 45 67', viewedAt: '2026-11-30T10:00:00Z' });
    fixture.detectChanges();

    expect(full.querySelector('[data-testid=contact-phone]')?.textContent?.trim()).toBe('+998 90 123 45 67');
    expect(full.querySelector('[data-testid=contact-email]')).toBeNull();
  });

  it('searches with the query and the chosen filters', () => {
    const query = sut.querySelector<HTMLInputElement>('[data-testid=directory-query]') as HTMLInputElement;
    query.value = 'mahalla';
    query.dispatchEvent(new Event('input'));
    sut.querySelector<HTMLInputElement>('[data-testid=directory-filter-language] [data-value=uz] input')?.click();
    sut.querySelector<HTMLFormElement>('form')?.dispatchEvent(new Event('submit'));

    const search = http.expectOne((r) => r.url === '/api/network/directory');
    expect(search.request.params.get('q')).toBe('mahalla');
    expect(search.request.params.getAll('language')).toEqual(['uz']);
    search.flush({ ...response, entries: [], total: 0 });
    fixture.detectChanges();
    expect(sut.querySelector('[data-testid=directory-empty]')?.textContent?.trim()).toBe('Nobody matches.');
  });

  it('pages through the results', () => {
    sut.querySelector<HTMLFormElement>('form')?.dispatchEvent(new Event('submit'));
    http.expectOne((r) => r.url === '/api/network/directory').flush({ ...response, total: 45 });
    fixture.detectChanges();
    expect(sut.querySelector('nav')?.textContent).toContain('Page 1 of 3');
    expect(sut.querySelector<HTMLButtonElement>('[data-testid=directory-previous]')?.disabled).toBe(true);

    sut.querySelector<HTMLButtonElement>('[data-testid=directory-next]')?.click();
    const next = http.expectOne((r) => r.url === '/api/network/directory');
    expect(next.request.params.get('page')).toBe('2');
    next.flush({ ...response, total: 45, page: 2 });
    fixture.detectChanges();
    expect(sut.querySelector('nav')?.textContent).toContain('Page 2 of 3');
  });
});
