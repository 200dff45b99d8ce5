import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  ElementRef,
  HostListener,
  inject,
  Injector,
  signal,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { NotificationView } from '@kengash/contracts';
import { AuthService, LiveService, NotificationsApiService } from '@kengash/web-identity-data-access';
import { _, TranslatePipe, TranslateService } from '@ngx-translate/core';
import { injectActiveLocale } from '../shared/active-locale';

/** How many recent notifications the panel lists. */
export const BELL_LIMIT = 20;

/**
 * The toolbar bell (signed in only): the unread count, a panel of recent notifications, and live
 * arrivals from the `/live` socket, announced politely to screen readers.
 */
@Component({
  selector: 'kg-notification-bell',
  imports: [MatButtonModule, RouterLink, TranslatePipe],
  templateUrl: './notification-bell.component.html',
  styleUrl: './notification-bell.component.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class NotificationBellComponent {
  private readonly api = inject(NotificationsApiService);
  private readonly auth = inject(AuthService);
  private readonly translate = inject(TranslateService);
  private readonly injector = inject(Injector);
  private readonly host: HTMLElement = inject(ElementRef).nativeElement;

  protected readonly locale = injectActiveLocale();
  protected readonly items = signal<NotificationView[]>([]);
  protected readonly unread = signal(0);
  protected readonly open = signal(false);
  protected readonly failed = signal(false);
  protected readonly announcement = signal('');
  protected readonly label = computed(() =>
    this.unread() > 0
      ? this.translate.instant(_('notifications.bellUnread'), { count: this.unread() })
      : this.translate.instant(_('notifications.bell')),
  );
  protected readonly badge = computed(() => (this.unread() > 99 ? '99+' : String(this.unread())));
  protected readonly rows = computed(() => {
    const zone = this.auth.user()?.timeZone || undefined;
    const locale = this.locale();
    let format: Intl.DateTimeFormat;
    try {
      format = new Intl.DateTimeFormat(locale, { timeZone: zone, dateStyle: 'medium', timeStyle: 'short' });
    } catch {
      format = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
    }
    return this.items().map((item) => ({ item, time: format.format(new Date(item.createdAt)) }));
  });

  constructor() {
    this.load();
    const live = inject(LiveService);
    live.notifications$.pipe(takeUntilDestroyed()).subscribe((notification) => this.arrived(notification));
    live.reconnected$.pipe(takeUntilDestroyed()).subscribe(() => this.load());
  }

  protected load(): void {
    this.api.list({ limit: BELL_LIMIT }).subscribe({
      next: (response) => {
        this.failed.set(false);
        this.items.set(response.items);
        this.unread.set(response.unread);
      },
      error: () => this.failed.set(true),
    });
  }

  private arrived(notification: NotificationView): void {
    if (this.items().some((item) => item.id === notification.id)) {
      return;
    }
    this.items.update((items) => [notification, ...items].slice(0, BELL_LIMIT));
    if (!notification.readAt) {
      this.unread.update((n) => n + 1);
    }
    this.announcement.set(this.translate.instant(_('notifications.arrived'), { title: notification.title }));
  }

  protected toggle(): void {
    this.open.update((open) => !open);
    if (this.open()) {
      afterNextRender(() => this.host.querySelector<HTMLElement>('.panel h2')?.focus(), { injector: this.injector });
    }
  }

  protected close(returnFocus = true): void {
    if (!this.open()) return;
    this.open.set(false);
    if (returnFocus) {
      this.host.querySelector<HTMLElement>('[data-testid=notification-bell]')?.focus();
    }
  }

  protected markRead(item: NotificationView): void {
    if (item.readAt) return;
    const readAt = new Date().toISOString();
    this.items.update((items) => items.map((i) => (i.id === item.id ? { ...i, readAt } : i)));
    this.unread.update((n) => Math.max(0, n - 1));
    this.api.markRead(item.id).subscribe({ error: () => this.load() });
  }

  protected markAllRead(): void {
    const readAt = new Date().toISOString();
    this.items.update((items) => items.map((i) => (i.readAt ? i : { ...i, readAt })));
    this.unread.set(0);
    this.announcement.set(this.translate.instant(_('notifications.allRead')));
    this.api.markAllRead().subscribe({ error: () => this.load() });
  }

  protected follow(item: NotificationView): void {
    this.markRead(item);
    this.close(false);
  }

  @HostListener('document:keydown.escape')
  protected onEscape(): void {
    this.close();
  }

  @HostListener('document:click', ['$event'])
  protected onDocumentClick(event: MouseEvent): void {
    if (this.open() && event.target instanceof Node && !this.host.contains(event.target)) {
      this.close(false);
    }
  }
}
