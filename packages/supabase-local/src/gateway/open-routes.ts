// Paths a browser or another server reaches without an `apikey`: the redirect targets of e-mail
// links and OAuth (open in the CLI's Kong config), the JWKS that backends fetch to verify tokens,
// and public or signed Storage URLs (used directly in <img src> and downloads).
const OPEN_AUTH_PATHS = new Set(["/verify", "/callback", "/authorize", "/.well-known/jwks.json"]);

const OPEN_STORAGE_PREFIXES = [
  "/object/public/",
  "/object/sign/",
  "/object/upload/sign/",
  "/render/image/public/",
  "/render/image/sign/",
];

export function isOpenRoute(service: string, path: string): boolean {
  if (service === "auth") return OPEN_AUTH_PATHS.has(path);
  if (service === "storage") return OPEN_STORAGE_PREFIXES.some((p) => path.startsWith(p));
  return false;
}
