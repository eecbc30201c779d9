#!/usr/bin/env bash
# Times `backup` and `restore` on a closetdb of 10,000 items (with two colours each), inserted straight into MariaDB.
# Runs the real CLI: the AppHost in the background on a private state directory, `backup` against it while it runs,
# then the data directory is deleted and `restore` rebuilds it; the item count is checked afterwards.
# Usage: eng/benchmark-backup.sh [items]    (builds first; needs the machine packages of run.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
source eng/prerequisites.sh
ensure_prerequisites

ITEMS="${1:-10000}"
STATE="$(mktemp -d /tmp/closetconnect-bench-XXXXXX)"
APPHOST=(dotnet AppHost/bin/Release/net10.0/AppHost.dll)
SETTINGS=(--AppHost:StateDirectory="$STATE" --AppHost:GatewayPort=18480 --AppHost:DashboardEnabled=false --AppHost:ResourceLogsToConsole=false)
APPHOST_PID=""
cleanup() {
  if [ -n "$APPHOST_PID" ]; then kill -TERM "$APPHOST_PID" 2>/dev/null || true; wait "$APPHOST_PID" 2>/dev/null || true; fi
  rm -rf "$STATE"
}
trap cleanup EXIT

dotnet build AppHost --configuration Release --nologo --verbosity quiet

start_apphost() {
  "${APPHOST[@]}" run "${SETTINGS[@]}" >"$STATE/apphost.out" 2>&1 &
  APPHOST_PID=$!
  for _ in $(seq 1 180); do
    if curl -fsS http://127.0.0.1:18480/api/v1/health >/dev/null 2>&1; then return 0; fi
    sleep 1
  done
  echo "The AppHost did not become healthy; see $STATE/apphost.out" >&2
  exit 1
}
stop_apphost() { kill -TERM "$APPHOST_PID"; wait "$APPHOST_PID" || true; APPHOST_PID=""; }

sql() {
  local port password
  port="$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["mariadb"]["tcp"])' "$STATE/run/endpoints.json")"
  password="$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["mariadb-password"])' "$STATE/parameters.json")"
  MYSQL_PWD="$password" mariadb --no-defaults --host=127.0.0.1 --port="$port" --user=root --batch --skip-column-names closetdb -e "$1"
}

start_apphost
sql "INSERT INTO Items (Id, UserId, Name, Category, CategoryChosenByOwner, Brand, Size, Season, Tags, Status, ImageKey, ImageContentType, CreatedAt, UpdatedAt)
     SELECT UUID(), '00000000-0000-0000-0000-000000000001', CONCAT('Benchmark item ', seq), 'top', 0, 'Brand', 'M', 'summer', 'cotton,casual',
            'Ready', CONCAT('items/', seq, '/original.png'), 'image/png', UTC_TIMESTAMP(6), UTC_TIMESTAMP(6)
     FROM seq_1_to_${ITEMS};
     INSERT INTO ItemColors (ItemId, \`Rank\`, Hex, Name, Share) SELECT Id, 0, '#1f2a44', 'navy', 0.7 FROM Items;
     INSERT INTO ItemColors (ItemId, \`Rank\`, Hex, Name, Share) SELECT Id, 1, '#f5f5f0', 'white', 0.3 FROM Items;"
BEFORE="$(sql 'SELECT COUNT(*) FROM Items')"

BACKUP_START=$(date +%s.%N)
"${APPHOST[@]}" backup "${SETTINGS[@]}" | tee "$STATE/backup.out"
BACKUP_SECONDS=$(echo "$(date +%s.%N) - $BACKUP_START" | bc)
ARCHIVE="$(sed -n 's/^Backup written: //p' "$STATE/backup.out")"

stop_apphost
rm -rf "$STATE/data" "$STATE/blobs"

RESTORE_START=$(date +%s.%N)
"${APPHOST[@]}" restore "$ARCHIVE" "${SETTINGS[@]}"
RESTORE_SECONDS=$(echo "$(date +%s.%N) - $RESTORE_START" | bc)

start_apphost
AFTER="$(sql 'SELECT COUNT(*) FROM Items')"
stop_apphost

echo "items before: $BEFORE, after restore: $AFTER"
echo "archive: $(du -h "$ARCHIVE" | cut -f1) $(basename "$ARCHIVE")"
printf 'backup: %.1f s, restore: %.1f s (each includes starting the CLI%s)\n' "$BACKUP_SECONDS" "$RESTORE_SECONDS" ", and MariaDB for restore"
[ "$BEFORE" = "$AFTER" ]
