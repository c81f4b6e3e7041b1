// The Azure Bot resource with the Microsoft Teams channel. Single-tenant app registration, or
// the app's user-assigned managed identity.
param name string
param messagingEndpoint string
@allowed(['SingleTenant', 'UserAssignedMSI'])
param appType string
param appId string
param tenantId string
param identityId string
param sku string

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: name
  location: 'global'
  kind: 'azurebot'
  sku: { name: sku }
  properties: {
    displayName: 'PmfBot'
    endpoint: messagingEndpoint
    msaAppType: appType
    msaAppId: appId
    msaAppTenantId: tenantId
    msaAppMSIResourceId: appType == 'UserAssignedMSI' ? identityId : null
  }
}

resource teams 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: { isEnabled: true }
  }
}

output teamsChannel string = teams.name
