import { MigrationInterface, QueryRunner } from 'typeorm';

export class MembershipUserIndex1796026956676 implements MigrationInterface {
  name = 'MembershipUserIndex1796026956676';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE INDEX "IDX_e232a617b3bc2de2e13c0289d6" ON "group_memberships" ("user_id")
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            DROP INDEX "public"."IDX_e232a617b3bc2de2e13c0289d6"
        `);
  }
}
