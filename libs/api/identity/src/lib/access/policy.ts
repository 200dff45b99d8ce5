import { Action } from '@kengash/api-core';
import { GlobalRole } from '@kengash/contracts';
import type { Principal } from './principal';

export type Decision =
  | { allowed: true }
  | { allowed: false; reason: 'unauthenticated' | 'forbidden' | 'totp_enrolment_required' };

const ALLOW: Decision = { allowed: true };

/** The one place that answers "may this principal do this action?" for REST and Socket.IO alike. */
export function decide(principal: Principal | null, action: Action): Decision {
  if (action === Action.Public) return ALLOW;
  if (!principal) return { allowed: false, reason: 'unauthenticated' };
  if (action === Action.Self) return ALLOW;
  if (principal.totpEnrolmentRequired) return { allowed: false, reason: 'totp_enrolment_required' };
  switch (action) {
    case Action.SignedIn:
      return ALLOW;
    case Action.ManageUsers:
    case Action.ManageCouncil:
      return [GlobalRole.Admin, GlobalRole.Secretariat].includes(principal.globalRole)
        ? ALLOW
        : { allowed: false, reason: 'forbidden' };
    case Action.ReadAudit:
    case Action.BreakGlass:
      return principal.globalRole === GlobalRole.Admin ? ALLOW : { allowed: false, reason: 'forbidden' };
  }
}
