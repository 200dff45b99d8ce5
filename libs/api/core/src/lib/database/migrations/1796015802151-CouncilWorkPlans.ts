import { MigrationInterface, QueryRunner } from 'typeorm';

export class CouncilWorkPlans1796015802151 implements MigrationInterface {
  name = 'CouncilWorkPlans1796015802151';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "council_chairmanships" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "council_id" uuid NOT NULL,
                "country" character(2) NOT NULL,
                "period_start" date NOT NULL,
                "period_end" date NOT NULL,
                CONSTRAINT "PK_44bc3f8568f394754c2c6b01d8d" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_4f7b60cbf5f9ddc6da46e56a99" ON "council_chairmanships" ("council_id", "period_start")
        `);
    await queryRunner.query(`
            CREATE TABLE "work_plans" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "group_id" uuid NOT NULL,
                "title" text NOT NULL,
                "period_start" date NOT NULL,
                "period_end" date NOT NULL,
                "demo" boolean NOT NULL DEFAULT false,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_aec61407bc55c68a5e31f4aaeec" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_e4bcc860c0591dcbb1e8753a82" ON "work_plans" ("group_id", "period_start")
        `);
    await queryRunner.query(`
            CREATE TABLE "work_plan_items" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "plan_id" uuid NOT NULL,
                "objective" text NOT NULL,
                "deliverable" text NOT NULL,
                "owner_id" uuid,
                "due_date" date,
                "status" text NOT NULL DEFAULT 'planned',
                "progress" integer NOT NULL DEFAULT '0',
                "version" integer NOT NULL DEFAULT '1',
                "demo" boolean NOT NULL DEFAULT false,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_18d21728482ebb26222468a7a23" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_8200b73fce679905a76a3d3a5d" ON "work_plan_items" ("plan_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "work_plan_item_groups" (
                "item_id" uuid NOT NULL,
                "group_id" uuid NOT NULL,
                CONSTRAINT "PK_4b799eeb915bc9bfcad351c17ad" PRIMARY KEY ("item_id", "group_id")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "work_plan_item_sessions" (
                "item_id" uuid NOT NULL,
                "session_id" uuid NOT NULL,
                CONSTRAINT "PK_d6447cbeb8cadd94ca2b163624c" PRIMARY KEY ("item_id", "session_id")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "work_plan_comments" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "item_id" uuid NOT NULL,
                "author_id" uuid NOT NULL,
                "body" text NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_10002d28206d72fba9cd86c6fee" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_7670e06bca68f5d2e567c9fc0b" ON "work_plan_comments" ("item_id")
        `);
    await queryRunner.query(`
            ALTER TABLE "councils"
            ADD "default_time_zone" text NOT NULL DEFAULT 'Asia/Tashkent'
        `);
    await queryRunner.query(`
            ALTER TABLE "councils"
            ADD "member_countries" text array NOT NULL DEFAULT '{KZ,KG,TJ,TM,UZ}'
        `);
    await queryRunner.query(`
            ALTER TABLE "working_groups"
            ADD "visibility" text NOT NULL DEFAULT 'council'
        `);
    await queryRunner.query(`
            ALTER TABLE "working_groups"
            ADD "archived_at" TIMESTAMP WITH TIME ZONE
        `);
    await queryRunner.query(`
            ALTER TABLE "council_chairmanships"
            ADD CONSTRAINT "FK_d067f4744750cd8db8acf782403" FOREIGN KEY ("council_id") REFERENCES "councils"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "work_plans"
            ADD CONSTRAINT "FK_41cd995592314ebe479eb42e80f" FOREIGN KEY ("group_id") REFERENCES "working_groups"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "work_plan_items"
            ADD CONSTRAINT "FK_8200b73fce679905a76a3d3a5df" FOREIGN KEY ("plan_id") REFERENCES "work_plans"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "work_plan_items"
            ADD CONSTRAINT "FK_56482069784e50a3bc51e233d6d" FOREIGN KEY ("owner_id") REFERENCES "users"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "work_plan_item_groups"
            ADD CONSTRAINT "FK_1411a96d94a6745b424dd686d3c" FOREIGN KEY ("item_id") REFERENCES "work_plan_items"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "work_plan_item_groups"
            ADD CONSTRAINT "FK_f60057013d7e5b03c57796aaaa6" FOREIGN KEY ("group_id") REFERENCES "working_groups"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "work_plan_item_sessions"
            ADD CONSTRAINT "FK_e617e4ae906f125971dd8f67d21" FOREIGN KEY ("item_id") REFERENCES "work_plan_items"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "work_plan_item_sessions"
            ADD CONSTRAINT "FK_24fd9c73f4c4fdc96924f95754f" FOREIGN KEY ("session_id") REFERENCES "sessions"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "work_plan_comments"
            ADD CONSTRAINT "FK_7670e06bca68f5d2e567c9fc0b0" FOREIGN KEY ("item_id") REFERENCES "work_plan_items"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "work_plan_comments"
            ADD CONSTRAINT "FK_d512c954490c5347274b384bfe4" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "work_plan_comments" DROP CONSTRAINT "FK_d512c954490c5347274b384bfe4"
        `);
    await queryRunner.query(`
            ALTER TABLE "work_plan_comments" DROP CONSTRAINT "FK_7670e06bca68f5d2e567c9fc0b0"
        `);
    await queryRunner.query(`
            ALTER TABLE "work_plan_item_sessions" DROP CONSTRAINT "FK_24fd9c73f4c4fdc96924f95754f"
        `);
    await queryRunner.query(`
            ALTER TABLE "work_plan_item_sessions" DROP CONSTRAINT "FK_e617e4ae906f125971dd8f67d21"
        `);
    await queryRunner.query(`
            ALTER TABLE "work_plan_item_groups" DROP CONSTRAINT "FK_f60057013d7e5b03c57796aaaa6"
        `);
    await queryRunner.query(`
            ALTER TABLE "work_plan_item_groups" DROP CONSTRAINT "FK_1411a96d94a6745b424dd686d3c"
        `);
    await queryRunner.query(`
            ALTER TABLE "work_plan_items" DROP CONSTRAINT "FK_56482069784e50a3bc51e233d6d"
        `);
    await queryRunner.query(`
            ALTER TABLE "work_plan_items" DROP CONSTRAINT "FK_8200b73fce679905a76a3d3a5df"
        `);
    await queryRunner.query(`
            ALTER TABLE "work_plans" DROP CONSTRAINT "FK_41cd995592314ebe479eb42e80f"
        `);
    await queryRunner.query(`
            ALTER TABLE "council_chairmanships" DROP CONSTRAINT "FK_d067f4744750cd8db8acf782403"
        `);
    await queryRunner.query(`
            ALTER TABLE "working_groups" DROP COLUMN "archived_at"
        `);
    await queryRunner.query(`
            ALTER TABLE "working_groups" DROP COLUMN "visibility"
        `);
    await queryRunner.query(`
            ALTER TABLE "councils" DROP COLUMN "member_countries"
        `);
    await queryRunner.query(`
            ALTER TABLE "councils" DROP COLUMN "default_time_zone"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_7670e06bca68f5d2e567c9fc0b"
        `);
    await queryRunner.query(`
            DROP TABLE "work_plan_comments"
        `);
    await queryRunner.query(`
            DROP TABLE "work_plan_item_sessions"
        `);
    await queryRunner.query(`
            DROP TABLE "work_plan_item_groups"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_8200b73fce679905a76a3d3a5d"
        `);
    await queryRunner.query(`
            DROP TABLE "work_plan_items"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_e4bcc860c0591dcbb1e8753a82"
        `);
    await queryRunner.query(`
            DROP TABLE "work_plans"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_4f7b60cbf5f9ddc6da46e56a99"
        `);
    await queryRunner.query(`
            DROP TABLE "council_chairmanships"
        `);
  }
}
