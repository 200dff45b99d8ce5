import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { SlotView } from '@kengash/contracts';
import { timeZoneProblem } from '@kengash/util-time';
import { SessionsApiService } from '@kengash/web-council-data-access';
import { ApiProblem, toApiProblem } from '@kengash/web-identity-data-access';
import { TranslatePipe } from '@ngx-translate/core';
import { ProblemComponent } from '../../shared/problem.component';
import { addDays, formatDateTime, formatTime, today } from '../session-time';

/** Proposes start times inside every invitee's working hours; picking one hands it to the editor. */
@Component({
  selector: 'kg-slot-finder',
  imports: [FormsModule, MatButtonModule, MatFormFieldModule, MatInputModule, ProblemComponent, TranslatePipe],
  template: `
    <p class="kg-muted">{{ 'sessions.slots.intro' | translate: { count: inviteeIds().length } }}</p>
    <div class="row">
      <mat-form-field appearance="outline" subscriptSizing="dynamic">
        <mat-label>{{ 'sessions.slots.from' | translate }}</mat-label>
        <input matInput type="date" [(ngModel)]="fromDate" name="slotFrom" data-testid="slot-from" />
      </mat-form-field>
      <mat-form-field appearance="outline" subscriptSizing="dynamic">
        <mat-label>{{ 'sessions.slots.to' | translate }}</mat-label>
        <input matInput type="date" [(ngModel)]="toDate" name="slotTo" data-testid="slot-to" />
      </mat-form-field>
      <button mat-stroked-button type="button" (click)="find()" [attr.aria-disabled]="busy()" data-testid="find-slots">
        {{ 'sessions.slots.find' | translate }}
      </button>
    </div>
    <kg-council-problem [problem]="problem()" testId="slots-error" />
    <div role="status" class="status">
      @if (busy()) {
        {{ 'sessions.slots.searching' | translate }}
      } @else if (searched() && slots().length === 0) {
        {{ 'sessions.slots.none' | translate }}
      } @else if (slots().length > 0) {
        {{ 'sessions.slots.found' | translate: { count: slots().length } }}
      }
    </div>
    @if (rows().length > 0) {
      <ol class="slots" data-testid="slots">
        @for (row of rows(); track row.slot.startsAt; let i = $index) {
          <li class="slot" data-testid="slot" [attr.data-starts-at]="row.slot.startsAt">
            <div class="slot-head">
              <strong>{{ row.label }}</strong>
              <span class="kg-muted">{{
                'sessions.slots.inside' | translate: { inside: row.slot.insideWorkingHours, total: row.slot.total }
              }}</span>
              <button
                mat-flat-button
                type="button"
                (click)="picked.emit(row.slot)"
                [attr.aria-label]="'sessions.slots.useLabel' | translate: { time: row.label }"
                data-testid="use-slot"
              >
                {{ 'sessions.slots.use' | translate }}
              </button>
            </div>
            <ul class="locals">
              @for (local of row.locals; track local.zone) {
                <li>{{ local.zone }}: {{ local.time }}</li>
              }
            </ul>
          </li>
        }
      </ol>
    }
  `,
  styles: `
    .row {
      display: flex;
      flex-wrap: wrap;
      gap: 0.75rem;
      align-items: center;
    }
    .status {
      margin: 0.5rem 0;
    }
    .slots {
      margin: 0;
      padding-inline-start: 1.5rem;
    }
    .slot {
      margin: 0 0 0.75rem;
    }
    .slot-head {
      display: flex;
      flex-wrap: wrap;
      gap: 0.75rem;
      align-items: center;
    }
    .locals {
      display: flex;
      flex-wrap: wrap;
      gap: 0 1rem;
      margin: 0.25rem 0 0;
      padding: 0;
      list-style: none;
      font: var(--mat-sys-body-small);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SlotFinderComponent {
  private readonly api = inject(SessionsApiService);

  readonly inviteeIds = input.required<string[]>();
  readonly durationMinutes = input.required<number>();
  readonly timeZone = input.required<string>();
  readonly locale = input<string>('en');
  readonly picked = output<SlotView>();

  protected fromDate = addDays(today('UTC'), 1);
  protected toDate = addDays(today('UTC'), 14);
  protected readonly busy = signal(false);
  protected readonly searched = signal(false);
  protected readonly problem = signal<ApiProblem | null>(null);
  protected readonly slots = signal<SlotView[]>([]);

  protected readonly rows = computed(() => {
    const zone = timeZoneProblem(this.timeZone()) ? 'UTC' : this.timeZone();
    const locale = this.locale();
    return this.slots().map((slot) => ({
      slot,
      label: `${formatDateTime(slot.startsAt, zone, locale)}–${formatTime(slot.endsAt, zone, locale)} (${zone})`,
      locals: slot.local.map((local) => ({ zone: local.zone, time: local.time.replace('T', ' ') })),
    }));
  });

  find(): void {
    if (this.busy()) {
      return;
    }
    const zone = this.timeZone();
    this.busy.set(true);
    this.problem.set(null);
    this.api
      .findSlots({
        inviteeIds: this.inviteeIds(),
        durationMinutes: Number(this.durationMinutes()),
        fromDate: this.fromDate,
        toDate: this.toDate,
        timeZone: zone,
        limit: 10,
      })
      .subscribe({
        next: (response) => {
          this.busy.set(false);
          this.searched.set(true);
          this.slots.set(response.slots);
        },
        error: (error: unknown) => {
          this.busy.set(false);
          this.slots.set([]);
          this.problem.set(toApiProblem(error));
        },
      });
  }
}
