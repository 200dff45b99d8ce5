import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { AuthService } from '@kengash/web-identity-data-access';
import { TranslatePipe } from '@ngx-translate/core';
import { canCreatePractice } from './practice-rights';

export type PracticeAreaPage = 'library' | 'review' | 'new' | 'other';

/**
 * The library's own navigation: the library, the review queue (signed-in people) and "New entry" (those who
 * write entries).
 */
@Component({
  selector: 'kg-practice-links',
  imports: [RouterLink, TranslatePipe],
  template: `
    <nav class="practice-links" [attr.aria-label]="'practices.links.label' | translate">
      <a
        routerLink="/practices"
        data-testid="library-link"
        [attr.aria-current]="current() === 'library' ? 'page' : null"
        >{{ 'practices.links.library' | translate }}</a
      >
      @if (signedIn()) {
        <a
          routerLink="/practices/review"
          data-testid="review-queue-link"
          [attr.aria-current]="current() === 'review' ? 'page' : null"
          >{{ 'practices.links.review' | translate }}</a
        >
      }
      @if (canCreate()) {
        <a
          routerLink="/practices/new"
          data-testid="new-practice-link"
          [attr.aria-current]="current() === 'new' ? 'page' : null"
          >{{ 'practices.links.new' | translate }}</a
        >
      }
    </nav>
  `,
  styles: `
    .practice-links {
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
      font-weight: 600;
      text-decoration: none;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PracticeLinksComponent {
  private readonly auth = inject(AuthService);

  readonly current = input<PracticeAreaPage>('other');

  protected readonly signedIn = computed(() => this.auth.user() !== null);
  protected readonly canCreate = computed(() => canCreatePractice(this.auth.user()));
}
