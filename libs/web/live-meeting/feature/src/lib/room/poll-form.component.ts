import { ChangeDetectionStrategy, Component, DestroyRef, inject, output, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatRadioModule } from '@angular/material/radio';
import { MatSelectModule } from '@angular/material/select';
import { LIVE_LIMITS, MinutesForApproval, PollKind, QuorumRule } from '@kengash/contracts';
import { LiveMeetingApiService, MeetingRoomService } from '@kengash/web-live-meeting-data-access';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { ActionState } from '../shared/action-state';
import { LiveProblemComponent } from '../shared/live-problem.component';

/**
 * The chair's form to open a poll: question, yes/no/abstain or own options, secret or open, quorum rule; or a
 * vote to approve circulated minutes of an earlier meeting of the group (yes/no/abstain).
 */
@Component({
  selector: 'kg-live-poll-form',
  imports: [
    FormsModule,
    LiveProblemComponent,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    MatRadioModule,
    MatSelectModule,
    TranslatePipe,
  ],
  template: `
    <form class="poll-form" (ngSubmit)="submit()" data-testid="poll-form" aria-labelledby="poll-form-heading">
      <h3 id="poll-form-heading">{{ 'live.pollForm.title' | translate }}</h3>
      @if (approvable().length > 0) {
        <mat-form-field appearance="outline" class="full">
          <mat-label>{{ 'live.pollForm.subject' | translate }}</mat-label>
          <mat-select
            name="minutesId"
            [ngModel]="minutesId()"
            (ngModelChange)="chooseMinutes($event)"
            data-testid="poll-minutes"
          >
            <mat-option [value]="null">{{ 'live.pollForm.motion' | translate }}</mat-option>
            @for (m of approvable(); track m.id) {
              <mat-option [value]="m.id" [attr.data-testid]="'poll-minutes-' + m.id">
                {{ minutesLabel(m) }}
              </mat-option>
            }
          </mat-select>
        </mat-form-field>
      }
      <mat-form-field appearance="outline" class="full">
        <mat-label>{{ 'live.pollForm.question' | translate }}</mat-label>
        <textarea
          matInput
          name="question"
          rows="2"
          required
          [maxlength]="limits.pollQuestionMax"
          [(ngModel)]="question"
          data-testid="poll-question"
        ></textarea>
      </mat-form-field>

      <fieldset>
        <legend>{{ 'live.pollForm.kind' | translate }}</legend>
        <mat-radio-group name="kind" [(ngModel)]="kind" [disabled]="minutesId() !== null">
          <mat-radio-button value="yes_no_abstain" data-testid="poll-kind-yes-no">
            {{ 'live.pollForm.yesNoAbstain' | translate }}
          </mat-radio-button>
          <mat-radio-button value="options" data-testid="poll-kind-options">
            {{ 'live.pollForm.ownOptions' | translate }}
          </mat-radio-button>
        </mat-radio-group>
      </fieldset>

      @if (kind === 'options') {
        <fieldset>
          <legend>{{ 'live.pollForm.options' | translate }}</legend>
          @for (option of options(); track $index; let i = $index) {
            <div class="option">
              <mat-form-field appearance="outline" subscriptSizing="dynamic">
                <mat-label>{{ 'live.pollForm.option' | translate: { n: i + 1 } }}</mat-label>
                <input
                  matInput
                  [name]="'option' + i"
                  [maxlength]="limits.pollOptionMax"
                  [ngModel]="option"
                  (ngModelChange)="setOption(i, $event)"
                  [attr.data-testid]="'poll-option-' + i"
                />
              </mat-form-field>
              @if (options().length > 2) {
                <button
                  mat-button
                  type="button"
                  (click)="removeOption(i)"
                  [attr.aria-label]="'live.pollForm.removeOption' | translate: { n: i + 1 }"
                >
                  {{ 'live.pollForm.remove' | translate }}
                </button>
              }
            </div>
          }
          @if (options().length < limits.pollOptionsMax) {
            <button mat-stroked-button type="button" (click)="addOption()" data-testid="poll-add-option">
              {{ 'live.pollForm.addOption' | translate }}
            </button>
          }
        </fieldset>
      }

      <mat-checkbox name="secret" [(ngModel)]="secret" data-testid="poll-secret">
        {{ 'live.pollForm.secret' | translate }}
      </mat-checkbox>

      <fieldset>
        <legend>{{ 'live.pollForm.quorum' | translate }}</legend>
        <mat-radio-group name="quorum" [(ngModel)]="quorumKind">
          <mat-radio-button value="majority">{{ 'live.pollForm.quorumMajority' | translate }}</mat-radio-button>
          <mat-radio-button value="count">{{ 'live.pollForm.quorumCount' | translate }}</mat-radio-button>
          <mat-radio-button value="none" data-testid="poll-quorum-none">
            {{ 'live.pollForm.quorumNone' | translate }}
          </mat-radio-button>
        </mat-radio-group>
        @if (quorumKind === 'count') {
          <mat-form-field appearance="outline" subscriptSizing="dynamic">
            <mat-label>{{ 'live.pollForm.quorumCountLabel' | translate }}</mat-label>
            <input
              matInput
              type="number"
              name="quorumCount"
              min="1"
              required
              [(ngModel)]="quorumCount"
              data-testid="poll-quorum-count"
            />
          </mat-form-field>
        }
      </fieldset>

      @if (invalid()) {
        <p class="invalid" role="alert">{{ 'live.pollForm.invalid' | translate }}</p>
      }
      <kg-live-problem [problem]="actions.problem()" testId="poll-form-problem" />
      <div class="actions">
        <button mat-flat-button type="submit" [disabled]="actions.busy()" data-testid="poll-open-submit">
          {{ 'live.pollForm.open' | translate }}
        </button>
        <button mat-button type="button" (click)="closed.emit()">{{ 'common.cancel' | translate }}</button>
      </div>
    </form>
  `,
  styles: `
    .poll-form {
      display: flex;
      flex-direction: column;
      gap: 0.5rem;
      padding: 0.75rem;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 8px;
    }
    h3 {
      margin: 0;
      font: var(--mat-sys-title-medium);
    }
    fieldset {
      margin: 0;
      padding: 0.25rem 0.5rem 0.5rem;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 4px;
    }
    mat-radio-group,
    .option,
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      align-items: center;
    }
    .full {
      width: 100%;
    }
    .invalid {
      margin: 0;
      color: var(--mat-sys-error);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PollFormComponent {
  private readonly room = inject(MeetingRoomService);
  private readonly api = inject(LiveMeetingApiService);
  private readonly translate = inject(TranslateService);
  readonly closed = output<void>();

  /** Circulated minutes of earlier meetings that this meeting may approve by a vote. */
  protected readonly approvable = signal<MinutesForApproval[]>([]);
  protected readonly minutesId = signal<string | null>(null);

  protected readonly limits = LIVE_LIMITS;
  protected readonly actions = new ActionState();
  protected readonly options = signal<string[]>(['', '']);
  protected readonly invalid = signal(false);
  protected question = '';
  protected kind: PollKind = 'yes_no_abstain';
  protected secret = false;
  protected quorumKind: QuorumRule['kind'] = 'majority';
  protected quorumCount = 1;

  constructor() {
    const sessionId = this.room.snapshot()?.session.id;
    if (sessionId) {
      const request = this.api.minutesForApproval(sessionId).subscribe({
        next: (response) => this.approvable.set(response.items),
        // Without the list the form still opens ordinary motions.
        error: () => this.approvable.set([]),
      });
      inject(DestroyRef).onDestroy(() => request.unsubscribe());
    }
  }

  protected minutesLabel(m: MinutesForApproval): string {
    const date = new Intl.DateTimeFormat(this.translate.getCurrentLang() || 'en', { dateStyle: 'medium' }).format(
      new Date(m.sessionStartsAt),
    );
    const face = this.translate.instant(m.face === 'full' ? 'live.pollForm.fullRecord' : 'live.pollForm.publicSummary');
    return `${m.sessionTitle} (${date}) — ${face}`;
  }

  /** Choosing minutes makes it a yes/no/abstain vote with a worded question (kept if the chair wrote one). */
  protected chooseMinutes(id: string | null): void {
    this.minutesId.set(id);
    const chosen = this.approvable().find((m) => m.id === id);
    if (!chosen) return;
    this.kind = 'yes_no_abstain';
    if (!this.question.trim())
      this.question = this.translate.instant('live.pollForm.approveQuestion', { minutes: this.minutesLabel(chosen) });
  }

  protected setOption(index: number, value: string): void {
    this.options.update((list) => list.map((o, i) => (i === index ? value : o)));
  }

  protected addOption(): void {
    this.options.update((list) => [...list, '']);
  }

  protected removeOption(index: number): void {
    this.options.update((list) => list.filter((_, i) => i !== index));
  }

  protected async submit(): Promise<void> {
    const question = this.question.trim();
    const options = this.options()
      .map((o) => o.trim())
      .filter((o) => o.length > 0);
    const distinct = new Set(options).size === options.length;
    const count = Math.floor(Number(this.quorumCount));
    const ok =
      question.length > 0 &&
      (this.kind !== 'options' || (options.length >= 2 && distinct)) &&
      (this.quorumKind !== 'count' || count >= 1);
    this.invalid.set(!ok);
    if (!ok) return;
    const quorum: QuorumRule = this.quorumKind === 'count' ? { kind: 'count', count } : { kind: this.quorumKind };
    const opened = await this.actions.run(() =>
      this.room.openPoll({
        question,
        kind: this.kind,
        ...(this.kind === 'options' ? { options } : {}),
        secret: this.secret,
        quorum,
        ...(this.minutesId() ? { minutesId: this.minutesId() ?? undefined } : {}),
      }),
    );
    if (opened) this.closed.emit();
  }
}
