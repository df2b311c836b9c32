/** Sizes written the Kubernetes way (`50Gi`, `1.5G`, `500M`, `1e9`) and the Prometheus way (`50GB`, base 2). */

const KUBERNETES_QUANTITY = /^([+-]?(?:\d+(?:\.\d*)?|\.\d+))(?:(Ki|Mi|Gi|Ti|Pi|Ei|m|k|M|G|T|P|E)|[eE]([+-]?\d+))?$/;
const BINARY: Record<string, number> = { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60 };
const DECIMAL: Record<string, number> = { m: 1e-3, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18 };

/** Bytes of a Kubernetes resource quantity; undefined when it is not one. */
export function quantityBytes(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const match = KUBERNETES_QUANTITY.exec(value.trim());
  if (!match) return undefined;
  const [, number, suffix, exponent] = match;
  const scale = suffix ? (BINARY[suffix] ?? DECIMAL[suffix]!) : exponent ? 10 ** Number(exponent) : 1;
  return Number(number) * scale;
}

/**
 * A quantity's exact value, the same text for every way of writing it (`1Gi` and `1024Mi`, `0.5` and
 * `500m`, `1` and `"1"`): the API server keeps quantities in one canonical form. Undefined when the
 * value is not a quantity.
 */
export function quantityValue(value: unknown): string | undefined {
  const text = typeof value === 'number' ? (Number.isFinite(value) ? String(value) : '') : typeof value === 'string' ? value.trim() : '';
  const match = KUBERNETES_QUANTITY.exec(text);
  if (!match) return undefined;
  const [, number, suffix, exponent] = match;
  const [whole, fraction = ''] = number!.replace(/^\+/, '').split('.');
  let digits = BigInt(`${whole || '0'}${fraction}`.replace(/^-/, '') || '0');
  let power = -fraction.length + (suffix && DECIMAL[suffix] ? Math.round(Math.log10(DECIMAL[suffix])) : 0) + (exponent ? Number(exponent) : 0);
  if (suffix && BINARY[suffix]) digits *= BigInt(BINARY[suffix]);
  if (digits === 0n) return '0';
  while (digits % 10n === 0n) {
    digits /= 10n;
    power += 1;
  }
  return `${whole!.startsWith('-') ? '-' : ''}${digits}e${power}`;
}

/** Prometheus' `--storage.tsdb.retention.size`: B, KB, MB… (also KiB, MiB…), all powers of 2. */
const PROMETHEUS_SIZE = /^(\d+(?:\.\d+)?|\.\d+)(?:([KMGTPE])i?)?B$/;
const PROMETHEUS_UNITS = ['', 'K', 'M', 'G', 'T', 'P', 'E'];

export function prometheusSizeBytes(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const match = PROMETHEUS_SIZE.exec(value.trim());
  if (!match) return value.trim() === '0' ? 0 : undefined;
  return Number(match[1]) * 2 ** (10 * PROMETHEUS_UNITS.indexOf(match[2] ?? ''));
}

/** `46GB` — the largest whole Prometheus size not above `bytes`. */
export function prometheusSize(bytes: number): string {
  for (let power = PROMETHEUS_UNITS.length - 1; power > 0; power--) {
    const amount = Math.floor(bytes / 2 ** (10 * power));
    if (amount >= 1) return `${amount}${PROMETHEUS_UNITS[power]}B`;
  }
  return `${Math.floor(bytes)}B`;
}
