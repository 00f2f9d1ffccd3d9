#!/usr/bin/env bash
# Runs once, when the PostgreSQL volume is empty (the official image's /docker-entrypoint-initdb.d):
# one database and one login role each for Keycloak, cloud-api-service and auth-service, each role
# owning only its database. Passwords come from the environment (compose reads them from .env);
# psql's :'var' quoting keeps them out of the SQL text.
set -euo pipefail

create() { # $1 role and database name, $2 password
  psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
    -v name="$1" -v password="$2" <<'SQL'
CREATE ROLE :"name" LOGIN PASSWORD :'password';
CREATE DATABASE :"name" OWNER :"name";
REVOKE ALL ON DATABASE :"name" FROM PUBLIC;
SQL
}

create keycloak "$TIDBCLOUD_KEYCLOAK_DB_PASSWORD"
create cloud_api "$TIDBCLOUD_CLOUD_API_DB_PASSWORD"
create auth_service "$TIDBCLOUD_AUTH_SERVICE_DB_PASSWORD"
