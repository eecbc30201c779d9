#!/usr/bin/env bash
# Builds the solution and runs the whole system through the Aspire AppHost; the dashboard is http://127.0.0.1:18888.
# Ctrl+C (or SIGTERM) stops everything. Arguments go to the AppHost, e.g. ./run.sh --AppHost:GatewayPort=9080
set -euo pipefail
cd "$(dirname "$0")"
source eng/prerequisites.sh
ensure_prerequisites

dotnet build ClosetConnect.sln --configuration Debug --nologo --verbosity quiet
export DOTNET_ENVIRONMENT="${DOTNET_ENVIRONMENT:-Development}"
# From its project folder, as `dotnet run --project AppHost` would (its appsettings live there). exec: the AppHost
# becomes this process, so signals reach it directly and DCP watches this very PID.
cd AppHost
exec dotnet bin/Debug/net10.0/AppHost.dll "$@"
