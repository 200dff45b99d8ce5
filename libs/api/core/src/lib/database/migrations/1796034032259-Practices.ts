import { MigrationInterface, QueryRunner } from 'typeorm';

export class Practices1796034032259 implements MigrationInterface {
  name = 'Practices1796034032259';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "practices" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "status" text NOT NULL DEFAULT 'draft',
                "visibility" text,
                "original_locale" text NOT NULL,
                "country" text,
                "themes" text array NOT NULL DEFAULT '{}',
                "target_groups" text array NOT NULL DEFAULT '{}',
                "approach" text NOT NULL DEFAULT '',
                "evidence" text NOT NULL,
                "sources" jsonb NOT NULL DEFAULT '[]',
                "group_id" uuid,
                "author_id" uuid,
                "submitted_at" TIMESTAMP WITH TIME ZONE,
                "published_at" TIMESTAMP WITH TIME ZONE,
                "archived_at" TIMESTAMP WITH TIME ZONE,
                "views" integer NOT NULL DEFAULT '0',
                "version" integer NOT NULL DEFAULT '1',
                "demo" boolean NOT NULL DEFAULT false,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_0934829c5859a843625e6ff1c34" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_157c042c8b781ba7dc3875fd5b" ON "practices" ("status", "visibility")
        `);
    await queryRunner.query(`
            CREATE TABLE "practice_translations" (
                "practice_id" uuid NOT NULL,
                "locale" text NOT NULL,
                "title" text NOT NULL,
                "summary" text NOT NULL DEFAULT '',
                "body" text NOT NULL DEFAULT '',
                "body_text" text NOT NULL DEFAULT '',
                "status" text NOT NULL,
                "search_config" text NOT NULL,
                "search_vector" tsvector,
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_b20e45fef9650f1a5f90403b326" PRIMARY KEY ("practice_id", "locale")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "practice_related" (
                "practice_id" uuid NOT NULL,
                "related_id" uuid NOT NULL,
                CONSTRAINT "PK_bfd6661d36e1d0d5fdeea58af4c" PRIMARY KEY ("practice_id", "related_id")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "practice_reviewers" (
                "practice_id" uuid NOT NULL,
                "user_id" uuid NOT NULL,
                "assigned_by" uuid,
                "assigned_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_bcec60ae244f67afeace282bf92" PRIMARY KEY ("practice_id", "user_id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_b21bbf8128ea747bdd2d32939a" ON "practice_reviewers" ("user_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "practice_comments" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "practice_id" uuid NOT NULL,
                "author_id" uuid,
                "kind" text NOT NULL,
                "body" text NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_d361578ffd78f7f505e9d8f23fd" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_1846f0637826debb891a2ad623" ON "practice_comments" ("practice_id", "created_at")
        `);
    await queryRunner.query(`
            CREATE TABLE "practice_endorsements" (
                "practice_id" uuid NOT NULL,
                "user_id" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_be8733de2d377fae065eb8a45de" PRIMARY KEY ("practice_id", "user_id")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "practice_attachments" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "practice_id" uuid NOT NULL,
                "file_name" text NOT NULL,
                "content_type" text NOT NULL,
                "size" bigint NOT NULL,
                "sha256" text NOT NULL,
                "storage_key" text NOT NULL,
                "uploaded_by" uuid,
                "uploaded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_2278ca1a348bb7fa08faba10d7f" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_d0d125ab42462dbed95fca40be" ON "practice_attachments" ("practice_id", "uploaded_at")
        `);
    await queryRunner.query(`
            ALTER TABLE "practices"
            ADD CONSTRAINT "FK_c2252369507655a1b295c0bc576" FOREIGN KEY ("group_id") REFERENCES "working_groups"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "practices"
            ADD CONSTRAINT "FK_11383687601c025fbebc4a3d76d" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "practice_translations"
            ADD CONSTRAINT "FK_41cc21868e2c9283df29eaf98c1" FOREIGN KEY ("practice_id") REFERENCES "practices"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "practice_related"
            ADD CONSTRAINT "FK_639080fa60af470933eb6eba5f8" FOREIGN KEY ("practice_id") REFERENCES "practices"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "practice_related"
            ADD CONSTRAINT "FK_890589a078b7e40cda4af8cd89f" FOREIGN KEY ("related_id") REFERENCES "practices"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "practice_reviewers"
            ADD CONSTRAINT "FK_0bec3b46c33c92a77ce038d3304" FOREIGN KEY ("practice_id") REFERENCES "practices"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "practice_reviewers"
            ADD CONSTRAINT "FK_b21bbf8128ea747bdd2d32939ae" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "practice_comments"
            ADD CONSTRAINT "FK_4caab2b12b3f3c1f3eecec74148" FOREIGN KEY ("practice_id") REFERENCES "practices"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "practice_comments"
            ADD CONSTRAINT "FK_f2c958a50600f67c24f436cc363" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "practice_endorsements"
            ADD CONSTRAINT "FK_5e0e680df9f4aad4a6c261e51d8" FOREIGN KEY ("practice_id") REFERENCES "practices"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "practice_endorsements"
            ADD CONSTRAINT "FK_e73e0cb105144bea135ca75f59d" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "practice_attachments"
            ADD CONSTRAINT "FK_4d265f9147fb107ce14f7e89dfa" FOREIGN KEY ("practice_id") REFERENCES "practices"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "practice_attachments"
            ADD CONSTRAINT "FK_490e524fb37100aee4ff0d028f7" FOREIGN KEY ("uploaded_by") REFERENCES "users"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
    // Full-text search over every translation, and the themes filter (`themes @> ARRAY[...]`): GIN indexes,
    // which TypeORM cannot declare (the entities mark them synchronize: false).
    await queryRunner.query(`
            CREATE INDEX "IDX_practice_translations_search" ON "practice_translations" USING GIN ("search_vector")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_practices_themes" ON "practices" USING GIN ("themes")
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_practices_themes"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_practice_translations_search"`);
    await queryRunner.query(`
            ALTER TABLE "practice_attachments" DROP CONSTRAINT "FK_490e524fb37100aee4ff0d028f7"
        `);
    await queryRunner.query(`
            ALTER TABLE "practice_attachments" DROP CONSTRAINT "FK_4d265f9147fb107ce14f7e89dfa"
        `);
    await queryRunner.query(`
            ALTER TABLE "practice_endorsements" DROP CONSTRAINT "FK_e73e0cb105144bea135ca75f59d"
        `);
    await queryRunner.query(`
            ALTER TABLE "practice_endorsements" DROP CONSTRAINT "FK_5e0e680df9f4aad4a6c261e51d8"
        `);
    await queryRunner.query(`
            ALTER TABLE "practice_comments" DROP CONSTRAINT "FK_f2c958a50600f67c24f436cc363"
        `);
    await queryRunner.query(`
            ALTER TABLE "practice_comments" DROP CONSTRAINT "FK_4caab2b12b3f3c1f3eecec74148"
        `);
    await queryRunner.query(`
            ALTER TABLE "practice_reviewers" DROP CONSTRAINT "FK_b21bbf8128ea747bdd2d32939ae"
        `);
    await queryRunner.query(`
            ALTER TABLE "practice_reviewers" DROP CONSTRAINT "FK_0bec3b46c33c92a77ce038d3304"
        `);
    await queryRunner.query(`
            ALTER TABLE "practice_related" DROP CONSTRAINT "FK_890589a078b7e40cda4af8cd89f"
        `);
    await queryRunner.query(`
            ALTER TABLE "practice_related" DROP CONSTRAINT "FK_639080fa60af470933eb6eba5f8"
        `);
    await queryRunner.query(`
            ALTER TABLE "practice_translations" DROP CONSTRAINT "FK_41cc21868e2c9283df29eaf98c1"
        `);
    await queryRunner.query(`
            ALTER TABLE "practices" DROP CONSTRAINT "FK_11383687601c025fbebc4a3d76d"
        `);
    await queryRunner.query(`
            ALTER TABLE "practices" DROP CONSTRAINT "FK_c2252369507655a1b295c0bc576"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_d0d125ab42462dbed95fca40be"
        `);
    await queryRunner.query(`
            DROP TABLE "practice_attachments"
        `);
    await queryRunner.query(`
            DROP TABLE "practice_endorsements"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_1846f0637826debb891a2ad623"
        `);
    await queryRunner.query(`
            DROP TABLE "practice_comments"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_b21bbf8128ea747bdd2d32939a"
        `);
    await queryRunner.query(`
            DROP TABLE "practice_reviewers"
        `);
    await queryRunner.query(`
            DROP TABLE "practice_related"
        `);
    await queryRunner.query(`
            DROP TABLE "practice_translations"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_157c042c8b781ba7dc3875fd5b"
        `);
    await queryRunner.query(`
            DROP TABLE "practices"
        `);
  }
}
