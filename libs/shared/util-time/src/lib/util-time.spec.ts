import { utilTime } from './util-time';

describe('utilTime', () => {
  it('should work', () => {
    expect(utilTime()).toEqual('util-time');
  });
});
