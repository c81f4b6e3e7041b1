// Log Analytics and Application Insights: PmfBot's logs, metrics and traces.
param name string
param location string
@description('Days logs are kept in Log Analytics.')
param retentionDays int = 90

resource logs 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: '${name}-logs'
  location: location
  properties: {
    sku: { name: 'PerGB2018' }
    retentionInDays: retentionDays
  }
}

resource insights 'Microsoft.Insights/components@2020-02-02' = {
  name: '${name}-insights'
  location: location
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: logs.id
  }
}

output connectionString string = insights.properties.ConnectionString
