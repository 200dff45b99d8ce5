import { MigrationInterface, QueryRunner } from 'typeorm';

export class NetworkApplications1796038370004 implements MigrationInterface {
  name = 'NetworkApplications1796038370004';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "network_applications" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "status" text NOT NULL DEFAULT 'submitted',
                "name" text NOT NULL,
                "email" citext NOT NULL,
                "locale" text NOT NULL DEFAULT 'en',
                "role" text NOT NULL,
                "organisation_type" text NOT NULL,
                "organisation_name" text NOT NULL,
                "country" character(2) NOT NULL,
                "region" text NOT NULL,
                "languages" text array NOT NULL,
                "expertise" text array NOT NULL,
                "motivation" text NOT NULL,
                "referee_id" uuid,
                "consent_version" text NOT NULL,
                "consent_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "status_token_hash" text NOT NULL,
                "form_nonce" text,
                "endorsed_by" uuid,
                "endorsed_at" TIMESTAMP WITH TIME ZONE,
                "endorsement_note" text,
                "decided_by" uuid,
                "decided_at" TIMESTAMP WITH TIME ZONE,
                "decision_reason" text,
                "reason_shareable" boolean NOT NULL DEFAULT false,
                "status_note" text,
                "user_id" uuid,
                "revet_due" date,
                "demo" boolean NOT NULL DEFAULT false,
                "version" integer NOT NULL DEFAULT '1',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "UQ_e63f1bf9b0c4b611187baecbbd8" UNIQUE ("status_token_hash"),
                CONSTRAINT "UQ_ae8c47fd3c35eeb3ba8ff43f96d" UNIQUE ("form_nonce"),
                CONSTRAINT "PK_c2c668f49737598aa3cd816f5ea" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_d333d8295fb7dd1da03baef955" ON "network_applications" ("email")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_1d5fe73ede44e1f6c33efd5b3d" ON "network_applications" ("country", "status")
        `);
    await queryRunner.query(`
            ALTER TABLE "network_applications"
            ADD CONSTRAINT "FK_153d626cb27ca2206198311950f" FOREIGN KEY ("referee_id") REFERENCES "users"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "network_applications"
            ADD CONSTRAINT "FK_5158e0a20a9de754cc73e243fc1" FOREIGN KEY ("endorsed_by") REFERENCES "users"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "network_applications"
            ADD CONSTRAINT "FK_84b08fa4c2f4220e4a0972a10c0" FOREIGN KEY ("decided_by") REFERENCES "users"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "network_applications"
            ADD CONSTRAINT "FK_8b4e8c6703dbb19eb7540f4b5ed" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "network_applications" DROP CONSTRAINT "FK_8b4e8c6703dbb19eb7540f4b5ed"
        `);
    await queryRunner.query(`
            ALTER TABLE "network_applications" DROP CONSTRAINT "FK_84b08fa4c2f4220e4a0972a10c0"
        `);
    await queryRunner.query(`
            ALTER TABLE "network_applications" DROP CONSTRAINT "FK_5158e0a20a9de754cc73e243fc1"
        `);
    await queryRunner.query(`
            ALTER TABLE "network_applications" DROP CONSTRAINT "FK_153d626cb27ca2206198311950f"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_1d5fe73ede44e1f6c33efd5b3d"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_d333d8295fb7dd1da03baef955"
        `);
    await queryRunner.query(`
            DROP TABLE "network_applications"
        `);
  }
}
