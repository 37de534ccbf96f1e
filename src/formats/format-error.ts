/**
 * Why a file cannot be read as an article. Readers are pure and know nothing of HTTP; the import
 * service turns each problem into the status a person gets (415 for the wrong kind of file, 413
 * for too much, 400 for the rest). The message is written for the editor and shown as is.
 */
export type FormatProblem =
  /** Not the kind of file its name says, or a kind Retouche does not read. */
  | 'wrong-type'
  /** The right kind of file, but broken: a cut-off zip, XML that does not parse. */
  | 'corrupt'
  /** Well-formed, but refused on purpose: a DTD or entity declarations in XML. */
  | 'unsafe'
  /** Larger than Retouche reads once unpacked. */
  | 'too-large'
  /** Read fine, but with no article text in it. */
  | 'empty';

export class FormatError extends Error {
  constructor(readonly problem: FormatProblem, message: string) {
    super(message);
    this.name = 'FormatError';
  }
}
