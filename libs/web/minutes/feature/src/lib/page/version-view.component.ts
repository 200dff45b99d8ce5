import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  effect,
  ElementRef,
  inject,
  Injector,
  input,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { MinutesContent, MinutesVersionSummary } from '@kengash/contracts';
import { ApiProblem, AuthService, toApiProblem } from '@kengash/web-identity-data-access';
import { MinutesApiService } from '@kengash/web-minutes-data-access';
import { TranslatePipe } from '@ngx-translate/core';
import { Subscription } from 'rxjs';
import { formatInstant, injectActiveLocale } from '../shared/minutes-labels';
import { AttendanceTableComponent } from './attendance-table.component';
import { MinutesSectionViewComponent } from './minutes-section-view.component';

type VersionState =
  | { status: 'loading' }
  | { status: 'error'; problem: ApiProblem }
  | { status: 'ready'; content: MinutesContent };

/**
 * An earlier version of minutes in full, read-only (`GET /api/minutes/:id/versions/:n`): its title, attendance and
 * every item with notes, speakers and decisions, under a banner saying "Version N of M — not the current text"
 * with the way back to the current version. The page shows it for `?version=N`, so it can be linked.
 */
@Component({
  selector: 'kg-minutes-version-view',
  imports: [
    AttendanceTableComponent,
    MatButtonModule,
    MatProgressBarModule,
    MinutesSectionViewComponent,
    RouterLink,
    TranslatePipe,
  ],
  template: `
    <section class="version" aria-labelledby="version-view-heading" data-testid="version-view">
      <div class="banner">
        <h2 #heading id="version-view-heading" tabindex="-1" data-testid="version-view-heading">
          {{ 'minutesArea.versionView.heading' | translate: { n: number(), total: latest() } }}
        </h2>
        @if (summary(); as s) {
          <p data-testid="version-view-saved">
            @if (s.authorName) {
              {{ 'minutesArea.versionView.savedBy' | translate: { when: when(s.createdAt), name: s.authorName } }}
            } @else {
              {{ 'minutesArea.versionView.saved' | translate: { when: when(s.createdAt) } }}
            }
            @if (s.note) {
              — <em>{{ s.note }}</em>
            }
          </p>
        }
        <a mat-flat-button data-testid="back-to-current" [routerLink]="['/minutes', minutesId()]">
          {{ 'minutesArea.versionView.back' | translate: { n: latest() } }}
        </a>
      </div>

      @let current = state();
      @if (current.status === 'loading') {
        <div role="status">
          <mat-progress-bar
            mode="indeterminate"
            [attr.aria-label]="'minutesArea.versionView.loading' | translate: { n: number() }"
          />
          <p>{{ 'minutesArea.versionView.loading' | translate: { n: number() } }}</p>
        </div>
      } @else if (current.status === 'error') {
        <p class="error" role="alert" data-testid="version-view-error">
          @if (current.problem.status === 404) {
            {{ 'minutesArea.versionView.notFound' | translate }}
          } @else if (current.problem.status === 403) {
            {{ 'minutesArea.page.forbidden' | translate }}
          } @else if (current.problem.message) {
            {{ current.problem.message }}
          } @else {
            {{ 'common.errors.unexpected' | translate }}
          }
        </p>
        @if (current.problem.status !== 404 && current.problem.status !== 403) {
          <button mat-stroked-button type="button" data-testid="version-view-retry" (click)="load()">
            {{ 'common.retry' | translate }}
          </button>
        }
      } @else {
        @let content = current.content;
        <dl class="title">
          <dt>{{ 'minutesArea.versionView.titleLabel' | translate }}</dt>
          <dd data-testid="version-title">{{ content.title }}</dd>
        </dl>
        <kg-attendance-table headingId="version-attendance-heading" [attendance]="content.attendance" />
        <section aria-labelledby="version-items-heading">
          <h2 id="version-items-heading">{{ 'minutesArea.page.items' | translate }}</h2>
          @for (item of content.items; track item.key; let i = $index) {
            <kg-minutes-section-view [item]="item" [index]="i" [headingId]="'version-item-' + i" />
          } @empty {
            <p class="muted">{{ 'minutesArea.page.noItems' | translate }}</p>
          }
        </section>
      }
    </section>
  `,
  styles: `
    :host {
      display: block;
      margin-top: 1.5rem;
    }
    .version {
      padding-inline-start: 0.75rem;
      border-inline-start: 6px solid var(--mat-sys-tertiary);
    }
    .banner {
      padding: 0.75rem 1rem;
      border-radius: 4px;
      background: var(--mat-sys-tertiary-container);
      color: var(--mat-sys-on-tertiary-container);
    }
    .banner h2 {
      margin: 0 0 0.5rem;
      font: var(--mat-sys-title-large);
    }
    .banner p {
      margin: 0 0 0.75rem;
      overflow-wrap: anywhere;
    }
    h2 {
      margin: 2rem 0 0.5rem;
      font: var(--mat-sys-title-large);
    }
    .title {
      margin: 1rem 0 0;
    }
    .title dt {
      font: var(--mat-sys-label-large);
    }
    .title dd {
      margin: 0;
      font: var(--mat-sys-title-medium);
      overflow-wrap: anywhere;
    }
    .error {
      color: var(--mat-sys-error);
    }
    .muted {
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-small);
    }
    h2:focus-visible,
    a:focus-visible,
    button:focus-visible {
      outline: 3px solid var(--mat-sys-primary);
      outline-offset: 2px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class VersionViewComponent {
  private readonly api = inject(MinutesApiService);
  private readonly auth = inject(AuthService);
  private readonly injector = inject(Injector);
  private readonly heading = viewChild.required<ElementRef<HTMLElement>>('heading');
  private request: Subscription | undefined;

  readonly minutesId = input.required<string>();
  /** The version shown. */
  readonly number = input.required<number>();
  /** The current version's number (M in "Version N of M"). */
  readonly latest = input.required<number>();
  /** Who saved it, when, and their note (from the document's version list). */
  readonly summary = input<MinutesVersionSummary | null>(null);

  protected readonly locale = injectActiveLocale();
  protected readonly state = signal<VersionState>({ status: 'loading' });

  constructor() {
    effect(() => {
      const id = this.minutesId();
      const number = this.number();
      untracked(() => {
        this.load(id, number);
        // Whoever asked for this version lands on it (the link may be far down the page).
        afterNextRender(() => this.heading().nativeElement.focus(), { injector: this.injector });
      });
    });
    inject(DestroyRef).onDestroy(() => this.request?.unsubscribe());
  }

  protected load(id = this.minutesId(), number = this.number()): void {
    this.request?.unsubscribe();
    this.state.set({ status: 'loading' });
    this.request = this.api.version(id, number).subscribe({
      next: (content) => this.state.set({ status: 'ready', content }),
      error: (error: unknown) => this.state.set({ status: 'error', problem: toApiProblem(error) }),
    });
  }

  protected when(instant: string): string {
    return formatInstant(instant, this.locale(), this.auth.user()?.timeZone ?? undefined);
  }
}
