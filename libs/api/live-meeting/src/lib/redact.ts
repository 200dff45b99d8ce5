import type { ChatMessage, LiveEvent, LivePerson, QueueEntry, SpeakerQueue } from '@kengash/contracts';
import { Audience, personFor, RoomPerson } from './people';

const person = (p: LivePerson, audience: Audience) =>
  personFor({ nameVisibleToObservers: true, ...p } as RoomPerson, audience);

const entry = (e: QueueEntry, audience: Audience): QueueEntry => ({ ...e, person: person(e.person, audience) });

export const queueFor = (q: SpeakerQueue, audience: Audience): SpeakerQueue => ({
  waiting: q.waiting.map((e) => entry(e, audience)),
  speaking: q.speaking ? entry(q.speaking, audience) : null,
});

export const chatFor = (m: ChatMessage, audience: Audience): ChatMessage => ({
  ...m,
  author: person(m.author, audience),
});

/**
 * Events are stored with each person's privacy flag; this gives the version an audience may see (and drops
 * the flag), for live broadcast and for replay alike.
 */
export function eventFor(event: LiveEvent, audience: Audience): LiveEvent {
  switch (event.type) {
    case 'queue.changed':
      return { ...event, queue: queueFor(event.queue, audience) };
    case 'chat.message':
      return { ...event, message: chatFor(event.message, audience) };
    default:
      return event;
  }
}
