import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MeetingRoomService } from '@kengash/web-live-meeting-data-access';
import { ConfirmDialogComponent, ConfirmDialogData } from '@kengash/web-shared-ui';
import { _, TranslatePipe } from '@ngx-translate/core';
import { firstValueFrom } from 'rxjs';
import { ActionState } from '../shared/action-state';
import { LiveProblemComponent } from '../shared/live-problem.component';
import { PollFormComponent } from './poll-form.component';

/** What the chair runs: start, move through the agenda, the timer, polls, the end of the meeting. */
@Component({
  selector: 'kg-live-chair-controls',
  imports: [LiveProblemComponent, MatButtonModule, PollFormComponent, TranslatePipe],
  template: `
    @if (room.snapshot(); as s) {
      <section class="chair" aria-labelledby="live-chair-heading" data-testid="chair-controls">
        <h2 id="live-chair-heading">{{ 'live.chair.title' | translate }}</h2>
        <div class="buttons">
          @if (s.meeting.status === 'waiting') {
            <button
              mat-flat-button
              type="button"
              (click)="run(start)"
              [disabled]="actions.busy()"
              data-testid="start-meeting"
            >
              {{ 'live.chair.start' | translate }}
            </button>
          }
          @if (s.meeting.status === 'live') {
            <button
              mat-stroked-button
              type="button"
              (click)="run(back)"
              [disabled]="actions.busy() || isFirst()"
              data-testid="agenda-back"
            >
              {{ 'live.chair.previous' | translate }}
            </button>
            <button
              mat-stroked-button
              type="button"
              (click)="run(advance)"
              [disabled]="actions.busy() || isLast()"
              data-testid="agenda-next"
            >
              {{ 'live.chair.next' | translate }}
            </button>
            @if (s.meeting.timer.runningSince) {
              <button mat-stroked-button type="button" (click)="run(pause)" data-testid="timer-pause">
                {{ 'live.chair.pause' | translate }}
              </button>
            } @else {
              <button mat-stroked-button type="button" (click)="run(resume)" data-testid="timer-resume">
                {{ 'live.chair.resume' | translate }}
              </button>
            }
            @if (s.poll?.status === 'open') {
              <button mat-stroked-button type="button" (click)="run(closePoll)" data-testid="poll-close">
                {{ 'live.chair.closePoll' | translate }}
              </button>
            } @else {
              <button
                mat-stroked-button
                type="button"
                [attr.aria-expanded]="pollFormOpen()"
                aria-controls="live-poll-form"
                (click)="pollFormOpen.set(!pollFormOpen())"
                data-testid="poll-new"
              >
                {{ 'live.chair.newPoll' | translate }}
              </button>
            }
            <button mat-flat-button type="button" class="end" (click)="confirmEnd()" data-testid="end-meeting">
              {{ 'live.chair.end' | translate }}
            </button>
          }
        </div>
        <kg-live-problem [problem]="actions.problem()" testId="chair-problem" />
        <div id="live-poll-form">
          @if (pollFormOpen() && s.meeting.status === 'live' && s.poll?.status !== 'open') {
            <kg-live-poll-form (closed)="pollFormOpen.set(false)" />
          }
        </div>
      </section>
    }
  `,
  styles: `
    .chair {
      padding: 0.75rem;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 8px;
    }
    h2 {
      margin: 0 0 0.5rem;
      font: var(--mat-sys-title-medium);
    }
    .buttons {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      margin: 0 0 0.5rem;
    }
    .end {
      margin-inline-start: auto;
      --mat-button-filled-container-color: var(--mat-sys-error);
      --mat-button-filled-label-text-color: var(--mat-sys-on-error);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ChairControlsComponent {
  protected readonly room = inject(MeetingRoomService);
  private readonly dialog = inject(MatDialog);
  protected readonly actions = new ActionState();
  protected readonly pollFormOpen = signal(false);

  private readonly position = computed(() => {
    const s = this.room.snapshot();
    if (!s) return { index: -1, count: 0 };
    return { index: s.agenda.findIndex((i) => i.id === s.meeting.currentItemId), count: s.agenda.length };
  });
  protected readonly isFirst = computed(() => this.position().index <= 0);
  protected readonly isLast = computed(() => {
    const { index, count } = this.position();
    return count === 0 || index === count - 1;
  });

  protected readonly start = () => this.room.start();
  protected readonly back = () => this.room.back();
  protected readonly advance = () => this.room.advance();
  protected readonly pause = () => this.room.timer('pause');
  protected readonly resume = () => this.room.timer('resume');
  protected readonly closePoll = () => {
    const poll = this.room.snapshot()?.poll;
    return poll ? this.room.closePoll(poll.id) : Promise.resolve(null);
  };

  protected run(action: () => Promise<unknown>): void {
    void this.actions.run(action);
  }

  protected async confirmEnd(): Promise<void> {
    const confirmed = await firstValueFrom(
      this.dialog
        .open<ConfirmDialogComponent, ConfirmDialogData, boolean>(ConfirmDialogComponent, {
          data: {
            title: _('live.chair.endConfirm.title'),
            text: _('live.chair.endConfirm.text'),
            confirm: _('live.chair.endConfirm.confirm'),
          },
        })
        .afterClosed(),
    );
    if (confirmed === true) await this.actions.run(() => this.room.end());
  }
}
