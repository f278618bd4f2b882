#!/bin/sh
# azd preprovision hook. Provisioning writes the app's secrets (node credential key, first admin API key) only
# when its Key Vault does not hold them yet: this finds those it holds and tells the template through
# FUNCTIONSCLOUD_STORED_SECRETS (infra/main.parameters.json), so that a rotated secret stays rotated.
# It also makes FUNCTIONSCLOUD_APP_SETTINGS (extra app settings, a JSON object) `{}` when it is not set.
# Run it alone with `azd hooks run preprovision`. Needs the Azure CLI signed in (`az login`).
set -eu
cd "$(dirname "$0")/../.."
. infra/hooks/az.sh

: "${AZURE_ENV_NAME:?is not set: run this through azd (azd hooks run preprovision)}"
: "${AZURE_SUBSCRIPTION_ID:?is not set: run this through azd (azd hooks run preprovision)}"
require_az_signed_in preprovision

if [ -z "${FUNCTIONSCLOUD_APP_SETTINGS:-}" ]; then
  azd env set FUNCTIONSCLOUD_APP_SETTINGS '{}'
fi

# The names main.bicep gives: resource group rg-<environment>, the app's vault kv-<token> (kva-<token> holds
# the provider accounts).
group="rg-$AZURE_ENV_NAME"
stored=""
if [ "$(az group exists --name "$group" --subscription "$AZURE_SUBSCRIPTION_ID" --output tsv)" = "true" ]; then
  vault=$(az keyvault list --resource-group "$group" --subscription "$AZURE_SUBSCRIPTION_ID" \
    --query "[?starts_with(name, 'kv-')].name | [0]" --output tsv)
  if [ -n "$vault" ]; then
    names=$(az_once_authorized keyvault secret list --vault-name "$vault" --query "[].name" --output tsv)
    stored=$(printf '%s\n' "$names" | paste -sd, -)
  fi
fi
# "none" rather than nothing: an empty value would read as "not set".
azd env set FUNCTIONSCLOUD_STORED_SECRETS "${stored:-none}"
echo "App secrets already in Key Vault, left as they are: ${stored:-none}"
