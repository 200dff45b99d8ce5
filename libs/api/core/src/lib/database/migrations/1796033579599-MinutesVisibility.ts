import { MigrationInterface, QueryRunner } from 'typeorm';

export class MinutesVisibility1796033579599 implements MigrationInterface {
  name = 'MinutesVisibility1796033579599';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "minutes_documents"
            ADD "visibility" text NOT NULL DEFAULT 'council'
        `);
    // The full record is the group's; only public summaries are opened wider.
    await queryRunner.query(`UPDATE "minutes_documents" SET "visibility" = 'group' WHERE "face" = 'full'`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "minutes_documents" DROP COLUMN "visibility"
        `);
  }
}
