import { PracticeEntity, PracticeReviewerEntity, upsertTranslation } from '@kengash/api-practices';
import type {
  CountryCode,
  EvidenceLevel,
  PracticeSource,
  PracticeStatus,
  PracticeTheme,
  PracticeTranslationInput,
  PracticeVisibility,
  TargetGroup,
} from '@kengash/contracts';
import { EntityManager } from 'typeorm';

interface DemoPractice {
  key: string;
  author: string;
  group: string | null;
  status: PracticeStatus;
  visibility: PracticeVisibility | null;
  country: CountryCode | null;
  themes: PracticeTheme[];
  targetGroups: TargetGroup[];
  evidence: EvidenceLevel;
  approach: string;
  sources: PracticeSource[];
  /** The original first. */
  translations: PracticeTranslationInput[];
  reviewers?: string[];
}

/**
 * Library entries built from public, aggregate reporting on the region's repatriation and reintegration
 * programmes (figures with their sources; no case data). Marked as demo records.
 */
export const DEMO_PRACTICES: DemoPractice[] = [
  {
    key: 'jusan',
    author: 'psychologist',
    group: 'psychosocial-support',
    status: 'published',
    visibility: 'public',
    country: 'KZ' as CountryCode,
    themes: ['psychosocial_support', 'religious_counselling', 'family_community', 'legal_documents'],
    targetGroups: ['women', 'children', 'families'],
    evidence: 'documented',
    approach:
      'A month in an adaptation centre with medical, psychological and social help, then community support by regional centres with psychologists, theologians, teachers and lawyers.',
    sources: [
      {
        url: 'https://www.amerinews.tv/posts/2019/08/06/operation-zhusan-repatriation-of-isis-fighters-children',
        title: 'Operation “Zhusan”: repatriation of ISIS fighters’ children (2019)',
      },
      {
        url: 'https://bulaninstitute.org/lessons-learned-from-kazakhstans-repatriation-and-rehabilitation-of-foreign-fighters/',
        title: 'Bulan Institute: lessons learned from Kazakhstan’s repatriation and rehabilitation',
      },
    ],
    translations: [
      {
        locale: 'en',
        title: 'Jusan: an adaptation centre, then regional reintegration centres (Kazakhstan)',
        summary:
          'In 2019 Kazakhstan returned 595 citizens from Syria in the Jusan operations, 406 of them children. Women and children spent a month in an adaptation centre before regional centres took over their reintegration.',
        body:
          '<h3>What was done</h3><p>Returnees who were not charged spent about a month in a rehabilitation centre on the Caspian coast, where state bodies, NGOs, clergy and volunteers gave <strong>medical, psychological and social help</strong>.</p>' +
          '<h3>After the centre</h3><p>Most went back to where they used to live; orphans were placed with close relatives. Their <strong>reintegration continued in specially created regional centres</strong> with lawyers, theologians, teachers and psychologists for children and women.</p>' +
          '<ul><li>Operations in January, May and June 2019; later flights continued under the same name.</li><li>595 people returned in 2019: 33 men, 156 women and 406 children, 31 of them orphans.</li></ul>',
      },
      {
        locale: 'ru',
        title: 'Жусан: адаптационный центр, затем региональные центры реинтеграции (Казахстан)',
        summary:
          'В 2019 году в ходе операций «Жусан» Казахстан вернул из Сирии 595 граждан, из них 406 детей. Женщины и дети месяц провели в адаптационном центре, после чего их реинтеграцию продолжили региональные центры.',
        body:
          '<h3>Что было сделано</h3><p>Вернувшиеся, которым не были предъявлены обвинения, около месяца провели в реабилитационном центре на побережье Каспия, где государственные органы, НКО, духовенство и волонтёры оказывали им <strong>медицинскую, психологическую и социальную помощь</strong>.</p>' +
          '<h3>После центра</h3><p>Большинство вернулось по прежнему месту жительства; сироты переданы близким родственникам. <strong>Реинтеграция продолжилась в специально созданных региональных центрах</strong> с юристами, теологами, педагогами и психологами.</p>' +
          '<ul><li>Операции в январе, мае и июне 2019 года; последующие рейсы проводились под тем же названием.</li><li>В 2019 году вернулись 595 человек: 33 мужчины, 156 женщин и 406 детей, из них 31 сирота.</li></ul>',
        status: 'reviewed',
      },
    ],
  },
  {
    key: 'mehr',
    author: 'dialogue-uz',
    group: 'civil-society',
    status: 'published',
    visibility: 'network',
    country: 'UZ' as CountryCode,
    themes: ['family_community', 'legal_documents', 'health'],
    targetGroups: ['women', 'children', 'communities'],
    evidence: 'documented',
    approach:
      'Rehabilitation with medical and psychological care, restored documents and material help, then return to the neighbourhood (mahalla) with its institutions accompanying the family.',
    sources: [
      {
        url: 'https://cabar.asia/en/the-arduous-return-to-the-peaceful-life-of-uzbek-citizens-repatriated-from-syria-and-iraq',
        title: 'CABAR.asia: the arduous return to peaceful life of Uzbek citizens repatriated from Syria and Iraq',
      },
      {
        url: 'https://uzbekistan.de/frontend/web/news/61?language=x',
        title: 'Embassy of Uzbekistan in Germany: women and children brought back from Syria (Mehr-5)',
      },
    ],
    translations: [
      {
        locale: 'ru',
        title: 'Операции «Мехр»: документы, здоровье и махалля (Узбекистан)',
        summary:
          'С 2019 по 2021 год пять операций «Мехр» вернули в Узбекистан женщин и детей с Ближнего Востока и из Афганистана: 438 человек в ходе первых четырёх. Возвращение в махаллю сопровождают её институты.',
        body:
          '<p>После прибытия вернувшимся оказывают <strong>медицинскую, психологическую и социальную помощь</strong>, восстанавливают документы и дают материальную поддержку.</p>' +
          '<p>Затем семья возвращается в свою <strong>махаллю</strong>: соседские институты сопровождают её, помогают с работой, учёбой детей и отношениями с соседями.</p>',
      },
      {
        locale: 'en',
        title: 'The Mehr operations: documents, health and the mahalla (Uzbekistan)',
        summary:
          'From 2019 to 2021 five Mehr operations brought women and children back to Uzbekistan from the Middle East and Afghanistan: 438 people in the first four. The neighbourhood (mahalla) institutions accompany their return.',
        body:
          '<p>On arrival, returnees receive <strong>medical, psychological and social help</strong>, their documents are restored and material support is given.</p>' +
          '<p>The family then goes back to its <strong>mahalla</strong>, whose institutions accompany it and help with work, the children’s schooling and relations with the neighbours.</p>',
        status: 'machine_assisted',
      },
    ],
  },
  {
    key: 'meerim-aikol',
    author: 'social-worker',
    group: 'psychosocial-support',
    status: 'published',
    visibility: 'public',
    country: 'KG' as CountryCode,
    themes: ['psychosocial_support', 'family_community'],
    targetGroups: ['children', 'women', 'families'],
    evidence: 'documented',
    approach:
      'Children returned with their mothers’ consent and placed with relatives after rehabilitation, with UNICEF and the Red Crescent; later missions brought women and children from camps in Syria.',
    sources: [
      {
        url: 'https://24.kg/english/186617_At_least_79_children_returned_to_Kyrgyzstan_from_Iraq/',
        title: '24.kg: at least 79 children returned to Kyrgyzstan from Iraq (Meerim, 2021)',
      },
      {
        url: 'https://en.inform.kz/news/kyrgyzstan-repatriates-its-95-nationals-from-syria_a4106573/',
        title: 'Kazinform: Kyrgyzstan repatriates 95 nationals from Syria (Aikol, 2023)',
      },
    ],
    translations: [
      {
        locale: 'en',
        title: 'Meerim and Aikol missions: children first, then mothers (Kyrgyzstan)',
        summary:
          'The Meerim mission returned 79 children from Iraq in March 2021 with their mothers’ consent; the Aikol missions (2023) brought women and children back from camps in north-east Syria, 95 people in August 2023.',
        body:
          '<p>Children were returned with the <strong>consent of their mothers</strong> and the wish of relatives in Kyrgyzstan to take them in. After rehabilitation they were placed with their families.</p>' +
          '<p>UNICEF and the Red Crescent Society of Kyrgyzstan supported the mission; the Aikol missions continued with the ICRC and UNICEF.</p>',
      },
      {
        locale: 'ru',
        title: 'Миссии «Мээрим» и «Айкөл»: сначала дети, затем матери (Кыргызстан)',
        summary:
          'Миссия «Мээрим» в марте 2021 года вернула из Ирака 79 детей с согласия их матерей; миссии «Айкөл» (2023) вернули женщин и детей из лагерей на северо-востоке Сирии — 95 человек в августе 2023 года.',
        body:
          '<p>Детей вернули <strong>с согласия матерей</strong> и по желанию родственников в Кыргызстане принять их. После реабилитации дети переданы семьям.</p>' +
          '<p>Миссию поддержали ЮНИСЕФ и Общество Красного Полумесяца Кыргызстана; миссии «Айкөл» продолжились при содействии МККК и ЮНИСЕФ.</p>',
        status: 'reviewed',
      },
    ],
  },
  {
    key: 'tajikistan-children',
    author: 'ngo-tj',
    group: 'psychosocial-support',
    status: 'published',
    visibility: 'council',
    country: 'TJ' as CountryCode,
    themes: ['education', 'vocational_training', 'legal_documents', 'health'],
    targetGroups: ['children', 'families'],
    evidence: 'practice_report',
    approach:
      'Medical and psychological examination, documents, schooling or boarding school, and long-term work by psychologists and teachers; the 2023–2027 government programme adds vocational training.',
    sources: [
      {
        url: 'https://asiaplustj.info/en/news/tajikistan/society/20190501/84-tajik-children-brought-home-from-iraq-yesterday-night',
        title: 'Asia-Plus: 84 Tajik children brought home from Iraq (2019)',
      },
      {
        url: 'https://cabar.asia/en/what-do-children-returned-from-iraq-need/',
        title: 'CABAR.asia: what do children returned from Iraq need?',
      },
    ],
    translations: [
      {
        locale: 'en',
        title: 'Children returned from Iraq: health, documents and school (Tajikistan)',
        summary:
          'In April 2019, 84 children were returned from Iraq to Dushanbe. Medical and psychological examinations came first, then documents and school, with psychologists and teachers working with them over the long term.',
        body:
          '<p>The children were examined and treated in a health resort, and their <strong>documents were restored</strong>. Relatives who wished to raise them did so; otherwise the state took on their upbringing, including boarding schools.</p>' +
          '<p>The government programme for 2023–2027 adds <strong>vocational training</strong> and document restoration for returnees.</p>',
      },
      {
        locale: 'ru',
        title: 'Дети, возвращённые из Ирака: здоровье, документы и школа (Таджикистан)',
        summary:
          'В апреле 2019 года из Ирака в Душанбе вернули 84 ребёнка. Сначала — медицинское и психологическое обследование, затем документы и школа; психологи и педагоги работают с ними долгосрочно.',
        body:
          '<p>Детей обследовали и лечили в санатории, им <strong>восстановили документы</strong>. Родственники, пожелавшие их воспитывать, забрали детей; остальных взяло на воспитание государство, в том числе в школах-интернатах.</p>' +
          '<p>Государственная программа на 2023–2027 годы добавляет <strong>профессиональное обучение</strong> и восстановление документов для вернувшихся.</p>',
        status: 'draft',
      },
      {
        locale: 'tg',
        title: 'Кӯдакони аз Ироқ баргардонидашуда: саломатӣ, ҳуҷҷатҳо ва мактаб (Тоҷикистон)',
        summary: 'Муоинаи тиббӣ ва равонӣ, барқарорсозии ҳуҷҷатҳо ва мактаб барои кӯдакон.',
        body: '<p>Барномаи давлатӣ барои солҳои 2023–2027 омӯзиши касбиро илова мекунад.</p>',
        status: 'draft',
      },
    ],
  },
  {
    key: 'school-return',
    author: 'teacher',
    group: 'countering-narratives',
    status: 'in_review',
    visibility: null,
    country: null,
    themes: ['education', 'psychosocial_support'],
    targetGroups: ['children'],
    evidence: 'practice_report',
    approach:
      'Preparing classes and teachers before returned children join a school, with a counsellor in the first term.',
    sources: [],
    reviewers: ['chair-psychosocial'],
    translations: [
      {
        locale: 'ru',
        title: 'Подготовка класса к приходу вернувшихся детей',
        summary: 'Как учителя и школьный психолог готовят класс и семью к первому учебному дню.',
        body: '<p>Учителя заранее знакомятся с ребёнком и семьёй, школьный психолог сопровождает первую четверть, класс готовят без ярлыков и огласки.</p>',
      },
    ],
  },
];

/** Loads the demo library entries (in the demo seed's transaction). */
export async function seedDemoPractices(
  tx: EntityManager,
  people: Map<string, { id: string }>,
  groups: Map<string, { id: string }>,
): Promise<void> {
  const loaded = new Date();
  for (const p of DEMO_PRACTICES) {
    const entry = await tx.getRepository(PracticeEntity).save({
      status: p.status,
      visibility: p.visibility,
      originalLocale: p.translations[0].locale,
      country: p.country,
      themes: p.themes,
      targetGroups: p.targetGroups,
      approach: p.approach,
      evidence: p.evidence,
      sources: p.sources,
      groupId: p.group ? (groups.get(p.group)?.id ?? null) : null,
      authorId: people.get(p.author)?.id ?? null,
      submittedAt: p.status === 'draft' ? null : loaded,
      publishedAt: p.status === 'published' ? loaded : null,
      demo: true,
    });
    for (const [i, t] of p.translations.entries()) await upsertTranslation(tx, entry.id, t, i === 0);
    for (const reviewer of p.reviewers ?? []) {
      const userId = people.get(reviewer)?.id;
      if (userId)
        await tx
          .getRepository(PracticeReviewerEntity)
          .insert({ practiceId: entry.id, userId, assignedBy: people.get('secretariat')?.id ?? null });
    }
  }
}
