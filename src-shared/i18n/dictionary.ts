/**
 * The shape of every dictionary: English is the source, typed as a const object, and every
 * other language must give each of its keys (a missing key fails the type-check; the
 * dictionary test checks placeholders and emptiness at run time).
 */

/** A message whose wording depends on a count (English "1 layer" / "2 layers"); Korean uses `other`. */
export interface PluralMessage {
  /** The variable that decides the form. */
  readonly count: string;
  readonly one?: string;
  readonly other: string;
}

/** A sentence with "{name}" placeholders, or a plural message. */
export type Message = string | PluralMessage;

/** An English dictionary: keys to messages. */
export type Dictionary = Readonly<Record<string, Message>>;

/** Another language's dictionary: exactly the English keys. */
export type Translation<D extends Dictionary> = { readonly [K in keyof D]: Message };

/** The values a message may be filled with. */
export type Vars = Readonly<Record<string, string | number>>;
