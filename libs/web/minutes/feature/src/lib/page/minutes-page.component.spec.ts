import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { By } from '@angular/platform-browser';
import { MatDialog } from '@angular/material/dialog';
import { provideRouter } from '@angular/router';
import { AmendmentView, MinutesDiffView, MinutesView } from '@kengash/contracts';
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
  const text = (id: string) => sut.querySelector(`[data-testid=${id}]`)?.textContent?.replace(/\s+/g, ' ').trim();
  const button = (id: string) => sut.querySelector<HTMLButtonElement>(`[data-testid=${id}]`);
  /** What the editor emits when someone types (the editor itself is tested on its own). */
  const typeNotes = (html: string) =>
    (
      fixture.debugElement.query(By.directive(RichTextEditorComponent)).componentInstance as RichTextEditorComponent
    ).value.set(html);

  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [MinutesPageComponent],
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([]),
        provideTestTranslations(),
        { provide: AuthService, useValue: { user: signal({ timeZone: 'Asia/Tashkent' }) } },
        { provide: MatDialog, useValue: { open: () => ({ afterClosed: () => of(confirmed()) }) } },
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
});
