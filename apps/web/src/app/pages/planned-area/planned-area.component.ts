import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { PLANNED_AREAS, PlannedArea } from './planned-areas';

/** An honest page for an area that is not open yet: what it will hold, and that it is not ready. */
@Component({
  selector: 'kg-planned-area',
  imports: [MatButtonModule, RouterLink, TranslatePipe],
  template: `
    <div class="kg-page">
      <h1>{{ copy().title | translate }}</h1>
      <p>{{ copy().description | translate }}</p>
      <p class="kg-notice">
        <strong>{{ 'areas.notOpenYet.label' | translate }}</strong>
        {{ 'areas.notOpenYet.text' | translate }}
      </p>
      <a mat-stroked-button routerLink="/">{{ 'areas.backToCouncil' | translate }}</a>
    </div>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PlannedAreaComponent {
  /** Bound from the route's `data.area`. */
  readonly area = input.required<PlannedArea>();

  protected readonly copy = computed(() => PLANNED_AREAS[this.area()]);
}
