import { describe, expect, it } from 'vitest';
import { cccdPrefix, checkCccd } from './cccd.ts';

describe('checkCccd', () => {
  it('accepts a Hà Nội number for a man born in 1985', () => {
    expect(checkCccd('001085012345', { gender: 'male', birthYear: 1985 })).toBeNull();
  });
  it('rejects anything but 12 digits', () => {
    expect(checkCccd('00108501234')).toBe('format');
    expect(checkCccd('00108501234a')).toBe('format');
  });
  it('rejects an unknown province code', () => {
    expect(checkCccd('003085012345')).toBe('province');
    expect(checkCccd('099085012345')).toBe('province');
  });
  it('checks the gender/century digit and the birth year digits', () => {
    expect(checkCccd('001185012345', { gender: 'male', birthYear: 1985 })).toBe('gender_century');
    expect(checkCccd('001201012345', { gender: 'male', birthYear: 2001 })).toBeNull();
    expect(checkCccd('001001012345', { gender: 'male', birthYear: 2001 })).toBe('gender_century');
    expect(checkCccd('001086012345', { gender: 'male', birthYear: 1985 })).toBe('gender_century');
  });
  it('builds prefixes that pass the check', () => {
    expect(checkCccd(`${cccdPrefix('079', 'female', 2002)}123456`, { gender: 'female', birthYear: 2002 })).toBeNull();
  });
});
