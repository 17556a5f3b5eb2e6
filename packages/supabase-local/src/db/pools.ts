import pg from "pg";

export interface Pools {
  admin: pg.Pool;
  authenticator: pg.Pool;
}

/** The superuser pool and the `authenticator` pool (same server and database, other login). */
export function createPools(adminUrl: string, authenticatorPassword: string): Pools {
  const url = new URL(adminUrl);
  url.username = "authenticator";
  url.password = authenticatorPassword;
  const admin = new pg.Pool({ connectionString: adminUrl, max: 10 });
  const authenticator = new pg.Pool({ connectionString: url.toString(), max: 20 });
  // An idle client losing its connection (server stopped) must not crash the process.
  admin.on("error", () => undefined);
  authenticator.on("error", () => undefined);
  return { admin, authenticator };
}
