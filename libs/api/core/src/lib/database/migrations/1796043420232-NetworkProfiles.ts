import { MigrationInterface, QueryRunner } from 'typeorm';

export class NetworkProfiles1796043420232 implements MigrationInterface {
  name = 'NetworkProfiles1796043420232';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "network_profiles" (
                "user_id" uuid NOT NULL,
                "name" text NOT NULL,
                "role" text NOT NULL,
                "organisation_type" text NOT NULL,
                "organisation_name" text NOT NULL,
                "country" character(2) NOT NULL,
                "region" text NOT NULL,
                "languages" text array NOT NULL,
                "expertise" text array NOT NULL,
                "bio" text NOT NULL DEFAULT '',
                "phone" text NOT NULL DEFAULT '',
                "email" text NOT NULL DEFAULT '',
                "label" text NOT NULL DEFAULT 'name',
                "visibility" jsonb NOT NULL,
                "version" integer NOT NULL DEFAULT '1',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_11fc0c54941bc428f2732e8a52a" PRIMARY KEY ("user_id")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "network_contact_views" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "viewer_id" uuid NOT NULL,
                "subject_id" uuid NOT NULL,
                "fields" text array NOT NULL,
                "viewed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_12649e1ea806ddf0d42f5862ff6" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_4557f3f57fc5600a8945bedf0e" ON "network_contact_views" ("viewer_id", "viewed_at")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_1877a8766583ac27dcf99d787e" ON "network_contact_views" ("subject_id", "viewed_at")
        `);
    await queryRunner.query(`
            ALTER TABLE "network_profiles"
            ADD CONSTRAINT "FK_11fc0c54941bc428f2732e8a52a" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "network_contact_views"
            ADD CONSTRAINT "FK_01a2f26af2cab2c7ab4c7bba402" FOREIGN KEY ("viewer_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "network_contact_views"
            ADD CONSTRAINT "FK_26529d59f0fcc40d7ee32bff193" FOREIGN KEY ("subject_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    // Practitioners accepted before profiles existed get one from their (latest) application, with the minimal
    // default visibility of that time (written out: a migration does not change when the code's default does).
    await queryRunner.query(`
            INSERT INTO "network_profiles" ("user_id", "name", "role", "organisation_type", "organisation_name",
                "country", "region", "languages", "expertise", "email", "visibility")
            SELECT DISTINCT ON (a."user_id") a."user_id", a."name", a."role", a."organisation_type",
                a."organisation_name", a."country", a."region", a."languages", a."expertise", a."email",
                '{"name":"council","role":"council","organisationType":"network","organisationName":"secretariat","country":"network","region":"secretariat","languages":"network","expertise":"network","bio":"secretariat","phone":"me","email":"secretariat"}'::jsonb
              FROM "network_applications" a
             WHERE a."user_id" IS NOT NULL AND a."status" IN ('accepted', 'suspended')
             ORDER BY a."user_id", a."decided_at" DESC NULLS LAST
            ON CONFLICT DO NOTHING
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "network_contact_views" DROP CONSTRAINT "FK_26529d59f0fcc40d7ee32bff193"
        `);
    await queryRunner.query(`
            ALTER TABLE "network_contact_views" DROP CONSTRAINT "FK_01a2f26af2cab2c7ab4c7bba402"
        `);
    await queryRunner.query(`
            ALTER TABLE "network_profiles" DROP CONSTRAINT "FK_11fc0c54941bc428f2732e8a52a"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_1877a8766583ac27dcf99d787e"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_4557f3f57fc5600a8945bedf0e"
        `);
    await queryRunner.query(`
            DROP TABLE "network_contact_views"
        `);
    await queryRunner.query(`
            DROP TABLE "network_profiles"
        `);
  }
}
