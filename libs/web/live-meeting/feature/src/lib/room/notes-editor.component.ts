import {
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  effect,
  ElementRef,
  inject,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import { FormsModule } from '@angular/forms';
import { applyTextChange, MeetingRoomService, TextDelta, transformIndex } from '@kengash/web-live-meeting-data-access';
import { TranslatePipe } from '@ngx-translate/core';
import type * as Y from 'yjs';

/** Origin of edits typed here (anything but the remote origin is sent). */
const LOCAL_ORIGIN = 'kengash-notes-editor';

/**
 * Live notes of one agenda item (the current one unless another is picked): a plain textarea bound to the
 * item's Y.Text — each input becomes one delete + insert, remote changes keep the caret in place. Read-only for
 * people who do not take notes.
 */
@Component({
  selector: 'kg-live-notes',
  imports: [FormsModule, TranslatePipe],
  template: `
    @if (room.snapshot(); as s) {
      <div class="head">
        <h2 id="live-notes-heading">{{ 'live.notes.title' | translate }}</h2>
        @if (s.agenda.length > 1) {
          <label class="pick">
            <span>{{ 'live.notes.item' | translate }}</span>
            <select [ngModel]="itemId()" (ngModelChange)="picked.set($event)" data-testid="notes-item">
              @for (item of s.agenda; track item.id; let i = $index) {
                <option [value]="item.id">{{ i + 1 }}. {{ item.title }}</option>
              }
            </select>
          </label>
        }
      </div>
      @if (itemId(); as id) {
        @if (editable()) {
          <textarea
            #area
            class="notes"
            rows="10"
            aria-labelledby="live-notes-heading"
            [attr.aria-describedby]="'live-notes-hint'"
            (input)="onInput()"
            data-testid="notes-editor"
          ></textarea>
          <p id="live-notes-hint" class="muted">
            {{ 'live.notes.hint' | translate }}
            @if (room.notesError(); as error) {
              <span role="alert">{{ 'live.notes.refused' | translate: { reason: error.message } }}</span>
            }
          </p>
        } @else {
          <div
            class="notes view"
            role="region"
            aria-labelledby="live-notes-heading"
            tabindex="0"
            data-testid="notes-view"
          >
            @if (text()) {
              {{ text() }}
            } @else {
              <span class="muted">{{ 'live.notes.empty' | translate }}</span>
            }
          </div>
        }
      } @else {
        <p class="muted">{{ 'live.notes.noItem' | translate }}</p>
      }
    }
  `,
  styles: `
    .head {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      align-items: baseline;
      justify-content: space-between;
    }
    h2 {
      margin: 0 0 0.5rem;
      font: var(--mat-sys-title-medium);
    }
    .pick {
      display: flex;
      gap: 0.25rem;
      align-items: center;
      font: var(--mat-sys-body-small);
    }
    select {
      max-width: 16rem;
      font: inherit;
    }
    .notes {
      box-sizing: border-box;
      width: 100%;
      min-height: 10rem;
      padding: 0.5rem;
      border: 1px solid var(--mat-sys-outline);
      border-radius: 4px;
      background: var(--mat-sys-surface);
      color: inherit;
      font: var(--mat-sys-body-medium);
      resize: vertical;
    }
    .view {
      white-space: pre-wrap;
      overflow-wrap: anywhere;
    }
    .muted {
      margin: 0.25rem 0 0;
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-small);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class NotesEditorComponent {
  protected readonly room = inject(MeetingRoomService);
  private readonly area = viewChild<ElementRef<HTMLTextAreaElement>>('area');
  /** An item picked in the list; null follows the current item. */
  protected readonly picked = signal<string | null>(null);
  private bound: { text: Y.Text; area: HTMLTextAreaElement; observer: (event: Y.YTextEvent) => void } | null = null;

  protected readonly itemId = computed(() => {
    const s = this.room.snapshot();
    if (!s) return null;
    const picked = this.picked();
    if (picked && s.agenda.some((i) => i.id === picked)) return picked;
    return s.meeting.currentItemId ?? s.agenda[0]?.id ?? null;
  });
  protected readonly editable = computed(() => {
    const s = this.room.snapshot();
    return !!s && s.can.takeNotes && !s.can.readOnly && s.meeting.status !== 'ended';
  });
  protected readonly text = computed(() => {
    const id = this.itemId();
    return id ? (this.room.notesTexts()[id] ?? '') : '';
  });

  constructor() {
    effect(() => {
      const id = this.itemId();
      const area = this.area()?.nativeElement ?? null;
      untracked(() => this.bind(id, area));
    });
    inject(DestroyRef).onDestroy(() => this.unbind());
  }

  private bind(itemId: string | null, area: HTMLTextAreaElement | null): void {
    const text = itemId && area ? this.room.notesText(itemId) : null;
    if (this.bound && this.bound.text === text && this.bound.area === area) return;
    this.unbind();
    if (!text || !area) return;
    area.value = text.toString();
    const observer = (event: Y.YTextEvent) => {
      if (event.transaction.origin === LOCAL_ORIGIN) return;
      const focused = document.activeElement === area;
      const start = transformIndex(area.selectionStart, event.delta as TextDelta);
      const end = transformIndex(area.selectionEnd, event.delta as TextDelta);
      area.value = text.toString();
      if (focused) area.setSelectionRange(start, end);
    };
    text.observe(observer);
    this.bound = { text, area, observer };
  }

  private unbind(): void {
    if (this.bound) this.bound.text.unobserve(this.bound.observer);
    this.bound = null;
  }

  protected onInput(): void {
    if (!this.bound) return;
    applyTextChange(this.bound.text, this.bound.area.value, LOCAL_ORIGIN);
  }
}
