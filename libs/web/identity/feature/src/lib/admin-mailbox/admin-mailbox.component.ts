import { ChangeDetectionStrategy, Component, inject, OnInit, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { CaughtMailView } from '@kengash/contracts';
import { AdminApiService, ApiProblem, AuthService, toApiProblem } from '@kengash/web-identity-data-access';
import { TranslatePipe } from '@ngx-translate/core';
import { viewerTimeZone } from '../admin-audit/admin-audit.component';
import { injectActiveLocale } from '../shared/active-locale';
import { FormErrorComponent } from '../shared/form-error.component';

/** The development inbox: mail the API's in-process SMTP catcher received (only without SMTP_URL). */
@Component({
  selector: 'kg-admin-mailbox',
  imports: [MatButtonModule, MatProgressBarModule, TranslatePipe, FormErrorComponent],
  template: `
    <h1>{{ 'admin.mailbox.title' | translate }}</h1>
    <p>{{ 'admin.mailbox.intro' | translate }}</p>
    <button mat-stroked-button type="button" (click)="load()" data-testid="mailbox-refresh">
      {{ 'admin.mailbox.refresh' | translate }}
    </button>
    @if (loading()) {
      <mat-progress-bar mode="indeterminate" [attr.aria-label]="'admin.mailbox.loading' | translate" />
    }
    <kg-form-error [problem]="problem()" />
    <div aria-live="polite">
      @if (!loading() && !problem() && mails().length === 0) {
        <p>{{ 'admin.mailbox.empty' | translate }}</p>
      }
    </div>
    @for (mail of mails(); track $index) {
      <article class="mail" data-testid="caught-mail">
        <h2>{{ mail.subject }}</h2>
        <p class="meta">
          {{ 'admin.mailbox.to' | translate }}: {{ mail.to.join(', ') }} · {{ when(mail.at) }}
          @if (mail.attachments.length) {
            · {{ 'admin.mailbox.attachments' | translate }}: {{ mail.attachments.join(', ') }}
          }
        </p>
        <details>
          <summary>{{ 'admin.mailbox.show' | translate }}</summary>
          <pre>{{ mail.text }}</pre>
        </details>
      </article>
    }
  `,
  styles: `
    .mail {
      border-top: 1px solid var(--mat-sys-outline-variant, #ccc);
      padding: 0.75rem 0;
    }
    .mail h2 {
      font-size: 1.05rem;
      margin: 0 0 0.25rem;
    }
    .meta {
      margin: 0 0 0.5rem;
      font-size: 0.875rem;
    }
    pre {
      white-space: pre-wrap;
      overflow-wrap: anywhere;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AdminMailboxComponent implements OnInit {
  private readonly api = inject(AdminApiService);
  private readonly auth = inject(AuthService);
  private readonly locale = injectActiveLocale();
  protected readonly mails = signal<CaughtMailView[]>([]);
  protected readonly loading = signal(false);
  protected readonly problem = signal<ApiProblem | null>(null);

  ngOnInit(): void {
    this.load();
  }

  protected load(): void {
    this.loading.set(true);
    this.problem.set(null);
    this.api.mailbox().subscribe({
      next: (res) => {
        this.mails.set(res.items);
        this.loading.set(false);
      },
      error: (e: unknown) => {
        this.problem.set(toApiProblem(e));
        this.loading.set(false);
      },
    });
  }

  protected when(at: string): string {
    return new Intl.DateTimeFormat(this.locale(), {
      dateStyle: 'medium',
      timeStyle: 'short',
      timeZone: viewerTimeZone(this.auth.user()?.timeZone),
    }).format(new Date(at));
  }
}
