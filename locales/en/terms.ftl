# Product names and UI labels (English). `-ui-*` terms render as UI labels.

## Products
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
-ui-module-activation = Module activation
-ui-wpa-integration = Workplace Analytics integration
-ui-module-settings = Module settings
-ui-integrations = Integrations
-ui-client-settings = Client settings
-ui-setup = Setup
-ui-authentication = Authentication
-ui-access-rules = Access rules
-ui-external-apps = External apps
-ui-create-analytics = Create analytics
-ui-commission = Commission
-ui-active = Active
-ui-trust-relations = Trust relations
-ui-access-id = Access ID
-ui-key-type = Key type
-ui-integration-secret-key = Integration secret key
-ui-authorized-system-user = Authorized system user
-ui-password-protected = password protected
-ui-license-editor = license editor
-ui-reveal-secret-key = Reveal secret key

## Personio
-ui-marketplace = Marketplace
-ui-marketplace-permission = Marketplace integration and API
-ui-connect = Connect
-ui-request-demo = Request demo
-ui-connected-integrations = Connected integrations
-ui-monitor = Monitor
-ui-show-details = Show details
-ui-help-feedback = Help and feedback

## Lucca and Inside Online
-ui-lucca-integrations = 🔌 Integrations
-ui-app-admin-permission = Application administration
-ui-staff-records-permission = View staff records
-ui-connect-tab = Connect
-ui-lucca-brick = Lucca
-ui-dataviz-tab = Dataviz
-ui-add-document = Add a document

## Netvisor and Rackbeat
-ui-company-menu = Company menu
-ui-api-permissions = API resource permissions
-ui-ready-integrations = Ready-made integrations
-ui-integration-blocked = Integration blocked
-ui-company-settings = Company details and settings
-ui-developer = Developer
-ui-new-api-key = API - new key
