import { Init1796013169965 } from './1796013169965-Init';

/** Every migration, in order. Generated with `npm run db:migration:generate -- <Name>`, never edited after landing. */
export const MIGRATIONS: (new () => object)[] = [Init1796013169965];
