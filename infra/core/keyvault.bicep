// The app's own secrets in its Key Vault (core/vault.bicep), read through Key Vault references with the app's
// identity. A secret that already exists is never written again: provisioning would otherwise undo a rotation
// with the value azd generated once. The preprovision hook (infra/hooks/find-existing-secrets.sh) says which exist.
param vaultName string

@secure()
@description('Base64 key that signs registration tokens and node secrets.')
param nodeCredentialKey string

@secure()
@description('The first admin API key.')
param bootstrapApiKey string

@description('Names of the secrets already in the vault, comma-separated (empty when none): those are left as they are.')
param alreadyStored string = ''

var nodeCredentialKeyName = 'node-credential-key'
var bootstrapApiKeyName = 'bootstrap-admin-api-key'
var stored = split(alreadyStored, ',')

resource vault 'Microsoft.KeyVault/vaults@2026-05-15' existing = {
  name: vaultName
}

resource nodeCredentialKeySecret 'Microsoft.KeyVault/vaults/secrets@2026-05-15' = if (!contains(stored, nodeCredentialKeyName)) {
  parent: vault
  name: nodeCredentialKeyName
  properties: {
    value: nodeCredentialKey
    contentType: 'base64'
  }
}

resource bootstrapApiKeySecret 'Microsoft.KeyVault/vaults/secrets@2026-05-15' = if (!contains(stored, bootstrapApiKeyName)) {
  parent: vault
  name: bootstrapApiKeyName
  properties: {
    value: bootstrapApiKey
  }
}

// Versionless URIs, made from the names so that they hold whether or not this deployment wrote the secret:
// the app picks up a new version of a secret without a redeployment.
output nodeCredentialKeyUri string = '${vault.properties.vaultUri}secrets/${nodeCredentialKeyName}'
output bootstrapApiKeyUri string = '${vault.properties.vaultUri}secrets/${bootstrapApiKeyName}'
output bootstrapApiKeyName string = bootstrapApiKeyName
