// The App Service plan (Linux, 2+ instances) and the web app running PmfBot on .NET 10. Every
// instance serves /api/messages; the scheduler leader among them is chosen by a blob lease.
param name string
param location string
param skuName string
@minValue(2)
param instanceCount int
param identityId string
param identityClientId string
@description('App settings beyond the common ones: the bot, Graph and council settings.')
param settings object
param storageConnectionSecretUri string
param appInsightsConnectionString string

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: '${name}-plan'
  location: location
  kind: 'linux'
  sku: { name: skuName, capacity: instanceCount }
  properties: { reserved: true }
}

var common = {
  ASPNETCORE_ENVIRONMENT: 'Production'
  Storage__ConnectionString: '@Microsoft.KeyVault(SecretUri=${storageConnectionSecretUri})'
  APPLICATIONINSIGHTS_CONNECTION_STRING: appInsightsConnectionString // PmfBot's own OpenTelemetry exporter: metrics, traces, logs
  ApplicationInsightsAgent_EXTENSION_VERSION: 'disabled' // not App Service's agent as well: everything would be counted twice
  Logging__Console__FormatterName: 'json' // the log stream, structured, with each turn's and run's scope
  Logging__Console__FormatterOptions__IncludeScopes: 'true'
  WEBSITES_CONTAINER_STOP_TIME_LIMIT: '60' // time for graceful shutdown: sends in flight finish, the lease is given up
}

resource site 'Microsoft.Web/sites@2023-12-01' = {
  name: name
  location: location
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${identityId}': {} }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    keyVaultReferenceIdentity: identityId
    siteConfig: {
      linuxFxVersion: 'DOTNETCORE|10.0'
      alwaysOn: true
      healthCheckPath: '/readyz'
      http20Enabled: true
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      appSettings: [for setting in items(union(common, settings, { AZURE_CLIENT_ID: identityClientId })): {
        name: setting.key
        value: string(setting.value)
      }]
    }
  }
}

output hostName string = site.properties.defaultHostName
