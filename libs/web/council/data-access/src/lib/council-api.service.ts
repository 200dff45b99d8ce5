import { HttpClient, HttpErrorResponse, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import {
  CouncilSettings,
  CreateCommentRequest,
  CreateWorkingGroupRequest,
  CreateWorkPlanItemRequest,
  CreateWorkPlanRequest,
  DashboardResponse,
  ErrorCode,
  GroupMember,
  GroupMembersResponse,
  MemberImportResult,
  UpdateCouncilRequest,
  UpdateMembershipRequest,
  UpdateWorkingGroupRequest,
  UpdateWorkPlanItemRequest,
  WorkingGroupDetail,
  WorkingGroupListResponse,
  WorkPlan,
  WorkPlanComment,
  WorkPlanItem,
  WorkPlanListResponse,
  AddMembershipRequest,
  WorkPlanCommentListResponse,
} from '@kengash/contracts';
import { map, Observable } from 'rxjs';

/** Same-origin API root: the web build is served by the API, `/api` is proxied in dev. */
export const COUNCIL_API_ROOT = '/api/council';

const id = (value: string) => encodeURIComponent(value);

/** Typed HTTP access to the council endpoints; the shapes come from `@kengash/contracts`. */
@Injectable({ providedIn: 'root' })
export class CouncilApiService {
  private readonly http = inject(HttpClient);

  // ---- council -------------------------------------------------------------------------------

  /** `GET /api/council`: settings, including the current chairmanship (public). */
  getCouncil(): Observable<CouncilSettings> {
    return this.http.get<CouncilSettings>(COUNCIL_API_ROOT);
  }

  /** `PATCH /api/council` (secretariat, admin). */
  updateCouncil(request: UpdateCouncilRequest): Observable<CouncilSettings> {
    return this.http.patch<CouncilSettings>(COUNCIL_API_ROOT, request);
  }

  // ---- working groups --------------------------------------------------------------------------

  /**
   * `GET /api/council/groups`: the council and its working groups (public information);
   * `archived: true` adds the archived ones (secretariat).
   */
  listGroups(options: { archived?: boolean } = {}): Observable<WorkingGroupListResponse> {
    const params = options.archived ? new HttpParams().set('archived', 'true') : undefined;
    return this.http.get<WorkingGroupListResponse>(`${COUNCIL_API_ROOT}/groups`, params ? { params } : {});
  }

  /** `GET /api/council/groups/by-slug/:slug`: with the caller's role and permissions. */
  getGroupBySlug(slug: string): Observable<WorkingGroupDetail> {
    return this.http.get<WorkingGroupDetail>(`${COUNCIL_API_ROOT}/groups/by-slug/${id(slug)}`);
  }

  /** `POST /api/council/groups` (201, secretariat). */
  createGroup(request: CreateWorkingGroupRequest): Observable<WorkingGroupDetail> {
    return this.http.post<WorkingGroupDetail>(`${COUNCIL_API_ROOT}/groups`, request);
  }

  /** `PATCH /api/council/groups/:groupId` (secretariat). */
  updateGroup(groupId: string, request: UpdateWorkingGroupRequest): Observable<WorkingGroupDetail> {
    return this.http.patch<WorkingGroupDetail>(`${COUNCIL_API_ROOT}/groups/${id(groupId)}`, request);
  }

  /** `POST /api/council/groups/:groupId/archive` (secretariat). */
  archiveGroup(groupId: string): Observable<WorkingGroupDetail> {
    return this.http.post<WorkingGroupDetail>(`${COUNCIL_API_ROOT}/groups/${id(groupId)}/archive`, {});
  }

  // ---- members -------------------------------------------------------------------------------------

  /** `GET /api/council/groups/:groupId/members`, with past terms when `history` is true. */
  listMembers(groupId: string, history = false): Observable<GroupMembersResponse> {
    const params = history ? new HttpParams().set('history', 'true') : undefined;
    return this.http.get<GroupMembersResponse>(
      `${COUNCIL_API_ROOT}/groups/${id(groupId)}/members`,
      params ? { params } : {},
    );
  }

  /** `POST /api/council/groups/:groupId/members` (201). */
  addMember(groupId: string, request: AddMembershipRequest): Observable<GroupMember> {
    return this.http.post<GroupMember>(`${COUNCIL_API_ROOT}/groups/${id(groupId)}/members`, request);
  }

  /** `PATCH /api/council/groups/:groupId/members/:membershipId`: role or term end. */
  updateMembership(groupId: string, membershipId: string, request: UpdateMembershipRequest): Observable<GroupMember> {
    return this.http.patch<GroupMember>(
      `${COUNCIL_API_ROOT}/groups/${id(groupId)}/members/${id(membershipId)}`,
      request,
    );
  }

  /** `DELETE /api/council/groups/:groupId/members/:userId` (204): ends the current term. */
  removeMember(groupId: string, userId: string): Observable<void> {
    return this.http
      .delete(`${COUNCIL_API_ROOT}/groups/${id(groupId)}/members/${id(userId)}`)
      .pipe(map(() => undefined));
  }

  /** `POST /api/council/groups/:groupId/members/import`: CSV `email,role,term_start,term_end`. */
  importMembers(groupId: string, csv: string): Observable<MemberImportResult> {
    return this.http.post<MemberImportResult>(`${COUNCIL_API_ROOT}/groups/${id(groupId)}/members/import`, { csv });
  }

  // ---- work plans ----------------------------------------------------------------------------------

  /** `GET /api/council/groups/:groupId/work-plans`. */
  listWorkPlans(groupId: string): Observable<WorkPlanListResponse> {
    return this.http.get<WorkPlanListResponse>(`${COUNCIL_API_ROOT}/groups/${id(groupId)}/work-plans`);
  }

  /** `POST /api/council/groups/:groupId/work-plans` (201). */
  createWorkPlan(groupId: string, request: CreateWorkPlanRequest): Observable<WorkPlan> {
    return this.http.post<WorkPlan>(`${COUNCIL_API_ROOT}/groups/${id(groupId)}/work-plans`, request);
  }

  /** `POST /api/council/work-plans/:planId/items` (201). */
  createWorkPlanItem(planId: string, request: CreateWorkPlanItemRequest): Observable<WorkPlanItem> {
    return this.http.post<WorkPlanItem>(`${COUNCIL_API_ROOT}/work-plans/${id(planId)}/items`, request);
  }

  /**
   * `PATCH /api/council/work-plan-items/:itemId`. A stale `version` fails with 409: read the
   * current item with {@link conflictingItem}.
   */
  updateWorkPlanItem(itemId: string, request: UpdateWorkPlanItemRequest): Observable<WorkPlanItem> {
    return this.http.patch<WorkPlanItem>(`${COUNCIL_API_ROOT}/work-plan-items/${id(itemId)}`, request);
  }

  /** `DELETE /api/council/work-plan-items/:itemId` (204). */
  deleteWorkPlanItem(itemId: string): Observable<void> {
    return this.http.delete(`${COUNCIL_API_ROOT}/work-plan-items/${id(itemId)}`).pipe(map(() => undefined));
  }

  /** `GET /api/council/work-plan-items/:itemId/comments`, oldest first. */
  listComments(itemId: string): Observable<WorkPlanComment[]> {
    return this.http
      .get<WorkPlanCommentListResponse>(`${COUNCIL_API_ROOT}/work-plan-items/${id(itemId)}/comments`)
      .pipe(map((response) => response.items));
  }

  /** `POST /api/council/work-plan-items/:itemId/comments` (201). */
  addComment(itemId: string, request: CreateCommentRequest): Observable<WorkPlanComment> {
    return this.http.post<WorkPlanComment>(`${COUNCIL_API_ROOT}/work-plan-items/${id(itemId)}/comments`, request);
  }

  // ---- dashboard ------------------------------------------------------------------------------------

  /** `GET /api/council/dashboard` (signed in): the groups the caller can see. */
  getDashboard(): Observable<DashboardResponse> {
    return this.http.get<DashboardResponse>(`${COUNCIL_API_ROOT}/dashboard`);
  }
}

/**
 * The item as it is now on the server, when `error` is the 409 of an update with a stale
 * version (`{ code: 'CONFLICT', details: { current } }`); otherwise null.
 */
export function conflictingItem(error: unknown): WorkPlanItem | null {
  if (!(error instanceof HttpErrorResponse) || error.status !== 409) {
    return null;
  }
  const body: unknown = error.error;
  if (typeof body !== 'object' || body === null || !('code' in body) || body.code !== ErrorCode.Conflict) {
    return null;
  }
  const details: unknown = 'details' in body ? body.details : null;
  if (typeof details !== 'object' || details === null || !('current' in details)) {
    return null;
  }
  const current: unknown = details.current;
  return typeof current === 'object' && current !== null && 'id' in current && 'version' in current
    ? (current as WorkPlanItem)
    : null;
}
