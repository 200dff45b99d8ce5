import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { ActionItemStatus, ActionItemView, MeetingSnapshot, OpenActionsResponse } from '@kengash/contracts';
import { AuthService, LiveService, LiveSocket } from '@kengash/web-identity-data-access';
import {
  CHAIR,
  FakeSocket,
  MEMBER,
  OBSERVER,
  ok,
  pollFixture,
  settle,
  snapshotFixture,
} from '../testing/live-fixtures';
import { provideTestTranslations, useTestLocale } from '../testing/translate-testing';
import { LiveRoomComponent } from './live-room.component';

describe('LiveRoomComponent', () => {
  let fixture: ComponentFixture<LiveRoomComponent>;
  let socket: FakeSocket;
  let sut: HTMLElement;
  const openSocket = signal<LiveSocket | null>(null);

  const byTestId = <T extends HTMLElement>(id: string) => sut.querySelector<T>(`[data-testid=${id}]`);
  const allByTestId = (id: string) => [...sut.querySelectorAll<HTMLElement>(`[data-testid=${id}]`)];
  const text = (id: string) => byTestId(id)?.textContent?.replace(/\s+/g, ' ').trim();

  async function render(snapshot: MeetingSnapshot): Promise<void> {
    fixture.detectChanges();
    socket.take('meeting:join').reply(ok(snapshot));
    await settle();
    fixture.detectChanges();
    await fixture.whenStable();
  }

  beforeEach(() => {
    socket = new FakeSocket();
    socket.connected = true;
    openSocket.set(socket.asSocket());
    TestBed.configureTestingModule({
      imports: [LiveRoomComponent],
      providers: [
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideTestTranslations(),
        { provide: LiveService, useValue: { openSocket } },
        { provide: AuthService, useValue: { user: signal(null) } },
      ],
    });
    useTestLocale('en');
    fixture = TestBed.createComponent(LiveRoomComponent);
    fixture.componentRef.setInput('id', 's1');
    sut = fixture.nativeElement as HTMLElement;
  });

  afterEach(() => fixture.destroy());

  it('shows the room: agenda with the current item and its timer, presence with role-only people', async () => {
    await render(snapshotFixture());

    expect(text('live-title')).toBe('Psychosocial Support: spring session');
    expect(text('meeting-status')).toBe('Live');
    const items = allByTestId('agenda-item');
    expect(items.map((i) => i.getAttribute('aria-current'))).toEqual([null, 'step']);
    expect(text('item-timer')).toContain('2:05 / 30:00');
    expect(text('item-timer')).toContain('paused');

    const people = allByTestId('present-person');
    expect(people).toHaveLength(3);
    expect(people[2].textContent).toContain('Observer');
    expect(people[2].querySelector('[data-testid=person-role-only]')).not.toBeNull();
    expect(people[0].textContent).toContain('Madina Abdullaeva');
    expect(people[0].textContent).toContain('Dushanbe Centre (demo)');
    expect(people[0].textContent).toContain('Tajikistan');
  });

  it('lists the open action items carried over from earlier sessions under the agenda, for members only', async () => {
    const http = TestBed.inject(HttpTestingController);
    await render(snapshotFixture());
    const item = {
      id: 'a1',
      title: 'Circulate the referral protocol',
      ownerName: 'Nodira Tursunova',
      dueDate: '2025-04-01',
      status: ActionItemStatus.Open,
      overdue: true,
    } as ActionItemView;
    http.expectOne('/api/sessions/s1/open-actions').flush({ sessionId: 's1', items: [item] } as OpenActionsResponse);
    fixture.detectChanges();
    await fixture.whenStable();

    const carried = text('live-carried-over');
    expect(carried).toContain('Circulate the referral protocol');
    expect(carried).toContain('Nodira Tursunova');
    expect(carried).toContain('due 2025-04-01');
    expect(carried).toContain('overdue');
    http.verify();
  });

  it('does not ask for the action items when an observer is in the room', async () => {
    const http = TestBed.inject(HttpTestingController);
    await render(
      snapshotFixture({
        me: OBSERVER,
        can: { chair: false, raiseHand: false, chat: false, vote: false, takeNotes: false, readOnly: true },
      }),
    );
    http.expectNone('/api/sessions/s1/open-actions');
    expect(byTestId('live-carried-over')).toBeNull();
  });

  it('lets a member raise a hand, and shows the queue and who speaks', async () => {
    await render(snapshotFixture());
    const hand = byTestId<HTMLButtonElement>('hand-button');
    expect(hand?.textContent).toContain('Raise hand');
    expect(hand?.getAttribute('aria-pressed')).toBe('false');
    expect(byTestId('chair-controls')).toBeNull();

    hand?.click();
    expect(socket.take('hand:raise').payload).toEqual({ sessionId: 's1' });

    const entry = {
      id: 'q1',
      person: MEMBER,
      raisedAt: '2025-04-10T05:10:00Z',
      status: 'waiting' as const,
      grantedAt: null,
      agendaItemId: 'i2',
    };
    const speaking = {
      ...entry,
      id: 'q0',
      person: CHAIR,
      status: 'speaking' as const,
      grantedAt: new Date().toISOString(),
    };
    socket.fire('meeting:event', {
      type: 'queue.changed',
      seq: 11,
      sessionId: 's1',
      at: '2025-04-10T05:10:00Z',
      queue: { waiting: [entry], speaking },
    });
    fixture.detectChanges();
    await fixture.whenStable();

    expect(byTestId('hand-button')?.textContent).toContain('Lower hand');
    expect(byTestId('hand-button')?.getAttribute('aria-pressed')).toBe('true');
    expect(allByTestId('queue-entry').map((e) => e.textContent)).toEqual([expect.stringContaining('Nodira')]);
    expect(text('speaking-now')).toContain('Madina Abdullaeva');
    expect(text('speaking-timer')).toMatch(/^0:0\d$/);
    expect(text('queue-announcer')).toBe('Madina Abdullaeva has the floor.');
  });

  it('gives the chair the controls and a grant button per raised hand', async () => {
    const entry = {
      id: 'q1',
      person: MEMBER,
      raisedAt: '2025-04-10T05:10:00Z',
      status: 'waiting' as const,
      grantedAt: null,
      agendaItemId: 'i2',
    };
    await render(
      snapshotFixture({
        me: CHAIR,
        can: { chair: true, raiseHand: true, chat: true, vote: true, takeNotes: true, readOnly: false },
        queue: { waiting: [entry], speaking: null },
      }),
    );

    expect(byTestId('chair-controls')).not.toBeNull();
    expect(byTestId('start-meeting')).toBeNull();
    expect(byTestId<HTMLButtonElement>('agenda-next')?.disabled).toBe(true); // the last item
    byTestId<HTMLButtonElement>('agenda-back')?.click();
    const back = socket.take('agenda:back');
    expect(back.payload).toEqual({ sessionId: 's1' });
    back.reply(ok(snapshotFixture().meeting));
    await settle();
    byTestId<HTMLButtonElement>('timer-resume')?.click();
    expect(socket.take('agenda:timer').payload).toEqual({ sessionId: 's1', action: 'resume' });

    const grant = byTestId<HTMLButtonElement>('grant-floor');
    expect(grant?.getAttribute('aria-label')).toBe('Give the floor to Nodira Tursunova');
    grant?.click();
    expect(socket.take('floor:grant').payload).toEqual({ sessionId: 's1', userId: 'u-member' });
  });

  it('shows observers everything without action buttons', async () => {
    await render(
      snapshotFixture({
        me: OBSERVER,
        can: { chair: false, raiseHand: false, chat: false, vote: false, takeNotes: false, readOnly: true },
        poll: pollFixture(),
      }),
    );

    expect(byTestId('read-only-notice')).not.toBeNull();
    expect(byTestId('hand-button')).toBeNull();
    expect(byTestId('chat-input')).toBeNull();
    expect(byTestId('poll-vote')).toBeNull();
    expect(byTestId('notes-editor')).toBeNull();
    expect(byTestId('notes-view')).not.toBeNull();
    expect(sut.querySelector('[data-testid^=react-]')).toBeNull();
    expect(byTestId('poll-card')).not.toBeNull();
  });

  it('sends chat messages with a client id and shows them pending until acknowledged', async () => {
    await render(snapshotFixture());
    const input = byTestId<HTMLTextAreaElement>('chat-input') as HTMLTextAreaElement;
    input.value = 'Good morning';
    input.dispatchEvent(new Event('input'));
    fixture.detectChanges();
    byTestId<HTMLButtonElement>('chat-send')?.click();
    fixture.detectChanges();

    const send = socket.take('chat:send');
    expect(send.payload).toMatchObject({ sessionId: 's1', body: 'Good morning' });
    expect(String(send.payload['clientId'])).toMatch(/^[0-9a-f-]{36}$/);
    expect(allByTestId('chat-pending').map((p) => p.getAttribute('data-status'))).toEqual(['sending']);
    expect(byTestId('chat-log')?.getAttribute('role')).toBe('log');

    send.reply(
      ok({
        id: 'msg1',
        clientId: send.payload['clientId'],
        seq: 11,
        author: MEMBER,
        body: 'Good morning',
        sentAt: '2025-04-10T05:12:00Z',
      }),
    );
    await settle();
    fixture.detectChanges();
    expect(allByTestId('chat-pending')).toHaveLength(0);
    expect(allByTestId('chat-message').map((m) => m.textContent)).toEqual([expect.stringContaining('Good morning')]);
  });

  it('votes in an open poll and shows the tally and quorum', async () => {
    await render(snapshotFixture({ poll: pollFixture() }));

    expect(text('poll-question-text')).toBe('Adopt the work plan?');
    expect(allByTestId('poll-tally')[0].querySelectorAll('li')).toHaveLength(3);
    expect(text('poll-tally')).toContain('Yes');
    expect(text('poll-tally')).toContain('2 (67%)');
    expect(text('poll-quorum')).toBe('Present 4 of 5 eligible, required 3. Quorum reached.');

    const yes = sut.querySelector<HTMLInputElement>('[data-testid=poll-choice-yes] input');
    yes?.click();
    fixture.detectChanges();
    await fixture.whenStable();
    byTestId<HTMLButtonElement>('poll-vote')?.click();
    const vote = socket.take('poll:vote');
    expect(vote.payload).toEqual({ sessionId: 's1', pollId: 'p1', choice: 'yes' });
    vote.reply(ok(pollFixture({ votesCast: 4, tally: { yes: 3, no: 1, abstain: 0 }, myChoice: 'yes' })));
    await settle();
    fixture.detectChanges();
    expect(text('my-vote')).toBe('Your vote: Yes');
    expect(byTestId('poll-vote')).toBeNull();
  });

  it('shows a secret ballot as the number of votes cast', async () => {
    await render(snapshotFixture({ poll: pollFixture({ secret: true, tally: null, votesCast: 2 }) }));
    expect(text('poll-secret-count')).toBe('Secret ballot — 2 votes cast');
    expect(byTestId('poll-tally')).toBeNull();
  });

  it('says when the connection is lost and when it is back', async () => {
    await render(snapshotFixture());
    expect(byTestId('connection-banner')?.getAttribute('role')).toBe('status');
    expect(text('connection-banner')).toBe('');

    socket.drop();
    fixture.detectChanges();
    expect(text('connection-banner')).toBe('Connection lost. Reconnecting…');

    socket.connect(true);
    fixture.detectChanges();
    expect(text('connection-banner')).toBe('Reconnected.');
  });

  it('links to the draft minutes once the meeting has ended', async () => {
    await render(snapshotFixture());
    socket.fire('meeting:event', {
      type: 'meeting.ended',
      seq: 11,
      sessionId: 's1',
      at: '2025-04-10T07:00:00Z',
      state: { ...snapshotFixture().meeting, status: 'ended', endedAt: '2025-04-10T07:00:00Z', seq: 11 },
      minutesId: 'min1',
    });
    fixture.detectChanges();

    expect(byTestId('minutes-link')?.getAttribute('href')).toBe('/sessions/s1/minutes');
    expect(byTestId('hand-button')).toBeNull();
  });

  it('says when the meeting is not open to the person', async () => {
    fixture.detectChanges();
    socket.take('meeting:join').reply({
      ok: false,
      error: { statusCode: 403, code: 'FORBIDDEN' as never, message: 'Forbidden', correlationId: 'c' },
    });
    await settle();
    fixture.detectChanges();
    expect(text('join-error')).toContain('Only invitees');
  });
});
