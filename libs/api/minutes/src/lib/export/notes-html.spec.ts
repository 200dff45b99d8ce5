import { parseNotes, withVisibleUrls } from './notes-html';

const plain = { bold: false, italic: false, underline: false, strike: false, href: null };

describe('notes HTML', () => {
  it('reads the sanitised subset as blocks with styled runs', () => {
    expect(
      parseNotes(
        '<h3>Title</h3><p>A <strong>bold <em>and italic</em></strong> word,\n  <u>u</u> <s>s</s>.<br>Next</p>' +
          '<ol><li>one</li><li><p>two</p><ul><li>two.a</li></ul></li></ol><blockquote><p>q</p></blockquote>',
      ),
    ).toEqual([
      { kind: 'heading', level: 3, inlines: [{ kind: 'text', text: 'Title', style: plain }] },
      {
        kind: 'paragraph',
        inlines: [
          { kind: 'text', text: 'A ', style: plain },
          { kind: 'text', text: 'bold ', style: { ...plain, bold: true } },
          { kind: 'text', text: 'and italic', style: { ...plain, bold: true, italic: true } },
          { kind: 'text', text: ' word, ', style: plain },
          { kind: 'text', text: 'u', style: { ...plain, underline: true } },
          { kind: 'text', text: ' ', style: plain },
          { kind: 'text', text: 's', style: { ...plain, strike: true } },
          { kind: 'text', text: '.', style: plain },
          { kind: 'break' },
          { kind: 'text', text: 'Next', style: plain },
        ],
      },
      {
        kind: 'list',
        ordered: true,
        items: [
          [{ kind: 'paragraph', inlines: [{ kind: 'text', text: 'one', style: plain }] }],
          [
            { kind: 'paragraph', inlines: [{ kind: 'text', text: 'two', style: plain }] },
            {
              kind: 'list',
              ordered: false,
              items: [[{ kind: 'paragraph', inlines: [{ kind: 'text', text: 'two.a', style: plain }] }]],
            },
          ],
        ],
      },
      { kind: 'quote', blocks: [{ kind: 'paragraph', inlines: [{ kind: 'text', text: 'q', style: plain }] }] },
    ]);
  });

  it('decodes entities, drops empty paragraphs, scripts and unsafe links, keeps text outside the subset', () => {
    expect(
      parseNotes(
        '<p>&lt;b&gt; &amp; &nbsp;x</p><p><br></p><script>alert(1)</script>' +
          '<div><span>loose</span> text</div><a href="javascript:alert(1)">js</a>',
      ),
    ).toEqual([
      { kind: 'paragraph', inlines: [{ kind: 'text', text: '<b> & x', style: plain }] },
      { kind: 'paragraph', inlines: [{ kind: 'text', text: 'loose text', style: plain }] },
      { kind: 'paragraph', inlines: [{ kind: 'text', text: 'js', style: plain }] },
    ]);
    expect(parseNotes('')).toEqual([]);
    expect(parseNotes('plain text, no tags')).toEqual([
      { kind: 'paragraph', inlines: [{ kind: 'text', text: 'plain text, no tags', style: plain }] },
    ]);
  });

  it('adds the target after a link whose text is not its URL (for print)', () => {
    const [block] = parseNotes(
      '<p><a href="https://a.org">site</a> and <a href="https://b.org">https://b.org</a>, ' +
        '<a href="mailto:x@y.org">x@y.org</a></p>',
    );
    const text = block.kind === 'paragraph' ? withVisibleUrls(block.inlines) : [];
    expect(text.map((i) => (i.kind === 'text' ? i.text : '\n')).join('')).toBe(
      'site (https://a.org) and https://b.org, x@y.org',
    );
  });
});
