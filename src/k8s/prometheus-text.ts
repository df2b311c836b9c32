/** One sample of the Prometheus text format: `name{labels} value`. */
export interface Sample {
  name: string;
  labels: string;
  value: number;
}

export function parseSamples(text: string | undefined): Sample[] {
  const samples: Sample[] = [];
  for (const line of (text ?? '').split('\n')) {
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{[^}]*\})?\s+(\S+)/.exec(line);
    if (!match) continue;
    const value = Number(match[3]);
    if (!Number.isNaN(value)) samples.push({ name: match[1]!, labels: match[2] ?? '', value });
  }
  return samples;
}
