# Productnamen en UI-labels (Nederlands). `-ui-*`-termen worden als UI-label weergegeven.

## Producten
-wpm = Workplace Management
-workplace-management = Workplace Management
-wpa = Workplace Analytics
-axxerion = Axxerion
-personio = Personio
-lucca = Lucca
-inside-online = Inside Online
-infineo = Infineo
-netvisor = Netvisor
-rackbeat = Rackbeat

## Workplace Management
-ui-module-activation = Module-activatie
-ui-wpa-integration = Workplace Analytics-integratie
-ui-module-settings = Module-instellingen
-ui-integrations = Integraties
-ui-client-settings = Clientinstellingen
-ui-setup = Instellingen
-ui-authentication = Authenticatie
-ui-access-rules = Toegangsregels
-ui-external-apps = Externe apps
-ui-create-analytics = Analytics maken
-ui-commission = Ingebruikname
-ui-active = Actief
-ui-trust-relations = Vertrouwensrelaties
-ui-access-id = Toegangs-ID
-ui-key-type = Sleuteltype
-ui-integration-secret-key = Integratie geheime sleutel
-ui-authorized-system-user = Geautoriseerde systeemgebruiker
-ui-password-protected = beveiligd met wachtwoord
-ui-license-editor = licentie-editor
-ui-reveal-secret-key = Geheime sleutel onthullen

## Personio
-ui-marketplace = Marketplace
-ui-marketplace-permission = Marketplace-integratie en API
-ui-connect = Verbinding maken
-ui-request-demo = Demo aanvragen
-ui-connected-integrations = Gekoppelde integraties
-ui-monitor = Monitoren
-ui-show-details = Details weergeven
-ui-help-feedback = Help en feedback

## Lucca en Inside Online
-ui-lucca-integrations = 🔌 Integraties
-ui-app-admin-permission = Applicatiebeheer
-ui-staff-records-permission = Personeelsdossier inzien
-ui-connect-tab = Connect
-ui-lucca-brick = Lucca
-ui-dataviz-tab = Dataviz
-ui-add-document = Document toevoegen

## Netvisor en Rackbeat (de software heeft geen Nederlandse interface: de Engelse labels)
-ui-company-menu = Company menu
    .lang = en
-ui-api-permissions = API resource permissions
    .lang = en
-ui-ready-integrations = Ready-made integrations
    .lang = en
-ui-integration-blocked = Integration blocked
    .lang = en
-ui-company-settings = Company details and settings
    .lang = en
-ui-developer = Developer
    .lang = en
-ui-new-api-key = API - new key
    .lang = en
