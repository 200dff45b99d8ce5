import type { MinutesContent } from '@kengash/contracts';
import PDFDocument from 'pdfkit';
import {
  countryLabel,
  decisionSummary,
  exportLabels,
  formatGeneratedAt,
  formatHoursMinutes,
  formatSessionTime,
  formatStatusLine,
  MinutesExportHeader,
  personLabel,
  speakerSummary,
} from './export-labels';
import { Inline, NotesBlock, parseNotes, withVisibleUrls } from './notes-html';
import {
  fontName,
  PDF_FONT_FILES,
  PDF_FONT_STYLES,
  PdfFontStyle,
  PdfFontSubset,
  splitByFont,
  STANDARD_FONTS,
} from './pdf-fonts';

/** One section of the minutes (an agenda item or an added section). */
type MinutesItem = MinutesContent['items'][number];

// A4 in points, and the page furniture.
const PAGE_WIDTH = 595.28;
const PAGE_HEIGHT = 841.89;
const MARGIN = { top: 60, bottom: 64, left: 56, right: 56 };
const CONTENT_WIDTH = PAGE_WIDTH - MARGIN.left - MARGIN.right;
const LEADING = 1.4;
/** Noto Sans ascender (hhea, per em), the same in every subset file. */
const NOTO_ASCENT = 1.069;
const BODY = 10;
/** A heading is not left at the foot of a page: two body lines must fit under it. */
const KEEP_WITH_HEADING = 2 * BODY * LEADING + 5;

const COLOR = { text: '#1a1a1a', muted: '#5a5a5a', link: '#1a4f8b', rule: '#c8c8c8', fill: '#eeeeee', bar: '#b0b0b0' };

/** A piece of text in one style. `\n` in its text is a line break. */
interface Run {
  text: string;
  style: PdfFontStyle;
  underline?: boolean;
  strike?: boolean;
  href?: string | null;
  color?: string;
}

/** A run's text that one font file draws, measured. */
interface Segment {
  text: string;
  style: PdfFontStyle;
  subset: PdfFontSubset;
  width: number;
  run: Run;
}

interface Line {
  segments: Segment[];
  width: number;
}

interface FlowOptions {
  x: number;
  width: number;
  size: number;
  spaceBefore?: number;
  spaceAfter?: number;
  /** Drawn in the gutter left of the first line (list bullets and numbers). */
  marker?: string;
  /** X positions of quote bars drawn beside every line. */
  bars?: number[];
  /** Room (points) that must be left below the first line on its page: a heading keeps some of what follows. */
  keepWithNext?: number;
}

interface BlockContext {
  x: number;
  width: number;
  bars: number[];
  depth: number;
  tight: boolean;
}

const run = (text: string, style: PdfFontStyle = 'regular', color = COLOR.text): Run => ({ text, style, color });

function inlineRuns(inlines: Inline[]): Run[] {
  return withVisibleUrls(inlines).map((inline): Run => {
    if (inline.kind === 'break') return { text: '\n', style: 'regular' };
    const { bold, italic, underline, strike, href } = inline.style;
    return {
      text: inline.text,
      style: bold && italic ? 'boldItalic' : bold ? 'bold' : italic ? 'italic' : 'regular',
      underline: underline || !!href,
      strike,
      href,
      color: href ? COLOR.link : COLOR.text,
    };
  });
}

const sameLook = (a: Segment, b: Segment) =>
  a.style === b.style &&
  a.subset === b.subset &&
  !!a.run.underline === !!b.run.underline &&
  !!a.run.strike === !!b.run.strike &&
  (a.run.href ?? null) === (b.run.href ?? null) &&
  (a.run.color ?? COLOR.text) === (b.run.color ?? COLOR.text);

class PdfWriter {
  readonly doc: PDFKit.PDFDocument;
  private y = MARGIN.top;
  private readonly widths = new Map<string, number>();

  constructor(
    private readonly header: MinutesExportHeader,
    title: string,
  ) {
    this.doc = new PDFDocument({
      size: 'A4',
      margins: MARGIN,
      bufferPages: true,
      autoFirstPage: true,
      pdfVersion: '1.7',
      lang: header.locale,
      displayTitle: true,
      info: {
        Title: title,
        Subject: [header.councilName, header.sessionTitle].filter(Boolean).join(' — '),
        Author: header.councilName,
        Creator: 'Kengash',
        CreationDate: Number.isNaN(Date.parse(header.generatedAt)) ? new Date() : new Date(header.generatedAt),
      },
    });
    for (const style of PDF_FONT_STYLES) {
      for (const { subset, path } of PDF_FONT_FILES[style]) this.doc.registerFont(fontName(style, subset), path);
      this.doc.registerFont(fontName(style, 'standard'), STANDARD_FONTS[style]);
    }
  }

  // ---- measuring and line breaking ----------------------------------------------------------------------

  private measure(text: string, style: PdfFontStyle, subset: PdfFontSubset, size: number): number {
    const key = `${style}|${subset}|${size}|${text}`;
    let width = this.widths.get(key);
    if (width === undefined) {
      width = this.doc.font(fontName(style, subset)).fontSize(size).widthOfString(text);
      if (text.length < 64) this.widths.set(key, width);
    }
    return width;
  }

  private segments(piece: Run, size: number): Segment[] {
    return splitByFont(piece.text).map(({ subset, text }) => ({
      text,
      subset,
      style: piece.style,
      run: piece,
      width: this.measure(text, piece.style, subset, size),
    }));
  }

  /** Greedy line breaking at spaces; a word longer than the line is broken between characters. */
  layout(runs: Run[], width: number, size: number): Line[] {
    type Token = { kind: 'word'; pieces: Run[] } | { kind: 'space'; run: Run } | { kind: 'break' };
    const tokens: Token[] = [];
    for (const r of runs)
      for (const part of r.text.split(/(\n| +)/)) {
        if (!part) continue;
        const last = tokens[tokens.length - 1];
        if (part === '\n') tokens.push({ kind: 'break' });
        else if (part.startsWith(' ')) {
          if (last?.kind !== 'space') tokens.push({ kind: 'space', run: r });
        } else if (last?.kind === 'word') last.pieces.push({ ...r, text: part });
        else tokens.push({ kind: 'word', pieces: [{ ...r, text: part }] });
      }

    const lines: Line[] = [];
    let line: Line = { segments: [], width: 0 };
    let space: Run | null = null;
    const finish = () => {
      lines.push(line);
      line = { segments: [], width: 0 };
      space = null;
    };
    const place = (segments: Segment[]) => {
      for (const s of segments) line.segments.push(s);
      line.width += segments.reduce((sum, s) => sum + s.width, 0);
    };
    for (const token of tokens) {
      if (token.kind === 'break') {
        finish();
        continue;
      }
      if (token.kind === 'space') {
        if (line.segments.length) space = token.run;
        continue;
      }
      const word = token.pieces.flatMap((p) => this.segments(p, size));
      const wordWidth = word.reduce((sum, s) => sum + s.width, 0);
      if (line.segments.length && space) {
        const before = line.segments[line.segments.length - 1];
        const gapSubset = before.subset === 'standard' ? 'latin' : before.subset;
        const gap: Segment = {
          text: ' ',
          style: space.style,
          subset: gapSubset,
          run: space,
          width: this.measure(' ', space.style, gapSubset, size),
        };
        if (line.width + gap.width + wordWidth <= width) {
          place([gap, ...word]);
          space = null;
          continue;
        }
        finish();
      } else if (line.segments.length && line.width + wordWidth > width) finish();
      space = null;
      if (line.width + wordWidth <= width) place(word);
      else this.placeLong(word, width, size, place, finish, () => line.width);
    }
    if (line.segments.length || !lines.length) lines.push(line);
    return lines.map((l) => ({ width: l.width, segments: mergeSegments(l.segments) }));
  }

  /** A word wider than the line (a long URL, a hash): broken between characters. */
  private placeLong(
    word: Segment[],
    width: number,
    size: number,
    place: (segments: Segment[]) => void,
    finish: () => void,
    used: () => number,
  ) {
    for (const segment of word) {
      let text = '';
      let textWidth = 0;
      for (const char of segment.text) {
        const charWidth = this.measure(char, segment.style, segment.subset, size);
        if (used() + textWidth + charWidth > width && (text || used() > 0)) {
          if (text) place([{ ...segment, text, width: textWidth }]);
          finish();
          text = '';
          textWidth = 0;
        }
        text += char;
        textWidth += charWidth;
      }
      if (text) place([{ ...segment, text, width: textWidth }]);
    }
  }

  // ---- drawing ------------------------------------------------------------------------------------------

  private lineHeight(size: number) {
    return size * LEADING;
  }

  private drawLine(line: Line, x: number, y: number, size: number) {
    let cx = x;
    for (const s of line.segments) {
      this.doc
        .font(fontName(s.style, s.subset))
        .fontSize(size)
        .fillColor(s.run.color ?? COLOR.text)
        .text(s.text, cx, y, {
          lineBreak: false,
          underline: !!s.run.underline,
          strike: !!s.run.strike,
          ...(s.run.href ? { link: s.run.href } : {}),
          // pdfkit puts a font's ascender at y; Helvetica's is lower than Noto's: share Noto's baseline.
          ...(s.subset === 'standard' ? { baseline: -NOTO_ASCENT * size } : {}),
        });
      cx += s.width;
    }
  }

  newPage() {
    this.doc.addPage();
    this.y = MARGIN.top;
  }

  /** Starts a new page unless `height` fits below the current position. */
  ensure(height: number) {
    if (this.y + height > PAGE_HEIGHT - MARGIN.bottom && this.y > MARGIN.top) this.newPage();
  }

  space(points: number) {
    this.y = Math.min(this.y + points, PAGE_HEIGHT - MARGIN.bottom);
  }

  /** Text flowed over lines and pages. */
  flow(runs: Run[], options: FlowOptions) {
    const { x, width, size } = options;
    const lh = this.lineHeight(size);
    const lines = this.layout(runs, width, size);
    if (options.spaceBefore && this.y > MARGIN.top) this.space(options.spaceBefore);
    this.ensure(lh + (options.keepWithNext ?? 0));
    lines.forEach((line, index) => {
      this.ensure(lh);
      if (index === 0 && options.marker) {
        const markerWidth = this.measure(options.marker, 'regular', 'latin', size);
        this.drawLine(
          { segments: this.segments(run(options.marker, 'regular', COLOR.muted), size), width: markerWidth },
          x - 5 - markerWidth,
          this.y,
          size,
        );
      }
      for (const bar of options.bars ?? []) this.doc.rect(bar, this.y, 2, lh).fill(COLOR.bar);
      this.drawLine(line, x, this.y, size);
      this.y += lh;
    });
    if (options.spaceAfter) this.space(options.spaceAfter);
  }

  rule(color = COLOR.rule) {
    this.doc
      .moveTo(MARGIN.left, this.y)
      .lineTo(PAGE_WIDTH - MARGIN.right, this.y)
      .lineWidth(0.6)
      .strokeColor(color)
      .stroke();
  }

  // ---- blocks of the notes ------------------------------------------------------------------------------

  blocks(blocks: NotesBlock[], ctx: BlockContext, marker?: string) {
    if (!blocks.length && marker) this.flow([run('')], { x: ctx.x, width: ctx.width, size: BODY, marker });
    blocks.forEach((block, index) => this.block(block, ctx, index === 0 ? marker : undefined));
  }

  private block(block: NotesBlock, ctx: BlockContext, marker?: string) {
    const common = { x: ctx.x, width: ctx.width, bars: ctx.bars, marker };
    switch (block.kind) {
      case 'paragraph':
        this.flow(inlineRuns(block.inlines), { ...common, size: BODY, spaceAfter: ctx.tight ? 2 : 5 });
        break;
      case 'heading': {
        const runs = inlineRuns(block.inlines).map((r) => ({
          ...r,
          style: (r.style === 'italic' || r.style === 'boldItalic' ? 'boldItalic' : 'bold') as PdfFontStyle,
        }));
        const size = block.level === 3 ? 11.5 : 10.5;
        this.flow(runs, { ...common, size, spaceBefore: 5, spaceAfter: 3, keepWithNext: KEEP_WITH_HEADING });
        break;
      }
      case 'list': {
        const indent = 18;
        block.items.forEach((item, index) => {
          const bullet = block.ordered ? `${index + 1}.` : ctx.depth % 2 ? '–' : '•';
          this.blocks(
            item,
            { ...ctx, x: ctx.x + indent, width: ctx.width - indent, depth: ctx.depth + 1, tight: true },
            bullet,
          );
        });
        if (!ctx.tight) this.space(3);
        break;
      }
      case 'quote':
        if (marker) this.flow([run('')], { ...common, size: BODY });
        this.blocks(block.blocks, { ...ctx, x: ctx.x + 12, width: ctx.width - 12, bars: [...ctx.bars, ctx.x + 1] });
        break;
    }
  }

  // ---- the document -------------------------------------------------------------------------------------

  headerBlock(title: string) {
    const h = this.header;
    const t = exportLabels(h.locale);
    this.flow([run(h.councilName, 'regular', COLOR.muted)], { x: MARGIN.left, width: CONTENT_WIDTH, size: 9 });
    this.flow([run(title, 'bold')], { x: MARGIN.left, width: CONTENT_WIDTH, size: 17, spaceBefore: 2, spaceAfter: 8 });
    const fields: [string, Run[]][] = [];
    if (h.groupNames.length) fields.push([t.groups, [run(h.groupNames.join(', '))]]);
    fields.push([t.session, [run(h.sessionTitle)]]);
    fields.push([t.time, [run(formatSessionTime(h))]]);
    fields.push([t.status, [run(formatStatusLine(h), h.status === 'approved' ? 'bold' : 'regular')]]);
    if (h.contentHash) fields.push([t.hash, [run(h.contentHash)]]);
    fields.push([t.generated, [run(formatGeneratedAt(h), 'regular', COLOR.muted)]]);
    const labelWidth = 150;
    for (const [label, value] of fields) {
      const top = this.y;
      this.flow([run(label, 'bold', COLOR.muted)], { x: MARGIN.left, width: labelWidth - 8, size: 9 });
      const afterLabel = this.y;
      this.y = top;
      const size = label === t.hash ? 8 : 9;
      this.flow(value, { x: MARGIN.left + labelWidth, width: CONTENT_WIDTH - labelWidth, size });
      this.y = Math.max(this.y, afterLabel) + 1;
    }
    this.space(6);
    this.rule();
    this.space(10);
  }

  sectionHeading(text: Run[], spaceBefore = 14) {
    this.flow(text, {
      x: MARGIN.left,
      width: CONTENT_WIDTH,
      size: 13,
      spaceBefore,
      spaceAfter: 5,
      keepWithNext: KEEP_WITH_HEADING,
    });
  }

  attendance(content: MinutesContent) {
    const h = this.header;
    const t = exportLabels(h.locale);
    this.sectionHeading([run(`${t.attendance} (${content.attendance.length})`, 'bold')], 4);
    if (!content.attendance.length) {
      this.flow([run(t.noAttendance, 'italic', COLOR.muted)], { x: MARGIN.left, width: CONTENT_WIDTH, size: BODY });
      return;
    }
    const widths = [0.34, 0.16, 0.31, 0.19].map((f) => f * CONTENT_WIDTH);
    const align: Align[] = ['left', 'left', 'left', 'right'];
    const head = this.tableRow(
      [t.person, t.country, t.organisation, t.present].map((label) => [run(label, 'bold')]),
      widths,
      align,
      true,
    );
    const rows = content.attendance.map((a) =>
      this.tableRow(
        [
          a.person.name
            ? [
                run(a.person.name),
                run(` (${personLabel({ ...a.person, name: null }, h.locale)})`, 'regular', COLOR.muted),
              ]
            : [run(personLabel(a.person, h.locale), 'italic')],
          [run(countryLabel(a.person.country, h.locale))],
          [run(a.person.organisation ?? '—')],
          [run(formatHoursMinutes(a.secondsPresent))],
        ],
        widths,
        align,
        false,
      ),
    );
    this.ensure(head.height + (rows[0]?.height ?? 0));
    this.drawRow(head);
    for (const row of rows) {
      if (this.y + row.height > PAGE_HEIGHT - MARGIN.bottom) {
        // A row never splits; the column headings are repeated on the new page.
        this.newPage();
        this.drawRow(head);
      }
      this.drawRow(row);
    }
  }

  private tableRow(cells: Run[][], widths: number[], align: Align[], head: boolean): TableRow {
    const size = head ? 8.5 : 9;
    const lh = this.lineHeight(size);
    // A row never splits over pages: a cell longer than a page (not a real organisation name) is cut short.
    const most = Math.floor((PAGE_HEIGHT - MARGIN.top - MARGIN.bottom - 60) / lh);
    const lines = cells.map((c, i) => {
      const all = this.layout(c, widths[i] - 2 * CELL_PAD, size);
      if (all.length <= most) return all;
      const kept = all.slice(0, most);
      const last = kept[most - 1];
      const ellipsis = this.segments({ ...last.segments[last.segments.length - 1].run, text: '…' }, size);
      kept[most - 1] = { segments: [...last.segments, ...ellipsis], width: last.width + ellipsis[0].width };
      return kept;
    });
    const height = Math.max(...lines.map((l) => l.length)) * lh + 2 * CELL_PAD;
    return { lines, widths, align, head, size, height };
  }

  private drawRow(row: TableRow) {
    const lh = this.lineHeight(row.size);
    if (row.head) this.doc.rect(MARGIN.left, this.y, CONTENT_WIDTH, row.height).fill(COLOR.fill);
    let x = MARGIN.left;
    row.lines.forEach((lines, i) => {
      const width = row.widths[i];
      lines.forEach((line, n) => {
        const lx = row.align[i] === 'right' ? x + width - CELL_PAD - line.width : x + CELL_PAD;
        this.drawLine(line, lx, this.y + CELL_PAD + n * lh, row.size);
      });
      x += width;
    });
    this.y += row.height;
    this.rule();
  }

  /** When the current slice of synchronous work began (see {@link breathe}). */
  private sliceStart = performance.now();

  /**
   * Long documents are laid out in slices of about {@link SLICE_MS}: between blocks the writer yields to the
   * event loop once a slice is used up, so a large export never stalls the live meetings served by the same
   * process.
   */
  private async breathe(): Promise<void> {
    if (performance.now() - this.sliceStart < SLICE_MS) return;
    await new Promise<void>((resolve) => setImmediate(resolve));
    this.sliceStart = performance.now();
  }

  async item(item: MinutesItem, index: number) {
    const h = this.header;
    const t = exportLabels(h.locale);
    const title = [run(`${index + 1}. ${oneLine(item.title)}`, 'bold')];
    if (item.restricted) title.push(run(` (${t.restricted})`, 'italic', COLOR.muted));
    this.sectionHeading(title);
    this.doc.outline.addItem(`${index + 1}. ${oneLine(item.title)}`);

    const ctx: BlockContext = { x: MARGIN.left, width: CONTENT_WIDTH, bars: [], depth: 0, tight: false };
    const notes = parseNotes(item.notes);
    for (const block of notes) {
      this.block(block, ctx);
      await this.breathe();
    }
    if (!notes.length)
      this.flow([run(t.noNotes, 'italic', COLOR.muted)], { x: ctx.x, width: ctx.width, size: BODY, spaceAfter: 5 });

    if (item.speakers.length) {
      this.subheading(t.speakers);
      for (const s of item.speakers)
        this.flow(
          [run(oneLine(s.name)), run(` — ${speakerSummary(s.turns, s.seconds, h.locale)}`, 'regular', COLOR.muted)],
          {
            x: MARGIN.left + 18,
            width: CONTENT_WIDTH - 18,
            size: BODY,
            marker: '•',
            spaceAfter: 1,
          },
        );
    }
    if (item.decisions.length) {
      this.subheading(t.decisions);
      item.decisions.forEach((d, i) => {
        const x = MARGIN.left + 18;
        this.flow([run(d.text.trim())], { x, width: CONTENT_WIDTH - 18, size: BODY, marker: `${i + 1}.` });
        const summary = decisionSummary(d, h.locale);
        if (summary) this.flow([run(summary, 'italic', COLOR.muted)], { x, width: CONTENT_WIDTH - 18, size: 9 });
        this.space(3);
      });
    }
  }

  private subheading(text: string) {
    this.flow([run(text, 'bold')], {
      x: MARGIN.left,
      width: CONTENT_WIDTH,
      size: 10.5,
      spaceBefore: 6,
      spaceAfter: 2,
      keepWithNext: KEEP_WITH_HEADING,
    });
  }

  /** Running head (pages after the first) and footer (every page), once the page count is known. */
  furniture(title: string) {
    const h = this.header;
    const t = exportLabels(h.locale);
    const range = this.doc.bufferedPageRange();
    const footerY = PAGE_HEIGHT - MARGIN.bottom + 22;
    for (let i = range.start; i < range.start + range.count; i++) {
      this.doc.switchToPage(i);
      const page = i - range.start + 1;
      if (page > 1) {
        const right = `${t.statuses[h.status]} · ${t.version} ${h.version}`;
        const rightWidth = this.textWidth(right, 8);
        this.single(`${h.councilName} · ${title}`, MARGIN.left, 30, CONTENT_WIDTH - rightWidth - 16, 8);
        this.single(right, PAGE_WIDTH - MARGIN.right - rightWidth, 30, rightWidth + 1, 8);
        this.y = 44;
        this.rule();
      }
      this.y = footerY - 6;
      this.rule();
      const label = t.page(page, range.count);
      const labelWidth = this.textWidth(label, 8);
      const left =
        h.status === 'approved' && h.contentHash
          ? `SHA-256: ${h.contentHash}`
          : `${t.statuses[h.status]} · ${t.version} ${h.version}`;
      this.single(left, MARGIN.left, footerY, CONTENT_WIDTH - labelWidth - 12, 7.5);
      this.single(label, PAGE_WIDTH - MARGIN.right - labelWidth, footerY, labelWidth + 1, 8);
    }
  }

  private textWidth(text: string, size: number) {
    return this.layout([run(text)], Number.MAX_SAFE_INTEGER, size)[0].width;
  }

  /** One line of muted text at a fixed place, cut with an ellipsis when it is too wide. */
  private single(text: string, x: number, y: number, width: number, size: number) {
    let lines = this.layout([run(text, 'regular', COLOR.muted)], width, size);
    if (lines.length > 1) {
      let cut = text;
      while (cut.length > 1 && lines.length > 1) {
        cut = cut.slice(0, Math.max(1, Math.floor(cut.length * 0.9)));
        lines = this.layout([run(`${cut.trimEnd()}…`, 'regular', COLOR.muted)], width, size);
      }
    }
    this.drawLine(lines[0], x, y, size);
  }

  render(content: MinutesContent, title: string): Promise<Buffer> {
    const t = exportLabels(this.header.locale);
    return new Promise<Buffer>((resolve, reject) => {
      const chunks: Buffer[] = [];
      this.doc.on('data', (chunk: Buffer) => chunks.push(chunk));
      this.doc.on('end', () => resolve(Buffer.concat(chunks)));
      this.doc.on('error', reject);
      const write = async () => {
        this.headerBlock(title);
        this.attendance(content);
        await this.breathe();
        for (const [i, item] of content.items.entries()) await this.item(item, i);
        if (!content.items.length)
          this.flow([run(t.noItems, 'italic', COLOR.muted)], {
            x: MARGIN.left,
            width: CONTENT_WIDTH,
            size: BODY,
            spaceBefore: 14,
          });
        this.furniture(title);
        this.doc.end();
      };
      write().catch(reject);
    });
  }
}

type Align = 'left' | 'right';
/** Longest stretch of layout work between two yields to the event loop. */
const SLICE_MS = 10;
const CELL_PAD = 4;

interface TableRow {
  lines: Line[][];
  widths: number[];
  align: Align[];
  head: boolean;
  size: number;
  height: number;
}

const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

/** Merges neighbouring segments that look the same, so a line is drawn (and extracted) as few strings. */
function mergeSegments(segments: Segment[]): Segment[] {
  const out: Segment[] = [];
  for (const s of segments) {
    const last = out[out.length - 1];
    if (last && sameLook(last, s))
      out[out.length - 1] = { ...last, text: last.text + s.text, width: last.width + s.width };
    else out.push({ ...s });
  }
  return out;
}

/**
 * The minutes as an A4 PDF: the header (council, groups, session, time in the organiser's zone, status,
 * version, content hash), the attendance table, then each item with its notes, speakers and decisions; a
 * running head on every page after the first and "Page X of Y" (with the hash of approved minutes) at the
 * foot of each. Items are printed as given: the caller passes the content of the face it exports.
 */
export function minutesToPdf(content: MinutesContent, header: MinutesExportHeader): Promise<Buffer> {
  const title = oneLine(content.title || header.sessionTitle);
  return new PdfWriter(header, title).render(content, title);
}
