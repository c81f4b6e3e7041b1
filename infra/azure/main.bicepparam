// An example: copy, fill in, and pass with -p. No secret here: give botAppSecret on the command line
// (-p botAppSecret=...) or use botAppType UserAssignedMSI, which needs none.
using 'main.bicep'

param name = 'pmfbot-northmere'
param location = 'uksouth'
param councilName = 'Northmere District Council'
param botAppType = 'SingleTenant'
param botAppId = '00000000-0000-0000-0000-000000000000'
param graphEnabled = true
param teamsAppCatalogId = ''
param moreSettings = {
  Escalations__NextLevel__0: 'chief.executive@northmere.gov.uk'
}
