// The FastAPI baseline needs Debian's python3-fastapi, python3-uvicorn, python3-jwt (and httpx for
// its Data API call). Installed with apt-get when running as root; otherwise the baseline is skipped.
import { spawnSync } from "node:child_process";

export const PYTHON = "/usr/bin/python3";
const PACKAGES = ["python3-fastapi", "python3-uvicorn", "python3-jwt", "python3-httpx"];

function importable(): boolean {
  const probe = spawnSync(PYTHON, ["-c", "import fastapi, uvicorn, jwt, httpx"], {
    stdio: "ignore",
  });
  return probe.status === 0;
}

/** True when the baseline can run; prints why not otherwise. */
export function ensurePythonBaseline(): boolean {
  if (importable()) return true;
  if (process.getuid?.() !== 0) {
    console.log(
      `FastAPI baseline skipped: install ${PACKAGES.join(" ")} (apt-get, as root) to compare.`,
    );
    return false;
  }
  console.log(`installing ${PACKAGES.join(" ")} with apt-get…`);
  const install = spawnSync("apt-get", ["install", "-y", "-q", ...PACKAGES], {
    stdio: ["ignore", "ignore", "inherit"],
    timeout: 300_000,
  });
  if (install.status === 0 && importable()) return true;
  console.log("FastAPI baseline skipped: apt-get could not install the packages.");
  return false;
}
