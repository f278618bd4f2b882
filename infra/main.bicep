// FunctionsCloud in a fresh subscription: `azd up` provisions this, then deploys the function app.
targetScope = 'subscription'

@minLength(1)
@maxLength(64)
@description('Name of the azd environment; names the resource group and seeds the resource names.')
param environmentName string

// The regions that offer Flex Consumption, as Azure-Samples/functions-quickstart-dotnet-azd lists them
// (`az functionapp list-flexconsumption-locations` for the current list): another choice fails before anything is made.
@minLength(1)
@description('Region of every resource (one where Flex Consumption is offered).')
@allowed([
  'australiaeast'
  'australiasoutheast'
  'brazilsouth'
  'canadacentral'
  'centralindia'
  'centralus'
  'eastasia'
  'eastus'
  'eastus2'
  'eastus2euap'
  'francecentral'
  'germanywestcentral'
  'italynorth'
  'japaneast'
  'koreacentral'
  'northcentralus'
  'northeurope'
  'norwayeast'
  'southafricanorth'
  'southcentralus'
  'southeastasia'
  'southindia'
  'spaincentral'
  'swedencentral'
  'uaenorth'
  'uksouth'
  'ukwest'
  'westcentralus'
  'westeurope'
  'westus'
  'westus2'
  'westus3'
])
@metadata({ azd: { type: 'location' } })
param location string

@description('Object id of the deploying user or service principal (azd sets AZURE_PRINCIPAL_ID); empty for none.')
param principalId string = ''

@description('Kind of principalId (AZURE_PRINCIPAL_TYPE); empty: ServicePrincipal when it is the deploying principal and that has no user principal name, else User.')
@allowed(['', 'User', 'ServicePrincipal', 'Group'])
param principalType string = ''

@secure()
@description('Seed of the key that signs registration tokens and node secrets; azd generates it once per environment.')
@metadata({ azd: { type: 'generate', config: { length: 48, noSpecial: true } } })
param nodeCredentialSeed string

@secure()
@description('The first admin API key; azd generates it once per environment.')
@metadata({ azd: { type: 'generate', config: { length: 40, noSpecial: true } } })
param bootstrapApiKey string

@description('User of the first admin API key.')
param bootstrapUser string = 'admin'
@description('Namespace of the first admin API key.')
param bootstrapNamespace string = 'admin'
@description('Durable Functions task hub name.')
param taskHub string = 'FunctionsCloud'
@description('Prefix of the table names.')
param tablePrefix string = 'fc'
param maxNodesPerCluster int = 100
param registrationTimeoutSeconds int = 600
param registrationTokenLifetimeSeconds int = 86400
@description('Upper bound on a service\'s target_num_containers.')
param maxContainersPerService int = 100
@description('How long a service operation waits for its containers to be reported Running.')
param containerTimeoutSeconds int = 300
@description('How often a service operation looks at what the agents reported when no report woke it (a fallback).')
param containerPollSeconds int = 15
@description('The storage queue of commands (operations for systems without an API key at hand).')
param commandQueue string = 'functionscloud-commands'
@description('The largest command message or trigger call body, in bytes.')
param maxCommandBytes int = 8192
@description('Calls per minute one trigger URL accepts.')
param triggerCallsPerMinute int = 30
@description('API keys one user may make per minute, all instances together.')
param apiKeysPerMinute int = 10
param heartbeatIntervalSeconds int = 10
param providerBatchSize int = 10
@description('A node silent this long becomes Unreachable.')
param unreachableAfterSeconds int = 45
@description('A node silent this long is handed to the lost-node handling.')
param lostAfterSeconds int = 300
@description('The liveness monitor timer (NCRONTAB with seconds); keep its period equal to monitorPeriodSeconds.')
param monitorSchedule string = '*/10 * * * * *'
param monitorPeriodSeconds int = 10
@description('How many liveness tables heartbeats are spread over.')
param livenessShards int = 16
@description('How often a deployment asks the provider about machines still being made.')
param provisioningPollSeconds int = 10
@description('Default lifetime of a registration token for hosts of one\'s own.')
param byonTokenLifetimeSeconds int = 3600
param byonTokenMaxLifetimeSeconds int = 2592000
param byonTokenMaxUses int = 1000

@description('Days container logs are kept after their last write (the storage account\'s lifecycle rule deletes them).')
@minValue(1)
param logRetentionDays int = 7

@description('Most instances the function app scales out to.')
param maximumInstanceCount int = 40
@allowed([512, 2048, 4096])
@description('Memory of each instance in MB (512, 2048 or 4096): what every second of execution is billed by (README, cost).')
param instanceMemoryMB int = 2048
@description('Always-ready instances of the durable group (orchestrators, activities): 0 starts them on demand; each one is billed all the time (README, cost).')
@minValue(0)
@maxValue(10)
param durableAlwaysReadyInstances int = 0
@description('Longest wait between polls of the Durable Functions queues when idle (Flex Consumption guidance: at most 10 s).')
@minValue(1)
@maxValue(10)
param durableMaxQueuePollingSeconds int = 10
@description('More app settings (FUNCTIONSCLOUD_APP_SETTINGS, a JSON object): added to the template\'s, and over them where names meet.')
@secure()
param appSettings object = {}
@description('The app secrets already in its Key Vault, comma-separated (the preprovision hook finds them): never written again.')
param alreadyStored string = ''

var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = { 'azd-env-name': environmentName }
var deploymentContainerName = 'deployments'
var agentBuildsContainerName = 'agent-builds'
var identityName = 'id-${resourceToken}'
var storageAccountName = 'st${resourceToken}'
var keyVaultName = 'kv-${resourceToken}'
var accountVaultName = 'kva-${resourceToken}'
var applicationInsightsName = 'appi-${resourceToken}'
// Role assignments need the principal's kind. The deploying principal has a user principal name when it is a user
// and none when it is a service principal or managed identity (a pipeline).
var deployingPrincipal = deployer()
var deployingPrincipalType = !empty(principalType)
  ? principalType
  : (principalId == deployingPrincipal.objectId && empty(deployingPrincipal.?userPrincipalName ?? '') ? 'ServicePrincipal' : 'User')

resource rg 'Microsoft.Resources/resourceGroups@2025-04-01' = {
  name: 'rg-${environmentName}'
  location: location
  tags: tags
}

module identity 'core/identity.bicep' = {
  name: 'identity'
  scope: rg
  params: {
    name: identityName
    location: location
    tags: tags
  }
}

module storage 'core/storage.bicep' = {
  name: 'storage'
  scope: rg
  params: {
    name: storageAccountName
    location: location
    tags: tags
    containers: [deploymentContainerName, agentBuildsContainerName]
    queues: [commandQueue, '${commandQueue}-poison']
    logRetentionDays: logRetentionDays
  }
}

module monitoring 'core/monitoring.bicep' = {
  name: 'monitoring'
  scope: rg
  params: {
    logAnalyticsName: 'log-${resourceToken}'
    applicationInsightsName: applicationInsightsName
    location: location
    tags: tags
  }
}

// Two vaults, so that the app may write only where the provider accounts live: its own secrets it only reads.
module appVault 'core/vault.bicep' = {
  name: 'appvault'
  scope: rg
  params: {
    name: keyVaultName
    location: location
    tags: tags
  }
}

module accountVault 'core/vault.bicep' = {
  name: 'accountvault'
  scope: rg
  params: {
    name: accountVaultName
    location: location
    tags: tags
  }
}

module keyVault 'core/keyvault.bicep' = {
  name: 'keyvault'
  scope: rg
  dependsOn: [appVault]
  params: {
    vaultName: keyVaultName
    // Base64 of 48 random characters: a 48-byte key.
    nodeCredentialKey: base64(nodeCredentialSeed)
    bootstrapApiKey: bootstrapApiKey
    alreadyStored: alreadyStored
  }
}

module roles 'core/roles.bicep' = {
  name: 'roles'
  scope: rg
  // Names known before deployment where they can be; the identity's principal id is known once it exists.
  dependsOn: [storage, appVault, accountVault, monitoring]
  params: {
    // Assignments are named from the principal id (a recreated identity gets new ones), which exists only once
    // the identity does: what-if cannot name them before, a price worth a provision that does not fail.
    #disable-next-line what-if-short-circuiting
    identityPrincipalId: identity.outputs.principalId
    userPrincipalId: principalId
    userPrincipalType: deployingPrincipalType
    storageAccountName: storageAccountName
    keyVaultName: keyVaultName
    accountVaultName: accountVaultName
    applicationInsightsName: applicationInsightsName
  }
}

module functionApp 'core/functionapp.bicep' = {
  name: 'functionapp'
  scope: rg
  // The app must reach its storage and secrets from its first start.
  dependsOn: [roles]
  params: {
    name: 'func-${resourceToken}'
    planName: 'plan-${resourceToken}'
    location: location
    tags: tags
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    blobEndpoint: storage.outputs.blobEndpoint
    queueEndpoint: storage.outputs.queueEndpoint
    tableEndpoint: storage.outputs.tableEndpoint
    deploymentContainerName: deploymentContainerName
    agentBuildsContainerName: agentBuildsContainerName
    applicationInsightsConnectionString: monitoring.outputs.applicationInsightsConnectionString
    accountVaultUri: accountVault.outputs.uri
    nodeCredentialKeyUri: keyVault.outputs.nodeCredentialKeyUri
    bootstrapApiKeyUri: keyVault.outputs.bootstrapApiKeyUri
    maximumInstanceCount: maximumInstanceCount
    instanceMemoryMB: instanceMemoryMB
    durableAlwaysReadyInstances: durableAlwaysReadyInstances
    durableMaxQueuePollingSeconds: durableMaxQueuePollingSeconds
    extraAppSettings: appSettings
    settings: {
      taskHub: taskHub
      tablePrefix: tablePrefix
      maxNodesPerCluster: maxNodesPerCluster
      registrationTimeoutSeconds: registrationTimeoutSeconds
      registrationTokenLifetimeSeconds: registrationTokenLifetimeSeconds
      maxContainersPerService: maxContainersPerService
      containerTimeoutSeconds: containerTimeoutSeconds
      containerPollSeconds: containerPollSeconds
      commandQueue: commandQueue
      maxCommandBytes: maxCommandBytes
      triggerCallsPerMinute: triggerCallsPerMinute
      apiKeysPerMinute: apiKeysPerMinute
      heartbeatIntervalSeconds: heartbeatIntervalSeconds
      providerBatchSize: providerBatchSize
      unreachableAfterSeconds: unreachableAfterSeconds
      lostAfterSeconds: lostAfterSeconds
      monitorSchedule: monitorSchedule
      monitorPeriodSeconds: monitorPeriodSeconds
      livenessShards: livenessShards
      provisioningPollSeconds: provisioningPollSeconds
      byonTokenLifetimeSeconds: byonTokenLifetimeSeconds
      byonTokenMaxLifetimeSeconds: byonTokenMaxLifetimeSeconds
      byonTokenMaxUses: byonTokenMaxUses
      logRetentionDays: logRetentionDays
      bootstrapUser: bootstrapUser
      bootstrapNamespace: bootstrapNamespace
    }
  }
}

output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = rg.name
output AZURE_FUNCTION_APP_NAME string = functionApp.outputs.name
output FUNCTIONSCLOUD_URL string = functionApp.outputs.url
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name
output AGENT_BUILDS_CONTAINER string = agentBuildsContainerName
output AGENT_BUILDS_URL string = '${storage.outputs.blobEndpoint}${agentBuildsContainerName}'
output AZURE_KEY_VAULT_NAME string = appVault.outputs.name
output AZURE_KEY_VAULT_ENDPOINT string = appVault.outputs.uri
output ACCOUNT_KEY_VAULT_NAME string = accountVault.outputs.name
output BOOTSTRAP_USER string = bootstrapUser
@description('Key Vault secret that holds the first admin API key.')
output BOOTSTRAP_API_KEY_SECRET_NAME string = keyVault.outputs.bootstrapApiKeyName
output APPLICATIONINSIGHTS_NAME string = monitoring.outputs.applicationInsightsName
