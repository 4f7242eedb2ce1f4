title = De { -rackbeat }-integratie in { -netvisor } instellen
summary = Bereid { -netvisor } en { -rackbeat } voor, zodat de klantenservice van { -netvisor } de integratie kan inschakelen en je registers kan synchroniseren.
audience = Beheerders van { -netvisor } en { -rackbeat }
keywords = Rackbeat-integratie, ingebruikname, eerste synchronisatie, API-sleutel
intro =
    De klantenservice van { -netvisor } schakelt de integratie in. Jij bereidt zowel { -netvisor } als
    { -rackbeat } voor zoals in deze handleiding beschreven, zodat de ingebruikname kan beginnen en
    de registers kunnen worden gesynchroniseerd.

    De integratie kan een eerste synchronisatie van de basisregisters uitvoeren, van { -netvisor }
    naar { -rackbeat } of van { -rackbeat } naar { -netvisor }, met behulp van de handleiding
    Rackbeat-integratie voorbereiden. Bij de ingebruikname kies je ook of
    alle registers (klanten, leveranciers, producten) worden gesynchroniseerd, of maar een deel.

fact-deployed-by = Klantenservice van { -netvisor }
    .label = Ingebruikname door
fact-direction = { -netvisor } → { -rackbeat } of { -rackbeat } → { -netvisor }
    .label = Eerste synchronisatie
fact-registers = Klanten, leveranciers, producten
    .label = Registers

prereq-same-products = De productregisters zijn in { -netvisor } en { -rackbeat } gelijk, zodat bestellingen bij de juiste leveranciers en klanten terechtkomen.

section-matching = Zo worden registers gekoppeld
    .intro = De integratie herkent hetzelfde product of dezelfde klant in beide systemen volgens deze regels.
def-matching-rules-products = De productcode is bepalend. Die mag cijfers of letters bevatten.
    .term = Producten
def-matching-rules-customers =
    De klantcode is bepalend en mag alleen uit cijfers bestaan.

    Daarna wordt het ondernemingsnummer gebruikt: wordt in { -rackbeat } een klant aangemaakt met
    een ondernemingsnummer dat al in { -netvisor } bestaat, dan wordt de klantkaart in { -netvisor }
    overschreven met de gegevens uit { -rackbeat }.

    Als derde wordt de naam gebruikt: wordt in { -rackbeat } een klant "Naam" aangemaakt en staat in
    het register van { -netvisor } een klant "Naam", dan worden ze als dezelfde klant beschouwd.
    .term = Klanten

section-netvisor-side = { -netvisor }: de integratie toestaan en API-inloggegevens aanmaken
step-open-api-permissions = Open in het { -ui-company-menu } de optie { -ui-api-permissions }.
step-search-rackbeat = Typ "{ -rackbeat }" in het zoekveld { -ui-ready-integrations } en selecteer het resultaat.
    .alt = De weergave API resource permissions van Netvisor, met Rackbeat gevonden in de zoekopdracht Ready-made integrations.
step-allow-integration = Klik op de knop { -ui-integration-blocked }; de benodigde resources worden dan geactiveerd.
step-create-credentials = Maak in { -netvisor } software-API-inloggegevens aan, zoals beschreven in de handleiding over het aanmaken van software-API-inloggegevens.
step-send-credentials = Mail de aangemaakte inloggegevens (gebruikers-ID en sleutel) naar de klantenondersteuning van { -netvisor }.

section-rackbeat-side = { -rackbeat }: een API-sleutel aanmaken
step-open-company-settings = Open in { -rackbeat } { -ui-company-settings } onder je gebruikersnaam rechtsboven.
step-new-api-key = Kies links onder het kopje { -ui-developer } de optie { -ui-new-api-key }.
    .tip = Geef de sleutel bij voorkeur een naam als { -netvisor }.
step-copy-key = Kopieer de sleutel en bewaar hem meteen.
    .warning = De sleutel wordt maar één keer getoond.

section-contact-support = Neem contact op met de klantenondersteuning van { -netvisor }
step-email-support = Neem contact op met de klantenondersteuning van { -netvisor } en vraag om verdere instructies voor het aanleveren van de inloggegevens en de ingebruikname van { -rackbeat }.
    .details = Geef in hetzelfde bericht de hieronder genoemde gegevens door.

collect = Door te geven aan de klantenondersteuning van { -netvisor }
value-registers-to-transfer = Over te zetten registers
    .hint = Welke registers van { -netvisor } naar { -rackbeat } worden overgezet (klanten, producten en leveranciers).
value-go-live = Moment van inschakelen
    .hint = Of de integratie meteen of later mag worden ingeschakeld, en zo ja, wanneer. Zodra de integratie aan staat, gaan in { -rackbeat } aangemaakte transacties en nieuwe registergegevens naar { -netvisor }.
value-netvisor-credentials = Software-API-inloggegevens van { -netvisor }
    .hint = Gebruikers-ID en sleutel.
value-rackbeat-api-key = API-sleutel van { -rackbeat }
