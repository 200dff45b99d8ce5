import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import {
  LiveMeetingListResponse,
  MinutesDraftView,
  MinutesForApprovalResponse,
  OpenActionsResponse,
} from '@kengash/contracts';
import { Observable } from 'rxjs';

/** REST side of live meetings. */
@Injectable({ providedIn: 'root' })
export class LiveMeetingApiService {
  private readonly http = inject(HttpClient);

  /** `GET /api/live/meetings` (signed in): the meetings I may join — live now first, then by start, within a week. */
  myMeetings(): Observable<LiveMeetingListResponse> {
    return this.http.get<LiveMeetingListResponse>('/api/live/meetings');
  }

  /** `GET /api/sessions/:id/minutes-draft`: the draft frozen when the meeting ended. */
  minutesDraft(sessionId: string): Observable<MinutesDraftView> {
    return this.http.get<MinutesDraftView>(`/api/sessions/${encodeURIComponent(sessionId)}/minutes-draft`);
  }

  /**
   * `GET /api/sessions/:id/open-actions`: the agenda section "Open action items (carried over)" (members and
   * the secretariat; observers 403).
   */
  openActions(sessionId: string): Observable<OpenActionsResponse> {
    return this.http.get<OpenActionsResponse>(`/api/sessions/${encodeURIComponent(sessionId)}/open-actions`);
  }

  /** `GET /api/sessions/:id/minutes-for-approval`: circulated minutes this session's meeting may approve by a vote. */
  minutesForApproval(sessionId: string): Observable<MinutesForApprovalResponse> {
    return this.http.get<MinutesForApprovalResponse>(
      `/api/sessions/${encodeURIComponent(sessionId)}/minutes-for-approval`,
    );
  }
}
