// Last line of defence for logs: whatever a library puts in an error message, a serialized log line
// never carries a JWT, an sb_secret_/sb_publishable_ key or one of the configured secret values.

const JWT_LIKE = /eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*/g;
const SUPABASE_KEY = /sb_(?:secret|publishable)_[A-Za-z0-9_-]+/g;

export function createLineScrubber(secrets: readonly string[]): (line: string) => string {
  const exact = secrets.filter((s) => s.length >= 8);
  return (line) => {
    let out = line.replace(JWT_LIKE, "[redacted-jwt]").replace(SUPABASE_KEY, "[redacted-key]");
    for (const secret of exact) {
      if (out.includes(secret)) out = out.split(secret).join("[redacted]");
    }
    return out;
  };
}
