# Sourced by the azd hooks (POSIX sh): the Azure CLI checks every hook makes first, and the one retry that helps.

# Fails at once, saying what to run, when az is missing or signed out: waiting cannot mend either.
# $1: the hook's name, for the command that runs it again.
require_az_signed_in() {
  if ! command -v az >/dev/null 2>&1; then
    echo "The Azure CLI (az) is not installed or not on PATH. Install it (https://aka.ms/azure-cli), run 'az login', then 'azd hooks run $1'." >&2
    return 1
  fi
  if ! az account show --only-show-errors --output none >/dev/null 2>&1; then
    echo "The Azure CLI is not signed in. Run 'az login'${AZURE_TENANT_ID:+ --tenant $AZURE_TENANT_ID} as the principal azd deployed as, then 'azd hooks run $1'." >&2
    return 1
  fi
}

# Runs `az "$@"`, again while Azure refuses it for want of a role: a role assignment made by this provision takes a
# few minutes to take effect. Any other failure is final at once. FUNCTIONSCLOUD_ROLE_WAIT_SECONDS (15) and
# FUNCTIONSCLOUD_ROLE_TRIES (20) bound the wait.
az_once_authorized() {
  wait=${FUNCTIONSCLOUD_ROLE_WAIT_SECONDS:-15}
  tries=0
  errors=$(mktemp)
  while ! az "$@" 2>"$errors"; do
    tries=$((tries + 1))
    if ! grep -qiE 'AuthorizationPermissionMismatch|AuthorizationFailure|Forbidden|not authorized' "$errors" ||
        [ "$tries" -ge "${FUNCTIONSCLOUD_ROLE_TRIES:-20}" ]; then
      cat "$errors" >&2
      rm -f "$errors"
      return 1
    fi
    echo "Refused for want of a role (role assignments take a few minutes to take effect); trying again in $wait s..." >&2
    if [ "$wait" -gt 0 ]; then sleep "$wait"; fi
  done
  rm -f "$errors"
}
