import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideTestTranslations, useTestLocale } from '../testing/translate-testing';
import { RichTextEditorComponent } from './rich-text-editor.component';

function must<T>(value: T | null | undefined): T {
  if (value === null || value === undefined) throw new Error('missing element');
  return value;
}

describe('RichTextEditorComponent', () => {
  let fixture: ComponentFixture<RichTextEditorComponent>;
  let sut: HTMLElement;

  beforeEach(() => {
    TestBed.configureTestingModule({ imports: [RichTextEditorComponent], providers: [provideTestTranslations()] });
    useTestLocale('en');
    fixture = TestBed.createComponent(RichTextEditorComponent);
    fixture.componentRef.setInput('label', 'Notes');
    fixture.componentRef.setInput('editorId', 'n1');
    fixture.componentRef.setInput('value', '<p>Hi <b>there</b></p>');
    sut = fixture.nativeElement as HTMLElement;
    fixture.detectChanges();
  });

  it('shows the value in a labelled multi-line text box with a formatting toolbar', () => {
    const area = sut.querySelector<HTMLElement>('[role=textbox]');
    expect(area?.getAttribute('contenteditable')).toBe('true');
    expect(area?.getAttribute('aria-label')).toBe('Notes');
    expect(area?.innerHTML).toBe('<p>Hi <strong>there</strong></p>');
    expect([...sut.querySelectorAll('[role=toolbar] button')].map((b) => b.getAttribute('aria-label'))).toEqual([
      'Bold',
      'Italic',
      'Bulleted list',
      'Numbered list',
    ]);
  });

  it('emits simple HTML when the text changes', () => {
    const values: string[] = [];
    fixture.componentInstance.value.subscribe((v) => values.push(v));
    const area = must(sut.querySelector<HTMLElement>('[role=textbox]'));
    area.innerHTML = '<div>New <span>text</span></div>';
    area.dispatchEvent(new Event('input'));

    expect(values.at(-1)).toBe('<p>New text</p>');
  });

  it('moves between the toolbar buttons with the arrow keys (one tab stop)', () => {
    const buttons = [...sut.querySelectorAll<HTMLButtonElement>('[role=toolbar] button')];
    buttons[0].focus();
    buttons[0].dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));

    expect(document.activeElement).toBe(buttons[1]);
    expect(buttons.map((b) => b.getAttribute('tabindex'))).toEqual(['-1', '0', '-1', '-1']);
  });
});
