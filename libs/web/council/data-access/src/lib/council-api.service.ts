import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { WorkingGroupListResponse } from '@kengash/contracts';
import { Observable } from 'rxjs';

/** Same-origin API root: the web build is served by the API, `/api` is proxied in dev. */
export const COUNCIL_API_ROOT = '/api/council';

/** Typed HTTP access to the council endpoints; the shapes come from `@kengash/contracts`. */
@Injectable({ providedIn: 'root' })
export class CouncilApiService {
  private readonly http = inject(HttpClient);

  /** `GET /api/council/groups`: the council and its working groups (public information). */
  listGroups(): Observable<WorkingGroupListResponse> {
    return this.http.get<WorkingGroupListResponse>(`${COUNCIL_API_ROOT}/groups`);
  }
}
