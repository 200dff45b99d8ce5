import { HttpErrorResponse } from '@angular/common/http';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  ElementRef,
  inject,
  signal,
  viewChild,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { CouncilSettings, pickText, WorkingGroupListResponse } from '@kengash/contracts';
import { CouncilApiService } from '@kengash/web-council-data-access';
import { AuthService } from '@kengash/web-identity-data-access';
import { TranslatePipe } from '@ngx-translate/core';
import { Subscription } from 'rxjs';
import { injectActiveLocale } from '../active-locale';
import { chairYears, COUNTRY_NAME_KEYS, fallbackLang, GROUP_ROLE_KEYS } from '../council-labels';
import { WorkingGroupCardComponent } from '../working-group-card/working-group-card.component';

/** One of the signed-in person's groups, as the "My working groups" section lists it. */
interface MyGroup {
  id: string;
  slug: string;
  name: string;
  nameLang: string | null;
  roleKey: string;
}

type LoadState =
  | { status: 'loading' }
  | { status: 'error'; offline: boolean; correlationId: string | null }
  | { status: 'ready'; data: WorkingGroupListResponse };

/** The council home: the council, the signed-in person's own groups, and all working groups. */
@Component({
  selector: 'kg-council-home',
  imports: [MatButtonModule, MatProgressBarModule, RouterLink, TranslatePipe, WorkingGroupCardComponent],
  templateUrl: './council-home.component.html',
  styleUrl: './council-home.component.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CouncilHomeComponent {
  private readonly api = inject(CouncilApiService);
  private readonly auth = inject(AuthService);
  private readonly destroyRef = inject(DestroyRef);
  private readonly groupsHeading = viewChild.required<ElementRef<HTMLElement>>('groupsHeading');
  private request: Subscription | undefined;
  private settingsRequest: Subscription | undefined;

  protected readonly locale = injectActiveLocale();
  protected readonly state = signal<LoadState>({ status: 'loading' });

  protected readonly council = computed(() => {
    const state = this.state();
    return state.status === 'ready' ? state.data.council : null;
  });
  protected readonly councilName = computed(() => {
    const council = this.council();
    return council ? pickText(council.name, this.locale()) : null;
  });
  protected readonly councilNameLang = computed(() => {
    const council = this.council();
    return council ? fallbackLang(council.name, this.locale()) : null;
  });

  /** The council's settings, for the current chairmanship; null until (or unless) they load. */
  protected readonly settings = signal<CouncilSettings | null>(null);
  protected readonly chair = computed(() => {
    const chair = this.settings()?.currentChair;
    return chair
      ? {
          countryKey: COUNTRY_NAME_KEYS[chair.country] ?? chair.country,
          years: chairYears(chair.periodStart, chair.periodEnd),
        }
      : null;
  });

  protected readonly signedIn = this.auth.isSignedIn;
  /** The groups in the user's memberships, in the council's order, with their role there. */
  protected readonly myGroups = computed<MyGroup[] | null>(() => {
    const user = this.auth.user();
    const state = this.state();
    if (!user || state.status !== 'ready') {
      return null;
    }
    const locale = this.locale();
    return state.data.groups.flatMap((group) => {
      const membership = user.memberships.find((candidate) => candidate.groupId === group.id);
      return membership
        ? [
            {
              id: group.id,
              slug: group.slug,
              name: pickText(group.name, locale),
              nameLang: fallbackLang(group.name, locale),
              roleKey: GROUP_ROLE_KEYS[membership.role] ?? membership.role,
            },
          ]
        : [];
    });
  });

  constructor() {
    this.load();
    // The chairmanship is a detail of the header: without it the page is still complete.
    this.settingsRequest = this.api.getCouncil().subscribe({
      next: (settings) => this.settings.set(settings),
      error: () => this.settings.set(null),
    });
    this.destroyRef.onDestroy(() => {
      this.request?.unsubscribe();
      this.settingsRequest?.unsubscribe();
    });
  }

  /** Loads again after an error; focus goes to the section heading the retry button lived in. */
  protected retry(): void {
    this.load();
    this.groupsHeading().nativeElement.focus();
  }

  private load(): void {
    this.request?.unsubscribe();
    this.state.set({ status: 'loading' });
    this.request = this.api.listGroups().subscribe({
      next: (data) => this.state.set({ status: 'ready', data }),
      error: (error: unknown) => this.state.set(describeError(error)),
    });
  }
}

function describeError(error: unknown): LoadState {
  if (!(error instanceof HttpErrorResponse)) {
    return { status: 'error', offline: false, correlationId: null };
  }
  const body: unknown = error.error;
  const correlationId =
    typeof body === 'object' && body !== null && 'correlationId' in body && typeof body.correlationId === 'string'
      ? body.correlationId
      : null;
  return { status: 'error', offline: error.status === 0, correlationId };
}
