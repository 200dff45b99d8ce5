import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { AuthService } from '@kengash/web-identity-data-access';
import { TranslatePipe } from '@ngx-translate/core';
import { networkRoles } from '../shared/network-labels';
import { PrivacyNoticeComponent } from '../shared/privacy-notice.component';

/**
 * `/network`: for visitors, what the network is, how to apply and the privacy notice; for members, the directory,
 * their profile, announcements and statistics; for the secretariat and focal points, the vetting queue too.
 */
@Component({
  selector: 'kg-network-home',
  imports: [MatButtonModule, PrivacyNoticeComponent, RouterLink, TranslatePipe],
  template: `
    <div class="page">
      <h1>{{ 'nav.network' | translate }}</h1>
      <p>{{ 'network.home.intro' | translate }}</p>
      @if (!user()) {
        <h2>{{ 'network.home.howTitle' | translate }}</h2>
        <ol>
          <li>{{ 'network.home.how1' | translate }}</li>
          <li>{{ 'network.home.how2' | translate }}</li>
          <li>{{ 'network.home.how3' | translate }}</li>
        </ol>
        <div class="actions">
          <a mat-flat-button routerLink="/network/apply" data-testid="network-apply-link">{{
            'network.home.apply' | translate
          }}</a>
          <a mat-stroked-button routerLink="/sign-in" [queryParams]="{ returnUrl: '/network' }">{{
            'network.home.signIn' | translate
          }}</a>
        </div>
        <kg-network-privacy-notice />
      } @else {
        @let r = roles();
        <nav [attr.aria-label]="'network.home.linksLabel' | translate">
          <ul class="links">
            @if (r.vetter) {
              <li>
                <a routerLink="/network/queue" data-testid="network-queue-link">{{
                  'network.queue.title' | translate
                }}</a>
                <span class="muted">
                  — {{ (r.secretariat ? 'network.queue.introAll' : 'network.queue.introCountry') | translate }}</span
                >
              </li>
            }
            @if (r.member) {
              <li>
                <a routerLink="/network/directory" data-testid="network-directory-link">{{
                  'network.directory.title' | translate
                }}</a>
                <span class="muted"> — {{ 'network.home.directoryHint' | translate }}</span>
              </li>
            }
            @if (r.practitioner) {
              <li>
                <a routerLink="/network/profile" data-testid="network-profile-link">{{
                  'network.profile.title' | translate
                }}</a>
                <span class="muted"> — {{ 'network.home.profileHint' | translate }}</span>
              </li>
            }
            @if (r.member) {
              <li>
                <a routerLink="/network/announcements" data-testid="network-announcements-link">{{
                  'network.announcements.title' | translate
                }}</a>
              </li>
              <li>
                <a routerLink="/network/statistics" data-testid="network-statistics-link">{{
                  'network.statistics.title' | translate
                }}</a>
              </li>
            }
          </ul>
        </nav>
        @if (!r.member) {
          <p class="kg-notice">{{ 'network.home.notMember' | translate }}</p>
        }
      }
    </div>
  `,
  styleUrl: '../shared/network-page.css',
  styles: `
    .links li {
      margin: 0.5rem 0;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class NetworkHomeComponent {
  private readonly auth = inject(AuthService);
  protected readonly user = this.auth.user;
  protected readonly roles = computed(() => networkRoles(this.user()));
}
