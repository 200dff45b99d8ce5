import { MigrationInterface, QueryRunner } from 'typeorm';

export class Identity1796014641211 implements MigrationInterface {
  name = 'Identity1796014641211';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "refresh_tokens" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "user_id" uuid NOT NULL,
                "family_id" uuid NOT NULL,
                "token_hash" text NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "rotated_at" TIMESTAMP WITH TIME ZONE,
                "revoked_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "PK_7d8bee0204106019488c4c50ffa" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_3ddc983c5f7bcf132fd8732c3f" ON "refresh_tokens" ("user_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_d5e27da0cd39bc3bb2811fc8ba" ON "refresh_tokens" ("family_id")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_a7838d2ba25be1342091b6695f" ON "refresh_tokens" ("token_hash")
        `);
    await queryRunner.query(`
            CREATE TABLE "one_time_tokens" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "user_id" uuid NOT NULL,
                "purpose" text NOT NULL,
                "token_hash" text NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "used_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "PK_8e470cc9ffc1b2afa054304db17" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_0dc2deee64e514ad6f7e69504e" ON "one_time_tokens" ("user_id")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_22e595d22f108ce4f2843e043a" ON "one_time_tokens" ("token_hash")
        `);
    await queryRunner.query(`
            CREATE TABLE "recovery_codes" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "user_id" uuid NOT NULL,
                "code_hash" text NOT NULL,
                "used_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "PK_0723b9e53961e799027d7f7ba32" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_fb82b2ac740ca095b617afad03" ON "recovery_codes" ("user_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "sso_identities" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "user_id" uuid NOT NULL,
                "issuer" text NOT NULL,
                "subject" text NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_a8d11d478e6dc2743d407a7456a" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_17b0ed9f37917807a7072f71f9" ON "sso_identities" ("user_id")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_70cb9b1dfeca42be78d7cfdf0d" ON "sso_identities" ("issuer", "subject")
        `);
    await queryRunner.query(`
            CREATE TABLE "break_glass_grants" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "admin_id" uuid NOT NULL,
                "reason" text NOT NULL,
                "target_type" text NOT NULL,
                "target_id" text NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                CONSTRAINT "PK_b02d16f7854de523ef0f7ba9799" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_89407d80e93f8058c398a97b6f" ON "break_glass_grants" ("admin_id", "target_type", "target_id")
        `);
    await queryRunner.query(`
            ALTER TABLE "users"
            ADD "password_hash" text
        `);
    await queryRunner.query(`
            ALTER TABLE "users"
            ADD "email_verified_at" TIMESTAMP WITH TIME ZONE
        `);
    await queryRunner.query(`
            ALTER TABLE "users"
            ADD "totp_secret_enc" text
        `);
    await queryRunner.query(`
            ALTER TABLE "users"
            ADD "totp_enabled_at" TIMESTAMP WITH TIME ZONE
        `);
    await queryRunner.query(`
            ALTER TABLE "users"
            ADD "totp_last_step" bigint
        `);
    await queryRunner.query(`
            ALTER TABLE "users"
            ADD "last_sign_in_at" TIMESTAMP WITH TIME ZONE
        `);
    await queryRunner.query(`
            ALTER TABLE "users"
            ADD "version" integer NOT NULL DEFAULT '1'
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "users" DROP COLUMN "version"
        `);
    await queryRunner.query(`
            ALTER TABLE "users" DROP COLUMN "last_sign_in_at"
        `);
    await queryRunner.query(`
            ALTER TABLE "users" DROP COLUMN "totp_last_step"
        `);
    await queryRunner.query(`
            ALTER TABLE "users" DROP COLUMN "totp_enabled_at"
        `);
    await queryRunner.query(`
            ALTER TABLE "users" DROP COLUMN "totp_secret_enc"
        `);
    await queryRunner.query(`
            ALTER TABLE "users" DROP COLUMN "email_verified_at"
        `);
    await queryRunner.query(`
            ALTER TABLE "users" DROP COLUMN "password_hash"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_89407d80e93f8058c398a97b6f"
        `);
    await queryRunner.query(`
            DROP TABLE "break_glass_grants"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_70cb9b1dfeca42be78d7cfdf0d"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_17b0ed9f37917807a7072f71f9"
        `);
    await queryRunner.query(`
            DROP TABLE "sso_identities"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_fb82b2ac740ca095b617afad03"
        `);
    await queryRunner.query(`
            DROP TABLE "recovery_codes"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_22e595d22f108ce4f2843e043a"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_0dc2deee64e514ad6f7e69504e"
        `);
    await queryRunner.query(`
            DROP TABLE "one_time_tokens"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_a7838d2ba25be1342091b6695f"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_d5e27da0cd39bc3bb2811fc8ba"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_3ddc983c5f7bcf132fd8732c3f"
        `);
    await queryRunner.query(`
            DROP TABLE "refresh_tokens"
        `);
  }
}
