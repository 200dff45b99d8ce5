import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatMenuModule } from '@angular/material/menu';
import { RouterLink } from '@angular/router';
import { ActionItemStatus, ActionItemView, pickText } from '@kengash/contracts';
import { TranslatePipe } from '@ngx-translate/core';
import { daysOverdue, formatDay, overdueDaysKey } from '../shared/action-dates';
import { ActionRight } from '../shared/action-rights';
import { ACTION_STATUS_KEYS } from '../shared/minutes-labels';

export const BOARD_STATUSES: readonly ActionItemStatus[] = [
  ActionItemStatus.Open,
  ActionItemStatus.InProgress,
  ActionItemStatus.Done,
  ActionItemStatus.Dropped,
];

/**
 * One action item on the board: title, owner, due date (overdue said in words, with the days), group and where
 * it was decided; "Move to…" for its owner and editors, "Edit" for editors. Emits what the person chose.
 */
@Component({
  selector: 'kg-action-card',
  imports: [MatButtonModule, MatMenuModule, RouterLink, TranslatePipe],
  templateUrl: './action-card.component.html',
  styleUrl: './action-card.component.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ActionCardComponent {
  readonly item = input.required<ActionItemView>();
  readonly right = input<ActionRight>('none');
  readonly locale = input.required<string>();
  /** Today on the viewer's calendar (`yyyy-mm-dd`), to count the days overdue. */
  readonly today = input.required<string>();
  /** A change is being saved: moving again waits. */
  readonly busy = input(false);
  readonly move = output<ActionItemStatus>();
  readonly edit = output<void>();

  protected readonly statusKeys = ACTION_STATUS_KEYS;
  protected readonly due = computed(() => formatDay(this.item().dueDate, this.locale()));
  protected readonly group = computed(() => pickText(this.item().groupName, this.locale()));
  protected readonly overdueDays = computed(() => daysOverdue(this.item().dueDate, this.today()));
  protected readonly overdueKey = computed(() => overdueDaysKey(this.overdueDays(), this.locale()));
  protected readonly targets = computed(() => BOARD_STATUSES.filter((s) => s !== this.item().status));
}
