#!/usr/bin/env bash
# Prints a JWT bearer token that the demo, dev and test profiles accept (signed with the demo key pair; the
# production profile trusts only the key you configure). Usage:
#   scripts/demo-token.sh <user> <role>[,<role>...] [minutes]
#   TOKEN=$(scripts/demo-token.sh dispatcher dispatcher); curl -H "Authorization: Bearer $TOKEN" ...
# A technician's user is its login (e.g. "sato.h"), which links the token to its technician record.
set -euo pipefail
user=${1:?user name (upn)}
roles=${2:?comma-separated roles: agent, dispatcher, technician, manager, admin}
minutes=${3:-60}
key="$(dirname "$0")/../src/test/resources/demo-jwt/private-key.pem"
b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }
groups=$(printf '"%s",' ${roles//,/ }); groups="[${groups%,}]"
now=$(date +%s)
header=$(printf '{"alg":"RS256","typ":"JWT"}' | b64url)
payload=$(printf '{"iss":"https://tehai.local/demo","upn":"%s","groups":%s,"iat":%d,"exp":%d}' \
  "$user" "$groups" "$now" $((now + minutes * 60)) | b64url)
signature=$(printf '%s.%s' "$header" "$payload" | openssl dgst -sha256 -sign "$key" | b64url)
printf '%s.%s.%s\n' "$header" "$payload" "$signature"
