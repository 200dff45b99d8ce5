import {
  afterRenderEffect,
  ChangeDetectionStrategy,
  Component,
  computed,
  ElementRef,
  inject,
  signal,
  viewChild,
} from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { LIVE_LIMITS } from '@kengash/contracts';
import { AuthService } from '@kengash/web-identity-data-access';
import { MeetingRoomService } from '@kengash/web-live-meeting-data-access';
import { TranslatePipe } from '@ngx-translate/core';
import { formatClock, injectActiveLocale } from '../shared/live-labels';
import { LivePersonComponent } from '../shared/live-person.component';

/** The room's chat: history, my messages pending until acknowledged (re-sent after a reconnect), the input. */
@Component({
  selector: 'kg-live-chat',
  imports: [FormsModule, LivePersonComponent, MatButtonModule, MatFormFieldModule, MatInputModule, TranslatePipe],
  template: `
    <h2 id="live-chat-heading">{{ 'live.chat.title' | translate }}</h2>
    @if (room.snapshot(); as s) {
      <div class="log" #log role="log" aria-labelledby="live-chat-heading" tabindex="0" data-testid="chat-log">
        @if (s.chat.length === 0 && room.pendingChat().length === 0) {
          <p class="muted">{{ 'live.chat.empty' | translate }}</p>
        }
        @for (message of s.chat; track message.id) {
          <div class="message" data-testid="chat-message" [class.mine]="message.author.userId === s.me.userId">
            <div class="meta">
              <kg-live-person [person]="message.author" />
              <span class="muted"> · {{ clock(message.sentAt) }}</span>
            </div>
            <p class="body">{{ message.body }}</p>
          </div>
        }
        @for (pending of room.pendingChat(); track pending.clientId) {
          <div class="message mine pending" data-testid="chat-pending" [attr.data-status]="pending.status">
            <p class="body">{{ pending.body }}</p>
            <p class="muted">
              @switch (pending.status) {
                @case ('sending') {
                  {{ 'live.chat.sending' | translate }}
                }
                @case ('waiting') {
                  {{ 'live.chat.waiting' | translate }}
                }
                @case ('failed') {
                  {{ 'live.chat.failed' | translate: { reason: pending.error?.message ?? '' } }}
                  <button mat-button type="button" (click)="room.retryChat(pending.clientId)">
                    {{ 'live.chat.retry' | translate }}
                  </button>
                  <button mat-button type="button" (click)="room.discardChat(pending.clientId)">
                    {{ 'live.chat.discard' | translate }}
                  </button>
                }
              }
            </p>
          </div>
        }
      </div>
      @if (canChat()) {
        <form class="compose" (ngSubmit)="send()">
          <mat-form-field appearance="outline" subscriptSizing="dynamic" class="input">
            <mat-label>{{ 'live.chat.message' | translate }}</mat-label>
            <textarea
              matInput
              name="body"
              rows="2"
              [maxlength]="maxLength"
              [(ngModel)]="draft"
              (keydown.enter)="onEnter($event)"
              data-testid="chat-input"
            ></textarea>
          </mat-form-field>
          <button mat-flat-button type="submit" [disabled]="!draft().trim()" data-testid="chat-send">
            {{ 'live.chat.send' | translate }}
          </button>
        </form>
        <p class="muted hint">{{ 'live.chat.hint' | translate }}</p>
      }
    }
  `,
  styles: `
    h2 {
      margin: 0 0 0.5rem;
      font: var(--mat-sys-title-medium);
    }
    .log {
      max-height: 22rem;
      overflow-y: auto;
      padding: 0.25rem;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 4px;
    }
    .message {
      margin: 0 0 0.5rem;
    }
    .message.mine {
      padding-inline-start: 0.5rem;
      border-inline-start: 3px solid var(--mat-sys-primary);
    }
    .pending .body {
      opacity: 0.75;
    }
    .meta {
      font: var(--mat-sys-body-small);
    }
    .body {
      margin: 0;
      white-space: pre-wrap;
      overflow-wrap: anywhere;
    }
    .muted {
      margin: 0;
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-small);
    }
    .compose {
      display: flex;
      gap: 0.5rem;
      align-items: center;
      margin-top: 0.5rem;
    }
    .input {
      flex: 1;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ChatPanelComponent {
  protected readonly room = inject(MeetingRoomService);
  private readonly auth = inject(AuthService);
  private readonly locale = injectActiveLocale();
  private readonly log = viewChild<ElementRef<HTMLElement>>('log');
  protected readonly maxLength = LIVE_LIMITS.chatBodyMax;
  protected readonly draft = signal('');
  protected readonly canChat = computed(() => {
    const s = this.room.snapshot();
    return !!s && s.can.chat && !s.can.readOnly && s.meeting.status !== 'ended';
  });

  constructor() {
    // Keep the newest message in view.
    afterRenderEffect(() => {
      const count = (this.room.snapshot()?.chat.length ?? 0) + this.room.pendingChat().length;
      const element = this.log()?.nativeElement;
      if (element && count > 0) element.scrollTop = element.scrollHeight;
    });
  }

  protected clock(instant: string): string {
    return formatClock(instant, this.locale(), this.auth.user()?.timeZone ?? undefined);
  }

  protected onEnter(event: Event): void {
    const keyboard = event as KeyboardEvent;
    if (keyboard.shiftKey || keyboard.isComposing) return;
    event.preventDefault();
    this.send();
  }

  protected send(): void {
    const body = this.draft().trim();
    if (!body) return;
    this.room.sendChat(body);
    this.draft.set('');
  }
}
