import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { minutesView } from '../testing/minutes-fixtures';
import { provideTestTranslations, useTestLocale } from '../testing/translate-testing';
import { SessionMinutesComponent } from './session-minutes.component';

function must<T>(value: T | null | undefined): T {
  if (value === null || value === undefined) throw new Error('missing element');
  return value;
}

describe('SessionMinutesComponent', () => {
  let fixture: ComponentFixture<SessionMinutesComponent>;
  let http: HttpTestingController;
  let sut: HTMLElement;

  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [SessionMinutesComponent],
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([]), provideTestTranslations()],
    });
    useTestLocale('en');
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(SessionMinutesComponent);
    fixture.componentRef.setInput('sessionId', 's1');
    sut = fixture.nativeElement as HTMLElement;
    fixture.detectChanges();
  });

  afterEach(() => http.verify());

  it('lists the session’s documents with links', () => {
    http.expectOne('/api/sessions/s1/minutes').flush({
      documents: [{ id: 'm1', face: 'full', status: 'circulated', correctsId: null, version: 3 }],
      canCreate: false,
    });
    fixture.detectChanges();

    const link = sut.querySelector('[data-testid=minutes-link]');
    expect(link?.getAttribute('href')).toBe('/minutes/m1');
    expect(sut.textContent).toContain('Full record');
    expect(sut.textContent).toContain('Circulated');
    expect(sut.querySelector('[data-testid=start-minutes]')).toBeNull();
  });

  it('offers the public summary once a full record exists, and starts it', () => {
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    http.expectOne('/api/sessions/s1/minutes').flush({
      documents: [{ id: 'm1', face: 'full', status: 'approved', correctsId: null, version: 2 }],
      canCreate: true,
    });
    fixture.detectChanges();
    must(sut.querySelector<HTMLButtonElement>('[data-testid=start-public-summary]')).click();
    const post = http.expectOne('/api/sessions/s1/minutes');
    expect(post.request.body).toEqual({ face: 'public' });
    post.flush(minutesView({ id: 'pub' }));
    expect(navigate).toHaveBeenCalledWith(['/minutes', 'pub']);
  });

  it('does not offer a second public summary, nor one without a full record', () => {
    http.expectOne('/api/sessions/s1/minutes').flush({
      documents: [
        { id: 'p1', face: 'public', status: 'draft', correctsId: null, version: 1 },
        { id: 'm1', face: 'full', status: 'approved', correctsId: null, version: 2 },
      ],
      canCreate: true,
    });
    fixture.detectChanges();
    expect(sut.querySelector('[data-testid=start-public-summary]')).toBeNull();
  });

  it('starts minutes when the caller may, and opens them', () => {
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    http.expectOne('/api/sessions/s1/minutes').flush({ documents: [], canCreate: true });
    fixture.detectChanges();
    expect(sut.textContent).toContain('No minutes yet.');

    must(sut.querySelector<HTMLButtonElement>('[data-testid=start-minutes]')).click();
    const post = http.expectOne('/api/sessions/s1/minutes');
    expect(post.request.body).toEqual({ face: 'full' });
    post.flush(minutesView({ id: 'new' }));

    expect(navigate).toHaveBeenCalledWith(['/minutes', 'new']);
  });
});
