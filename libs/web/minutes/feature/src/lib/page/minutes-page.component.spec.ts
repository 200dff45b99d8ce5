import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { By } from '@angular/platform-browser';
import { MatDialog } from '@angular/material/dialog';
import { provideRouter } from '@angular/router';
import { AmendmentView, MinutesContent, MinutesDiffView, MinutesSection, MinutesView } from '@kengash/contracts';
import { AuthService } from '@kengash/web-identity-data-access';
import { of } from 'rxjs';
import { minutesView, NO_RIGHTS } from '../testing/minutes-fixtures';
import { provideTestTranslations, useTestLocale } from '../testing/translate-testing';
import { RichTextEditorComponent } from '@kengash/web-shared-ui';
import { MinutesPageComponent } from './minutes-page.component';

const amendment: AmendmentView = {
  id: 'a1',
  itemKey: 'i1',
  proposedNotes: '<p>Agreed with one abstention.</p>',
  reason: 'Accuracy',
  proposer: { userId: 'u1', name: 'Nodira Tursunova' },
  status: 'proposed',
  decisionNote: null,
  decidedAt: null,
  createdAt: '2031-03-13T05:00:00Z',
  resultingVersion: null,
};

function must<T>(value: T | null | undefined): T {
  if (value === null || value === undefined) throw new Error('missing element');
  return value;
}

describe('MinutesPageComponent', () => {
  let fixture: ComponentFixture<MinutesPageComponent>;
  let http: HttpTestingController;
  let sut: HTMLElement;
  const confirmed = jest.fn(() => true);
  /** What each confirmation asked (the dialog's data). */
  const asked = jest.fn<void, [unknown]>();
  const text = (id: string) => sut.querySelector(`[data-testid=${id}]`)?.textContent?.replace(/\s+/g, ' ').trim();
  const button = (id: string) => sut.querySelector<HTMLButtonElement>(`[data-testid=${id}]`);
  /** What the editor emits when someone types (the editor itself is tested on its own). */
  const typeNotes = (html: string) =>
    (
      fixture.debugElement.query(By.directive(RichTextEditorComponent)).componentInstance as RichTextEditorComponent
    ).value.set(html);

  beforeEach(() => {
    asked.mockReset();
    TestBed.configureTestingModule({
      imports: [MinutesPageComponent],
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([]),
        provideTestTranslations(),
        { provide: AuthService, useValue: { user: signal({ timeZone: 'Asia/Tashkent' }) } },
        {
          provide: MatDialog,
          useValue: {
            open: (_component: unknown, config?: { data?: unknown }) => {
              asked(config?.data);
              return { afterClosed: () => of(confirmed()) };
            },
          },
        },
      ],
    });
    useTestLocale('en');
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(MinutesPageComponent);
    fixture.componentRef.setInput('id', 'm1');
    sut = fixture.nativeElement as HTMLElement;
    fixture.detectChanges();
  });

  afterEach(() => http.verify());

  function open(view: MinutesView, amendments: AmendmentView[] = []): void {
    http.expectOne('/api/minutes/m1').flush(view);
    http.expectOne('/api/minutes/m1/amendments').flush(amendments);
    http.expectOne('/api/minutes/m1/comments').flush([]);
    fixture.detectChanges();
  }

  it('offers the visibility of a public summary to those who may set it, and keeps unsaved edits when it changes', () => {
    open(
      minutesView({ face: 'public', visibility: 'council', can: { ...NO_RIGHTS, edit: true, setVisibility: true } }),
    );
    typeNotes('<p>Edited, not saved.</p>');
    fixture.detectChanges();
    sut.querySelector<HTMLInputElement>('[data-testid=visibility-public] input')?.click();
    const put = http.expectOne('/api/minutes/m1/visibility');
    expect(put.request.body).toEqual({ visibility: 'public' });
    put.flush(
      minutesView({ face: 'public', visibility: 'public', can: { ...NO_RIGHTS, edit: true, setVisibility: true } }),
    );
    fixture.detectChanges();

    expect(sut.querySelector<HTMLInputElement>('[data-testid=visibility-public] input')?.checked).toBe(true);
    expect(button('save')?.disabled).toBe(false); // the edit is still there to save
  });

  it('shows no visibility choice on the full record or without the right', () => {
    open(minutesView({ can: { ...NO_RIGHTS, edit: true, setVisibility: false } }));
    expect(sut.querySelector('[data-testid=minutes-visibility]')).toBeNull();
  });

  it('shows approved minutes read-only, with the full content hash and the exports', () => {
    const hash = 'a'.repeat(64);
    open(
      minutesView({
        status: 'approved',
        contentHash: hash,
        approvedAt: '2031-03-20T05:00:00Z',
        approvedByName: 'Madina Abdullaeva',
        approvalVote: {
          sessionId: 's2',
          sessionTitle: 'April meeting',
          pollId: 'p1',
          yes: 4,
          no: 1,
          abstain: 1,
          votesCast: 6,
        },
        can: { ...NO_RIGHTS, correct: true },
      }),
    );

    expect(sut.querySelector('h1')?.textContent?.trim()).toBe('Psychosocial support: spring session');
    expect(text('minutes-status')).toBe('Approved');
    expect(text('minutes-hash')).toBe(hash);
    expect(sut.textContent).toContain('Madina Abdullaeva');
    expect(text('approval-vote')).toBe('April meeting — yes 4, no 1, abstain 1 (6 votes)');
    expect(sut.querySelector('[data-testid=approval-vote] a')?.getAttribute('href')).toBe('/sessions/s2');
    expect(text('minutes-time')).toContain('Mar 12, 2031');
    expect(sut.querySelector('[data-testid=minutes-notes] strong')?.textContent).toBe('agreed');
    expect(sut.querySelectorAll('[data-testid=attendance-row]')).toHaveLength(1);
    // What the caller may not do is not offered.
    for (const id of ['notes-editor', 'save', 'circulate', 'approve', 'propose-form', 'comment-form']) {
      expect(sut.querySelector(`[data-testid=${id}]`)).toBeNull();
    }
    expect(button('correct')).not.toBeNull();
  });

  it('saves edited notes with the base version', () => {
    open(minutesView({ can: { ...NO_RIGHTS, edit: true, circulate: true } }));
    expect(button('save')?.disabled).toBe(true);

    typeNotes('<p>Rewritten notes.</p>');
    must(sut.querySelector<HTMLInputElement>('[data-testid=restricted-toggle]')).click();
    fixture.detectChanges();
    expect(button('circulate')?.disabled).toBe(true);
    must(button('save')).click();

    const put = http.expectOne('/api/minutes/m1');
    expect(put.request.method).toBe('PUT');
    expect(put.request.body.baseVersion).toBe(2);
    expect(put.request.body.content.items[0]).toMatchObject({
      key: 'i1',
      notes: '<p>Rewritten notes.</p>',
      restricted: true,
    });
    put.flush(minutesView({ version: 3, can: { ...NO_RIGHTS, edit: true, circulate: true } }));
    fixture.detectChanges();

    expect(text('minutes-version')).toBe('Version 3');
    expect(button('circulate')?.disabled).toBe(false);
  });

  it('says someone saved meanwhile on 409 and reloads on request', () => {
    open(minutesView({ can: { ...NO_RIGHTS, edit: true } }));
    typeNotes('<p>Mine</p>');
    fixture.detectChanges();
    must(button('save')).click();
    http
      .expectOne('/api/minutes/m1')
      .flush(
        { statusCode: 409, code: 'CONFLICT', message: 'Stale', details: { current: minutesView({ version: 3 }) } },
        { status: 409, statusText: 'Conflict' },
      );
    fixture.detectChanges();

    expect(text('save-conflict')).toContain('Someone saved these minutes meanwhile');
    must(button('reload')).click();
    open(minutesView({ version: 3, can: { ...NO_RIGHTS, edit: true } }));
    expect(sut.querySelector('[data-testid=save-conflict]')).toBeNull();
    expect(text('minutes-version')).toBe('Version 3');
  });

  it('circulates after confirmation', () => {
    open(minutesView({ can: { ...NO_RIGHTS, edit: true, circulate: true } }));
    must(button('circulate')).click();

    const post = http.expectOne('/api/minutes/m1/circulate');
    expect(post.request.method).toBe('POST');
    post.flush(minutesView({ status: 'circulated', can: { ...NO_RIGHTS, amend: true, comment: true } }));
    http.expectOne('/api/minutes/m1/amendments').flush([]);
    http.expectOne('/api/minutes/m1/comments').flush([]);
    fixture.detectChanges();

    expect(text('minutes-status')).toBe('Circulated');
    expect(sut.querySelector('[data-testid=circulate]')).toBeNull();
    expect(sut.querySelector('[data-testid=propose-form]')).not.toBeNull();
  });

  it('does nothing when the confirmation is cancelled', () => {
    confirmed.mockReturnValueOnce(false);
    open(minutesView({ can: { ...NO_RIGHTS, circulate: true } }));
    must(button('circulate')).click();
    http.expectNone('/api/minutes/m1/circulate');
  });

  it('lets the chair accept a proposed amendment with a note, and holds approval until then', () => {
    open(minutesView({ status: 'circulated', can: { ...NO_RIGHTS, decideAmendments: true, approve: true } }), [
      amendment,
    ]);
    expect(text('amendment')).toContain('Agreed with one abstention.');
    expect(button('approve')?.disabled).toBe(true);

    const note = must(sut.querySelector<HTMLInputElement>('[data-testid=decision-note]'));
    note.value = 'Agreed';
    note.dispatchEvent(new Event('input'));
    must(button('accept')).click();
    const decision = http.expectOne('/api/minutes/m1/amendments/a1/decision');
    expect(decision.request.body).toEqual({ accept: true, note: 'Agreed' });
    decision.flush({ ...amendment, status: 'accepted', resultingVersion: 3 });

    open(
      minutesView({ status: 'circulated', version: 3, can: { ...NO_RIGHTS, decideAmendments: true, approve: true } }),
      [{ ...amendment, status: 'accepted', resultingVersion: 3 }],
    );
    expect(sut.querySelector('[data-testid=accept]')).toBeNull();
    expect(button('approve')?.disabled).toBe(false);
  });

  it('shows the diff between two versions with added and removed text marked', () => {
    open(minutesView());
    must(button('compare')).click();
    const diff: MinutesDiffView = {
      from: 1,
      to: 2,
      titleChanged: false,
      items: [
        {
          key: 'i1',
          title: 'Work plan',
          change: 'changed',
          restrictedChanged: false,
          parts: [
            { kind: 'same', text: 'The plan was ' },
            { kind: 'removed', text: 'discussed' },
            { kind: 'added', text: 'agreed' },
          ],
        },
        { key: 'i2', title: 'Other', change: 'same', restrictedChanged: false, parts: [] },
      ],
    };
    http.expectOne('/api/minutes/m1/diff?from=1&to=2').flush(diff);
    fixture.detectChanges();

    expect(sut.querySelectorAll('[data-testid=diff-item]')).toHaveLength(1);
    // Side by side by default: the older version with the removed words, the newer with the added ones.
    const squash = (id: string) => sut.querySelector(`[data-testid=${id}]`)?.textContent?.replace(/\s+/g, ' ').trim();
    expect(squash('diff-before')).toBe('The plan was [removed: discussed]');
    expect(squash('diff-after')).toBe('The plan was [added: agreed]');
    expect(button('diff-side-by-side')?.getAttribute('aria-pressed')).toBe('true');
    must(button('diff-inline')).click();
    fixture.detectChanges();
    expect(sut.querySelector('[data-testid=diff-sides]')).toBeNull();
    expect(sut.querySelector('[data-testid=diff] ins')?.textContent).toContain('agreed');
    expect(sut.querySelector('[data-testid=diff] ins')?.textContent).toContain('added');
    expect(sut.querySelector('[data-testid=diff] del')?.textContent).toContain('discussed');
  });

  it('downloads the PDF with the file name the server gives', () => {
    open(minutesView({ status: 'approved', contentHash: 'b'.repeat(64) }));
    const createObjectURL = jest.fn(() => 'blob:minutes');
    Object.assign(URL, { createObjectURL, revokeObjectURL: jest.fn() });
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      expect(this.download).toBe('minutes-spring.pdf');
      expect(this.href).toBe('blob:minutes');
    });
    must(button('download-pdf')).click();
    http
      .expectOne('/api/minutes/m1/export?format=pdf&locale=en')
      .flush(new Blob(['%PDF']), { headers: { 'content-disposition': 'attachment; filename="minutes-spring.pdf"' } });

    expect(click).toHaveBeenCalledTimes(1);
    expect(createObjectURL).toHaveBeenCalled();
    click.mockRestore();
  });

  it('says when the minutes are not found', () => {
    http
      .expectOne('/api/minutes/m1')
      .flush({ statusCode: 404, code: 'NOT_FOUND', message: 'Not found' }, { status: 404, statusText: 'Not Found' });
    fixture.detectChanges();
    expect(text('minutes-error')).toBe('These minutes were not found.');
  });

  // ---- the structure of a draft -------------------------------------------------------------------------------

  const VOTE = { tally: { yes: 4, no: 1, abstain: 0 }, votesCast: 5, quorumReached: true, outcome: 'adopted' };
  const workPlan: MinutesSection = {
    key: 'i1',
    title: 'Work plan',
    notes: '<p>Agreed.</p>',
    speakers: [{ name: 'Madina Abdullaeva', seconds: 272, turns: 2 }],
    decisions: [
      { text: 'Adopt the plan', result: VOTE, secret: false },
      { text: 'Meet in May', result: null, secret: false },
    ],
    restricted: false,
  };
  const carried: MinutesSection = {
    key: 'extra-900',
    title: 'Open action items (carried over)',
    notes: '<ul><li>Referral map</li></ul>',
    speakers: [],
    decisions: [],
    restricted: false,
  };

  function editable(items: MinutesSection[] = [workPlan, carried], overrides: Partial<MinutesView> = {}): MinutesView {
    const base = minutesView({ can: { ...NO_RIGHTS, edit: true, circulate: true }, ...overrides });
    return { ...base, content: { ...base.content, items } };
  }

  const all = <T extends Element = HTMLElement>(root: ParentNode, testId: string) => [
    ...root.querySelectorAll<T>(`[data-testid=${testId}]`),
  ];
  const one = <T extends Element = HTMLElement>(root: ParentNode, testId: string, index = 0) =>
    must(all<T>(root, testId)[index]);
  const item = (index: number) => one(sut, 'minutes-item', index);
  const errorOf = (field: Element) =>
    field.closest('mat-form-field')?.querySelector('mat-error')?.textContent?.trim() ?? null;

  function typeInto(field: HTMLInputElement | HTMLTextAreaElement, value: string): void {
    field.value = value;
    field.dispatchEvent(new Event('input'));
    fixture.detectChanges();
  }

  function press(element: HTMLElement): void {
    element.click();
    fixture.detectChanges();
  }

  function saved(): MinutesContent {
    must(button('save')).click();
    const put = http.expectOne('/api/minutes/m1');
    expect(put.request.method).toBe('PUT');
    expect(put.request.body.baseVersion).toBe(2);
    const content = put.request.body.content as MinutesContent;
    put.flush(editable(content.items, { version: 3, content }));
    fixture.detectChanges();
    return content;
  }

  it('saves the title, a renamed item, a new speaker line and a hand-recorded decision in one PUT', async () => {
    open(editable());
    typeInto(one<HTMLInputElement>(sut, 'minutes-title'), 'Spring session (revised)');
    typeInto(one<HTMLInputElement>(item(0), 'item-title'), 'Work plan 2031');
    expect(one(item(0), 'item-heading').textContent).toContain('1. Work plan 2031');

    press(one(item(0), 'add-speaker'));
    await fixture.whenStable();
    const name = one<HTMLInputElement>(item(0), 'speaker-name', 1);
    expect(document.activeElement).toBe(name);
    typeInto(name, 'Aziz Karimov');
    typeInto(one<HTMLInputElement>(item(0), 'speaker-time', 1), '3:15');
    typeInto(one<HTMLInputElement>(item(0), 'speaker-turns', 1), '2');
    press(one(item(0), 'add-decision'));
    typeInto(one<HTMLTextAreaElement>(item(0), 'decision-text', 2), 'Publish the plan in Russian and Uzbek');
    // A decision taken by a vote: its wording may be corrected, its result stays.
    typeInto(one<HTMLTextAreaElement>(item(0), 'decision-text', 0), 'Adopt the 2031 plan');

    const content = saved();
    expect(content).toEqual({
      title: 'Spring session (revised)',
      attendance: minutesView().content.attendance,
      items: [
        {
          ...workPlan,
          title: 'Work plan 2031',
          speakers: [...workPlan.speakers, { name: 'Aziz Karimov', seconds: 195, turns: 2 }],
          decisions: [
            { text: 'Adopt the 2031 plan', result: VOTE, secret: false },
            { text: 'Meet in May', result: null, secret: false },
            { text: 'Publish the plan in Russian and Uzbek', result: null, secret: false },
          ],
        },
        carried,
      ],
    });
    expect(text('minutes-version')).toBe('Version 3');
  });

  it('adds a section keyed after the highest extra-<n>, with a decision and a speaker', () => {
    open(editable());
    expect(all(item(0), 'remove-section')).toHaveLength(0);
    press(must(button('add-section')));

    expect(all(sut, 'minutes-item')).toHaveLength(3);
    expect(item(2).getAttribute('data-key')).toBe('extra-901');
    expect(one(item(2), 'item-heading').textContent).toContain('3. Untitled section');
    expect(one(item(2), 'item-heading').textContent).toContain('Added section');
    typeInto(one<HTMLInputElement>(item(2), 'item-title'), 'Any other business');
    press(one(item(2), 'add-decision'));
    typeInto(one<HTMLTextAreaElement>(item(2), 'decision-text'), 'The next meeting is on 14 May');
    press(one(item(2), 'add-speaker'));
    typeInto(one<HTMLInputElement>(item(2), 'speaker-name'), 'Nodira Tursunova');
    typeInto(one<HTMLInputElement>(item(2), 'speaker-time'), '90');

    expect(saved().items[2]).toEqual({
      key: 'extra-901',
      title: 'Any other business',
      notes: '',
      speakers: [{ name: 'Nodira Tursunova', seconds: 90, turns: 1 }],
      decisions: [{ text: 'The next meeting is on 14 May', result: null, secret: false }],
      restricted: false,
    });
  });

  it('removes a new empty section at once, a saved one only once confirmed', () => {
    open(editable());
    press(must(button('add-section')));
    press(one(item(2), 'remove-section'));
    expect(asked).not.toHaveBeenCalled();
    expect(all(sut, 'minutes-item')).toHaveLength(2);

    confirmed.mockReturnValueOnce(false);
    press(one(item(1), 'remove-section'));
    expect(asked).toHaveBeenCalledWith(
      expect.objectContaining({
        title: 'minutesArea.page.removeSectionDialog.title',
        params: expect.objectContaining({ title: 'Open action items (carried over)' }),
      }),
    );
    expect(all(sut, 'minutes-item')).toHaveLength(2);

    press(one(item(1), 'remove-section'));
    expect(all(sut, 'minutes-item')).toHaveLength(1);
    expect(sut.querySelector('[role=status]')?.textContent).toContain(
      'The section “Open action items (carried over)” was removed.',
    );
    expect(saved().items.map((i) => i.key)).toEqual(['i1']);
  });

  it('keeps a decision taken by a vote unless removing it is confirmed; hand-recorded ones go at once', () => {
    open(editable());
    const voted = one(item(0), 'decision-row', 0);
    expect(voted.getAttribute('data-voted')).toBe('true');
    expect(one(voted, 'decision-vote').textContent).toContain('Adopted (yes 4, no 1, abstain 0)');
    expect(one(item(0), 'decision-row', 1).hasAttribute('data-voted')).toBe(false);

    confirmed.mockReturnValueOnce(false);
    press(one(item(0), 'remove-decision', 0));
    expect(asked).toHaveBeenCalledWith(
      expect.objectContaining({
        title: 'minutesArea.itemEditor.removeVotedDialog.title',
        params: { text: 'Adopt the plan', result: 'Adopted (yes 4, no 1, abstain 0)' },
      }),
    );
    expect(all(item(0), 'decision-row')).toHaveLength(2);

    press(one(item(0), 'remove-decision', 1));
    expect(asked).toHaveBeenCalledTimes(1);
    expect(all(item(0), 'decision-row')).toHaveLength(1);

    press(one(item(0), 'remove-decision', 0));
    expect(asked).toHaveBeenCalledTimes(2);
    expect(all(item(0), 'decision-row')).toHaveLength(0);
    expect(saved().items[0].decisions).toEqual([]);
  });

  it('reorders items with Move up / Move down and saves them in the new order', () => {
    open(editable());
    const up = one<HTMLButtonElement>(item(0), 'move-up');
    expect(up.getAttribute('aria-disabled')).toBe('true');
    expect(up.getAttribute('aria-label')).toBe('Move item 1 up');
    press(up);
    expect(item(0).getAttribute('data-key')).toBe('i1');

    press(one(item(0), 'move-down'));
    expect(all(sut, 'minutes-item').map((e) => e.getAttribute('data-key'))).toEqual(['extra-900', 'i1']);
    expect(one(item(1), 'item-heading').textContent).toContain('2. Work plan');
    expect(sut.querySelector('[role=status]')?.textContent).toContain('“Work plan” moved to position 2.');
    expect(saved().items.map((i) => i.key)).toEqual(['extra-900', 'i1']);
  });

  it('shows the draft’s mistakes next to their fields after Save, and sends nothing until they are fixed', () => {
    open(editable());
    const title = one<HTMLInputElement>(item(0), 'item-title');
    typeInto(title, '   ');
    press(one(item(0), 'add-speaker'));
    typeInto(one<HTMLInputElement>(item(0), 'speaker-time', 1), '4:75');
    typeInto(one<HTMLInputElement>(item(0), 'speaker-turns', 1), 'two');
    // Nothing is flagged while typing.
    expect(errorOf(title)).toBeNull();

    press(must(button('save')));
    http.expectNone('/api/minutes/m1');
    expect(text('structure-invalid')).toContain('Some fields need attention');
    expect(errorOf(title)).toBe('Please fill this in.');
    expect(title.getAttribute('aria-invalid')).toBe('true');
    expect(errorOf(one(item(0), 'speaker-name', 1))).toBe('Please fill this in.');
    expect(errorOf(one(item(0), 'speaker-time', 1))).toBe(
      'Enter minutes:seconds (such as 4:30) or a number of seconds.',
    );
    expect(errorOf(one(item(0), 'speaker-turns', 1))).toBe('Enter a whole number, 0 or more.');
    expect(errorOf(one(item(0), 'speaker-name', 0))).toBeNull();

    typeInto(title, 'Work plan');
    typeInto(one<HTMLInputElement>(item(0), 'speaker-name', 1), 'Aziz Karimov');
    typeInto(one<HTMLInputElement>(item(0), 'speaker-time', 1), '4:15');
    typeInto(one<HTMLInputElement>(item(0), 'speaker-turns', 1), '1');
    expect(errorOf(title)).toBeNull();
    expect(sut.querySelector('[data-testid=structure-invalid]')).toBeNull();
    expect(saved().items[0].speakers[1]).toEqual({ name: 'Aziz Karimov', seconds: 255, turns: 1 });
  });

  it('shows the API’s field errors next to their fields, and lists those of no field', () => {
    open(editable());
    typeInto(one<HTMLInputElement>(item(1), 'item-title'), 'Carried over');
    must(button('save')).click();
    http.expectOne('/api/minutes/m1').flush(
      {
        statusCode: 422,
        code: 'VALIDATION_FAILED',
        message: 'The request has invalid fields',
        details: [
          { field: 'content.items.1.title', messages: ['must not be empty'] },
          { field: 'content.items.0.speakers.0.turns', messages: ['Expected integer'] },
          { field: 'content.items', messages: ['item keys must be unique'] },
        ],
      },
      { status: 422, statusText: 'Unprocessable Entity' },
    );
    fixture.detectChanges();

    const title = one<HTMLInputElement>(item(1), 'item-title');
    expect(errorOf(title)).toBe('must not be empty');
    expect(errorOf(one(item(0), 'item-title'))).toBeNull();
    expect(errorOf(one(item(0), 'speaker-turns'))).toBe('Expected integer');
    expect(all(sut, 'other-error').map((e) => e.textContent?.trim())).toEqual(['items: item keys must be unique']);
    expect(sut.querySelector('[data-testid=minutes-problem]')).toBeNull();

    // Changing the field takes its error away; the others stay until the next save.
    typeInto(title, 'Carried over items');
    expect(errorOf(title)).toBeNull();
    expect(errorOf(one(item(0), 'speaker-turns'))).toBe('Expected integer');
  });

  // ---- an earlier version in full ------------------------------------------------------------------------------

  const version1: MinutesContent = {
    title: 'Spring session (first draft)',
    attendance: minutesView().content.attendance,
    items: [
      {
        key: 'i1',
        title: 'Workplan',
        notes: '<p>First <em>notes</em>.</p>',
        speakers: [{ name: 'Madina Abdullaeva', seconds: 300, turns: 1 }],
        decisions: [{ text: 'Adopt the plan', result: VOTE, secret: false }],
        restricted: true,
      },
    ],
  };

  it('offers "View" per earlier version and shows it in full, read-only, marked as not the current text', async () => {
    open(editable());
    const links = all<HTMLAnchorElement>(sut, 'view-version');
    expect(links).toHaveLength(1);
    expect(links[0].getAttribute('href')).toBe('/minutes/m1?version=1');
    expect(links[0].getAttribute('aria-label')).toBe('View version 1 in full');
    expect(text('current-version')).toBe('Current');
    // An unsaved change survives a look at an earlier version.
    typeInto(one<HTMLInputElement>(sut, 'minutes-title'), 'Unsaved title');

    fixture.componentRef.setInput('version', '1');
    fixture.detectChanges();
    const view = one(sut, 'version-view');
    expect(view.querySelector('[role=status]')?.textContent).toContain('Loading version 1…');
    http.expectOne('/api/minutes/m1/versions/1').flush(version1);
    fixture.detectChanges();
    await fixture.whenStable();

    expect(text('version-view-heading')).toBe('Version 1 of 2 — not the current text');
    expect(document.activeElement).toBe(one(sut, 'version-view-heading'));
    expect(text('version-view-saved')).toContain('by Rapporteur');
    expect(text('version-title')).toBe('Spring session (first draft)');
    expect(all(view, 'attendance-row')).toHaveLength(1);
    const old = one(view, 'minutes-item');
    expect(one(old, 'minutes-item-title').textContent).toContain('1. Workplan');
    expect(one(old, 'minutes-item-title').textContent).toContain('Restricted');
    expect(old.querySelector('[data-testid=minutes-notes] em')?.textContent).toBe('notes');
    expect(one(old, 'minutes-speaker').textContent?.replace(/\s+/g, ' ').trim()).toBe(
      'Madina Abdullaeva — 1 turn(s), 5 min',
    );
    expect(one(old, 'minutes-decision').textContent).toContain('Adopted (yes 4, no 1, abstain 0)');
    const back = one<HTMLAnchorElement>(view, 'back-to-current');
    expect(back.getAttribute('href')).toBe('/minutes/m1');
    expect(back.textContent?.trim()).toBe('Back to the current version (2)');
    // Nothing of the current text is editable meanwhile; the versions list marks the one shown.
    for (const id of ['notes-editor', 'minutes-title', 'item-title', 'save', 'add-section']) {
      expect(sut.querySelector(`[data-testid=${id}]`)).toBeNull();
    }
    expect(one(sut, 'version-row', 0).getAttribute('aria-current')).toBe('true');
    expect(one(sut, 'view-current').getAttribute('href')).toBe('/minutes/m1');

    fixture.componentRef.setInput('version', undefined);
    fixture.detectChanges();
    await fixture.whenStable();
    expect(sut.querySelector('[data-testid=version-view]')).toBeNull();
    expect(one<HTMLInputElement>(sut, 'minutes-title').value).toBe('Unsaved title');
    expect(document.activeElement?.id).toBe('items-heading');
  });

  it('says when a version is not found, and offers to retry other failures', () => {
    open(minutesView());
    fixture.componentRef.setInput('version', '7');
    fixture.detectChanges();
    http
      .expectOne('/api/minutes/m1/versions/7')
      .flush({ statusCode: 404, code: 'NOT_FOUND', message: 'Not found' }, { status: 404, statusText: 'Not Found' });
    fixture.detectChanges();
    expect(text('version-view-heading')).toBe('Version 7 of 7 — not the current text');
    expect(text('version-view-error')).toBe('This version was not found.');
    expect(sut.querySelector('[data-testid=version-view-retry]')).toBeNull();

    fixture.componentRef.setInput('version', '1');
    fixture.detectChanges();
    http
      .expectOne('/api/minutes/m1/versions/1')
      .flush(
        { statusCode: 500, code: 'INTERNAL_ERROR', message: 'Database unavailable' },
        { status: 500, statusText: 'Error' },
      );
    fixture.detectChanges();
    expect(text('version-view-error')).toBe('Database unavailable');
    must(button('version-view-retry')).click();
    http.expectOne('/api/minutes/m1/versions/1').flush(version1);
    fixture.detectChanges();
    expect(text('version-title')).toBe('Spring session (first draft)');
  });

  it('shows the current text for ?version= naming the current version or no number', () => {
    open(minutesView());
    for (const version of ['2', 'abc', '0']) {
      fixture.componentRef.setInput('version', version);
      fixture.detectChanges();
      expect(sut.querySelector('[data-testid=version-view]')).toBeNull();
      expect(all(sut, 'minutes-item')).toHaveLength(1);
    }
    http.expectNone((request) => request.url.includes('/versions/'));
  });
});
