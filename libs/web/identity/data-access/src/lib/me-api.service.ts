import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import {
  CalendarFeedResponse,
  ChangePasswordRequest,
  CurrentUser,
  RecoveryCodesResponse,
  TotpEnrolmentResponse,
  UpdateProfileRequest,
} from '@kengash/contracts';
import { map, Observable, tap } from 'rxjs';
import { AuthService } from './auth.service';

export const ME_API_ROOT = '/api/me';

/** The signed-in person's own account: profile, password, 2FA. Keeps `AuthService.user` current. */
@Injectable({ providedIn: 'root' })
export class MeApiService {
  private readonly http = inject(HttpClient);
  private readonly auth = inject(AuthService);

  /** `GET /api/me`. */
  getMe(): Observable<CurrentUser> {
    return this.http.get<CurrentUser>(ME_API_ROOT).pipe(tap((user) => this.auth.setUser(user)));
  }

  /** `PATCH /api/me`. */
  updateProfile(request: UpdateProfileRequest): Observable<CurrentUser> {
    return this.http.patch<CurrentUser>(ME_API_ROOT, request).pipe(tap((user) => this.auth.setUser(user)));
  }

  /** `POST /api/me/password` (204). */
  changePassword(request: ChangePasswordRequest): Observable<void> {
    return this.http.post<void>(`${ME_API_ROOT}/password`, request);
  }

  /** `POST /api/me/totp/enrol`: a new secret, inactive until confirmed. */
  enrolTotp(): Observable<TotpEnrolmentResponse> {
    return this.http.post<TotpEnrolmentResponse>(`${ME_API_ROOT}/totp/enrol`, null);
  }

  /** `POST /api/me/totp/confirm`: activates 2FA and returns the recovery codes (shown once). */
  confirmTotp(code: string): Observable<RecoveryCodesResponse> {
    return this.http.post<RecoveryCodesResponse>(`${ME_API_ROOT}/totp/confirm`, { code });
  }

  /** `DELETE /api/me/totp` with a current code (204). */
  disableTotp(code: string): Observable<void> {
    return this.http.delete<void>(`${ME_API_ROOT}/totp`, { body: { code } });
  }

  /** `GET /api/me/calendar-feed`: whether a feed exists (its URL is only shown when it is made). */
  getCalendarFeed(): Observable<CalendarFeedResponse> {
    return this.http.get<CalendarFeedResponse>(`${ME_API_ROOT}/calendar-feed`);
  }

  /** `POST /api/me/calendar-feed`: a new feed URL; the old one stops working. */
  renewCalendarFeed(): Observable<CalendarFeedResponse> {
    return this.http.post<CalendarFeedResponse>(`${ME_API_ROOT}/calendar-feed`, null);
  }

  /** `DELETE /api/me/calendar-feed` (204): the feed URL answers 404 from now on. */
  revokeCalendarFeed(): Observable<void> {
    return this.http.delete(`${ME_API_ROOT}/calendar-feed`).pipe(map(() => undefined));
  }
}
