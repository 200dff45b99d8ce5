import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { NotificationListResponse, NotificationPreferences } from '@kengash/contracts';
import { map, Observable } from 'rxjs';

export const NOTIFICATIONS_API_ROOT = '/api/notifications';

/** In-app notifications and the signed-in person's notification preferences. */
@Injectable({ providedIn: 'root' })
export class NotificationsApiService {
  private readonly http = inject(HttpClient);

  /** `GET /api/notifications[?unread=true][&limit=]`: newest first, with the unread count. */
  list(options: { unread?: boolean; limit?: number } = {}): Observable<NotificationListResponse> {
    let params = new HttpParams();
    if (options.unread) {
      params = params.set('unread', 'true');
    }
    if (options.limit !== undefined) {
      params = params.set('limit', String(options.limit));
    }
    return this.http.get<NotificationListResponse>(NOTIFICATIONS_API_ROOT, { params });
  }

  /** `POST /api/notifications/:id/read` (204). */
  markRead(id: string): Observable<void> {
    return this.http.post(`${NOTIFICATIONS_API_ROOT}/${encodeURIComponent(id)}/read`, null).pipe(map(() => undefined));
  }

  /** `POST /api/notifications/read-all` (204). */
  markAllRead(): Observable<void> {
    return this.http.post(`${NOTIFICATIONS_API_ROOT}/read-all`, null).pipe(map(() => undefined));
  }

  /** `GET /api/me/notification-preferences`. */
  getPreferences(): Observable<NotificationPreferences> {
    return this.http.get<NotificationPreferences>('/api/me/notification-preferences');
  }

  /** `PUT /api/me/notification-preferences`: the whole set; answers the stored preferences. */
  savePreferences(preferences: NotificationPreferences): Observable<NotificationPreferences> {
    return this.http.put<NotificationPreferences>('/api/me/notification-preferences', preferences);
  }
}
