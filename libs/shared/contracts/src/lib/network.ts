import { CountryCode } from './council';
import { Locale } from './locale';
import { PracticeLanguage, PracticeTheme } from './practices';

/**
 * The informal regional network of practitioners (issue 9): public applications and their vetting.
 * Areas of expertise are the library's themes (`PRACTICE_THEMES`), languages the library's languages.
 */

/** The privacy notice applicants consent to; an application must name this exact version. */
export const PRIVACY_NOTICE_VERSION = '2024-11';

export const ORGANISATION_TYPES = [
  'government',
  'ngo',
  'international',
  'academic',
  'religious',
  'health',
  'education',
  'other',
] as const;
export type OrganisationType = (typeof ORGANISATION_TYPES)[number];

export const APPLICATION_STATUSES = ['submitted', 'endorsed', 'accepted', 'rejected', 'suspended', 'left'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

export const APPLICATION_DECISIONS = ['accepted', 'rejected'] as const;
export type ApplicationDecision = (typeof APPLICATION_DECISIONS)[number];

/** Years from acceptance to the default re-vetting date. */
export const NETWORK_REVET_YEARS = 2;

export const NETWORK_LIMITS = {
  nameMax: 120,
  emailMax: 254,
  roleMax: 120,
  organisationNameMax: 200,
  regionMax: 120,
  motivationMin: 20,
  motivationMax: 2000,
  reasonMax: 2000,
  noteMax: 1000,
  /** A form submitted sooner than this after it was issued is refused (a bot). */
  formMinSeconds: 3,
  /** A form token older than this is refused: reload the form. */
  formMaxHours: 24,
} as const;

/** GET /api/network/application-form: what the public form needs, with its signed token. */
export interface ApplicationFormResponse {
  /** Send back unchanged as `formToken`. */
  formToken: string;
  /** ISO 8601: when the token was issued. */
  issuedAt: string;
  /** The hidden field that must stay empty (people never see it; bots fill it). */
  honeypotField: 'website';
  minSeconds: number;
  privacyNoticeVersion: string;
}

/** POST /api/network/applications */
export interface NetworkApplicationRequest {
  formToken: string;
  /** The hidden field: must be absent or empty. */
  website?: string;
  name: string;
  email: string;
  /** The language of the e-mails the applicant receives. */
  locale?: Locale;
  role: string;
  organisationType: OrganisationType;
  organisationName: string;
  country: CountryCode;
  region: string;
  languages: PracticeLanguage[];
  expertise: PracticeTheme[];
  motivation: string;
  /** An active member who knows the applicant (optional). */
  refereeEmail?: string | null;
  /** Must equal `PRIVACY_NOTICE_VERSION`. */
  consentVersion: string;
}

/** 201 from POST /api/network/applications: the status link is sent by e-mail, never in the response. */
export interface NetworkApplicationReceipt {
  status: 'submitted';
}

/** GET /api/network/applications/status?token= (the applicant's status link). */
export interface ApplicationStatusView {
  status: ApplicationStatus;
  submittedAt: string;
  updatedAt: string;
  /** Present only when the secretariat marked the reason shareable. */
  reason?: string;
}

export interface NetworkPersonRef {
  id: string;
  displayName: string;
}

/** An application as the secretariat and the country's focal point see it. */
export interface NetworkApplicationView {
  id: string;
  status: ApplicationStatus;
  name: string;
  email: string;
  locale: Locale;
  role: string;
  organisationType: OrganisationType;
  organisationName: string;
  country: CountryCode;
  region: string;
  languages: PracticeLanguage[];
  expertise: PracticeTheme[];
  motivation: string;
  referee: NetworkPersonRef | null;
  consentVersion: string;
  consentAt: string;
  submittedAt: string;
  endorsedBy: NetworkPersonRef | null;
  endorsedAt: string | null;
  endorsementNote: string | null;
  decidedBy: NetworkPersonRef | null;
  decidedAt: string | null;
  decisionReason: string | null;
  reasonShareable: boolean;
  statusNote: string | null;
  /** The practitioner account created on acceptance. */
  userId: string | null;
  /** YYYY-MM-DD */
  revetDue: string | null;
  demo: boolean;
  version: number;
}

export interface NetworkApplicationListResponse {
  applications: NetworkApplicationView[];
}

/** POST /api/network/applications/:id/endorse */
export interface EndorseApplicationRequest {
  note?: string;
}

/** POST /api/network/applications/:id/decision: a written reason is required (422 without one). */
export interface ApplicationDecisionRequest {
  decision: ApplicationDecision;
  reason: string;
  reasonShareable: boolean;
  /** Accepted only: the first re-vetting date (YYYY-MM-DD); default `NETWORK_REVET_YEARS` from today. */
  revetDue?: string;
}

/** POST …/:id/suspend and …/:id/leave */
export interface ApplicationStatusChangeRequest {
  note?: string;
}

/** PUT /api/network/applications/:id/revet-due */
export interface RevetDueRequest {
  revetDue: string;
}

// ---------------------------------------------------------------------------------------------------------------
// Profiles, the directory and contact-detail views
// ---------------------------------------------------------------------------------------------------------------

/**
 * Who may see one profile field, from the narrowest to the widest. Each level includes the ones before it, except
 * `me`: a field kept to `me` is seen by its owner only (not even the secretariat sees it in the directory).
 * - `secretariat`: the secretariat (and admins);
 * - `council`: council members — members, chairs, national focal points — and the secretariat;
 * - `network`: every active network member (practitioners too) and the council.
 * Observers are not in the network and do not see the directory at all.
 */
export const FIELD_VISIBILITIES = ['me', 'secretariat', 'council', 'network'] as const;
export type FieldVisibility = (typeof FIELD_VISIBILITIES)[number];

/** The profile fields whose visibility the practitioner chooses. */
export const PROFILE_FIELDS = [
  'name',
  'role',
  'organisationType',
  'organisationName',
  'country',
  'region',
  'languages',
  'expertise',
  'bio',
  'phone',
  'email',
] as const;
export type ProfileField = (typeof PROFILE_FIELDS)[number];

/** Contact details: shown only through an explicit, logged "show contact details" action. */
export const CONTACT_FIELDS = ['phone', 'email'] as const satisfies readonly ProfileField[];
export type ContactField = (typeof CONTACT_FIELDS)[number];

/** Minimal defaults: what lets people find each other by subject and place, nothing that identifies anyone. */
export const DEFAULT_FIELD_VISIBILITY: Record<ProfileField, FieldVisibility> = {
  name: 'council',
  role: 'council',
  organisationType: 'network',
  organisationName: 'secretariat',
  country: 'network',
  region: 'secretariat',
  languages: 'network',
  expertise: 'network',
  bio: 'secretariat',
  phone: 'me',
  email: 'secretariat',
};

/**
 * How the person is labelled where their name is not shown (members of the security services often may not be
 * named): `name` uses the name (when visible to the viewer), `role` the role/profession, `organisationType` the
 * institution type. A `role`/`organisationType` label is used even for viewers who may see the name field.
 */
export const PROFILE_LABELS = ['name', 'role', 'organisationType'] as const;
export type ProfileLabel = (typeof PROFILE_LABELS)[number];

export const PROFILE_LIMITS = {
  bioMax: 1000,
  phoneMax: 40,
  /** The directory's page size. */
  directoryPage: 20,
} as const;

/** The practitioner's own profile, every field present (GET/PUT /api/network/profile). */
export interface NetworkProfile {
  userId: string;
  name: string;
  role: string;
  organisationType: OrganisationType;
  organisationName: string;
  country: CountryCode;
  region: string;
  languages: PracticeLanguage[];
  expertise: PracticeTheme[];
  bio: string;
  /** E.164-ish: digits, spaces, +, -, ( ) */
  phone: string;
  /** Contact e-mail shown to others (may differ from the sign-in e-mail). */
  email: string;
  label: ProfileLabel;
  visibility: Record<ProfileField, FieldVisibility>;
  updatedAt: string;
  version: number;
}

/** PUT /api/network/profile: every property optional; `version` required (409 when stale). */
export interface UpdateNetworkProfileRequest {
  name?: string;
  role?: string;
  organisationType?: OrganisationType;
  organisationName?: string;
  country?: CountryCode;
  region?: string;
  languages?: PracticeLanguage[];
  expertise?: PracticeTheme[];
  bio?: string;
  phone?: string;
  email?: string;
  label?: ProfileLabel;
  visibility?: Partial<Record<ProfileField, FieldVisibility>>;
  version: number;
}

/**
 * One person in the directory as one viewer may see them. A field the viewer may not see is ABSENT (the key is not
 * in the JSON), never null or empty. Contact fields never appear here: `contactFields` lists those the viewer may
 * reveal through POST …/directory/:userId/contact (absent ones are hidden from this viewer).
 */
export interface DirectoryEntry {
  userId: string;
  /** What to call the person: their name, or their role / institution type when they chose so or hide the name. */
  label: string;
  name?: string;
  role?: string;
  organisationType?: OrganisationType;
  organisationName?: string;
  country?: CountryCode;
  region?: string;
  languages?: PracticeLanguage[];
  expertise?: PracticeTheme[];
  bio?: string;
  contactFields: ContactField[];
}

/** GET /api/network/directory?q=&expertise=&country=&language=&organisationType=&page= (repeatable filters). */
export interface DirectoryResponse {
  entries: DirectoryEntry[];
  total: number;
  page: number;
  pageSize: number;
}

/** POST /api/network/directory/:userId/contact: only the contact fields the viewer may see; the view is logged. */
export interface ContactDetailsResponse {
  userId: string;
  phone?: string;
  email?: string;
  viewedAt: string;
}

/** One "who viewed my contact details" row (GET /api/network/profile/contact-views). */
export interface ContactViewRow {
  viewer: NetworkPersonRef;
  fields: ContactField[];
  viewedAt: string;
}

export interface ContactViewsResponse {
  views: ContactViewRow[];
}

/** POST /api/network/profile/erase: erasing is final; the words must be typed. */
export interface EraseAccountRequest {
  confirm: 'ERASE';
}

/** The label authored content keeps after its author erased their account. */
export const FORMER_MEMBER_LABEL = 'Former member';

/**
 * GET /api/network/profile/export: everything Kengash holds about the signed-in person, as JSON
 * (a download: `Content-Disposition: attachment`).
 */
export interface PersonalDataExport {
  exportedAt: string;
  account: Record<string, unknown>;
  profile: NetworkProfile | null;
  applications: NetworkApplicationView[];
  contactViewsOfMe: ContactViewRow[];
  contactViewsByMe: { subjectUserId: string; fields: ContactField[]; viewedAt: string }[];
  /** Other records naming the person (group memberships, RSVPs, notifications…), by kind. */
  other: Record<string, unknown[]>;
}

// ---------------------------------------------------------------------------------------------------------------
// Network life: announcements, events, statistics
// ---------------------------------------------------------------------------------------------------------------

export const ANNOUNCEMENT_LIMITS = { titleMax: 200, bodyMax: 5000 } as const;

/** POST /api/network/announcements (secretariat): English required, other UI languages optional. */
export interface CreateAnnouncementRequest {
  title: Partial<Record<Locale, string>> & { en: string };
  body: Partial<Record<Locale, string>> & { en: string };
}

export interface AnnouncementView {
  id: string;
  /** In the viewer's language (falls back to English). */
  title: string;
  body: string;
  locale: Locale;
  author: NetworkPersonRef | null;
  createdAt: string;
  /** How many people it was sent to (secretariat only). */
  recipients?: number;
}

export interface AnnouncementListResponse {
  announcements: AnnouncementView[];
}

/** Sessions are shown to their groups' members, or to the whole network (network events, open to practitioners). */
export const SESSION_AUDIENCES = ['groups', 'network'] as const;
export type SessionAudience = (typeof SESSION_AUDIENCES)[number];

/** Statistics cells with fewer people than this are suppressed (`count` absent, `suppressed: true`). */
export const STATISTICS_MIN_CELL = 5;

export interface StatisticsCell {
  key: string;
  /** Absent when suppressed. Never below `STATISTICS_MIN_CELL`. */
  count?: number;
  suppressed?: true;
}

/** GET /api/network/statistics: active members by country, expertise, and applications/acceptances by month. */
export interface NetworkStatistics {
  generatedAt: string;
  minCell: number;
  /** Active (accepted) members; suppressed when below the minimum. */
  members: StatisticsCell;
  byCountry: StatisticsCell[];
  byExpertise: StatisticsCell[];
  /** key = YYYY-MM (the last 12 months), applications received. */
  applicationsByMonth: StatisticsCell[];
  /** key = YYYY-MM, people accepted. */
  acceptedByMonth: StatisticsCell[];
}
