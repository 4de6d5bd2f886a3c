/** How the lab writes numbers: integers as they are, others with a few significant decimals. */
export function fmt(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  if (Object.is(v, -0) || v === 0) return '0';
  if (Number.isInteger(v)) return String(v);
  const a = Math.abs(v);
  if (a >= 1000) return trim(v.toFixed(1));
  if (a >= 1) return trim(v.toFixed(3));
  if (a >= 0.001) return trim(v.toFixed(4));
  return v.toExponential(2);
}

function trim(s: string): string {
  return s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s;
}

/** Short form for dense grids (heat-map windows): at most 3 decimals, tiny values as 2e-4. */
export function fmtShort(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  if (v === 0) return '0';
  if (Number.isInteger(v)) return String(v);
  const a = Math.abs(v);
  if (a >= 100) return trim(v.toFixed(0));
  if (a >= 10) return trim(v.toFixed(1));
  if (a >= 0.0005) return trim(v.toFixed(3));
  return v.toExponential(0);
}
