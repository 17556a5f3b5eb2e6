import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";

export interface SqlFile {
  name: string;
  path: string;
  sql: string;
}

/** Every `*.sql` file of a folder, in file-name order (a missing folder has none). */
export async function readSqlFiles(dir: string): Promise<SqlFile[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
  const sqlNames = names.filter((n) => n.endsWith(".sql")).sort();
  return Promise.all(
    sqlNames.map(async (name) => {
      const path = join(dir, name);
      return { name, path, sql: await readFile(path, "utf8") };
    }),
  );
}
