import { Principal } from '@kengash/api-identity';
import {
  DecisionRegisterEntry,
  DecisionRegisterResponse,
  DecisionStatus,
  GlobalRole,
  GroupRole,
  LocalizedText,
  PollResult,
} from '@kengash/contracts';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

const LIMIT = 200;

interface Row {
  id: string;
  text: string;
  status: DecisionStatus;
  session_id: string;
  session_title: string;
  starts_at: Date;
  time_zone: string;
  item_key: string | null;
  item_title: string | null;
  result: PollResult | null;
  minutes_id: string | null;
  from_public: boolean;
  groups: { id: string; name: LocalizedText }[];
}

export interface DecisionQuery {
  q?: string;
  groupId?: string;
  status?: DecisionStatus;
}

/**
 * The council's decisions register, read from the minutes: for each session the decisions of its latest
 * full record (with that record's status), or — before minutes are started — those recorded by polls in
 * the live room. Members of a session's groups and the secretariat see the full record; everyone else sees
 * only what approved public summaries say.
 */
@Injectable()
export class DecisionsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async register(principal: Principal, query: DecisionQuery): Promise<DecisionRegisterResponse> {
    const groups = principal.memberships.filter((m) => m.role !== GroupRole.Observer).map((m) => m.groupId);
    const secretariat = principal.globalRole === GlobalRole.Secretariat;
    const q = query.q?.trim() ? `%${query.q.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
    const rows: Row[] = await this.db.query(
      `WITH readable AS (
         SELECT s.id FROM sessions s
          WHERE $1 OR EXISTS (SELECT 1 FROM session_groups sg WHERE sg.session_id = s.id AND sg.group_id = ANY($2::uuid[]))),
       latest AS (
         SELECT DISTINCT ON (d.session_id, d.face) d.id, d.session_id, d.face, d.status, d.current_version
           FROM minutes_documents d ORDER BY d.session_id, d.face, d.created_at DESC),
       from_minutes AS (
         SELECT l.id || ':' || (item->>'key') || ':' || n AS id, dec->>'text' AS text, l.status::text AS status,
                l.session_id, item->>'key' AS item_key, item->>'title' AS item_title,
                CASE WHEN jsonb_typeof(dec->'result') = 'object' THEN dec->'result' END AS result,
                l.id AS minutes_id, (l.face = 'public') AS from_public
           FROM latest l
           JOIN minutes_versions v ON v.document_id = l.id AND v.number = l.current_version
           CROSS JOIN LATERAL jsonb_array_elements(v.content->'items') item
           CROSS JOIN LATERAL jsonb_array_elements(item->'decisions') WITH ORDINALITY AS d(dec, n)
          WHERE (l.face = 'full' AND l.session_id IN (SELECT id FROM readable))
             OR (l.face = 'public' AND l.status = 'approved' AND l.session_id NOT IN (SELECT id FROM readable))),
       from_live AS (
         SELECT md.id::text AS id, md.text, 'recorded' AS status, m.session_id, md.agenda_item_id::text AS item_key,
                ai.title AS item_title, md.result, NULL::uuid AS minutes_id, false AS from_public
           FROM meeting_decisions md
           JOIN meetings m ON m.id = md.meeting_id
           LEFT JOIN agenda_items ai ON ai.id = md.agenda_item_id
          WHERE m.session_id IN (SELECT id FROM readable)
            AND NOT EXISTS (SELECT 1 FROM minutes_documents d WHERE d.session_id = m.session_id AND d.face = 'full'))
       SELECT x.*, s.title AS session_title, s.starts_at, s.time_zone,
              coalesce((SELECT jsonb_agg(jsonb_build_object('id', g.id, 'name', g.name) ORDER BY g.slug)
                          FROM session_groups sg JOIN working_groups g ON g.id = sg.group_id
                         WHERE sg.session_id = s.id), '[]'::jsonb) AS groups
         FROM (SELECT * FROM from_minutes UNION ALL SELECT * FROM from_live) x
         JOIN sessions s ON s.id = x.session_id
        WHERE ($3::text IS NULL OR x.text ILIKE $3 OR x.item_title ILIKE $3 OR s.title ILIKE $3)
          AND ($4::uuid IS NULL OR EXISTS (SELECT 1 FROM session_groups sg WHERE sg.session_id = s.id AND sg.group_id = $4))
          AND ($5::text IS NULL OR x.status = $5)
        ORDER BY s.starts_at DESC, x.id
        LIMIT $6`,
      [secretariat, groups, q, query.groupId ?? null, query.status ?? null, LIMIT + 1],
    );
    const decisions: DecisionRegisterEntry[] = rows.slice(0, LIMIT).map((r) => ({
      id: r.id,
      text: r.text,
      status: r.status,
      session: {
        id: r.session_id,
        title: r.session_title,
        startsAt: new Date(r.starts_at).toISOString(),
        timeZone: r.time_zone,
      },
      groups: r.groups,
      agendaItem: r.item_key ? { key: r.item_key, title: r.item_title ?? '' } : null,
      result: r.result,
      minutesId: r.minutes_id,
      fromPublicSummary: r.from_public,
    }));
    return { decisions, truncated: rows.length > LIMIT };
  }
}
