import { signal } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { NotificationKind, NotificationListResponse, NotificationView } from '@kengash/contracts';
import { AuthService, LiveService, NotificationsApiService } from '@kengash/web-identity-data-access';
import { of, Subject } from 'rxjs';
import { provideTestTranslations, useTestLocale } from '../testing/translate-testing';
import { NotificationBellComponent } from './notification-bell.component';

describe('NotificationBellComponent', () => {
  let fixture: ComponentFixture<NotificationBellComponent>;
  let sut: HTMLElement;
  let live: { notifications$: Subject<NotificationView>; reconnected$: Subject<void> };

  const make = (overrides: Partial<NotificationView> = {}): NotificationView => ({
    id: 'n1',
    kind: NotificationKind.SessionInvitation,
    title: 'Invitation: Spring session',
    body: 'Thursday 10 April, 15:00',
    link: '/sessions/s1',
    createdAt: '2025-04-01T10:00:00Z',
    readAt: null,
    ...overrides,
  });
  const list: NotificationListResponse = {
    items: [make(), make({ id: 'n0', title: 'Older', readAt: '2025-03-01T00:00:00Z', link: null })],
    unread: 1,
  };
  const api = {
    list: jest.fn(() => of(list)),
    markRead: jest.fn(() => of(undefined)),
    markAllRead: jest.fn(() => of(undefined)),
  };

  const bell = () => sut.querySelector<HTMLButtonElement>('[data-testid=notification-bell]');
  const badge = () => sut.querySelector('[data-testid=notification-badge]')?.textContent?.trim();

  beforeEach(() => {
    jest.clearAllMocks();
    live = { notifications$: new Subject(), reconnected$: new Subject() };
    TestBed.configureTestingModule({
      imports: [NotificationBellComponent],
      providers: [
        provideRouter([]),
        provideTestTranslations(),
        { provide: NotificationsApiService, useValue: api },
        { provide: LiveService, useValue: live },
        { provide: AuthService, useValue: { user: signal({ timeZone: 'Asia/Tashkent' }) } },
      ],
    });
    useTestLocale('en');
    fixture = TestBed.createComponent(NotificationBellComponent);
    fixture.detectChanges();
    sut = fixture.nativeElement as HTMLElement;
  });

  it('loads the recent notifications and shows the unread count, also in its label', () => {
    expect(api.list).toHaveBeenCalledWith({ limit: 20 });
    expect(badge()).toBe('1');
    expect(bell()?.getAttribute('aria-label')).toBe('Notifications, 1 unread');
    expect(bell()?.getAttribute('aria-expanded')).toBe('false');
  });

  it('counts and lists a notification from the socket at once, and announces it', () => {
    live.notifications$.next(make({ id: 'n2', kind: NotificationKind.SessionChanged, title: 'Session changed' }));
    fixture.detectChanges();

    expect(badge()).toBe('2');
    expect(bell()?.getAttribute('aria-label')).toBe('Notifications, 2 unread');
    expect(sut.querySelector('[aria-live=polite]')?.textContent).toContain('New notification: Session changed');

    bell()?.click();
    fixture.detectChanges();
    const items = [...sut.querySelectorAll('[data-testid=notification-item]')];
    expect(items.map((i) => i.querySelector('.item-title')?.textContent?.trim())).toEqual([
      'Session changed',
      'Invitation: Spring session',
      'Older',
    ]);
    // The same notification twice (e.g. after a reconnect) is counted once.
    live.notifications$.next(make({ id: 'n2' }));
    fixture.detectChanges();
    expect(badge()).toBe('2');
  });

  it('shows the time in the person’s zone and links to the notification’s target', () => {
    bell()?.click();
    fixture.detectChanges();

    const first = sut.querySelector('[data-testid=notification-item]');
    expect(first?.querySelector('a')?.getAttribute('href')).toBe('/sessions/s1');
    // 10:00 UTC is 15:00 in Tashkent.
    expect(first?.querySelector('time')?.textContent).toContain('3:00');
  });

  it('marks one and all as read', () => {
    bell()?.click();
    fixture.detectChanges();

    sut.querySelector<HTMLButtonElement>('[data-testid=mark-read]')?.click();
    fixture.detectChanges();
    expect(api.markRead).toHaveBeenCalledWith('n1');
    expect(badge()).toBeUndefined();
    expect(bell()?.getAttribute('aria-label')).toBe('Notifications');

    live.notifications$.next(make({ id: 'n3' }));
    fixture.detectChanges();
    sut.querySelector<HTMLButtonElement>('[data-testid=mark-all-read]')?.click();
    fixture.detectChanges();
    expect(api.markAllRead).toHaveBeenCalled();
    expect(badge()).toBeUndefined();
  });

  it('re-reads the list after the socket reconnects', () => {
    live.reconnected$.next();
    expect(api.list).toHaveBeenCalledTimes(2);
  });
});
