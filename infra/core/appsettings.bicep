// The function app's settings. An app settings resource replaces every setting the app has, so the settings as
// they are now come first: those set outside the template (the portal, az functionapp config appsettings set)
// survive `azd provision`. The template's own come next, then the deployment's extra ones (FUNCTIONSCLOUD_APP_SETTINGS).
param siteName string

@description('The settings the template makes (README, Settings).')
param settings object

@secure()
@description('More settings from the deployment; they win where names meet.')
param extraSettings object = {}

resource site 'Microsoft.Web/sites@2025-03-01' existing = {
  name: siteName
}

resource appSettings 'Microsoft.Web/sites/config@2025-03-01' = {
  parent: site
  name: 'appsettings'
  properties: union(list('${site.id}/config/appsettings', '2025-03-01').properties, settings, extraSettings)
}
