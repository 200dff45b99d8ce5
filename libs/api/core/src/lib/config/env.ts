import { z } from 'zod';

/**
 * Every environment variable Kengash reads, with its default and meaning.
 * This table is the single source for validation, `.env.example`, the README table
 * and the docker-compose test.
 */
export interface EnvVariable {
  name: string;
  default: string;
  description: string;
  /** Must be set explicitly for the API service in docker-compose (production). */
  requiredInCompose: boolean;
}

export const ENV_VARIABLES: readonly EnvVariable[] = [
  { name: 'NODE_ENV', default: 'production', description: 'production | development | test', requiredInCompose: true },
  {
    name: 'PORT',
    default: '3000',
    description: 'HTTP port of the API, the web app and Socket.IO',
    requiredInCompose: true,
  },
  { name: 'HOST', default: '0.0.0.0', description: 'Interface to listen on', requiredInCompose: false },
  {
    name: 'PUBLIC_URL',
    default: 'http://localhost:3000',
    description: 'Address people use to reach Kengash (links in e-mails; https enables HSTS)',
    requiredInCompose: true,
  },
  {
    name: 'DATABASE_URL',
    default: '',
    description: 'PostgreSQL URL; empty starts an embedded PostgreSQL under DATA_DIR',
    requiredInCompose: true,
  },
  {
    name: 'DATA_DIR',
    default: './.kengash',
    description: 'Folder for the embedded database, generated secrets and attachments stored on local disk',
    requiredInCompose: true,
  },
  {
    name: 'REDIS_URL',
    default: '',
    description: 'Redis URL; set it to run several API instances (Socket.IO adapter); empty = single instance',
    requiredInCompose: true,
  },
  {
    name: 'SMTP_URL',
    default: '',
    description: 'SMTP relay URL for outgoing mail; empty = in-process catcher',
    requiredInCompose: true,
  },
  {
    name: 'MAIL_FROM',
    default: 'Kengash <no-reply@kengash.local>',
    description: 'Sender address of outgoing mail',
    requiredInCompose: false,
  },
  {
    name: 'JWT_ACCESS_SECRET',
    default: '',
    description: 'Secret for access tokens (≥ 32 chars); empty = generated into DATA_DIR on first start',
    requiredInCompose: true,
  },
  {
    name: 'JWT_REFRESH_SECRET',
    default: '',
    description: 'Secret for refresh tokens (≥ 32 chars); empty = generated into DATA_DIR on first start',
    requiredInCompose: true,
  },
  {
    name: 'DATA_ENCRYPTION_KEY',
    default: '',
    description:
      'Key (≥ 32 chars) encrypting stored secrets such as TOTP seeds; empty = generated into DATA_DIR on first start',
    requiredInCompose: true,
  },
  {
    name: 'OIDC_ISSUER_URL',
    default: '',
    description: 'OpenID Connect issuer for single sign-on (authorization code + PKCE); empty = SSO off',
    requiredInCompose: false,
  },
  {
    name: 'OIDC_CLIENT_ID',
    default: '',
    description: 'Client id registered at the OIDC issuer',
    requiredInCompose: false,
  },
  {
    name: 'OIDC_CLIENT_SECRET',
    default: '',
    description: 'Client secret registered at the OIDC issuer',
    requiredInCompose: false,
  },
  {
    name: 'OIDC_DISPLAY_NAME',
    default: 'Single sign-on',
    description: 'Label of the sign-in button for the OIDC provider',
    requiredInCompose: false,
  },
  {
    name: 'DEMO_DATA',
    default: 'true',
    description: 'Load the demo council on first start (true for npm start, false in production compose)',
    requiredInCompose: true,
  },
  {
    name: 'LOG_LEVEL',
    default: 'info',
    description: 'fatal | error | warn | info | debug | trace | silent',
    requiredInCompose: true,
  },
  {
    name: 'CORS_ORIGINS',
    default: '',
    description: 'Comma-separated origins allowed to call the API from a browser; empty = same origin only',
    requiredInCompose: true,
  },
  {
    name: 'TRUST_PROXY',
    default: 'false',
    description: 'true when behind a reverse proxy (nginx) so client IPs come from X-Forwarded-For',
    requiredInCompose: true,
  },
  {
    name: 'WEB_DIST',
    default: '',
    description: 'Folder of the built Angular app to serve; empty = dist/apps/web/browser next to the API build',
    requiredInCompose: false,
  },
  {
    name: 'LIVE_EVENTS_PER_SECOND',
    default: '15',
    description: 'Live meetings: events one person may send per second (sustained); excess gets a RATE_LIMITED ack',
    requiredInCompose: false,
  },
  {
    name: 'LIVE_EVENTS_BURST',
    default: '40',
    description: 'Live meetings: events one person may send in a burst above the sustained rate',
    requiredInCompose: false,
  },
  {
    name: 'SHUTDOWN_TIMEOUT_MS',
    default: '10000',
    description: 'How long SIGTERM waits for in-flight requests before closing',
    requiredInCompose: false,
  },
  {
    name: 'ACTION_REMINDER_INTERVAL_SECONDS',
    default: '900',
    description: 'How often action items are checked for due and overdue reminders to their owners (seconds)',
    requiredInCompose: false,
  },
  {
    name: 'ATTACHMENT_MAX_BYTES',
    default: '20971520',
    description:
      'Best-practice library: largest attachment accepted, in bytes (20 MB); bigger uploads get 413 (nginx: client_max_body_size)',
    requiredInCompose: false,
  },
  {
    name: 'NETWORK_PURGE_REJECTED_AFTER_DAYS',
    default: '365',
    description:
      'Practitioners’ network: rejected applications are deleted this many days after the decision (a daily job)',
    requiredInCompose: false,
  },
  {
    name: 'S3_BUCKET',
    default: '',
    description:
      'Attachments: S3 bucket to store them in (with S3_ACCESS_KEY and S3_SECRET_KEY); empty = local disk under DATA_DIR/attachments',
    requiredInCompose: false,
  },
  {
    name: 'S3_ENDPOINT',
    default: '',
    description: 'Attachments: URL of the S3-compatible service (MinIO, Ceph, …); empty = AWS S3 of S3_REGION',
    requiredInCompose: false,
  },
  {
    name: 'S3_REGION',
    default: 'us-east-1',
    description: 'Attachments: region of the S3 bucket',
    requiredInCompose: false,
  },
  {
    name: 'S3_ACCESS_KEY',
    default: '',
    description: 'Attachments: access key id for the S3 bucket',
    requiredInCompose: false,
  },
  {
    name: 'S3_SECRET_KEY',
    default: '',
    description: 'Attachments: secret access key for the S3 bucket',
    requiredInCompose: false,
  },
  {
    name: 'S3_FORCE_PATH_STYLE',
    default: 'true',
    description:
      'Attachments: address the bucket as <endpoint>/<bucket> (most S3-compatible services) rather than <bucket>.<endpoint>',
    requiredInCompose: false,
  },
  {
    name: 'CLAMAV_HOST',
    default: '',
    description:
      'Attachments: clamd host scanning every upload (TCP INSTREAM) before it is stored; empty = uploads are not scanned',
    requiredInCompose: false,
  },
  {
    name: 'CLAMAV_PORT',
    default: '3310',
    description: 'Attachments: clamd TCP port',
    requiredInCompose: false,
  },
  {
    name: 'CLAMAV_TIMEOUT_MS',
    default: '30000',
    description: 'Attachments: how long a scan may take before the upload is refused with 503',
    requiredInCompose: false,
  },
];

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'must be true or false' })
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const url = (protocols: string[]) =>
  z.string().refine(
    (v) => {
      try {
        return protocols.includes(new URL(v).protocol);
      } catch {
        return false;
      }
    },
    { message: `must be a URL starting with ${protocols.map((p) => p + '//').join(' or ')}` },
  );

const optional = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === '' ? undefined : v), schema.optional());

const int = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, { message: 'must be a whole number' })
    .transform(Number)
    .pipe(
      z
        .number()
        .int()
        .min(min, { message: `must be at least ${min}` })
        .max(max, { message: `must be at most ${max}` }),
    );

export const envSchema = z.object({
  NODE_ENV: z.enum(['production', 'development', 'test']).default('production'),
  PORT: int(0, 65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  PUBLIC_URL: url(['http:', 'https:']).default('http://localhost:3000'),
  DATABASE_URL: optional(url(['postgres:', 'postgresql:'])),
  DATA_DIR: z.string().min(1).default('./.kengash'),
  REDIS_URL: optional(url(['redis:', 'rediss:'])),
  SMTP_URL: optional(url(['smtp:', 'smtps:'])),
  MAIL_FROM: z.string().min(3).default('Kengash <no-reply@kengash.local>'),
  JWT_ACCESS_SECRET: optional(z.string().min(32, { message: 'must be at least 32 characters' })),
  JWT_REFRESH_SECRET: optional(z.string().min(32, { message: 'must be at least 32 characters' })),
  DATA_ENCRYPTION_KEY: optional(z.string().min(32, { message: 'must be at least 32 characters' })),
  OIDC_ISSUER_URL: optional(url(['http:', 'https:'])),
  OIDC_CLIENT_ID: optional(z.string().min(1)),
  OIDC_CLIENT_SECRET: optional(z.string().min(1)),
  OIDC_DISPLAY_NAME: z.string().min(1).default('Single sign-on'),
  DEMO_DATA: bool.default(true),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  CORS_ORIGINS: z
    .string()
    .default('')
    .transform((v) =>
      v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    )
    .pipe(z.array(url(['http:', 'https:']))),
  TRUST_PROXY: bool.default(false),
  WEB_DIST: optional(z.string()),
  LIVE_EVENTS_PER_SECOND: int(1, 10000).default(15),
  LIVE_EVENTS_BURST: int(1, 100000).default(40),
  SHUTDOWN_TIMEOUT_MS: int(0, 600000).default(10000),
  ACTION_REMINDER_INTERVAL_SECONDS: int(1, 86400).default(900),
  ATTACHMENT_MAX_BYTES: int(1, 1_073_741_824).default(20_971_520),
  NETWORK_PURGE_REJECTED_AFTER_DAYS: int(1, 36500).default(365),
  S3_BUCKET: optional(
    z
      .string()
      .regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, { message: 'must be a bucket name (3-63 of a-z, 0-9, dot, dash)' }),
  ),
  S3_ENDPOINT: optional(url(['http:', 'https:'])),
  S3_REGION: z
    .string()
    .regex(/^[a-z0-9-]{2,40}$/, { message: 'must be a region name such as us-east-1' })
    .default('us-east-1'),
  S3_ACCESS_KEY: optional(z.string().min(1)),
  S3_SECRET_KEY: optional(z.string().min(1)),
  S3_FORCE_PATH_STYLE: bool.default(true),
  CLAMAV_HOST: optional(z.string().regex(/^[A-Za-z0-9.:[\]_-]{1,253}$/, { message: 'must be a host name or address' })),
  CLAMAV_PORT: int(1, 65535).default(3310),
  CLAMAV_TIMEOUT_MS: int(100, 600_000).default(30_000),
});

export type Env = z.infer<typeof envSchema>;

/**
 * Cross-field rules: SSO needs its issuer, client id and secret together; S3 storage needs its bucket and both
 * keys together (an endpoint alone means nothing).
 */
function checkTogether(env: Env): void {
  const groups = [
    ['OIDC_ISSUER_URL', 'OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET'],
    ['S3_BUCKET', 'S3_ACCESS_KEY', 'S3_SECRET_KEY'],
  ] as const;
  for (const group of groups) {
    const set = group.filter((k) => env[k] !== undefined);
    if (set.length > 0 && set.length < group.length) {
      const missing = group.find((k) => env[k] === undefined) as string;
      throw new ConfigError(missing, `must be set when ${set.join(' and ')} ${set.length > 1 ? 'are' : 'is'} set`);
    }
  }
  if (env.S3_ENDPOINT !== undefined && env.S3_BUCKET === undefined)
    throw new ConfigError('S3_BUCKET', 'must be set when S3_ENDPOINT is set');
}

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    detail: string,
  ) {
    super(`Invalid configuration: ${variable} ${detail}`);
    this.name = 'ConfigError';
  }
}

/**
 * Validates the environment. Throws a `ConfigError` whose one-line message names the
 * first bad variable, e.g. `Invalid configuration: PORT must be a whole number (got "abc")`.
 */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const known = Object.fromEntries(ENV_VARIABLES.map((v) => [v.name, source[v.name]]));
  const result = envSchema.safeParse(known);
  if (!result.success) {
    const issue = result.error.issues[0];
    const variable = String(issue.path[0] ?? 'environment');
    const raw = source[variable];
    const shown = raw === undefined || /SECRET|PASSWORD|KEY/.test(variable) ? '' : ` (got ${JSON.stringify(raw)})`;
    throw new ConfigError(variable, `${issue.message}${shown}`);
  }
  checkTogether(result.data);
  return result.data;
}
