import { CountryCode, GroupRole, MinutesContent } from '@kengash/contracts';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { spawn } from 'node:child_process';
import {
  MINUTES_PDF_FONT_FILES,
  MINUTES_PDF_FONT_SUBSETS,
  MinutesExportHeader,
  minutesToMarkdown,
  minutesToPdf,
} from './minutes-export';

const HASH = createHash('sha256').update('approved minutes').digest('hex');

function header(overrides: Partial<MinutesExportHeader> = {}): MinutesExportHeader {
  return {
    councilName: 'Central Asia Regional Expert Council',
    groupNames: ['Water Working Group', 'Energy Working Group'],
    sessionTitle: 'Third session',
    startsAt: '2024-07-26T10:00:00.000Z',
    endsAt: '2024-07-26T12:30:00.000Z',
    timeZone: 'Asia/Tashkent',
    status: 'approved',
    face: 'full',
    contentHash: HASH,
    version: 3,
    locale: 'en',
    generatedAt: '2024-08-01T09:15:00.000Z',
    ...overrides,
  };
}

const person = (name: string | null, role: string, country: CountryCode | null, organisation: string | null) => ({
  userId: `u-${name ?? role}`,
  name,
  role: role as GroupRole,
  country,
  organisation,
});

function russianMinutes(): MinutesContent {
  return {
    title: 'Протокол заседания рабочей группы',
    attendance: [
      {
        person: person('Nodira Tursunova', 'chair', CountryCode.Uzbekistan, 'Ministry of Water Resources'),
        secondsPresent: 5400,
        firstJoinedAt: null,
        lastLeftAt: null,
      },
      {
        person: person('Айгерим Сапарова', 'member', CountryCode.Kazakhstan, 'Казахский национальный университет'),
        secondsPresent: 125,
        firstJoinedAt: null,
        lastLeftAt: null,
      },
      { person: person(null, 'observer', null, null), secondsPresent: null, firstJoinedAt: null, lastLeftAt: null },
    ],
    items: [
      {
        key: 'a1',
        title: 'Утверждение повестки дня',
        notes:
          '<p>Председатель открыл заседание и <strong>предложил утвердить повестку</strong>.</p>' +
          '<ul><li>Обсуждение плана работы на 2025 год</li><li>Разное</li></ul>' +
          '<p>Подробнее: <a href="https://example.org/plan" rel="noopener noreferrer">план работы</a></p>',
        speakers: [{ name: 'Nodira Tursunova', seconds: 95, turns: 2 }],
        decisions: [
          {
            text: 'Утвердить повестку дня.',
            result: { tally: { yes: 7, no: 1, abstain: 2 }, votesCast: 10, quorumReached: true, outcome: 'adopted' },
            secret: false,
          },
        ],
        restricted: false,
      },
      {
        key: 'a2',
        title: 'Кадровые вопросы',
        notes: '<p>Қазақстан делегациясы әзірлеген ұсыныс (Ўзбекистон, Ғ, Ҳ).</p>',
        speakers: [],
        decisions: [{ text: 'Отложить рассмотрение.', result: null, secret: true }],
        restricted: true,
      },
    ],
  };
}

function englishMinutes(): MinutesContent {
  return {
    title: 'Minutes of the Water Working Group',
    attendance: [
      {
        person: person('Nodira Tursunova', 'chair', CountryCode.Uzbekistan, 'Ministry of Water Resources'),
        secondsPresent: 9000,
        firstJoinedAt: null,
        lastLeftAt: null,
      },
      {
        person: person('Timur Akhmetov', 'rapporteur', CountryCode.Kazakhstan, null),
        secondsPresent: 3599,
        firstJoinedAt: null,
        lastLeftAt: null,
      },
    ],
    items: [
      {
        key: 'b1',
        title: 'Work plan for 2025',
        notes:
          '<h3>Discussion</h3><p>The chair <em>presented</em> the draft and the <a href="https://example.org/plan">work plan</a>.</p>' +
          '<ol><li>Monitoring of the <u>Amu Darya</u> basin</li><li>Data exchange<ul><li>quarterly reports</li></ul></li></ol>' +
          '<blockquote><p>Water is life.</p></blockquote><p>Salinity of the Aral Sea: 110‰ (2024).</p>',
        speakers: [{ name: 'Timur Akhmetov', seconds: 260, turns: 1 }],
        decisions: [
          {
            text: 'Adopt the work plan.',
            result: { tally: { yes: 7, no: 1, abstain: 2 }, votesCast: 10, quorumReached: true, outcome: 'adopted' },
            secret: false,
          },
          {
            text: 'Choose the venue.',
            result: { tally: { Almaty: 3, Bishkek: 5 }, votesCast: 8, quorumReached: true, outcome: 'Bishkek' },
            secret: true,
          },
        ],
        restricted: false,
      },
    ],
  };
}

/**
 * The PDF's text, pages and metadata, read with pdf-parse v2 (`new PDFParse({ data }).getText()`). pdf.js
 * starts its worker with a dynamic `import()`, which Jest's module sandbox refuses (it would need
 * --experimental-vm-modules), so pdf-parse runs in a plain Node child process.
 */
const PDF_PARSE_SCRIPT = `
const { PDFParse } = require(process.argv[1]);
const chunks = [];
process.stdin.on('data', (chunk) => chunks.push(chunk));
process.stdin.on('end', async () => {
  const parser = new PDFParse({ data: new Uint8Array(Buffer.concat(chunks)) });
  try {
    const text = await parser.getText();
    const info = await parser.getInfo();
    process.stdout.write(JSON.stringify({ text: text.text, pages: text.total, info: info.info }));
  } finally {
    await parser.destroy();
  }
});
`;

function readPdf(pdf: Buffer): Promise<{ text: string; pages: number; info: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', PDF_PARSE_SCRIPT, require.resolve('pdf-parse')]);
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (data: string) => (out += data));
    child.stderr.setEncoding('utf8').on('data', (data: string) => (err += data));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`pdf-parse exited with ${code}: ${err}`));
      const parsed = JSON.parse(out) as { text: string; pages: number; info: Record<string, unknown> };
      // Layout is not under test: line breaks and runs of spaces read as one space.
      resolve({ ...parsed, text: parsed.text.replace(/\s+/g, ' ') });
    });
    child.stdin.end(pdf);
  });
}

describe('minutes PDF', () => {
  it('resolves the embedded font files', () => {
    for (const path of Object.values(MINUTES_PDF_FONT_FILES)) expect(existsSync(path)).toBe(true);
    for (const files of Object.values(MINUTES_PDF_FONT_SUBSETS))
      for (const { path } of files) expect(existsSync(path)).toBe(true);
    expect(MINUTES_PDF_FONT_FILES.regular).toMatch(/noto-sans-latin-400-normal\.woff$/);
  });

  it('prints Russian minutes: Cyrillic and Latin text, the full content hash, Russian labels', async () => {
    const pdf = await minutesToPdf(russianMinutes(), header({ locale: 'ru' }));
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const { text, pages, info } = await readPdf(pdf);

    expect(text).toContain('Протокол заседания рабочей группы');
    expect(text).toContain('Председатель открыл заседание и предложил утвердить повестку.');
    expect(text).toContain('Обсуждение плана работы на 2025 год');
    expect(text).toContain('Nodira Tursunova');
    expect(text).toContain('Айгерим Сапарова');
    expect(text).toContain('Қазақстан делегациясы әзірлеген ұсыныс (Ўзбекистон, Ғ, Ҳ).');
    expect(text).toContain(HASH);
    expect(text).toContain('Присутствовали (3)');
    expect(text).toContain('Решения');
    expect(text).toContain('Хеш содержания (SHA-256)');
    expect(text).toContain('26 июля 2024 г., 15:00–17:30 (Asia/Tashkent, UTC+5)');
    expect(text).toContain('Утверждён · версия 3 · полный протокол');
    expect(text).toContain('За 7 · Против 1 · Воздержался 2 — подано голосов: 10 — Итог: Принято');
    expect(text).toContain('2 выступления, 1 мин 35 с');
    expect(text).toContain('1:30');
    expect(text).toContain('Наблюдатель');
    expect(text).toContain('план работы (https://example.org/plan)');
    expect(text).toContain('Тайное голосование');
    // Restricted items are printed (the caller chooses the face), marked as such.
    expect(text).toContain('Кадровые вопросы (закрытый пункт)');
    expect(text).toContain(`Страница 1 из ${pages}`);
    expect(info['Title']).toBe('Протокол заседания рабочей группы');
    expect(info['Creator']).toBe('Kengash');
  });

  it('prints English minutes with the session time in the organiser’s zone and the votes', async () => {
    const { text, info } = await readPdf(
      await minutesToPdf(englishMinutes(), header({ status: 'circulated', contentHash: null, version: 2 })),
    );
    expect(text).toContain('Minutes of the Water Working Group');
    expect(text).toContain('Central Asia Regional Expert Council');
    expect(text).toContain('Water Working Group, Energy Working Group');
    expect(text).toContain('26 July 2024, 15:00–17:30 (Asia/Tashkent, UTC+5)');
    expect(text).toContain('Circulated · version 2 · full record');
    expect(text).toContain('Attendance (2)');
    expect(text).toContain('Nodira Tursunova (Chair)');
    expect(text).toContain('2:30');
    expect(text).toContain('0:59');
    expect(text).toContain('1. Work plan for 2025');
    expect(text).toContain('Discussion');
    expect(text).toContain('The chair presented the draft and the work plan (https://example.org/plan).');
    expect(text).toContain('Monitoring of the Amu Darya basin');
    expect(text).toContain('quarterly reports');
    expect(text).toContain('Water is life.');
    expect(text).toContain('Salinity of the Aral Sea: 110‰ (2024).');
    expect(text).toContain('Timur Akhmetov — 1 turn, 4 min 20 s');
    expect(text).toContain('Yes 7 · No 1 · Abstain 2 — votes cast: 10 — Result: Adopted');
    expect(text).toContain('Secret ballot. Almaty: 3 · Bishkek: 5 — votes cast: 8 — Result: «Bishkek»');
    expect(text).toContain('Page 1 of 1');
    expect(text).not.toContain('Content hash');
    expect(text).not.toContain('SHA-256');
    expect(info['Title']).toBe('Minutes of the Water Working Group');
    expect(info['Creator']).toBe('Kengash');
  });

  it('paginates long minutes without losing a line, with page numbers and the hash on every page', async () => {
    const paragraphs = (item: number) =>
      Array.from(
        { length: 8 },
        (_, p) =>
          `<p>Marker ${item}-${p}: the working group reviewed the monitoring data of the transboundary basins, ` +
          `discussed the reports of the national focal points and agreed on the next steps for the data exchange.</p>`,
      ).join('');
    const content: MinutesContent = {
      title: 'Long minutes',
      attendance: Array.from({ length: 60 }, (_, i) => ({
        person: person(`Person ${i + 1}`, 'member', CountryCode.Kyrgyzstan, `Organisation ${i + 1}`),
        secondsPresent: 3600 + i * 60,
        firstJoinedAt: null,
        lastLeftAt: null,
      })),
      items: Array.from({ length: 12 }, (_, i) => ({
        key: `k${i}`,
        title: `Item ${i + 1}`,
        notes: paragraphs(i + 1) + '<ul>' + '<li>point</li>'.repeat(10) + '</ul>',
        speakers: [{ name: `Speaker ${i + 1}`, seconds: 61, turns: 1 }],
        decisions: [{ text: `Decision ${i + 1}`, result: null, secret: false }],
        restricted: false,
      })),
    };
    const { text, pages } = await readPdf(await minutesToPdf(content, header()));
    expect(pages).toBeGreaterThan(3);
    for (let page = 1; page <= pages; page++) expect(text).toContain(`Page ${page} of ${pages}`);
    expect(text.split(`SHA-256: ${HASH}`).length - 1).toBe(pages);
    for (let i = 1; i <= 60; i++) expect(text).toContain(`Person ${i} (Member)`);
    for (let item = 1; item <= 12; item++) {
      expect(text).toContain(`${item}. Item ${item}`);
      expect(text).toContain(`Decision ${item}`);
      for (let p = 0; p < 8; p++) expect(text).toContain(`Marker ${item}-${p}:`);
    }
  });

  it('yields to the event loop while it lays out long minutes, and still prints everything', async () => {
    const content: MinutesContent = {
      title: 'Long minutes',
      attendance: [],
      items: [
        {
          key: 'long',
          title: 'A long discussion',
          notes: Array.from({ length: 4000 }, (_, i) => `<p>Paragraph ${i}: the working group discussed it.</p>`).join(
            '',
          ),
          speakers: [],
          decisions: [],
          restricted: false,
        },
      ],
    };
    // Other work of the process (a chain of immediates) keeps running while the PDF is written: a writer that
    // laid the whole document out in one go would let it run only once or twice.
    let ticks = 0;
    let done = false;
    const tick = () => {
      ticks++;
      if (!done) setImmediate(tick);
    };
    setImmediate(tick);
    const pdf = await minutesToPdf(content, header());
    done = true;
    expect(ticks).toBeGreaterThan(10);
    const { text } = await readPdf(pdf);
    expect(text).toContain('Paragraph 0:');
    expect(text).toContain('Paragraph 3999:');
  });

  it('breaks a word wider than the page and survives an empty document', async () => {
    const url = `https://example.org/${'x'.repeat(300)}`;
    const content: MinutesContent = {
      title: '',
      attendance: [
        {
          // Longer than a page in its cell: cut short rather than drawn over the footer.
          person: person('Long Organisation', 'member', null, 'Department of water '.repeat(300)),
          secondsPresent: 60,
          firstJoinedAt: null,
          lastLeftAt: null,
        },
      ],
      items: [
        {
          key: 'x',
          title: 'Links',
          notes: `<p><a href="${url}">${url}</a></p><p></p>`,
          speakers: [],
          decisions: [],
          restricted: false,
        },
      ],
    };
    const { text, pages } = await readPdf(await minutesToPdf(content, header({ sessionTitle: 'Fallback title' })));
    expect(text.replace(/ /g, '')).toContain(url);
    expect(text).toContain('Fallback title');
    expect(text).toContain('Long Organisation (Member)');
    expect(text).toContain('Department of water Department of water');
    expect(text).toContain('…');
    expect(pages).toBeLessThanOrEqual(3);

    const empty = await readPdf(await minutesToPdf({ title: 'Empty', attendance: [], items: [] }, header()));
    expect(empty.text).toContain('No attendance was recorded.');
    expect(empty.text).toContain('The minutes have no items.');
  });
});

describe('minutes Markdown', () => {
  it('has the header, an attendance table, notes as Markdown, speakers and decisions (Russian)', () => {
    const md = minutesToMarkdown(russianMinutes(), header({ locale: 'ru' }));
    expect(md.startsWith('# Протокол заседания рабочей группы\n')).toBe(true);
    expect(md).toContain('- **Совет:** Central Asia Regional Expert Council');
    expect(md).toContain('- **Время:** 26 июля 2024 г., 15:00–17:30 (Asia/Tashkent, UTC+5)');
    expect(md).toContain('- **Статус:** Утверждён · версия 3 · полный протокол');
    expect(md).toContain(`- **Хеш содержания (SHA-256):** \`${HASH}\``);
    expect(md).toContain(
      [
        '## Присутствовали (3)',
        '',
        '| Участник | Страна | Организация | Время присутствия |',
        '| --- | --- | --- | ---: |',
        '| Nodira Tursunova (Председатель) | Узбекистан | Ministry of Water Resources | 1:30 |',
        '| Айгерим Сапарова (Член группы) | Казахстан | Казахский национальный университет | 0:02 |',
        '| Наблюдатель | — | — | — |',
      ].join('\n'),
    );
    expect(md).toContain(
      [
        '## 1. Утверждение повестки дня',
        '',
        'Председатель открыл заседание и **предложил утвердить повестку**.',
        '',
        '- Обсуждение плана работы на 2025 год',
        '- Разное',
        '',
        'Подробнее: [план работы](https://example.org/plan)',
        '',
        '### Выступления',
        '',
        '- Nodira Tursunova — 2 выступления, 1 мин 35 с',
        '',
        '### Решения',
        '',
        '1. Утвердить повестку дня.  ',
        '   *За 7 · Против 1 · Воздержался 2 — подано голосов: 10 — Итог: Принято*',
      ].join('\n'),
    );
    // Not filtered here: the caller passes the face's content.
    expect(md).toContain('## 2. Кадровые вопросы *(закрытый пункт)*');
    expect(md).toContain('1. Отложить рассмотрение.  \n   *Тайное голосование*');
    expect(md.endsWith('\n')).toBe(true);
  });

  it('converts the notes subset: headings, nested and ordered lists, emphasis, quotes, breaks (English)', () => {
    const md = minutesToMarkdown(englishMinutes(), header({ status: 'draft', contentHash: null }));
    expect(md).not.toContain('SHA-256');
    expect(md).toContain('- **Status:** Draft · version 3 · full record');
    expect(md).toContain(
      [
        '### Discussion',
        '',
        'The chair *presented* the draft and the [work plan](https://example.org/plan).',
        '',
        '1. Monitoring of the <u>Amu Darya</u> basin',
        '2. Data exchange',
        '   - quarterly reports',
        '',
        '> Water is life.',
      ].join('\n'),
    );
    expect(md).toContain('1. Adopt the work plan.  \n   *Yes 7 · No 1 · Abstain 2 — votes cast: 10 — Result: Adopted*');
    expect(md).toContain('*Secret ballot. Almaty: 3 · Bishkek: 5 — votes cast: 8 — Result: «Bishkek»*');
    expect(md).toContain('| Timur Akhmetov (Rapporteur) | Kazakhstan | — | 0:59 |');
  });

  it('escapes Markdown in the text so it prints literally', () => {
    const content: MinutesContent = {
      title: 'Minutes *draft* #1',
      attendance: [
        {
          person: person('A | B', 'member', null, 'Org_[x]'),
          secondsPresent: 60,
          firstJoinedAt: null,
          lastLeftAt: null,
        },
      ],
      items: [
        {
          key: 'e',
          title: '# not a heading',
          notes:
            '<p>*not bold* _x_ [a](b) 2 &lt; 3 | pipe `code` ~tilde~ \\ back &amp;amp;</p>' +
            '<p># not a heading</p><p>1. not a list</p><p>- not a bullet</p>' +
            '<p><strong>a <em>b</em></strong> and <strong>c</strong>d, line<br>break</p>' +
            '<p><a href="javascript:alert(1)">bad link</a> <a href="https://e.org/a b(c)">odd</a></p>',
          speakers: [],
          decisions: [],
          restricted: false,
        },
      ],
    };
    const md = minutesToMarkdown(content, header());
    expect(md).toContain('# Minutes \\*draft\\* \\#1');
    expect(md).toContain('| A \\| B (Member) | — | Org\\_\\[x\\] | 0:01 |');
    expect(md).toContain('## 1. \\# not a heading');
    expect(md).toContain('\\*not bold\\* \\_x\\_ \\[a\\](b) 2 \\< 3 \\| pipe \\`code\\` \\~tilde\\~ \\\\ back \\&amp;');
    expect(md).toContain('\n\\# not a heading\n');
    expect(md).toContain('\n1\\. not a list\n');
    expect(md).toContain('\n\\- not a bullet\n');
    expect(md).toContain('**a *b*** and **c**d, line  \nbreak');
    expect(md).toContain('bad link [odd](https://e.org/a%20b%28c%29)');
    expect(md).not.toContain('javascript:');
  });

  it('marks empty notes and an empty attendance', () => {
    const md = minutesToMarkdown(
      {
        title: 'T',
        attendance: [],
        items: [{ key: 'k', title: 'Only', notes: '<p> </p>', speakers: [], decisions: [], restricted: false }],
      },
      header(),
    );
    expect(md).toContain('## Attendance (0)\n\n*No attendance was recorded.*');
    expect(md).toContain('## 1. Only\n\n*No notes were taken.*');
  });
});
