import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { FIELD_VISIBILITIES, ProfileField } from '@kengash/contracts';
import { TranslatePipe } from '@ngx-translate/core';
import { FIELD_KEYS, VISIBILITY_KEYS } from '../shared/network-labels';

/** "Who may see <field>": only me, the secretariat, council members, network members. */
@Component({
  selector: 'kg-network-visibility-select',
  imports: [MatFormFieldModule, MatInputModule, ReactiveFormsModule, TranslatePipe],
  template: `
    <mat-form-field appearance="outline" subscriptSizing="dynamic" class="visibility">
      <mat-label>{{ 'network.profile.whoSees' | translate: { field: (fieldKeys[field()] | translate) } }}</mat-label>
      <select matNativeControl [formControl]="control()" [attr.data-testid]="'visibility-' + field()">
        @for (v of visibilities; track v) {
          <option [value]="v">{{ visibilityKeys[v] | translate }}</option>
        }
      </select>
    </mat-form-field>
  `,
  styles: `
    .visibility {
      width: 100%;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class VisibilitySelectComponent {
  readonly field = input.required<ProfileField>();
  readonly control = input.required<FormControl>();
  protected readonly visibilities = FIELD_VISIBILITIES;
  protected readonly visibilityKeys = VISIBILITY_KEYS;
  protected readonly fieldKeys = FIELD_KEYS;
}
