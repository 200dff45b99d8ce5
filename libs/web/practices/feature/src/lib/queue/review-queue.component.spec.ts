import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { CurrentUser, GlobalRole, PracticeQueueItem } from '@kengash/contracts';
import { AuthService } from '@kengash/web-identity-data-access';
import { currentUser, PRACTICE_ID } from '../testing/practice-fixtures';
import { provideTestTranslations, useTestLocale } from '../testing/translate-testing';
import { ReviewQueueComponent } from './review-queue.component';

const waiting: PracticeQueueItem = {
  id: PRACTICE_ID,
  title: 'Family reintegration circles',
  status: 'in_review',
  author: { userId: 'u-author', name: 'Nodira Tursunova' },
  reviewers: [
    { userId: 'u-me', name: 'Madina Abdullaeva' },
    { userId: 'u-2', name: 'Yerlan Bekov' },
  ],
  submittedAt: '2025-03-01T10:00:00.000Z',
  updatedAt: '2025-03-01T10:00:00.000Z',
};

describe('ReviewQueueComponent', () => {
  let fixture: ComponentFixture<ReviewQueueComponent>;
  let http: HttpTestingController;
  let sut: HTMLElement;
  const user = signal<CurrentUser | null>(null);
  const text = (selector: string) => sut.querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim();

  function open(me: CurrentUser): void {
    user.set(me);
    fixture = TestBed.createComponent(ReviewQueueComponent);
    sut = fixture.nativeElement as HTMLElement;
    fixture.detectChanges();
  }

  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [ReviewQueueComponent],
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([]),
        provideTestTranslations(),
        { provide: AuthService, useValue: { user } },
      ],
    });
    useTestLocale('en');
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('lists the entries waiting for my review, with author, submission date and reviewers', () => {
    open(currentUser());
    http.expectOne('/api/practices/review-queue').flush({ items: [waiting, { ...waiting, id: 'p2', reviewers: [] }] });
    fixture.detectChanges();

    expect(text('h1')).toBe('Review queue');
    expect(text('p')).toBe('Entries in review assigned to you, oldest first.');
    expect(text('[data-testid=queue-count]')).toBe('Entries waiting: 2');
    const items = sut.querySelectorAll('[data-testid=queue-item]');
    expect(items[0].querySelector('a')?.getAttribute('href')).toBe(`/practices/${PRACTICE_ID}`);
    expect(items[0].textContent).toContain('By Nodira Tursunova · submitted Mar 1, 2025');
    expect(items[0].querySelector('[data-testid=queue-reviewers]')?.textContent?.replace(/\s+/g, ' ').trim()).toBe(
      'Reviewers: Madina Abdullaeva, Yerlan Bekov',
    );
    expect(items[1].textContent).toContain('No reviewers assigned yet.');
    expect(sut.querySelector('[data-testid=review-queue-link]')?.getAttribute('aria-current')).toBe('page');
  });

  it('tells the secretariat it sees every entry in review, and says when nothing waits', () => {
    open(currentUser({ globalRole: GlobalRole.Secretariat, memberships: [] }));
    http.expectOne('/api/practices/review-queue').flush({ items: [] });
    fixture.detectChanges();

    expect(text('p')).toBe('Every entry in review, oldest first.');
    expect(text('[data-testid=queue-empty]')).toBe('Nothing waits for your review.');
  });

  it('offers another try when the queue cannot be read', () => {
    open(currentUser());
    http
      .expectOne('/api/practices/review-queue')
      .flush(
        { statusCode: 503, code: 'UNAVAILABLE', message: 'Try later' },
        { status: 503, statusText: 'Unavailable' },
      );
    fixture.detectChanges();
    expect(text('[data-testid=queue-error]')).toBe('Try later');

    sut.querySelector<HTMLButtonElement>('button')?.click();
    http.expectOne('/api/practices/review-queue').flush({ items: [waiting] });
    fixture.detectChanges();
    expect(sut.querySelectorAll('[data-testid=queue-item]')).toHaveLength(1);
  });
});
