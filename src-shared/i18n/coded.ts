/**
 * A sentence as data: a code from a domain's union and the values its wording is filled with.
 * src-shared returns these; the renderer and the CLI word them with the dictionaries.
 */

/** The values of a coded message: names and counts, never words of a sentence. */
export type CodedValues = Readonly<Record<string, string | number>>;

/** One coded message per code of `V` (a map from each code to the type of its values). */
export type Coded<V extends { readonly [code: string]: CodedValues }> = {
  readonly [C in keyof V & string]: { readonly code: C; readonly values: V[C] };
}[keyof V & string];

/** The values of a code that takes none. */
export type NoValues = Readonly<Record<string, never>>;
