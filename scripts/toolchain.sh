# Sourced by ./docket and .ci/run: puts Node >= 22.18 and pnpm on PATH without touching the
# machine's global Node. When the installed Node is older, Node 24 comes from the npm registry into
# the git-ignored .tools/ folder.
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
NODE_DIR="$REPO_ROOT/.tools/node24"
PNPM_DIR="$REPO_ROOT/.tools/pnpm"

node_is_recent() {
  command -v node >/dev/null 2>&1 &&
    node -e 'const [a,b]=process.versions.node.split(".").map(Number);process.exit(a>22||(a===22&&b>=18)?0:1)'
}

ensure_node() {
  if [ -x "$NODE_DIR/node_modules/.bin/node" ]; then
    export PATH="$NODE_DIR/node_modules/.bin:$PATH"
  fi
  if ! node_is_recent; then
    echo "› Node $(node --version 2>/dev/null || echo none) is older than 22.18: installing Node 24 into .tools/"
    npm install --silent --no-audit --no-fund --prefix "$NODE_DIR" node@24 >/dev/null
    export PATH="$NODE_DIR/node_modules/.bin:$PATH"
  fi
}

ensure_pnpm() {
  if [ -x "$PNPM_DIR/bin/pnpm" ]; then
    export PATH="$PNPM_DIR/bin:$PATH"
  fi
  if ! command -v pnpm >/dev/null 2>&1; then
    echo "› installing pnpm"
    npm install --silent --no-audit --no-fund -g pnpm >/dev/null 2>&1 ||
      npm install --silent --no-audit --no-fund --prefix "$PNPM_DIR" -g pnpm >/dev/null
    export PATH="$PNPM_DIR/bin:$PATH"
  fi
}

ensure_deps() {
  (cd "$REPO_ROOT" && pnpm install --frozen-lockfile --reporter=append-only)
}

# Browser tests drive Debian's Chromium (Playwright's own browser download cannot work offline).
ensure_chromium() {
  if command -v chromium >/dev/null 2>&1; then return; fi
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "› installing Debian's chromium for the browser tests"
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "✖ the browser tests need Chromium: install it (Debian: sudo apt-get install chromium)" >&2
    exit 1
  fi
}
