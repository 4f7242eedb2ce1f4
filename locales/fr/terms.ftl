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

## Workplace Management
-ui-module-activation = Activation de module
-ui-wpa-integration = Intégration Workplace Analytics
-ui-module-settings = Paramètres des modules
-ui-integrations = Intégrations
-ui-client-settings = Paramètres client
-ui-setup = Configuration
-ui-authentication = Authentification
-ui-access-rules = Règles d’accès
-ui-external-apps = Applications externes
-ui-create-analytics = Créer analytics
-ui-commission = Mise en service
-ui-active = Active
-ui-trust-relations = Relations de confiance
-ui-access-id = ID d’accès
-ui-key-type = Type de clé
-ui-integration-secret-key = Clé secrète d’intégration
-ui-authorized-system-user = Utilisateur système autorisé
-ui-password-protected = protégé par mot de passe
-ui-license-editor = éditeur de licences
-ui-reveal-secret-key = Révéler la clé secrète

## Personio
-ui-marketplace = Marketplace
-ui-marketplace-permission = Intégration Marketplace et API
-ui-connect = Se connecter
-ui-request-demo = Demander une démo
-ui-connected-integrations = Intégrations connectées
-ui-monitor = Surveiller
-ui-show-details = Afficher les détails
-ui-help-feedback = Aide et commentaires

## Lucca et Inside Online
-ui-lucca-integrations = 🔌 Intégrations
-ui-app-admin-permission = Administration des applications
-ui-staff-records-permission = Consulter le dossier du personnel
-ui-connect-tab = Connect
-ui-lucca-brick = Lucca
-ui-dataviz-tab = Dataviz
-ui-add-document = Ajouter un document

## Netvisor et Rackbeat (interface en anglais)
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
