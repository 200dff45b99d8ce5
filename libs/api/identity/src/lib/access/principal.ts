import { CountryCode, GlobalRole, GroupRole, MembershipSummary } from '@kengash/contracts';

/** Who is asking, as every access decision sees it (loaded fresh from the database per request). */
export interface Principal {
  userId: string;
  email: string;
  globalRole: GlobalRole;
  country: CountryCode | null;
  /** Memberships whose term includes today. */
  memberships: MembershipSummary[];
  totpEnabled: boolean;
  /** The role needs 2FA and it is not enrolled: only enrolment and sign-out are open. */
  totpEnrolmentRequired: boolean;
  /** The refresh-token family of this session. */
  familyId: string;
}

export function roleIn(principal: Principal | null, group: string): GroupRole | null {
  return principal?.memberships.find((m) => m.groupId === group)?.role ?? null;
}
