import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import {
  LiveMeetingListResponse,
  LiveMeetingSummary,
  WorkingGroupListResponse,
  WorkingGroupTheme,
} from '@kengash/contracts';
import { AuthService } from '@kengash/web-identity-data-access';
import { provideTestTranslations, useTestLocale } from '../testing/translate-testing';
import { LiveMeetingsComponent, REFRESH_INTERVAL_MS } from './live-meetings.component';

const GROUPS: WorkingGroupListResponse = {
  council: { id: 'c1', name: { en: 'Regional Expert Council', ru: 'Региональный экспертный совет' }, demo: true },
  groups: [
    {
      id: 'g1',
      slug: 'psychosocial-support',
      name: { en: 'Psychosocial Support', ru: 'Психосоциальная поддержка' },
      theme: WorkingGroupTheme.PsychosocialSupport,
      mandate: { en: 'Mandate', ru: 'Мандат' },
      periodStart: '2024-01-01',
      periodEnd: '2026-12-31',
      memberCount: 12,
      countries: [],
    },
  ],
};

/** 04:00 UTC: 09:00 in Tashkent, 05:00 in Vienna (before the March change to summer time). */
function meeting(overrides: Partial<LiveMeetingSummary>): LiveMeetingSummary {
  return {
    sessionId: 's1',
    title: 'Spring session',
    occurrenceStart: '2031-03-12T04:00:00.000Z',
    startsAt: '2031-03-12T04:00:00.000Z',
    endsAt: '2031-03-12T05:30:00.000Z',
    timeZone: 'Asia/Tashkent',
    format: 'online',
    groupIds: ['g1'],
    status: 'live',
    present: 3,
    minutesId: null,
    readOnly: false,
    canReadMinutes: true,
    ...overrides,
  };
}

const LIVE = meeting({ sessionId: 'live1', title: 'Handbook review', status: 'live', present: 3 });
const WAITING = meeting({ sessionId: 'wait1', title: 'Pilot regions', status: 'waiting', present: 1 });
const UPCOMING = meeting({ sessionId: 'next1', title: 'Work plan', status: 'not_opened', present: 0 });
const ENDED = meeting({ sessionId: 'done1', title: 'Winter session', status: 'ended', present: 0, minutesId: 'min1' });

describe('LiveMeetingsComponent', () => {
  let fixture: ComponentFixture<LiveMeetingsComponent>;
  let http: HttpTestingController;
  let sut: HTMLElement;
  let visibility: DocumentVisibilityState;

  const all = (testId: string, root: ParentNode = sut) => [...root.querySelectorAll(`[data-testid=${testId}]`)];
  const one = (testId: string, root: ParentNode = sut) => root.querySelector(`[data-testid=${testId}]`);
  const text = (testId: string, root: ParentNode = sut) => one(testId, root)?.textContent?.replace(/\s+/g, ' ').trim();
  const card = (sessionId: string) => sut.querySelector(`[data-testid=live-meeting][data-session-id=${sessionId}]`);
  const titlesIn = (section: string) =>
    all('live-meeting-title', one(section) ?? sut).map((e) => e.textContent?.trim());
  const answer = (meetings: LiveMeetingSummary[]) => {
    http.expectOne('/api/live/meetings').flush({ meetings } satisfies LiveMeetingListResponse);
    fixture.detectChanges();
  };

  function create(timeZone = 'Europe/Vienna', locale: 'en' | 'ru' = 'en'): void {
    TestBed.configureTestingModule({
      imports: [LiveMeetingsComponent],
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([]),
        provideTestTranslations(),
        { provide: AuthService, useValue: { user: signal({ timeZone }) } },
      ],
    });
    useTestLocale(locale);
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(LiveMeetingsComponent);
    sut = fixture.nativeElement as HTMLElement;
    fixture.detectChanges();
    http.expectOne('/api/council/groups').flush(GROUPS);
  }

  beforeEach(() => {
    jest.useFakeTimers();
    visibility = 'visible';
    jest.spyOn(document, 'visibilityState', 'get').mockImplementation(() => visibility);
  });

  afterEach(() => {
    http.verify();
    fixture.destroy();
    jest.useRealTimers();
    jest.restoreAllMocks();
  });

  it('puts live and open rooms under "Live now", the next days under "Upcoming" and the ended ones last', () => {
    create();
    expect(text('live-list-loading')).toContain('Loading your meetings');
    answer([LIVE, WAITING, UPCOMING, ENDED]);

    expect(sut.querySelector('h1')?.textContent?.trim()).toBe('Live meetings');
    expect([...sut.querySelectorAll('h2')].map((h) => h.textContent?.trim())).toEqual([
      'Live now',
      'Upcoming (next 7 days)',
      'Ended',
    ]);
    expect(titlesIn('live-now')).toEqual(['Handbook review', 'Pilot regions']);
    expect(titlesIn('upcoming')).toEqual(['Work plan']);
    expect(titlesIn('ended')).toEqual(['Winter session']);

    const live = card('live1') as HTMLElement;
    expect(text('live-badge', live)).toBe('Live');
    expect(text('live-meeting-present', live)).toBe('3 in the room');
    const join = one('join-meeting', live) as HTMLAnchorElement;
    expect(join.textContent?.trim()).toBe('Join');
    expect(join.getAttribute('href')).toBe('/sessions/live1/live');
    expect(join.getAttribute('aria-describedby')).toBe(one('live-meeting-title', live)?.id);
    expect(one('live-meeting-title', live)?.querySelector('a')?.getAttribute('href')).toBe('/sessions/live1');
    expect(live.textContent).toContain('Psychosocial Support');
    expect(live.textContent).toContain('Online');

    const waiting = card('wait1') as HTMLElement;
    expect(text('live-badge', waiting)).toBe('Room open, not started');
    expect(one('join-meeting', waiting)?.getAttribute('href')).toBe('/sessions/wait1/live');

    const upcoming = card('next1') as HTMLElement;
    expect(one('live-badge', upcoming)).toBeNull();
    expect(one('live-meeting-present', upcoming)).toBeNull();
    expect(one('join-meeting', upcoming)).toBeNull();
    expect(text('open-room', upcoming)).toBe('Open the room');
    expect(one('open-room', upcoming)?.getAttribute('href')).toBe('/sessions/next1/live');

    const ended = card('done1') as HTMLElement;
    expect(one('join-meeting', ended)).toBeNull();
    expect(one('open-room', ended)).toBeNull();
    expect(text('minutes-link', ended)).toBe('Open the draft minutes');
    expect(one('minutes-link', ended)?.getAttribute('href')).toBe('/sessions/done1/minutes');
  });

  it('speaks Russian, group names included', () => {
    create('Asia/Tashkent', 'ru');
    answer([LIVE, UPCOMING]);

    expect(sut.querySelector('h1')?.textContent?.trim()).toBe('Онлайн-встречи');
    expect([...sut.querySelectorAll('h2')].map((h) => h.textContent?.trim())).toEqual([
      'Идут сейчас',
      'Предстоящие (ближайшие 7 дней)',
    ]);
    const live = card('live1') as HTMLElement;
    expect(text('live-meeting-present', live)).toBe('В комнате: 3');
    expect(text('join-meeting', live)).toBe('Присоединиться');
    expect(live.textContent).toContain('Психосоциальная поддержка');
    expect(text('live-meeting-when', live)).toContain('09:00');
  });

  it('shows the start in my zone and in the session’s when they differ', () => {
    create('Europe/Vienna');
    answer([UPCOMING]);

    const upcoming = card('next1') as HTMLElement;
    expect(text('live-meeting-when', upcoming)).toBe('Wed, Mar 12, 5:00 – 6:30 AM (Europe/Vienna)');
    expect(text('live-meeting-session-time', upcoming)).toBe(
      'Session time: Wed, Mar 12, 9:00 – 10:30 AM (Asia/Tashkent)',
    );
  });

  it('shows one time when I am in the session’s zone', () => {
    create('Asia/Tashkent');
    answer([UPCOMING]);

    const upcoming = card('next1') as HTMLElement;
    expect(text('live-meeting-when', upcoming)).toBe('Wed, Mar 12, 9:00 – 10:30 AM (Asia/Tashkent)');
    expect(one('live-meeting-session-time', upcoming)).toBeNull();
  });

  it('offers observers "Watch" instead of "Join", and never the draft minutes', () => {
    create();
    answer([
      { ...LIVE, readOnly: true },
      { ...UPCOMING, readOnly: true },
      { ...ENDED, readOnly: true, canReadMinutes: false },
    ]);

    const live = card('live1') as HTMLElement;
    expect(one('join-meeting', live)).toBeNull();
    expect(text('watch-meeting', live)).toBe('Watch');
    expect(one('watch-meeting', live)?.getAttribute('href')).toBe('/sessions/live1/live');
    expect(text('observer-note', live)).toBe('You will follow as an observer.');
    expect(one('observer-note', card('next1') as HTMLElement)).not.toBeNull();
    expect(one('minutes-link', card('done1') as HTMLElement)).toBeNull();
  });

  it('offers no minutes link to an invited guest, who may not read the draft', () => {
    create();
    answer([{ ...ENDED, canReadMinutes: false }]);
    expect(one('minutes-link', card('done1') as HTMLElement)).toBeNull();
  });

  it('offers no minutes link for an ended meeting without minutes', () => {
    create();
    answer([{ ...ENDED, minutesId: null }]);

    expect(one('minutes-link')).toBeNull();
    expect(text('none-live')).toBe('No meeting is live right now.');
    expect(text('none-upcoming')).toBe('No meetings in the next 7 days.');
  });

  it('says when there is nothing and links to the calendar', () => {
    create();
    answer([]);

    expect(text('live-list-empty')).toContain('You have no meetings live now or in the next 7 days.');
    expect(one('calendar-link')?.getAttribute('href')).toBe('/sessions');
    expect(sut.querySelectorAll('h2')).toHaveLength(0);
  });

  it('asks again every 30 s while the page is visible and says politely what went live', () => {
    create();
    answer([UPCOMING]);
    expect(one('live-announcer')?.getAttribute('aria-live')).toBe('polite');
    expect(text('live-announcer')).toBe('');

    jest.advanceTimersByTime(REFRESH_INTERVAL_MS);
    answer([{ ...UPCOMING, status: 'live', present: 2 }]);

    expect(titlesIn('live-now')).toEqual(['Work plan']);
    expect(text('live-announcer')).toMatch(/^\d\d:\d\d (AM|PM): now live — Work plan$/);

    // At the next refresh only the meeting that was not live before is news.
    jest.advanceTimersByTime(REFRESH_INTERVAL_MS);
    answer([{ ...UPCOMING, status: 'live', present: 4 }, LIVE]);
    expect(text('live-announcer')).toMatch(/now live — Handbook review$/);
    expect(text('live-meeting-present', card('next1') as HTMLElement)).toBe('4 in the room');
  });

  it('does not ask while the page is hidden, and asks as soon as it is shown again', () => {
    create();
    answer([UPCOMING]);

    visibility = 'hidden';
    document.dispatchEvent(new Event('visibilitychange'));
    jest.advanceTimersByTime(3 * REFRESH_INTERVAL_MS);
    http.expectNone('/api/live/meetings');

    visibility = 'visible';
    document.dispatchEvent(new Event('visibilitychange'));
    answer([LIVE]);
    expect(titlesIn('live-now')).toEqual(['Handbook review']);
  });

  it('stops asking when the page is left', () => {
    create();
    answer([UPCOMING]);
    fixture.destroy();

    jest.advanceTimersByTime(REFRESH_INTERVAL_MS);
    document.dispatchEvent(new Event('visibilitychange'));
    http.expectNone('/api/live/meetings');
  });

  it('keeps the list when a refresh fails, and offers a retry when the first load fails', () => {
    create();
    http.expectOne('/api/live/meetings').flush(
      { statusCode: 500, code: 'INTERNAL', message: 'Something broke on our side' },
      {
        status: 500,
        statusText: 'Server Error',
      },
    );
    fixture.detectChanges();
    expect(text('live-list-error')).toContain('Something broke on our side');

    (one('live-list-retry') as HTMLButtonElement).click();
    answer([LIVE]);
    expect(one('live-list-error')).toBeNull();

    (one('live-list-refresh') as HTMLButtonElement).click();
    http.expectOne('/api/live/meetings').error(new ProgressEvent('error'), { status: 0, statusText: '' });
    fixture.detectChanges();
    expect(text('live-list-error')).toContain('Could not reach the Kengash server');
    expect(text('live-list-error')).toContain('Showing the list as of');
    expect(titlesIn('live-now')).toEqual(['Handbook review']);
  });
});
