import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  ElementRef,
  inject,
  Injector,
  input,
  output,
} from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MINUTES_LIMITS } from '@kengash/contracts';
import { ConfirmDialogComponent, ConfirmDialogData } from '@kengash/web-shared-ui';
import { _, TranslatePipe, TranslateService } from '@ngx-translate/core';
import { filter } from 'rxjs';
import { resultText } from '../shared/minutes-labels';
import { FieldErrorDirective, SHOW_FIELD_ERRORS } from './field-error.directive';
import { DecisionDraft, ITEM_LIMITS, ItemDraft, newDecision, newSpeaker, SpeakerDraft } from './minutes-draft';

/** A change to an item, with the field it touched (relative to the item: `title`, `speakers.0.name`, `decisions`). */
export interface ItemChange {
  item: ItemDraft;
  field: string;
}

/** Relative paths this editor shows next to a field; any other error of the item is listed at its top. */
const PLACED = /^(title|notes|speakers|decisions|speakers\.\d+\.(name|seconds|turns)|decisions\.\d+\.text)$/;

/**
 * The structure of one item of draft minutes: its title, the speakers (name, time as `m:ss` or seconds, turns)
 * and the decisions. Decisions recorded by hand are added, edited and removed freely; a decision taken by a vote in
 * the live meeting keeps its result, its wording may be corrected, and removing it asks first. The item's notes
 * editor and restricted toggle are projected between the title and the speakers. Moving the item and removing an
 * added section are asked of the page (`move`, `remove`), which owns the list.
 */
@Component({
  selector: 'kg-item-structure-editor',
  imports: [FieldErrorDirective, FormsModule, MatButtonModule, MatFormFieldModule, MatInputModule, TranslatePipe],
  template: `
    @let it = item();
    @let n = index() + 1;
    @let e = errors();
    <h3 [id]="headingId()" data-testid="item-heading">
      {{ n }}. {{ it.title.trim() || ('minutesArea.itemEditor.untitled' | translate) }}
      @if (removable()) {
        <span class="chip outline">{{ 'minutesArea.itemEditor.added' | translate }}</span>
      }
      @if (it.restricted) {
        <span class="chip outline">{{ 'minutesArea.page.restricted' | translate }}</span>
      }
    </h3>
    @if (otherErrors().length > 0) {
      <ul class="field-errors" data-testid="item-other-errors">
        @for (other of otherErrors(); track other.field) {
          <li>{{ other.field || ('minutesArea.itemEditor.wholeItem' | translate) }}: {{ other.message }}</li>
        }
      </ul>
    }

    <mat-form-field appearance="outline" subscriptSizing="dynamic" class="full">
      <mat-label>{{ 'minutesArea.itemEditor.title' | translate }}</mat-label>
      <input
        matInput
        required
        data-testid="item-title"
        [attr.data-item-title]="it.key"
        [maxlength]="limits.itemTitleMax"
        [ngModel]="it.title"
        (ngModelChange)="set('title', { title: $event })"
        [kgFieldError]="e['title']"
        [errorStateMatcher]="showErrors"
      />
      <mat-error>{{ e['title'] }}</mat-error>
    </mat-form-field>

    <ng-content />
    @if (e['notes']; as message) {
      <p class="field-error" data-testid="notes-error">{{ message }}</p>
    }

    <h4>{{ 'minutesArea.page.speakers' | translate }}</h4>
    @if (e['speakers']; as message) {
      <p class="field-error">{{ message }}</p>
    }
    @for (speaker of it.speakers; track $index; let s = $index) {
      <fieldset class="row" data-testid="speaker-row">
        <legend class="kg-visually-hidden">{{ 'minutesArea.itemEditor.speaker' | translate: { n: s + 1 } }}</legend>
        <mat-form-field appearance="outline" subscriptSizing="dynamic" class="name">
          <mat-label>{{ 'minutesArea.itemEditor.speakerName' | translate }}</mat-label>
          <input
            matInput
            required
            data-testid="speaker-name"
            [attr.data-speaker-name]="s"
            [maxlength]="itemLimits.speakerNameMax"
            [ngModel]="speaker.name"
            (ngModelChange)="setSpeaker(s, 'name', { name: $event })"
            [kgFieldError]="e['speakers.' + s + '.name']"
            [errorStateMatcher]="showErrors"
          />
          <mat-error>{{ e['speakers.' + s + '.name'] }}</mat-error>
        </mat-form-field>
        <mat-form-field appearance="outline" subscriptSizing="dynamic" class="number">
          <mat-label>{{ 'minutesArea.itemEditor.speakerTime' | translate }}</mat-label>
          <input
            matInput
            required
            inputmode="numeric"
            autocomplete="off"
            data-testid="speaker-time"
            maxlength="9"
            [ngModel]="speaker.time"
            (ngModelChange)="setSpeaker(s, 'seconds', { time: $event })"
            [kgFieldError]="e['speakers.' + s + '.seconds']"
            [errorStateMatcher]="showErrors"
          />
          <mat-hint>{{ 'minutesArea.itemEditor.speakerTimeHint' | translate }}</mat-hint>
          <mat-error>{{ e['speakers.' + s + '.seconds'] }}</mat-error>
        </mat-form-field>
        <mat-form-field appearance="outline" subscriptSizing="dynamic" class="number">
          <mat-label>{{ 'minutesArea.itemEditor.speakerTurns' | translate }}</mat-label>
          <input
            matInput
            required
            inputmode="numeric"
            autocomplete="off"
            data-testid="speaker-turns"
            maxlength="6"
            [ngModel]="speaker.turns"
            (ngModelChange)="setSpeaker(s, 'turns', { turns: $event })"
            [kgFieldError]="e['speakers.' + s + '.turns']"
            [errorStateMatcher]="showErrors"
          />
          <mat-error>{{ e['speakers.' + s + '.turns'] }}</mat-error>
        </mat-form-field>
        <button
          mat-button
          type="button"
          class="remove"
          data-testid="remove-speaker"
          [attr.aria-label]="'minutesArea.itemEditor.removeSpeakerLabel' | translate: { n: s + 1 }"
          (click)="removeSpeaker(s)"
        >
          {{ 'minutesArea.itemEditor.remove' | translate }}
        </button>
      </fieldset>
    } @empty {
      <p class="muted">{{ 'minutesArea.itemEditor.noSpeakers' | translate }}</p>
    }
    <button
      mat-stroked-button
      type="button"
      data-testid="add-speaker"
      [attr.data-add-speaker]="it.key"
      [disabled]="it.speakers.length >= itemLimits.speakers"
      (click)="addSpeaker()"
    >
      {{ 'minutesArea.itemEditor.addSpeaker' | translate }}
    </button>

    <h4>{{ 'minutesArea.page.decisions' | translate }}</h4>
    @if (e['decisions']; as message) {
      <p class="field-error">{{ message }}</p>
    }
    @for (decision of it.decisions; track $index; let d = $index) {
      <div class="row decision" data-testid="decision-row" [attr.data-voted]="decision.result ? 'true' : null">
        <mat-form-field appearance="outline" subscriptSizing="dynamic" class="text">
          <mat-label>{{ 'minutesArea.itemEditor.decisionText' | translate: { n: d + 1 } }}</mat-label>
          <textarea
            matInput
            required
            rows="2"
            data-testid="decision-text"
            [attr.data-decision-text]="d"
            [maxlength]="itemLimits.decisionMax"
            [ngModel]="decision.text"
            (ngModelChange)="setDecision(d, { text: $event })"
            [kgFieldError]="e['decisions.' + d + '.text']"
            [errorStateMatcher]="showErrors"
          ></textarea>
          @if (decision.result) {
            <mat-hint data-testid="decision-vote">
              {{ 'minutesArea.itemEditor.byVote' | translate: { result: result(decision) } }}
            </mat-hint>
          }
          <mat-error>{{ e['decisions.' + d + '.text'] }}</mat-error>
        </mat-form-field>
        <button
          mat-button
          type="button"
          class="remove"
          data-testid="remove-decision"
          [attr.aria-label]="'minutesArea.itemEditor.removeDecisionLabel' | translate: { n: d + 1 }"
          (click)="removeDecision(d)"
        >
          {{ 'minutesArea.itemEditor.remove' | translate }}
        </button>
      </div>
    } @empty {
      <p class="muted">{{ 'minutesArea.itemEditor.noDecisions' | translate }}</p>
    }
    <button
      mat-stroked-button
      type="button"
      data-testid="add-decision"
      [attr.data-add-decision]="it.key"
      [disabled]="it.decisions.length >= itemLimits.decisions"
      (click)="addDecision()"
    >
      {{ 'minutesArea.itemEditor.addDecision' | translate }}
    </button>

    <div class="item-actions">
      <button
        mat-stroked-button
        type="button"
        data-testid="move-up"
        [attr.data-move]="it.key + ':up'"
        [disabledInteractive]="true"
        [disabled]="index() === 0"
        [attr.aria-label]="'minutesArea.itemEditor.moveUpLabel' | translate: { n }"
        (click)="index() > 0 && move.emit(-1)"
      >
        {{ 'minutesArea.itemEditor.moveUp' | translate }}
      </button>
      <button
        mat-stroked-button
        type="button"
        data-testid="move-down"
        [attr.data-move]="it.key + ':down'"
        [disabledInteractive]="true"
        [disabled]="index() === count() - 1"
        [attr.aria-label]="'minutesArea.itemEditor.moveDownLabel' | translate: { n }"
        (click)="index() < count() - 1 && move.emit(1)"
      >
        {{ 'minutesArea.itemEditor.moveDown' | translate }}
      </button>
      @if (removable()) {
        <button
          mat-stroked-button
          type="button"
          class="danger"
          data-testid="remove-section"
          [attr.aria-label]="'minutesArea.itemEditor.removeSectionLabel' | translate: { n }"
          (click)="remove.emit()"
        >
          {{ 'minutesArea.itemEditor.removeSection' | translate }}
        </button>
      }
    </div>
  `,
  styles: `
    :host {
      display: block;
    }
    h3 {
      margin: 0 0 0.75rem;
      font: var(--mat-sys-title-medium);
      overflow-wrap: anywhere;
    }
    h4 {
      margin: 1rem 0 0.25rem;
      font: var(--mat-sys-title-small);
    }
    .chip {
      display: inline-block;
      padding: 0.125rem 0.625rem;
      border-radius: 1rem;
      border: 1px solid var(--mat-sys-outline);
      font: var(--mat-sys-label-large);
    }
    .full {
      width: 100%;
      margin-bottom: 0.5rem;
    }
    fieldset {
      margin: 0;
      padding: 0;
      border: 0;
      min-width: 0;
    }
    .row {
      display: flex;
      flex-wrap: wrap;
      align-items: flex-start;
      gap: 0 0.5rem;
      padding: 0.5rem 0 0;
      border-top: 1px solid var(--mat-sys-outline-variant);
    }
    .row .name,
    .row .text {
      flex: 1 1 14rem;
      min-width: 0;
    }
    .row .number {
      flex: 0 1 9rem;
      min-width: 7rem;
    }
    .row mat-form-field {
      margin-bottom: 0.5rem;
    }
    .row .remove {
      min-height: 2.75rem;
      margin-top: 0.5rem;
    }
    .item-actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      margin-top: 1rem;
      padding-top: 0.75rem;
      border-top: 1px solid var(--mat-sys-outline-variant);
    }
    button {
      min-height: 2.75rem;
    }
    .danger {
      color: var(--mat-sys-error);
    }
    .field-error,
    .field-errors {
      color: var(--mat-sys-error);
      font: var(--mat-sys-body-medium);
    }
    .muted {
      margin: 0.25rem 0 0.5rem;
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-small);
    }
    button:focus-visible {
      outline: 3px solid var(--mat-sys-primary);
      outline-offset: 2px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ItemStructureEditorComponent {
  private readonly dialog = inject(MatDialog);
  private readonly translate = inject(TranslateService);
  private readonly injector = inject(Injector);
  private readonly host: HTMLElement = inject(ElementRef).nativeElement;

  readonly item = input.required<ItemDraft>();
  readonly index = input.required<number>();
  /** How many items the minutes have (the last one cannot move down). */
  readonly count = input.required<number>();
  /** Messages by path relative to the item (`title`, `speakers.0.seconds`, …). */
  readonly errors = input<Record<string, string>>({});
  /** Sections added to the minutes (`extra-<n>`) may be removed; agenda items may not. */
  readonly removable = input(false);
  readonly headingId = input.required<string>();

  readonly itemChange = output<ItemChange>();
  readonly move = output<-1 | 1>();
  readonly remove = output<void>();

  protected readonly limits = MINUTES_LIMITS;
  protected readonly itemLimits = ITEM_LIMITS;
  protected readonly showErrors = SHOW_FIELD_ERRORS;
  protected readonly otherErrors = computed(() =>
    Object.entries(this.errors())
      .filter(([path]) => !PLACED.test(path))
      .map(([field, message]) => ({ field, message })),
  );

  protected set(field: string, change: Partial<ItemDraft>): void {
    this.itemChange.emit({ item: { ...this.item(), ...change }, field });
  }

  protected setSpeaker(index: number, field: 'name' | 'seconds' | 'turns', change: Partial<SpeakerDraft>): void {
    const speakers = this.item().speakers.map((s, i) => (i === index ? { ...s, ...change } : s));
    this.set(`speakers.${index}.${field}`, { speakers });
  }

  protected setDecision(index: number, change: Partial<DecisionDraft>): void {
    const decisions = this.item().decisions.map((d, i) => (i === index ? { ...d, ...change } : d));
    this.set(`decisions.${index}.text`, { decisions });
  }

  protected addSpeaker(): void {
    const speakers = [...this.item().speakers, newSpeaker()];
    this.set('speakers', { speakers });
    this.focusLater(`[data-speaker-name="${speakers.length - 1}"]`);
  }

  protected removeSpeaker(index: number): void {
    this.set('speakers', { speakers: this.item().speakers.filter((_s, i) => i !== index) });
    this.focusLater(`[data-add-speaker="${this.item().key}"]`);
  }

  protected addDecision(): void {
    const decisions = [...this.item().decisions, newDecision()];
    this.set('decisions', { decisions });
    this.focusLater(`[data-decision-text="${decisions.length - 1}"]`);
  }

  /** A decision taken by a vote is removed only once confirmed (its wording may be corrected instead). */
  protected removeDecision(index: number): void {
    const decision = this.item().decisions[index];
    if (!decision) return;
    const drop = () => {
      this.set('decisions', { decisions: this.item().decisions.filter((_d, i) => i !== index) });
      this.focusLater(`[data-add-decision="${this.item().key}"]`);
    };
    if (!decision.result) {
      drop();
      return;
    }
    const data: ConfirmDialogData = {
      title: _('minutesArea.itemEditor.removeVotedDialog.title'),
      text: _('minutesArea.itemEditor.removeVotedDialog.text'),
      confirm: _('minutesArea.itemEditor.removeVotedDialog.confirm'),
      params: { text: decision.text, result: this.result(decision) },
    };
    this.dialog
      .open<ConfirmDialogComponent, ConfirmDialogData, boolean>(ConfirmDialogComponent, { data })
      .afterClosed()
      .pipe(filter((confirmed) => confirmed === true))
      .subscribe(() => drop());
  }

  protected result(decision: DecisionDraft): string {
    return decision.result ? resultText(decision.result, this.translate) : '';
  }

  /** After the list changes, keyboard users stay where the change happened. */
  private focusLater(selector: string): void {
    afterNextRender(() => this.host.querySelector<HTMLElement>(selector)?.focus(), { injector: this.injector });
  }
}
