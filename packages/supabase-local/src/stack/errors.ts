/** A start-up failure the user can act on: its message is one line, printed as is by the CLI. */
export class StartError extends Error {
  override name = "StartError";
}
