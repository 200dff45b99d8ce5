import { SUPPORTED_LOCALES } from '@kengash/contracts';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { readTranslations } from '../../testing/translations';

/** "a.b.c" for every leaf of a translation object, with its value. */
function leaves(object: unknown, prefix = ''): Map<string, unknown> {
  const result = new Map<string, unknown>();
  if (typeof object === 'object' && object !== null) {
    for (const [key, value] of Object.entries(object)) {
      for (const [path, leaf] of leaves(value, prefix ? `${prefix}.${key}` : key)) {
        result.set(path, leaf);
      }
    }
  } else {
    result.set(prefix, object);
  }
  return result;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      return name === 'testing' ? [] : sourceFiles(path);
    }
    return /\.(ts|html)$/.test(name) && !name.endsWith('.spec.ts') ? [path] : [];
  });
}

/** Keys written as `'key' | translate` in templates or marked with `_('key')` in code. */
function keysUsedIn(files: string[]): Set<string> {
  const keys = new Set<string>();
  const patterns = [/'([a-zA-Z][\w.]*)'\s*\|\s*translate/g, /\b_\('([a-zA-Z][\w.]*)'\)/g];
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    for (const pattern of patterns) {
      for (const match of text.matchAll(pattern)) {
        keys.add(match[1]);
      }
    }
  }
  return keys;
}

describe('translation files', () => {
  const files = Object.fromEntries(SUPPORTED_LOCALES.map((locale) => [locale, leaves(readTranslations(locale))]));
  const english = files['en'];

  it.each(SUPPORTED_LOCALES)('%s has exactly the keys of en.json, none empty', (locale) => {
    const translations = files[locale];

    expect([...translations.keys()].sort()).toEqual([...english.keys()].sort());
    for (const [key, value] of translations) {
      expect({
        key,
        ok: typeof value === 'string' && value.trim().length > 0,
      }).toEqual({
        key,
        ok: true,
      });
    }
  });

  it('defines every key the web app and its libraries use', () => {
    const workspace = join(__dirname, '../../../../..');
    const used = keysUsedIn([
      ...sourceFiles(join(workspace, 'apps/web/src')),
      ...sourceFiles(join(workspace, 'libs/web')),
    ]);

    expect(used.size).toBeGreaterThan(40);
    expect([...used].filter((key) => !english.has(key))).toEqual([]);
  });

  it('has real Russian, not English copies', () => {
    const russian = files['ru'];
    const sameAsEnglish = [...russian].filter(
      ([key, value]) => value === english.get(key) && !/^(app\.name|languages\.)/.test(key),
    );

    expect(sameAsEnglish).toEqual([]);
  });
});
