title = De { -wpa }-integratie instellen
summary = Koppel een { -wpm }-client aan { -wpa }, zodat er dashboards over de reserveringsgegevens van de klant gemaakt kunnen worden.
audience = Implementatieconsultants
keywords = Workplace Analytics, dashboards, module-activatie, externe app, geheime sleutel
intro =
    { -wpa } is het product waarmee uitgebreide dashboards over reserveringsgegevens uit
    { -wpm } (WPM) beschikbaar kunnen worden gemaakt voor een klant. Meer informatie over deze
    dashboards vind je hier: Dashboards.

    Om deze dashboards in te stellen, is een integratie nodig tussen de { -wpm }-client en de
    { -wpa }-client van de klant. Het meeste werk gebeurt aan de kant van { -wpa }: in { -wpm }
    stel je alleen de externe app in en stuur je de integratiegegevens door naar het
    { -wpa }-team. Deze handleiding beschrijft het { -wpm }-deel.

prereq-reservation-module = De reserveringsmodule is geactiveerd. De integratie is gebaseerd op reserveerbare objecten en reserveringen.
prereq-incoming-web-services =
    Inkomende webservices en het gebruik van een registratiesleutel zijn ingeschakeld, via de include
    { -ui-client-settings } → { -ui-authentication } → { -ui-access-rules }.
    Deze include moet vier regels bevatten.

    Is dat niet het geval, dan krijg je een foutmelding bij het activeren van de module. Neem contact
    op met de klantenservice ([support@spacewell.com](mailto:support@spacewell.com)) als de
    toegangsregels niet correct zijn ingesteld.

section-module-activation = De integratie inschakelen met module-activatie
step-open-module-activation = Kies op het startpaneel van de beheerder { -ui-module-activation } en selecteer { -ui-wpa-integration }.
    .details =
        De module-activatie maakt de externe app en een speciale webservicegebruiker voor de
        integratie aan en configureert ze. Zodra de activatie start, toont een pop-up de informatie
        die je aan het { -wpa }-team moet geven.
    .alt = Het startpaneel van de beheerder met Module-activatie geopend en Workplace Analytics-integratie geselecteerd.
step-check-server-url = Zorg ervoor dat je in de pop-up een klantspecifieke URL gebruikt, bijvoorbeeld `{ $example-server }`.
    .note = Met de klantspecifieke URL blijft de integratie werken als de klant ooit naar een ander cluster wordt verplaatst.
step-reveal-secret = Onthul de geheime sleutel met de stappen in de pop-up.
    .note = Om de geheime sleutel te onthullen, moet het partnerwachtwoord voor je gebruiker zijn ingeschakeld.
step-forward-values = Stuur de waarden uit de pop-up door naar het { -wpa }-team (zie [Door te sturen gegevens](#collect)).
text-request-again =
    Na de module-activatie kun je de informatie voor het { -wpa }-team opnieuw opvragen:
    ga naar { -ui-module-settings } → { -ui-integrations } → { -wpa } en gebruik daar de knop.

section-manual-setup = Technische achtergrond: handmatige configuratie
    .intro =
        Dit zijn de stappen die de module-activatie aan de kant van { -wpm } voor je uitvoert. Voor een
        normale configuratie heb je ze niet nodig; gebruik ze als achtergrond en om een configuratie
        te debuggen die niet werkt.
step-note-client-reference = Open { -ui-client-settings } → { -ui-setup } en noteer de clientreferentie.
step-open-authentication = Open het tabblad { -ui-authentication }.
step-open-external-apps = Scroll naar beneden en open het tabblad { -ui-external-apps }.
step-create-analytics = Klik op { -ui-create-analytics }.
step-activate-external-app = Noteer de referentie van de externe app en zet { -ui-commission } op { -ui-active }.
step-open-trust-relations = Open het tabblad { -ui-trust-relations }.
    .alt = Het tabblad Vertrouwensrelaties met de velden Toegangs-ID, Sleuteltype en Geautoriseerde systeemgebruiker.
step-note-access-id = Noteer de { -ui-access-id }.
step-check-key-type = Controleer of { -ui-key-type } op { -ui-integration-secret-key } staat; wijzig dit indien nodig.
step-check-system-user = Controleer of { -ui-authorized-system-user } een actieve gebruiker is met toegang tot Analytics-gegevens; wijzig dit indien nodig.
step-click-password-protected = Klik op { -ui-password-protected }.
trouble-password-protected-missing =
    .when = { -ui-password-protected } wordt niet weergegeven.
    .do = Controleer of je gebruiker lid is van de groep { -ui-license-editor }.
step-click-reveal-secret-key = Klik op { -ui-reveal-secret-key }.
step-enter-password = Voer je wachtwoord in en noteer de geheime sleutel.
    .note =
        Het partnerwachtwoord kan hier nog niet worden gebruikt: is je gebruiker een partnergebruiker,
        maak dan een persoonlijk wachtwoord voor die gebruiker aan. Vanaf de januarirelease wordt het
        partnerwachtwoord ondersteund.

collect = Door te sturen gegevens voor het { -wpa }-team
    .intro = Met deze gegevens kan { -wpa } verbinding maken met de client. Stuur ze allemaal door naar het { -wpa }-team.
value-server = Server
    .hint = Het { -axxerion }-subdomein dat de klant gebruikt, bijvoorbeeld `{ $example-server }`.
value-client-reference = Clientreferentie
    .hint = De unieke identificatie van de { -axxerion }-omgeving van de klant, bijvoorbeeld `{ $example-client-reference }`.
value-external-app-id = ID van de externe app
value-access-id = Toegangs-ID
value-secret-key = Geheime sleutel
