import { MigrationInterface, QueryRunner } from 'typeorm';

export class NetworkLife1796043493997 implements MigrationInterface {
  name = 'NetworkLife1796043493997';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "network_announcements" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "title" jsonb NOT NULL,
                "body" jsonb NOT NULL,
                "author_id" uuid,
                "recipient_ids" uuid array NOT NULL DEFAULT '{}',
                "recipients" integer NOT NULL DEFAULT '0',
                "delivered_at" TIMESTAMP WITH TIME ZONE,
                "demo" boolean NOT NULL DEFAULT false,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_95d4fca2dfe1d2797cc4c4568a9" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_a49fd691c9068c68d8644e8ca4" ON "network_announcements" ("created_at")
        `);
    await queryRunner.query(`
            ALTER TABLE "sessions"
            ADD "audience" text NOT NULL DEFAULT 'groups'
        `);
    await queryRunner.query(`
            ALTER TABLE "network_applications"
            ADD "revet_reminded_for" date
        `);
    await queryRunner.query(`
            ALTER TABLE "network_announcements"
            ADD CONSTRAINT "FK_a63eea789f14e99e1ec529048c5" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "network_announcements" DROP CONSTRAINT "FK_a63eea789f14e99e1ec529048c5"
        `);
    await queryRunner.query(`
            ALTER TABLE "network_applications" DROP COLUMN "revet_reminded_for"
        `);
    await queryRunner.query(`
            ALTER TABLE "sessions" DROP COLUMN "audience"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_a49fd691c9068c68d8644e8ca4"
        `);
    await queryRunner.query(`
            DROP TABLE "network_announcements"
        `);
  }
}
