import type { MinutesContent } from '@kengash/contracts';
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
import { Inline, InlineStyle, NotesBlock, parseNotes } from './notes-html';

/** One section of the minutes (an agenda item or an added section). */
type MinutesItem = MinutesContent['items'][number];

/** Characters with a meaning anywhere in a line of Markdown (GFM), escaped with a backslash. */
const SPECIAL = /[\\`*_[\]<>|~#]/g;

/** Text as literal Markdown: inline specials escaped, and entity-like `&…;` kept as written. */
export function escapeMarkdown(text: string): string {
  return text.replace(SPECIAL, '\\$&').replace(/&(?=#?[a-z0-9]+;)/gi, '\\&');
}

/** Escapes what would start a block at the beginning of a line (heading, quote, list, setext underline). */
function escapeLineStart(line: string): string {
  return line.replace(/^(\s*)([#>+=-])/, '$1\\$2').replace(/^(\s*\d+)([.)])/, '$1\\$2');
}

const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

function markdownHref(href: string): string {
  return href.replace(/[ ()<>]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

type Mark = 'strike' | 'bold' | 'italic' | 'underline';
/** Outermost first: a change of an inner mark does not close the outer ones. */
const MARKS: Mark[] = ['strike', 'bold', 'italic', 'underline'];
const OPEN: Record<Mark, string> = { strike: '~~', bold: '**', italic: '*', underline: '<u>' };
const CLOSE: Record<Mark, string> = { strike: '~~', bold: '**', italic: '*', underline: '</u>' };

/** Styled runs of one line, delimiters hugging the text (whitespace moved outside them). */
function styledRuns(runs: { text: string; style: InlineStyle }[]): string {
  let out = '';
  let open: Mark[] = [];
  let pendingSpace = '';
  for (const run of runs) {
    const match = /^(\s*)([\s\S]*?)(\s*)$/.exec(run.text);
    const [lead, core, trail] = match ? [match[1], match[2], match[3]] : ['', run.text, ''];
    if (!core) {
      pendingSpace = pendingSpace || (lead + trail ? ' ' : '');
      continue;
    }
    const want = MARKS.filter((m) => run.style[m]);
    let keep = 0;
    while (keep < open.length && keep < want.length && open[keep] === want[keep]) keep++;
    for (let i = open.length - 1; i >= keep; i--) out += CLOSE[open[i]];
    out += pendingSpace || (lead ? ' ' : '');
    for (let i = keep; i < want.length; i++) out += OPEN[want[i]];
    open = want;
    out += escapeMarkdown(core);
    pendingSpace = trail ? ' ' : '';
  }
  for (let i = open.length - 1; i >= 0; i--) out += CLOSE[open[i]];
  return out + pendingSpace;
}

/** Inline content as Markdown; a `<br>` becomes a hard line break. */
export function inlinesToMarkdown(inlines: Inline[]): string {
  const lines: (Inline & { kind: 'text' })[][] = [[]];
  for (const inline of inlines) {
    if (inline.kind === 'break') lines.push([]);
    else lines[lines.length - 1].push(inline);
  }
  return lines
    .map((line) => {
      let out = '';
      let i = 0;
      while (i < line.length) {
        const href = line[i].style.href;
        const group: (Inline & { kind: 'text' })[] = [];
        while (i < line.length && line[i].style.href === href) group.push(line[i++]);
        const text = styledRuns(group);
        if (!href) out += text;
        else {
          const lead = /^\s/.test(group[0].text) ? ' ' : '';
          const trail = /\s$/.test(group[group.length - 1].text) ? ' ' : '';
          out += `${lead}[${text.trim() || escapeMarkdown(href)}](${markdownHref(href)})${trail}`;
        }
      }
      return escapeLineStart(out.trim());
    })
    .join('  \n');
}

/** Indents every line after the first (list item continuation). */
const hang = (text: string, indent: string) => text.replace(/\n(?=.)/g, `\n${indent}`);

/** Blocks separated by blank lines; a list right after text in a list item stays tight (no blank line). */
export function blocksToMarkdown(blocks: NotesBlock[], inListItem = false): string {
  return blocks
    .map((block, i) => (i === 0 ? '' : inListItem && block.kind === 'list' ? '\n' : '\n\n') + blockToMarkdown(block))
    .join('');
}

function blockToMarkdown(block: NotesBlock): string {
  switch (block.kind) {
    case 'paragraph':
      return inlinesToMarkdown(block.inlines);
    case 'heading':
      // Item titles are level 2; the notes' h3/h4 keep their levels below them.
      return `${'#'.repeat(block.level)} ${inlinesToMarkdown(block.inlines).replace(/ {2}\n/g, ' ')}`;
    case 'quote':
      return blocksToMarkdown(block.blocks)
        .split('\n')
        .map((line) => (line ? `> ${line}` : '>'))
        .join('\n');
    case 'list':
      return block.items
        .map((item, index) => {
          const marker = block.ordered ? `${index + 1}. ` : '- ';
          const body = blocksToMarkdown(item, true) || ' ';
          return `${marker}${hang(body, ' '.repeat(marker.length))}`;
        })
        .join('\n');
  }
}

/** The notes' HTML as Markdown. */
export const notesToMarkdown = (html: string) => blocksToMarkdown(parseNotes(html));

const tableCell = (text: string) => escapeMarkdown(oneLine(text)) || ' ';

function itemToMarkdown(item: MinutesItem, index: number, header: MinutesExportHeader): string {
  const t = exportLabels(header.locale);
  const parts: string[] = [];
  const restricted = item.restricted ? ` *(${t.restricted})*` : '';
  parts.push(`## ${index + 1}. ${escapeMarkdown(oneLine(item.title))}${restricted}`);
  parts.push(notesToMarkdown(item.notes) || `*${t.noNotes}*`);
  if (item.speakers.length) {
    parts.push(`### ${t.speakers}`);
    parts.push(
      item.speakers
        .map((s) => `- ${escapeMarkdown(oneLine(s.name))} — ${speakerSummary(s.turns, s.seconds, header.locale)}`)
        .join('\n'),
    );
  }
  if (item.decisions.length) {
    parts.push(`### ${t.decisions}`);
    parts.push(
      item.decisions
        .map((d, i) => {
          const marker = `${i + 1}. `;
          const pad = ' '.repeat(marker.length);
          const text = d.text
            .split(/\r?\n/)
            .map((line) => escapeLineStart(escapeMarkdown(line.trim())))
            .filter(Boolean)
            .join(`  \n${pad}`);
          const summary = decisionSummary(d, header.locale);
          return `${marker}${text || ' '}${summary ? `  \n${pad}*${escapeMarkdown(summary)}*` : ''}`;
        })
        .join('\n'),
    );
  }
  return parts.join('\n\n');
}

/**
 * The minutes as Markdown (GFM): the header fields, the attendance table, then each item with its notes,
 * speakers and decisions. Items are printed as given: the caller passes the content of the face it exports.
 */
export function minutesToMarkdown(content: MinutesContent, header: MinutesExportHeader): string {
  const t = exportLabels(header.locale);
  const out: string[] = [];
  out.push(`# ${escapeMarkdown(oneLine(content.title || header.sessionTitle))}`);

  const fields: [string, string][] = [
    [t.council, escapeMarkdown(oneLine(header.councilName))],
    ...(header.groupNames.length
      ? ([[t.groups, escapeMarkdown(header.groupNames.map(oneLine).join(', '))]] as [string, string][])
      : []),
    [t.session, escapeMarkdown(oneLine(header.sessionTitle))],
    [t.time, escapeMarkdown(formatSessionTime(header))],
    [t.status, escapeMarkdown(formatStatusLine(header))],
    ...(header.contentHash ? ([[t.hash, `\`${header.contentHash}\``]] as [string, string][]) : []),
    [t.generated, escapeMarkdown(formatGeneratedAt(header))],
  ];
  out.push(fields.map(([label, value]) => `- **${label}:** ${value}`).join('\n'));

  out.push(`## ${t.attendance} (${content.attendance.length})`);
  if (content.attendance.length) {
    const rows = content.attendance.map(
      (a) =>
        `| ${tableCell(personLabel(a.person, header.locale))} | ${tableCell(countryLabel(a.person.country, header.locale))} | ${tableCell(a.person.organisation ?? '—')} | ${formatHoursMinutes(a.secondsPresent)} |`,
    );
    out.push(
      [`| ${t.person} | ${t.country} | ${t.organisation} | ${t.present} |`, '| --- | --- | --- | ---: |', ...rows].join(
        '\n',
      ),
    );
  } else out.push(`*${t.noAttendance}*`);

  if (content.items.length) content.items.forEach((item, i) => out.push(itemToMarkdown(item, i, header)));
  else out.push(`*${t.noItems}*`);

  return `${out.join('\n\n')}\n`;
}
