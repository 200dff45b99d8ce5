import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideTestTranslations, useTestLocale } from './testing/translate-testing';
import { RichTextEditorComponent } from './rich-text-editor.component';

function must<T>(value: T | null | undefined): T {
  if (value === null || value === undefined) throw new Error('missing element');
  return value;
}

// jsdom does not lay text out; ProseMirror asks for rectangles when it scrolls the selection into view.
const noRects = () => Object.assign([], { item: () => null }) as unknown as DOMRectList;
const zeroRect = () => ({ x: 0, y: 0, top: 0, left: 0, right: 0, bottom: 0, width: 0, height: 0, toJSON: () => ({}) });
Range.prototype.getClientRects ??= noRects;
Range.prototype.getBoundingClientRect ??= zeroRect;
document.elementFromPoint ??= () => null;

describe('RichTextEditorComponent (Tiptap)', () => {
  let fixture: ComponentFixture<RichTextEditorComponent>;
  let sut: HTMLElement;
  const box = () => must(sut.querySelector<HTMLElement>('[role=textbox]'));
  const button = (command: string) => must(sut.querySelector<HTMLButtonElement>(`[data-command=${command}]`));

  beforeEach(() => {
    TestBed.configureTestingModule({ imports: [RichTextEditorComponent], providers: [provideTestTranslations()] });
    useTestLocale('en');
    fixture = TestBed.createComponent(RichTextEditorComponent);
    fixture.componentRef.setInput('label', 'Notes');
    fixture.componentRef.setInput('editorId', 'n1');
    fixture.componentRef.setInput('testId', 'notes-editor');
    fixture.componentRef.setInput('value', '<p>Hi <b>there</b></p>');
    sut = fixture.nativeElement as HTMLElement;
    fixture.detectChanges();
  });

  afterEach(() => fixture.destroy());

  it('shows the value in a labelled multi-line text box with a formatting toolbar', () => {
    expect(box().getAttribute('contenteditable')).toBe('true');
    expect(box().getAttribute('aria-label')).toBe('Notes');
    expect(box().getAttribute('aria-multiline')).toBe('true');
    expect(box().id).toBe('n1');
    expect(box().getAttribute('data-testid')).toBe('notes-editor');
    expect(box().innerHTML).toBe('<p>Hi <strong>there</strong></p>');
    expect([...sut.querySelectorAll('[role=toolbar] button')].map((b) => b.getAttribute('aria-label'))).toEqual([
      'Bold',
      'Italic',
      'Underline',
      'Heading',
      'Bulleted list',
      'Numbered list',
      'Quote',
      'Undo',
      'Redo',
    ]);
    expect(button('undo').hasAttribute('aria-pressed')).toBe(false);
    expect(button('orderedList').getAttribute('aria-pressed')).toBe('false');
  });

  it('keeps its accessible name in step with the label (an item renamed on the page)', () => {
    fixture.componentRef.setInput('label', 'Notes: Staff safety');
    fixture.detectChanges();
    expect(box().getAttribute('aria-label')).toBe('Notes: Staff safety');
  });

  it('formats with the toolbar, emits the new HTML and shows the toggle as pressed; undo takes it back', () => {
    const values: string[] = [];
    fixture.componentInstance.value.subscribe((v) => values.push(v));

    button('orderedList').click();
    fixture.detectChanges();

    expect(values.at(-1)).toBe('<ol><li><p>Hi <strong>there</strong></p></li></ol>');
    expect(button('orderedList').getAttribute('aria-pressed')).toBe('true');

    button('undo').click();
    fixture.detectChanges();
    expect(values.at(-1)).toBe('<p>Hi <strong>there</strong></p>');
    expect(button('orderedList').getAttribute('aria-pressed')).toBe('false');
  });

  it('keeps only what the servers allow when content comes in (scripts, styles, tables and spans go)', () => {
    fixture.componentRef.setInput(
      'value',
      '<p style="color:red">A <span class="x">b</span><script>alert(1)</script></p><table><tr><td>c</td></tr></table>' +
        '<h3>Title</h3><h1>Big</h1><pre><code>x = 1</code></pre><p><a href="https://example.org" onclick="x()">link</a></p>',
    );
    fixture.detectChanges();

    const html = box().innerHTML;
    expect(html).not.toMatch(/<script|<span|<table|<td|style=|onclick|<h1|<pre|<code/);
    expect(html).toContain('<p>A b</p>');
    expect(html).toContain('c');
    expect(html).toContain('<h3>Title</h3><p>Big</p>');
    expect(html).toContain('<a rel="noopener noreferrer" href="https://example.org">link</a>');
  });

  it('takes a value from outside without echoing it or making it undoable, and emits "" when emptied', () => {
    const values: string[] = [];
    fixture.componentInstance.value.subscribe((v) => values.push(v));
    fixture.componentRef.setInput('value', '<p>Reloaded</p>');
    fixture.detectChanges();
    expect(box().innerHTML).toBe('<p>Reloaded</p>');
    button('undo').click();
    fixture.detectChanges();
    expect(box().innerHTML).toBe('<p>Reloaded</p>');
    expect(values).toEqual([]);

    fixture.componentInstance['editor']?.commands.clearContent(true);
    expect(values).toEqual(['']);
  });

  it('moves between the toolbar buttons with the arrow keys (one tab stop)', () => {
    const buttons = [...sut.querySelectorAll<HTMLButtonElement>('[role=toolbar] button')];
    buttons[0].focus();
    buttons[0].dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));

    expect(document.activeElement).toBe(buttons[1]);
    expect(buttons.map((b) => b.getAttribute('tabindex'))).toEqual([
      '-1',
      '0',
      '-1',
      '-1',
      '-1',
      '-1',
      '-1',
      '-1',
      '-1',
    ]);
    buttons[1].dispatchEvent(new KeyboardEvent('keydown', { key: 'End', bubbles: true }));
    expect(document.activeElement).toBe(buttons[8]);
  });
});
