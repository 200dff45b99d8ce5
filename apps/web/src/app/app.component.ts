import { Dir } from '@angular/cdk/bidi';
import { BreakpointObserver } from '@angular/cdk/layout';
import { ChangeDetectionStrategy, Component, computed, ElementRef, inject, signal, viewChild } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatListModule } from '@angular/material/list';
import { MatSidenavModule } from '@angular/material/sidenav';
import { MatToolbarModule } from '@angular/material/toolbar';
import { NavigationEnd, Router, RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { isLocale, SUPPORTED_LOCALES } from '@kengash/contracts';
import { TranslatePipe } from '@ngx-translate/core';
import { filter, map } from 'rxjs';
import { LANGUAGE_NAME_KEYS, LocaleService } from './i18n/locale.service';
import { NAV_ITEMS } from './nav-items';

/** Wide enough for the navigation to sit beside the content rather than over it. */
const WIDE_LAYOUT = '(min-width: 960px)';

/** The shell: skip link, toolbar with language switcher, navigation, main area, footer. */
@Component({
  selector: 'kg-root',
  imports: [
    Dir,
    MatButtonModule,
    MatButtonToggleModule,
    MatListModule,
    MatSidenavModule,
    MatToolbarModule,
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
  private readonly breakpoints = inject(BreakpointObserver);
  private readonly main = viewChild.required<ElementRef<HTMLElement>>('main');
  private readonly menuOpen = signal(false);

  protected readonly navItems = NAV_ITEMS;
  protected readonly locales = SUPPORTED_LOCALES;
  protected readonly languageNameKeys = LANGUAGE_NAME_KEYS;
  protected readonly locale = this.localeService.locale;
  protected readonly direction = this.localeService.direction;
  protected readonly wide = toSignal(this.breakpoints.observe(WIDE_LAYOUT).pipe(map((state) => state.matches)), {
    initialValue: this.breakpoints.isMatched(WIDE_LAYOUT),
  });
  protected readonly navOpened = computed(() => this.wide() || this.menuOpen());

  constructor() {
    // On narrow screens the navigation covers the page: close it once the user has picked.
    inject(Router)
      .events.pipe(
        filter((event) => event instanceof NavigationEnd),
        takeUntilDestroyed(),
      )
      .subscribe(() => this.menuOpen.set(false));
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
