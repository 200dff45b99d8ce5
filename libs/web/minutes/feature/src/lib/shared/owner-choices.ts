import { GroupMembersResponse, GroupRole } from '@kengash/contracts';

/** A person an action item of a group may be given to. */
export interface OwnerChoice {
  id: string;
  name: string;
}

/**
 * The group's current members who may own its action items (observers may not, as the API checks), each once,
 * by name; `keep` (the item's present owner, e.g. someone from the secretariat) stays choosable.
 */
export function ownerChoices(response: GroupMembersResponse, keep?: OwnerChoice): OwnerChoice[] {
  const byId = new Map<string, OwnerChoice>();
  for (const m of response.current) {
    if (m.role === GroupRole.Observer || !m.current) continue;
    byId.set(m.userId, { id: m.userId, name: m.displayName });
  }
  if (keep && !byId.has(keep.id)) byId.set(keep.id, keep);
  return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name));
}
