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

## Workplace Management UI
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
