import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { CountryCode, PracticeView, ReviewerCandidate } from '@kengash/contracts';
import { PRACTICE_ID, practiceView } from '../testing/practice-fixtures';
import { provideTestTranslations, useTestLocale } from '../testing/translate-testing';
import { CANDIDATE_SEARCH_DELAY_MS, pickerList, ReviewerPickerComponent } from './reviewer-picker.component';

const candidate = (userId: string, name: string, organisation: string | null = null): ReviewerCandidate => ({
  userId,
  name,
  organisation,
  country: CountryCode.Tajikistan,
});

const madina = candidate('u-chair', 'Madina Abdullaeva', 'Pamir Family Wellbeing Centre (demo)');
const saule = candidate('u-rap', 'Saule Zhaksybekova', 'Irtysh Psychology Network (demo)');
const author = candidate('u-author', 'Nodira Tursunova');

describe('ReviewerPickerComponent', () => {
  let fixture: ComponentFixture<ReviewerPickerComponent>;
  let http: HttpTestingController;
  let sut: HTMLElement;
  const text = (element: Element | null | undefined) => element?.textContent?.replace(/\s+/g, ' ').trim();
  const options = () => [...sut.querySelectorAll<HTMLElement>('[data-testid=reviewer-option]')];
  const checkbox = (userId: string) =>
    sut.querySelector<HTMLInputElement>(`[data-testid=reviewer-option][data-user="${userId}"] input`);
  const candidates = (q: string) => http.expectOne(`/api/practices/reviewer-candidates?q=${encodeURIComponent(q)}`);

  function open(practice: PracticeView): void {
    fixture = TestBed.createComponent(ReviewerPickerComponent);
    fixture.componentRef.setInput('practice', practice);
    sut = fixture.nativeElement as HTMLElement;
    fixture.detectChanges();
  }

  function type(value: string): void {
    const filter = sut.querySelector<HTMLInputElement>('[data-testid=reviewer-filter]');
    if (!filter) throw new Error('no filter');
    filter.value = value;
    filter.dispatchEvent(new Event('input'));
    jest.advanceTimersByTime(CANDIDATE_SEARCH_DELAY_MS);
  }

  beforeEach(() => {
    jest.useFakeTimers();
    TestBed.configureTestingModule({
      imports: [ReviewerPickerComponent],
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([]), provideTestTranslations()],
    });
    useTestLocale('en');
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => {
    http.verify();
    jest.useRealTimers();
  });

  it('lists those chosen first, then the others found, never the author nor anyone twice', () => {
    const chosen = [{ userId: 'u-rap', name: 'Saule Zhaksybekova', organisation: null, country: null }];
    expect(pickerList(chosen, [madina, saule, author], 'u-author').map((p) => p.userId)).toEqual(['u-rap', 'u-chair']);
  });

  it('lists the candidates, keeps those already assigned, and saves the choice', () => {
    open(
      practiceView({
        status: 'in_review',
        author: { userId: 'u-author', name: 'Nodira Tursunova' },
        reviewers: [{ userId: 'u-old', name: 'Aigerim Seitkali' }],
      }),
    );
    expect(text(sut.querySelector('[role=status]'))).toBe('Loading people…');
    candidates('').flush({ people: [madina, author, saule] });
    fixture.detectChanges();

    expect(options().map(text)).toEqual([
      'Aigerim Seitkali',
      'Madina Abdullaeva · Pamir Family Wellbeing Centre (demo), Tajikistan',
      'Saule Zhaksybekova · Irtysh Psychology Network (demo), Tajikistan',
    ]);
    expect(checkbox('u-old')?.checked).toBe(true);
    checkbox('u-chair')?.click();
    checkbox('u-old')?.click();
    fixture.detectChanges();
    expect(text(sut.querySelector('[data-testid=reviewers-save]'))).toBe('Save reviewers (1)');

    const saved: PracticeView[] = [];
    fixture.componentInstance.saved.subscribe((v) => saved.push(v));
    sut.querySelector<HTMLFormElement>('form')?.dispatchEvent(new Event('submit'));
    const put = http.expectOne(`/api/practices/${PRACTICE_ID}/reviewers`);
    expect(put.request.body).toEqual({ reviewerIds: ['u-chair'] });
    put.flush(practiceView({ reviewers: [{ userId: 'u-chair', name: 'Madina Abdullaeva' }] }));
    expect(saved.map((v) => v.reviewers)).toEqual([[{ userId: 'u-chair', name: 'Madina Abdullaeva' }]]);
  });

  it('finds people by name as one types, keeping those chosen in the list', () => {
    open(practiceView({ status: 'draft' }));
    candidates('').flush({ people: [madina] });
    fixture.detectChanges();
    checkbox('u-chair')?.click();

    type('  sau');
    candidates('sau').flush({ people: [saule] });
    fixture.detectChanges();
    expect(options().map((o) => o.getAttribute('data-user'))).toEqual(['u-chair', 'u-rap']);

    type('nobody');
    candidates('nobody').flush({ people: [] });
    fixture.detectChanges();
    expect(options().map((o) => o.getAttribute('data-user'))).toEqual(['u-chair']);
  });

  it('shows the API’s refusal next to the list', () => {
    open(practiceView({ status: 'draft' }));
    candidates('').flush({ people: [saule] });
    fixture.detectChanges();

    checkbox('u-rap')?.click();
    sut.querySelector<HTMLFormElement>('form')?.dispatchEvent(new Event('submit'));
    http.expectOne(`/api/practices/${PRACTICE_ID}/reviewers`).flush(
      {
        statusCode: 400,
        code: 'VALIDATION_FAILED',
        message: 'Invalid',
        details: [
          {
            field: 'reviewerIds',
            messages: ['each reviewer must be an active member of the council or the secretariat'],
          },
        ],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    fixture.detectChanges();
    expect(text(sut.querySelector('[data-testid=reviewers-error]'))).toBe(
      'each reviewer must be an active member of the council or the secretariat',
    );
    expect(sut.querySelector('fieldset')?.getAttribute('aria-describedby')).toContain('reviewers-error');
  });

  it('says when the people cannot be listed', () => {
    open(practiceView());
    candidates('').flush(
      { statusCode: 403, code: 'FORBIDDEN', message: 'No' },
      { status: 403, statusText: 'Forbidden' },
    );
    fixture.detectChanges();
    expect(text(sut.querySelector('[data-testid=reviewers-failed]'))).toBe('The list of people could not be loaded.');
  });
});
