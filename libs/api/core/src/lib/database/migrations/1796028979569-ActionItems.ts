import { MigrationInterface, QueryRunner } from 'typeorm';

export class ActionItems1796028979569 implements MigrationInterface {
  name = 'ActionItems1796028979569';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "action_items" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "title" text NOT NULL,
                "group_id" uuid NOT NULL,
                "session_id" uuid,
                "minutes_id" uuid,
                "item_key" text,
                "decision_index" integer,
                "owner_id" uuid NOT NULL,
                "due_date" date NOT NULL,
                "status" text NOT NULL DEFAULT 'open',
                "work_plan_item_id" uuid,
                "created_by" uuid,
                "version" integer NOT NULL DEFAULT '1',
                "reminded_due_at" TIMESTAMP WITH TIME ZONE,
                "reminded_overdue_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_5a84b168b001636b379312104ab" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_e492e4fd09d71af19b28f11ca8" ON "action_items" ("session_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_97c316405d3c3e45532a484c21" ON "action_items" ("owner_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_4f9e79bb158eef4965c16a24fa" ON "action_items" ("group_id", "status")
        `);
    await queryRunner.query(`
            ALTER TABLE "action_items"
            ADD CONSTRAINT "FK_c7e1a9afe8fbcef86d722a3904a" FOREIGN KEY ("group_id") REFERENCES "working_groups"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "action_items"
            ADD CONSTRAINT "FK_e492e4fd09d71af19b28f11ca87" FOREIGN KEY ("session_id") REFERENCES "sessions"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "action_items"
            ADD CONSTRAINT "FK_5c661251077d43141dd77e93e00" FOREIGN KEY ("minutes_id") REFERENCES "minutes_documents"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "action_items"
            ADD CONSTRAINT "FK_97c316405d3c3e45532a484c216" FOREIGN KEY ("owner_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "action_items"
            ADD CONSTRAINT "FK_ede5665ed02e76ffe3d6588fb98" FOREIGN KEY ("work_plan_item_id") REFERENCES "work_plan_items"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "action_items"
            ADD CONSTRAINT "FK_e6e5ff1019c2316cef30812d1b3" FOREIGN KEY ("created_by") REFERENCES "users"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "action_items" DROP CONSTRAINT "FK_e6e5ff1019c2316cef30812d1b3"
        `);
    await queryRunner.query(`
            ALTER TABLE "action_items" DROP CONSTRAINT "FK_ede5665ed02e76ffe3d6588fb98"
        `);
    await queryRunner.query(`
            ALTER TABLE "action_items" DROP CONSTRAINT "FK_97c316405d3c3e45532a484c216"
        `);
    await queryRunner.query(`
            ALTER TABLE "action_items" DROP CONSTRAINT "FK_5c661251077d43141dd77e93e00"
        `);
    await queryRunner.query(`
            ALTER TABLE "action_items" DROP CONSTRAINT "FK_e492e4fd09d71af19b28f11ca87"
        `);
    await queryRunner.query(`
            ALTER TABLE "action_items" DROP CONSTRAINT "FK_c7e1a9afe8fbcef86d722a3904a"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_4f9e79bb158eef4965c16a24fa"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_97c316405d3c3e45532a484c21"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_e492e4fd09d71af19b28f11ca8"
        `);
    await queryRunner.query(`
            DROP TABLE "action_items"
        `);
  }
}
