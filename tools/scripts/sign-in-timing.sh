#!/usr/bin/env bash
# Measures how long a sign-in with a wrong password takes for an address that has an account and for one that
# does not, so the two can be compared (they should be about the same: see docs/operations.md, Security notes).
# Starts the portal (Release build, demo data, a throwaway data folder) on a loopback port, sends TRIES wrong
# passwords for each kind of address in turn, and prints the median and 90th percentile in milliseconds.
#   usage: bash tools/scripts/sign-in-timing.sh [TRIES]   (default 50; build first: dotnet build -c Release)
set -euo pipefail
TRIES="${1:-50}"
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
PORT=5077
BASE="http://127.0.0.1:$PORT"
WORK="$(mktemp -d)"
trap 'kill "$PORTAL" 2>/dev/null || true; rm -rf "$WORK"' EXIT

# The rate limits are raised so the measurement is not refused part-way.
dotnet "$ROOT/src/CopPortal.Web/bin/Release/net10.0/CopPortal.Web.dll" --demo --urls "$BASE" \
  --contentRoot "$ROOT/src/CopPortal.Web" --DataDirectory "$WORK/data" \
  --RateLimits:SignInPerClientPerMinute 100000 --RateLimits:SignInPerAddressPerMinute 100000 \
  --Mail:DispatcherEnabled false >"$WORK/portal.log" 2>&1 &
PORTAL=$!
for _ in $(seq 1 120); do curl -fs "$BASE/health" >/dev/null 2>&1 && break; sleep 0.5; done

# One POST of the sign-in form with a fresh antiforgery token; prints the POST's time in ms.
post() {
  local jar="$WORK/jar" token
  rm -f "$jar"
  token="$(curl -fs -c "$jar" "$BASE/account/sign-in" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | sed 's/.*value="//; s/"$//')"
  curl -s -o /dev/null -b "$jar" -w '%{time_total}\n' --data-urlencode "Input.Email=$1" --data-urlencode "Input.Password=$2" \
    --data-urlencode "__RequestVerificationToken=$token" "$BASE/account/sign-in" | awk '{ printf "%.1f\n", $1 * 1000 }'
}

# Warm up both paths, untimed.
for i in 1 2 3; do post member@demo.nhs.uk "wrong password $i" >/dev/null; post "warm$i@nhs.net" "wrong password" >/dev/null; done
post member@demo.nhs.uk CopPortal-demo-2026 >/dev/null

: >"$WORK/known"; : >"$WORK/unknown"
for i in $(seq 1 "$TRIES"); do
  post member@demo.nhs.uk "wrong password $i" >>"$WORK/known"
  post "nobody-$i@nhs.net" "wrong password $i" >>"$WORK/unknown"
  # Five wrong passwords pause an address for a client; a right one now and then resets the count (untimed).
  if (( i % 4 == 0 )); then post member@demo.nhs.uk CopPortal-demo-2026 >/dev/null; fi
done

summary() { sort -n "$1" | awk -v name="$2" '{ v[NR] = $1 } END { printf "%-28s median %6.1f ms, p90 %6.1f ms (%d tries)\n", name, v[int((NR + 1) / 2)], v[int(NR * 0.9)], NR }'; }
summary "$WORK/known" "existing account, wrong pw:"
summary "$WORK/unknown" "no such account:"
