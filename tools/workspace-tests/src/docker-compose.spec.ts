/**
 * Checks the deployment files without a Docker engine: docker-compose.yml, the two Dockerfiles,
 * .dockerignore and the nginx configuration they reference.
 *
 * `checkCompose(doc, repo)` returns a list of problems. It must be empty for the real files, and
 * every mutated copy below (a broken compose document or a broken file overlaid on the repo) must
 * make it report the matching problem, so each rule is known to be able to fail.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
// The env table is not exported from @kengash/api-core's entry point (which pulls in NestJS);
// importing the plain file keeps this test independent of the API's module graph.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { ENV_VARIABLES } from '../../../libs/api/core/src/lib/config/env';

const ROOT = resolve(__dirname, '../../..');

const API_DOCKERFILE = 'apps/api/Dockerfile';
const WEB_DOCKERFILE = 'apps/web/Dockerfile';
const SERVICES = ['postgres', 'redis', 'api', 'proxy', 'mailpit'] as const;
const HEALTHCHECKED = ['postgres', 'redis', 'api', 'mailpit'] as const;

// ---------------------------------------------------------------------------------------------
// repository access (overridable, so tests can feed broken copies of files)
// ---------------------------------------------------------------------------------------------

export interface Repo {
  /** Text of a file relative to the repository root, or undefined when it does not exist. */
  read(path: string): string | undefined;
  /** Whether a file or folder exists relative to the repository root. */
  exists(path: string): boolean;
}

const diskRepo: Repo = {
  read: (path) => {
    const full = join(ROOT, path);
    return existsSync(full) ? readFileSync(full, 'utf8') : undefined;
  },
  exists: (path) => existsSync(join(ROOT, path)),
};

/** The real repository with some files replaced (string) or removed (null). */
function overlay(files: Record<string, string | null>, base: Repo = diskRepo): Repo {
  return {
    read: (path) => {
      const replaced = files[normalise(path)];
      return replaced === undefined ? base.read(path) : (replaced ?? undefined);
    },
    exists: (path) => {
      const replaced = files[normalise(path)];
      return replaced === undefined ? base.exists(path) : replaced !== null;
    },
  };
}

function normalise(path: string): string {
  return path.replace(/^\.\//, '').replace(/\/+$/, '') || '.';
}

// ---------------------------------------------------------------------------------------------
// small helpers for untyped YAML
// ---------------------------------------------------------------------------------------------

type Json = Record<string, unknown>;

function asRecord(value: unknown): Json | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : undefined;
}

/** Compose `environment` as a map (accepts both the map and the `KEY=value` list form). */
function environmentOf(service: Json): Record<string, string | null> {
  const env = service['environment'];
  const out: Record<string, string | null> = {};
  if (Array.isArray(env)) {
    for (const entry of env) {
      const text = String(entry);
      const eq = text.indexOf('=');
      if (eq === -1) out[text] = null;
      else out[text.slice(0, eq)] = text.slice(eq + 1);
    }
  } else {
    for (const [key, value] of Object.entries(asRecord(env) ?? {})) {
      out[key] = value === null || value === undefined ? null : String(value);
    }
  }
  return out;
}

/**
 * Compose variable interpolation with an empty host environment: `${X:-default}` gives the
 * default, `${X:?message}` a placeholder (compose itself would refuse to start without X).
 */
function interpolate(value: string): string {
  // `$$` is a literal dollar sign; interpolate the pieces between them.
  return value
    .split('$$')
    .map((part) =>
      part
        .replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?])([^}]*))?\}/g, (_m, _name, op, arg) =>
          op === ':-' || op === '-' ? String(arg) : op === ':?' || op === '?' ? 'x'.repeat(48) : '',
        )
        .replace(/\$([A-Za-z_][A-Za-z0-9_]*)/g, ''),
    )
    .join('$');
}

function hostOf(url: string | null | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(interpolate(url)).hostname;
  } catch {
    return undefined;
  }
}

function hasHealthcheck(service: Json | undefined): boolean {
  const healthcheck = asRecord(service?.['healthcheck']);
  if (!healthcheck || healthcheck['disable'] === true) return false;
  const test = healthcheck['test'];
  if (typeof test === 'string') return test.trim() !== '';
  return Array.isArray(test) && test.length > 1 && test[0] !== 'NONE';
}

/** `depends_on` entries as name → condition (the short list form has no condition). */
function dependsOn(service: Json): Record<string, string | undefined> {
  const deps = service['depends_on'];
  if (Array.isArray(deps)) return Object.fromEntries(deps.map((d) => [String(d), undefined]));
  return Object.fromEntries(
    Object.entries(asRecord(deps) ?? {}).map(([name, spec]) => [
      name,
      asRecord(spec)?.['condition'] as string | undefined,
    ]),
  );
}

/** Container paths of a service's volumes (short `source:target[:mode]` or long form). */
function mountTargets(service: Json): string[] {
  const volumes = service['volumes'];
  if (!Array.isArray(volumes)) return [];
  return volumes.map((v) => {
    const long = asRecord(v);
    return long ? String(long['target'] ?? '') : (String(v).split(':')[1] ?? String(v));
  });
}

/** Host-published ports of a service (`ports` entries that bind a host port). */
function publishedPorts(service: Json): string[] {
  const ports = service['ports'];
  if (!Array.isArray(ports)) return [];
  return ports
    .map((p) => {
      const long = asRecord(p);
      if (long) return long['published'] === undefined ? '' : String(long['published']);
      return String(p).includes(':') ? String(p) : '';
    })
    .filter((p) => p !== '');
}

// ---------------------------------------------------------------------------------------------
// Dockerfile
// ---------------------------------------------------------------------------------------------

interface Instruction {
  keyword: string;
  args: string;
}

interface Stage {
  image: string;
  name?: string;
  instructions: Instruction[];
}

export function parseDockerfile(text: string): Stage[] {
  const logical: string[] = [];
  let current = '';
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (current === '' && (line === '' || line.startsWith('#'))) continue;
    if (current !== '' && line.startsWith('#')) continue; // comments inside a continuation
    if (line.endsWith('\\')) {
      current += line.slice(0, -1) + ' ';
    } else {
      logical.push(current + line);
      current = '';
    }
  }
  if (current.trim() !== '') logical.push(current);

  const stages: Stage[] = [];
  for (const line of logical) {
    const match = /^(\S+)\s*([\s\S]*)$/.exec(line);
    if (!match) continue;
    const keyword = match[1].toUpperCase();
    const args = match[2].trim();
    if (keyword === 'FROM') {
      const from = /^(?:--\S+\s+)*(\S+)(?:\s+AS\s+(\S+))?/i.exec(args);
      stages.push({
        image: from?.[1] ?? '',
        name: from?.[2],
        instructions: [],
      });
    } else if (stages.length > 0) {
      stages[stages.length - 1].instructions.push({ keyword, args });
    }
  }
  return stages;
}

interface CopySpec {
  from?: string;
  sources: string[];
  destination: string;
}

function parseCopy(args: string): CopySpec {
  let rest = args;
  let from: string | undefined;
  for (let flag = /^--([a-z-]+)(?:=(\S+))?\s+/.exec(rest); flag; flag = /^--([a-z-]+)(?:=(\S+))?\s+/.exec(rest)) {
    if (flag[1] === 'from') from = flag[2];
    rest = rest.slice(flag[0].length);
  }
  const parts: string[] = rest.startsWith('[') ? JSON.parse(rest) : rest.split(/\s+/);
  return {
    from,
    sources: parts.slice(0, -1),
    destination: parts[parts.length - 1] ?? '',
  };
}

/** The words of a CMD / ENTRYPOINT / HEALTHCHECK CMD, exec (JSON) or shell form. */
function commandWords(args: string): string[] {
  const trimmed = args.trim();
  if (trimmed.startsWith('[')) {
    try {
      return (JSON.parse(trimmed) as unknown[]).map(String);
    } catch {
      return trimmed.split(/\s+/);
    }
  }
  return trimmed.split(/\s+/);
}

function instructionsOf(stage: Stage | undefined, keyword: string): Instruction[] {
  return stage?.instructions.filter((i) => i.keyword === keyword) ?? [];
}

function last<T>(items: T[]): T | undefined {
  return items[items.length - 1];
}

// ---------------------------------------------------------------------------------------------
// .dockerignore (the subset of its syntax this repository uses: globs, `**`, `!` exceptions)
// ---------------------------------------------------------------------------------------------

function globToRegExp(pattern: string): RegExp {
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '*' && pattern[i + 1] === '*') {
      source += '.*';
      i++;
      if (pattern[i + 1] === '/') i++;
    } else if (c === '*') source += '[^/]*';
    else if (c === '?') source += '[^/]';
    else source += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}

export function dockerIgnored(dockerignore: string, path: string): boolean {
  const rules = dockerignore
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'))
    .map((l) => {
      const negated = l.startsWith('!');
      const pattern = normalise((negated ? l.slice(1) : l).trim().replace(/^\//, ''));
      return { negated, regex: globToRegExp(pattern) };
    });
  const segments = normalise(path).split('/');
  // A path is excluded when it or one of its parent folders is (the last matching rule wins).
  for (let n = 1; n <= segments.length; n++) {
    const prefix = segments.slice(0, n).join('/');
    let ignored = false;
    for (const rule of rules) if (rule.regex.test(prefix)) ignored = !rule.negated;
    if (ignored) return true;
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// nginx configuration (a small block parser: directives, quoted strings, comments)
// ---------------------------------------------------------------------------------------------

interface Directive {
  name: string;
  args: string[];
  block?: Directive[];
}

export function parseNginx(text: string): Directive[] {
  const tokens: string[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (/\s/.test(c)) i++;
    else if (c === '#') while (i < text.length && text[i] !== '\n') i++;
    else if (c === '{' || c === '}' || c === ';') tokens.push(text[i++]);
    else if (c === '"' || c === "'") {
      let j = i + 1;
      let value = '';
      while (j < text.length && text[j] !== c) {
        if (text[j] === '\\') j++;
        value += text[j];
        j++;
      }
      tokens.push(value);
      i = j + 1;
    } else {
      let j = i;
      while (j < text.length && !/[\s{};]/.test(text[j])) j++;
      tokens.push(text.slice(i, j));
      i = j;
    }
  }
  let pos = 0;
  const block = (): Directive[] => {
    const out: Directive[] = [];
    while (pos < tokens.length && tokens[pos] !== '}') {
      const words: string[] = [];
      while (pos < tokens.length && !['{', ';', '}'].includes(tokens[pos])) words.push(tokens[pos++]);
      const [name = '', ...args] = words;
      if (tokens[pos] === '{') {
        pos++;
        out.push({ name, args, block: block() });
        pos++; // '}'
      } else {
        if (tokens[pos] === ';') pos++;
        if (name) out.push({ name, args });
      }
    }
    return out;
  };
  return block();
}

function findAll(directives: Directive[], name: string): Directive[] {
  return directives.flatMap((d) => [...(d.name === name ? [d] : []), ...(d.block ? findAll(d.block, name) : [])]);
}

function locationPath(location: Directive): string {
  return last(location.args) ?? '';
}

function has(block: Directive[] | undefined, name: string, ...args: string[]): boolean {
  return (block ?? []).some(
    (d) => d.name === name && args.every((a, n) => d.args[n]?.toLowerCase() === a.toLowerCase()),
  );
}

export function checkNginx(text: string, api: { service: string; port: string }): string[] {
  const problems: string[] = [];
  const conf = parseNginx(text);
  const http = findAll(conf, 'http')[0]?.block ?? conf; // also accept a conf.d-style file

  // The variable that carries "upgrade" when the client sends an Upgrade header.
  const upgradeVars = findAll(http, 'map')
    .filter((m) => m.args[0] === '$http_upgrade' && m.args[1])
    .map((m) => m.args[1]);
  if (upgradeVars.length === 0)
    problems.push('nginx: no `map $http_upgrade $connection_upgrade` for WebSocket upgrades');

  if (!findAll(http, 'resolver').some((r) => r.args.includes('127.0.0.11')))
    problems.push("nginx: `resolver 127.0.0.11` (Docker's DNS) is missing");

  const upstreams = findAll(http, 'upstream');
  const apiUpstreams = upstreams.filter((u) =>
    (u.block ?? []).some((d) => d.name === 'server' && d.args[0] === `${api.service}:${api.port}`),
  );
  if (apiUpstreams.length === 0)
    problems.push(`nginx: no upstream with \`server ${api.service}:${api.port}\` (the api service and its PORT)`);
  for (const upstream of apiUpstreams) {
    const sticky = (upstream.block ?? []).some((d) => (d.name === 'hash' && d.args.length > 0) || d.name === 'ip_hash');
    if (!sticky)
      problems.push(
        `nginx: upstream ${upstream.args[0]} is not sticky (\`hash $remote_addr consistent;\`), Socket.IO polling needs it`,
      );
  }
  const upstreamNames = apiUpstreams.map((u) => u.args[0]);

  const locations = findAll(http, 'location');
  for (const path of ['/api/', '/socket.io/']) {
    const location = locations.find((l) => locationPath(l) === path);
    if (!location) {
      problems.push(`nginx: no \`location ${path}\``);
      continue;
    }
    const block = location.block ?? [];
    const hasRegexLocations = locations.some((l) => l.args[0]?.startsWith('~'));
    if (hasRegexLocations && location.args[0] !== '^~')
      problems.push(`nginx: location ${path} should be \`^~\` so regex locations cannot capture its paths`);
    const pass = block.find((d) => d.name === 'proxy_pass')?.args[0] ?? '';
    if (!upstreamNames.some((name) => pass === `http://${name}`))
      problems.push(
        `nginx: location ${path} must \`proxy_pass http://<api upstream>;\` (no URI part, so the path is kept), found "${pass}"`,
      );
    if (!has(block, 'proxy_http_version', '1.1'))
      problems.push(`nginx: location ${path} needs \`proxy_http_version 1.1\``);
    if (!has(block, 'proxy_set_header', 'Upgrade', '$http_upgrade'))
      problems.push(`nginx: location ${path} does not pass the Upgrade header`);
    if (
      !block.some(
        (d) =>
          d.name === 'proxy_set_header' &&
          d.args[0]?.toLowerCase() === 'connection' &&
          upgradeVars.includes(d.args[1] ?? ''),
      )
    )
      problems.push(`nginx: location ${path} does not set Connection from the $http_upgrade map`);
    if (!block.some((d) => d.name === 'proxy_set_header' && d.args[0] === 'X-Forwarded-For'))
      problems.push(`nginx: location ${path} does not set X-Forwarded-For (the API runs with TRUST_PROXY=true)`);
  }

  if (!findAll(http, 'try_files').some((t) => t.args.join(' ') === '$uri $uri/ /index.html'))
    problems.push('nginx: no SPA fallback `try_files $uri $uri/ /index.html`');
  if (!findAll(http, 'client_max_body_size').some((d) => d.args[0]?.toLowerCase() === '25m'))
    problems.push('nginx: `client_max_body_size 25m` is missing');
  if (!findAll(http, 'add_header').some((d) => d.args[0] === 'X-Content-Type-Options' && d.args[1] === 'nosniff'))
    problems.push('nginx: static files lack `X-Content-Type-Options nosniff`');
  if (!text.includes('no-cache')) problems.push('nginx: index.html is not served with `Cache-Control: no-cache`');
  if (!text.includes('immutable') && !text.includes('max-age=31536000'))
    problems.push('nginx: hashed assets are not cached long-term');
  return problems;
}

// ---------------------------------------------------------------------------------------------
// Dockerfiles
// ---------------------------------------------------------------------------------------------

function checkDockerfileCopies(path: string, stages: Stage[], repo: Repo): string[] {
  const problems: string[] = [];
  const dockerignore = repo.read('.dockerignore') ?? '';
  stages.forEach((stage, index) => {
    for (const copy of [...instructionsOf(stage, 'COPY'), ...instructionsOf(stage, 'ADD')].map((i) =>
      parseCopy(i.args),
    )) {
      if (copy.from !== undefined) {
        const earlier = stages.slice(0, index).map((s) => s.name);
        if (!earlier.includes(copy.from) && !copy.from.includes(':'))
          problems.push(`${path}: COPY --from=${copy.from} names no earlier stage`);
        continue;
      }
      for (const source of copy.sources) {
        if (!repo.exists(source)) problems.push(`${path}: COPY source ${source} does not exist in the repository`);
        else if (source !== '.' && dockerIgnored(dockerignore, source))
          problems.push(`${path}: COPY source ${source} is excluded by .dockerignore`);
      }
    }
  });
  return problems;
}

function isRootUser(user: string | undefined): boolean {
  const name = (user ?? '').split(':')[0];
  return name === '' || name === 'root' || name === '0';
}

export function checkApiDockerfile(text: string | undefined, repo: Repo = diskRepo): string[] {
  if (text === undefined) return [`${API_DOCKERFILE} does not exist`];
  const problems: string[] = [];
  const stages = parseDockerfile(text);
  const runtime = last(stages);
  const runs = stages.flatMap((s) => instructionsOf(s, 'RUN')).map((r) => r.args);

  if (stages.length < 2) problems.push(`${API_DOCKERFILE}: expected a multi-stage build (build + runtime)`);
  if (!runs.some((r) => /\bnpm ci\b/.test(r)))
    problems.push(`${API_DOCKERFILE}: the build stage does not run \`npm ci\``);
  if (!runs.some((r) => /\bnx build api\b/.test(r)))
    problems.push(`${API_DOCKERFILE}: the build stage does not run \`nx build api\``);
  if (!runs.some((r) => /(^|\s)pg(@\S+)?(\s|$)/.test(r)))
    problems.push(`${API_DOCKERFILE}: \`pg\` is not added to the runtime dependencies (TypeORM loads it dynamically)`);
  if (!/^node:20-bookworm-slim\b/.test(runtime?.image ?? ''))
    problems.push(`${API_DOCKERFILE}: the runtime stage should be node:20-bookworm-slim, is ${runtime?.image}`);

  const env = instructionsOf(runtime, 'ENV')
    .map((e) => e.args)
    .join(' ');
  if (!/\bNODE_ENV[= ]production\b/.test(env))
    problems.push(`${API_DOCKERFILE}: the runtime stage does not set NODE_ENV=production`);

  const user = last(instructionsOf(runtime, 'USER'))?.args;
  if (isRootUser(user)) problems.push(`${API_DOCKERFILE}: the runtime stage must switch to a non-root USER`);

  const start = last([...instructionsOf(runtime, 'ENTRYPOINT'), ...instructionsOf(runtime, 'CMD')]);
  const words = commandWords(start?.args ?? '');
  if (!(words[0] === 'node' && words.some((w) => /(^|\/)main\.js$/.test(w))))
    problems.push(
      `${API_DOCKERFILE}: the image must start with \`node main.js\`, found ${JSON.stringify(start?.args)}`,
    );

  const healthcheck = last(instructionsOf(runtime, 'HEALTHCHECK'))?.args ?? '';
  if (!/\bCMD\b/.test(healthcheck)) problems.push(`${API_DOCKERFILE}: the runtime stage has no HEALTHCHECK`);
  else if (!healthcheck.includes('/api/health/ready'))
    problems.push(`${API_DOCKERFILE}: the HEALTHCHECK should call /api/health/ready`);
  else if (/\bcurl\b|\bwget\b/.test(healthcheck))
    problems.push(`${API_DOCKERFILE}: the HEALTHCHECK uses curl/wget, which the slim image lacks`);

  problems.push(...checkDockerfileCopies(API_DOCKERFILE, stages, repo));
  return problems;
}

export function checkWebDockerfile(text: string | undefined, repo: Repo = diskRepo): string[] {
  if (text === undefined) return [`${WEB_DOCKERFILE} does not exist`];
  const problems: string[] = [];
  const stages = parseDockerfile(text);
  const runtime = last(stages);
  const runs = stages.flatMap((s) => instructionsOf(s, 'RUN')).map((r) => r.args);

  if (!runs.some((r) => /\bnpm ci\b/.test(r)))
    problems.push(`${WEB_DOCKERFILE}: the build stage does not run \`npm ci\``);
  if (!runs.some((r) => /\bnx build web\b/.test(r)))
    problems.push(`${WEB_DOCKERFILE}: the build stage does not run \`nx build web\``);
  if (!/^nginx:/.test(runtime?.image ?? ''))
    problems.push(`${WEB_DOCKERFILE}: the runtime stage should be nginx, is ${runtime?.image}`);

  const copies = instructionsOf(runtime, 'COPY').map((c) => parseCopy(c.args));
  if (!copies.some((c) => c.from !== undefined && c.sources.some((s) => s.endsWith('dist/apps/web/browser'))))
    problems.push(`${WEB_DOCKERFILE}: the runtime stage does not copy dist/apps/web/browser from the build stage`);
  if (
    !copies.some(
      (c) =>
        c.from === undefined &&
        c.sources.includes(nginxConfPath(text) ?? '') &&
        c.destination.startsWith('/etc/nginx/'),
    )
  )
    problems.push(`${WEB_DOCKERFILE}: the runtime stage does not copy the nginx configuration into /etc/nginx/`);

  problems.push(...checkDockerfileCopies(WEB_DOCKERFILE, stages, repo));
  return problems;
}

/** The repository path of the nginx configuration the web Dockerfile copies into the image. */
function nginxConfPath(webDockerfile: string): string | undefined {
  return parseDockerfile(webDockerfile)
    .flatMap((s) => instructionsOf(s, 'COPY'))
    .map((c) => parseCopy(c.args))
    .filter((c) => c.from === undefined)
    .flatMap((c) => c.sources)
    .find((s) => s.endsWith('.conf'));
}

// ---------------------------------------------------------------------------------------------
// docker-compose.yml
// ---------------------------------------------------------------------------------------------

export function checkCompose(doc: unknown, repo: Repo = diskRepo): string[] {
  const problems: string[] = [];
  const services = asRecord(asRecord(doc)?.['services']);
  if (!services) return ['compose: no `services`'];
  const service = (name: string) => asRecord(services[name]);

  for (const name of SERVICES) if (!service(name)) problems.push(`compose: service \`${name}\` is missing`);
  for (const name of HEALTHCHECKED)
    if (service(name) && !hasHealthcheck(service(name)))
      problems.push(`compose: service \`${name}\` has no healthcheck`);
  for (const name of ['postgres', 'redis'])
    if (service(name) && publishedPorts(service(name) ?? {}).length > 0)
      problems.push(`compose: \`${name}\` publishes a host port (keep it inside the compose network)`);

  const api = service('api');
  if (api) {
    const build = asRecord(api['build']);
    if (
      normalise(String(build?.['context'] ?? '')) !== '.' ||
      normalise(String(build?.['dockerfile'] ?? '')) !== API_DOCKERFILE
    )
      problems.push(`compose: api must build with context \`.\` and dockerfile ${API_DOCKERFILE}`);
    const replicas = Number(asRecord(api['deploy'])?.['replicas'] ?? 1);
    if (!(replicas >= 2)) problems.push(`compose: api must run at least 2 replicas (deploy.replicas), has ${replicas}`);
    if (publishedPorts(api).length > 0)
      problems.push('compose: api publishes a host port, which its replicas cannot share');
    if (api['container_name'] !== undefined)
      problems.push('compose: api sets container_name, which its replicas cannot share');

    const env = environmentOf(api);
    for (const variable of ENV_VARIABLES.filter((v) => v.requiredInCompose))
      if (!(variable.name in env) || env[variable.name] === null)
        problems.push(`compose: api environment does not set ${variable.name}`);
    const known = new Set(ENV_VARIABLES.map((v) => v.name));
    for (const name of Object.keys(env))
      if (!known.has(name)) problems.push(`compose: api environment sets ${name}, which is not in ENV_VARIABLES`);

    const expectHost = (variable: string, host: string) => {
      if (hostOf(env[variable]) !== host)
        problems.push(
          `compose: ${variable} must point at the \`${host}\` service, is ${JSON.stringify(env[variable])}`,
        );
      if (!service(host)) problems.push(`compose: ${variable} points at \`${host}\`, which is not a service`);
    };
    expectHost('DATABASE_URL', 'postgres');
    expectHost('REDIS_URL', 'redis');
    expectHost('SMTP_URL', 'mailpit');
    if (interpolate(env['DEMO_DATA'] ?? '') !== 'false')
      problems.push('compose: DEMO_DATA must be false in production compose');
    if (interpolate(env['TRUST_PROXY'] ?? '') !== 'true')
      problems.push('compose: TRUST_PROXY must be true behind nginx');
    if (interpolate(env['NODE_ENV'] ?? '') !== 'production') problems.push('compose: NODE_ENV must be production');
    if (env['DATA_DIR'] !== '/data') problems.push('compose: DATA_DIR must be /data');
    else if (!mountTargets(api).includes('/data'))
      problems.push('compose: api has no volume mounted at DATA_DIR (/data)');
    for (const secret of ['JWT_ACCESS_SECRET', 'JWT_REFRESH_SECRET'])
      if (!/^\$\{[A-Z_]+:\?[^}]*\}$/.test(env[secret] ?? ''))
        problems.push(`compose: ${secret} must be a required substitution like \${${secret}:?…}, never a literal`);

    const deps = dependsOn(api);
    for (const name of ['postgres', 'redis'])
      if (deps[name] !== 'service_healthy')
        problems.push(`compose: api must depend on ${name} with condition service_healthy`);

    const port = interpolate(env['PORT'] ?? '3000');
    const healthTest = JSON.stringify(asRecord(api['healthcheck'])?.['test'] ?? '');
    if (hasHealthcheck(api) && !healthTest.includes(`127.0.0.1:${port}/api/health/`))
      problems.push(`compose: the api healthcheck should call http://127.0.0.1:${port}/api/health/…`);

    problems.push(...checkApiDockerfile(repo.read(API_DOCKERFILE), repo));

    const proxy = service('proxy');
    if (proxy) {
      const proxyBuild = asRecord(proxy['build']);
      const dockerfile = normalise(String(proxyBuild?.['dockerfile'] ?? ''));
      if (normalise(String(proxyBuild?.['context'] ?? '')) !== '.' || dockerfile !== WEB_DOCKERFILE)
        problems.push(`compose: proxy must build with context \`.\` and dockerfile ${WEB_DOCKERFILE}`);
      if (!publishedPorts(proxy).some((p) => /^(?:[\d.]+:)?8080:80$/.test(p)))
        problems.push('compose: proxy must publish 8080:80');
      if (dependsOn(proxy)['api'] !== 'service_healthy')
        problems.push('compose: proxy must wait for api (service_healthy) so nginx resolves every replica at start');

      const webDockerfile = repo.read(WEB_DOCKERFILE);
      problems.push(...checkWebDockerfile(webDockerfile, repo));
      const confPath = webDockerfile === undefined ? undefined : nginxConfPath(webDockerfile);
      const conf = confPath === undefined ? undefined : repo.read(confPath);
      if (conf === undefined) problems.push(`compose: the proxy's nginx configuration (${confPath}) cannot be read`);
      else problems.push(...checkNginx(conf, { service: 'api', port }));
    }
  }

  const dockerignore = repo.read('.dockerignore');
  if (dockerignore === undefined) problems.push('.dockerignore does not exist');
  else
    for (const path of ['node_modules', 'apps/web/node_modules', 'dist', '.git', '.env'])
      if (!dockerIgnored(dockerignore, path)) problems.push(`.dockerignore does not exclude ${path}`);

  return problems;
}

// ---------------------------------------------------------------------------------------------
// tests
// ---------------------------------------------------------------------------------------------

const composeText = readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8');
const loadCompose = () => parse(composeText) as Json;

function edit(mutate: (doc: Json) => void): Json {
  const doc = loadCompose();
  mutate(doc);
  return doc;
}

const svc = (doc: Json, name: string) => asRecord(asRecord(doc['services'])?.[name]) as Json;
const env = (doc: Json) => asRecord(svc(doc, 'api')['environment']) as Json;
const read = (path: string) => diskRepo.read(path) ?? '';

describe('docker-compose.yml and the images it builds', () => {
  it('parses as YAML', () => {
    expect(asRecord(loadCompose())).toBeDefined();
  });

  it('has no problems', () => {
    expect(checkCompose(loadCompose())).toEqual([]);
  });

  it('sets every variable marked requiredInCompose in ENV_VARIABLES', () => {
    const required = ENV_VARIABLES.filter((v) => v.requiredInCompose).map((v) => v.name);
    expect(required.length).toBeGreaterThan(0);
    expect(Object.keys(environmentOf(svc(loadCompose(), 'api')))).toEqual(expect.arrayContaining(required));
  });

  const brokenDocs: [string, (doc: Json) => void, string][] = [
    ['a service is removed', (d) => delete asRecord(d['services'])?.['redis'], 'service `redis` is missing'],
    ['the api healthcheck is removed', (d) => delete svc(d, 'api')['healthcheck'], 'service `api` has no healthcheck'],
    [
      'the postgres healthcheck is disabled',
      (d) => (svc(d, 'postgres')['healthcheck'] = { disable: true }),
      'service `postgres` has no healthcheck',
    ],
    [
      'the mailpit healthcheck is NONE',
      (d) => (svc(d, 'mailpit')['healthcheck'] = { test: ['NONE'] }),
      'service `mailpit` has no healthcheck',
    ],
    ['api runs one replica', (d) => (svc(d, 'api')['deploy'] = { replicas: 1 }), 'at least 2 replicas'],
    ['api publishes a host port', (d) => (svc(d, 'api')['ports'] = ['3000:3000']), 'api publishes a host port'],
    [
      'postgres publishes a host port',
      (d) => (svc(d, 'postgres')['ports'] = ['5432:5432']),
      '`postgres` publishes a host port',
    ],
    [
      'api builds another Dockerfile',
      (d) => (svc(d, 'api')['build'] = { context: '.', dockerfile: 'Dockerfile' }),
      'dockerfile apps/api/Dockerfile',
    ],
    ['a required variable is missing', (d) => delete env(d)['REDIS_URL'], 'does not set REDIS_URL'],
    ['an unknown variable is set', (d) => (env(d)['DATABSE_URL'] = 'x'), 'DATABSE_URL, which is not in ENV_VARIABLES'],
    [
      'DATABASE_URL points elsewhere',
      (d) => (env(d)['DATABASE_URL'] = 'postgres://kengash:pw@localhost:5432/kengash'),
      'DATABASE_URL must point at the `postgres` service',
    ],
    [
      'REDIS_URL points elsewhere',
      (d) => (env(d)['REDIS_URL'] = 'redis://cache:6379'),
      'REDIS_URL must point at the `redis` service',
    ],
    [
      'SMTP_URL points elsewhere',
      (d) => (env(d)['SMTP_URL'] = 'smtp://localhost:1025'),
      'SMTP_URL must point at the `mailpit` service',
    ],
    ['demo data is on', (d) => (env(d)['DEMO_DATA'] = 'true'), 'DEMO_DATA must be false'],
    ['TRUST_PROXY is off', (d) => (env(d)['TRUST_PROXY'] = 'false'), 'TRUST_PROXY must be true'],
    [
      'a JWT secret is a literal',
      (d) => (env(d)['JWT_ACCESS_SECRET'] = 'a'.repeat(40)),
      'JWT_ACCESS_SECRET must be a required substitution',
    ],
    ['DATA_DIR has no volume', (d) => delete svc(d, 'api')['volumes'], 'no volume mounted at DATA_DIR'],
    [
      'api waits only for redis to start',
      (d) =>
        (svc(d, 'api')['depends_on'] = {
          postgres: { condition: 'service_healthy' },
          redis: { condition: 'service_started' },
        }),
      'depend on redis with condition service_healthy',
    ],
    [
      'api depends_on in short form',
      (d) => (svc(d, 'api')['depends_on'] = ['postgres', 'redis']),
      'depend on postgres with condition service_healthy',
    ],
    ['the proxy publishes another port', (d) => (svc(d, 'proxy')['ports'] = ['80:80']), 'proxy must publish 8080:80'],
  ];

  it.each(brokenDocs)('reports it when %s', (_case, mutate, expected) => {
    const problems = checkCompose(edit(mutate));
    expect(problems.join('\n')).toContain(expected);
  });

  const conf = 'deploy/nginx/nginx.conf';
  const brokenFiles: [string, Record<string, string | null>, string][] = [
    ['the nginx config is missing', { [conf]: null }, 'nginx configuration (deploy/nginx/nginx.conf) cannot be read'],
    ['nginx loses stickiness', { [conf]: read(conf).replace(/hash \$remote_addr consistent;/, '') }, 'is not sticky'],
    [
      'nginx drops the Upgrade header',
      {
        [conf]: read(conf).replace(/proxy_set_header Upgrade \$http_upgrade;/g, ''),
      },
      'does not pass the Upgrade header',
    ],
    [
      'nginx has no /socket.io/ location',
      {
        [conf]: read(conf).replace('location ^~ /socket.io/', 'location ^~ /sockets/'),
      },
      'no `location /socket.io/`',
    ],
    [
      'nginx proxies /api/ with a URI part',
      {
        [conf]: read(conf).replace('proxy_pass http://kengash_api;', 'proxy_pass http://kengash_api/;'),
      },
      'location /api/ must `proxy_pass',
    ],
    [
      'nginx upstream points at another port',
      {
        [conf]: read(conf).replace(/^(\s*)server api:3000/m, '$1server api:8080'),
      },
      'no upstream with `server api:3000`',
    ],
    [
      'nginx has no SPA fallback',
      {
        [conf]: read(conf).replace('try_files $uri $uri/ /index.html;', 'try_files $uri =404;'),
      },
      'no SPA fallback',
    ],
    [
      'nginx has no resolver',
      { [conf]: read(conf).replace(/resolver 127\.0\.0\.11[^;]*;/, '') },
      'resolver 127.0.0.11',
    ],
    ['the api Dockerfile is missing', { [API_DOCKERFILE]: null }, `${API_DOCKERFILE} does not exist`],
    [
      'the api image runs as root',
      { [API_DOCKERFILE]: read(API_DOCKERFILE).replace(/^USER .*$/m, '') },
      'non-root USER',
    ],
    [
      'the api image runs as USER root',
      {
        [API_DOCKERFILE]: read(API_DOCKERFILE).replace(/^USER .*$/m, 'USER root'),
      },
      'non-root USER',
    ],
    [
      'the api image has no HEALTHCHECK',
      {
        [API_DOCKERFILE]: read(API_DOCKERFILE).replace(/^HEALTHCHECK[^\n]*\\\n[^\n]*$/m, ''),
      },
      'has no HEALTHCHECK',
    ],
    [
      'the api image starts something else',
      {
        [API_DOCKERFILE]: read(API_DOCKERFILE).replace('CMD ["node", "main.js"]', 'CMD ["npm", "start"]'),
      },
      'must start with `node main.js`',
    ],
    [
      'the api image forgets pg',
      {
        [API_DOCKERFILE]: read(API_DOCKERFILE).replace(/(package\.json) pg\b/, '$1'),
      },
      '`pg` is not added',
    ],
    [
      'a COPY source is missing',
      {
        'deploy/api/add-runtime-dependencies.cjs': null,
        [API_DOCKERFILE]: read(API_DOCKERFILE).replace(
          'RUN npx nx build api',
          'COPY deploy/api/add-runtime-dependencies.cjs ./\nRUN npx nx build api',
        ),
      },
      'COPY source deploy/api/add-runtime-dependencies.cjs does not exist',
    ],
    [
      'the web Dockerfile copies a missing nginx config',
      {
        [WEB_DOCKERFILE]: read(WEB_DOCKERFILE).replace(
          'COPY deploy/nginx/nginx.conf',
          'COPY deploy/nginx/missing.conf',
        ),
      },
      'COPY source deploy/nginx/missing.conf does not exist',
    ],
    [
      '.dockerignore excludes the nginx config',
      { '.dockerignore': read('.dockerignore') + '\ndeploy\n' },
      'deploy/nginx/nginx.conf is excluded by .dockerignore',
    ],
    [
      '.dockerignore lets node_modules in',
      {
        '.dockerignore': read('.dockerignore').replace(/^\*\*\/node_modules$/m, ''),
      },
      '.dockerignore does not exclude node_modules',
    ],
  ];

  it.each(brokenFiles)('reports it when %s', (_case, files, expected) => {
    // Each mutation must really change its file, or the case would prove nothing.
    for (const [path, text] of Object.entries(files)) if (text !== null) expect(text).not.toEqual(read(path));
    const problems = checkCompose(loadCompose(), overlay(files));
    expect(problems.join('\n')).toContain(expected);
  });

  it('parses the nginx config into nested blocks', () => {
    const conf = parseNginx(
      'http { map $a $b { default x; "~^/y" "z w"; } server { location ^~ /api/ { proxy_pass http://u; } } } # c',
    );
    expect(findAll(conf, 'location').map((l) => l.args)).toEqual([['^~', '/api/']]);
    expect(findAll(conf, 'map')[0].block?.[1]).toEqual({
      name: '~^/y',
      args: ['z w'],
    });
  });

  it('matches .dockerignore rules like Docker does for this repository', () => {
    const rules = '**/node_modules\ndist\n.env.*\n!.env.example\n';
    expect(dockerIgnored(rules, 'apps/web/node_modules/x')).toBe(true);
    expect(dockerIgnored(rules, 'dist/apps/api/main.js')).toBe(true);
    expect(dockerIgnored(rules, '.env.local')).toBe(true);
    expect(dockerIgnored(rules, '.env.example')).toBe(false);
    expect(dockerIgnored(rules, 'deploy/nginx/nginx.conf')).toBe(false);
  });
});
