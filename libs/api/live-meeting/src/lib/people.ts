import { GlobalRole, GroupRole, LivePerson, MeetingCapabilities, MeetingRole } from '@kengash/contracts';
import type { EntityManager } from 'typeorm';

/** A person as the room knows them, with the privacy flag that decides what observers see. */
export interface RoomPerson extends LivePerson {
  nameVisibleToObservers: boolean;
}

export type Audience = 'full' | 'observer';

const ROLE_ORDER = `CASE m.role WHEN 'chair' THEN 0 WHEN 'co_chair' THEN 1 WHEN 'rapporteur' THEN 2 WHEN 'member' THEN 3 ELSE 4 END`;

export const VOTING_ROLES: readonly GroupRole[] = [
  GroupRole.Chair,
  GroupRole.CoChair,
  GroupRole.Rapporteur,
  GroupRole.Member,
];

interface PersonRow {
  id: string;
  display_name: string;
  country: string | null;
  organisation: string | null;
  global_role: GlobalRole;
  name_visible_to_observers: boolean;
  group_role: GroupRole | null;
  invited: boolean;
  organiser: boolean;
}

/**
 * Loads people with their standing in a session: their highest current role in one of its groups, whether
 * they are invited, whether they organise it. Ended terms never count.
 */
export async function loadPeople(
  db: EntityManager,
  sessionId: string,
  userIds: readonly string[],
): Promise<Map<string, RoomPerson & { standing: Standing }>> {
  if (!userIds.length) return new Map();
  const rows: PersonRow[] = await db.query(
    `WITH roles AS (
       SELECT DISTINCT ON (m.user_id) m.user_id, m.role FROM group_memberships m
         JOIN session_groups sg ON sg.group_id = m.group_id AND sg.session_id = $1
        WHERE m.user_id = ANY($2::uuid[]) AND m.term_start <= current_date
          AND (m.term_end IS NULL OR m.term_end >= current_date)
        ORDER BY m.user_id, ${ROLE_ORDER})
     SELECT u.id, u.display_name, u.country, u.organisation, u.global_role, u.name_visible_to_observers,
            r.role AS group_role, (i.user_id IS NOT NULL) AS invited, coalesce(s.organiser_id = u.id, false) AS organiser
       FROM users u
       LEFT JOIN roles r ON r.user_id = u.id
       LEFT JOIN invitations i ON i.session_id = $1 AND i.user_id = u.id
       LEFT JOIN sessions s ON s.id = $1
      WHERE u.id = ANY($2::uuid[])`,
    [sessionId, [...new Set(userIds)]],
  );
  return new Map(
    rows.map((r) => {
      const standing: Standing = {
        groupRole: r.group_role,
        invited: r.invited,
        organiser: r.organiser,
        globalRole: r.global_role,
      };
      return [
        r.id,
        {
          userId: r.id,
          name: r.display_name,
          role: meetingRole(standing),
          country: r.country as LivePerson['country'],
          organisation: r.organisation,
          nameVisibleToObservers: r.name_visible_to_observers,
          standing,
        },
      ];
    }),
  );
}

export interface Standing {
  groupRole: GroupRole | null;
  invited: boolean;
  organiser: boolean;
  globalRole: GlobalRole;
}

export function meetingRole(s: Standing): MeetingRole {
  if (s.groupRole) return s.groupRole;
  if (s.globalRole === GlobalRole.Secretariat) return 'secretariat';
  if (s.globalRole === GlobalRole.Observer) return GroupRole.Observer;
  return 'guest';
}

/**
 * Who may come in and do what. Members of the session's groups and invitees come in, the secretariat
 * staffs every meeting; observers (by group role or global role) only watch. Everyone else: null.
 */
export function capabilities(s: Standing): MeetingCapabilities | null {
  const admitted = s.groupRole !== null || s.invited || s.organiser || s.globalRole === GlobalRole.Secretariat;
  if (!admitted) return null;
  const observer = s.groupRole === GroupRole.Observer || (s.groupRole === null && s.globalRole === GlobalRole.Observer);
  if (observer && !s.organiser)
    return { chair: false, raiseHand: false, chat: false, vote: false, takeNotes: false, readOnly: true };
  const chair =
    s.groupRole === GroupRole.Chair ||
    s.groupRole === GroupRole.CoChair ||
    s.organiser ||
    s.globalRole === GlobalRole.Secretariat;
  return {
    chair,
    raiseHand: true,
    chat: true,
    vote: s.groupRole !== null && VOTING_ROLES.includes(s.groupRole),
    takeNotes: chair || s.groupRole === GroupRole.Rapporteur,
    readOnly: false,
  };
}

/** What an audience sees of a person: observers get role, country and organisation of those who hide their name. */
export function personFor(person: RoomPerson, audience: Audience): LivePerson {
  return {
    userId: person.userId,
    name: audience === 'observer' && !person.nameVisibleToObservers ? null : person.name,
    role: person.role,
    country: person.country,
    organisation: person.organisation,
  };
}

/**
 * The rows of a `RETURNING` query. TypeORM answers an UPDATE or DELETE (also one wrapped in a CTE) with
 * `[rows, affected]` and an INSERT or SELECT with the rows; this takes either.
 */
export function returned<T>(result: unknown): T[] {
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number')
    return result[0] as T[];
  return result as T[];
}
