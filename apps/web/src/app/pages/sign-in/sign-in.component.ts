import { ChangeDetectionStrategy, Component } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';

/** Placeholder: identity (accounts, SSO, 2FA) is not built yet, so there is no form to fill. */
@Component({
  selector: 'kg-sign-in',
  imports: [MatButtonModule, RouterLink, TranslatePipe],
  template: `
    <div class="kg-page">
      <h1>{{ 'nav.signIn' | translate }}</h1>
      <p class="kg-notice">
        <strong>{{ 'areas.notOpenYet.label' | translate }}</strong>
        {{ 'signIn.text' | translate }}
      </p>
      <p>{{ 'signIn.publicInfo' | translate }}</p>
      <a mat-stroked-button routerLink="/">{{ 'areas.backToCouncil' | translate }}</a>
    </div>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SignInComponent {}
