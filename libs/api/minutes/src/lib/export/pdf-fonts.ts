import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * Noto Sans from @fontsource/noto-sans. The package ships the font split by script (latin, cyrillic, …,
 * one WOFF per subset); no file covers both Latin and Cyrillic, so the PDF embeds several subset files per
 * style and picks the file for each character (see `splitByFont`).
 *
 * Paths are resolved with a `require` made from this file rather than `require.resolve`: in the webpack
 * bundle of the API `require.resolve` of an external becomes a module id, not a path.
 */
const load = createRequire(__filename);

export type PdfFontStyle = 'regular' | 'bold' | 'italic' | 'boldItalic';
export const PDF_FONT_STYLES: readonly PdfFontStyle[] = ['regular', 'bold', 'italic', 'boldItalic'];

/** Subsets in order of preference: a character both files declare is taken from the earlier one. */
export const PDF_FONT_SUBSETS = [
  'latin',
  'cyrillic',
  'latin-ext',
  'cyrillic-ext',
  'vietnamese',
  'greek',
  'greek-ext',
] as const;
/**
 * A file of the package, or `standard`: the PDF's built-in Helvetica, for the few characters of its
 * (WinAnsi) set that no subset file has a glyph for (‰, ‡).
 */
export type PdfFontSubset = (typeof PDF_FONT_SUBSETS)[number] | 'standard';
type FileSubset = (typeof PDF_FONT_SUBSETS)[number];

/** The built-in fonts behind `standard`, per style. */
export const STANDARD_FONTS: Record<PdfFontStyle, string> = {
  regular: 'Helvetica',
  bold: 'Helvetica-Bold',
  italic: 'Helvetica-Oblique',
  boldItalic: 'Helvetica-BoldOblique',
};
const STANDARD = new Set([0x2021, 0x2030]);

/**
 * Characters the package declares for a subset but no file has a glyph for, drawn as their nearest
 * look-alike (the text stays readable and searchable; only the shape is approximated).
 */
const LOOKALIKES: Record<string, string> = {
  '\u2010': '-', // hyphen
  '\u2011': '-', // non-breaking hyphen
  '\u2012': '\u2013', // figure dash
  '\u2015': '\u2014', // horizontal bar
  '\u201b': '\u2018', // reversed single quotation mark
  '\u201f': '\u201c', // reversed double quotation mark
  '\u2023': '\u2022', // triangular bullet
  '\u2024': '.', // one dot leader
  '\u2025': '..', // two dot leader
  '\u2027': '\u00b7', // hyphenation point
  '\u2043': '-', // hyphen bullet
};
const LOOKALIKE = new RegExp(`[${Object.keys(LOOKALIKES).join('')}]`, 'g');

/** Text with the characters that have no glyph replaced by their look-alikes. */
export const printable = (text: string) => text.replace(LOOKALIKE, (c) => LOOKALIKES[c] ?? c);

const FILE_STYLE: Record<PdfFontStyle, string> = {
  regular: '400-normal',
  bold: '700-normal',
  italic: '400-italic',
  boldItalic: '700-italic',
};

function resolveFile(request: string): string {
  const path: unknown = load.resolve(request);
  if (typeof path !== 'string') throw new Error(`Could not resolve ${request} to a file path`);
  return path;
}

export const fontFile = (subset: FileSubset, style: PdfFontStyle) =>
  resolveFile(`@fontsource/noto-sans/files/noto-sans-${subset}-${FILE_STYLE[style]}.woff`);

/** The fonts the PDF embeds: per style, every subset file with the code point ranges it covers. */
export const PDF_FONT_FILES: Record<PdfFontStyle, { subset: FileSubset; path: string }[]> = Object.fromEntries(
  PDF_FONT_STYLES.map((style) => [
    style,
    PDF_FONT_SUBSETS.map((subset) => ({ subset, path: fontFile(subset, style) })),
  ]),
) as Record<PdfFontStyle, { subset: FileSubset; path: string }[]>;

/** Code point ranges of each subset, from the package's unicode.json ("U+0000-00FF,U+0131,…"). */
const RANGES: Record<FileSubset, [number, number][]> = (() => {
  const declared = JSON.parse(readFileSync(resolveFile('@fontsource/noto-sans/unicode.json'), 'utf8')) as Record<
    string,
    string
  >;
  const parse = (spec: string): [number, number][] =>
    spec.split(',').map((part) => {
      const [from, to] = part.trim().replace(/^U\+/i, '').split('-');
      return [parseInt(from, 16), parseInt(to ?? from, 16)];
    });
  return Object.fromEntries(
    PDF_FONT_SUBSETS.map((subset) => {
      const spec = declared[subset];
      if (!spec) throw new Error(`@fontsource/noto-sans has no ${subset} subset`);
      return [subset, parse(spec)];
    }),
  ) as Record<FileSubset, [number, number][]>;
})();

/** Declared by a subset whose file lacks the glyph, while a later subset has it (the dagger is in latin-ext). */
const ABSENT: Partial<Record<FileSubset, Set<number>>> = { latin: new Set([0x2020]) };

function covers(subset: PdfFontSubset, codePoint: number): boolean {
  if (subset === 'standard') return STANDARD.has(codePoint);
  if (ABSENT[subset]?.has(codePoint)) return false;
  return RANGES[subset].some(([from, to]) => codePoint >= from && codePoint <= to);
}

/**
 * The subset file to draw a character with: the first subset, in order of preference, that declares it.
 * A combining mark stays with the file of the character before (`current`) when that file declares it.
 * Characters no subset has fall back to latin (they print as the font's missing-glyph box).
 */
export function subsetFor(codePoint: number, current?: PdfFontSubset): PdfFontSubset {
  const combining = codePoint >= 0x300 && codePoint <= 0x36f;
  if (combining && current && covers(current, codePoint)) return current;
  if (STANDARD.has(codePoint)) return 'standard';
  return PDF_FONT_SUBSETS.find((subset) => covers(subset, codePoint)) ?? 'latin';
}

/** Splits text into runs that one font can draw (look-alikes substituted first). */
export function splitByFont(text: string): { subset: PdfFontSubset; text: string }[] {
  const runs: { subset: PdfFontSubset; text: string }[] = [];
  let current: PdfFontSubset | undefined;
  for (const char of printable(text)) {
    // A space is in every font: it stays with the run it is in.
    const subset = char === ' ' && current ? current : subsetFor(char.codePointAt(0) ?? 0x20, current);
    if (subset === current) runs[runs.length - 1].text += char;
    else runs.push({ subset, text: char });
    current = subset;
  }
  return runs;
}

/** The name a subset file is registered under in a document. */
export const fontName = (style: PdfFontStyle, subset: PdfFontSubset) => `NotoSans-${style}-${subset}`;
