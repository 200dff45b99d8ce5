import {
  ChangeDetectionStrategy,
  Component,
  DOCUMENT,
  effect,
  ElementRef,
  inject,
  input,
  model,
  viewChild,
} from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';
import { toSimpleHtml } from './simple-html';

type Command = 'bold' | 'italic' | 'insertUnorderedList' | 'insertOrderedList';

/**
 * A small rich-text editor: a formatting toolbar (bold, italic, bulleted and numbered list) over a
 * `contenteditable` area. The value is simple HTML with only p/strong/em/ul/ol/li/br. Ctrl+B / Ctrl+I work in the
 * area; the toolbar is reachable with Tab and its buttons with the arrow keys.
 */
@Component({
  selector: 'kg-rich-text-editor',
  imports: [TranslatePipe],
  template: `
    <div
      class="toolbar"
      role="toolbar"
      [attr.aria-label]="'minutesArea.editor.toolbar' | translate"
      [attr.aria-controls]="editorId()"
    >
      @for (button of buttons; track button.command; let first = $first) {
        <button
          type="button"
          class="tool"
          [attr.tabindex]="first ? 0 : -1"
          [attr.data-command]="button.command"
          [attr.aria-label]="button.label | translate"
          [title]="button.label | translate"
          (mousedown)="$event.preventDefault()"
          (click)="run(button.command)"
          (keydown)="toolbarKey($event)"
        >
          <span aria-hidden="true" [class]="button.icon">{{ button.glyph }}</span>
        </button>
      }
    </div>
    <div
      #area
      class="area"
      contenteditable="true"
      role="textbox"
      aria-multiline="true"
      [id]="editorId()"
      [attr.aria-label]="label()"
      [attr.data-testid]="testId()"
      (input)="changed()"
      (blur)="changed()"
    ></div>
  `,
  styles: `
    :host {
      display: block;
      border: 1px solid var(--mat-sys-outline);
      border-radius: 4px;
    }
    .toolbar {
      display: flex;
      gap: 0.25rem;
      padding: 0.25rem;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    .tool {
      min-width: 2.75rem;
      min-height: 2.75rem;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 4px;
      background: var(--mat-sys-surface);
      color: var(--mat-sys-on-surface);
      font: var(--mat-sys-label-large);
      cursor: pointer;
    }
    .tool:focus-visible,
    .area:focus-visible {
      outline: 3px solid var(--mat-sys-primary);
      outline-offset: 2px;
    }
    .bold {
      font-weight: 700;
    }
    .italic {
      font-style: italic;
    }
    .area {
      min-height: 8rem;
      padding: 0.5rem 0.75rem;
      overflow-wrap: anywhere;
      font: var(--mat-sys-body-large);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RichTextEditorComponent {
  private readonly document = inject(DOCUMENT);
  private readonly area = viewChild.required<ElementRef<HTMLDivElement>>('area');
  private lastEmitted: string | null = null;

  /** Simple HTML (p/strong/em/ul/ol/li/br). */
  readonly value = model('');
  /** Accessible name of the text area. */
  readonly label = input.required<string>();
  readonly editorId = input.required<string>();
  readonly testId = input<string | null>(null);

  protected readonly buttons: { command: Command; label: string; glyph: string; icon: string }[] = [
    { command: 'bold', label: 'minutesArea.editor.bold', glyph: 'B', icon: 'bold' },
    { command: 'italic', label: 'minutesArea.editor.italic', glyph: 'I', icon: 'italic' },
    { command: 'insertUnorderedList', label: 'minutesArea.editor.bullets', glyph: '•', icon: '' },
    { command: 'insertOrderedList', label: 'minutesArea.editor.numbers', glyph: '1.', icon: '' },
  ];

  constructor() {
    // Write the value into the area when it comes from outside (not while echoing what was typed).
    effect(() => {
      const value = this.value();
      const element = this.area().nativeElement;
      if (value !== this.lastEmitted) {
        element.innerHTML = toSimpleHtml(value, this.document);
        this.lastEmitted = value;
      }
    });
  }

  protected run(command: Command): void {
    const element = this.area().nativeElement;
    element.focus();
    // execCommand is the one editing primitive every browser has for contenteditable; the output is normalised.
    const exec = (this.document as Document & { execCommand?: (c: string) => boolean }).execCommand;
    if (typeof exec === 'function') exec.call(this.document, command);
    this.changed();
  }

  protected changed(): void {
    const html = toSimpleHtml(this.area().nativeElement.innerHTML, this.document);
    if (html === this.lastEmitted) return;
    this.lastEmitted = html;
    this.value.set(html);
  }

  /** Arrow keys move between the toolbar's buttons (one tab stop). */
  protected toolbarKey(event: KeyboardEvent): void {
    if (!['ArrowLeft', 'ArrowRight', 'Home', 'End'].includes(event.key)) return;
    const current = event.currentTarget as HTMLButtonElement;
    const toolbar = current.parentElement;
    if (!toolbar) return;
    const tools = [...toolbar.querySelectorAll<HTMLButtonElement>('button')];
    const index = tools.indexOf(current);
    const next =
      event.key === 'Home'
        ? 0
        : event.key === 'End'
          ? tools.length - 1
          : (index + (event.key === 'ArrowRight' ? 1 : -1) + tools.length) % tools.length;
    tools.forEach((tool, i) => tool.setAttribute('tabindex', i === next ? '0' : '-1'));
    tools[next].focus();
    event.preventDefault();
  }
}
