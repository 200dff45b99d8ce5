import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MinutesView } from '@kengash/contracts';
import { minutesView, NO_RIGHTS } from '../testing/minutes-fixtures';
import { provideTestTranslations, useTestLocale } from '../testing/translate-testing';
import { MinutesVisibilityComponent } from './minutes-visibility.component';

describe('MinutesVisibilityComponent', () => {
  let fixture: ComponentFixture<MinutesVisibilityComponent>;
  let http: HttpTestingController;
  let sut: HTMLElement;
  let emitted: MinutesView[];
  const summary = (over: Partial<MinutesView> = {}) =>
    minutesView({ face: 'public', visibility: 'council', can: { ...NO_RIGHTS, setVisibility: true }, ...over });

  function render(view: MinutesView): void {
    fixture.componentRef.setInput('minutes', view);
    fixture.detectChanges();
  }

  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [MinutesVisibilityComponent],
      providers: [provideHttpClient(), provideHttpClientTesting(), provideTestTranslations()],
    });
    useTestLocale('en');
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(MinutesVisibilityComponent);
    emitted = [];
    fixture.componentInstance.changed.subscribe((v) => emitted.push(v));
    sut = fixture.nativeElement as HTMLElement;
  });

  afterEach(() => http.verify());

  it('opens an approved summary to anyone and then shows its public link', () => {
    render(summary({ status: 'approved', contentHash: 'a'.repeat(64) }));
    expect(sut.querySelector('[data-testid=public-link]')).toBeNull();
    expect(sut.textContent).toContain('does not change the approved text or its hash');

    sut.querySelector<HTMLInputElement>('[data-testid=visibility-public] input')?.click();
    const put = http.expectOne('/api/minutes/m1/visibility');
    expect(put.request.method).toBe('PUT');
    expect(put.request.body).toEqual({ visibility: 'public' });
    const answer = summary({ status: 'approved', visibility: 'public', contentHash: 'a'.repeat(64) });
    put.flush(answer);
    expect(emitted).toEqual([answer]);

    render(answer);
    expect(sut.querySelector('[data-testid=public-link]')?.getAttribute('href')).toMatch(/\/public\/minutes\/m1$/);
  });

  it('shows the refusal and sends nothing when the choice is unchanged', () => {
    render(summary());
    sut.querySelector<HTMLInputElement>('[data-testid=visibility-council] input')?.click();
    http.expectNone('/api/minutes/m1/visibility');

    sut.querySelector<HTMLInputElement>('[data-testid=visibility-public] input')?.click();
    http
      .expectOne('/api/minutes/m1/visibility')
      .flush(
        { statusCode: 403, code: 'FORBIDDEN', message: 'The rapporteur, the chairs and the secretariat decide' },
        { status: 403, statusText: 'Forbidden' },
      );
    fixture.detectChanges();
    expect(sut.querySelector('[role=alert]')?.textContent).toContain('The rapporteur, the chairs and the secretariat');
    expect(emitted).toEqual([]);
  });
});
