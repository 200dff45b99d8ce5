import {
  AfterViewInit,
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  effect,
  ElementRef,
  inject,
  input,
  model,
  signal,
  viewChild,
} from '@angular/core';
import { Editor } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import { _, TranslatePipe } from '@ngx-translate/core';

type Tool = 'bold' | 'italic' | 'underline' | 'heading' | 'bulletList' | 'orderedList' | 'blockquote' | 'undo' | 'redo';

interface ToolButton {
  tool: Tool;
  label: string;
  glyph: string;
  icon: string;
  /** Toggles show their state with aria-pressed; undo/redo are plain buttons. */
  toggle: boolean;
}

/**
 * The rich-text editor of minutes and best-practice entries: Tiptap (ProseMirror) with a formatting toolbar. Its
 * schema holds only what both servers keep (paragraphs, bold, italic, underline, strike, level-3/4 headings, lists,
 * quotes, links, line breaks), so pasted Word or web content is reduced to that as it comes in; the server
 * sanitises again.
 * Ctrl+B / Ctrl+I / Ctrl+U, Ctrl+Z / Ctrl+Shift+Z and Markdown-style input rules ("- ", "1. ", "> ") work in the
 * text; the toolbar is one tab stop, its buttons reached with the arrow keys, toggles announce their state.
 */
@Component({
  selector: 'kg-rich-text-editor',
  imports: [TranslatePipe],
  template: `
    <div
      class="toolbar"
      role="toolbar"
      [attr.aria-label]="'common.editor.toolbar' | translate"
      [attr.aria-controls]="editorId()"
    >
      @for (button of buttons; track button.tool; let first = $first) {
        <button
          type="button"
          class="tool"
          [attr.tabindex]="first ? 0 : -1"
          [attr.data-command]="button.tool"
          [attr.aria-label]="button.label | translate"
          [attr.aria-pressed]="button.toggle ? active()[button.tool] === true : null"
          [title]="button.label | translate"
          (mousedown)="$event.preventDefault()"
          (click)="run(button.tool)"
          (keydown)="toolbarKey($event)"
        >
          <span aria-hidden="true" [class]="button.icon">{{ button.glyph }}</span>
        </button>
      }
    </div>
    <div #mount class="mount"></div>
  `,
  styles: `
    :host {
      display: block;
      border: 1px solid var(--mat-sys-outline);
      border-radius: 4px;
    }
    .toolbar {
      display: flex;
      flex-wrap: wrap;
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
    .tool[aria-pressed='true'] {
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
      border-color: var(--mat-sys-secondary);
    }
    .tool:focus-visible,
    .mount ::ng-deep .area:focus-visible {
      outline: 3px solid var(--mat-sys-primary);
      outline-offset: 2px;
    }
    .bold {
      font-weight: 700;
    }
    .italic {
      font-style: italic;
    }
    .underline {
      text-decoration: underline;
    }
    .mount ::ng-deep .area {
      min-height: 8rem;
      padding: 0.5rem 0.75rem;
      overflow-wrap: anywhere;
      font: var(--mat-sys-body-large);
    }
    .mount ::ng-deep .area blockquote {
      margin: 0.5rem 0;
      padding-inline-start: 0.75rem;
      border-inline-start: 3px solid var(--mat-sys-outline);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RichTextEditorComponent implements AfterViewInit {
  private readonly mount = viewChild.required<ElementRef<HTMLDivElement>>('mount');
  private editor: Editor | null = null;
  private lastEmitted: string | null = null;

  /** HTML within the allowed tags. */
  readonly value = model('');
  /** Accessible name of the text area. */
  readonly label = input.required<string>();
  readonly editorId = input.required<string>();
  readonly testId = input<string | null>(null);

  /** Which toggles are on at the cursor. */
  protected readonly active = signal<Partial<Record<Tool, boolean>>>({});

  protected readonly buttons: ToolButton[] = [
    { tool: 'bold', label: _('common.editor.bold'), glyph: 'B', icon: 'bold', toggle: true },
    { tool: 'italic', label: _('common.editor.italic'), glyph: 'I', icon: 'italic', toggle: true },
    { tool: 'underline', label: _('common.editor.underline'), glyph: 'U', icon: 'underline', toggle: true },
    { tool: 'heading', label: _('common.editor.heading'), glyph: 'H', icon: 'bold', toggle: true },
    { tool: 'bulletList', label: _('common.editor.bullets'), glyph: '•', icon: '', toggle: true },
    { tool: 'orderedList', label: _('common.editor.numbers'), glyph: '1.', icon: '', toggle: true },
    { tool: 'blockquote', label: _('common.editor.quote'), glyph: '❝', icon: '', toggle: true },
    { tool: 'undo', label: _('common.editor.undo'), glyph: '↶', icon: '', toggle: false },
    { tool: 'redo', label: _('common.editor.redo'), glyph: '↷', icon: '', toggle: false },
  ];

  constructor() {
    // Write the value into the editor when it comes from outside (not while echoing what was typed).
    effect(() => {
      const value = this.value();
      if (this.editor && value !== this.lastEmitted) {
        // Not undoable: undo must not bring back what was there before a reload.
        this.editor.chain().setMeta('addToHistory', false).setContent(value, { emitUpdate: false }).run();
        this.lastEmitted = value;
      }
    });
    // The name follows the label (the item's title is edited on the same page).
    effect(() => {
      const label = this.label();
      this.editor?.view.dom.setAttribute('aria-label', label);
    });
    inject(DestroyRef).onDestroy(() => this.editor?.destroy());
  }

  ngAfterViewInit(): void {
    const attributes: Record<string, string> = {
      class: 'area',
      role: 'textbox',
      'aria-multiline': 'true',
      'aria-label': this.label(),
      id: this.editorId(),
    };
    const testId = this.testId();
    if (testId) attributes['data-testid'] = testId;
    this.lastEmitted = this.value();
    this.editor = new Editor({
      element: this.mount().nativeElement,
      content: this.value(),
      extensions: [
        StarterKit.configure({
          heading: { levels: [3, 4] },
          code: false,
          codeBlock: false,
          horizontalRule: false,
          trailingNode: false,
          link: {
            openOnClick: false,
            autolink: true,
            protocols: ['mailto'],
            HTMLAttributes: { rel: 'noopener noreferrer', target: null, class: null },
          },
        }),
      ],
      editorProps: { attributes },
      onUpdate: ({ editor }) => this.emit(editor),
      onBlur: ({ editor }) => this.emit(editor),
      onTransaction: ({ editor }) => this.refreshActive(editor),
    });
    this.refreshActive(this.editor);
  }

  protected run(tool: Tool): void {
    const editor = this.editor;
    if (!editor) return;
    const chain = editor.chain().focus();
    const commands: Record<Tool, () => typeof chain> = {
      bold: () => chain.toggleBold(),
      italic: () => chain.toggleItalic(),
      underline: () => chain.toggleUnderline(),
      heading: () => chain.toggleHeading({ level: 3 }),
      bulletList: () => chain.toggleBulletList(),
      orderedList: () => chain.toggleOrderedList(),
      blockquote: () => chain.toggleBlockquote(),
      undo: () => chain.undo(),
      redo: () => chain.redo(),
    };
    commands[tool]().run();
  }

  private emit(editor: Editor): void {
    const html = editor.isEmpty ? '' : editor.getHTML();
    if (html === this.lastEmitted) return;
    this.lastEmitted = html;
    this.value.set(html);
  }

  private refreshActive(editor: Editor): void {
    this.active.set({
      bold: editor.isActive('bold'),
      italic: editor.isActive('italic'),
      underline: editor.isActive('underline'),
      heading: editor.isActive('heading', { level: 3 }),
      bulletList: editor.isActive('bulletList'),
      orderedList: editor.isActive('orderedList'),
      blockquote: editor.isActive('blockquote'),
    });
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
