import { PDF_FONT_FILES, PDF_FONT_STYLES, printable, splitByFont, subsetFor } from './pdf-fonts';

/** fontkit (pdfkit's font reader) tells whether a file really has a glyph; the export itself only uses ranges. */
const fontkit = jest.requireActual<{ openSync(path: string): { hasGlyphForCodePoint(codePoint: number): boolean } }>(
  'fontkit',
);

/** The scripts the council writes in: Latin (incl. Uzbek, Turkmen), Cyrillic (Russian, Kazakh, Kyrgyz, Tajik…). */
const BLOCKS: [string, number, number][] = [
  ['Basic Latin', 0x20, 0x7e],
  ['Latin-1', 0xa1, 0xff],
  ['Latin Extended-A', 0x100, 0x17f],
  ['Latin Extended-B', 0x180, 0x24f],
  ['Cyrillic', 0x400, 0x4ff],
  ['Cyrillic Supplement', 0x500, 0x52f],
  ['General Punctuation', 0x2010, 0x2027],
  ['More punctuation', 0x2030, 0x203a],
];
const EXTRA = [0x2bb, 0x2bc, 0x20ac, 0x20b8, 0x20bd, 0x2116, 0x2122, 0x2212, 0x2022];
/** In none of the package's files and without a fair look-alike: they print as the missing-glyph box. */
const NO_GLYPH = ['‖', '‗', '‱', '‴', '‵', '‶', '‷', '‸'];

describe('PDF fonts', () => {
  it('draws every character of the scripts in use with a file that has its glyph, in every style', () => {
    for (const style of PDF_FONT_STYLES) {
      const files = new Map(PDF_FONT_FILES[style].map(({ subset, path }) => [subset, fontkit.openSync(path)]));
      const missing: string[] = [];
      const codePoints = [
        ...BLOCKS.flatMap(([, from, to]) => Array.from({ length: to - from + 1 }, (_, i) => from + i)),
        ...EXTRA,
      ];
      for (const original of codePoints) {
        for (const char of printable(String.fromCodePoint(original))) {
          const codePoint = char.codePointAt(0) ?? 0;
          const subset = subsetFor(codePoint);
          // `standard` is the PDF's built-in Helvetica (WinAnsi), used only for ‰ and ‡.
          if (subset !== 'standard' && !files.get(subset)?.hasGlyphForCodePoint(codePoint)) missing.push(char);
        }
      }
      expect({ style, missing }).toEqual({ style, missing: NO_GLYPH });
    }
  });

  it('splits mixed text into runs per file, keeping spaces in the run they are in', () => {
    expect(splitByFont('Протокол №1, Nodira Қ')).toEqual([
      { subset: 'cyrillic', text: 'Протокол №' },
      { subset: 'latin', text: '1, Nodira ' },
      { subset: 'cyrillic-ext', text: 'Қ' },
    ]);
    // A combining acute (stress mark) stays with the Cyrillic letter it marks.
    expect(splitByFont('за́мок')).toEqual([{ subset: 'cyrillic', text: 'за́мок' }]);
    // Look-alikes for what the files lack; the built-in Helvetica for ‰.
    expect(splitByFont('1‒2 ‰')).toEqual([
      { subset: 'latin', text: '1–2 ' },
      { subset: 'standard', text: '‰' },
    ]);
  });
});
