import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import {
  CalendarResponse,
  CancelOccurrenceRequest,
  ConflictView,
  CreateSessionRequest,
  MoveOccurrenceRequest,
  RsvpByTokenResponse,
  RsvpRequest,
  SessionView,
  SlotFinderRequest,
  SlotFinderResponse,
  UpdateSessionRequest,
} from '@kengash/contracts';
import { Observable } from 'rxjs';

export const SESSIONS_API_ROOT = '/api/sessions';

const id = (value: string) => encodeURIComponent(value);

/** Typed HTTP access to the scheduling endpoints; the shapes come from `@kengash/contracts`. */
@Injectable({ providedIn: 'root' })
export class SessionsApiService {
  private readonly http = inject(HttpClient);

  /** `GET /api/sessions/calendar?from&to[&groupId]`: my invitations, or a group's sessions. */
  calendar(from: Date | string, to: Date | string, groupId?: string | null): Observable<CalendarResponse> {
    let params = new HttpParams()
      .set('from', typeof from === 'string' ? from : from.toISOString())
      .set('to', typeof to === 'string' ? to : to.toISOString());
    if (groupId) {
      params = params.set('groupId', groupId);
    }
    return this.http.get<CalendarResponse>(`${SESSIONS_API_ROOT}/calendar`, { params });
  }

  /** `GET /api/sessions/:id/occurrences?from&to`: one session's dates (a series' moved and cancelled ones marked). */
  occurrences(sessionId: string, from: Date | string, to: Date | string): Observable<CalendarResponse> {
    const params = new HttpParams()
      .set('from', typeof from === 'string' ? from : from.toISOString())
      .set('to', typeof to === 'string' ? to : to.toISOString());
    return this.http.get<CalendarResponse>(`${SESSIONS_API_ROOT}/${id(sessionId)}/occurrences`, { params });
  }

  /** `POST /api/sessions` (201): chairs of every named group, or the secretariat. */
  create(request: CreateSessionRequest): Observable<SessionView> {
    return this.http.post<SessionView>(SESSIONS_API_ROOT, request);
  }

  /** `GET /api/sessions/:id`. */
  get(sessionId: string): Observable<SessionView> {
    return this.http.get<SessionView>(`${SESSIONS_API_ROOT}/${id(sessionId)}`);
  }

  /** `PATCH /api/sessions/:id`: a new time or place increments `sequence` and re-sends invitations. */
  update(sessionId: string, request: UpdateSessionRequest): Observable<SessionView> {
    return this.http.patch<SessionView>(`${SESSIONS_API_ROOT}/${id(sessionId)}`, request);
  }

  /** `POST /api/sessions/:id/cancel`: the whole session or series. */
  cancel(sessionId: string): Observable<SessionView> {
    return this.http.post<SessionView>(`${SESSIONS_API_ROOT}/${id(sessionId)}/cancel`, {});
  }

  /** `POST /api/sessions/:id/occurrences/cancel`: one occurrence of a series. */
  cancelOccurrence(sessionId: string, request: CancelOccurrenceRequest): Observable<SessionView> {
    return this.http.post<SessionView>(`${SESSIONS_API_ROOT}/${id(sessionId)}/occurrences/cancel`, request);
  }

  /** `POST /api/sessions/:id/occurrences/move`: one occurrence of a series to another time. */
  moveOccurrence(sessionId: string, request: MoveOccurrenceRequest): Observable<SessionView> {
    return this.http.post<SessionView>(`${SESSIONS_API_ROOT}/${id(sessionId)}/occurrences/move`, request);
  }

  /** `POST /api/sessions/:id/rsvp`: accept, decline or answer tentatively. */
  rsvp(sessionId: string, request: RsvpRequest): Observable<SessionView> {
    return this.http.post<SessionView>(`${SESSIONS_API_ROOT}/${id(sessionId)}/rsvp`, request);
  }

  /** `POST /api/rsvp/:token` (public): the answer from the e-mailed link. */
  rsvpByToken(token: string, request: RsvpRequest): Observable<RsvpByTokenResponse> {
    return this.http.post<RsvpByTokenResponse>(`/api/rsvp/${id(token)}`, request);
  }

  /** `GET /api/sessions/:id/conflicts`: invitees who already have another session then. */
  conflicts(sessionId: string): Observable<ConflictView[]> {
    return this.http.get<ConflictView[]>(`${SESSIONS_API_ROOT}/${id(sessionId)}/conflicts`);
  }

  /** `POST /api/sessions/slots`: ranked slots inside everyone's working hours. */
  findSlots(request: SlotFinderRequest): Observable<SlotFinderResponse> {
    return this.http.post<SlotFinderResponse>(`${SESSIONS_API_ROOT}/slots`, request);
  }

  /** `GET /api/sessions/:id/ics`: the iCalendar file, fetched with the access token (the interceptor adds it). */
  ics(sessionId: string): Observable<Blob> {
    return this.http.get(`${SESSIONS_API_ROOT}/${id(sessionId)}/ics`, { responseType: 'blob' });
  }
}
