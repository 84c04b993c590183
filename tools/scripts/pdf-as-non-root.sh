#!/usr/bin/env bash
# Proves the container's PDF set-up without Docker: publish the portal as the Dockerfile does, set the same
# permissions (root-owned, read-only to others, Playwright's driver executable), run it as an unprivileged
# user and download a PDF. Needs root (to switch user), Chromium at /usr/bin/chromium and curl.
#   bash tools/scripts/pdf-as-non-root.sh            # with the Dockerfile's chmod: expect a PDF
#   bash tools/scripts/pdf-as-non-root.sh --no-fix   # publish's own modes: expect the printable-page fallback
set -euo pipefail
fix=true
[[ "${1:-}" == "--no-fix" ]] && fix=false
root="$(cd "$(dirname "$0")/../.." && pwd)"
work="$(mktemp -d /tmp/copportal-nonroot-XXXXXX)"
chmod 755 "$work"   # mktemp makes it 0700: the unprivileged user must reach the app inside
app="$work/app"
data="$work/data"
port="${PORT:-18089}"
user="${PORTAL_USER:-nobody}"

dotnet publish "$root/src/CopPortal.Web/CopPortal.Web.csproj" -c Release -r linux-x64 --self-contained true -o "$app" -nologo -v quiet
chown -R root:root "$app"
echo "driver as published: $(stat -c '%A %U' "$app"/.playwright/node/linux-x64/node)"
if $fix; then
  # The same two lines as the Dockerfile.
  chmod -R a+rX,go-w "$app"
  find "$app/.playwright" -type f \( -name node -o -name '*.sh' \) -exec chmod 0755 {} +
else
  chmod -R go-w "$app"
fi
echo "driver as run:       $(stat -c '%A %U' "$app"/.playwright/node/linux-x64/node)"
mkdir -p "$data" && chown "$user" "$data"
# The Chromium profile goes under HOME; nobody's home (/nonexistent) is not writable.
cd "$app"   # the content root: appsettings.json and wwwroot are beside the binary
runuser -u "$user" -- env HOME="$data" DataDirectory="$data" ASPNETCORE_URLS="http://127.0.0.1:$port" Demo=true PublicBaseUrl="http://127.0.0.1:$port" \
  "$app/CopPortal.Web" >"$work/portal.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 1 180); do
  curl -fsS "http://127.0.0.1:$port/health/live" >/dev/null 2>&1 && break
  kill -0 $pid 2>/dev/null || { echo "the portal stopped:"; tail -20 "$work/portal.log"; exit 1; }
  sleep 1
done
url="http://127.0.0.1:$port/communities/psychological-practitioners/terms.pdf"
status="$(curl -sS -o "$work/terms.pdf" -w '%{http_code} %{content_type} %{redirect_url}' "$url")"
echo "GET terms.pdf as $user -> $status"
if [[ "$status" == 200\ application/pdf* ]] && head -c 5 "$work/terms.pdf" | grep -q '%PDF-'; then
  echo "PDF rendered as $user: $(stat -c %s "$work/terms.pdf") bytes"
else
  grep "\"LogLevel\":\"Error\"" "$work/portal.log" | head -3 | cut -c1-1200 || true
  echo "no PDF (the printable-page fallback was offered)"
  $fix && exit 1
fi
