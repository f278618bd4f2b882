// The Flex Consumption plan and the function app (.NET 10 isolated worker), run as a user-assigned
// identity: storage through identity-based connections, secrets through Key Vault references,
// telemetry with Microsoft Entra authentication. No storage key or connection string anywhere.
param name string
param planName string
param location string
param tags object = {}

@description('Resource id of the user-assigned identity.')
param identityId string
@description('Client id of the user-assigned identity.')
param identityClientId string

@description('Primary endpoints of the storage account (with a trailing slash).')
param blobEndpoint string
param queueEndpoint string
param tableEndpoint string
@description('Blob container that holds the deployment package.')
param deploymentContainerName string
@description('Blob container that holds the agent builds (the app reads it with its identity).')
param agentBuildsContainerName string

param applicationInsightsConnectionString string
@description('URI of the Key Vault where linked provider accounts are kept.')
param accountVaultUri string
@description('Versionless URI of the Key Vault secret with the node credential key.')
param nodeCredentialKeyUri string
@description('Versionless URI of the Key Vault secret with the first admin API key.')
param bootstrapApiKeyUri string

@description('Most instances the app scales out to (Flex Consumption: 40 to 1000).')
@minValue(40)
@maxValue(1000)
param maximumInstanceCount int = 40
@allowed([512, 2048, 4096])
param instanceMemoryMB int = 2048
@description('Always-ready instances of the durable group; 0 for none.')
@minValue(0)
param durableAlwaysReadyInstances int = 0
@description('Longest wait between polls of the Durable Functions queues when idle, in seconds.')
@minValue(1)
@maxValue(10)
param durableMaxQueuePollingSeconds int = 10
@description('App settings beyond the template\'s; they win where names meet.')
@secure()
param extraAppSettings object = {}

@description('The FunctionsCloud settings (README, Settings).')
param settings settingsType

type settingsType = {
  taskHub: string
  tablePrefix: string
  maxNodesPerCluster: int
  registrationTimeoutSeconds: int
  registrationTokenLifetimeSeconds: int
  maxContainersPerService: int
  containerTimeoutSeconds: int
  containerPollSeconds: int
  commandQueue: string
  maxCommandBytes: int
  triggerCallsPerMinute: int
  apiKeysPerMinute: int
  heartbeatIntervalSeconds: int
  providerBatchSize: int
  unreachableAfterSeconds: int
  lostAfterSeconds: int
  monitorSchedule: string
  monitorPeriodSeconds: int
  livenessShards: int
  provisioningPollSeconds: int
  byonTokenLifetimeSeconds: int
  byonTokenMaxLifetimeSeconds: int
  byonTokenMaxUses: int
  logRetentionDays: int
  bootstrapUser: string
  bootstrapNamespace: string
}

resource plan 'Microsoft.Web/serverfarms@2025-03-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    name: 'FC1'
    tier: 'FlexConsumption'
  }
  properties: {
    reserved: true
  }
}

resource site 'Microsoft.Web/sites@2025-03-01' = {
  name: name
  location: location
  tags: union(tags, { 'azd-service-name': 'api' })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    keyVaultReferenceIdentity: identityId
    siteConfig: {
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${blobEndpoint}${deploymentContainerName}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
        // Flex Consumption guidance for Durable Functions: an always-ready instance keeps orchestrations moving
        // without waiting for the scale controller to notice their queues.
        alwaysReady: durableAlwaysReadyInstances > 0 ? [{ name: 'durable', instanceCount: durableAlwaysReadyInstances }] : []
      }
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
  }
}

// A module of its own, after the site, because FunctionsCloud__PublicUrl needs the site's default host name.
// Flex Consumption takes the worker runtime from functionAppConfig: no FUNCTIONS_WORKER_RUNTIME here.
module appSettings 'appsettings.bicep' = {
  name: 'appsettings'
  params: {
    siteName: site.name
    extraSettings: extraAppSettings
    settings: {
      AzureWebJobsStorage__credential: 'managedidentity'
      AzureWebJobsStorage__clientId: identityClientId
      AzureWebJobsStorage__blobServiceUri: blobEndpoint
      AzureWebJobsStorage__queueServiceUri: queueEndpoint
      AzureWebJobsStorage__tableServiceUri: tableEndpoint
      APPLICATIONINSIGHTS_CONNECTION_STRING: applicationInsightsConnectionString
      APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identityClientId};Authorization=AAD'
      // The site root is the dashboard (function WebDashboard), not the Functions host's own landing page.
      AzureWebJobsDisableHomepage: 'true'
      FunctionsCloud__TaskHub: settings.taskHub
      FunctionsCloud__TablePrefix: settings.tablePrefix
      FunctionsCloud__PublicUrl: 'https://${site.properties.defaultHostName}'
      FunctionsCloud__MaxNodesPerCluster: string(settings.maxNodesPerCluster)
      FunctionsCloud__RegistrationTimeoutSeconds: string(settings.registrationTimeoutSeconds)
      FunctionsCloud__MaxContainersPerService: string(settings.maxContainersPerService)
      FunctionsCloud__ContainerTimeoutSeconds: string(settings.containerTimeoutSeconds)
      FunctionsCloud__ContainerPollSeconds: string(settings.containerPollSeconds)
      FunctionsCloud__CommandQueue: settings.commandQueue
      FunctionsCloud__MaxCommandBytes: string(settings.maxCommandBytes)
      FunctionsCloud__TriggerCallsPerMinute: string(settings.triggerCallsPerMinute)
      FunctionsCloud__ApiKeysPerMinute: string(settings.apiKeysPerMinute)
      FunctionsCloud__RegistrationTokenLifetimeSeconds: string(settings.registrationTokenLifetimeSeconds)
      FunctionsCloud__HeartbeatIntervalSeconds: string(settings.heartbeatIntervalSeconds)
      FunctionsCloud__ProviderBatchSize: string(settings.providerBatchSize)
      FunctionsCloud__UnreachableAfterSeconds: string(settings.unreachableAfterSeconds)
      FunctionsCloud__LostAfterSeconds: string(settings.lostAfterSeconds)
      FunctionsCloud__MonitorSchedule: settings.monitorSchedule
      FunctionsCloud__MonitorPeriodSeconds: string(settings.monitorPeriodSeconds)
      FunctionsCloud__LivenessShards: string(settings.livenessShards)
      FunctionsCloud__ProvisioningPollSeconds: string(settings.provisioningPollSeconds)
      FunctionsCloud__ByonTokenLifetimeSeconds: string(settings.byonTokenLifetimeSeconds)
      FunctionsCloud__ByonTokenMaxLifetimeSeconds: string(settings.byonTokenMaxLifetimeSeconds)
      FunctionsCloud__ByonTokenMaxUses: string(settings.byonTokenMaxUses)
      FunctionsCloud__Logs__RetentionDays: string(settings.logRetentionDays)
      // The storage account's lifecycle rule deletes old log segments; the app's hourly sweep stays idle.
      FunctionsCloud__Logs__RetentionSweep: 'false'
      FunctionsCloud__NodeCredentialKey: '@Microsoft.KeyVault(SecretUri=${nodeCredentialKeyUri})'
      FunctionsCloud__Bootstrap__User: settings.bootstrapUser
      FunctionsCloud__Bootstrap__Namespace: settings.bootstrapNamespace
      FunctionsCloud__Bootstrap__ApiKey: '@Microsoft.KeyVault(SecretUri=${bootstrapApiKeyUri})'
      FunctionsCloud__KeyVaultUri: accountVaultUri
      FunctionsCloud__AgentBuilds__Container: agentBuildsContainerName
      // host.json says 10 s too; the setting lets a deployment choose less without a new package.
      AzureFunctionsJobHost__extensions__durableTask__storageProvider__maxQueuePollingInterval: '00:00:${padLeft(string(durableMaxQueuePollingSeconds), 2, '0')}'
    }
  }
}

// Deployments use Microsoft Entra ID (azd deploys with the signed-in user's token): no publishing passwords.
resource ftpCredentials 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2025-03-01' = {
  parent: site
  name: 'ftp'
  properties: {
    allow: false
  }
}

resource scmCredentials 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2025-03-01' = {
  parent: site
  name: 'scm'
  properties: {
    allow: false
  }
}

output name string = site.name
output url string = 'https://${site.properties.defaultHostName}'
