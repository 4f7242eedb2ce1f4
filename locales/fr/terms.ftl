# Noms de produits et libellés d’interface (français). Les termes `-ui-*` s’affichent comme libellés d’interface.

## Produits
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

## Lucca et Inside Online
-ui-lucca-integrations = 🔌 Intégrations
-ui-app-admin-permission = Administration des applications
-ui-staff-records-permission = Consulter le dossier du personnel
-ui-connect-tab = Connect
-ui-lucca-brick = Lucca
-ui-dataviz-tab = Dataviz
-ui-add-document = Ajouter un document
