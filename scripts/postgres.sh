#!/usr/bin/env bash
# Starts the local PostgreSQL cluster (installed by setup.sh --test) and makes
# sure the test role exists. Prints the admin URL the tests use.
set -euo pipefail
ver=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
if ! pg_lsclusters -h | awk '{print $1" "$2}' | grep -qx "$ver main"; then
  pg_createcluster "$ver" main >/dev/null
fi
if ! pg_lsclusters -h | awk -v v="$ver" '$1==v && $2=="main" {print $4}' | grep -q online; then
  pg_ctlcluster --skip-systemctl-redirect "$ver" main start
fi
port=$(pg_lsclusters -h | awk -v v="$ver" '$1==v && $2=="main" {print $3}')
for _ in $(seq 1 60); do pg_isready -q -h 127.0.0.1 -p "$port" && break; sleep 0.5; done
if ! su postgres -c "psql -p $port -tAc \"SELECT 1 FROM pg_roles WHERE rolname='welcomekit'\"" | grep -q 1; then
  su postgres -c "psql -p $port -qc \"CREATE ROLE welcomekit LOGIN CREATEDB PASSWORD 'welcomekit'\""
fi
# Test databases left by an interrupted run (a finished run drops its own).
su postgres -c "psql -p $port -tAc \"SELECT datname FROM pg_database WHERE datname LIKE 'wk\\_test\\_%'\"" |
  while read -r db; do
    su postgres -c "psql -p $port -qc 'DROP DATABASE IF EXISTS \"$db\" WITH (FORCE)'" >/dev/null
  done
echo "postgres://welcomekit:welcomekit@127.0.0.1:$port/postgres"
