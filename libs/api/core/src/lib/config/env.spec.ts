import { ConfigError, ENV_VARIABLES, envSchema, parseEnv } from './env';

describe('parseEnv', () => {
  it('applies the documented defaults to an empty environment', () => {
    const env = parseEnv({});
    expect(env.PORT).toBe(3000);
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.DEMO_DATA).toBe(true);
    expect(env.CORS_ORIGINS).toEqual([]);
  });

  it.each([
    ['PORT', 'abc', /PORT must be a whole number \(got "abc"\)/],
    ['PORT', '70000', /PORT must be at most 65535/],
    ['DATABASE_URL', 'mysql://x', /DATABASE_URL must be a URL starting with postgres:/],
    ['DEMO_DATA', 'maybe', /DEMO_DATA must be true or false/],
    ['CORS_ORIGINS', 'https://ok.example,not a url', /CORS_ORIGINS/],
    ['LOG_LEVEL', 'loud', /LOG_LEVEL/],
    ['ATTACHMENT_MAX_BYTES', '20MB', /ATTACHMENT_MAX_BYTES must be a whole number \(got "20MB"\)/],
    ['S3_BUCKET', 'My_Bucket', /S3_BUCKET must be a bucket name/],
    ['S3_ENDPOINT', 'ftp://storage.example', /S3_ENDPOINT must be a URL starting with http:/],
    ['CLAMAV_PORT', '0', /CLAMAV_PORT must be at least 1/],
    ['NETWORK_PURGE_REJECTED_AFTER_DAYS', '0', /NETWORK_PURGE_REJECTED_AFTER_DAYS must be at least 1/],
  ])('rejects %s=%s with a one-line message naming it', (name, value, expected) => {
    let caught: unknown;
    try {
      parseEnv({ [name]: value });
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    const message = (caught as ConfigError).message;
    expect(message).toMatch(expected);
    expect(message).not.toContain('\n');
    expect((caught as ConfigError).variable).toBe(name);
  });

  it('never echoes a secret value in the message', () => {
    expect(() => parseEnv({ JWT_ACCESS_SECRET: 'short-secret' })).toThrow(
      /^Invalid configuration: JWT_ACCESS_SECRET must be at least 32 characters$/,
    );
  });

  it('defaults attachments to 20 MB, no S3 and no scanning', () => {
    const env = parseEnv({});
    expect(env.ATTACHMENT_MAX_BYTES).toBe(20 * 1024 * 1024);
    expect(env.S3_BUCKET).toBeUndefined();
    expect(env.CLAMAV_HOST).toBeUndefined();
    expect(env.CLAMAV_PORT).toBe(3310);
  });

  it('needs the S3 bucket and both keys together, without echoing the keys', () => {
    expect(() => parseEnv({ S3_BUCKET: 'kengash', S3_ACCESS_KEY: 'AKIAEXAMPLE' })).toThrow(
      /^Invalid configuration: S3_SECRET_KEY must be set when S3_BUCKET and S3_ACCESS_KEY are set$/,
    );
    expect(() => parseEnv({ S3_ENDPOINT: 'http://127.0.0.1:9000' })).toThrow(/S3_BUCKET must be set when S3_ENDPOINT/);
    const env = parseEnv({
      S3_BUCKET: 'kengash',
      S3_ACCESS_KEY: 'a',
      S3_SECRET_KEY: 'b',
      S3_FORCE_PATH_STYLE: 'false',
    });
    expect(env.S3_FORCE_PATH_STYLE).toBe(false);
  });

  it('documents exactly the variables it validates', () => {
    expect(ENV_VARIABLES.map((v) => v.name).sort()).toEqual(Object.keys(envSchema.shape).sort());
  });
});
