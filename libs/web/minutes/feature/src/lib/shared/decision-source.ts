import { ACTION_LIMITS, ActionItemSource, DecisionRegisterEntry } from '@kengash/contracts';

/** What `POST /api/actions` needs to know where an action item was decided. */
export interface DecisionActionSource extends ActionItemSource {
  sessionId: string;
}

/**
 * The source fields of an action item created from a register entry. Entries from minutes have the id
 * `<minutes id>:<item key>:<n>` with n counting the item's decisions from 1, while the API's `decisionIndex`
 * counts from 0. A decision recorded in the live room (no minutes yet) names only its session.
 */
export function decisionSource(entry: DecisionRegisterEntry): DecisionActionSource {
  const none: DecisionActionSource = {
    sessionId: entry.session.id,
    minutesId: null,
    itemKey: null,
    decisionIndex: null,
  };
  if (!entry.minutesId) return none;
  const prefix = `${entry.minutesId}:`;
  const last = entry.id.lastIndexOf(':');
  const n = Number(entry.id.slice(last + 1));
  if (!entry.id.startsWith(prefix) || last < prefix.length || !Number.isInteger(n) || n < 1) {
    return { ...none, minutesId: entry.minutesId, itemKey: entry.agendaItem?.key ?? null };
  }
  return {
    sessionId: entry.session.id,
    minutesId: entry.minutesId,
    itemKey: entry.id.slice(prefix.length, last),
    decisionIndex: n - 1,
  };
}

/** The decision's words as a first title for the action item (within the API's length limit). */
export function titleFromDecision(text: string): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  return clean.length <= ACTION_LIMITS.titleMax ? clean : `${clean.slice(0, ACTION_LIMITS.titleMax - 1).trimEnd()}…`;
}
