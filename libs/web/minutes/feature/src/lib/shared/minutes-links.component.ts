import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { AuthService } from '@kengash/web-identity-data-access';
import { TranslatePipe } from '@ngx-translate/core';
import { editsAnyGroup } from './action-rights';

/** The pages of the minutes area; `overdue` is the board's overdue preset. */
export type MinutesAreaPage = 'register' | 'board' | 'overdue' | 'mine';

/**
 * The minutes area's own navigation: the decisions register, the action board, My actions and — for chairs,
 * co-chairs, rapporteurs and the secretariat, who follow them up — the overdue items.
 */
@Component({
  selector: 'kg-minutes-links',
  imports: [RouterLink, TranslatePipe],
  template: `
    <nav class="minutes-links" [attr.aria-label]="'minutesArea.board.links.label' | translate">
      <a
        routerLink="/minutes"
        data-testid="register-link"
        [attr.aria-current]="current() === 'register' ? 'page' : null"
        >{{ 'minutesArea.register.title' | translate }}</a
      >
      <a
        routerLink="/minutes/board"
        data-testid="board-link"
        [attr.aria-current]="current() === 'board' ? 'page' : null"
        >{{ 'minutesArea.board.links.board' | translate }}</a
      >
      <a
        routerLink="/minutes/actions"
        data-testid="my-actions-link"
        [attr.aria-current]="current() === 'mine' ? 'page' : null"
        >{{ 'minutesArea.actions.title' | translate }}</a
      >
      @if (followsUp()) {
        <a
          routerLink="/minutes/board"
          [queryParams]="{ overdue: 'true' }"
          data-testid="overdue-link"
          [attr.aria-current]="current() === 'overdue' ? 'page' : null"
          >{{ 'minutesArea.board.links.overdue' | translate }}</a
        >
      }
    </nav>
  `,
  styles: `
    .minutes-links {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem 1rem;
      margin: 0 0 1rem;
    }
    a {
      display: inline-block;
      padding: 0.5rem 0;
      min-height: 24px;
      color: var(--mat-sys-primary);
    }
    a[aria-current='page'] {
      color: var(--mat-sys-on-surface);
      font-weight: 600;
      text-decoration: none;
    }
    a:focus-visible {
      outline: 3px solid var(--mat-sys-primary);
      outline-offset: 2px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MinutesLinksComponent {
  private readonly auth = inject(AuthService);

  readonly current = input.required<MinutesAreaPage>();

  protected readonly followsUp = computed(() => editsAnyGroup(this.auth.user()));
}
