// The user-assigned managed identity the web app runs as: reads Key Vault secrets, and (with
// botAppType UserAssignedMSI) is the bot's own identity towards Teams and Graph.
param name string
param location string

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: '${name}-identity'
  location: location
}

output id string = identity.id
output clientId string = identity.properties.clientId
output principalId string = identity.properties.principalId
