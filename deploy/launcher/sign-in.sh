#!/usr/bin/env bash
# Signs in to the local launcher's authorization server as a demo user, the way a browser does (client shinchoku-cli,
# authorization code with PKCE S256), and prints the access token.
#
#   TOKEN=$(deploy/launcher/sign-in.sh setouchi-kikaku demo)
#   curl -H "Authorization: Bearer $TOKEN" localhost:8081/api/plans
#
# Users: setouchi-hq (推進本部), setouchi-<fukushi|kikaku|kyoiku|shimin|shobo|somu|zeimu>, kagoshima-pref, ops, admin;
# password demo. SHINCHOKU_AUTH moves the server (default http://localhost:9000). Needs bash, curl, sed and openssl.
set -euo pipefail

user=${1:?"usage: $0 USER [PASSWORD]   (e.g. $0 setouchi-kikaku demo)"}
password=${2:-demo}
auth=${SHINCHOKU_AUTH:-http://localhost:9000}
client=shinchoku-cli
redirect=http://127.0.0.1:8400/callback
redirect_encoded=http%3A%2F%2F127.0.0.1%3A8400%2Fcallback

jar=$(mktemp)
trap 'rm -f "$jar"' EXIT

fail() {
  echo "sign-in.sh: $*" >&2
  exit 1
}

# where a response sends the browser (its Location, made absolute); the session cookie is kept in $jar
redirect_of() {
  curl -sS -o /dev/null -w '%{redirect_url}' -b "$jar" -c "$jar" -H 'Accept: text/html' "$@"
}

verifier=$(openssl rand -hex 32)
challenge=$(printf %s "$verifier" | openssl dgst -sha256 -binary | openssl base64 -A | tr '+/' '-_' | tr -d '=')
state=$(openssl rand -hex 8)

# 1. the authorization request: not signed in yet, so the server sends the browser to its login form
login=$(redirect_of "$auth/oauth2/authorize?response_type=code&client_id=$client&scope=openid&state=$state&redirect_uri=$redirect_encoded&code_challenge=$challenge&code_challenge_method=S256")
case "$login" in
  */login*) ;;
  *) fail "expected a redirect to the login form from $auth/oauth2/authorize, got '${login}' (is the launcher running?)" ;;
esac

# 2. the login form, for its CSRF token
csrf=$(curl -sS -b "$jar" -c "$jar" "$login" | sed -n 's/.*name="_csrf"[^>]*value="\([^"]*\)".*/\1/p' | head -n 1)
[ -n "$csrf" ] || fail "no CSRF token in the login form at $login"

# 3. sign in: the server sends the browser back to the authorization request
back=$(redirect_of --data-urlencode "username=$user" --data-urlencode "password=$password" \
  --data-urlencode "_csrf=$csrf" "$login")
case "$back" in
  *'/oauth2/authorize?'*) ;;
  *error*) fail "wrong user name or password for $user" ;;
  *) fail "unexpected answer to the login: '${back}'" ;;
esac

# 4. the authorization request again, signed in: the server sends the browser to the client with a code
callback=$(redirect_of "$back")
code=$(printf %s "$callback" | sed -n 's/.*[?&]code=\([^&]*\).*/\1/p')
[ -n "$code" ] || fail "no authorization code in '${callback}'"
case "$callback" in
  *"state=$state"*) ;;
  *) fail "the state came back changed in '${callback}'" ;;
esac

# 5. the code and the verifier for the tokens
response=$(curl -sS "$auth/oauth2/token" -d grant_type=authorization_code -d "client_id=$client" \
  --data-urlencode "redirect_uri=$redirect" -d "code=$code" -d "code_verifier=$verifier")
token=$(printf %s "$response" | sed -n 's/.*"access_token" *: *"\([^"]*\)".*/\1/p')
[ -n "$token" ] || fail "no access token in: $response"
printf '%s\n' "$token"
