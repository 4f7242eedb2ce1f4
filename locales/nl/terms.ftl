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

## Personio
-ui-marketplace = Marketplace
-ui-marketplace-permission = Marketplace-integratie en API
-ui-connect = Verbinding maken
-ui-request-demo = Demo aanvragen
-ui-connected-integrations = Gekoppelde integraties
-ui-monitor = Monitoren
-ui-show-details = Details weergeven
-ui-help-feedback = Help en feedback
