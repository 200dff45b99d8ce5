import { HttpClient, HttpParams, HttpResponse } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import {
  AnnouncementListResponse,
  AnnouncementView,
  ApplicationDecisionRequest,
  ApplicationFormResponse,
  ApplicationStatus,
  ApplicationStatusChangeRequest,
  ApplicationStatusView,
  ContactDetailsResponse,
  ContactViewsResponse,
  CountryCode,
  CreateAnnouncementRequest,
  DirectoryResponse,
  EndorseApplicationRequest,
  EraseAccountRequest,
  NetworkApplicationListResponse,
  NetworkApplicationReceipt,
  NetworkApplicationRequest,
  NetworkApplicationView,
  NetworkProfile,
  NetworkStatistics,
  OrganisationType,
  PracticeLanguage,
  PracticeTheme,
  RevetDueRequest,
  UpdateNetworkProfileRequest,
} from '@kengash/contracts';
import { Observable } from 'rxjs';

export const NETWORK_API_ROOT = '/api/network';

/** The directory's search: every filter repeatable; `page` from 1. */
export interface DirectoryQuery {
  q?: string;
  expertise?: PracticeTheme[];
  country?: CountryCode[];
  language?: PracticeLanguage[];
  organisationType?: OrganisationType[];
  page?: number;
}

const id = (value: string) => encodeURIComponent(value);

/** `?q=…&expertise=a&expertise=b…`: empty values and page 1 left out. */
export function directoryParams(query: DirectoryQuery): HttpParams {
  let params = new HttpParams();
  const q = query.q?.trim();
  if (q) params = params.set('q', q);
  for (const key of ['expertise', 'country', 'language', 'organisationType'] as const) {
    for (const value of query[key] ?? []) params = params.append(key, value);
  }
  if (query.page && query.page > 1) params = params.set('page', String(query.page));
  return params;
}

/**
 * The REST side of the practitioners' network (`/api/network…`): the public application and status link, vetting,
 * the practitioner's profile and data rights, the directory, announcements and statistics.
 */
@Injectable({ providedIn: 'root' })
export class NetworkApiService {
  private readonly http = inject(HttpClient);

  // --- the public side --------------------------------------------------------------------------------------

  /** `GET /api/network/application-form`: a signed token (send back no sooner than `minSeconds`). */
  applicationForm(): Observable<ApplicationFormResponse> {
    return this.http.get<ApplicationFormResponse>(`${NETWORK_API_ROOT}/application-form`);
  }

  /** `POST /api/network/applications` (no account; 400 with field errors; 429 when too many). */
  apply(request: NetworkApplicationRequest): Observable<NetworkApplicationReceipt> {
    return this.http.post<NetworkApplicationReceipt>(`${NETWORK_API_ROOT}/applications`, request);
  }

  /** `GET /api/network/applications/status?token=`: the applicant's status link. */
  applicationStatus(token: string): Observable<ApplicationStatusView> {
    return this.http.get<ApplicationStatusView>(`${NETWORK_API_ROOT}/applications/status`, {
      params: new HttpParams().set('token', token),
    });
  }

  // --- vetting ----------------------------------------------------------------------------------------------

  /** `GET /api/network/applications?status=`: all for the secretariat, their country for a focal point. */
  applications(status?: ApplicationStatus | null): Observable<NetworkApplicationListResponse> {
    const params = status ? new HttpParams().set('status', status) : new HttpParams();
    return this.http.get<NetworkApplicationListResponse>(`${NETWORK_API_ROOT}/applications`, { params });
  }

  application(applicationId: string): Observable<NetworkApplicationView> {
    return this.http.get<NetworkApplicationView>(`${NETWORK_API_ROOT}/applications/${id(applicationId)}`);
  }

  endorse(applicationId: string, note?: string): Observable<NetworkApplicationView> {
    const body: EndorseApplicationRequest = note?.trim() ? { note: note.trim() } : {};
    return this.http.post<NetworkApplicationView>(
      `${NETWORK_API_ROOT}/applications/${id(applicationId)}/endorse`,
      body,
    );
  }

  /** Accept or reject, with a written reason (422 without one). */
  decide(applicationId: string, request: ApplicationDecisionRequest): Observable<NetworkApplicationView> {
    return this.http.post<NetworkApplicationView>(
      `${NETWORK_API_ROOT}/applications/${id(applicationId)}/decision`,
      request,
    );
  }

  /** `POST …/:id/suspend` or `…/:id/leave`. */
  changeStatus(applicationId: string, change: 'suspend' | 'leave', note?: string): Observable<NetworkApplicationView> {
    const body: ApplicationStatusChangeRequest = note?.trim() ? { note: note.trim() } : {};
    return this.http.post<NetworkApplicationView>(
      `${NETWORK_API_ROOT}/applications/${id(applicationId)}/${change}`,
      body,
    );
  }

  setRevetDue(applicationId: string, revetDue: string): Observable<NetworkApplicationView> {
    const body: RevetDueRequest = { revetDue };
    return this.http.put<NetworkApplicationView>(
      `${NETWORK_API_ROOT}/applications/${id(applicationId)}/revet-due`,
      body,
    );
  }

  // --- the practitioner's profile and data rights -----------------------------------------------------------

  profile(): Observable<NetworkProfile> {
    return this.http.get<NetworkProfile>(`${NETWORK_API_ROOT}/profile`);
  }

  /** `PUT /api/network/profile` with the version edited (409 when stale). */
  updateProfile(request: UpdateNetworkProfileRequest): Observable<NetworkProfile> {
    return this.http.put<NetworkProfile>(`${NETWORK_API_ROOT}/profile`, request);
  }

  /** "Who viewed my contact details". */
  contactViews(): Observable<ContactViewsResponse> {
    return this.http.get<ContactViewsResponse>(`${NETWORK_API_ROOT}/profile/contact-views`);
  }

  /** `GET /api/network/profile/export`: everything held about me, as a JSON file. */
  exportData(): Observable<HttpResponse<Blob>> {
    return this.http.get(`${NETWORK_API_ROOT}/profile/export`, { responseType: 'blob', observe: 'response' });
  }

  /** `POST /api/network/profile/erase`: final. */
  eraseAccount(): Observable<unknown> {
    const body: EraseAccountRequest = { confirm: 'ERASE' };
    return this.http.post(`${NETWORK_API_ROOT}/profile/erase`, body);
  }

  // --- the directory ----------------------------------------------------------------------------------------

  directory(query: DirectoryQuery): Observable<DirectoryResponse> {
    return this.http.get<DirectoryResponse>(`${NETWORK_API_ROOT}/directory`, { params: directoryParams(query) });
  }

  /** `POST /api/network/directory/:userId/contact`: the view is logged and shown to the person. */
  contactDetails(userId: string): Observable<ContactDetailsResponse> {
    return this.http.post<ContactDetailsResponse>(`${NETWORK_API_ROOT}/directory/${id(userId)}/contact`, {});
  }

  // --- network life -----------------------------------------------------------------------------------------

  announcements(): Observable<AnnouncementListResponse> {
    return this.http.get<AnnouncementListResponse>(`${NETWORK_API_ROOT}/announcements`);
  }

  announce(request: CreateAnnouncementRequest): Observable<AnnouncementView> {
    return this.http.post<AnnouncementView>(`${NETWORK_API_ROOT}/announcements`, request);
  }

  statistics(): Observable<NetworkStatistics> {
    return this.http.get<NetworkStatistics>(`${NETWORK_API_ROOT}/statistics`);
  }

  /** The statistics as CSV (secretariat; audited). */
  statisticsCsv(): Observable<HttpResponse<Blob>> {
    return this.http.get(`${NETWORK_API_ROOT}/statistics.csv`, { responseType: 'blob', observe: 'response' });
  }
}

/** The file name from `Content-Disposition`, or `fallback`. */
export function attachmentName(response: HttpResponse<unknown>, fallback: string): string {
  const header = response.headers.get('Content-Disposition') ?? '';
  const star = /filename\*=UTF-8''([^;]+)/i.exec(header);
  if (star) {
    try {
      return decodeURIComponent(star[1]);
    } catch {
      return fallback;
    }
  }
  const plain = /filename="?([^";]+)"?/i.exec(header);
  return plain ? plain[1] : fallback;
}
