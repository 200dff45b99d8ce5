import { ChangeDetectionStrategy, Component } from '@angular/core';
import { PRIVACY_NOTICE_VERSION } from '@kengash/contracts';
import { TranslatePipe } from '@ngx-translate/core';

/** The network's privacy notice (short), with its version: applicants consent to exactly this text. */
@Component({
  selector: 'kg-network-privacy-notice',
  imports: [TranslatePipe],
  template: `
    <section class="notice" aria-labelledby="privacy-notice-title" data-testid="privacy-notice">
      <h2 id="privacy-notice-title">
        {{ 'network.privacy.title' | translate: { version: version } }}
      </h2>
      <ul>
        <li>{{ 'network.privacy.what' | translate }}</li>
        <li>{{ 'network.privacy.who' | translate }}</li>
        <li>{{ 'network.privacy.visibility' | translate }}</li>
        <li>{{ 'network.privacy.rights' | translate }}</li>
        <li>{{ 'network.privacy.retention' | translate }}</li>
      </ul>
    </section>
  `,
  styles: `
    .notice {
      margin: 1rem 0;
      padding: 0.75rem 1rem;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 8px;
      background: var(--mat-sys-surface-container-low);
    }
    h2 {
      margin: 0 0 0.5rem;
      font: var(--mat-sys-title-medium);
    }
    ul {
      margin: 0;
      padding-inline-start: 1.25rem;
    }
    li {
      margin: 0.25rem 0;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PrivacyNoticeComponent {
  protected readonly version = PRIVACY_NOTICE_VERSION;
}
