import {
  HttpBackend,
  HttpClient,
  HttpEvent,
  HttpEventType,
  HttpParams,
  HttpResponse,
  HttpXhrBackend,
  provideHttpClient,
  withInterceptors,
} from '@angular/common/http';
import { createEnvironmentInjector, EnvironmentInjector, inject, Injectable, InjectionToken } from '@angular/core';
import {
  AssignReviewersRequest,
  ATTACHMENT_FIELD,
  PracticeAttachmentView,
  PracticeCommentRequest,
  PracticeCommentView,
  PracticeInput,
  PracticeQueueResponse,
  PracticeSearchQuery,
  PracticeSearchResponse,
  PracticeView,
  PracticeVisibility,
  PublishPracticeRequest,
  ReturnPracticeRequest,
  ReviewerCandidatesResponse,
  UpdatePracticeRequest,
} from '@kengash/contracts';
import { authInterceptor } from '@kengash/web-identity-data-access';
import { filter, map, Observable } from 'rxjs';

export const PRACTICES_API_ROOT = '/api/practices';

/**
 * An HttpClient on XMLHttpRequest, for uploads: the app's client runs on `fetch` (`withFetch()`), which reports no
 * upload progress. Same interceptors as the app (the access token, one refresh on a 401).
 */
export const PRACTICE_UPLOAD_HTTP = new InjectionToken<HttpClient>('PRACTICE_UPLOAD_HTTP', {
  providedIn: 'root',
  factory: () =>
    createEnvironmentInjector(
      [
        provideHttpClient(withInterceptors([authInterceptor])),
        { provide: HttpBackend, useFactory: () => inject(HttpXhrBackend) },
      ],
      inject(EnvironmentInjector),
    ).get(HttpClient),
});

/** What an upload reports: progress while the file goes up, then the stored attachment. */
export type UploadEvent =
  | { kind: 'progress'; loaded: number; total: number | null; percent: number | null }
  | { kind: 'done'; attachment: PracticeAttachmentView };

/** `PUT`/`DELETE /api/practices/:id/endorsement`. */
export interface EndorsementState {
  endorsements: number;
  endorsedByMe: boolean;
}

const id = (value: string) => encodeURIComponent(value);

function searchParams(query: PracticeSearchQuery): HttpParams {
  let params = new HttpParams();
  for (const [key, value] of Object.entries(query) as [string, unknown][]) {
    if (value === undefined || value === null || value === '') continue;
    if (key === 'page' && value === 1) continue;
    params = params.set(key, String(value));
  }
  return params;
}

/** The REST side of the best-practice library (`/api/practices…`). */
@Injectable({ providedIn: 'root' })
export class PracticesApiService {
  private readonly http = inject(HttpClient);
  private readonly uploadHttp = inject(PRACTICE_UPLOAD_HTTP);

  /**
   * `GET /api/practices`: the published entries the caller may read, with facets. `language` (the reader's UI
   * language) goes as `Accept-Language`: the API shows that translation when no query picks one.
   */
  search(query: PracticeSearchQuery, language: string): Observable<PracticeSearchResponse> {
    return this.http.get<PracticeSearchResponse>(PRACTICES_API_ROOT, {
      params: searchParams(query),
      headers: { 'Accept-Language': language },
    });
  }

  /** `GET /api/practices/review-queue`: entries in review assigned to me (all of them for the secretariat). */
  reviewQueue(): Observable<PracticeQueueResponse> {
    return this.http.get<PracticeQueueResponse>(`${PRACTICES_API_ROOT}/review-queue`);
  }

  /** `GET /api/practices/:id` (404 when the caller may not read it). */
  get(practiceId: string): Observable<PracticeView> {
    return this.http.get<PracticeView>(`${PRACTICES_API_ROOT}/${id(practiceId)}`);
  }

  /** `POST /api/practices`: a new draft (400 with field errors such as `translations.1.title`). */
  create(input: PracticeInput): Observable<PracticeView> {
    return this.http.post<PracticeView>(PRACTICES_API_ROOT, input);
  }

  /** `PUT /api/practices/:id`: the whole entry with the version edited (409 with `details.current` when stale). */
  update(practiceId: string, version: number, input: PracticeInput): Observable<PracticeView> {
    const body: UpdatePracticeRequest = { ...input, version };
    return this.http.put<PracticeView>(`${PRACTICES_API_ROOT}/${id(practiceId)}`, body);
  }

  /**
   * `GET /api/practices/reviewer-candidates?q=`: people who may review (active council members, focal points, the
   * secretariat) by name or organisation, at most 20; for the secretariat and group chairs (403 for others).
   */
  reviewerCandidates(q: string): Observable<ReviewerCandidatesResponse> {
    return this.http.get<ReviewerCandidatesResponse>(`${PRACTICES_API_ROOT}/reviewer-candidates`, {
      params: new HttpParams().set('q', q.trim()),
    });
  }

  submit(practiceId: string): Observable<PracticeView> {
    return this.http.post<PracticeView>(`${PRACTICES_API_ROOT}/${id(practiceId)}/submit`, {});
  }

  assignReviewers(practiceId: string, reviewerIds: string[]): Observable<PracticeView> {
    const body: AssignReviewersRequest = { reviewerIds };
    return this.http.put<PracticeView>(`${PRACTICES_API_ROOT}/${id(practiceId)}/reviewers`, body);
  }

  publish(practiceId: string, visibility: PracticeVisibility, note?: string): Observable<PracticeView> {
    const body: PublishPracticeRequest = { visibility, ...(note ? { note } : {}) };
    return this.http.post<PracticeView>(`${PRACTICES_API_ROOT}/${id(practiceId)}/publish`, body);
  }

  /** `POST /api/practices/:id/return`: back to draft with a review comment for the author. */
  returnToAuthor(practiceId: string, note: string): Observable<PracticeView> {
    const body: ReturnPracticeRequest = { note };
    return this.http.post<PracticeView>(`${PRACTICES_API_ROOT}/${id(practiceId)}/return`, body);
  }

  archive(practiceId: string): Observable<PracticeView> {
    return this.http.post<PracticeView>(`${PRACTICES_API_ROOT}/${id(practiceId)}/archive`, {});
  }

  comments(practiceId: string): Observable<PracticeCommentView[]> {
    return this.http.get<PracticeCommentView[]>(`${PRACTICES_API_ROOT}/${id(practiceId)}/comments`);
  }

  comment(practiceId: string, text: string): Observable<PracticeCommentView> {
    const body: PracticeCommentRequest = { body: text };
    return this.http.post<PracticeCommentView>(`${PRACTICES_API_ROOT}/${id(practiceId)}/comments`, body);
  }

  /** "I used this in my work": `PUT` to endorse, `DELETE` to take it back. */
  endorse(practiceId: string, on: boolean): Observable<EndorsementState> {
    const url = `${PRACTICES_API_ROOT}/${id(practiceId)}/endorsement`;
    return on ? this.http.put<EndorsementState>(url, {}) : this.http.delete<EndorsementState>(url);
  }

  attachmentUrl(practiceId: string, attachmentId: string): string {
    return `${PRACTICES_API_ROOT}/${id(practiceId)}/attachments/${id(attachmentId)}`;
  }

  /** `GET /api/practices/:id/attachments/:attachmentId`: the file, fetched with the access token. */
  downloadAttachment(practiceId: string, attachmentId: string): Observable<HttpResponse<Blob>> {
    return this.http.get(this.attachmentUrl(practiceId, attachmentId), { responseType: 'blob', observe: 'response' });
  }

  deleteAttachment(practiceId: string, attachmentId: string): Observable<void> {
    return this.http.delete<void>(this.attachmentUrl(practiceId, attachmentId));
  }

  /**
   * `POST /api/practices/:id/attachments` (multipart, one field `file`), with progress. The API answers 413 when
   * the file is too large and 415 or 400 when its type is not accepted.
   */
  upload(practiceId: string, file: File): Observable<UploadEvent> {
    const form = new FormData();
    form.append(ATTACHMENT_FIELD, file, file.name);
    return this.uploadHttp
      .post<PracticeAttachmentView>(`${PRACTICES_API_ROOT}/${id(practiceId)}/attachments`, form, {
        reportProgress: true,
        observe: 'events',
      })
      .pipe(
        map((event: HttpEvent<PracticeAttachmentView>): UploadEvent | null => {
          if (event.type === HttpEventType.UploadProgress) {
            const total = event.total ?? null;
            return {
              kind: 'progress',
              loaded: event.loaded,
              total,
              percent: total ? Math.min(100, Math.round((event.loaded / total) * 100)) : null,
            };
          }
          if (event.type === HttpEventType.Response && event.body) return { kind: 'done', attachment: event.body };
          return null;
        }),
        filter((event): event is UploadEvent => event !== null),
      );
  }
}
