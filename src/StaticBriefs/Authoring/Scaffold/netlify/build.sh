#!/usr/bin/env bash
# Netlify's build command: the .NET SDK (restored from the build cache when present), the tool, then the site.
set -euo pipefail
base_url="${1:?usage: netlify/build.sh BASE_URL}"
export DOTNET_ROOT="$HOME/.dotnet" PATH="$HOME/.dotnet:$HOME/.dotnet/tools:$PATH"
if ! dotnet --list-sdks 2>/dev/null | grep -q '^10\.'; then
  curl -sSL https://dot.net/v1/dotnet-install.sh -o /tmp/dotnet-install.sh
  bash /tmp/dotnet-install.sh --channel 10.0 --install-dir "$HOME/.dotnet"
fi
dotnet tool restore
dotnet tool run staticbriefs build --base-url "${base_url%/}/"
