#!/usr/bin/env bash
# Writes the production variant of realm tidbcloud: infra/keycloak/tidbcloud-realm.json (the one
# source of clients, scopes, flows, theme and token policy) with its stand-in identity providers
# replaced by the real Google and Microsoft ones of identity-providers.json.
#
#   infra/keycloak/production/generate-realm.sh          # rewrite tidbcloud-realm.json here
#   infra/keycloak/production/generate-realm.sh --check  # exit 1 when it is out of date
#
# The e2e test RealmFilesTest fails when the committed file is out of date, so a change to the
# base realm cannot silently miss production.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
generated=$(jq --slurpfile production "$here/identity-providers.json" \
  '.identityProviders = $production[0].identityProviders' "$here/../tidbcloud-realm.json")
if [ "${1:-}" = "--check" ]; then
  if [ "$generated" != "$(cat "$here/tidbcloud-realm.json")" ]; then
    echo "infra/keycloak/production/tidbcloud-realm.json is out of date: run $0" >&2
    exit 1
  fi
  exit 0
fi
printf '%s\n' "$generated" >"$here/tidbcloud-realm.json"
