#!/usr/bin/env sh
# Sets up an Attaché team database on a CouchDB 3 server. Run once per team:
#   create     the database and its security object (members: everyone with the team's role);
#   protect    the design document that makes "who changed what" trustworthy: a user can only write
#              documents stamped with their own name (deploy/couchdb/design.json);
#   add-user   a user with the team's role (they change their password in Fauxton or via IT).
#
#   COUCHDB=https://couch.example.org ADMIN=admin:secret ./setup.sh create africa-team team-africa
#   COUCHDB=https://couch.example.org ADMIN=admin:secret ./setup.sh protect africa-team
#   COUCHDB=https://couch.example.org ADMIN=admin:secret ./setup.sh add-user anna 'initial-password' team-africa
set -eu
: "${COUCHDB:?set COUCHDB to the server address}"
: "${ADMIN:?set ADMIN to admin-user:password}"
here=$(dirname "$0")
req() { curl -fsS -u "$ADMIN" -H 'Content-Type: application/json' "$@"; echo; }

case "${1:-}" in
  create)
    db=$2; role=$3
    req -X PUT "$COUCHDB/$db"
    req -X PUT "$COUCHDB/$db/_security" -d "{\"admins\":{\"names\":[],\"roles\":[]},\"members\":{\"names\":[],\"roles\":[\"$role\"]}}"
    ;;
  protect)
    db=$2
    req -X PUT "$COUCHDB/$db/_design/attache" -d @"$here/design.json"
    ;;
  add-user)
    user=$2; password=$3; role=$4
    req -X PUT "$COUCHDB/_users/org.couchdb.user:$user" -d "{\"name\":\"$user\",\"password\":\"$password\",\"roles\":[\"$role\"],\"type\":\"user\"}"
    ;;
  *)
    echo "usage: setup.sh create <database> <role> | protect <database> | add-user <name> <password> <role>" >&2
    exit 2
    ;;
esac
