#!/usr/bin/env bash
# Installs every Debian 12 package that building, running and testing MDP needs.
# Idempotent: packages already present are left as they are. Run as root.
set -euo pipefail

packages=(
  # toolchain
  build-essential cmake ninja-build ccache pkg-config git clang-format
  # Qt 6
  qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
  qt6-svg-dev libqt6svg6 qt6-translations-l10n
  qt6-pdf-dev libqt6pdf6 libqt6pdfwidgets6
  # crypto and storage
  libgcrypt20-dev libssl-dev libsqlcipher-dev sqlcipher libp11-kit-dev
  # patient search: pinyin table source (Unihan) and the sqlite3 FTS5 benchmark baseline
  unicode-data sqlite3
  # PKCS#11 token for the root key in tests
  softhsm2 opensc
  # DICOM de-identification (DCMTK) and its benchmark baseline (gdcmanon)
  dcmtk libdcmtk-dev libgdcm-tools
  # mdp-grantd: Boost.Beast/Asio (header-only), PostgreSQL 15 for the multi-instance store and its tests,
  # testssl.sh to check the TLS configuration
  libboost-dev postgresql libpq-dev testssl.sh
  # the server package's test (cpack needs file; the health check uses curl)
  curl file
  # the OpenSSL command line: s_client/s_time/verify in the TLS and PKI tests and the handshake benchmark
  openssl
  # systemd-analyze checks the server's hardened unit (nothing is started)
  systemd
  # GUI tests and screenshots under Xvfb, Chinese glyphs
  xvfb xauth libgl1-mesa-dri fonts-noto-cjk
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done

if ((${#missing[@]})); then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
echo "install-deps: all ${#packages[@]} packages present"
