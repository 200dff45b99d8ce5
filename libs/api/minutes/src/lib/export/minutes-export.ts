import { PDF_FONT_FILES } from './pdf-fonts';

/**
 * Exports of minutes: PDF and Markdown. Both are pure functions of the content and a header; they print
 * every item they are given (the caller passes the content of the face it exports, so a public summary
 * never reaches them with its restricted items).
 */
export type { MinutesExportHeader } from './export-labels';
export { minutesToMarkdown, notesToMarkdown, escapeMarkdown } from './minutes-markdown';
export { minutesToPdf } from './minutes-pdf';

/**
 * The Latin-script Noto Sans files of the PDF (absolute paths). Noto Sans from @fontsource is split by
 * script, so the PDF also embeds the Cyrillic, Latin Extended, Cyrillic Extended, Vietnamese and Greek files
 * of each style and draws every character with the file that has it: see `MINUTES_PDF_FONT_SUBSETS`.
 */
export const MINUTES_PDF_FONT_FILES: { regular: string; bold: string; italic: string; boldItalic: string } = {
  regular: PDF_FONT_FILES.regular[0].path,
  bold: PDF_FONT_FILES.bold[0].path,
  italic: PDF_FONT_FILES.italic[0].path,
  boldItalic: PDF_FONT_FILES.boldItalic[0].path,
};

/** Every font file the PDF embeds, per style, in order of preference (latin first). */
export const MINUTES_PDF_FONT_SUBSETS = PDF_FONT_FILES;
