import { ActionItemView, CurrentUser, GlobalRole, GroupRole } from '@kengash/contracts';

/** Group roles that create action items and change any of their fields (as the API's ActionsService). */
const EDITOR_ROLES: readonly GroupRole[] = [GroupRole.Chair, GroupRole.CoChair, GroupRole.Rapporteur];

/** What a person may do with one action item: change anything, its status only (its owner), or nothing. */
export type ActionRight = 'edit' | 'status' | 'none';

function roleIn(user: CurrentUser, groupId: string): GroupRole | null {
  return user.memberships.find((m) => m.groupId === groupId)?.role ?? null;
}

/** Chairs, co-chairs and rapporteurs of the group, and the secretariat, create and change its action items. */
export function canEditGroupActions(user: CurrentUser | null, groupId: string): boolean {
  if (!user) return false;
  if (user.globalRole === GlobalRole.Secretariat) return true;
  const role = roleIn(user, groupId);
  return role !== null && EDITOR_ROLES.includes(role);
}

/** Members of the group (not observers) and the secretariat read its action items. */
export function canReadGroupActions(user: CurrentUser | null, groupId: string): boolean {
  if (!user) return false;
  if (user.globalRole === GlobalRole.Secretariat) return true;
  const role = roleIn(user, groupId);
  return role !== null && role !== GroupRole.Observer;
}

/** Chairs, co-chairs, rapporteurs of any group and the secretariat: those who follow up overdue items. */
export function editsAnyGroup(user: CurrentUser | null): boolean {
  if (!user) return false;
  return user.globalRole === GlobalRole.Secretariat || user.memberships.some((m) => EDITOR_ROLES.includes(m.role));
}

export function actionRight(user: CurrentUser | null, item: Pick<ActionItemView, 'groupId' | 'ownerId'>): ActionRight {
  if (!user) return 'none';
  if (canEditGroupActions(user, item.groupId)) return 'edit';
  return item.ownerId === user.id ? 'status' : 'none';
}
