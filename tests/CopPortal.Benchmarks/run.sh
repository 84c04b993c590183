#!/usr/bin/env bash
# The benchmark command (README): publishes the portal in Release, generates the network at scale, and
# drives the pages with wrk on loopback. Arguments pass through, e.g. --scale 0.1, --compare-10x, --duration 20, --mail, --generate-only.
set -euo pipefail
cd "$(dirname "$0")/../.."
# --mail measures mail throughput (10,000 queued messages to a loopback SMTP sink; --mail-count N) and needs no wrk,
# nor does --generate-only (generates and checks the data, measures no pages).
if [[ " $* " != *" --mail "* && " $* " != *" --generate-only "* ]] && ! command -v wrk >/dev/null; then
  if [ "$(id -u)" -ne 0 ]; then echo "Install wrk first: sudo apt-get install -y wrk" >&2; exit 1; fi
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
fi
dotnet publish src/CopPortal.Web/CopPortal.Web.csproj -c Release -o artifacts/bench/portal -nologo -v quiet
dotnet run -c Release --project tests/CopPortal.Benchmarks -- --portal artifacts/bench/portal/CopPortal.Web.dll --work artifacts/bench "$@"
