import { escapeHtml, sanitizeRichText } from './rich-text';

describe('rich text', () => {
  it('keeps what the editor writes and drops what runs or loads', () => {
    expect(sanitizeRichText('<p onclick="x()">Hi <strong>all</strong><img src=x><script>1</script></p>')).toBe(
      '<p>Hi <strong>all</strong></p>',
    );
    expect(sanitizeRichText('<h3>T</h3><blockquote>q</blockquote><iframe src="https://x"></iframe>')).toBe(
      '<h3>T</h3><blockquote>q</blockquote>',
    );
  });

  it('keeps safe links only, never passing the opener', () => {
    expect(
      sanitizeRichText('<a href="javascript:alert(1)">x</a><a href="https://example.org" target="_blank">y</a>'),
    ).toBe('<a rel="noopener noreferrer">x</a><a href="https://example.org" rel="noopener noreferrer">y</a>');
  });

  it('escapes the five characters that matter in content and attributes', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    );
  });
});
