#!/bin/sh
# azd postprovision hook: builds the node agent for linux-x64 and linux-arm64 (self-contained, single file),
# packs each as functionscloud-agent-<rid>.tar.gz and uploads it to the private blob container that
# infra/main.bicep makes (AGENT_BUILDS_CONTAINER, read by the function app with its identity).
# azd passes the provisioning outputs as environment variables; run it again with `azd hooks run postprovision`.
# Needs the .NET 10 SDK and the Azure CLI signed in (`az login`) as the user azd deployed as.
set -eu
cd "$(dirname "$0")/../.."
. infra/hooks/az.sh

: "${AZURE_STORAGE_ACCOUNT_NAME:?is not set: run this through azd (azd hooks run postprovision)}"
# Before the minutes of building: a missing or signed-out az would only fail the upload at the end.
require_az_signed_in postprovision
container=${AGENT_BUILDS_CONTAINER:-agent-builds}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

for rid in linux-x64 linux-arm64; do
  echo "Building the agent for $rid..."
  dotnet publish src/FunctionsCloud.Agent -c Release -r "$rid" --self-contained \
    -p:PublishSingleFile=true -p:DebugType=None -o "$work/$rid" --nologo --verbosity quiet
  tar -C "$work/$rid" -czf "$work/functionscloud-agent-$rid.tar.gz" .
done

# The deploying user's Storage Blob Data Contributor role may have just been assigned: only that refusal is retried.
for rid in linux-x64 linux-arm64; do
  name="functionscloud-agent-$rid.tar.gz"
  az_once_authorized storage blob upload --auth-mode login --only-show-errors --output none --overwrite \
    --account-name "$AZURE_STORAGE_ACCOUNT_NAME" --container-name "$container" --name "$name" --file "$work/$name"
  echo "Uploaded $name to ${AGENT_BUILDS_URL:-$container}/$name"
done
