#!/usr/bin/env bash
# Runs every test: domain rules, pages over HTTP on SQLite and on a real PostgreSQL server, and browser
# journeys in Chromium with axe-core. Installs what the tests need from Debian when it is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
command -v pdftotext >/dev/null || need+=(poppler-utils)
fc-list 2>/dev/null | grep -qi liberation || need+=(fonts-liberation)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "Missing Debian packages: ${need[*]} (run: sudo apt-get install -y ${need[*]})" >&2
    exit 1
  fi
  echo "Installing ${need[*]} from Debian..."
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi
# The Debian package starts a cluster we do not use; the tests start their own server.
if [ "$(id -u)" -eq 0 ] && command -v pg_lsclusters >/dev/null && pg_lsclusters -h 2>/dev/null | grep -q online; then
  pg_ctlcluster --force "$(pg_lsclusters -h | awk 'NR==1{print $1}')" main stop >/dev/null 2>&1 || true
fi

# Test hosts, Chromium and PostgreSQL together can exceed the default of 128 inotify instances per user.
if [ "$(id -u)" -eq 0 ] && [ "$(cat /proc/sys/fs/inotify/max_user_instances 2>/dev/null || echo 1024)" -lt 1024 ]; then
  sysctl -qw fs.inotify.max_user_instances=1024 || true
fi

# A full disk shows up as odd build or test-host failures; say up front how much room there is.
echo "Free space for temporary files: $(df -h --output=avail "${TMPDIR:-/tmp}" | tail -1 | tr -d ' ')"

dotnet build CopPortal.sln -c Release -warnaserror -nologo -v quiet

results=$(mktemp -d)
run() {
  local name=$1; shift
  echo "=== $name"
  dotnet test "$@" -c Release --no-build --nologo --logger "trx;LogFileName=$name.trx" --results-directory "$results" || status=1
  # A test host that dies leaves no results file; that is a failure, not a smaller total.
  if [ ! -f "$results/$name.trx" ]; then
    echo "No test results from $name" >&2
    status=1
  fi
}
status=0
run domain tests/CopPortal.Domain.Tests
run web-sqlite tests/CopPortal.Web.Tests
COPPORTAL_TEST_DATABASE=Postgres run web-postgres tests/CopPortal.Web.Tests
run browser tests/CopPortal.BrowserTests

# One closing line across all runs, in the plain "N passed, N failed" form.
if python3 - "$results" <<'PY'
import glob, sys, xml.etree.ElementTree as ET
passed = failed = skipped = 0
unreadable = []
for f in sorted(glob.glob(sys.argv[1] + "/*.trx")):
    try:
        c = ET.parse(f).getroot().find(".//{*}Counters")
    except ET.ParseError:
        # A results file cut short (a full disk, a killed host) is a failed suite, not a crash here.
        unreadable.append(f.rsplit("/", 1)[-1])
        continue
    passed += int(c.get("passed")); failed += int(c.get("failed")) + int(c.get("error")) + int(c.get("timeout"))
    skipped += int(c.get("notExecuted"))
print(f"{passed} passed, {failed} failed, {skipped} skipped")
if unreadable:
    print("Unreadable results (counted as failed suites): " + ", ".join(unreadable))
    sys.exit(1)
PY
then :; else status=1; fi
rm -rf "$results"
exit $status
