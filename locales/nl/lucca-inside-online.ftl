title = De { -lucca }-connector met { -inside-online } instellen
summary = Koppel { -inside-online } aan de { -lucca }-API om je HR-indicatoren op te bouwen en standaardrapporten te downloaden.
audience = Beheerders van { -lucca } en gebruikers van { -inside-online }
keywords = Lucca, Inside Online, Infineo, connector, API-sleutel, Dataviz, rapportage
intro =
    Deze integratie is ontwikkeld door { -infineo }. { -inside-online } leest de gegevens van
    { -lucca } in realtime via de API, zodat je je indicatoren en dashboards in { -inside-online }
    (Dataviz & Reporting 365) kunt opbouwen.

    Meer over deze leverancier lees je op zijn pagina in de { -lucca } Marketplace.

fact-solutions = HR-basis, Onkostendeclaraties, Afwezigheden
    .label = Betrokken oplossingen
fact-read-type = API
    .label = Type uitlezing
fact-direction = { -lucca } uitgelezen door { -inside-online }
    .label = Richting
fact-frequency = Realtime verbinding met de { -lucca }-API
    .label = Frequentie
fact-setup-by = Zelfstandig: je registreert je URL en API-sleutel in je { -infineo }-omgeving.
    .label = Instellen

prereq-app-admin = Je hebt de machtiging { -ui-app-admin-permission } in { -lucca }. Zonder die machtiging wordt de installatieknop niet getoond.
prereq-editor-contact = Je kent het e-mailadres van je contactpersoon bij de leverancier; dat is het technische contact van de API-sleutel.

section-synchronized-data = Gesynchroniseerde gegevens
    .intro = Bij de synchronisatie leest { -inside-online } de onderstaande gegevens uit { -lucca }.
group-data-employee = Gegevens van de medewerker
item-data-last-name = Achternaam van de medewerker
item-data-first-name = Voornaam van de medewerker
item-data-contract-start = Begindatum van het contract
item-data-contract-end = Einddatum van het contract
item-data-job-title = Functietitel
item-data-socio-professional = Beroepscategorie van de medewerker
item-data-profession = Beroep van de medewerker
item-data-establishment = Vestiging
item-data-department = Afdeling
group-data-expenses = Onkostendeclaraties van de medewerker
item-data-expense-nature = Soort uitgave
item-data-expense-amount = Bedrag van de uitgave
item-data-expense-period = Periode van de uitgave
item-data-refunded-amount = Terugbetaald bedrag
item-data-expense-characteristics = Kenmerken van de uitgave
item-data-expense-analytics = Analytische gegevens van de uitgave
item-data-expense-warning = Waarschuwing bij de uitgave
group-data-absences = Afwezigheden van de medewerker
item-data-absence-period = Periode van de afwezigheid
item-data-absence-account = Afwezigheidsrekening
item-data-account-categories = Rekeningcategorieën
item-data-absence-duration = Duur van de afwezigheid
text-permissions =
    Of deze gegevens in realtime kunnen worden gelezen, hangt af van de machtigingen van de
    API-sleutel (met name de machtiging { -ui-staff-records-permission }). Veel standaardvelden van
    { -lucca } zijn beschikbaar en selecteerbaar voor je indicatoren in { -inside-online }.

section-lucca-side = Het uitlezen instellen in { -lucca }
step-open-rocket = Klik in je { -lucca }-omgeving rechtsboven op het raketje.
step-open-integrations = Selecteer { -ui-lucca-integrations }.
    .alt = De Lucca-omgeving met het raketmenu geopend en Integraties geselecteerd.
step-search-app = Zoek de applicatie { -inside-online }.
step-create-api-key = Volg de aanwijzingen om je vooraf ingestelde API-sleutel aan te maken.
    .details =
        Vul als technisch contact het e-mailadres van je contactpersoon bij de leverancier in. De
        API-sleutel wordt automatisch aangemaakt met de machtigingen die de integratie nodig heeft.
trouble-no-install-button =
    .when = De installatieknop wordt niet getoond.
    .do =
        Waarschijnlijk mis je de machtiging { -ui-app-admin-permission }. Voeg die toe, of vraag de
        support van { -lucca } om je daarbij te helpen.
step-send-key = Stuur de aangemaakte API-sleutel en de URL van je { -lucca }-omgeving naar de leverancier.
text-test-base =
    Wil je testen, maak dan met dezelfde procedure een sleutel aan in je testomgeving. Je
    contactpersoon bij de leverancier vertelt je hoe je hun integratie in je { -lucca }-omgeving test.

section-inside-online-side = De connector aanmaken in { -inside-online }
step-open-connect = Open in je { -inside-online }-omgeving het tabblad { -ui-connect-tab } om de connector naar de { -lucca }-API aan te maken.
step-select-brick = Selecteer de bouwsteen { -ui-lucca-brick } en vul de twee gegevens in die voor de verbinding nodig zijn.
step-enter-url = De verbindings-URL van je { -lucca }-omgeving, bijvoorbeeld `{ $example-lucca-url }`.
step-enter-key = De API-sleutel die je eerder in je { -lucca }-omgeving hebt aangemaakt.
step-validate-connector = Bevestig het aanmaken van de connector.
    .details = De connector is daarna bruikbaar in je { -inside-online }-omgeving (Dataviz & Reporting 365).

section-standard-reports = De standaardrapporten downloaden
    .intro = Zodra de connector bestaat, kun je op het tabblad { -ui-dataviz-tab } eigen Dataviz-pagina's maken vanaf een leeg document, of kant-en-klare { -lucca }-rapporten downloaden.
step-add-document = Selecteer op het tabblad { -ui-dataviz-tab } { -ui-add-document }.
step-choose-lucca-brick = Kies de bouwsteen { -ui-lucca-brick }.
    .details = Er verschijnt een nieuw document in je Dataviz-omgeving, met pagina's om je afwezigheden en onkostendeclaraties te volgen.

collect = Gegevens om in { -inside-online } in te vullen
value-lucca-url = URL van je { -lucca }-omgeving
    .hint = Bijvoorbeeld `{ $example-lucca-url }`.
value-api-key = API-sleutel
    .hint = De vooraf ingestelde sleutel die je in { -ui-lucca-integrations } hebt aangemaakt.
