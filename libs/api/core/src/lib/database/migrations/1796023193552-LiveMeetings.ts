import { MigrationInterface, QueryRunner } from 'typeorm';

export class LiveMeetings1796023193552 implements MigrationInterface {
  name = 'LiveMeetings1796023193552';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "meetings" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "session_id" uuid NOT NULL,
                "occurrence_start" TIMESTAMP WITH TIME ZONE NOT NULL,
                "status" text NOT NULL DEFAULT 'waiting',
                "seq" bigint NOT NULL DEFAULT '0',
                "started_at" TIMESTAMP WITH TIME ZONE,
                "ended_at" TIMESTAMP WITH TIME ZONE,
                "current_item_id" uuid,
                "timer_running_since" TIMESTAMP WITH TIME ZONE,
                "timer_accumulated_ms" bigint NOT NULL DEFAULT '0',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_aa73be861afa77eb4ed31f3ed57" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_f495900d4694c5bf3687b30c54" ON "meetings" ("session_id", "occurrence_start")
        `);
    await queryRunner.query(`
            CREATE TABLE "meeting_events" (
                "meeting_id" uuid NOT NULL,
                "seq" bigint NOT NULL,
                "type" text NOT NULL,
                "data" jsonb NOT NULL,
                "actor_id" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_fa8d79695a62ea5d27d2e172272" PRIMARY KEY ("meeting_id", "seq")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "live_instances" (
                "id" uuid NOT NULL,
                "started_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "seen_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                CONSTRAINT "PK_3edcc9058d94aa4ec7442bb16a5" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "meeting_attendance" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "meeting_id" uuid NOT NULL,
                "user_id" uuid NOT NULL,
                "socket_id" text NOT NULL,
                "instance_id" uuid NOT NULL,
                "joined_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "left_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "PK_1ece13054cdfcd65f8487e71267" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_aa19ba7abda625d842942b622c" ON "meeting_attendance" ("socket_id")
            WHERE left_at IS NULL
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_6dc88bb4780f1cb7cb007462a7" ON "meeting_attendance" ("instance_id")
            WHERE left_at IS NULL
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_c5c4ef2540bd766389d942db74" ON "meeting_attendance" ("meeting_id", "user_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "meeting_queue" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "meeting_id" uuid NOT NULL,
                "user_id" uuid NOT NULL,
                "raised_seq" bigint NOT NULL,
                "raised_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "status" text NOT NULL,
                "agenda_item_id" uuid,
                "granted_at" TIMESTAMP WITH TIME ZONE,
                "ended_at" TIMESTAMP WITH TIME ZONE,
                "lowered_by" uuid,
                CONSTRAINT "PK_6cf6aee77de906b772756167679" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_aaae8fada2b2babcdfafabdd76" ON "meeting_queue" ("meeting_id", "user_id")
            WHERE status IN ('waiting', 'speaking')
        `);
    await queryRunner.query(`
            CREATE TABLE "meeting_chat" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "meeting_id" uuid NOT NULL,
                "user_id" uuid NOT NULL,
                "client_id" text NOT NULL,
                "seq" bigint NOT NULL,
                "body" text NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_8aec4302989889a16e0e973407e" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_b0ad195e680efde67b9941b4e3" ON "meeting_chat" ("meeting_id", "seq")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_adf91b660d172c52a526f3676e" ON "meeting_chat" ("meeting_id", "user_id", "client_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "meeting_polls" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "meeting_id" uuid NOT NULL,
                "agenda_item_id" uuid,
                "question" text NOT NULL,
                "kind" text NOT NULL,
                "options" jsonb NOT NULL,
                "secret" boolean NOT NULL,
                "quorum" jsonb NOT NULL,
                "status" text NOT NULL DEFAULT 'open',
                "opened_by" uuid,
                "opened_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "closed_at" TIMESTAMP WITH TIME ZONE,
                "result" jsonb,
                CONSTRAINT "PK_cef4aac0ccedcf84cc516598b40" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_4215a6126046b9d7d759418cfa" ON "meeting_polls" ("meeting_id")
            WHERE status = 'open'
        `);
    await queryRunner.query(`
            CREATE TABLE "meeting_votes" (
                "poll_id" uuid NOT NULL,
                "user_id" uuid NOT NULL,
                "choice" text,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_cd452fe525012138c067af87b59" PRIMARY KEY ("poll_id", "user_id")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "meeting_secret_ballots" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "poll_id" uuid NOT NULL,
                "choice" text NOT NULL,
                CONSTRAINT "PK_f9a9c373f451557939cc352a52d" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_8a1ea1ca918edd21628778d0a7" ON "meeting_secret_ballots" ("poll_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "meeting_decisions" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "meeting_id" uuid NOT NULL,
                "poll_id" uuid NOT NULL,
                "agenda_item_id" uuid,
                "text" text NOT NULL,
                "result" jsonb NOT NULL,
                "status" text NOT NULL DEFAULT 'draft',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_c0b1f30eb05f77cd5b817f7c7d5" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_fef9ecaae955c88fb316a11a5f" ON "meeting_decisions" ("meeting_id")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_69a296509c39344aca42fe1213" ON "meeting_decisions" ("poll_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "meeting_note_updates" (
                "id" BIGSERIAL NOT NULL,
                "meeting_id" uuid NOT NULL,
                "agenda_item_id" uuid NOT NULL,
                "update" bytea NOT NULL,
                "user_id" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_9ddf1d5928898590b0e4e338abf" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_0b215f45bf30d352f5b40c3731" ON "meeting_note_updates" ("meeting_id", "agenda_item_id", "id")
        `);
    await queryRunner.query(`
            CREATE TABLE "minutes" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "meeting_id" uuid NOT NULL,
                "session_id" uuid NOT NULL,
                "status" text NOT NULL DEFAULT 'draft',
                "content" jsonb NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_6430e69788e26236b493d6fcc7e" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_b5f85480864d8582430e488a93" ON "minutes" ("meeting_id")
        `);
    await queryRunner.query(`
            ALTER TABLE "users"
            ADD "name_visible_to_observers" boolean NOT NULL DEFAULT true
        `);
    await queryRunner.query(`
            ALTER TABLE "meetings"
            ADD CONSTRAINT "FK_980e7a59a936a0d64cbc5f1e1ea" FOREIGN KEY ("session_id") REFERENCES "sessions"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "meetings"
            ADD CONSTRAINT "FK_d3f8f538f1aeadaea9634d1aa98" FOREIGN KEY ("current_item_id") REFERENCES "agenda_items"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "meeting_events"
            ADD CONSTRAINT "FK_504fc26761f3670f5dbf983250a" FOREIGN KEY ("meeting_id") REFERENCES "meetings"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "meeting_attendance"
            ADD CONSTRAINT "FK_2bf53a2dc49796d33484ed1fe5c" FOREIGN KEY ("meeting_id") REFERENCES "meetings"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "meeting_attendance"
            ADD CONSTRAINT "FK_58f3823e0aed0b1076074be7267" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "meeting_queue"
            ADD CONSTRAINT "FK_6ffa776e6d05f759675988adc50" FOREIGN KEY ("meeting_id") REFERENCES "meetings"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "meeting_queue"
            ADD CONSTRAINT "FK_45b3db149ecedd414d24bcfca18" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "meeting_chat"
            ADD CONSTRAINT "FK_045508406b49d1812dfb599cb45" FOREIGN KEY ("meeting_id") REFERENCES "meetings"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "meeting_chat"
            ADD CONSTRAINT "FK_abd3c0ac7d2054b3b5ed41b4b9f" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "meeting_polls"
            ADD CONSTRAINT "FK_e6b570f4575629b5828902bd4be" FOREIGN KEY ("meeting_id") REFERENCES "meetings"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "meeting_votes"
            ADD CONSTRAINT "FK_2b9cf10f3230241a1ceddbbec37" FOREIGN KEY ("poll_id") REFERENCES "meeting_polls"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "meeting_votes"
            ADD CONSTRAINT "FK_0cdcf1cb2d30713e3b38d151b0b" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "meeting_secret_ballots"
            ADD CONSTRAINT "FK_8a1ea1ca918edd21628778d0a74" FOREIGN KEY ("poll_id") REFERENCES "meeting_polls"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "meeting_decisions"
            ADD CONSTRAINT "FK_fef9ecaae955c88fb316a11a5fa" FOREIGN KEY ("meeting_id") REFERENCES "meetings"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "meeting_decisions"
            ADD CONSTRAINT "FK_69a296509c39344aca42fe1213b" FOREIGN KEY ("poll_id") REFERENCES "meeting_polls"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "meeting_note_updates"
            ADD CONSTRAINT "FK_bec31f48c2e906f2b7c9e3f693b" FOREIGN KEY ("meeting_id") REFERENCES "meetings"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "minutes"
            ADD CONSTRAINT "FK_b5f85480864d8582430e488a93d" FOREIGN KEY ("meeting_id") REFERENCES "meetings"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "minutes" DROP CONSTRAINT "FK_b5f85480864d8582430e488a93d"
        `);
    await queryRunner.query(`
            ALTER TABLE "meeting_note_updates" DROP CONSTRAINT "FK_bec31f48c2e906f2b7c9e3f693b"
        `);
    await queryRunner.query(`
            ALTER TABLE "meeting_decisions" DROP CONSTRAINT "FK_69a296509c39344aca42fe1213b"
        `);
    await queryRunner.query(`
            ALTER TABLE "meeting_decisions" DROP CONSTRAINT "FK_fef9ecaae955c88fb316a11a5fa"
        `);
    await queryRunner.query(`
            ALTER TABLE "meeting_secret_ballots" DROP CONSTRAINT "FK_8a1ea1ca918edd21628778d0a74"
        `);
    await queryRunner.query(`
            ALTER TABLE "meeting_votes" DROP CONSTRAINT "FK_0cdcf1cb2d30713e3b38d151b0b"
        `);
    await queryRunner.query(`
            ALTER TABLE "meeting_votes" DROP CONSTRAINT "FK_2b9cf10f3230241a1ceddbbec37"
        `);
    await queryRunner.query(`
            ALTER TABLE "meeting_polls" DROP CONSTRAINT "FK_e6b570f4575629b5828902bd4be"
        `);
    await queryRunner.query(`
            ALTER TABLE "meeting_chat" DROP CONSTRAINT "FK_abd3c0ac7d2054b3b5ed41b4b9f"
        `);
    await queryRunner.query(`
            ALTER TABLE "meeting_chat" DROP CONSTRAINT "FK_045508406b49d1812dfb599cb45"
        `);
    await queryRunner.query(`
            ALTER TABLE "meeting_queue" DROP CONSTRAINT "FK_45b3db149ecedd414d24bcfca18"
        `);
    await queryRunner.query(`
            ALTER TABLE "meeting_queue" DROP CONSTRAINT "FK_6ffa776e6d05f759675988adc50"
        `);
    await queryRunner.query(`
            ALTER TABLE "meeting_attendance" DROP CONSTRAINT "FK_58f3823e0aed0b1076074be7267"
        `);
    await queryRunner.query(`
            ALTER TABLE "meeting_attendance" DROP CONSTRAINT "FK_2bf53a2dc49796d33484ed1fe5c"
        `);
    await queryRunner.query(`
            ALTER TABLE "meeting_events" DROP CONSTRAINT "FK_504fc26761f3670f5dbf983250a"
        `);
    await queryRunner.query(`
            ALTER TABLE "meetings" DROP CONSTRAINT "FK_d3f8f538f1aeadaea9634d1aa98"
        `);
    await queryRunner.query(`
            ALTER TABLE "meetings" DROP CONSTRAINT "FK_980e7a59a936a0d64cbc5f1e1ea"
        `);
    await queryRunner.query(`
            ALTER TABLE "users" DROP COLUMN "name_visible_to_observers"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_b5f85480864d8582430e488a93"
        `);
    await queryRunner.query(`
            DROP TABLE "minutes"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_0b215f45bf30d352f5b40c3731"
        `);
    await queryRunner.query(`
            DROP TABLE "meeting_note_updates"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_69a296509c39344aca42fe1213"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_fef9ecaae955c88fb316a11a5f"
        `);
    await queryRunner.query(`
            DROP TABLE "meeting_decisions"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_8a1ea1ca918edd21628778d0a7"
        `);
    await queryRunner.query(`
            DROP TABLE "meeting_secret_ballots"
        `);
    await queryRunner.query(`
            DROP TABLE "meeting_votes"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_4215a6126046b9d7d759418cfa"
        `);
    await queryRunner.query(`
            DROP TABLE "meeting_polls"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_adf91b660d172c52a526f3676e"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_b0ad195e680efde67b9941b4e3"
        `);
    await queryRunner.query(`
            DROP TABLE "meeting_chat"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_aaae8fada2b2babcdfafabdd76"
        `);
    await queryRunner.query(`
            DROP TABLE "meeting_queue"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_c5c4ef2540bd766389d942db74"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_6dc88bb4780f1cb7cb007462a7"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_aa19ba7abda625d842942b622c"
        `);
    await queryRunner.query(`
            DROP TABLE "meeting_attendance"
        `);
    await queryRunner.query(`
            DROP TABLE "live_instances"
        `);
    await queryRunner.query(`
            DROP TABLE "meeting_events"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_f495900d4694c5bf3687b30c54"
        `);
    await queryRunner.query(`
            DROP TABLE "meetings"
        `);
  }
}
