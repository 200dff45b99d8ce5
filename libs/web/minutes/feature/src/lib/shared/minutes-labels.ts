import { ActionItemStatus, DecisionStatus, GroupRole, MeetingRole, MinutesFace, PollResult } from '@kengash/contracts';
import { _, TranslateService } from '@ngx-translate/core';

export { injectActiveLocale } from '@kengash/web-shared-ui';

export const STATUS_KEYS: Record<DecisionStatus, string> = {
  recorded: _('minutesArea.status.recorded'),
  draft: _('minutesArea.status.draft'),
  circulated: _('minutesArea.status.circulated'),
  approved: _('minutesArea.status.approved'),
};

export const FACE_KEYS: Record<MinutesFace, string> = {
  full: _('minutesArea.face.full'),
  public: _('minutesArea.face.public'),
};

export const ROLE_KEYS: Record<MeetingRole, string> = {
  [GroupRole.Chair]: _('groupRoles.chair'),
  [GroupRole.CoChair]: _('groupRoles.co_chair'),
  [GroupRole.Rapporteur]: _('groupRoles.rapporteur'),
  [GroupRole.Member]: _('groupRoles.member'),
  [GroupRole.Observer]: _('groupRoles.observer'),
  guest: _('live.roles.guest'),
  secretariat: _('live.roles.secretariat'),
};

export const ACTION_STATUS_KEYS: Record<ActionItemStatus, string> = {
  [ActionItemStatus.Open]: _('minutesArea.actions.status.open'),
  [ActionItemStatus.InProgress]: _('minutesArea.actions.status.in_progress'),
  [ActionItemStatus.Done]: _('minutesArea.actions.status.done'),
  [ActionItemStatus.Dropped]: _('minutesArea.actions.status.dropped'),
};

const OUTCOME_KEYS: Record<string, string> = {
  adopted: _('live.poll.outcomes.adopted'),
  rejected: _('live.poll.outcomes.rejected'),
  no_quorum: _('live.poll.outcomes.no_quorum'),
  tie: _('live.poll.outcomes.tie'),
};

/** "Adopted (yes 3, no 1, abstain 0)" — the outcome translated when known, the tally as recorded. */
export function resultText(result: PollResult, translate: TranslateService): string {
  const key = OUTCOME_KEYS[result.outcome];
  const outcome = key ? translate.instant(key) : result.outcome;
  const tally = Object.entries(result.tally)
    .map(([option, votes]) => `${option} ${votes}`)
    .join(', ');
  return tally ? `${outcome} (${tally})` : outcome;
}

/** A date and time in `zone` (falls back to the browser's zone for an unknown one). */
export function formatInstant(instant: string | null, locale: string, zone?: string): string {
  if (!instant) return '—';
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) return instant;
  const options: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' };
  try {
    return new Intl.DateTimeFormat(locale, { ...options, timeZone: zone }).format(date);
  } catch {
    return new Intl.DateTimeFormat(locale, options).format(date);
  }
}

export function formatTimeOnly(instant: string, locale: string, zone: string): string {
  try {
    return new Intl.DateTimeFormat(locale, { timeStyle: 'short', timeZone: zone }).format(new Date(instant));
  } catch {
    return new Intl.DateTimeFormat(locale, { timeStyle: 'short' }).format(new Date(instant));
  }
}
