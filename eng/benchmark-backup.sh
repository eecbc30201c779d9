#!/usr/bin/env bash
# Times the AppHost's `backup` and `restore` steps on a closetdb of 10,000 items (with two colours each), inserted
# straight into MariaDB. Runs the real CLI: the AppHost in the background on a private state directory, `backup`
# against it while it runs, then the data directory is deleted and `restore` rebuilds it; the item count is checked
# afterwards. Usage: eng/benchmark-backup.sh [items]    (builds first; needs the machine packages of run.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
source eng/prerequisites.sh
ensure_prerequisites

ITEMS="${1:-10000}"
STATE="$(mktemp -d /tmp/closetconnect-bench-XXXXXX)"
APPHOST=(dotnet bin/Release/net10.0/AppHost.dll)
SETTINGS=(--AppHost:StateDirectory="$STATE" --DcpPublisher:RandomizePorts=true)
APPHOST_PID=""
cleanup() {
  if [ -n "$APPHOST_PID" ]; then kill -TERM "$APPHOST_PID" 2>/dev/null || true; wait "$APPHOST_PID" 2>/dev/null || true; fi
  rm -rf "$STATE"
}
trap cleanup EXIT

dotnet build ClosetConnect.sln --configuration Release --nologo --verbosity quiet
cd AppHost
export DOTNET_ENVIRONMENT=Development

# Up when closetdb has its tables (Closet.Api migrated them); the dashboard stays on its own ports.
start_apphost() {
  "${APPHOST[@]}" "${SETTINGS[@]}" --ASPNETCORE_URLS=http://127.0.0.1:18490 --ASPIRE_DASHBOARD_OTLP_HTTP_ENDPOINT_URL=http://127.0.0.1:18491 \
    >"$STATE/apphost.out" 2>&1 &
  APPHOST_PID=$!
  for _ in $(seq 1 180); do
    if sql 'SELECT 1 FROM Items LIMIT 1' >/dev/null 2>&1; then return 0; fi
    sleep 1
  done
  echo "closetdb did not get its tables; see $STATE/apphost.out" >&2
  exit 1
}
stop_apphost() { kill -TERM "$APPHOST_PID"; wait "$APPHOST_PID" || true; APPHOST_PID=""; }
step() { "${APPHOST[@]}" --operation publish --step "$@" "${SETTINGS[@]}"; }

# The server's socket as the user who runs it (the superuser mariadb-install-db made): no password needed.
sql() {
  mariadb --no-defaults --socket="$STATE/data/mariadb/mariadb.sock" --user="$(id -un)" --batch --skip-column-names closetdb -e "$1"
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
step backup | tee "$STATE/backup.out"
BACKUP_SECONDS=$(echo "$(date +%s.%N) - $BACKUP_START" | bc)
ARCHIVE="$(ls "$STATE"/backups/*.tar.gz)"

stop_apphost
rm -rf "$STATE/data" "$STATE/blobs"

RESTORE_START=$(date +%s.%N)
step restore --AppHost:Backup:Archive="$ARCHIVE"
RESTORE_SECONDS=$(echo "$(date +%s.%N) - $RESTORE_START" | bc)

start_apphost
AFTER="$(sql 'SELECT COUNT(*) FROM Items')"
stop_apphost

echo "items before: $BEFORE, after restore: $AFTER"
echo "archive: $(du -h "$ARCHIVE" | cut -f1) $(basename "$ARCHIVE")"
printf 'backup: %.1f s, restore: %.1f s (each includes starting the AppHost CLI%s)\n' "$BACKUP_SECONDS" "$RESTORE_SECONDS" ", and MariaDB for restore"
[ "$BEFORE" = "$AFTER" ]
