import { DocumentError } from "../errors.ts";

const decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });

/** Text formats must be UTF-8; anything else is reported rather than turned into mojibake. */
export function decodeUtf8(bytes: Uint8Array): string {
  try {
    return decoder.decode(bytes);
  } catch {
    throw new DocumentError("The file is not valid UTF-8 text");
  }
}
