#!/usr/bin/env bash
# The machine packages the AppHost runs as Aspire executables: MariaDB, RabbitMQ (with Erlang's epmd) and Redis.
# Sourced by run.sh and test.sh. As root it installs what is missing; otherwise it prints the command and fails.
set -euo pipefail

missing_packages() {
  local missing=()
  { command -v mariadbd || [ -x /usr/sbin/mariadbd ]; } >/dev/null 2>&1 || missing+=(mariadb-server)
  [ -x /usr/bin/mariadb-install-db ] || command -v mariadb-install-db >/dev/null 2>&1 || missing+=(mariadb-server)
  [ -x /usr/lib/rabbitmq/bin/rabbitmq-server ] || missing+=(rabbitmq-server)
  command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
  printf '%s\n' "${missing[@]}" | sort -u | tr '\n' ' '
}

ensure_prerequisites() {
  if ! command -v dotnet >/dev/null 2>&1; then
    echo "dotnet was not found: install the .NET 10 SDK first." >&2
    return 1
  fi
  local packages
  packages="$(missing_packages)"
  packages="${packages% }"
  [ -z "$packages" ] && return 0

  # policy-rc.d exiting 101 stops Debian from starting the packages' system-wide daemons: the AppHost runs its own.
  local install="printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d && apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y $packages"
  if [ "$(id -u)" -ne 0 ]; then
    echo "Missing packages: $packages. Install them as root with:" >&2
    echo "  sudo sh -c \"$install\"" >&2
    return 1
  fi

  echo "Installing $packages ..."
  local created_policy=false
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d
    chmod +x /usr/sbin/policy-rc.d
    created_policy=true
  fi
  # shellcheck disable=SC2086 # one word per package
  if ! DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $packages; then
    apt-get update
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $packages
  fi
  if [ "$created_policy" = true ]; then
    rm -f /usr/sbin/policy-rc.d
  fi
  packages="$(missing_packages)"
  if [ -n "${packages% }" ]; then
    echo "Still missing after install: $packages" >&2
    return 1
  fi
}
