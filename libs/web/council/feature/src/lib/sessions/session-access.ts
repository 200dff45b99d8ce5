import { CurrentUser, GlobalRole, GroupRole, SessionView } from '@kengash/contracts';

const EDITOR_ROLES: readonly GroupRole[] = [GroupRole.Chair, GroupRole.CoChair];

/** Groups the person may schedule sessions for (the API decides; this only shapes the screen). */
export function schedulableGroupIds(user: CurrentUser | null): string[] | 'all' {
  if (!user) {
    return [];
  }
  if (user.globalRole === GlobalRole.Secretariat) {
    return 'all';
  }
  return user.memberships.filter((m) => EDITOR_ROLES.includes(m.role)).map((m) => m.groupId);
}

export function canSchedule(user: CurrentUser | null): boolean {
  const groups = schedulableGroupIds(user);
  return groups === 'all' || groups.length > 0;
}

/** Whether the person may change a session: the API says so in the session's view (`can.edit`). */
export function canEditSession(user: CurrentUser | null, session: SessionView): boolean {
  return user !== null && session.can.edit;
}

/** Admin and secretariat may pick extra invitees from the user list. */
export function isStaff(user: CurrentUser | null): boolean {
  return user?.globalRole === GlobalRole.Admin || user?.globalRole === GlobalRole.Secretariat;
}
