import { CountryCode } from './council';

/** Council-wide roles (product brief §2). */
export enum GlobalRole {
  Admin = 'admin',
  Secretariat = 'secretariat',
  FocalPoint = 'focal_point',
  Member = 'member',
  Practitioner = 'practitioner',
  Observer = 'observer',
}
export const GLOBAL_ROLES: readonly GlobalRole[] = Object.values(GlobalRole);

/** Roles inside one working group, each held for a term. */
export enum GroupRole {
  Chair = 'chair',
  CoChair = 'co_chair',
  Rapporteur = 'rapporteur',
  Member = 'member',
  Observer = 'observer',
}
export const GROUP_ROLES: readonly GroupRole[] = Object.values(GroupRole);

export enum UserStatus {
  Invited = 'invited',
  Active = 'active',
  Disabled = 'disabled',
}

/** Roles that must use two-factor sign-in before reaching their routes. */
export const ROLES_REQUIRING_2FA: readonly GlobalRole[] = [GlobalRole.Admin, GlobalRole.Secretariat];

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

export interface MembershipSummary {
  groupId: string;
  groupSlug: string;
  role: GroupRole;
  termStart: string;
  termEnd: string | null;
}

/** The signed-in person, as `GET /api/me` returns it. */
export interface CurrentUser {
  id: string;
  email: string;
  displayName: string;
  locale: string;
  timeZone: string;
  country: CountryCode | null;
  organisation: string | null;
  /** False: observers see this person's role, country and organisation instead of the name. */
  nameVisibleToObservers: boolean;
  globalRole: GlobalRole;
  emailVerified: boolean;
  totpEnabled: boolean;
  /** The role requires 2FA and it is not enrolled yet: only enrolment routes are open. */
  totpEnrolmentRequired: boolean;
  memberships: MembershipSummary[];
}

/** POST /api/auth/sign-in */
export interface SignInRequest {
  email: string;
  password: string;
}

/** Returned when sign-in (password, 2FA step, invitation acceptance, SSO) completes. The refresh token is an HttpOnly cookie. */
export interface SessionResponse {
  status: 'signed_in';
  accessToken: string;
  /** Seconds until the access token expires. */
  expiresIn: number;
  user: CurrentUser;
}

/** Password accepted; a TOTP (or recovery) code is needed next, with this short-lived challenge. */
export interface TotpChallengeResponse {
  status: 'totp_required';
  challengeToken: string;
}

export type SignInResponse = SessionResponse | TotpChallengeResponse;

/** POST /api/auth/sign-in/totp: exactly one of `code` (6 digits) or `recoveryCode`. */
export interface TotpSignInRequest {
  challengeToken: string;
  code?: string;
  recoveryCode?: string;
}

/** POST /api/auth/password-reset/request (always 202, whether or not the account exists). */
export interface PasswordResetRequest {
  email: string;
}

/** POST /api/auth/password-reset/confirm */
export interface PasswordResetConfirm {
  token: string;
  password: string;
}

/** GET /api/auth/invitations/:token */
export interface InvitationPreview {
  email: string;
  displayName: string;
  expiresAt: string;
}

/** POST /api/auth/invitations/accept */
export interface AcceptInvitationRequest {
  token: string;
  password: string;
}

/** POST /api/auth/email/verify */
export interface VerifyEmailRequest {
  token: string;
}

/** PATCH /api/me */
export interface UpdateProfileRequest {
  displayName?: string;
  locale?: string;
  timeZone?: string;
  nameVisibleToObservers?: boolean;
}

/** POST /api/me/password */
export interface ChangePasswordRequest {
  currentPassword: string;
  newPassword: string;
}

/** POST /api/me/totp/enrol: a new secret, not active until confirmed. */
export interface TotpEnrolmentResponse {
  secret: string;
  otpauthUrl: string;
  /** SVG of the QR code for the otpauth URL (rendered server-side; no third-party service). */
  qrSvg: string;
}

/** POST /api/me/totp/confirm { code } → recovery codes, shown once. */
export interface TotpConfirmRequest {
  code: string;
}
export interface RecoveryCodesResponse {
  recoveryCodes: string[];
}

/** GET /api/auth/sso */
export interface SsoInfo {
  enabled: boolean;
  /** Button label, e.g. the organisation's identity provider name. */
  displayName: string | null;
}

/** A user row for administrators (GET /api/admin/users). */
export interface AdminUserSummary {
  id: string;
  email: string;
  displayName: string;
  globalRole: GlobalRole;
  country: CountryCode | null;
  organisation: string | null;
  status: UserStatus;
  totpEnabled: boolean;
  lastSignInAt: string | null;
}

export interface AdminUserListResponse {
  items: AdminUserSummary[];
}

/** POST /api/admin/users/invitations */
export interface InviteUserRequest {
  email: string;
  displayName: string;
  globalRole: GlobalRole;
  country?: CountryCode;
  organisation?: string;
  locale?: string;
}

/** PATCH /api/admin/users/:id */
export interface UpdateUserRequest {
  globalRole?: GlobalRole;
  status?: UserStatus.Active | UserStatus.Disabled;
  country?: CountryCode | null;
}

/** An entry of the audit log (GET /api/admin/audit). */
export interface AuditEventView {
  id: string;
  seq: string;
  at: string;
  actorId: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  details: Record<string, unknown>;
  ip: string | null;
}

export interface AuditListResponse {
  items: AuditEventView[];
  nextCursor: string | null;
}

/** POST /api/admin/break-glass: an administrator's audited, time-limited read of restricted content. */
export interface BreakGlassRequest {
  reason: string;
  /** e.g. `working_group` */
  targetType: string;
  targetId: string;
}
export interface BreakGlassResponse {
  grantId: string;
  expiresAt: string;
}
