import { MinutesContent } from '@kengash/contracts';
import {
  canonicalJson,
  contentHash,
  diffContent,
  notesText,
  parseContent,
  publicFace,
  sanitizeNotes,
  textToHtml,
} from './content';

const content = (notes: string, restricted = false): MinutesContent => ({
  title: 'Minutes',
  attendance: [],
  items: [
    { key: 'extra-1', title: 'Opening', notes, speakers: [], decisions: [], restricted: false },
    { key: 'extra-2', title: 'Staff safety', notes: '<p>Names</p>', speakers: [], decisions: [], restricted },
  ],
});

describe('minutes content', () => {
  it('hashes the same content the same, whatever the key order', () => {
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: 3 }] })).toBe('{"a":[{"c":3,"d":2}],"b":1}');
    const a = content('<p>x</p>');
    const reordered = JSON.parse(
      JSON.stringify({ items: a.items, attendance: a.attendance, title: a.title }),
    ) as MinutesContent;
    expect(contentHash(reordered)).toBe(contentHash(a));
    expect(contentHash(content('<p>y</p>'))).not.toBe(contentHash(a));
    expect(contentHash(a)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('keeps the editor’s HTML and drops anything that runs or loads', () => {
    expect(sanitizeNotes('<p onclick="x()">Hi <strong>all</strong><img src=x><script>1</script></p>')).toBe(
      '<p>Hi <strong>all</strong></p>',
    );
    expect(sanitizeNotes('<a href="javascript:alert(1)">x</a><a href="https://example.org">y</a>')).toBe(
      '<a rel="noopener noreferrer">x</a><a href="https://example.org" rel="noopener noreferrer">y</a>',
    );
  });

  it('turns live notes into paragraphs and back into text', () => {
    expect(textToHtml('First <b>\n\nSecond\nline')).toBe('<p>First &lt;b&gt;</p><p>Second<br>line</p>');
    expect(notesText('<p>First &amp; more</p><ul><li>one</li><li>two</li></ul>')).toBe('First & more\none\ntwo');
  });

  it('leaves restricted items out of the public summary', () => {
    expect(publicFace(content('<p>x</p>', true)).items.map((i) => i.key)).toEqual(['extra-1']);
  });

  it('diffs item by item at word level', () => {
    const d = diffContent(
      content('<p>The plan is agreed.</p>'),
      content('<p>The plan is agreed today.</p>', true),
      1,
      2,
    );
    expect(d.items[0].change).toBe('changed');
    expect(d.items[0].parts.filter((p) => p.kind === 'added').map((p) => p.text.trim())).toEqual(['today']);
    expect(d.items[1]).toMatchObject({ change: 'changed', restrictedChanged: true });
  });

  it('refuses bad content with field errors', () => {
    expect(() => parseContent({ ...content(''), title: '' })).toThrow('invalid fields');
    try {
      parseContent({ ...content(''), items: [{ key: 'bad key' }] });
    } catch (e) {
      const fields = (e as { details: { field: string }[] }).details.map((d) => d.field);
      expect(fields).toContain('content.items.0.key');
      expect(fields).toContain('content.items.0.title');
    }
  });
});
