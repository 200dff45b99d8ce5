import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { MinutesDraftView } from '@kengash/contracts';
import { AuthService } from '@kengash/web-identity-data-access';
import { CHAIR, MEMBER, OBSERVER } from '../testing/live-fixtures';
import { provideTestTranslations, useTestLocale } from '../testing/translate-testing';
import { MinutesDraftComponent } from './minutes-draft.component';

const draft: MinutesDraftView = {
  id: 'min1',
  sessionId: 's1',
  meetingId: 'm1',
  status: 'draft',
  createdAt: '2025-04-10T07:00:00Z',
  content: {
    session: {
      id: 's1',
      title: 'Psychosocial Support: spring session',
      startsAt: '2025-04-10T05:00:00Z',
      endsAt: '2025-04-10T07:00:00Z',
      timeZone: 'Asia/Tashkent',
      groups: [{ id: 'g1', name: { en: 'Psychosocial Support', ru: 'Психосоциальная поддержка' } }],
    },
    startedAt: '2025-04-10T05:00:00Z',
    endedAt: '2025-04-10T06:30:00Z',
    attendance: [
      {
        person: CHAIR,
        secondsPresent: 5400,
        firstJoinedAt: '2025-04-10T05:00:00Z',
        lastLeftAt: '2025-04-10T06:30:00Z',
      },
      {
        person: OBSERVER,
        secondsPresent: 125,
        firstJoinedAt: '2025-04-10T05:10:00Z',
        lastLeftAt: '2025-04-10T05:12:05Z',
      },
    ],
    items: [
      {
        item: { id: 'i1', position: 0, title: 'Work plan', minutesAllotted: 30, presenter: null },
        notes: 'The work plan was discussed.',
        speakers: [{ person: MEMBER, seconds: 95, turns: 2 }],
        decisions: [
          {
            id: 'd1',
            pollId: 'p1',
            text: 'Adopt the work plan?',
            result: { tally: { no: 1, yes: 3, abstain: 0 }, votesCast: 4, quorumReached: true, outcome: 'adopted' },
            secret: false,
          },
        ],
      },
    ],
    otherDecisions: [],
    chatMessages: 7,
  },
};

describe('MinutesDraftComponent', () => {
  let fixture: ComponentFixture<MinutesDraftComponent>;
  let http: HttpTestingController;
  let sut: HTMLElement;
  const text = (id: string) => sut.querySelector(`[data-testid=${id}]`)?.textContent?.replace(/\s+/g, ' ').trim();

  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [MinutesDraftComponent],
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([]),
        provideTestTranslations(),
        { provide: AuthService, useValue: { user: signal({ timeZone: 'Asia/Tashkent' }) } },
      ],
    });
    useTestLocale('en');
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(MinutesDraftComponent);
    fixture.componentRef.setInput('id', 's1');
    sut = fixture.nativeElement as HTMLElement;
    fixture.detectChanges();
  });

  afterEach(() => http.verify());

  it('shows attendance with durations, notes, speakers and decisions with their votes', () => {
    http.expectOne('/api/sessions/s1/minutes-draft').flush(draft);
    fixture.detectChanges();
    http.expectOne('/api/sessions/s1/minutes').flush({ documents: [], canCreate: false });
    fixture.detectChanges();

    const rows = [...sut.querySelectorAll('[data-testid=attendance-row]')];
    expect(rows.map((r) => r.querySelector('[data-testid=attendance-duration]')?.textContent?.trim())).toEqual([
      '1:30:00',
      '2:05',
    ]);
    expect(rows[1].textContent).toContain('Observer');
    expect(text('minutes-notes')).toBe('The work plan was discussed.');
    expect(text('minutes-speakers')).toContain('Nodira Tursunova');
    expect(text('minutes-speakers')).toContain('2 turn(s), 1:35');
    expect(text('minutes-decision')).toContain('Adopt the work plan?');
    expect(text('minutes-decision')).toContain('Adopted');
    expect(text('minutes-decision')).toContain('Yes: 3 · No: 1 · Abstain: 0');
  });

  it('says when there is no draft yet', () => {
    http
      .expectOne('/api/sessions/s1/minutes-draft')
      .flush({ statusCode: 404, code: 'NOT_FOUND', message: 'Not found' }, { status: 404, statusText: 'Not Found' });
    fixture.detectChanges();
    expect(text('minutes-error')).toContain('There are no minutes yet');
  });

  it('links to the minutes when a document exists', () => {
    http.expectOne('/api/sessions/s1/minutes-draft').flush(draft);
    fixture.detectChanges();
    http.expectOne('/api/sessions/s1/minutes').flush({
      documents: [{ id: 'doc1', face: 'full', status: 'draft', correctsId: null, version: 1 }],
      canCreate: true,
    });
    fixture.detectChanges();

    const link = sut.querySelector<HTMLAnchorElement>('[data-testid=open-minutes]');
    expect(link?.textContent?.trim()).toBe('Open the minutes');
    expect(link?.getAttribute('href')).toBe('/minutes/doc1');
    expect(sut.querySelector('[data-testid=start-minutes]')).toBeNull();
  });

  it('offers to start the minutes when there are none and the caller may', () => {
    http.expectOne('/api/sessions/s1/minutes-draft').flush(draft);
    fixture.detectChanges();
    http.expectOne('/api/sessions/s1/minutes').flush({ documents: [], canCreate: true });
    fixture.detectChanges();

    expect(text('start-minutes')).toBe('Start the minutes');
  });
});
