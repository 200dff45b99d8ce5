import type { GroupRole } from './identity';
import { LocalizedText } from './locale';

/** Published working-group themes of the council (product brief §1). */
export enum WorkingGroupTheme {
  Accountability = 'accountability',
  PsychosocialSupport = 'psychosocial_support',
  CounteringNarratives = 'countering_narratives',
  CivilSociety = 'civil_society',
}

export const WORKING_GROUP_THEMES: readonly WorkingGroupTheme[] = Object.values(WorkingGroupTheme);

/** The five countries of the council, ISO 3166-1 alpha-2. */
export enum CountryCode {
  Kazakhstan = 'KZ',
  Kyrgyzstan = 'KG',
  Tajikistan = 'TJ',
  Turkmenistan = 'TM',
  Uzbekistan = 'UZ',
}

export interface CouncilSummary {
  id: string;
  name: LocalizedText;
  /** True while the shipped demo data is loaded: screens say so. */
  demo: boolean;
}

/** A working group as listed on the home page; public information. */
export interface WorkingGroupSummary {
  id: string;
  slug: string;
  name: LocalizedText;
  theme: WorkingGroupTheme;
  mandate: LocalizedText;
  periodStart: string; // ISO date, yyyy-mm-dd
  periodEnd: string; // ISO date, yyyy-mm-dd
  memberCount: number;
  /** Countries its members come from, sorted. */
  countries: CountryCode[];
}

export interface WorkingGroupListResponse {
  council: CouncilSummary;
  groups: WorkingGroupSummary[];
}

// ---- council settings (issue: council, working groups and work plans) ---------------------------------

export const COUNCIL_COUNTRIES: readonly CountryCode[] = [
  CountryCode.Kazakhstan,
  CountryCode.Kyrgyzstan,
  CountryCode.Tajikistan,
  CountryCode.Turkmenistan,
  CountryCode.Uzbekistan,
];

/** Which country chairs the council, for which period (e.g. Kazakhstan, 2025). */
export interface Chairmanship {
  country: CountryCode;
  periodStart: string; // yyyy-mm-dd
  periodEnd: string; // yyyy-mm-dd
}

/** GET /api/council */
export interface CouncilSettings {
  id: string;
  name: LocalizedText;
  defaultTimeZone: string;
  memberCountries: CountryCode[];
  chairmanships: Chairmanship[];
  /** The chairmanship whose period includes today, if any. */
  currentChair: Chairmanship | null;
  demo: boolean;
}

/** PATCH /api/council (secretariat) */
export interface UpdateCouncilRequest {
  name?: LocalizedText;
  defaultTimeZone?: string;
  memberCountries?: CountryCode[];
  chairmanships?: Chairmanship[];
}

/** council: every signed-in council participant may read it; restricted: only its members and the secretariat. */
export enum GroupVisibility {
  Council = 'council',
  Restricted = 'restricted',
}

/** POST /api/council/groups (secretariat) */
export interface CreateWorkingGroupRequest {
  slug: string;
  name: LocalizedText;
  mandate: LocalizedText;
  theme: WorkingGroupTheme;
  periodStart: string;
  periodEnd: string;
  visibility: GroupVisibility;
}

/** PATCH /api/council/groups/:groupId (secretariat) */
export type UpdateWorkingGroupRequest = Partial<Omit<CreateWorkingGroupRequest, 'slug'>>;

/** A working group as its detail page shows it (GET /api/council/groups/:slug). */
export interface WorkingGroupDetail extends WorkingGroupSummary {
  visibility: GroupVisibility;
  archivedAt: string | null;
  /** The caller's current role in the group, if any. */
  myRole: GroupRole | null;
  /** What the caller may do here (the API decides; the UI only shows or hides controls). */
  can: { editPlan: boolean; comment: boolean; manageMembers: boolean; manageGroup: boolean };
}

export interface GroupMember {
  membershipId: string;
  userId: string;
  /** Shown to those allowed; observers of a group see `organisation` only when a member keeps names private. */
  displayName: string;
  organisation: string | null;
  country: CountryCode | null;
  role: GroupRole;
  termStart: string;
  termEnd: string | null;
  current: boolean;
}

/** GET /api/council/groups/:groupId/members?history=true */
export interface GroupMembersResponse {
  current: GroupMember[];
  /** Past terms (only with `history=true`). */
  past: GroupMember[];
}

/** POST /api/council/groups/:groupId/members → 201 GroupMember */
export interface AddMembershipRequest {
  userId: string;
  role: GroupRole;
  termStart: string;
  termEnd?: string | null;
}

/** PATCH /api/council/groups/:groupId/members/:membershipId */
export interface UpdateMembershipRequest {
  role?: GroupRole;
  termEnd?: string | null;
}

/** POST /api/council/groups/:groupId/members/import — CSV with a header row: email,role,term_start,term_end */
export interface MemberImportRequest {
  csv: string;
}

export interface MemberImportResult {
  created: number;
  /** Rows already present with the same role and term: importing again changes nothing. */
  unchanged: number;
  rejected: { row: number; email: string | null; reason: string }[];
}

// ---- work plans -----------------------------------------------------------------------------------------

export enum WorkPlanItemStatus {
  Planned = 'planned',
  InProgress = 'in_progress',
  Done = 'done',
  Dropped = 'dropped',
}

export interface WorkPlanItem {
  id: string;
  planId: string;
  objective: string;
  deliverable: string;
  ownerId: string | null;
  ownerName: string | null;
  dueDate: string | null;
  status: WorkPlanItemStatus;
  /** 0–100 */
  progress: number;
  /** Groups this item belongs to (joint items have several). */
  groupIds: string[];
  sessionIds: string[];
  commentCount: number;
  /** Send back on update: a stale version answers 409 with the current item. */
  version: number;
  updatedAt: string;
  demo: boolean;
}

export interface WorkPlan {
  id: string;
  groupId: string;
  title: string;
  periodStart: string;
  periodEnd: string;
  items: WorkPlanItem[];
  demo: boolean;
}

/**
 * GET /api/council/groups/:groupId/work-plans: the group's own plans first, then plans of other groups that
 * share a joint item with it (holding only those items; their `groupId` is the owning group).
 */
export interface WorkPlanListResponse {
  plans: WorkPlan[];
}

/** POST /api/council/groups/:groupId/work-plans */
export interface CreateWorkPlanRequest {
  title: string;
  periodStart: string;
  periodEnd: string;
}

/** POST /api/council/work-plans/:planId/items */
export interface CreateWorkPlanItemRequest {
  objective: string;
  deliverable: string;
  ownerId?: string | null;
  dueDate?: string | null;
  status?: WorkPlanItemStatus;
  progress?: number;
  /** Other groups sharing this item (joint activity). */
  jointGroupIds?: string[];
  sessionIds?: string[];
}

/** PATCH /api/council/work-plan-items/:itemId — `version` is required. */
export interface UpdateWorkPlanItemRequest extends Partial<Omit<CreateWorkPlanItemRequest, 'jointGroupIds'>> {
  version: number;
}

export interface WorkPlanComment {
  id: string;
  itemId: string;
  authorId: string;
  authorName: string;
  body: string;
  createdAt: string;
}

/** GET /api/council/work-plan-items/:itemId/comments (oldest first) */
export interface WorkPlanCommentListResponse {
  items: WorkPlanComment[];
}

/** POST /api/council/work-plan-items/:itemId/comments */
export interface CreateCommentRequest {
  body: string;
}

// ---- dashboard --------------------------------------------------------------------------------------------

export interface DashboardGroup {
  groupId: string;
  slug: string;
  name: LocalizedText;
  /** Item counts by status, for the chart. */
  itemsByStatus: Record<WorkPlanItemStatus, number>;
  /** Mean progress of items that are not dropped, 0–100. */
  averageProgress: number;
  upcomingSessions: { id: string; title: string; startsAt: string; timeZone: string; format: string }[];
  /** Open action items (empty until minutes exist). */
  openActionItems: number;
  recentActivity: {
    at: string;
    kind: 'item_updated' | 'comment_added' | 'member_added' | 'member_removed';
    text: string;
  }[];
}

/** GET /api/council/dashboard: the groups the caller can see (all of them, side by side, for the secretariat). */
export interface DashboardResponse {
  groups: DashboardGroup[];
}
