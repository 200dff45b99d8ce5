import { HttpClient, HttpParams, HttpResponse } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import {
  ActionItemListQuery,
  ActionItemListResponse,
  ActionItemView,
  AmendmentView,
  CreateActionItemRequest,
  DecideAmendmentRequest,
  DecisionRegisterResponse,
  DecisionStatus,
  MinutesCommentView,
  MinutesContent,
  MinutesDiffView,
  MinutesFace,
  MinutesView,
  ProposeAmendmentRequest,
  PublicMinutesView,
  SaveMinutesRequest,
  SetMinutesVisibilityRequest,
  SessionMinutesList,
  UpdateActionItemRequest,
} from '@kengash/contracts';
import { Observable } from 'rxjs';

export type MinutesExportFormat = 'pdf' | 'md';

export interface DecisionRegisterQuery {
  q?: string;
  groupId?: string;
  status?: DecisionStatus;
}

const id = (value: string) => encodeURIComponent(value);

function params(query: object): HttpParams {
  let result = new HttpParams();
  for (const [key, value] of Object.entries(query) as [string, unknown][]) {
    if (value === undefined || value === null || value === '') continue;
    result = result.set(key, String(value));
  }
  return result;
}

/** REST side of minutes, the decisions register and action items. */
@Injectable({ providedIn: 'root' })
export class MinutesApiService {
  private readonly http = inject(HttpClient);

  /** `GET /api/sessions/:id/minutes`: the session's documents and whether I may start one. */
  sessionMinutes(sessionId: string): Observable<SessionMinutesList> {
    return this.http.get<SessionMinutesList>(`/api/sessions/${id(sessionId)}/minutes`);
  }

  /** `POST /api/sessions/:id/minutes`: start a document by hand (409 when one of that face is open). */
  create(sessionId: string, face: MinutesFace): Observable<MinutesView> {
    return this.http.post<MinutesView>(`/api/sessions/${id(sessionId)}/minutes`, { face });
  }

  get(minutesId: string): Observable<MinutesView> {
    return this.http.get<MinutesView>(`/api/minutes/${id(minutesId)}`);
  }

  /** `PUT /api/minutes/:id/visibility`: who reads a public summary once approved (signed-in people, or anyone). */
  setVisibility(minutesId: string, visibility: SetMinutesVisibilityRequest['visibility']): Observable<MinutesView> {
    const body: SetMinutesVisibilityRequest = { visibility };
    return this.http.put<MinutesView>(`/api/minutes/${id(minutesId)}/visibility`, body);
  }

  /** `GET /api/public/minutes/:id` (no account needed): an approved public summary opened to anyone. */
  publicMinutes(minutesId: string): Observable<PublicMinutesView> {
    return this.http.get<PublicMinutesView>(`/api/public/minutes/${id(minutesId)}`);
  }

  /** `PUT /api/minutes/:id`: a new version; 409 (with `details.current`) when `baseVersion` is stale. */
  save(minutesId: string, baseVersion: number, content: MinutesContent, note?: string): Observable<MinutesView> {
    const body: SaveMinutesRequest = { baseVersion, content, ...(note ? { note } : {}) };
    return this.http.put<MinutesView>(`/api/minutes/${id(minutesId)}`, body);
  }

  circulate(minutesId: string): Observable<MinutesView> {
    return this.http.post<MinutesView>(`/api/minutes/${id(minutesId)}/circulate`, {});
  }

  approve(minutesId: string): Observable<MinutesView> {
    return this.http.post<MinutesView>(`/api/minutes/${id(minutesId)}/approve`, {});
  }

  /** `POST /api/minutes/:id/corrections`: a new draft correcting approved minutes. */
  startCorrection(minutesId: string): Observable<MinutesView> {
    return this.http.post<MinutesView>(`/api/minutes/${id(minutesId)}/corrections`, {});
  }

  version(minutesId: string, n: number): Observable<MinutesContent> {
    return this.http.get<MinutesContent>(`/api/minutes/${id(minutesId)}/versions/${n}`);
  }

  diff(minutesId: string, from: number, to: number): Observable<MinutesDiffView> {
    return this.http.get<MinutesDiffView>(`/api/minutes/${id(minutesId)}/diff`, { params: params({ from, to }) });
  }

  amendments(minutesId: string): Observable<AmendmentView[]> {
    return this.http.get<AmendmentView[]>(`/api/minutes/${id(minutesId)}/amendments`);
  }

  propose(minutesId: string, request: ProposeAmendmentRequest): Observable<AmendmentView> {
    return this.http.post<AmendmentView>(`/api/minutes/${id(minutesId)}/amendments`, request);
  }

  decide(minutesId: string, amendmentId: string, request: DecideAmendmentRequest): Observable<AmendmentView> {
    return this.http.post<AmendmentView>(
      `/api/minutes/${id(minutesId)}/amendments/${id(amendmentId)}/decision`,
      request,
    );
  }

  comments(minutesId: string): Observable<MinutesCommentView[]> {
    return this.http.get<MinutesCommentView[]>(`/api/minutes/${id(minutesId)}/comments`);
  }

  comment(minutesId: string, body: string, itemKey?: string | null): Observable<MinutesCommentView> {
    return this.http.post<MinutesCommentView>(`/api/minutes/${id(minutesId)}/comments`, {
      body,
      ...(itemKey ? { itemKey } : {}),
    });
  }

  /** The address of the export. */
  exportUrl(minutesId: string, format: MinutesExportFormat, locale: string): string {
    return `/api/minutes/${id(minutesId)}/export?format=${format}&locale=${locale === 'ru' ? 'ru' : 'en'}`;
  }

  /** `GET /api/minutes/:id/export`: the file (fetched with the access token, then saved by the page). */
  exportFile(minutesId: string, format: MinutesExportFormat, locale: string): Observable<HttpResponse<Blob>> {
    return this.http.get(this.exportUrl(minutesId, format, locale), { responseType: 'blob', observe: 'response' });
  }

  /** `GET /api/decisions`: the decisions register. */
  decisions(query: DecisionRegisterQuery = {}): Observable<DecisionRegisterResponse> {
    return this.http.get<DecisionRegisterResponse>('/api/decisions', { params: params(query) });
  }

  /** `GET /api/actions`. */
  actions(query: ActionItemListQuery = {}): Observable<ActionItemListResponse> {
    return this.http.get<ActionItemListResponse>('/api/actions', { params: params(query) });
  }

  /** `POST /api/actions` (201; 400/422 with field errors; chairs, co-chairs, rapporteurs, secretariat). */
  createAction(request: CreateActionItemRequest): Observable<ActionItemView> {
    return this.http.post<ActionItemView>('/api/actions', request);
  }

  /** `PATCH /api/actions/:id` (409 with the current item when `version` is stale). */
  updateAction(actionId: string, request: UpdateActionItemRequest): Observable<ActionItemView> {
    return this.http.patch<ActionItemView>(`/api/actions/${id(actionId)}`, request);
  }
}
