// Key Vault for PmfBot's secrets (the bot's client secret, the storage connection string). RBAC:
// the app's identity may read secrets, nothing more. App settings refer to secrets by URI.
param name string
param location string
param readerPrincipalId string
@secure()
@description('The app registration client secret; empty when the bot uses its managed identity.')
param botAppSecret string

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: '${name}-kv'
  location: location
  properties: {
    tenantId: subscription().tenantId
    sku: { family: 'A', name: 'standard' }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 30
    enablePurgeProtection: true
  }
}

resource botSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(botAppSecret)) {
  parent: vault
  name: 'bot-app-secret'
  properties: { value: botAppSecret }
}

// Key Vault Secrets User (built-in role).
var secretsUser = subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '4633458b-17de-408a-b874-0445c86b69e6')

resource canRead 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, readerPrincipalId, secretsUser)
  scope: vault
  properties: {
    roleDefinitionId: secretsUser
    principalId: readerPrincipalId
    principalType: 'ServicePrincipal'
  }
}

output name string = vault.name
output uri string = vault.properties.vaultUri
