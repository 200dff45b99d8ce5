import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { LivePerson } from '@kengash/contracts';
import { TranslatePipe } from '@ngx-translate/core';
import { COUNTRY_KEYS, MEETING_ROLE_KEYS } from './live-labels';

/** A person as the room shows them: country code, name (or only the role), organisation. */
@Component({
  selector: 'kg-live-person',
  imports: [TranslatePipe],
  template: `
    @let p = person();
    @if (p.country; as country) {
      <span class="country" aria-hidden="true" [title]="countryKeys[country] | translate">{{ country }}</span>
      <span class="kg-visually-hidden">{{ countryKeys[country] | translate }}:</span>
    }
    @if (p.name) {
      <span class="name" data-testid="person-name">{{ p.name }}</span>
      @if (showRole()) {
        <span class="muted"> · {{ roleKeys[p.role] | translate }}</span>
      }
    } @else {
      <span class="name" data-testid="person-role-only">{{ roleKeys[p.role] | translate }}</span>
    }
    @if (showOrganisation() && p.organisation) {
      <span class="muted org"> · {{ p.organisation }}</span>
    }
  `,
  styles: `
    .country {
      margin-inline-end: 0.25rem;
      padding: 0 0.25rem;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 4px;
      font: var(--mat-sys-label-small);
    }
    .name {
      font-weight: 500;
    }
    .muted {
      color: var(--mat-sys-on-surface-variant);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LivePersonComponent {
  readonly person = input.required<LivePerson>();
  readonly showRole = input(false);
  readonly showOrganisation = input(false);

  protected readonly countryKeys = COUNTRY_KEYS;
  protected readonly roleKeys = MEETING_ROLE_KEYS;
}
