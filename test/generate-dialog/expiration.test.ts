import { expect } from '@open-wc/testing';
import {
  allowedPresets,
  customDateBounds,
  expiryMoment,
  parseDateInputValue,
  preferredPreset,
  toDateInputValue,
} from '../../src/generate-dialog/expiration.js';

describe('expiration policy', () => {
  it('keeps whole-day presets within the maximum lifetime, sorted and unique', () => {
    expect(allowedPresets([90, 7, 30, 60, 30], undefined)).to.deep.equal([7, 30, 60, 90]);
    expect(allowedPresets([7, 30, 60, 90], 45)).to.deep.equal([7, 30]);
    expect(allowedPresets([0, -3, 1.5, 14], undefined)).to.deep.equal([14]);
  });

  it('offers the maximum itself when no preset fits under it, and ignores an unusable maximum', () => {
    expect(allowedPresets([7, 30], 5)).to.deep.equal([5]);
    expect(allowedPresets([7, 30], Number.NaN)).to.deep.equal([7, 30]);
    expect(allowedPresets([7, 30], 0)).to.deep.equal([7, 30]);
  });

  it('prefers 30 days, else the nearest allowed preset (the shorter on a tie)', () => {
    expect(preferredPreset([7, 30, 60])).to.equal(30);
    expect(preferredPreset([7, 14])).to.equal(14);
    expect(preferredPreset([20, 40])).to.equal(20);
    expect(preferredPreset([])).to.equal(undefined);
  });

  it('computes the expiry moment as the server does: now plus whole days', () => {
    const now = new Date('2026-11-26T12:34:56Z');
    expect(expiryMoment(now, 30).toISOString()).to.equal('2026-12-26T12:34:56.000Z');
  });

  it('bounds the custom date from tomorrow to today plus the maximum lifetime', () => {
    const now = new Date(2026, 10, 26, 15, 0);
    const { min, max } = customDateBounds(now, 45);
    expect(toDateInputValue(min)).to.equal('2026-11-27');
    expect(toDateInputValue(max!)).to.equal('2027-01-10');
    expect(customDateBounds(now, undefined).max).to.equal(undefined);
  });

  it('parses date input values as local dates and rejects impossible ones', () => {
    const date = parseDateInputValue('2027-01-15')!;
    expect([date.getFullYear(), date.getMonth(), date.getDate(), date.getHours()]).to.deep.equal([2027, 0, 15, 0]);
    expect(parseDateInputValue('2027-02-30')).to.equal(undefined);
    expect(parseDateInputValue('')).to.equal(undefined);
    expect(parseDateInputValue('15/01/2027')).to.equal(undefined);
  });
});
