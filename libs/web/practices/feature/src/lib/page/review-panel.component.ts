import { ChangeDetectionStrategy, Component, inject, input, output, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatRadioModule } from '@angular/material/radio';
import { PRACTICE_LIMITS, PRACTICE_VISIBILITIES, PracticeView, PracticeVisibility } from '@kengash/contracts';
import { ApiProblem, toApiProblem } from '@kengash/web-identity-data-access';
import { PracticesApiService } from '@kengash/web-practices-data-access';
import { ConfirmDialogComponent, ConfirmDialogData } from '@kengash/web-shared-ui';
import { _, TranslatePipe, TranslateService } from '@ngx-translate/core';
import { filter, switchMap } from 'rxjs';
import { VISIBILITY_HINT_KEYS, VISIBILITY_KEYS } from '../shared/practice-labels';

/** What the panel did, for the page to show and announce. */
export interface ReviewOutcome {
  view: PracticeView;
  message: string;
}

/**
 * The reviewer's decision on an entry in review: publish it for the council, the network or the public (with an
 * optional note, after a confirmation naming the audience), or send it back to its author with a note saying
 * what to change. Both notes are kept as review comments.
 */
@Component({
  selector: 'kg-review-panel',
  imports: [FormsModule, MatButtonModule, MatFormFieldModule, MatInputModule, MatRadioModule, TranslatePipe],
  template: `
    <section class="panel" aria-labelledby="review-title" data-testid="review-panel">
      <h3 id="review-title">{{ 'practices.review.title' | translate }}</h3>
      @if (problem(); as p) {
        <p role="alert" class="alert" data-testid="review-error">
          {{
            p.fields['note']?.join(' ') ||
              p.fields['visibility']?.join(' ') ||
              p.message ||
              ('common.errors.unexpected' | translate)
          }}
        </p>
      }
      <form (ngSubmit)="publish()" class="block" data-testid="publish-form">
        <p id="visibility-label" class="label">{{ 'practices.review.visibility' | translate }}</p>
        <mat-radio-group
          aria-labelledby="visibility-label"
          name="visibility"
          [(ngModel)]="visibility"
          class="choices"
          data-testid="publish-visibility"
        >
          @for (v of visibilities; track v) {
            <mat-radio-button [value]="v" [attr.data-value]="v" [aria-describedby]="'visibility-hint-' + v">
              {{ visibilityKeys[v] | translate }}
            </mat-radio-button>
            <p class="hint" [id]="'visibility-hint-' + v">{{ visibilityHintKeys[v] | translate }}</p>
          }
        </mat-radio-group>
        <mat-form-field appearance="outline" class="full">
          <mat-label>{{ 'practices.review.publishNote' | translate }}</mat-label>
          <textarea
            matInput
            name="publishNote"
            rows="2"
            [(ngModel)]="publishNote"
            [attr.maxlength]="limits.commentMax"
            data-testid="publish-note"
          ></textarea>
        </mat-form-field>
        <button mat-flat-button type="submit" [attr.aria-disabled]="busy()" data-testid="publish">
          {{ 'practices.review.publish' | translate }}
        </button>
      </form>
      <form (ngSubmit)="sendBack()" class="block" data-testid="return-form">
        <mat-form-field appearance="outline" class="full">
          <mat-label>{{ 'practices.review.returnNote' | translate }}</mat-label>
          <textarea
            matInput
            name="returnNote"
            rows="3"
            required
            [(ngModel)]="returnNote"
            [attr.maxlength]="limits.commentMax"
            data-testid="return-note"
          ></textarea>
          <mat-hint>{{ 'practices.review.returnHint' | translate }}</mat-hint>
        </mat-form-field>
        @if (noteMissing()) {
          <p role="alert" class="alert" data-testid="return-note-missing">
            {{ 'practices.review.returnNoteRequired' | translate }}
          </p>
        }
        <button mat-stroked-button type="submit" [attr.aria-disabled]="busy()" data-testid="return">
          {{ 'practices.review.return' | translate }}
        </button>
      </form>
    </section>
  `,
  styles: `
    .panel {
      margin: 1rem 0;
      padding: 0.75rem 1rem;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 8px;
    }
    h3 {
      margin: 0 0 0.5rem;
      font: var(--mat-sys-title-medium);
    }
    .block {
      margin: 0 0 1rem;
    }
    .label {
      margin: 0 0 0.25rem;
      font: var(--mat-sys-title-small);
    }
    .choices {
      display: flex;
      flex-direction: column;
    }
    .hint {
      margin: 0 0 0.5rem 2.5rem;
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-medium);
    }
    .full {
      width: 100%;
      margin-bottom: 0.5rem;
    }
    .alert {
      color: var(--mat-sys-error);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReviewPanelComponent {
  private readonly api = inject(PracticesApiService);
  private readonly dialog = inject(MatDialog);
  private readonly translate = inject(TranslateService);

  readonly practice = input.required<PracticeView>();
  readonly done = output<ReviewOutcome>();

  protected readonly limits = PRACTICE_LIMITS;
  protected readonly visibilities = PRACTICE_VISIBILITIES;
  protected readonly visibilityKeys = VISIBILITY_KEYS;
  protected readonly visibilityHintKeys = VISIBILITY_HINT_KEYS;
  protected readonly busy = signal(false);
  protected readonly problem = signal<ApiProblem | null>(null);
  protected readonly noteMissing = signal(false);
  protected visibility: PracticeVisibility = 'network';
  protected publishNote = '';
  protected returnNote = '';

  protected publish(): void {
    if (this.busy()) return;
    const visibility = this.visibility;
    const note = this.publishNote.trim();
    const audience = this.translate.instant(VISIBILITY_KEYS[visibility]) as string;
    this.problem.set(null);
    this.dialog
      .open<ConfirmDialogComponent, ConfirmDialogData, boolean>(ConfirmDialogComponent, {
        data: {
          title: _('practices.review.publishDialog.title'),
          text: _('practices.review.publishDialog.text'),
          confirm: _('practices.review.publish'),
          params: { audience },
        },
      })
      .afterClosed()
      .pipe(
        filter((confirmed) => confirmed === true),
        switchMap(() => {
          this.busy.set(true);
          return this.api.publish(this.practice().id, visibility, note || undefined);
        }),
      )
      .subscribe({
        next: (view) => {
          this.busy.set(false);
          this.publishNote = '';
          this.done.emit({ view, message: _('practices.review.published') });
        },
        error: (error: unknown) => this.failed(error),
      });
  }

  protected sendBack(): void {
    if (this.busy()) return;
    const note = this.returnNote.trim();
    this.noteMissing.set(!note);
    if (!note) return;
    this.busy.set(true);
    this.problem.set(null);
    this.api.returnToAuthor(this.practice().id, note).subscribe({
      next: (view) => {
        this.busy.set(false);
        this.returnNote = '';
        this.done.emit({ view, message: _('practices.review.returned') });
      },
      error: (error: unknown) => this.failed(error),
    });
  }

  private failed(error: unknown): void {
    this.busy.set(false);
    this.problem.set(toApiProblem(error));
  }
}
