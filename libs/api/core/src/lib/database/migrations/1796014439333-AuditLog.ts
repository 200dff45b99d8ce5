import { MigrationInterface, QueryRunner } from 'typeorm';

export class AuditLog1796014439333 implements MigrationInterface {
  name = 'AuditLog1796014439333';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "audit_events" (
                "id" uuid NOT NULL,
                "seq" bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
                "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "actor_id" uuid,
                "action" text NOT NULL,
                "target_type" text,
                "target_id" text,
                "details" jsonb NOT NULL DEFAULT '{}',
                "ip" text,
                "prev_hash" text NOT NULL,
                "hash" text NOT NULL,
                CONSTRAINT "UQ_6e299f5706e715265416fefe53e" UNIQUE ("seq"),
                CONSTRAINT "PK_910f64d901a5c3e9878f0d4a407" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_3648e11676f1929b9875ee272b" ON "audit_events" ("at")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_04c7c044146c6632491a370fc0" ON "audit_events" ("actor_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_68d908019304f757740bc47a0a" ON "audit_events" ("action")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_d5de0add56627328f0ce0aba9a" ON "audit_events" ("target_type", "target_id")
        `);
    // Added by hand before this migration landed: the audit log is append-only in the database itself.
    // Triggers refuse UPDATE, DELETE and TRUNCATE for every role, table owner and superuser included (only
    // disabling the triggers gets past them, and the hash chain shows what was changed then).
    await queryRunner.query(`
            CREATE FUNCTION "audit_events_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                RAISE EXCEPTION 'audit_events is append-only';
            END
            $$
        `);
    await queryRunner.query(`
            CREATE TRIGGER "audit_events_no_update_delete" BEFORE UPDATE OR DELETE ON "audit_events"
            FOR EACH ROW EXECUTE FUNCTION "audit_events_append_only"()
        `);
    await queryRunner.query(`
            CREATE TRIGGER "audit_events_no_truncate" BEFORE TRUNCATE ON "audit_events"
            FOR EACH STATEMENT EXECUTE FUNCTION "audit_events_append_only"()
        `);
    await queryRunner.query(`
            REVOKE UPDATE, DELETE, TRUNCATE ON "audit_events" FROM PUBLIC
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            DROP TRIGGER "audit_events_no_truncate" ON "audit_events"
        `);
    await queryRunner.query(`
            DROP TRIGGER "audit_events_no_update_delete" ON "audit_events"
        `);
    await queryRunner.query(`
            DROP FUNCTION "audit_events_append_only"()
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_d5de0add56627328f0ce0aba9a"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_68d908019304f757740bc47a0a"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_04c7c044146c6632491a370fc0"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_3648e11676f1929b9875ee272b"
        `);
    await queryRunner.query(`
            DROP TABLE "audit_events"
        `);
  }
}
