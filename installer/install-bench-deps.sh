#!/usr/bin/env bash
# Installs what the benchmarks' baselines need beyond Debian's packages: node-casbin from the npm
# registry (the baseline of `mdp bench policy`) and nginx-light (the baseline of `mdp bench grantd`).
# Not needed to build, run or test the product.
# Usage: installer/install-bench-deps.sh [PREFIX]   (default: build/bench-node in the source tree)
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
prefix="${1:-$here/build/bench-node}"
command -v npm >/dev/null || { apt-get install -y -qq --no-install-recommends nodejs npm; }
# nginx: the baseline of `mdp bench grantd` (the bench runs its own nginx on a loopback port).
[ -x /usr/sbin/nginx ] || apt-get install -y -qq --no-install-recommends nginx-light
mkdir -p "$prefix"
if [ ! -f "$prefix/node_modules/casbin/package.json" ]; then
  npm install --prefix "$prefix" --no-audit --no-fund --silent casbin@5.51.1
fi
echo "install-bench-deps: casbin $(node -p "require('$prefix/node_modules/casbin/package.json').version") in $prefix"
