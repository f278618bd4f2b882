// Key Vault with Azure RBAC authorization, for the app's secrets and the providers' credentials.
// The app reads its secrets through Key Vault references resolved with its user-assigned identity.
param name string
param location string
param tags object = {}

@secure()
@description('Base64 key that signs registration tokens and node secrets.')
param nodeCredentialKey string

@secure()
@description('The first admin API key.')
param bootstrapApiKey string

resource vault 'Microsoft.KeyVault/vaults@2026-05-15' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 7
    publicNetworkAccess: 'Enabled'
  }
}

resource nodeCredentialKeySecret 'Microsoft.KeyVault/vaults/secrets@2026-05-15' = {
  parent: vault
  name: 'node-credential-key'
  properties: {
    value: nodeCredentialKey
    contentType: 'base64'
  }
}

resource bootstrapApiKeySecret 'Microsoft.KeyVault/vaults/secrets@2026-05-15' = {
  parent: vault
  name: 'bootstrap-admin-api-key'
  properties: {
    value: bootstrapApiKey
  }
}

output id string = vault.id
output name string = vault.name
output uri string = vault.properties.vaultUri
// Versionless URIs: the app picks up a new version of a secret without a redeployment.
output nodeCredentialKeyUri string = nodeCredentialKeySecret.properties.secretUri
output bootstrapApiKeyUri string = bootstrapApiKeySecret.properties.secretUri
output bootstrapApiKeyName string = bootstrapApiKeySecret.name
