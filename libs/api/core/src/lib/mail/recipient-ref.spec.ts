import { createHash } from 'node:crypto';
import { recipientRef } from './mail.service';

describe('recipientRef (how a mail recipient appears in the logs)', () => {
  it('keeps the domain and a short hash, never the address', () => {
    const ref = recipientRef('Kamola.Ismoilova@Example.org');
    expect(ref).toMatch(/^[0-9a-f]{12}@example\.org$/);
    expect(ref).not.toContain('kamola');
    expect(ref).not.toContain('ismoilova');
  });

  it('lets an operator match a given address: the same address (any case, spaces) gives the same reference', () => {
    const expected = createHash('sha256').update('kamola.ismoilova@example.org').digest('hex').slice(0, 12);
    expect(recipientRef(' kamola.ismoilova@example.org ')).toBe(`${expected}@example.org`);
    expect(recipientRef('KAMOLA.ISMOILOVA@EXAMPLE.ORG')).toBe(`${expected}@example.org`);
    expect(recipientRef('someone.else@example.org')).not.toBe(`${expected}@example.org`);
  });

  it('copes with something that is not an address', () => {
    expect(recipientRef('not-an-address')).toMatch(/^[0-9a-f]{12}@\?$/);
  });
});
