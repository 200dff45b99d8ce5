import { ChangeDetectionStrategy, Component, DOCUMENT, inject, input, output, signal } from '@angular/core';
import { MatRadioModule } from '@angular/material/radio';
import { MinutesView, SetMinutesVisibilityRequest } from '@kengash/contracts';
import { ApiProblem, toApiProblem } from '@kengash/web-identity-data-access';
import { MinutesApiService } from '@kengash/web-minutes-data-access';
import { TranslatePipe } from '@ngx-translate/core';

type Choice = SetMinutesVisibilityRequest['visibility'];

/**
 * Who reads a public summary once approved: every signed-in person, or anyone with the link (no account). Shown
 * to the people who may change it (rapporteur, chairs, secretariat); the public link appears once it is open to
 * anyone and approved.
 */
@Component({
  selector: 'kg-minutes-visibility',
  imports: [MatRadioModule, TranslatePipe],
  template: `
    @let v = minutes();
    <fieldset class="visibility" data-testid="minutes-visibility" [disabled]="busy()">
      <legend>{{ 'minutesArea.visibility.legend' | translate }}</legend>
      <mat-radio-group
        [value]="v.visibility"
        (change)="choose($event.value)"
        [attr.aria-label]="'minutesArea.visibility.legend' | translate"
      >
        <mat-radio-button value="council" data-testid="visibility-council">
          {{ 'minutesArea.visibility.council' | translate }}
        </mat-radio-button>
        <mat-radio-button value="public" data-testid="visibility-public">
          {{ 'minutesArea.visibility.public' | translate }}
        </mat-radio-button>
      </mat-radio-group>
      <p class="hint">
        {{
          (v.status === 'approved' ? 'minutesArea.visibility.hintApproved' : 'minutesArea.visibility.hintDraft')
            | translate
        }}
      </p>
      @if (v.visibility === 'public' && v.status === 'approved') {
        <p>
          {{ 'minutesArea.visibility.link' | translate }}
          <a [href]="publicLink()" data-testid="public-link">{{ publicLink() }}</a>
        </p>
      }
      @if (problem(); as p) {
        <p role="alert" class="problem">{{ p.message ?? ('minutesArea.visibility.failed' | translate) }}</p>
      }
    </fieldset>
  `,
  styles: `
    .visibility {
      margin: 0 0 1rem;
      padding: 0.5rem 0.75rem;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 4px;
    }
    mat-radio-group {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem 1rem;
    }
    .hint {
      margin: 0.25rem 0 0;
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    a {
      overflow-wrap: anywhere;
    }
    .problem {
      color: var(--mat-sys-error);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MinutesVisibilityComponent {
  private readonly api = inject(MinutesApiService);
  private readonly origin = inject(DOCUMENT).location?.origin ?? '';

  readonly minutes = input.required<MinutesView>();
  /** The document as the API answered after the change. */
  readonly changed = output<MinutesView>();

  protected readonly busy = signal(false);
  protected readonly problem = signal<ApiProblem | null>(null);

  protected publicLink(): string {
    return `${this.origin}/public/minutes/${encodeURIComponent(this.minutes().id)}`;
  }

  protected choose(visibility: Choice): void {
    if (visibility === this.minutes().visibility) return;
    this.busy.set(true);
    this.problem.set(null);
    this.api.setVisibility(this.minutes().id, visibility).subscribe({
      next: (view) => {
        this.busy.set(false);
        this.changed.emit(view);
      },
      error: (error: unknown) => {
        this.busy.set(false);
        this.problem.set(toApiProblem(error));
      },
    });
  }
}
