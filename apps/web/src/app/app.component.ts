import { Dir } from '@angular/cdk/bidi';
import { BreakpointObserver } from '@angular/cdk/layout';
import { NgComponentOutlet } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  ElementRef,
  inject,
  signal,
  Type,
  untracked,
  viewChild,
} from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatListModule } from '@angular/material/list';
import { MatMenuModule } from '@angular/material/menu';
import { MatSidenavModule } from '@angular/material/sidenav';
import { MatToolbarModule } from '@angular/material/toolbar';
import { NavigationEnd, Router, RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { GlobalRole, isLocale, SUPPORTED_LOCALES } from '@kengash/contracts';
import { AuthService } from '@kengash/web-identity-data-access';
import { TranslatePipe } from '@ngx-translate/core';
import { filter, map } from 'rxjs';
import { LANGUAGE_NAME_KEYS, LocaleService } from './i18n/locale.service';
import { NAV_ITEMS } from './nav-items';

/** Wide enough for the navigation to sit beside the content rather than over it. */
const WIDE_LAYOUT = '(min-width: 960px)';

/** The shell: skip link, toolbar with language switcher and account menu, navigation, main area, footer. */
@Component({
  selector: 'kg-root',
  imports: [
    Dir,
    MatButtonModule,
    MatButtonToggleModule,
    MatListModule,
    MatMenuModule,
    MatSidenavModule,
    MatToolbarModule,
    NgComponentOutlet,
    RouterLink,
    RouterLinkActive,
    RouterOutlet,
    TranslatePipe,
  ],
  templateUrl: './app.component.html',
  styleUrl: './app.component.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AppComponent {
  private readonly localeService = inject(LocaleService);
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);
  private readonly breakpoints = inject(BreakpointObserver);
  private readonly main = viewChild.required<ElementRef<HTMLElement>>('main');
  private readonly menuOpen = signal(false);

  protected readonly navItems = computed(() => {
    const user = this.user();
    return NAV_ITEMS.filter(
      (item) =>
        (!item.signedIn || user !== null) && (!item.roles || (user !== null && item.roles.includes(user.globalRole))),
    );
  });
  protected readonly locales = SUPPORTED_LOCALES;
  protected readonly languageNameKeys = LANGUAGE_NAME_KEYS;
  protected readonly locale = this.localeService.locale;
  protected readonly direction = this.localeService.direction;
  protected readonly wide = toSignal(this.breakpoints.observe(WIDE_LAYOUT).pipe(map((state) => state.matches)), {
    initialValue: this.breakpoints.isMatched(WIDE_LAYOUT),
  });
  protected readonly navOpened = computed(() => this.wide() || this.menuOpen());
  protected readonly user = this.auth.user;
  protected readonly canAdminUsers = computed(() => {
    const role = this.user()?.globalRole;
    return role === GlobalRole.Admin || role === GlobalRole.Secretariat;
  });
  protected readonly canReadAudit = computed(() => this.user()?.globalRole === GlobalRole.Admin);
  /** The notification bell, loaded (with the socket client) only once someone has signed in. */
  protected readonly bell = signal<Type<unknown> | null>(null);

  constructor() {
    // On narrow screens the navigation covers the page: close it once the user has picked.
    this.router.events
      .pipe(
        filter((event) => event instanceof NavigationEnd),
        takeUntilDestroyed(),
      )
      .subscribe(() => this.menuOpen.set(false));

    effect(() => {
      if (this.user() !== null && untracked(this.bell) === null) {
        void import('@kengash/web-identity-feature').then((m) => this.bell.set(m.NotificationBellComponent));
      }
    });

    // A language saved in the profile becomes the interface language (not on sign-in: the
    // language picked in the toolbar for this visit stays).
    let seen: { id: string; locale: string } | null = null;
    effect(() => {
      const user = this.user();
      const previous = seen;
      seen = user ? { id: user.id, locale: user.locale } : null;
      if (user && previous?.id === user.id && previous.locale !== user.locale && isLocale(user.locale)) {
        const locale = user.locale;
        untracked(() => void this.localeService.use(locale));
      }
    });
  }

  protected signOut(): void {
    this.auth.signOut().subscribe(() => void this.router.navigateByUrl('/'));
  }

  protected toggleMenu(): void {
    this.menuOpen.update((open) => !open);
  }

  /** Keeps our state in step when the drawer closes itself (Escape, backdrop click). */
  protected onNavOpenedChange(opened: boolean): void {
    if (!this.wide()) {
      this.menuOpen.set(opened);
    }
  }

  protected selectLocale(value: unknown): void {
    if (isLocale(value)) {
      void this.localeService.use(value);
    }
  }

  /**
   * A plain `href="#main"` would resolve against `<base href="/">` and leave the current page,
   * so the skip link moves focus itself.
   */
  protected skipToMain(event: Event): void {
    event.preventDefault();
    this.main().nativeElement.focus();
  }
}
