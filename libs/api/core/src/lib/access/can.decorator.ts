import { SetMetadata } from '@nestjs/common';

/**
 * Everything a request or a socket event can ask to do. Each REST route and each socket handler declares
 * exactly one of these with `@Can(...)`; a route without one is refused (fail closed), and the
 * authorization matrix test checks every route and event against an independent table.
 */
export enum Action {
  /** Anyone, signed in or not: public council information, health, sign-in itself. */
  Public = 'public',
  /** Any signed-in person, even one who still has to enrol 2FA (their own profile, 2FA enrolment, sign-out). */
  Self = 'self',
  /** Any signed-in person whose 2FA obligations are met. */
  SignedIn = 'signed_in',
  /** Secretariat and administrators: users, invitations, roles, group memberships. */
  ManageUsers = 'manage_users',
  /** Secretariat and administrators: council settings, creating and archiving working groups. */
  ManageCouncil = 'manage_council',
  /** Administrators: the audit log. */
  ReadAudit = 'read_audit',
  /** Administrators: explicit, audited access to restricted content. */
  BreakGlass = 'break_glass',
}

export const CAN_METADATA = 'kengash:can';

/** Declares the action a route or socket handler performs; checked by the access guard (REST and sockets). */
export const Can = (action: Action) => SetMetadata(CAN_METADATA, action);
