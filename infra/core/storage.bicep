// The storage account of the app and of Durable Functions: tables, queues and blobs, reached with
// Microsoft Entra ID only (no shared key), plus the private blob containers for deployments and agent builds
// and the command queue (with its poison queue, so the API can list it before anything was poisoned).
param name string
param location string
param tags object = {}
@description('Private blob containers to create.')
param containers string[] = []
@description('Storage queues to create (the command queue and its poison queue).')
param queues string[] = []
@description('Days container log segments (append blobs in the nodes\' logs-<node> containers) are kept after their last write.')
@minValue(1)
param logRetentionDays int = 7

resource storage 'Microsoft.Storage/storageAccounts@2026-06-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS'
  }
  properties: {
    accessTier: 'Hot'
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    allowBlobPublicAccess: false
    allowCrossTenantReplication: false
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      bypass: 'AzureServices'
      defaultAction: 'Allow'
    }
  }
}

resource blobs 'Microsoft.Storage/storageAccounts/blobServices@2026-06-01' = {
  parent: storage
  name: 'default'
}

resource blobContainers 'Microsoft.Storage/storageAccounts/blobServices/containers@2026-06-01' = [
  for container in containers: {
    parent: blobs
    name: container
    properties: {
      publicAccess: 'None'
    }
  }
]

// Container logs go after their retention here rather than by a sweep of the app: no listing, no app time.
resource lifecycle 'Microsoft.Storage/storageAccounts/managementPolicies@2026-06-01' = {
  parent: storage
  name: 'default'
  properties: {
    policy: {
      rules: [
        {
          name: 'container-logs-retention'
          enabled: true
          type: 'Lifecycle'
          definition: {
            filters: {
              blobTypes: ['appendBlob']
              prefixMatch: ['logs-']
            }
            actions: {
              baseBlob: {
                delete: {
                  daysAfterModificationGreaterThan: logRetentionDays
                }
              }
            }
          }
        }
      ]
    }
  }
}

resource queueService 'Microsoft.Storage/storageAccounts/queueServices@2026-06-01' = {
  parent: storage
  name: 'default'
}

resource storageQueues 'Microsoft.Storage/storageAccounts/queueServices/queues@2026-06-01' = [
  for queue in queues: {
    parent: queueService
    name: queue
  }
]

output id string = storage.id
output name string = storage.name
output blobEndpoint string = storage.properties.primaryEndpoints.blob
output queueEndpoint string = storage.properties.primaryEndpoints.queue
output tableEndpoint string = storage.properties.primaryEndpoints.table
