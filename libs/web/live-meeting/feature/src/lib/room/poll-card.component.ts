import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatRadioModule } from '@angular/material/radio';
import { RouterLink } from '@angular/router';
import { PollView } from '@kengash/contracts';
import { MeetingRoomService } from '@kengash/web-live-meeting-data-access';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { ActionState } from '../shared/action-state';
import { choiceLabel, outcomeKey } from '../shared/live-labels';
import { LiveProblemComponent } from '../shared/live-problem.component';

interface OptionRow {
  value: string;
  key: string | null;
  text: string;
  votes: number;
  percent: number;
}

/** The open (or last closed) poll: question, my vote, live tally or the count of secret votes, quorum, result. */
@Component({
  selector: 'kg-live-poll',
  imports: [FormsModule, LiveProblemComponent, MatButtonModule, MatRadioModule, RouterLink, TranslatePipe],
  template: `
    @if (poll(); as p) {
      <section class="poll" aria-labelledby="live-poll-heading" data-testid="poll-card" [attr.data-status]="p.status">
        <h2 id="live-poll-heading">
          {{ (p.status === 'open' ? 'live.poll.open' : 'live.poll.closed') | translate }}
          @if (p.secret) {
            <span class="chip">{{ 'live.poll.secret' | translate }}</span>
          }
        </h2>
        <p class="question" data-testid="poll-question-text">{{ p.question }}</p>
        @if (p.minutesId) {
          <p data-testid="poll-minutes-subject">
            {{ 'live.poll.approvesMinutes' | translate }}
            <a [routerLink]="['/minutes', p.minutesId]">{{ 'live.poll.readMinutes' | translate }}</a>
          </p>
        }

        @if (canVote() && !p.myChoice && !p.voted) {
          <form (ngSubmit)="vote(p)" class="vote">
            <mat-radio-group
              name="choice"
              [(ngModel)]="choice"
              [attr.aria-label]="'live.poll.choose' | translate"
              data-testid="poll-choices"
            >
              @for (row of rows(); track row.value) {
                <mat-radio-button [value]="row.value" [attr.data-testid]="'poll-choice-' + row.value">
                  {{ row.key ? (row.key | translate) : row.text }}
                </mat-radio-button>
              }
            </mat-radio-group>
            <button mat-flat-button type="submit" [disabled]="!choice() || actions.busy()" data-testid="poll-vote">
              {{ 'live.poll.vote' | translate }}
            </button>
          </form>
        }
        @if (p.myChoice; as mine) {
          <p data-testid="my-vote">{{ 'live.poll.myVote' | translate: { choice: label(p, mine) } }}</p>
        } @else if (p.voted) {
          <p data-testid="my-vote">{{ 'live.poll.voted' | translate }}</p>
        }
        <kg-live-problem [problem]="actions.problem()" testId="poll-problem" />

        @if (p.tally) {
          <ul class="tally" data-testid="poll-tally">
            @for (row of rows(); track row.value) {
              <li [attr.data-option]="row.value" [attr.data-votes]="row.votes">
                <span class="option">{{ row.key ? (row.key | translate) : row.text }}</span>
                <span class="bar" aria-hidden="true"><span [style.width.%]="row.percent"></span></span>
                <span class="count">{{
                  'live.poll.votes' | translate: { count: row.votes, percent: row.percent }
                }}</span>
              </li>
            }
          </ul>
        } @else {
          <p data-testid="poll-secret-count">{{ 'live.poll.secretCount' | translate: { count: p.votesCast } }}</p>
        }

        <p class="quorum" [class.missing]="!p.quorum.reached" data-testid="poll-quorum">
          @if (p.quorum.rule.kind === 'none') {
            {{ 'live.poll.quorumNone' | translate: { present: p.quorum.present, eligible: p.quorum.eligible } }}
          } @else {
            {{
              'live.poll.quorum'
                | translate: { present: p.quorum.present, eligible: p.quorum.eligible, required: p.quorum.required }
            }}
            {{ (p.quorum.reached ? 'live.poll.quorumReached' : 'live.poll.quorumMissing') | translate }}
          }
        </p>

        @if (p.result; as result) {
          <p class="result" data-testid="poll-result" [attr.data-outcome]="result.outcome">
            @if (outcomeKey(result.outcome); as key) {
              {{ 'live.poll.result' | translate: { outcome: (key | translate) } }}
            } @else {
              {{ 'live.poll.result' | translate: { outcome: label(p, result.outcome) } }}
            }
          </p>
        }
      </section>
    }
  `,
  styles: `
    .poll {
      padding: 0.75rem;
      border: 2px solid var(--mat-sys-primary);
      border-radius: 8px;
    }
    .poll[data-status='closed'] {
      border-color: var(--mat-sys-outline-variant);
    }
    h2 {
      margin: 0 0 0.25rem;
      font: var(--mat-sys-title-medium);
    }
    .chip {
      margin-inline-start: 0.5rem;
      padding: 0 0.5rem;
      border: 1px solid var(--mat-sys-outline);
      border-radius: 1rem;
      font: var(--mat-sys-label-medium);
    }
    .question {
      font: var(--mat-sys-title-large);
    }
    .vote,
    mat-radio-group {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      align-items: center;
    }
    .tally {
      margin: 0.5rem 0;
      padding: 0;
      list-style: none;
    }
    .tally li {
      display: grid;
      grid-template-columns: minmax(5rem, auto) 1fr auto;
      gap: 0.5rem;
      align-items: center;
    }
    .bar {
      height: 0.75rem;
      border-radius: 4px;
      background: var(--mat-sys-surface-container-high);
    }
    .bar span {
      display: block;
      height: 100%;
      border-radius: 4px;
      background: var(--mat-sys-primary);
    }
    .quorum.missing {
      color: var(--mat-sys-error);
    }
    .result {
      font-weight: 600;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PollCardComponent {
  private readonly room = inject(MeetingRoomService);
  private readonly translate = inject(TranslateService);
  protected readonly actions = new ActionState();
  protected readonly choice = signal<string | null>(null);
  protected readonly outcomeKey = outcomeKey;

  protected readonly poll = computed(() => this.room.snapshot()?.poll ?? null);
  protected readonly canVote = computed(() => {
    const s = this.room.snapshot();
    return !!s && s.can.vote && !s.can.readOnly && s.poll?.status === 'open';
  });
  protected readonly rows = computed<OptionRow[]>(() => {
    const p = this.poll();
    if (!p) return [];
    const tally = p.tally ?? {};
    const total = Object.values(tally).reduce((sum, n) => sum + n, 0);
    return p.options.map((value) => {
      const votes = tally[value] ?? 0;
      return { value, ...choiceLabel(p.kind, value), votes, percent: total ? Math.round((votes / total) * 100) : 0 };
    });
  });

  protected label(p: PollView, option: string): string {
    const { key, text } = choiceLabel(p.kind, option);
    return key ? this.translate.instant(key) : text;
  }

  protected vote(p: PollView): void {
    const choice = this.choice();
    if (!choice) return;
    void this.actions.run(() => this.room.vote(p.id, choice));
  }
}
