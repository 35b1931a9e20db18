import { describe, expect, it } from 'vitest';
import { isMaskedNationalId, maskBirthDate, maskNationalId, maskPersonalFields } from './personal-data.ts';

describe('personal data masks', () => {
  it('keeps the province code and the last three digits of a CCCD, and the year of a birth date', () => {
    expect(maskNationalId('001085012960')).toBe('001******960');
    expect(isMaskedNationalId(maskNationalId('001085012960'))).toBe(true);
    expect(isMaskedNationalId('001085012960')).toBe(false);
    expect(maskBirthDate('1975-04-30')).toBe('1975');
    expect(maskBirthDate(null)).toBeNull();
  });

  it('never shows a short value whole', () => {
    expect(maskNationalId('12345')).toBe('*****');
  });

  it('masks CCCD and birth date anywhere in an audit entry, and nothing else', () => {
    const entry = { nationalId: '001085012960', fullName: 'An', rows: [{ birthDate: '1990-01-02', nationalId: null }], count: 3 };
    expect(maskPersonalFields(entry)).toEqual({ nationalId: '001******960', fullName: 'An', rows: [{ birthDate: '1990', nationalId: null }], count: 3 });
    expect(maskPersonalFields(null)).toBeNull();
  });
});
