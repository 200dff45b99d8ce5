import {
  CountryCode,
  DirectoryEntry,
  OrganisationType,
  PracticeLanguage,
  PracticeTheme,
  ProfileField,
} from '@kengash/contracts';
import { COUNTRY_KEYS, EXPERTISE_KEYS, LANGUAGE_KEYS, ORGANISATION_TYPE_KEYS } from '../shared/network-labels';

/** One line of a directory card: a field the viewer may see, as text or as translation keys. */
export type EntryFact = { field: ProfileField; text: string } | { field: ProfileField; keys: string[] };

/** The fields a directory card may show, in order (contact details are revealed separately). */
const SHOWN = [
  'name',
  'role',
  'organisationType',
  'organisationName',
  'country',
  'region',
  'languages',
  'expertise',
  'bio',
] as const satisfies readonly ProfileField[];

const has = <K extends keyof DirectoryEntry>(entry: DirectoryEntry, key: K): boolean =>
  Object.prototype.hasOwnProperty.call(entry, key) && entry[key] !== undefined;

/**
 * The facts of a directory entry: exactly the fields present in the JSON — a field the viewer may not see is
 * absent and is not shown at all (no empty line, no "hidden" placeholder that would say the field exists).
 */
export function entryFacts(entry: DirectoryEntry): EntryFact[] {
  const facts: EntryFact[] = [];
  for (const field of SHOWN) {
    if (!has(entry, field)) continue;
    switch (field) {
      case 'organisationType':
        facts.push({ field, keys: [ORGANISATION_TYPE_KEYS[entry.organisationType as OrganisationType]] });
        break;
      case 'country':
        facts.push({ field, keys: [COUNTRY_KEYS[entry.country as CountryCode]] });
        break;
      case 'languages':
        facts.push({ field, keys: (entry.languages as PracticeLanguage[]).map((l) => LANGUAGE_KEYS[l]) });
        break;
      case 'expertise':
        facts.push({ field, keys: (entry.expertise as PracticeTheme[]).map((t) => EXPERTISE_KEYS[t]) });
        break;
      default:
        facts.push({ field, text: String(entry[field]) });
    }
  }
  return facts.filter((fact) => ('text' in fact ? fact.text !== '' : fact.keys.every((k) => k !== undefined)));
}
