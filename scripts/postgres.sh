#!/usr/bin/env bash
# Starts the PostgreSQL cluster the tests use (installed by setup.sh --test)
# and makes sure the test role exists. Prints the admin URL the tests use.
#
# The tests get a cluster of their own, `wktest`, that never holds anything
# worth keeping, so it runs without durability (no fsync, no synchronous
# commit, no full-page writes): a crash may lose it, which costs nothing,
# and every CREATE DATABASE and commit is much faster.
set -euo pipefail
ver=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
cluster=wktest
if ! pg_lsclusters -h | awk '{print $1" "$2}' | grep -qx "$ver $cluster"; then
  pg_createcluster "$ver" "$cluster" >/dev/null
fi
conf=/etc/postgresql/$ver/$cluster/conf.d/welcome-kit-tests.conf
if [ ! -f "$conf" ]; then
  mkdir -p "$(dirname "$conf")"
  cat >"$conf" <<'EOF'
# Test data only: speed over durability.
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = 300
EOF
  # Settings read at start: restart if it is running already.
  if pg_lsclusters -h | awk -v v="$ver" -v c="$cluster" '$1==v && $2==c {print $4}' | grep -q online; then
    pg_ctlcluster --skip-systemctl-redirect "$ver" "$cluster" restart
  fi
fi
if ! pg_lsclusters -h | awk -v v="$ver" -v c="$cluster" '$1==v && $2==c {print $4}' | grep -q online; then
  pg_ctlcluster --skip-systemctl-redirect "$ver" "$cluster" start
fi
port=$(pg_lsclusters -h | awk -v v="$ver" -v c="$cluster" '$1==v && $2==c {print $3}')
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
