import { MigrationInterface, QueryRunner } from 'typeorm';

export class MinutesApprovalVote1796032965438 implements MigrationInterface {
  name = 'MinutesApprovalVote1796032965438';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "meeting_polls"
            ADD "minutes_id" uuid
        `);
    await queryRunner.query(`
            ALTER TABLE "minutes_documents"
            ADD "approval_vote" jsonb
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "minutes_documents" DROP COLUMN "approval_vote"
        `);
    await queryRunner.query(`
            ALTER TABLE "meeting_polls" DROP COLUMN "minutes_id"
        `);
  }
}
