#!/usr/bin/env bash
# Adds one migration, with the same name, for each database provider (SQLite, PostgreSQL, SQL Server):
#   tools/scripts/add-migration.sh <MigrationName>
# Remove the last one again with: tools/scripts/add-migration.sh --remove
# No database server is needed: each migrations project has a design-time factory that only fixes the provider.
set -euo pipefail
cd "$(dirname "$0")/../.."

if [ $# -ne 1 ] || [ -z "$1" ]; then
  echo "Usage: $0 <MigrationName>   (or: $0 --remove, to remove the last migration of each provider)" >&2
  exit 2
fi

dotnet tool restore >/dev/null
projects=(src/CopPortal.Migrations.Sqlite src/CopPortal.Migrations.Postgres src/CopPortal.Migrations.SqlServer)
# One build of all three first; dotnet ef then runs without building each again.
for project in "${projects[@]}"; do
  dotnet build "$project" -nologo -v quiet
done
for project in "${projects[@]}"; do
  if [ "$1" = "--remove" ]; then
    # --force: do not ask a database whether it was applied (the design-time connection strings reach none).
    dotnet ef migrations remove --force --no-build --project "$project" --startup-project "$project"
  else
    dotnet ef migrations add "$1" --no-build --project "$project" --startup-project "$project" --output-dir Migrations
  fi
done
