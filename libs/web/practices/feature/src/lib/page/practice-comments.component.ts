import { ChangeDetectionStrategy, Component, effect, inject, input, signal, untracked } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { PRACTICE_LIMITS, PracticeCommentView, PracticeStatus } from '@kengash/contracts';
import { ApiProblem, AuthService, toApiProblem } from '@kengash/web-identity-data-access';
import { PracticesApiService } from '@kengash/web-practices-data-access';
import { TranslatePipe } from '@ngx-translate/core';
import { formatDate, injectActiveLocale } from '../shared/practice-labels';

/**
 * Comments on an entry. Before publication they are review comments (seen by the author, the reviewers and the
 * secretariat) and are marked as such; after, discussion comments every reader sees. Return notes and publication
 * notes arrive here as review comments too.
 */
@Component({
  selector: 'kg-practice-comments',
  imports: [FormsModule, MatButtonModule, MatFormFieldModule, MatInputModule, TranslatePipe],
  template: `
    <section aria-labelledby="comments-title" data-testid="practice-comments">
      <h2 id="comments-title" class="section-title">{{ 'practices.comments.title' | translate }}</h2>
      @if (failed()) {
        <p role="alert">{{ 'practices.comments.loadFailed' | translate }}</p>
      }
      <ol class="comments">
        @for (comment of comments(); track comment.id) {
          <li class="comment" data-testid="practice-comment" [attr.data-kind]="comment.kind">
            <p class="byline">
              <strong>{{ comment.author?.name || ('practices.comments.formerUser' | translate) }}</strong>
              <span class="muted">{{ when(comment.createdAt) }}</span>
              @if (comment.kind === 'review') {
                <span class="badge" data-testid="review-badge">{{ 'practices.comments.review' | translate }}</span>
              }
            </p>
            <p class="body">{{ comment.body }}</p>
          </li>
        } @empty {
          <li class="muted">{{ 'practices.comments.none' | translate }}</li>
        }
      </ol>
      @if (canComment()) {
        <form (ngSubmit)="post()" class="comment-form" data-testid="comment-form">
          <mat-form-field appearance="outline" class="full">
            <mat-label>{{ 'practices.comments.label' | translate }}</mat-label>
            <textarea
              matInput
              name="body"
              rows="3"
              [(ngModel)]="body"
              [attr.maxlength]="limits.commentMax"
              required
              data-testid="comment-body"
            ></textarea>
            <mat-hint>{{
              (status() === 'published' ? 'practices.comments.discussionHint' : 'practices.comments.reviewHint')
                | translate
            }}</mat-hint>
          </mat-form-field>
          @if (problem(); as p) {
            <p role="alert" class="alert">
              {{ p.fields['body']?.join(' ') || p.message || ('common.errors.unexpected' | translate) }}
            </p>
          }
          <button mat-stroked-button type="submit" [attr.aria-disabled]="busy()" data-testid="comment-post">
            {{ 'practices.comments.post' | translate }}
          </button>
          <div aria-live="polite">
            @if (posted()) {
              <p role="status">{{ 'practices.comments.posted' | translate }}</p>
            }
          </div>
        </form>
      }
    </section>
  `,
  styles: `
    .section-title {
      margin: 1.5rem 0 0.5rem;
      font: var(--mat-sys-title-large);
    }
    .comments {
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .comment {
      margin: 0 0 0.75rem;
      padding: 0.5rem 0.75rem;
      border-inline-start: 3px solid var(--mat-sys-outline-variant);
    }
    .comment[data-kind='review'] {
      border-inline-start-color: var(--mat-sys-tertiary);
    }
    .byline {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem 0.75rem;
      align-items: center;
      margin: 0;
    }
    .body {
      margin: 0.25rem 0 0;
      white-space: pre-line;
      overflow-wrap: anywhere;
    }
    .badge {
      padding: 0 0.5rem;
      border-radius: 1rem;
      background: var(--mat-sys-tertiary-container);
      color: var(--mat-sys-on-tertiary-container);
      font: var(--mat-sys-label-medium);
    }
    .muted {
      color: var(--mat-sys-on-surface-variant);
    }
    .full {
      width: 100%;
    }
    .alert {
      color: var(--mat-sys-error);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PracticeCommentsComponent {
  private readonly api = inject(PracticesApiService);
  private readonly auth = inject(AuthService);

  readonly practiceId = input.required<string>();
  readonly status = input.required<PracticeStatus>();
  readonly canComment = input(false);
  /** Changes when the entry changes (a return or publication adds a review comment). */
  readonly version = input(0);

  protected readonly locale = injectActiveLocale();
  protected readonly limits = PRACTICE_LIMITS;
  protected readonly comments = signal<PracticeCommentView[]>([]);
  protected readonly failed = signal(false);
  protected readonly busy = signal(false);
  protected readonly posted = signal(false);
  protected readonly problem = signal<ApiProblem | null>(null);
  protected body = '';

  constructor() {
    effect(() => {
      const id = this.practiceId();
      this.version();
      untracked(() => this.load(id));
    });
  }

  private load(id: string): void {
    this.api.comments(id).subscribe({
      next: (comments) => {
        this.failed.set(false);
        this.comments.set(comments);
      },
      error: () => this.failed.set(true),
    });
  }

  protected post(): void {
    const body = this.body.trim();
    if (!body || this.busy()) return;
    this.busy.set(true);
    this.problem.set(null);
    this.posted.set(false);
    this.api.comment(this.practiceId(), body).subscribe({
      next: (comment) => {
        this.busy.set(false);
        this.body = '';
        this.comments.update((list) => [...list, comment]);
        this.posted.set(true);
      },
      error: (error: unknown) => {
        this.busy.set(false);
        this.problem.set(toApiProblem(error));
      },
    });
  }

  protected when(instant: string): string {
    return formatDate(instant, this.locale(), this.auth.user()?.timeZone);
  }
}
