import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { Router, RouterLink } from '@angular/router';
import { APPLICATION_STATUSES, ApplicationStatus, NetworkApplicationView } from '@kengash/contracts';
import { ApiProblem, AuthService, toApiProblem } from '@kengash/web-identity-data-access';
import { NetworkApiService } from '@kengash/web-network-data-access';
import { TranslatePipe } from '@ngx-translate/core';
import {
  COUNTRY_KEYS,
  formatDate,
  injectActiveLocale,
  networkRoles,
  ORGANISATION_TYPE_KEYS,
  STATUS_KEYS,
} from '../shared/network-labels';
import { ProblemComponent } from '../shared/problem.component';

type State =
  | { status: 'loading' }
  | { status: 'error'; problem: ApiProblem }
  | { status: 'ready'; applications: NetworkApplicationView[] };

const isStatus = (value: unknown): value is ApplicationStatus =>
  typeof value === 'string' && (APPLICATION_STATUSES as readonly string[]).includes(value);

/**
 * `/network/queue` (`?status=`): the vetting queue — every application for the secretariat, their country's for a
 * focal point — filtered by status.
 */
@Component({
  selector: 'kg-network-vetting-queue',
  imports: [
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    ProblemComponent,
    RouterLink,
    TranslatePipe,
  ],
  template: `
    <div class="page">
      <h1>{{ 'network.queue.title' | translate }}</h1>
      <p>{{ (roles().secretariat ? 'network.queue.introAll' : 'network.queue.introCountry') | translate }}</p>
      <mat-form-field appearance="outline" subscriptSizing="dynamic">
        <mat-label>{{ 'network.queue.filter' | translate }}</mat-label>
        <select matNativeControl (change)="choose($any($event.target).value)" data-testid="queue-status-filter">
          <option value="" [selected]="filter() === null">{{ 'network.queue.allStatuses' | translate }}</option>
          @for (s of statuses; track s) {
            <option [value]="s" [selected]="filter() === s">{{ statusKeys[s] | translate }}</option>
          }
        </select>
      </mat-form-field>
      @let current = state();
      @if (current.status === 'loading') {
        <div role="status">
          <mat-progress-bar mode="indeterminate" [attr.aria-label]="'network.loading' | translate" />
        </div>
      } @else if (current.status === 'error') {
        <kg-network-problem [problem]="current.problem" testId="queue-error" />
        <button mat-stroked-button type="button" (click)="load()">{{ 'common.retry' | translate }}</button>
      } @else {
        <p class="muted" role="status" data-testid="queue-count">
          {{ 'network.queue.count' | translate: { count: current.applications.length } }}
        </p>
        <ul class="cards">
          @for (a of current.applications; track a.id) {
            <li class="card" data-testid="queue-item" [attr.data-id]="a.id">
              <h2 class="card-title">
                <a [routerLink]="['/network/applications', a.id]" data-testid="queue-link">{{ a.name }}</a>
              </h2>
              <p>
                <span class="status" data-testid="queue-item-status">{{ statusKeys[a.status] | translate }}</span>
              </p>
              <p>
                {{ a.role }} · {{ organisationTypeKeys[a.organisationType] | translate }} · {{ a.organisationName }}
              </p>
              <p>{{ countryKeys[a.country] | translate }}, {{ a.region }}</p>
              <p class="muted">{{ 'network.queue.submitted' | translate: { date: when(a.submittedAt) } }}</p>
            </li>
          } @empty {
            <li class="muted" data-testid="queue-empty">{{ 'network.queue.empty' | translate }}</li>
          }
        </ul>
      }
    </div>
  `,
  styleUrl: '../shared/network-page.css',
  styles: `
    .card-title {
      margin: 0 0 0.25rem;
      font: var(--mat-sys-title-medium);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class VettingQueueComponent {
  private readonly api = inject(NetworkApiService);
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);

  /** Bound from `?status=`. */
  readonly status = input<string | undefined>();

  protected readonly locale = injectActiveLocale();
  protected readonly roles = computed(() => networkRoles(this.auth.user()));
  protected readonly filter = computed(() => {
    const s = this.status();
    return isStatus(s) ? s : null;
  });
  protected readonly state = signal<State>({ status: 'loading' });
  protected readonly statuses = APPLICATION_STATUSES;
  protected readonly statusKeys = STATUS_KEYS;
  protected readonly countryKeys = COUNTRY_KEYS;
  protected readonly organisationTypeKeys = ORGANISATION_TYPE_KEYS;

  constructor() {
    effect(() => {
      this.filter();
      untracked(() => this.load());
    });
  }

  protected load(): void {
    this.state.set({ status: 'loading' });
    this.api.applications(this.filter()).subscribe({
      next: (response) => this.state.set({ status: 'ready', applications: response.applications }),
      error: (error: unknown) => this.state.set({ status: 'error', problem: toApiProblem(error) }),
    });
  }

  protected choose(value: string): void {
    void this.router.navigate([], { queryParams: { status: isStatus(value) ? value : null } });
  }

  protected when(instant: string): string {
    return formatDate(instant, this.locale(), this.auth.user()?.timeZone);
  }
}
