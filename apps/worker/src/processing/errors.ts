// A failure caused by the document itself (wrong type, corrupt, empty, too big). Retrying cannot
// help, so tasks fail such jobs at once, and the message is written for the person who uploaded it.
export class DocumentError extends Error {
  override name = "DocumentError";
}
