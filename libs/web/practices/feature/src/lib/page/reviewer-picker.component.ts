import {
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  inject,
  input,
  OnInit,
  output,
  signal,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { CountryCode, PRACTICE_LIMITS, PracticeView, ReviewerCandidate } from '@kengash/contracts';
import { ApiProblem, toApiProblem } from '@kengash/web-identity-data-access';
import { PracticesApiService } from '@kengash/web-practices-data-access';
import { TranslatePipe } from '@ngx-translate/core';
import { catchError, debounceTime, distinctUntilChanged, map, of, startWith, Subject, switchMap } from 'rxjs';
import { COUNTRY_KEYS } from '../shared/practice-labels';

/** Someone in the list: a candidate found by name, or someone already chosen. */
export interface PickerPerson {
  userId: string;
  name: string;
  organisation: string | null;
  country: CountryCode | null;
}

type Found = { status: 'loading' } | { status: 'ready'; people: PickerPerson[] } | { status: 'error' };

/** How long typing may pause before the list is asked for again. */
export const CANDIDATE_SEARCH_DELAY_MS = 250;

/** The people to list: those chosen first (in the order chosen), then the others found, never twice. */
export function pickerList(chosen: PickerPerson[], found: PickerPerson[], excluded: string | null): PickerPerson[] {
  const ids = new Set(chosen.map((p) => p.userId));
  return [...chosen, ...found.filter((p) => !ids.has(p.userId) && p.userId !== excluded)];
}

/**
 * The people picker for an entry's reviewers, for the secretariat and the chair of the related working group:
 * people are found by name or organisation with `GET /api/practices/reviewer-candidates?q=` (active council
 * members, focal points and the secretariat — never practitioners or observers); the author is left out (the
 * API refuses them). Those chosen stay listed while searching. Saves with `PUT /api/practices/:id/reviewers`; the
 * API's `reviewerIds` errors show next to the list.
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
          <input
            matInput
            type="search"
            maxlength="100"
            (input)="search($event)"
            (keydown.enter)="$event.preventDefault()"
            data-testid="reviewer-filter"
          />
        </mat-form-field>
        @let f = found();
        <div aria-live="polite">
          @if (f.status === 'loading') {
            <p role="status">{{ 'practices.reviewers.loading' | translate }}</p>
          } @else if (f.status === 'error') {
            <p role="alert" data-testid="reviewers-failed">{{ 'practices.reviewers.loadFailed' | translate }}</p>
          }
        </div>
        <ul class="people">
          @for (person of people(); track person.userId) {
            <li>
              <mat-checkbox
                [checked]="isChosen(person.userId)"
                [disabled]="!isChosen(person.userId) && full()"
                (change)="choose(person, $event.checked)"
                data-testid="reviewer-option"
                [attr.data-user]="person.userId"
              >
                {{ person.name }}
                @if (person.organisation || person.country) {
                  <span class="muted"
                    >· {{ person.organisation }}{{ person.organisation && person.country ? ', ' : ''
                    }}{{ person.country ? (countryKeys[person.country] | translate) : '' }}</span
                  >
                }
              </mat-checkbox>
            </li>
          } @empty {
            @if (f.status === 'ready') {
              <li class="muted">{{ 'practices.reviewers.nobody' | translate }}</li>
            }
          }
        </ul>
        <p id="reviewers-error" class="error" role="alert" data-testid="reviewers-error">
          @if (problem(); as p) {
            {{ p.fields['reviewerIds']?.join(' ') || p.message || ('common.errors.unexpected' | translate) }}
          }
        </p>
      </fieldset>
      <div class="buttons">
        <button mat-flat-button type="submit" [attr.aria-disabled]="busy()" data-testid="reviewers-save">
          {{ 'practices.reviewers.save' | translate: { count: chosen().length } }}
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
  private readonly api = inject(PracticesApiService);
  private readonly destroyRef = inject(DestroyRef);
  private readonly queries = new Subject<string>();

  readonly practice = input.required<PracticeView>();
  readonly saved = output<PracticeView>();
  readonly cancelled = output<void>();

  protected readonly limits = PRACTICE_LIMITS;
  protected readonly countryKeys = COUNTRY_KEYS;
  protected readonly found = signal<Found>({ status: 'loading' });
  protected readonly chosen = signal<PickerPerson[]>([]);
  protected readonly busy = signal(false);
  protected readonly problem = signal<ApiProblem | null>(null);
  protected readonly full = computed(() => this.chosen().length >= PRACTICE_LIMITS.reviewersMax);
  protected readonly people = computed(() => {
    const f = this.found();
    return pickerList(this.chosen(), f.status === 'ready' ? f.people : [], this.practice().author?.userId ?? null);
  });

  ngOnInit(): void {
    this.chosen.set(
      this.practice().reviewers.map((r) => ({ userId: r.userId, name: r.name, organisation: null, country: null })),
    );
    this.queries
      .pipe(
        debounceTime(CANDIDATE_SEARCH_DELAY_MS),
        startWith(''),
        map((q) => q.trim()),
        distinctUntilChanged(),
        switchMap((q) => {
          this.found.set({ status: 'loading' });
          return this.api.reviewerCandidates(q).pipe(
            map((response): Found => ({ status: 'ready', people: response.people.map(toPerson) })),
            catchError(() => of<Found>({ status: 'error' })),
          );
        }),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe((found) => this.found.set(found));
  }

  protected search(event: Event): void {
    this.queries.next((event.target as HTMLInputElement).value);
  }

  protected isChosen(userId: string): boolean {
    return this.chosen().some((p) => p.userId === userId);
  }

  protected choose(person: PickerPerson, on: boolean): void {
    this.chosen.update((list) =>
      on ? [...list.filter((p) => p.userId !== person.userId), person] : list.filter((p) => p.userId !== person.userId),
    );
  }

  protected save(event: Event): void {
    event.preventDefault();
    if (this.busy()) return;
    this.busy.set(true);
    this.problem.set(null);
    this.api
      .assignReviewers(
        this.practice().id,
        this.chosen().map((p) => p.userId),
      )
      .subscribe({
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

function toPerson(candidate: ReviewerCandidate): PickerPerson {
  return {
    userId: candidate.userId,
    name: candidate.name,
    organisation: candidate.organisation,
    country: candidate.country,
  };
}
