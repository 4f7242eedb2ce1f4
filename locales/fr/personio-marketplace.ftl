title = Activer et surveiller les intégrations de la { -ui-marketplace } { -personio }
summary = Trouvez des intégrations dans la { -ui-marketplace }, activez-les, vérifiez leur statut et suivez leurs synchronisations.
audience = Administrateurs { -personio }
keywords = Marketplace, intégrations, activer, synchronisation, statut, surveillance
intro =
    La { -ui-marketplace } réunit toutes les intégrations utilisables avec { -personio }. Elles vous
    permettent de personnaliser et d’automatiser vos processus. Ce guide explique comment activer des
    intégrations, vérifier leur statut et surveiller les synchronisations qu’elles effectuent.

fact-kinds = Intégrations de { -personio } et intégrations de partenaires
    .label = Types d’intégrations
fact-partner-levels = Select, Elite et Premier
    .label = Niveaux de partenaires
fact-access = Barre latérale → { -ui-marketplace }
    .label = Accès

prereq-edit-rights = Vous disposez des droits de modification pour { -ui-marketplace-permission }. Sans ces droits, vous ne pouvez ni utiliser la { -ui-marketplace } ni configurer d’intégrations.

section-find-integration = Trouver une intégration
step-open-marketplace = Dans la barre latérale de votre compte { -personio }, cliquez sur { -ui-marketplace }.
    .alt = La barre latérale de Personio avec Marketplace sélectionné et la liste des intégrations.
step-browse = Parcourez la { -ui-marketplace }. Vous pouvez aussi utiliser le filtre ou la barre de recherche.
step-open-integration = Cliquez sur l’intégration pour en savoir plus sur sa configuration, ses autorisations et son prix.
    .details =
        Le panneau de droite donne plus de détails sur le support et le développeur. Des badges
        indiquent le niveau de partenaire de l’intégration : Select, Elite ou Premier. La configuration
        et le support peuvent varier selon le type d’intégration.
text-not-found = Vous ne trouvez pas une intégration ? Demandez-la, ou créez votre propre intégration avec les API publiques de { -personio }.

section-activate = Activer une intégration
step-select-integration = Sélectionnez l’intégration dans la { -ui-marketplace }.
step-request-demo = Facultatif : cliquez sur { -ui-request-demo } pour demander une démonstration avant de connecter l’intégration.
step-connect = Cliquez sur { -ui-connect }.
step-follow-wizard = Suivez les étapes de l’assistant de configuration.

section-connected = Afficher les intégrations connectées
    .intro = Voici comment vérifier le statut des intégrations connectées à votre compte { -personio }.
step-open-marketplace-home = Ouvrez la page d’accueil de la { -ui-marketplace }.
step-open-connected = Cliquez sur { -ui-connected-integrations }.
table-connection-status =
    .col-status = Statut
row-connection-status-connected =
    .status = Connectée
row-connection-status-inactive =
    .status = Inactive
row-connection-status-pending =
    .status = En attente

section-monitor = Surveiller les synchronisations d’une intégration
    .intro = Pour certaines intégrations, vous pouvez consulter des informations de suivi sur leurs synchronisations périodiques. Il est ainsi plus facile de repérer et de résoudre les problèmes de synchronisation.
    .note = Cette fonctionnalité n’est disponible que pour certaines intégrations, dont des intégrations de gestion des identités et des accès et des intégrations de communication d’équipe.
step-monitor-open-connected = Dans la { -ui-marketplace }, cliquez sur { -ui-connected-integrations }.
step-monitor-select = Cliquez sur une intégration.
step-monitor-tab = Cliquez sur { -ui-monitor }.
step-show-details = Cliquez sur { -ui-show-details } pour en savoir plus sur des collaborateurs précis, notamment leur statut de synchronisation et leurs erreurs.
    .details = Vous voyez ainsi quels collaborateurs sont touchés par les problèmes de synchronisation et trouvez les informations pour les résoudre.
list-monitor-shows =
    .intro = L’onglet { -ui-monitor } affiche :
item-monitor-shows-statuses = Les statuts de synchronisation.
item-monitor-shows-dates = Les dates de synchronisation.
item-monitor-shows-operations = Les opérations effectuées, par exemple mise à jour, provisionnement, déprovisionnement ou association.
table-sync-status =
    .intro = Consultez le tableau suivant pour en savoir plus sur le statut de synchronisation.
    .col-status = Statut
    .col-meaning = Signification
row-sync-status-succeeded =
    .status = Réussie
row-sync-status-partial =
    .status = Partiellement réussie
row-sync-status-failed =
    .status = Échouée
    .meaning = Pour les synchronisations échouées ou partielles, vous pouvez consulter, si elles sont disponibles, les informations d’erreur et les réponses de l’API.
list-details-shows =
    .intro = La vue { -ui-show-details } affiche :
item-details-shows-sync-date = La date de la synchronisation.
item-details-shows-employee-id = L’ID du collaborateur, avec un lien vers son profil { -personio }.
item-details-shows-use-cases = Les cas d’usage : le type d’opération.
item-details-shows-status = Le statut : réussie, échouée ou ignorée.
item-details-shows-message = Un message avec des informations et le détail des erreurs.

section-help = Obtenir de l’aide sur une intégration
item-help-channels-personio-integration = Pour une intégration de { -personio } : contactez-nous via { -ui-help-feedback }.
item-help-channels-partner-integration = Pour une intégration de partenaire : cliquez sur le lien de support dans le panneau de droite de la page de l’intégration dans la { -ui-marketplace }. { -personio } ne peut pas assurer le support des solutions développées par ses partenaires.
