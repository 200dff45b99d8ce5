import { PasswordService } from './password.service';

describe('PasswordService', () => {
  const sut = new PasswordService();

  it('hashes with argon2id at the OWASP minimum and verifies', async () => {
    const hash = await sut.hash('Samarkand-registan-1420');
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,p=1,t=2\$/);
    await expect(sut.verify(hash, 'Samarkand-registan-1420')).resolves.toBe(true);
    await expect(sut.verify(hash, 'samarkand-registan-1420')).resolves.toBe(false);
    await expect(sut.verify(null, 'anything')).resolves.toBe(false);
    expect(sut.needsRehash(hash)).toBe(false);
  });

  it('asks for a re-hash when the stored parameters are weaker than today’s', async () => {
    const argon2 = await import('argon2');
    const weak = await argon2.hash('x-long-enough-password', {
      type: argon2.argon2id,
      memoryCost: 8192,
      timeCost: 1,
      parallelism: 1,
    });
    expect(sut.needsRehash(weak)).toBe(true);
  });

  it.each([
    ['short', 'Sh0rt!pass', /at least 12/],
    ['common', 'password1234', /most common/],
    ['common in other letters', 'PASSWORD1234', /most common/],
    ['containing the e-mail name', 'xx-madina.abd-2024', /e-mail/],
  ])('refuses a %s password', (_name, password, message) => {
    expect(sut.problems(password, { email: 'madina.abd@example.org' }).join(' ')).toMatch(message);
  });

  it('accepts a long uncommon password', () => {
    expect(sut.problems('Dushanbe-spring-rains-33', { email: 'x@example.org' })).toEqual([]);
  });
});
