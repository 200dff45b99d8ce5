import {
  GroupRole,
  LivePerson,
  MeetingRole,
  MeetingStatus,
  PollView,
  Reaction,
  YES_NO_ABSTAIN,
} from '@kengash/contracts';
import { _ } from '@ngx-translate/core';

export { COUNTRY_KEYS, injectActiveLocale } from '@kengash/web-shared-ui';

/** Translation key of each standing in a meeting. */
export const MEETING_ROLE_KEYS: Record<MeetingRole, string> = {
  [GroupRole.Chair]: _('groupRoles.chair'),
  [GroupRole.CoChair]: _('groupRoles.co_chair'),
  [GroupRole.Rapporteur]: _('groupRoles.rapporteur'),
  [GroupRole.Member]: _('groupRoles.member'),
  [GroupRole.Observer]: _('groupRoles.observer'),
  guest: _('live.roles.guest'),
  secretariat: _('live.roles.secretariat'),
};

export const STATUS_KEYS: Record<MeetingStatus, string> = {
  waiting: _('live.status.waiting'),
  live: _('live.status.live'),
  ended: _('live.status.ended'),
};

export const REACTION_KEYS: Record<Reaction, string> = {
  applause: _('live.reactions.applause'),
  agree: _('live.reactions.agree'),
  disagree: _('live.reactions.disagree'),
  question: _('live.reactions.question'),
  louder: _('live.reactions.louder'),
};

export const REACTION_EMOJI: Record<Reaction, string> = {
  applause: '👏',
  agree: '👍',
  disagree: '👎',
  question: '❓',
  louder: '🔊',
};

const CHOICE_KEYS: Record<(typeof YES_NO_ABSTAIN)[number], string> = {
  yes: _('live.poll.choices.yes'),
  no: _('live.poll.choices.no'),
  abstain: _('live.poll.choices.abstain'),
};

const OUTCOME_KEYS: Record<string, string> = {
  adopted: _('live.poll.outcomes.adopted'),
  rejected: _('live.poll.outcomes.rejected'),
  no_quorum: _('live.poll.outcomes.no_quorum'),
  tie: _('live.poll.outcomes.tie'),
};

/** A poll option as people read it: yes/no/abstain translated, other options as typed. */
export function choiceLabel(kind: PollView['kind'], option: string): { key: string | null; text: string } {
  if (kind === 'yes_no_abstain' && option in CHOICE_KEYS) {
    return { key: CHOICE_KEYS[option as keyof typeof CHOICE_KEYS], text: option };
  }
  return { key: null, text: option };
}

/** The outcome's key, or null when the outcome is the winning option itself. */
export function outcomeKey(outcome: string): string | null {
  return OUTCOME_KEYS[outcome] ?? null;
}

/** `m:ss`, or `h:mm:ss` from an hour. */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const ss = String(seconds).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${ss}` : `${minutes}:${ss}`;
}

/** How a person is shown: their name, or only their role (`name === null`). */
export function personLabel(person: LivePerson): { name: string | null; roleKey: string } {
  return { name: person.name, roleKey: MEETING_ROLE_KEYS[person.role] };
}

/** A time of day in the viewer's locale. */
export function formatClock(instant: string, locale: string, timeZone?: string): string {
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) return instant;
  try {
    return new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', timeZone }).format(date);
  } catch {
    return new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' }).format(date);
  }
}
