import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MatDialog } from '@angular/material/dialog';
import { By } from '@angular/platform-browser';
import { provideRouter, Router, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { PracticeInput, PracticeView } from '@kengash/contracts';
import { AuthService } from '@kengash/web-identity-data-access';
import { RichTextEditorComponent } from '@kengash/web-shared-ui';
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
import { PracticeEditorComponent } from './practice-editor.component';

// jsdom does not lay text out; ProseMirror asks for rectangles when it scrolls the selection into view.
const noRects = () => Object.assign([], { item: () => null }) as unknown as DOMRectList;
const zeroRect = () => ({ x: 0, y: 0, top: 0, left: 0, right: 0, bottom: 0, width: 0, height: 0, toJSON: () => ({}) });
Range.prototype.getClientRects ??= noRects;
Range.prototype.getBoundingClientRect ??= zeroRect;
document.elementFromPoint ??= () => null;

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

const editable = { ...NO_RIGHTS, edit: true, submit: true, comment: true, attach: true };

describe('PracticeEditorComponent', () => {
  let harness: RouterTestingHarness;
  let http: HttpTestingController;
  let sut: HTMLElement;
  const confirmed = jest.fn(() => true);
  const api = `/api/practices/${PRACTICE_ID}`;
  const text = (element: Element | null | undefined) => element?.textContent?.replace(/\s+/g, ' ').trim();
  const byId = <T extends HTMLElement = HTMLElement>(id: string) => sut.querySelector<T>(`[data-testid=${id}]`);
  const must = <T extends HTMLElement = HTMLElement>(id: string) => {
    const element = byId<T>(id);
    if (!element) throw new Error(`no ${id}`);
    return element;
  };
  const all = (id: string) => [...sut.querySelectorAll<HTMLElement>(`[data-testid=${id}]`)];
  const tabs = () => [...sut.querySelectorAll<HTMLElement>('[role=tab]')];

  function type(id: string, value: string): void {
    const field = must<HTMLInputElement | HTMLTextAreaElement>(id);
    field.value = value;
    field.dispatchEvent(new Event('input'));
    field.dispatchEvent(new Event('blur'));
  }

  function select(id: string, value: string): void {
    const field = must<HTMLSelectElement>(id);
    field.value = value;
    field.dispatchEvent(new Event('change'));
  }

  /** What the Tiptap editor emits when someone types (the editor is tested on its own). */
  function typeBody(html: string): void {
    const editor = harness.fixture.debugElement.query(By.directive(RichTextEditorComponent))
      .componentInstance as RichTextEditorComponent;
    editor.value.set(html);
  }

  function check(fieldset: string, value: string): void {
    const input = sut.querySelector<HTMLInputElement>(`[data-testid=${fieldset}] [data-value=${value}] input`);
    if (!input) throw new Error(`no ${value}`);
    input.click();
  }

  async function settle(): Promise<void> {
    harness.detectChanges();
    await harness.fixture.whenStable();
    harness.detectChanges();
  }

  async function openNew(): Promise<void> {
    harness = await RouterTestingHarness.create('/practices/new');
    sut = harness.routeNativeElement as HTMLElement;
    http.expectOne('/api/council/groups').flush(groups);
    await settle();
  }

  async function openSaved(view: PracticeView): Promise<void> {
    harness = await RouterTestingHarness.create(`/practices/${PRACTICE_ID}/edit`);
    sut = harness.routeNativeElement as HTMLElement;
    http.expectOne('/api/council/groups').flush(groups);
    http.expectOne(api).flush(view);
    await settle();
  }

  beforeEach(() => {
    confirmed.mockReturnValue(true);
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter(
          [
            { path: 'practices/new', component: PracticeEditorComponent },
            { path: 'practices/:id/edit', component: PracticeEditorComponent },
          ],
          withComponentInputBinding(),
        ),
        provideTestTranslations(),
        UPLOAD_TESTING,
        { provide: AuthService, useValue: { user: signal(currentUser()) } },
        { provide: MatDialog, useValue: { open: () => ({ afterClosed: () => of(confirmed()) }) } },
      ],
    });
    useTestLocale('en');
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('writes a new entry: original and a Russian translation in tabs, the facts, then creates the draft', async () => {
    await openNew();

    expect(text(sut.querySelector('h1'))).toBe('New entry');
    expect(tabs().map(text)).toEqual(['English (original)']);
    expect(text(must('attachments-later'))).toBe('Files can be attached once the draft is created.');
    type('practice-title-input', 'Family reintegration circles');
    type('practice-summary-input', 'Monthly circles for returning families.');
    typeBody('<p>Circles meet monthly.</p>');
    check('practice-themes', 'psychosocial_support');
    check('practice-target-groups', 'families');
    select('practice-country', 'UZ');
    select('practice-evidence', 'evaluated');
    select('practice-group', GROUP_ID);
    type('practice-approach', 'Peer groups');
    await settle();

    select('add-translation-language', 'ru');
    must('add-translation').click();
    await settle();
    expect(tabs().map(text)).toEqual(['English (original)', 'Russian']);
    expect(tabs()[1].getAttribute('aria-selected')).toBe('true');
    expect(text(must('editor-message'))).toBe('A Russian tab was added.');
    type('practice-title-input', 'Круги семейной реинтеграции');
    select('translation-status', 'reviewed');
    typeBody('<p>Реинтеграция через встречи.</p>');
    await settle();

    must<HTMLFormElement>('practice-form').dispatchEvent(new Event('submit'));
    const post = http.expectOne({ url: '/api/practices', method: 'POST' });
    expect(post.request.body).toEqual<PracticeInput>({
      originalLocale: 'en',
      country: 'UZ' as PracticeInput['country'],
      themes: ['psychosocial_support'],
      targetGroups: ['families'],
      approach: 'Peer groups',
      evidence: 'evaluated',
      sources: [],
      relatedIds: [],
      groupId: GROUP_ID,
      translations: [
        {
          locale: 'en',
          title: 'Family reintegration circles',
          summary: 'Monthly circles for returning families.',
          body: '<p>Circles meet monthly.</p>',
        },
        {
          locale: 'ru',
          title: 'Круги семейной реинтеграции',
          summary: '',
          body: '<p>Реинтеграция через встречи.</p>',
          status: 'reviewed',
        },
      ],
    });
    post.flush(practiceView({ status: 'draft', can: editable }));
    await settle();

    expect(TestBed.inject(Router).url).toBe(`/practices/${PRACTICE_ID}/edit`);
    http.expectOne(api).flush(practiceView({ status: 'draft', can: editable }));
    await settle();
    http.expectOne('/api/council/groups').flush(groups);
    sut = harness.routeNativeElement as HTMLElement;
    expect(text(must('editor-message'))).toBe('The draft was created. You can attach files below.');
    expect(byId('attachment-input')).not.toBeNull();
  });

  it('warns live about what looks like personal data, says where, and goes there', async () => {
    await openNew();
    expect(text(must('personal-data-summary'))).toBe('Nothing in the texts looks like personal data.');

    type('practice-summary-input', 'Call the coordinator on +998 90 123 45 67 or write to aziza@example.uz');
    await settle();

    expect(text(must('personal-data-summary'))).toBe('Passages that look like personal data: 2. Check each of them.');
    const warnings = all('personal-data-warning');
    expect(warnings.map((w) => w.getAttribute('data-kind'))).toEqual(['phone', 'email']);
    expect(text(warnings[0])).toContain('Looks like a phone number “+998 90 123 45 67” — English text, Summary');

    warnings[0].querySelector('button')?.click();
    await settle();
    expect(document.activeElement?.id).toBe('practice-summary-0');
  });

  it('checks the form before sending: nothing goes out, the alert says so and the fields say why', async () => {
    await openNew();

    must<HTMLFormElement>('practice-form').dispatchEvent(new Event('submit'));
    await settle();

    http.expectNone('/api/practices');
    expect(text(must('editor-error'))).toContain('Some fields need attention');
    expect(text(sut.querySelector('mat-error'))).toBe('Please fill in this field.');
    expect(text(must('themes-error'))).toBe('Choose at least one theme.');
    expect(text(tabs()[0])).toContain('(has errors)');
  });

  it('asks for a source once the text states figures, and checks source addresses', async () => {
    await openNew();
    type('practice-summary-input', 'Reached 340 families in 2023.');
    await settle();
    expect(text(must('sources-needed'))).toBe('The text states figures: add at least one source.');

    must('add-source').click();
    await settle();
    expect(document.activeElement?.id).toBe('source-url-0');
    type('source-url', 'ftp://example.org');
    await settle();
    expect(text(must('source-row').querySelector('mat-error'))).toBe(
      'Give an address starting with http:// or https://.',
    );
    expect(byId('sources-needed')).toBeNull();

    must('remove-source').click();
    await settle();
    expect(all('source-row')).toHaveLength(0);
  });

  it('saves an entry with its version and shows the new version', async () => {
    await openSaved(practiceView({ status: 'draft', can: editable }));

    expect(text(sut.querySelector('h1'))).toBe('Edit the entry');
    expect(text(must('editor-version'))).toBe('Version 4');
    expect(tabs().map(text)).toEqual(['English (original)', 'Russian']);
    expect(must<HTMLInputElement>('practice-title-input').value).toBe('Family reintegration circles');
    expect(text(must('practice-related'))).toContain('Mahalla mentors');
    const page = () => harness.routeDebugElement?.componentInstance as PracticeEditorComponent;
    expect(page().hasUnsavedChanges()).toBe(false);
    type('practice-title-input', 'Family circles');
    await settle();
    expect(page().hasUnsavedChanges()).toBe(true);

    must<HTMLFormElement>('practice-form').dispatchEvent(new Event('submit'));
    const put = http.expectOne(api);
    expect(put.request.method).toBe('PUT');
    expect((put.request.body as { version: number }).version).toBe(4);
    expect((put.request.body as PracticeInput).translations[0].title).toBe('Family circles');
    expect((put.request.body as PracticeInput).relatedIds).toEqual(['r1']);
    put.flush(practiceView({ status: 'draft', version: 5, can: editable }));
    await settle();

    expect(text(must('editor-message'))).toBe('Saved as version 5.');
    expect(text(must('editor-version'))).toBe('Version 5');
    expect(page().hasUnsavedChanges()).toBe(false);
  });

  it('shows the API’s field errors next to their fields, on their tab, and lists the others', async () => {
    await openSaved(practiceView({ status: 'draft', can: editable }));

    must<HTMLFormElement>('practice-form').dispatchEvent(new Event('submit'));
    http.expectOne(api).flush(
      {
        statusCode: 400,
        code: 'VALIDATION_FAILED',
        message: 'Invalid input',
        details: [
          { field: 'translations.1.title', messages: ['must be at least 3 characters'] },
          { field: 'sources', messages: ['the text states figures: give at least one source (address and title)'] },
          { field: 'version', messages: ['must be the version you edited'] },
        ],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await settle();

    expect(tabs()[1].getAttribute('aria-selected')).toBe('true');
    expect(text(tabs()[1])).toContain('(has errors)');
    expect(text(sut.querySelector('[data-locale=ru] mat-error'))).toBe('must be at least 3 characters');
    expect(text(must('sources-error'))).toBe('the text states figures: give at least one source (address and title)');
    expect(text(must('editor-error'))).toContain('Some fields need attention');
    expect(all('editor-other-error').map(text)).toEqual(['Version: must be the version you edited']);
  });

  it('says when someone saved meanwhile, and reloads their version on request', async () => {
    await openSaved(practiceView({ status: 'draft', can: editable }));
    type('practice-title-input', 'My title');
    await settle();

    must<HTMLFormElement>('practice-form').dispatchEvent(new Event('submit'));
    const theirs = practiceView({
      status: 'draft',
      version: 6,
      can: editable,
      translations: [{ ...practiceView().translations[0], title: 'Their title' }],
    });
    http.expectOne(api).flush(
      {
        statusCode: 409,
        code: 'CONFLICT',
        message: 'Someone saved this entry meanwhile',
        details: { current: theirs },
      },
      { status: 409, statusText: 'Conflict' },
    );
    await settle();

    expect(text(must('editor-message'))).toContain('Someone saved this entry while you were editing');
    expect(must<HTMLInputElement>('practice-title-input').value).toBe('My title');
    must('editor-reload').click();
    await settle();
    expect(must<HTMLInputElement>('practice-title-input').value).toBe('Their title');
    expect(text(must('editor-version'))).toBe('Version 6');
    expect(byId('editor-conflict')).toBeNull();
    expect(tabs().map(text)).toEqual(['English (original)']);
  });

  it('removes a translation after asking, when it holds text', async () => {
    await openSaved(practiceView({ status: 'draft', can: editable }));
    tabs()[1].click();
    await settle();

    must('remove-translation').click();
    await settle();
    expect(tabs().map(text)).toEqual(['English (original)']);
    expect(text(must('editor-message'))).toBe('The Russian translation was removed. Save to keep the change.');
  });

  it('finds published entries to relate and adds them', async () => {
    await openSaved(practiceView({ status: 'draft', can: editable, related: [] }));
    type('related-query', 'mentors');
    must('related-search').click();
    const search = http.expectOne((r) => r.url === '/api/practices');
    expect(search.request.params.get('q')).toBe('mentors');
    search.flush({
      total: 2,
      page: 1,
      pageSize: 20,
      hits: [
        { ...practiceView(), id: PRACTICE_ID, title: 'This entry itself' },
        { ...practiceView(), id: 'r2', title: 'Mahalla mentors', locale: 'en' },
      ],
      facets: { country: {}, theme: {}, targetGroup: {}, language: {}, evidence: {} },
    });
    await settle();

    expect(all('related-add')).toHaveLength(1);
    must('related-add').click();
    await settle();
    expect(all('related-chosen').map(text)).toEqual(['Mahalla mentors Remove']);
  });

  it('says when the entry cannot be changed in its state', async () => {
    await openSaved(practiceView({ status: 'published', can: NO_RIGHTS }));
    expect(text(must('editor-read-only'))).toBe('You cannot change this entry in its current state.');
    expect(byId('practice-form')).toBeNull();
  });
});
