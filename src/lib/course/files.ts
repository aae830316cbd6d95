/** A learner's files, path → text. */
export type Files = Record<string, string>;

/** The same paths with the same texts: nothing to save, nothing to share. */
export const sameFiles = (a: Files, b: Files): boolean => Object.keys(a).length === Object.keys(b).length && Object.entries(a).every(([k, v]) => b[k] === v);
