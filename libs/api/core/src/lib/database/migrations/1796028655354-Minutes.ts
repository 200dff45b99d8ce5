import { MigrationInterface, QueryRunner } from 'typeorm';

export class Minutes1796028655354 implements MigrationInterface {
  name = 'Minutes1796028655354';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "minutes_documents" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "session_id" uuid NOT NULL,
                "meeting_id" uuid,
                "face" text NOT NULL,
                "status" text NOT NULL DEFAULT 'draft',
                "current_version" integer NOT NULL DEFAULT '1',
                "content_hash" text,
                "circulated_at" TIMESTAMP WITH TIME ZONE,
                "approved_at" TIMESTAMP WITH TIME ZONE,
                "approved_by" uuid,
                "corrects_id" uuid,
                "created_by" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_bf6aa805d90f1f63a74e589eab7" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_3ce2bc440e9aa6c7fc66549fd1" ON "minutes_documents" ("session_id", "face")
        `);
    await queryRunner.query(`
            CREATE TABLE "minutes_versions" (
                "document_id" uuid NOT NULL,
                "number" integer NOT NULL,
                "content" jsonb NOT NULL,
                "author_id" uuid,
                "note" text,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_4369eaf72747a3666eaf1c21326" PRIMARY KEY ("document_id", "number")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "minutes_amendments" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "document_id" uuid NOT NULL,
                "item_key" text NOT NULL,
                "proposed_notes" text NOT NULL,
                "reason" text NOT NULL,
                "proposer_id" uuid NOT NULL,
                "status" text NOT NULL DEFAULT 'proposed',
                "decided_by" uuid,
                "decision_note" text,
                "decided_at" TIMESTAMP WITH TIME ZONE,
                "resulting_version" integer,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_831c59cb61ad2e5562ab48765b7" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_920ca0f9d4c5ddf6ae096ad166" ON "minutes_amendments" ("document_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "minutes_comments" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "document_id" uuid NOT NULL,
                "item_key" text,
                "author_id" uuid NOT NULL,
                "body" text NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_d9590dcf365c8be7b751c0e7a6e" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_ede0ff4efed657ada3c5084c53" ON "minutes_comments" ("document_id")
        `);
    await queryRunner.query(`
            ALTER TABLE "minutes_documents"
            ADD CONSTRAINT "FK_0b105a2cb2ef9b5b5e5545ba837" FOREIGN KEY ("session_id") REFERENCES "sessions"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "minutes_versions"
            ADD CONSTRAINT "FK_4c17ec6441080da57706fb972c2" FOREIGN KEY ("document_id") REFERENCES "minutes_documents"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "minutes_versions"
            ADD CONSTRAINT "FK_371ff7d324d900ad391373f04db" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "minutes_amendments"
            ADD CONSTRAINT "FK_920ca0f9d4c5ddf6ae096ad1663" FOREIGN KEY ("document_id") REFERENCES "minutes_documents"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "minutes_amendments"
            ADD CONSTRAINT "FK_0f723a87734480969d8216039a7" FOREIGN KEY ("proposer_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "minutes_comments"
            ADD CONSTRAINT "FK_ede0ff4efed657ada3c5084c53a" FOREIGN KEY ("document_id") REFERENCES "minutes_documents"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "minutes_comments"
            ADD CONSTRAINT "FK_8b7ec2f43aea1610486b3b8f02c" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "minutes_comments" DROP CONSTRAINT "FK_8b7ec2f43aea1610486b3b8f02c"
        `);
    await queryRunner.query(`
            ALTER TABLE "minutes_comments" DROP CONSTRAINT "FK_ede0ff4efed657ada3c5084c53a"
        `);
    await queryRunner.query(`
            ALTER TABLE "minutes_amendments" DROP CONSTRAINT "FK_0f723a87734480969d8216039a7"
        `);
    await queryRunner.query(`
            ALTER TABLE "minutes_amendments" DROP CONSTRAINT "FK_920ca0f9d4c5ddf6ae096ad1663"
        `);
    await queryRunner.query(`
            ALTER TABLE "minutes_versions" DROP CONSTRAINT "FK_371ff7d324d900ad391373f04db"
        `);
    await queryRunner.query(`
            ALTER TABLE "minutes_versions" DROP CONSTRAINT "FK_4c17ec6441080da57706fb972c2"
        `);
    await queryRunner.query(`
            ALTER TABLE "minutes_documents" DROP CONSTRAINT "FK_0b105a2cb2ef9b5b5e5545ba837"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_ede0ff4efed657ada3c5084c53"
        `);
    await queryRunner.query(`
            DROP TABLE "minutes_comments"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_920ca0f9d4c5ddf6ae096ad166"
        `);
    await queryRunner.query(`
            DROP TABLE "minutes_amendments"
        `);
    await queryRunner.query(`
            DROP TABLE "minutes_versions"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_3ce2bc440e9aa6c7fc66549fd1"
        `);
    await queryRunner.query(`
            DROP TABLE "minutes_documents"
        `);
  }
}
