import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import {
  NotificationChannel,
  NotificationKind,
  NotificationListResponse,
  NotificationPreferences,
} from '@kengash/contracts';
import { MeApiService } from './me-api.service';
import { NotificationsApiService } from './notifications-api.service';

describe('NotificationsApiService', () => {
  let sut: NotificationsApiService;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    sut = TestBed.inject(NotificationsApiService);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('lists notifications, unread only and limited when asked', () => {
    const list: NotificationListResponse = { items: [], unread: 3 };
    let received: NotificationListResponse | undefined;
    sut.list({ unread: true, limit: 20 }).subscribe((value) => (received = value));

    const request = http.expectOne((r) => r.url === '/api/notifications');
    expect(request.request.method).toBe('GET');
    expect(request.request.params.get('unread')).toBe('true');
    expect(request.request.params.get('limit')).toBe('20');
    request.flush(list);
    expect(received).toEqual(list);

    sut.list().subscribe();
    expect(http.expectOne((r) => r.url === '/api/notifications').request.params.keys()).toEqual([]);
  });

  it('marks one or all notifications as read', () => {
    let done = false;
    sut.markRead('n/1').subscribe(() => (done = true));
    const one = http.expectOne('/api/notifications/n%2F1/read');
    expect(one.request.method).toBe('POST');
    one.flush(null, { status: 204, statusText: 'No Content' });
    expect(done).toBe(true);

    sut.markAllRead().subscribe();
    expect(http.expectOne('/api/notifications/read-all').request.method).toBe('POST');
  });

  it('reads and saves the preferences', () => {
    const prefs = {
      channels: {
        [NotificationKind.SessionChanged]: { [NotificationChannel.InApp]: true, [NotificationChannel.Email]: false },
      },
      dailyDigest: true,
      workingHours: { start: '09:00', end: '17:00' },
    } as NotificationPreferences;
    sut.getPreferences().subscribe();
    expect(http.expectOne('/api/me/notification-preferences').request.method).toBe('GET');

    sut.savePreferences(prefs).subscribe();
    const put = http.expectOne('/api/me/notification-preferences');
    expect(put.request.method).toBe('PUT');
    expect(put.request.body).toEqual(prefs);
  });

  it('makes, reads and revokes the calendar feed (MeApiService)', () => {
    const me = TestBed.inject(MeApiService);
    me.getCalendarFeed().subscribe();
    expect(http.expectOne('/api/me/calendar-feed').request.method).toBe('GET');
    me.renewCalendarFeed().subscribe();
    expect(http.expectOne('/api/me/calendar-feed').request.method).toBe('POST');
    me.revokeCalendarFeed().subscribe();
    expect(http.expectOne('/api/me/calendar-feed').request.method).toBe('DELETE');
  });
});
