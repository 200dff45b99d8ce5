import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MatDialog } from '@angular/material/dialog';
import { provideRouter, Router, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { CurrentUser, PracticeCommentView, PracticeView } from '@kengash/contracts';
import { AuthService } from '@kengash/web-identity-data-access';
import { of } from 'rxjs';
import {
  currentUser,
  GROUP_ID,
  NO_RIGHTS,
  PRACTICE_ID,
  practiceView,
  UPLOAD_TESTING,
} from '../testing/practice-fixtures';
import { provideTestTranslations, useTestLocale } from '../testing/translate-testing';
import { PracticePageComponent, pickTranslation } from './practice-page.component';

const groups = {
  council: {},
  groups: [
    {
      id: GROUP_ID,
      slug: 'psychosocial-support',
      name: { en: 'Psychosocial Support', ru: 'Психосоциальная поддержка' },
    },
  ],
};

const reviewComment: PracticeCommentView = {
  id: 'c1',
  author: { userId: 'u-chair', name: 'Madina Abdullaeva' },
  body: 'Please add the 2024 report as a source.',
  kind: 'review',
  createdAt: '2025-03-01T10:00:00.000Z',
};

describe('PracticePageComponent', () => {
  let harness: RouterTestingHarness;
  let http: HttpTestingController;
  let sut: HTMLElement;
  const user = signal<CurrentUser | null>(null);
  const confirmed = jest.fn(() => true);
  const dialogData: unknown[] = [];
  const text = (element: Element | null | undefined) => element?.textContent?.replace(/\s+/g, ' ').trim();
  const byId = (id: string) => sut.querySelector<HTMLElement>(`[data-testid=${id}]`);
  const must = (id: string) => {
    const element = byId(id);
    if (!element) throw new Error(`no ${id}`);
    return element;
  };
  const url = () => TestBed.inject(Router).url;
  const page = `/practices/${PRACTICE_ID}`;
  const api = `/api${page}`;

  async function open(view: PracticeView, path = page, comments: PracticeCommentView[] = []): Promise<void> {
    harness = await RouterTestingHarness.create(path);
    sut = harness.routeNativeElement as HTMLElement;
    http.expectOne('/api/council/groups').flush(groups);
    http.expectOne(api).flush(view);
    harness.detectChanges();
    http.expectOne(`${api}/comments`).flush(comments);
    harness.detectChanges();
  }

  beforeEach(() => {
    user.set(null);
    confirmed.mockReturnValue(true);
    dialogData.length = 0;
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([{ path: 'practices/:id', component: PracticePageComponent }], withComponentInputBinding()),
        provideTestTranslations(),
        UPLOAD_TESTING,
        { provide: AuthService, useValue: { user } },
        {
          provide: MatDialog,
          useValue: {
            open: (_component: unknown, config: { data: unknown }) => {
              dialogData.push(config.data);
              return { afterClosed: () => of(confirmed()) };
            },
          },
        },
      ],
    });
    useTestLocale('en');
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('picks the translation asked for, else the UI language, else the original', () => {
    const translations = practiceView().translations;
    expect(pickTranslation(translations, 'ru', 'en')?.locale).toBe('ru');
    expect(pickTranslation(translations, 'kk', 'ru')?.locale).toBe('ru');
    expect(pickTranslation(translations, undefined, 'uz')?.locale).toBe('en');
    expect(pickTranslation([], undefined, 'en')).toBeNull();
  });

  it('shows a published entry with its facts, sources, related entries and group, views and endorsements', async () => {
    await open(practiceView());

    expect(text(must('practice-title'))).toBe('Family reintegration circles');
    expect(must('practice-title').getAttribute('lang')).toBe('en');
    expect(text(must('practice-status'))).toBe('Published');
    expect(text(must('practice-visibility'))).toBe('Council and network');
    expect(text(must('practice-summary'))).toBe('Monthly circles for returning families.');
    expect(must('practice-body').innerHTML).toBe('<p>Circles meet <strong>monthly</strong>.</p>');
    expect(text(must('fact-country'))).toBe('Uzbekistan');
    expect(text(must('fact-themes'))).toBe('Psychosocial support, Family and community');
    expect(text(must('fact-target-groups'))).toBe('Women, Children');
    expect(text(must('fact-approach'))).toBe('Peer groups led by trained psychologists');
    expect(text(must('fact-evidence'))).toBe('Documented results');
    const source = must('source-link');
    expect(source.getAttribute('href')).toBe('https://example.org/report');
    expect(text(source)).toBe('Annual report 2024');
    expect(must('fact-related').querySelector('a')?.getAttribute('href')).toBe('/practices/r1');
    expect(must('fact-group').querySelector('a')?.getAttribute('href')).toBe('/groups/psychosocial-support');
    expect(text(must('fact-author'))).toBe('Nodira Tursunova');
    expect(text(must('endorsement-count'))).toBe('Used it in their work: 3');
    expect(text(must('view-count'))).toBe('Views: 12');
    expect(byId('endorse')).toBeNull();
    expect(byId('workflow')).toBeNull();
    expect(text(must('no-attachments'))).toBe('No attachments.');
    expect(byId('comment-form')).toBeNull();
  });

  it('switches between translations, each labelled with its status, and says what a translation is', async () => {
    await open(practiceView());

    const options = [...sut.querySelectorAll<HTMLButtonElement>('[data-testid=language-option]')];
    expect(options.map(text)).toEqual(['English · original', 'Russian · reviewed translation']);
    expect(options.map((o) => o.getAttribute('aria-pressed'))).toEqual(['true', 'false']);
    expect(byId('translation-notice')).toBeNull();

    options[1].click();
    await harness.fixture.whenStable();
    harness.detectChanges();

    expect(url()).toBe(`${page}?lang=ru`);
    expect(text(must('practice-title'))).toBe('Круги семейной реинтеграции');
    expect(must('practice-title').getAttribute('lang')).toBe('ru');
    expect(must('practice-body').getAttribute('lang')).toBe('ru');
    expect(text(must('translation-notice'))).toBe(
      'You are reading a reviewed translation. The original is in English.',
    );
  });

  it('opens in the translation of the address', async () => {
    await open(practiceView(), `${page}?lang=ru`);
    expect(text(must('practice-title'))).toBe('Круги семейной реинтеграции');
  });

  it('lets a reader say they used the entry, and take it back', async () => {
    user.set(currentUser({ memberships: [] }));
    await open(practiceView({ can: { ...NO_RIGHTS, endorse: true, comment: true } }));

    const endorse = must('endorse');
    expect(endorse.getAttribute('aria-pressed')).toBe('false');
    endorse.click();
    const put = http.expectOne(`${api}/endorsement`);
    expect(put.request.method).toBe('PUT');
    put.flush({ endorsements: 4, endorsedByMe: true });
    harness.detectChanges();
    expect(text(must('endorsement-count'))).toBe('Used it in their work: 4');
    expect(must('endorse').getAttribute('aria-pressed')).toBe('true');
    expect(text(must('page-message'))).toContain('Thank you');

    must('endorse').click();
    const del = http.expectOne(`${api}/endorsement`);
    expect(del.request.method).toBe('DELETE');
    del.flush({ endorsements: 3, endorsedByMe: false });
    harness.detectChanges();
    expect(must('endorse').getAttribute('aria-pressed')).toBe('false');
  });

  it('marks review comments, and posts a comment', async () => {
    user.set(currentUser());
    await open(practiceView({ status: 'in_review', can: { ...NO_RIGHTS, comment: true } }), page, [reviewComment]);

    const comment = must('practice-comment');
    expect(comment.getAttribute('data-kind')).toBe('review');
    expect(text(comment.querySelector('[data-testid=review-badge]'))).toBe('Review comment');
    expect(text(comment)).toContain('Please add the 2024 report as a source.');
    expect(text(must('comment-form'))).toContain('only the author, the reviewers and the secretariat see them');

    const body = must('comment-body') as HTMLTextAreaElement;
    body.value = 'Added it.';
    body.dispatchEvent(new Event('input'));
    must('comment-form').dispatchEvent(new Event('submit'));
    const post = http.expectOne({ url: `${api}/comments`, method: 'POST' });
    expect(post.request.body).toEqual({ body: 'Added it.' });
    post.flush({ ...reviewComment, id: 'c2', body: 'Added it.', author: { userId: 'u-me', name: 'Me' } });
    harness.detectChanges();
    expect(sut.querySelectorAll('[data-testid=practice-comment]')).toHaveLength(2);
  });

  it('lets the author edit and submit a draft after confirming, and shows what looks like personal data', async () => {
    user.set(currentUser());
    await open(
      practiceView({
        status: 'draft',
        visibility: null,
        publishedAt: null,
        can: { ...NO_RIGHTS, edit: true, submit: true, comment: true, attach: true },
        warnings: [{ locale: 'en', field: 'summary', kind: 'phone', excerpt: '+998 90 123 45 67' }],
      }),
    );

    expect(text(must('practice-status'))).toBe('Draft');
    expect(must('edit-link').getAttribute('href')).toBe(`${page}/edit`);
    expect(text(must('page-warnings'))).toContain('English · Summary: Looks like a phone number “+998 90 123 45 67”');
    expect(byId('assign-reviewers')).toBeNull();
    expect(byId('review-panel')).toBeNull();

    must('submit').click();
    expect(dialogData).toEqual([expect.objectContaining({ confirm: 'practices.page.submit' })]);
    http.expectOne(`${api}/submit`).flush(practiceView({ status: 'in_review', version: 5, can: NO_RIGHTS }));
    harness.detectChanges();
    http.expectOne(`${api}/comments`).flush([]);
    harness.detectChanges();
    expect(text(must('practice-status'))).toBe('In review');
    expect(text(must('page-message'))).toBe('The entry was submitted for review.');
  });

  it('does nothing when a confirmation is cancelled', async () => {
    user.set(currentUser());
    await open(practiceView({ status: 'draft', can: { ...NO_RIGHTS, submit: true } }));
    confirmed.mockReturnValue(false);

    must('submit').click();
    http.expectNone(`${api}/submit`);
  });

  it('lets a reviewer publish for a chosen audience after confirming, with a note', async () => {
    user.set(currentUser());
    await open(
      practiceView({
        status: 'in_review',
        visibility: null,
        reviewers: [{ userId: 'u-me', name: 'Madina Abdullaeva' }],
        can: { ...NO_RIGHTS, review: true, assignReviewers: true, comment: true },
      }),
    );

    expect(text(must('fact-reviewers'))).toBe('Madina Abdullaeva');
    await harness.fixture.whenStable(); // ngModel writes the default choice
    harness.detectChanges();
    const radios = [...sut.querySelectorAll<HTMLInputElement>('[data-testid=publish-visibility] input[type=radio]')];
    expect(radios.map((r) => r.checked)).toEqual([false, true, false]);
    radios[2].click();
    harness.detectChanges();
    const note = must('publish-note') as HTMLTextAreaElement;
    note.value = 'Clear and well sourced';
    note.dispatchEvent(new Event('input'));
    must('publish-form').dispatchEvent(new Event('submit'));

    expect(dialogData).toEqual([expect.objectContaining({ params: { audience: 'Everyone' } })]);
    const publish = http.expectOne(`${api}/publish`);
    expect(publish.request.body).toEqual({ visibility: 'public', note: 'Clear and well sourced' });
    publish.flush(practiceView({ status: 'published', visibility: 'public', version: 5 }));
    harness.detectChanges();
    http.expectOne(`${api}/comments`).flush([]);
    harness.detectChanges();
    expect(text(must('practice-status'))).toBe('Published');
    expect(text(must('practice-visibility'))).toBe('Everyone');
    expect(text(must('page-message'))).toBe('The entry is published.');
  });

  it('asks for a note before returning an entry to its author', async () => {
    user.set(currentUser());
    await open(practiceView({ status: 'in_review', can: { ...NO_RIGHTS, review: true } }));

    must('return-form').dispatchEvent(new Event('submit'));
    harness.detectChanges();
    expect(text(must('return-note-missing'))).toContain('Write what the author should change');
    http.expectNone(`${api}/return`);

    const note = must('return-note') as HTMLTextAreaElement;
    note.value = 'Add the source of the figures';
    note.dispatchEvent(new Event('input'));
    must('return-form').dispatchEvent(new Event('submit'));
    const request = http.expectOne(`${api}/return`);
    expect(request.request.body).toEqual({ note: 'Add the source of the figures' });
    request.flush(practiceView({ status: 'draft', version: 5 }));
    harness.detectChanges();
    http.expectOne(`${api}/comments`).flush([reviewComment]);
    harness.detectChanges();
    expect(text(must('page-message'))).toBe('The entry went back to its author as a draft.');
  });

  it('lets the chair archive a published entry; a 409 reloads it and says so', async () => {
    user.set(currentUser());
    await open(practiceView({ can: { ...NO_RIGHTS, archive: true } }));

    must('archive').click();
    http
      .expectOne(`${api}/archive`)
      .flush(
        { statusCode: 409, code: 'CONFLICT', message: 'This cannot be done while the entry is archived' },
        { status: 409, statusText: 'Conflict' },
      );
    harness.detectChanges();
    http.expectOne(api).flush(practiceView({ status: 'archived' }));
    harness.detectChanges();
    http.expectOne(`${api}/comments`).flush([]);
    harness.detectChanges();
    expect(text(must('page-message'))).toBe('The entry changed meanwhile; it has been reloaded.');
    expect(text(must('practice-status'))).toBe('Archived');
  });

  it('says when an entry cannot be read, and that signing in may help', async () => {
    harness = await RouterTestingHarness.create(page);
    sut = harness.routeNativeElement as HTMLElement;
    http.expectOne('/api/council/groups').flush(groups);
    http
      .expectOne(api)
      .flush(
        { statusCode: 404, code: 'NOT_FOUND', message: 'This entry was not found' },
        { status: 404, statusText: 'Not Found' },
      );
    harness.detectChanges();

    expect(text(sut.querySelector('h1'))).toBe('Entry not available');
    expect(text(must('practice-error'))).toBe('This entry was not found, or you may not read it.');
    expect(text(sut)).toContain('sign in to read them');
  });
});
