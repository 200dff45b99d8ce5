import { GlobalRole, GroupRole } from '@kengash/contracts';
import { capabilities, meetingRole, personFor, Standing } from './people';
import { eventFor } from './redact';

const standing = (s: Partial<Standing>): Standing => ({
  groupRole: null,
  invited: false,
  organiser: false,
  globalRole: GlobalRole.Member,
  ...s,
});

describe('meeting capabilities', () => {
  it('refuses people who are neither members, invitees, organiser nor secretariat', () => {
    expect(capabilities(standing({}))).toBeNull();
    expect(capabilities(standing({ globalRole: GlobalRole.Admin }))).toBeNull();
    expect(capabilities(standing({ globalRole: GlobalRole.FocalPoint }))).toBeNull();
  });

  it('lets observers (by group role or by global role) only watch', () => {
    for (const s of [
      standing({ groupRole: GroupRole.Observer }),
      standing({ invited: true, globalRole: GlobalRole.Observer }),
    ])
      expect(capabilities(s)).toEqual({
        chair: false,
        raiseHand: false,
        chat: false,
        vote: false,
        takeNotes: false,
        readOnly: true,
      });
  });

  it('gives chairs the controls, rapporteurs the notes, members the vote, guests the floor but no vote', () => {
    expect(capabilities(standing({ groupRole: GroupRole.Chair }))).toMatchObject({
      chair: true,
      vote: true,
      takeNotes: true,
    });
    expect(capabilities(standing({ groupRole: GroupRole.CoChair }))).toMatchObject({ chair: true, vote: true });
    expect(capabilities(standing({ groupRole: GroupRole.Rapporteur }))).toMatchObject({
      chair: false,
      vote: true,
      takeNotes: true,
    });
    expect(capabilities(standing({ groupRole: GroupRole.Member }))).toMatchObject({
      chair: false,
      vote: true,
      takeNotes: false,
      raiseHand: true,
    });
    expect(capabilities(standing({ invited: true }))).toMatchObject({
      chair: false,
      vote: false,
      raiseHand: true,
      chat: true,
    });
    expect(capabilities(standing({ globalRole: GlobalRole.Secretariat }))).toMatchObject({ chair: true, vote: false });
    expect(capabilities(standing({ organiser: true }))).toMatchObject({ chair: true, vote: false });
  });

  it('names the role shown in the room', () => {
    expect(meetingRole(standing({ groupRole: GroupRole.Rapporteur }))).toBe('rapporteur');
    expect(meetingRole(standing({ globalRole: GlobalRole.Secretariat }))).toBe('secretariat');
    expect(meetingRole(standing({ invited: true }))).toBe('guest');
  });
});

describe('what observers see of people', () => {
  const hidden = {
    userId: 'u1',
    name: 'Dilnoza Karimova',
    role: GroupRole.Member,
    country: null,
    organisation: 'Family support centre',
    nameVisibleToObservers: false,
  };

  it('hides the name of someone who asked, from observers only, and never leaks the flag', () => {
    expect(personFor(hidden, 'observer')).toEqual({
      userId: 'u1',
      name: null,
      role: 'member',
      country: null,
      organisation: 'Family support centre',
    });
    expect(personFor(hidden, 'full')).toEqual({
      userId: 'u1',
      name: 'Dilnoza Karimova',
      role: 'member',
      country: null,
      organisation: 'Family support centre',
    });
  });

  it('redacts chat authors and queue entries in events for observers', () => {
    const chat = eventFor(
      {
        type: 'chat.message',
        seq: 3,
        sessionId: 's',
        at: '2026-01-01T00:00:00Z',
        message: { id: 'm', clientId: 'c', seq: 3, author: hidden, body: 'Hello', sentAt: '2026-01-01T00:00:00Z' },
      },
      'observer',
    );
    expect(chat.type === 'chat.message' && chat.message.author.name).toBeNull();
    const entry = {
      id: 'q',
      person: hidden,
      raisedAt: '',
      status: 'waiting' as const,
      grantedAt: null,
      agendaItemId: null,
    };
    const queue = eventFor(
      { type: 'queue.changed', seq: 4, sessionId: 's', at: '', queue: { waiting: [entry], speaking: entry } },
      'observer',
    );
    expect(
      queue.type === 'queue.changed' && [queue.queue.waiting[0].person.name, queue.queue.speaking?.person.name],
    ).toEqual([null, null]);
    expect(JSON.stringify(queue)).not.toContain('nameVisibleToObservers');
  });
});
