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

  it('documents exactly the variables it validates', () => {
    expect(ENV_VARIABLES.map((v) => v.name).sort()).toEqual(Object.keys(envSchema.shape).sort());
  });
});
