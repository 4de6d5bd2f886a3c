/**
 * Step numbers ↔ output positions. The labs walk the outputs map by map (filter by filter), each
 * map row by row: step n is map ⌊n / (rows·cols)⌋, then row and column within it.
 */

export interface GridPosition {
  /** The output map (filter); 0 when there is one. */
  readonly map: number;
  readonly row: number;
  readonly col: number;
}

/** The output position of step `index` in maps of rows × cols. */
export function positionAt(index: number, rows: number, cols: number): GridPosition {
  const perMap = Math.max(1, rows * cols);
  const within = index % perMap;
  const width = Math.max(1, cols);
  return { map: Math.floor(index / perMap), row: Math.floor(within / width), col: within % width };
}

/** The step that shows output (map, row, col) in maps of rows × cols. */
export function stepOf(p: GridPosition, rows: number, cols: number): number {
  return p.map * rows * cols + p.row * cols + p.col;
}

/** Output maps as [map][row][col], from an output written [row][col][map] as Keras writes it. */
export function mapsOf(output: readonly (readonly (readonly number[])[])[], maps: number): number[][][] {
  return Array.from({ length: maps }, (_, k) => output.map((row) => row.map((v) => v[k]!)));
}
