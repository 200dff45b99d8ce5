import { ChangeDetectionStrategy, Component, inject, input, OnInit, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { Router, RouterLink } from '@angular/router';
import { AuthService } from '@kengash/web-identity-data-access';
import { TranslatePipe } from '@ngx-translate/core';

/**
 * `/sign-in/sso-complete`: where the API sends the browser back after the identity provider.
 * The session is picked up with one refresh (the API has set the cookie), or `?error=` is shown.
 */
@Component({
  selector: 'kg-sso-complete',
  imports: [MatButtonModule, MatProgressBarModule, RouterLink, TranslatePipe],
  template: `
    <div class="kg-page kg-narrow-page">
      <h1>{{ 'identity.sso.title' | translate }}</h1>
      @if (failed()) {
        <div class="kg-alert" role="alert" data-testid="sso-error">
          <p>{{ 'identity.sso.failed' | translate }}</p>
          @if (error(); as code) {
            <p class="kg-muted">{{ 'identity.sso.errorCode' | translate: { code } }}</p>
          }
        </div>
        <a mat-flat-button routerLink="/sign-in">{{ 'identity.sso.tryAgain' | translate }}</a>
      } @else {
        <div role="status">
          <mat-progress-bar mode="indeterminate" [attr.aria-label]="'identity.sso.working' | translate" />
          <p>{{ 'identity.sso.working' | translate }}</p>
        </div>
      }
    </div>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SsoCompleteComponent implements OnInit {
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);

  /** `?error=` from the API when the provider or the account check failed. */
  readonly error = input<string | undefined>();
  protected readonly failed = signal(false);

  ngOnInit(): void {
    if (this.error()) {
      this.failed.set(true);
      return;
    }
    if (this.auth.isSignedIn()) {
      // The session restore at app start has already picked up the new cookie.
      void this.router.navigateByUrl('/');
      return;
    }
    this.auth.refresh().subscribe({
      next: (session) => (session ? void this.router.navigateByUrl('/') : this.failed.set(true)),
      error: () => this.failed.set(true),
    });
  }
}
