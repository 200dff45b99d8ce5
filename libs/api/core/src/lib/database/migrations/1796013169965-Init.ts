import { MigrationInterface, QueryRunner } from 'typeorm';

export class Init1796013169965 implements MigrationInterface {
  name = 'Init1796013169965';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // Case-insensitive e-mail addresses (users.email). Added by hand before this migration landed.
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS citext`);
    await queryRunner.query(
      `CREATE TABLE "councils" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "slug" text NOT NULL, "name" jsonb NOT NULL, "demo" boolean NOT NULL DEFAULT false, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_733015abdbbe7d1e89ee936657a" UNIQUE ("slug"), CONSTRAINT "PK_4966fa6c4948bab2ea3e31e054d" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "working_groups" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "council_id" uuid NOT NULL, "slug" text NOT NULL, "name" jsonb NOT NULL, "theme" text NOT NULL, "mandate" jsonb NOT NULL, "period_start" date NOT NULL, "period_end" date NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_95e6a3cace78635e0e7c85ddc98" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_161ef7a78de2a15938c1a5bcad" ON "working_groups"  ("council_id", "slug") `,
    );
    await queryRunner.query(
      `CREATE TABLE "users" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "email" citext NOT NULL, "display_name" text NOT NULL, "locale" text NOT NULL DEFAULT 'en', "time_zone" text NOT NULL DEFAULT 'Asia/Tashkent', "country" character(2), "organisation" text, "global_role" text NOT NULL DEFAULT 'member', "status" text NOT NULL DEFAULT 'active', "demo" boolean NOT NULL DEFAULT false, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_97672ac88f789774dd47f7c8be3" UNIQUE ("email"), CONSTRAINT "PK_a3ffb1c0c8416b9fc6f907b7433" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "group_memberships" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "group_id" uuid NOT NULL, "user_id" uuid NOT NULL, "role" text NOT NULL, "term_start" date NOT NULL, "term_end" date, CONSTRAINT "PK_4a04ebe9f25ad41f45b2c0ca4b5" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "agenda_items" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "session_id" uuid NOT NULL, "position" integer NOT NULL, "title" text NOT NULL, "presenter_id" uuid, "minutes_allotted" integer NOT NULL, CONSTRAINT "PK_7274c40301175b4b4b347820d0c" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_94c3d6d73c9fcc3c19e1aac659" ON "agenda_items"  ("session_id", "position") `,
    );
    await queryRunner.query(
      `CREATE TABLE "sessions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "title" text NOT NULL, "format" text NOT NULL, "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL, "time_zone" text NOT NULL, "rrule" text, "location" text, "status" text NOT NULL DEFAULT 'scheduled', "demo" boolean NOT NULL DEFAULT false, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_3238ef96f18b355b671619111bc" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "session_groups" ("session_id" uuid NOT NULL, "group_id" uuid NOT NULL, CONSTRAINT "PK_b9101e31cba3e0d9a3e64233679" PRIMARY KEY ("session_id", "group_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_f99694f7e36fd5f460736c8126" ON "session_groups"  ("session_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_c8516a22cf407ec2aac3e6c3af" ON "session_groups"  ("group_id") `);
    await queryRunner.query(
      `ALTER TABLE "working_groups" ADD CONSTRAINT "FK_88127d2ca8fe83967bbe1ec7f9c" FOREIGN KEY ("council_id") REFERENCES "councils"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "group_memberships" ADD CONSTRAINT "FK_cad344fe877fcee0ac7e065ed05" FOREIGN KEY ("group_id") REFERENCES "working_groups"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "group_memberships" ADD CONSTRAINT "FK_e232a617b3bc2de2e13c0289d62" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "agenda_items" ADD CONSTRAINT "FK_347b260ad84c70d36b0482d4ae7" FOREIGN KEY ("session_id") REFERENCES "sessions"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "agenda_items" ADD CONSTRAINT "FK_ed8f48b855f7af333dc93febd09" FOREIGN KEY ("presenter_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "session_groups" ADD CONSTRAINT "FK_f99694f7e36fd5f460736c8126f" FOREIGN KEY ("session_id") REFERENCES "sessions"("id") ON DELETE CASCADE ON UPDATE CASCADE`,
    );
    await queryRunner.query(
      `ALTER TABLE "session_groups" ADD CONSTRAINT "FK_c8516a22cf407ec2aac3e6c3af8" FOREIGN KEY ("group_id") REFERENCES "working_groups"("id") ON DELETE CASCADE ON UPDATE CASCADE`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "session_groups" DROP CONSTRAINT "FK_c8516a22cf407ec2aac3e6c3af8"`);
    await queryRunner.query(`ALTER TABLE "session_groups" DROP CONSTRAINT "FK_f99694f7e36fd5f460736c8126f"`);
    await queryRunner.query(`ALTER TABLE "agenda_items" DROP CONSTRAINT "FK_ed8f48b855f7af333dc93febd09"`);
    await queryRunner.query(`ALTER TABLE "agenda_items" DROP CONSTRAINT "FK_347b260ad84c70d36b0482d4ae7"`);
    await queryRunner.query(`ALTER TABLE "group_memberships" DROP CONSTRAINT "FK_e232a617b3bc2de2e13c0289d62"`);
    await queryRunner.query(`ALTER TABLE "group_memberships" DROP CONSTRAINT "FK_cad344fe877fcee0ac7e065ed05"`);
    await queryRunner.query(`ALTER TABLE "working_groups" DROP CONSTRAINT "FK_88127d2ca8fe83967bbe1ec7f9c"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_c8516a22cf407ec2aac3e6c3af"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_f99694f7e36fd5f460736c8126"`);
    await queryRunner.query(`DROP TABLE "session_groups"`);
    await queryRunner.query(`DROP TABLE "sessions"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_94c3d6d73c9fcc3c19e1aac659"`);
    await queryRunner.query(`DROP TABLE "agenda_items"`);
    await queryRunner.query(`DROP TABLE "group_memberships"`);
    await queryRunner.query(`DROP TABLE "users"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_161ef7a78de2a15938c1a5bcad"`);
    await queryRunner.query(`DROP TABLE "working_groups"`);
    await queryRunner.query(`DROP TABLE "councils"`);
  }
}
