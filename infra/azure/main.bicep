// PmfBot in Azure: monitoring, identity, Key Vault, storage, the web app (2+ instances) and the
// Azure Bot with its Teams channel. Deploy into a resource group:
//   az deployment group create -g <group> -f infra/azure/main.bicep -p infra/azure/main.bicepparam
targetScope = 'resourceGroup'

@description('Prefix for every resource name, e.g. pmfbot-northmere (lower case, letters, digits, hyphens).')
@minLength(3)
@maxLength(20)
param name string

@description('Azure region, e.g. uksouth.')
param location string = resourceGroup().location

@description('App Service plan SKU; P0v3 or larger for 2+ instances with always on.')
param appServiceSku string = 'P0v3'

@minValue(2)
param instanceCount int = 2

@description('SingleTenant: an app registration with a client secret. UserAssignedMSI: the app\'s managed identity is the bot.')
@allowed(['SingleTenant', 'UserAssignedMSI'])
param botAppType string = 'SingleTenant'

@description('The app registration\'s Application (client) ID. Ignored for UserAssignedMSI, which uses the managed identity\'s client id.')
param botAppId string = ''

@secure()
@description('The app registration\'s client secret (SingleTenant only). Stored in Key Vault; never in app settings.')
param botAppSecret string = ''

@allowed(['F0', 'S1'])
param botSku string = 'S1'

@description('The council\'s name, as its people say it.')
param councilName string

@description('Microsoft Graph for the directory and installing the app for people: needs admin-consented permissions (see README).')
param graphEnabled bool = true

@description('PmfBot\'s id in the org\'s Teams app catalogue (after publishing the app package).')
param teamsAppCatalogId string = ''

@description('The Performance tab\'s sign-in audience: the app registration\'s Application ID URI, as the app package\'s webApplicationInfo.resource says. Empty: api://<name>.azurewebsites.net/<app id>.')
param tabApplicationIdUri string = ''

@description('The Key Vault certificate that encrypts the report links\' key ring at rest (create it first: see README, Deployment). Empty: the keys are stored unencrypted in the storage account.')
param keyRingCertificateName string = 'keyring'

@description('Other settings, e.g. {"Escalations__NextLevel__0": "chief.executive@council.gov.uk", "Tab__PerformanceTeam__0": "performance@council.gov.uk"}.')
param moreSettings object = {}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: { name: name, location: location }
}

module identity 'modules/identity.bicep' = {
  name: 'identity'
  params: { name: name, location: location }
}

module vault 'modules/keyvault.bicep' = {
  name: 'keyvault'
  params: { name: name, location: location, readerPrincipalId: identity.outputs.principalId, botAppSecret: botAppSecret }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  params: { name: name, location: location, vaultName: vault.outputs.name }
}

var usesIdentity = botAppType == 'UserAssignedMSI'
var appId = usesIdentity ? identity.outputs.clientId : botAppId

module app 'modules/app.bicep' = {
  name: 'app'
  params: {
    name: name
    location: location
    skuName: appServiceSku
    instanceCount: instanceCount
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    storageConnectionSecretUri: storage.outputs.connectionSecretUri
    appInsightsConnectionString: monitoring.outputs.connectionString
    settings: union({
      Council__Name: councilName
      Bot__AppId: appId
      Bot__TenantId: subscription().tenantId
      Bot__UseManagedIdentity: usesIdentity
      Bot__ManagedIdentityClientId: usesIdentity ? identity.outputs.clientId : ''
      Bot__AppSecret: usesIdentity ? '' : '@Microsoft.KeyVault(VaultName=${vault.outputs.name};SecretName=bot-app-secret)'
      Graph__Enabled: graphEnabled
      Graph__TeamsAppCatalogId: teamsAppCatalogId
      Tab__ApplicationIdUri: empty(tabApplicationIdUri) ? 'api://${name}.azurewebsites.net/${appId}' : tabApplicationIdUri
      // A certificate's private key is read as the secret of the same name (base64 PKCS#12).
      KeyRing__Certificate: empty(keyRingCertificateName) ? '' : '@Microsoft.KeyVault(VaultName=${vault.outputs.name};SecretName=${keyRingCertificateName})'
    }, moreSettings)
  }
}

module bot 'modules/bot.bicep' = {
  name: 'bot'
  params: {
    name: name
    messagingEndpoint: 'https://${app.outputs.hostName}/api/messages'
    appType: botAppType
    appId: appId
    tenantId: subscription().tenantId
    identityId: identity.outputs.id
    sku: botSku
  }
}

output webAppHostName string = app.outputs.hostName
output messagingEndpoint string = 'https://${app.outputs.hostName}/api/messages'
output botAppId string = appId
output keyVaultName string = vault.outputs.name
output storageAccountName string = storage.outputs.accountName
