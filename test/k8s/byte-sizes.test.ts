import { describe, expect, it } from 'vitest';
import { prometheusSize, prometheusSizeBytes, quantityBytes, quantityValue } from '../../src/k8s/byte-sizes.js';

describe('quantityBytes', () => {
  it('reads binary and decimal suffixes', () => {
    expect(quantityBytes('50Gi')).toBe(50 * 2 ** 30);
    expect(quantityBytes('1.5G')).toBe(1.5e9);
    expect(quantityBytes('500M')).toBe(5e8);
    expect(quantityBytes('128974848')).toBe(128974848);
    expect(quantityBytes(1024)).toBe(1024);
  });

  it('reads exponents', () => {
    expect(quantityBytes('129e6')).toBe(129e6);
    expect(quantityBytes('1E3')).toBe(1000);
  });

  it('refuses what is not a quantity', () => {
    for (const value of ['50GB', '10 Gi', 'Gi', '${SIZE}', '', undefined, null, {}]) expect(quantityBytes(value)).toBeUndefined();
  });
});

describe('quantityValue', () => {
  it('is the same for every way of writing one amount', () => {
    const alike = [['1Gi', '1024Mi', '1073741824', 1073741824], ['0.5', '500m', '.5', '5e-1'], ['1', 1, '1000m', '+1'], ['1k', '1000', '1e3', '1E3'], ['1.5Gi', '1536Mi'], ['0', '0Gi', 0]];
    for (const group of alike) expect(new Set(group.map(quantityValue)).size, String(group)).toBe(1);
  });

  it('tells different amounts apart, exactly', () => {
    expect(quantityValue('10Gi')).not.toBe(quantityValue('10G'));
    expect(quantityValue('-1')).not.toBe(quantityValue('1'));
    expect(quantityValue('300m')).not.toBe(quantityValue('0.30000000000000004'));
  });

  it('refuses what is not a quantity', () => {
    for (const value of ['50GB', '10 Gi', 'Gi', '', undefined, null, {}, Number.NaN]) expect(quantityValue(value)).toBeUndefined();
  });
});

describe('prometheusSizeBytes', () => {
  it('reads units as powers of 2, with or without i', () => {
    expect(prometheusSizeBytes('50GB')).toBe(50 * 2 ** 30);
    expect(prometheusSizeBytes('40GiB')).toBe(40 * 2 ** 30);
    expect(prometheusSizeBytes('512MB')).toBe(512 * 2 ** 20);
    expect(prometheusSizeBytes('1024B')).toBe(1024);
    expect(prometheusSizeBytes('0')).toBe(0);
  });

  it('refuses Kubernetes quantities and placeholders', () => {
    for (const value of ['50Gi', '50G', '50', '${RETENTION}', 50]) expect(prometheusSizeBytes(value)).toBeUndefined();
  });
});

describe('prometheusSize', () => {
  it('rounds down to the largest whole unit', () => {
    expect(prometheusSize(46.75 * 2 ** 30)).toBe('46GB');
    expect(prometheusSize(0.85 * 2 ** 30)).toBe('870MB');
    expect(prometheusSize(512)).toBe('512B');
  });
});
