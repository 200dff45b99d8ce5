import { MigrationInterface, QueryRunner } from 'typeorm';

export class Scheduling1796017200177 implements MigrationInterface {
  name = 'Scheduling1796017200177';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "session_occurrence_overrides" (
                "session_id" uuid NOT NULL,
                "recurrence_id" TIMESTAMP WITH TIME ZONE NOT NULL,
                "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "cancelled" boolean NOT NULL DEFAULT false,
                CONSTRAINT "PK_3cd9322700ec1a92f73b611f0ce" PRIMARY KEY ("session_id", "recurrence_id")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "invitations" (
                "session_id" uuid NOT NULL,
                "user_id" uuid NOT NULL,
                "rsvp" text NOT NULL DEFAULT 'pending',
                "responded_at" TIMESTAMP WITH TIME ZONE,
                "rsvp_token_hash" text NOT NULL,
                CONSTRAINT "PK_7a7abc9c2d8c899bec165fe5084" PRIMARY KEY ("session_id", "user_id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_92242edaa1a4239d73eee435b6" ON "invitations" ("rsvp_token_hash")
        `);
    await queryRunner.query(`
            CREATE TABLE "calendar_feeds" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "user_id" uuid NOT NULL,
                "token_hash" text NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "revoked_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "PK_045067d8bb57f971f3c5426ea71" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_3212ce9ff23847e66347a6730d" ON "calendar_feeds" ("user_id")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_df53b5f17d35a6bac0fb13e16a" ON "calendar_feeds" ("token_hash")
        `);
    await queryRunner.query(`
            ALTER TABLE "users"
            ADD "working_hours_start" text NOT NULL DEFAULT '09:00'
        `);
    await queryRunner.query(`
            ALTER TABLE "users"
            ADD "working_hours_end" text NOT NULL DEFAULT '18:00'
        `);
    await queryRunner.query(`
            ALTER TABLE "agenda_items"
            ADD "documents" jsonb NOT NULL DEFAULT '[]'
        `);
    await queryRunner.query(`
            ALTER TABLE "sessions"
            ADD "description" text
        `);
    await queryRunner.query(`
            ALTER TABLE "sessions"
            ADD "organiser_id" uuid
        `);
    await queryRunner.query(`
            ALTER TABLE "sessions"
            ADD "online_room" text
        `);
    await queryRunner.query(`
            ALTER TABLE "sessions"
            ADD "capacity" integer
        `);
    await queryRunner.query(`
            ALTER TABLE "sessions"
            ADD "sequence" integer NOT NULL DEFAULT '0'
        `);
    await queryRunner.query(`
            ALTER TABLE "sessions"
            ADD "exdates" TIMESTAMP WITH TIME ZONE array NOT NULL DEFAULT '{}'
        `);
    await queryRunner.query(`
            ALTER TABLE "session_occurrence_overrides"
            ADD CONSTRAINT "FK_9a1b8c5f249f979f5ce475127c4" FOREIGN KEY ("session_id") REFERENCES "sessions"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "invitations"
            ADD CONSTRAINT "FK_a12ada9044e85b26f23c2ad5744" FOREIGN KEY ("session_id") REFERENCES "sessions"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "invitations"
            ADD CONSTRAINT "FK_fecdffec754fa4d5cea98709776" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "calendar_feeds"
            ADD CONSTRAINT "FK_3212ce9ff23847e66347a6730d3" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "calendar_feeds" DROP CONSTRAINT "FK_3212ce9ff23847e66347a6730d3"
        `);
    await queryRunner.query(`
            ALTER TABLE "invitations" DROP CONSTRAINT "FK_fecdffec754fa4d5cea98709776"
        `);
    await queryRunner.query(`
            ALTER TABLE "invitations" DROP CONSTRAINT "FK_a12ada9044e85b26f23c2ad5744"
        `);
    await queryRunner.query(`
            ALTER TABLE "session_occurrence_overrides" DROP CONSTRAINT "FK_9a1b8c5f249f979f5ce475127c4"
        `);
    await queryRunner.query(`
            ALTER TABLE "sessions" DROP COLUMN "exdates"
        `);
    await queryRunner.query(`
            ALTER TABLE "sessions" DROP COLUMN "sequence"
        `);
    await queryRunner.query(`
            ALTER TABLE "sessions" DROP COLUMN "capacity"
        `);
    await queryRunner.query(`
            ALTER TABLE "sessions" DROP COLUMN "online_room"
        `);
    await queryRunner.query(`
            ALTER TABLE "sessions" DROP COLUMN "organiser_id"
        `);
    await queryRunner.query(`
            ALTER TABLE "sessions" DROP COLUMN "description"
        `);
    await queryRunner.query(`
            ALTER TABLE "agenda_items" DROP COLUMN "documents"
        `);
    await queryRunner.query(`
            ALTER TABLE "users" DROP COLUMN "working_hours_end"
        `);
    await queryRunner.query(`
            ALTER TABLE "users" DROP COLUMN "working_hours_start"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_df53b5f17d35a6bac0fb13e16a"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_3212ce9ff23847e66347a6730d"
        `);
    await queryRunner.query(`
            DROP TABLE "calendar_feeds"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_92242edaa1a4239d73eee435b6"
        `);
    await queryRunner.query(`
            DROP TABLE "invitations"
        `);
    await queryRunner.query(`
            DROP TABLE "session_occurrence_overrides"
        `);
  }
}
