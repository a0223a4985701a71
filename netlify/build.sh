#!/usr/bin/env bash
# Netlify's build command for this repository: the .NET SDK (restored from the build cache when present), then the
# sample site built from source with the deploy's own URL.
set -euo pipefail
base_url="${1:?usage: netlify/build.sh BASE_URL}"
export DOTNET_ROOT="$HOME/.dotnet" PATH="$HOME/.dotnet:$PATH"
if ! dotnet --list-sdks 2>/dev/null | grep -q '^10\.'; then
  curl -sSL https://dot.net/v1/dotnet-install.sh -o /tmp/dotnet-install.sh
  bash /tmp/dotnet-install.sh --channel 10.0 --install-dir "$HOME/.dotnet"
fi
dotnet run --project src/StaticBriefs -c Release -- build --base-url "${base_url%/}/"
