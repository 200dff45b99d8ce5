import { htmlToText, toSimpleHtml } from './simple-html';

describe('toSimpleHtml', () => {
  it('keeps the allowed tags and drops attributes', () => {
    expect(toSimpleHtml('<p class="x">A <strong style="color:red">b</strong> <em>c</em></p>')).toBe(
      '<p>A <strong>b</strong> <em>c</em></p>',
    );
    expect(toSimpleHtml('<ul><li>one</li></ul><ol><li>two<br>three</li></ol>')).toBe(
      '<ul><li>one</li></ul><ol><li>two<br>three</li></ol>',
    );
  });

  it('renames b/i/div, unwraps other elements and removes scripts', () => {
    expect(toSimpleHtml('<div><b>x</b><i>y</i><span>z</span><script>alert(1)</script></div>')).toBe(
      '<p><strong>x</strong><em>y</em>z</p>',
    );
  });

  it('wraps loose text in a paragraph and drops empty paragraphs', () => {
    expect(toSimpleHtml('hello <strong>world</strong><p><br></p>')).toBe('<p>hello <strong>world</strong></p>');
    expect(toSimpleHtml('')).toBe('');
  });

  it('reads the text of simple HTML', () => {
    expect(htmlToText('<p>a <em>b</em></p>')).toBe('a b');
  });
});
