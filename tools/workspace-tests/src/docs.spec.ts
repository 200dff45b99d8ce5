import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
// eslint-disable-next-line @nx/enforce-module-boundaries -- reads the one table of variables, not the module
import { ENV_VARIABLES } from '../../../libs/api/core/src/lib/config/env';

/** The documents a new user reads first must stay true to the code. */
const root = resolve(__dirname, '../../..');
const read = (file: string) => readFileSync(resolve(root, file), 'utf8');

describe('documentation matches the code', () => {
  const envExample = read('.env.example');
  const readme = read('README.md');

  it.each(ENV_VARIABLES.map((v) => [v.name, v] as const))(
    '.env.example and the README list %s with its default',
    (name, v) => {
      const line = envExample.split('\n').find((l) => l.startsWith(`${name}=`));
      expect(line).toBeDefined();
      const value = (line ?? '').slice(name.length + 1).replace(/^"(.*)"$/, '$1');
      expect(value).toBe(v.default);
      expect(readme).toMatch(new RegExp(`\\|\\s*\`${name}\`\\s*\\|`));
    },
  );

  it('.env.example has no variable the API does not know', () => {
    const names = envExample
      .split('\n')
      .filter((l) => /^[A-Z][A-Z0-9_]*=/.test(l))
      .map((l) => l.split('=')[0]);
    expect(names.sort()).toEqual(ENV_VARIABLES.map((v) => v.name).sort());
  });

  it('the README starts with exactly the two set-up commands', () => {
    const firstBlock = /```bash\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
    const commands = firstBlock
      .split('\n')
      .map((l) => l.replace(/#.*$/, '').trim())
      .filter(Boolean);
    expect(commands).toEqual(['npm ci && npm start', 'npm test']);
  });

  it('package.json has the scripts the README and DEVELOPMENT.md name', () => {
    const scripts = Object.keys(JSON.parse(read('package.json')).scripts);
    for (const s of ['start', 'test', 'lint', 'db:migrate', 'db:seed', 'db:migration:generate', 'db:migration:check']) {
      expect(scripts).toContain(s);
    }
  });
});
