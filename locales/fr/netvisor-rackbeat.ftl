title = Mettre en place l’intégration { -rackbeat } dans { -netvisor }
summary = Préparez { -netvisor } et { -rackbeat } pour que le service client { -netvisor } puisse activer l’intégration et synchroniser vos registres.
audience = Administrateurs { -netvisor } et { -rackbeat }
keywords = intégration Rackbeat, mise en service, synchronisation initiale, clé API
intro =
    Le service client { -netvisor } active l’intégration. Vous préparez { -netvisor } et { -rackbeat }
    comme décrit dans ce guide, afin que la mise en service puisse commencer et que les registres
    puissent être synchronisés.

    L’intégration peut effectuer une synchronisation initiale des registres de base, soit de
    { -netvisor } vers { -rackbeat }, soit de { -rackbeat } vers { -netvisor }, à l’aide du guide de
    préparation de l’intégration Rackbeat. Lors de la mise en
    service, vous pouvez aussi choisir de synchroniser tous les registres (clients, fournisseurs,
    produits) ou seulement certains.

fact-deployed-by = Le service client { -netvisor }
    .label = Mise en service par
fact-direction = { -netvisor } → { -rackbeat } ou { -rackbeat } → { -netvisor }
    .label = Synchronisation initiale
fact-registers = Clients, fournisseurs, produits
    .label = Registres

prereq-same-products = Les registres de produits sont identiques dans { -netvisor } et { -rackbeat }, pour que les commandes soient rattachées aux bons fournisseurs et clients.

section-matching = Comment les registres sont rapprochés
    .intro = L’intégration reconnaît un même produit ou un même client dans les deux systèmes selon ces règles.
def-matching-rules-products = Le code produit fait foi. Il peut contenir des chiffres ou des lettres.
    .term = Produits
def-matching-rules-customers =
    Le code client fait foi ; il doit être composé uniquement de chiffres.

    En second lieu, le numéro d’entreprise est utilisé : si un client est créé dans { -rackbeat } avec
    un numéro d’entreprise qui existe déjà dans { -netvisor }, la fiche client { -netvisor } est
    écrasée par les données de { -rackbeat }.

    En troisième lieu, le nom est utilisé : si un client nommé « Nom » est créé dans { -rackbeat } et
    que le registre { -netvisor } contient un client nommé « Nom », ils sont considérés comme le même client.
    .term = Clients

section-netvisor-side = { -netvisor } : autoriser l’intégration et créer les identifiants d’API
step-open-api-permissions = Dans le { -ui-company-menu }, ouvrez { -ui-api-permissions }.
step-search-rackbeat = Saisissez « { -rackbeat } » dans le champ de recherche { -ui-ready-integrations } et sélectionnez le résultat.
    .alt = La vue API resource permissions de Netvisor, avec Rackbeat trouvé dans la recherche Ready-made integrations.
step-allow-integration = Cliquez sur le bouton { -ui-integration-blocked } ; les ressources nécessaires sont alors activées.
step-create-credentials = Créez des identifiants d’API logicielle dans { -netvisor }, comme décrit dans le guide de création des identifiants d’API logicielle.
step-send-credentials = Envoyez les identifiants créés (identifiant utilisateur et clé) par e-mail au support client { -netvisor }.

section-rackbeat-side = { -rackbeat } : créer une clé API
step-open-company-settings = Dans { -rackbeat }, ouvrez { -ui-company-settings } sous votre nom d’utilisateur, en haut à droite.
step-new-api-key = À gauche, sous l’intitulé { -ui-developer }, choisissez { -ui-new-api-key }.
    .tip = Il est conseillé de nommer la clé { -netvisor }, par exemple.
step-copy-key = Copiez la clé et conservez-la immédiatement.
    .warning = La clé n’est affichée qu’une seule fois.

section-contact-support = Contacter le support client { -netvisor }
step-email-support = Contactez le support client { -netvisor } et demandez les instructions pour transmettre les identifiants et mettre en service { -rackbeat }.
    .details = Dans le même message, indiquez les informations ci-dessous.

collect = À indiquer au support client { -netvisor }
value-registers-to-transfer = Registres à transférer
    .hint = Quels registres sont transférés de { -netvisor } vers { -rackbeat } (clients, produits et fournisseurs).
value-go-live = Date d’activation
    .hint = Si l’intégration peut être activée tout de suite ou plus tard, et dans ce cas, quand. Une fois activée, les transactions et les nouvelles entrées de registre créées dans { -rackbeat } commencent à être transférées vers { -netvisor }.
value-netvisor-credentials = Identifiants d’API logicielle { -netvisor }
    .hint = Identifiant utilisateur et clé.
value-rackbeat-api-key = Clé API { -rackbeat }
