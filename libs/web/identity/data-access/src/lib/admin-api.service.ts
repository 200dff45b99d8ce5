import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import {
  AdminUserListResponse,
  AdminUserSummary,
  AuditListResponse,
  InviteUserRequest,
  UpdateUserRequest,
  DevMailboxResponse,
} from '@kengash/contracts';
import { Observable } from 'rxjs';

export const ADMIN_API_ROOT = '/api/admin';

/** Filters of `GET /api/admin/audit`; empty values are left out of the query. */
export interface AuditQuery {
  action?: string;
  actorId?: string;
  /** ISO instant, inclusive. */
  from?: string;
  /** ISO instant, exclusive. */
  to?: string;
  /** The `nextCursor` of the previous page. */
  before?: string;
  limit?: number;
}

/** User administration (admin, secretariat) and the audit log (admin). */
@Injectable({ providedIn: 'root' })
export class AdminApiService {
  private readonly http = inject(HttpClient);

  /** `GET /api/admin/users`. */
  listUsers(): Observable<AdminUserListResponse> {
    return this.http.get<AdminUserListResponse>(`${ADMIN_API_ROOT}/users`);
  }

  /** `POST /api/admin/users/invitations` (201). */
  inviteUser(request: InviteUserRequest): Observable<AdminUserSummary> {
    return this.http.post<AdminUserSummary>(`${ADMIN_API_ROOT}/users/invitations`, request);
  }

  /** `PATCH /api/admin/users/:id`: role, status or country. */
  updateUser(id: string, request: UpdateUserRequest): Observable<AdminUserSummary> {
    return this.http.patch<AdminUserSummary>(`${ADMIN_API_ROOT}/users/${encodeURIComponent(id)}`, request);
  }

  /** `GET /api/dev/mailbox`: mail caught by the in-process SMTP catcher (404 when a real relay is set). */
  mailbox(): Observable<DevMailboxResponse> {
    return this.http.get<DevMailboxResponse>('/api/dev/mailbox');
  }

  /** `GET /api/admin/audit`: newest first, one page per call. */
  listAudit(query: AuditQuery = {}): Observable<AuditListResponse> {
    let params = new HttpParams();
    for (const [key, value] of Object.entries(query)) {
      if (value !== undefined && value !== null && value !== '') {
        params = params.set(key, String(value));
      }
    }
    return this.http.get<AuditListResponse>(`${ADMIN_API_ROOT}/audit`, { params });
  }
}
