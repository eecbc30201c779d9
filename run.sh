#!/usr/bin/env bash
# Builds the solution and runs every service with its servers through the AppHost.
# Ctrl+C (or SIGTERM/SIGHUP) stops everything. Arguments go to the AppHost, e.g. ./run.sh --AppHost:GatewayPort=9080
set -euo pipefail
cd "$(dirname "$0")"
source eng/prerequisites.sh
ensure_prerequisites

dotnet build ClosetConnect.sln --configuration Debug --nologo --verbosity quiet
# exec: the AppHost becomes this process, so signals reach it directly.
exec dotnet AppHost/bin/Debug/net10.0/AppHost.dll "$@"
