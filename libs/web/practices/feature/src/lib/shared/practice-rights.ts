import { CurrentUser, GlobalRole, GroupRole } from '@kengash/contracts';

/**
 * Who starts entries, as the API decides it (`canCreate` in practice-access.ts): the secretariat, member experts,
 * national focal points, and anyone who holds a role other than observer in a working group. Practitioners read
 * and endorse entries.
 */
export function canCreatePractice(user: CurrentUser | null): boolean {
  if (!user) return false;
  if ([GlobalRole.Secretariat, GlobalRole.Member, GlobalRole.FocalPoint].includes(user.globalRole)) return true;
  return user.memberships.some((m) => m.role !== GroupRole.Observer);
}
