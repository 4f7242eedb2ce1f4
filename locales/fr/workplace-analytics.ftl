title = Mettre en place l’intégration { -wpa }
summary = Connectez un client { -wpm } à { -wpa } pour créer des tableaux de bord sur les données de réservation du client.
audience = Consultants d’implémentation
keywords = Workplace Analytics, tableaux de bord, activation de module, application externe, clé secrète
intro =
    { -wpa } est le produit qui permet de mettre à la disposition d’un client des tableaux de bord
    complets sur les données de réservation de { -wpm } (WPM). Pour plus d’informations sur ces
    tableaux de bord, consultez : Dashboards.

    Pour mettre en place ces tableaux de bord, il faut une intégration entre le client { -wpm } et le
    client { -wpa } du client. L’essentiel du travail se fait côté { -wpa } : dans { -wpm }, il suffit
    de configurer l’application externe et de transmettre les informations d’intégration à l’équipe
    { -wpa }. Ce guide couvre la partie { -wpm }.

prereq-reservation-module = Le module de réservation est activé. L’intégration repose sur les objets réservables et les réservations.
prereq-incoming-web-services =
    Les services web entrants et l’utilisation d’une clé d’enregistrement sont activés, dans l’include
    { -ui-client-settings } → { -ui-authentication } → { -ui-access-rules }.
    Cet include doit contenir quatre lignes.

    Si ce n’est pas le cas, l’activation du module échoue avec une erreur. Contactez le support client
    ([support@spacewell.com](mailto:support@spacewell.com)) si les règles d’accès ne sont pas
    correctement configurées.

section-module-activation = Activer l’intégration par l’activation de module
step-open-module-activation = Sur le panneau de démarrage de l’administrateur, choisissez { -ui-module-activation } puis sélectionnez { -ui-wpa-integration }.
    .details =
        L’activation de module crée et configure l’application externe et un utilisateur de service web
        dédié à l’intégration. Au démarrage, une fenêtre contextuelle affiche les informations à
        fournir à l’équipe { -wpa }.
    .alt = Le panneau de démarrage de l’administrateur avec Activation de module ouvert et Intégration Workplace Analytics sélectionnée.
step-check-server-url = Dans la fenêtre contextuelle, veillez à utiliser une URL propre au client, par exemple `{ $example-server }`.
    .note = Avec l’URL propre au client, l’intégration continue de fonctionner si le client est un jour déplacé vers un autre cluster.
step-reveal-secret = Révélez la clé secrète en suivant les étapes de la fenêtre contextuelle.
    .note = Pour révéler la clé secrète, le mot de passe partenaire doit être activé pour votre utilisateur.
step-forward-values = Transmettez les valeurs de la fenêtre contextuelle à l’équipe { -wpa } (voir [Informations à transmettre](#collect)).
text-request-again =
    Après l’activation de module, vous pouvez redemander les informations destinées à l’équipe
    { -wpa } : allez dans { -ui-module-settings } → { -ui-integrations } → { -wpa } et utilisez le bouton.

section-manual-setup = Contexte technique : configuration manuelle
    .intro =
        Voici les étapes que l’activation de module effectue pour vous côté { -wpm }. Elles ne sont pas
        nécessaires pour une configuration normale ; servez-vous-en comme contexte et pour déboguer une
        configuration qui ne fonctionne pas.
step-note-client-reference = Ouvrez { -ui-client-settings } → { -ui-setup } et notez la référence client.
step-open-authentication = Ouvrez l’onglet { -ui-authentication }.
step-open-external-apps = Faites défiler vers le bas et ouvrez l’onglet { -ui-external-apps }.
step-create-analytics = Cliquez sur { -ui-create-analytics }.
step-activate-external-app = Notez la référence de l’application externe et réglez { -ui-commission } sur { -ui-active }.
step-open-trust-relations = Ouvrez l’onglet { -ui-trust-relations }.
    .alt = L’onglet Relations de confiance avec les champs ID d’accès, Type de clé et Utilisateur système autorisé.
step-note-access-id = Notez l’{ -ui-access-id }.
step-check-key-type = Vérifiez que { -ui-key-type } est réglé sur { -ui-integration-secret-key } ; modifiez-le si nécessaire.
step-check-system-user = Vérifiez que { -ui-authorized-system-user } est un utilisateur actif ayant accès aux données Analytics ; modifiez-le si nécessaire.
step-click-password-protected = Cliquez sur { -ui-password-protected }.
trouble-password-protected-missing =
    .when = { -ui-password-protected } ne s’affiche pas.
    .do = Vérifiez que votre utilisateur est membre du groupe { -ui-license-editor }.
step-click-reveal-secret-key = Cliquez sur { -ui-reveal-secret-key }.
step-enter-password = Saisissez votre mot de passe, puis notez la clé secrète.
    .note =
        Le mot de passe partenaire ne peut pas encore être utilisé ici : si votre utilisateur est un
        utilisateur partenaire, créez-lui un mot de passe personnel. Le mot de passe partenaire est pris
        en charge à partir de la version de janvier.

collect = Informations à transmettre à l’équipe { -wpa }
    .intro = Avec ces informations, { -wpa } peut se connecter au client. Transmettez-les toutes à l’équipe { -wpa }.
value-server = Serveur
    .hint = Le sous-domaine { -axxerion } utilisé par le client, par exemple `{ $example-server }`.
value-client-reference = Référence client
    .hint = L’identifiant unique de l’environnement { -axxerion } du client, par exemple `{ $example-client-reference }`.
value-external-app-id = ID de l’application externe
value-access-id = ID d’accès
value-secret-key = Clé secrète
