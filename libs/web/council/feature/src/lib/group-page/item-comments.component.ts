import { ChangeDetectionStrategy, Component, inject, input, OnInit, signal } from '@angular/core';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { WorkPlanComment } from '@kengash/contracts';
import { CouncilApiService } from '@kengash/web-council-data-access';
import { ApiProblem, toApiProblem } from '@kengash/web-identity-data-access';
import { _, TranslatePipe } from '@ngx-translate/core';
import { ProblemComponent } from '../shared/problem.component';

/** The comments on one work-plan item, oldest first, with a form for those who may comment. */
@Component({
  selector: 'kg-item-comments',
  imports: [MatButtonModule, MatFormFieldModule, MatInputModule, ProblemComponent, ReactiveFormsModule, TranslatePipe],
  template: `
    <section class="comments" [attr.aria-label]="'comments.heading' | translate" data-testid="comments">
      <p class="kg-visually-hidden" role="status" aria-live="polite">{{ announcement() | translate }}</p>
      @if (loading()) {
        <p>{{ 'comments.loading' | translate }}</p>
      }
      <kg-council-problem [problem]="problem()" testId="comments-error" />
      @if (!loading() && comments().length === 0 && !problem()) {
        <p class="kg-muted">{{ 'comments.none' | translate }}</p>
      }
      <ol class="list">
        @for (comment of comments(); track comment.id) {
          <li data-testid="comment">
            <p class="meta">
              <strong>{{ comment.authorName }}</strong>
              <span class="kg-visually-hidden">, </span>
              <time [attr.datetime]="comment.createdAt">{{ when(comment.createdAt) }}</time>
            </p>
            <p class="body">{{ comment.body }}</p>
          </li>
        }
      </ol>
      @if (canComment()) {
        <form class="kg-form" [formGroup]="form" (ngSubmit)="post()" novalidate>
          <mat-form-field appearance="outline" class="kg-full-width">
            <mat-label>{{ 'comments.body' | translate }}</mat-label>
            <textarea matInput formControlName="body" rows="3" required data-testid="comment-body"></textarea>
            <mat-error>{{ 'common.validation.required' | translate }}</mat-error>
          </mat-form-field>
          <div class="kg-form-actions">
            <button mat-stroked-button type="submit" [attr.aria-disabled]="busy()" data-testid="post-comment">
              {{ 'comments.post' | translate }}
            </button>
          </div>
        </form>
      }
    </section>
  `,
  styles: `
    .comments {
      margin-top: 0.75rem;
      padding-top: 0.5rem;
      border-top: 1px solid var(--mat-sys-outline-variant);
    }
    .list {
      margin: 0 0 0.5rem;
      padding: 0;
      list-style: none;
    }
    .list li {
      padding: 0.25rem 0;
    }
    .meta,
    .body {
      margin: 0;
    }
    time {
      margin-inline-start: 0.5rem;
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-small);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ItemCommentsComponent implements OnInit {
  private readonly api = inject(CouncilApiService);

  readonly itemId = input.required<string>();
  readonly canComment = input(false);
  readonly locale = input.required<string>();

  protected readonly comments = signal<WorkPlanComment[]>([]);
  protected readonly loading = signal(true);
  protected readonly busy = signal(false);
  protected readonly problem = signal<ApiProblem | null>(null);
  protected readonly announcement = signal('');
  protected readonly form = inject(FormBuilder).nonNullable.group({
    body: ['', [Validators.required, Validators.maxLength(4000)]],
  });

  ngOnInit(): void {
    this.api.listComments(this.itemId()).subscribe({
      next: (comments) => {
        this.comments.set(comments);
        this.loading.set(false);
      },
      error: (error: unknown) => {
        this.loading.set(false);
        this.problem.set(toApiProblem(error));
      },
    });
  }

  protected when(instant: string): string {
    const date = new Date(instant);
    return Number.isNaN(date.getTime())
      ? instant
      : new Intl.DateTimeFormat(this.locale(), { dateStyle: 'medium', timeStyle: 'short' }).format(date);
  }

  protected post(): void {
    const body = this.form.getRawValue().body.trim();
    if (this.busy()) {
      return;
    }
    if (!body) {
      this.form.controls.body.setErrors({ required: true });
      this.form.markAllAsTouched();
      return;
    }
    this.busy.set(true);
    this.problem.set(null);
    this.api.addComment(this.itemId(), { body }).subscribe({
      next: (comment) => {
        this.busy.set(false);
        this.comments.update((list) => [...list, comment]);
        this.form.reset();
        this.announcement.set(_('comments.posted'));
      },
      error: (error: unknown) => {
        this.busy.set(false);
        this.problem.set(toApiProblem(error));
      },
    });
  }
}
