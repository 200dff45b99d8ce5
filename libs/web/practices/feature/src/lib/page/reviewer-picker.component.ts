import { ChangeDetectionStrategy, Component, computed, inject, input, OnInit, output, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { GlobalRole, GroupRole, PRACTICE_LIMITS, PracticeView, UserStatus } from '@kengash/contracts';
import { CouncilApiService } from '@kengash/web-council-data-access';
import { AdminApiService, ApiProblem, AuthService, toApiProblem } from '@kengash/web-identity-data-access';
import { PracticesApiService } from '@kengash/web-practices-data-access';
import { TranslatePipe } from '@ngx-translate/core';
import { map, Observable, of } from 'rxjs';
import { REVIEWER_ROLES } from '../shared/practice-rights';

/** Someone who may be asked to review. */
export interface ReviewerCandidate {
  userId: string;
  name: string;
  /** Role or organisation, to tell namesakes apart. */
  detail: string | null;
}

type Candidates = { status: 'loading' } | { status: 'ready'; people: ReviewerCandidate[] } | { status: 'error' };

/** Orders by name and drops duplicates (a person may hold two terms in a group). */
export function uniqueCandidates(people: ReviewerCandidate[]): ReviewerCandidate[] {
  const seen = new Map<string, ReviewerCandidate>();
  for (const person of people) if (!seen.has(person.userId)) seen.set(person.userId, person);
  return [...seen.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * The people picker for an entry's reviewers. The secretariat chooses among every active account that may
 * review (`GET /api/admin/users`: secretariat, member experts, focal points); a chair of the related working
 * group among the group's current members who are not observers (`GET /api/council/groups/:id/members`). The
 * author is left out (the API refuses them); people already assigned stay listed. Saves with
 * `PUT /api/practices/:id/reviewers`; the API's `reviewerIds` errors show next to the list.
 */
@Component({
  selector: 'kg-reviewer-picker',
  imports: [MatButtonModule, MatCheckboxModule, MatFormFieldModule, MatInputModule, TranslatePipe],
  template: `
    <form class="picker" (submit)="save($event)" data-testid="reviewer-picker">
      <fieldset aria-describedby="reviewers-hint reviewers-error">
        <legend>{{ 'practices.reviewers.legend' | translate }}</legend>
        <p id="reviewers-hint" class="muted">
          {{ 'practices.reviewers.hint' | translate: { max: limits.reviewersMax } }}
        </p>
        <mat-form-field appearance="outline" subscriptSizing="dynamic" class="filter">
          <mat-label>{{ 'practices.reviewers.filter' | translate }}</mat-label>
          <input matInput type="search" (input)="filterBy($event)" data-testid="reviewer-filter" />
        </mat-form-field>
        @let c = candidates();
        @if (c.status === 'loading') {
          <p role="status">{{ 'practices.reviewers.loading' | translate }}</p>
        } @else if (c.status === 'error') {
          <p role="alert" data-testid="reviewers-failed">{{ 'practices.reviewers.loadFailed' | translate }}</p>
        } @else {
          <ul class="people">
            @for (person of shown(); track person.userId) {
              <li>
                <mat-checkbox
                  [checked]="chosen().has(person.userId)"
                  [disabled]="!chosen().has(person.userId) && full()"
                  (change)="choose(person.userId, $event.checked)"
                  data-testid="reviewer-option"
                  [attr.data-user]="person.userId"
                >
                  {{ person.name }}
                  @if (person.detail) {
                    <span class="muted">· {{ person.detail }}</span>
                  }
                </mat-checkbox>
              </li>
            } @empty {
              <li class="muted">{{ 'practices.reviewers.nobody' | translate }}</li>
            }
          </ul>
        }
        <p id="reviewers-error" class="error" role="alert" data-testid="reviewers-error">
          @if (problem(); as p) {
            {{ p.fields['reviewerIds']?.join(' ') || p.message || ('common.errors.unexpected' | translate) }}
          }
        </p>
      </fieldset>
      <div class="buttons">
        <button mat-flat-button type="submit" [attr.aria-disabled]="busy()" data-testid="reviewers-save">
          {{ 'practices.reviewers.save' | translate: { count: chosen().size } }}
        </button>
        <button mat-button type="button" (click)="cancelled.emit()">{{ 'common.cancel' | translate }}</button>
      </div>
    </form>
  `,
  styles: `
    fieldset {
      margin: 0;
      padding: 0.5rem 0.75rem;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 8px;
    }
    legend {
      padding: 0 0.25rem;
      font: var(--mat-sys-title-small);
    }
    .filter {
      width: 100%;
      max-width: 24rem;
    }
    .people {
      max-height: 18rem;
      overflow-y: auto;
      margin: 0.5rem 0 0;
      padding: 0;
      list-style: none;
    }
    .muted {
      color: var(--mat-sys-on-surface-variant);
    }
    .error {
      margin: 0.25rem 0 0;
      color: var(--mat-sys-error);
    }
    .error:empty {
      display: none;
    }
    .buttons {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      margin: 0.5rem 0 0;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReviewerPickerComponent implements OnInit {
  private readonly practices = inject(PracticesApiService);
  private readonly admin = inject(AdminApiService);
  private readonly council = inject(CouncilApiService);
  private readonly auth = inject(AuthService);

  readonly practice = input.required<PracticeView>();
  readonly saved = output<PracticeView>();
  readonly cancelled = output<void>();

  protected readonly limits = PRACTICE_LIMITS;
  protected readonly candidates = signal<Candidates>({ status: 'loading' });
  protected readonly chosen = signal<ReadonlySet<string>>(new Set());
  protected readonly query = signal('');
  protected readonly busy = signal(false);
  protected readonly problem = signal<ApiProblem | null>(null);
  protected readonly full = computed(() => this.chosen().size >= PRACTICE_LIMITS.reviewersMax);
  protected readonly shown = computed(() => {
    const c = this.candidates();
    if (c.status !== 'ready') return [];
    const query = this.query().trim().toLocaleLowerCase();
    return c.people.filter(
      (p) => !query || this.chosen().has(p.userId) || `${p.name} ${p.detail ?? ''}`.toLocaleLowerCase().includes(query),
    );
  });

  ngOnInit(): void {
    const practice = this.practice();
    this.chosen.set(new Set(practice.reviewers.map((r) => r.userId)));
    const assigned = practice.reviewers.map((r) => ({ userId: r.userId, name: r.name, detail: null }));
    const authorId = practice.author?.userId ?? null;
    this.source(practice).subscribe({
      next: (people) =>
        this.candidates.set({
          status: 'ready',
          people: uniqueCandidates([...people.filter((p) => p.userId !== authorId), ...assigned]),
        }),
      error: () => this.candidates.set({ status: 'error' }),
    });
  }

  /** The secretariat lists every account; a chair, the related group's members. */
  private source(practice: PracticeView): Observable<ReviewerCandidate[]> {
    if (this.auth.user()?.globalRole === GlobalRole.Secretariat) {
      return this.admin
        .listUsers()
        .pipe(
          map((response) =>
            response.items
              .filter((u) => u.status === UserStatus.Active && REVIEWER_ROLES.includes(u.globalRole))
              .map((u) => ({ userId: u.id, name: u.displayName, detail: u.organisation })),
          ),
        );
    }
    if (!practice.group) {
      return of([]);
    }
    return this.council
      .listMembers(practice.group.id)
      .pipe(
        map((response) =>
          response.current
            .filter((m) => m.role !== GroupRole.Observer)
            .map((m) => ({ userId: m.userId, name: m.displayName, detail: m.organisation })),
        ),
      );
  }

  protected filterBy(event: Event): void {
    this.query.set((event.target as HTMLInputElement).value);
  }

  protected choose(userId: string, on: boolean): void {
    this.chosen.update((set) => {
      const next = new Set(set);
      if (on) next.add(userId);
      else next.delete(userId);
      return next;
    });
  }

  protected save(event: Event): void {
    event.preventDefault();
    if (this.busy()) return;
    this.busy.set(true);
    this.problem.set(null);
    this.practices.assignReviewers(this.practice().id, [...this.chosen()]).subscribe({
      next: (view) => {
        this.busy.set(false);
        this.saved.emit(view);
      },
      error: (error: unknown) => {
        this.busy.set(false);
        this.problem.set(toApiProblem(error));
      },
    });
  }
}
