#!/usr/bin/env bash
# Runs the whole test suite (unit and integration); the integration tests start real MariaDB, RabbitMQ and Redis.
set -euo pipefail
cd "$(dirname "$0")"
source eng/prerequisites.sh
ensure_prerequisites

dotnet test ClosetConnect.sln --configuration Debug --nologo "$@"
