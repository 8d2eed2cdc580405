const UNITS: Record<string, number> = { s: 1000, m: 60_000, h: 3600_000, d: 86_400_000 };

/** A duration such as `90s`, `15m`, `1h`, `2d` in ms; `undefined` for anything else. */
export function parseDuration(text: string): number | undefined {
  const match = /^(\d{1,6})([smhd])$/.exec(text.trim());
  if (!match || Number(match[1]) === 0) return undefined;
  return Number(match[1]) * UNITS[match[2]!]!;
}

/** `ms` in the largest unit that divides it, as the flags write it: `365d`, `36h`, `90s`. */
export function formatDuration(ms: number): string {
  const [unit, size] = Object.entries(UNITS).reverse().find(([, size]) => ms % size === 0) ?? ['s', 1000];
  return `${ms / size}${unit}`;
}
