title = { -lucca }-liittimen käyttöönotto { -inside-online } -palvelussa
summary = Yhdistä { -inside-online } { -lucca }n rajapintaan, niin voit rakentaa HR-mittarisi ja ladata vakioraportit.
audience = { -lucca }n pääkäyttäjät ja { -inside-online } -palvelun käyttäjät
keywords = Lucca, Inside Online, Infineo, liitin, API-avain, Dataviz, raportointi
intro =
    Tämän integraation on kehittänyt { -infineo }. { -inside-online } lukee { -lucca }n tietoja
    reaaliaikaisesti rajapinnan kautta, joten voit rakentaa mittarisi ja raportointinäkymäsi
    { -inside-online } -palvelussa (Dataviz & Reporting 365).

    Lisätietoja toimittajasta löydät sen esittelysivulta { -lucca }n Marketplacesta.

fact-solutions = HR-perusta, kulukorvaukset, poissaolot
    .label = Ratkaisut
fact-read-type = API
    .label = Lukutapa
fact-direction = { -inside-online } lukee { -lucca }n tietoja
    .label = Suunta
fact-frequency = Reaaliaikainen yhteys { -lucca }n rajapintaan
    .label = Tiheys
fact-setup-by = Itsepalveluna: tallennat URL-osoitteesi ja API-avaimesi { -infineo }-tilaasi.
    .label = Käyttöönotto

prereq-app-admin = Sinulla on { -lucca }ssa käyttöoikeus { -ui-app-admin-permission }. Ilman sitä asennuspainike ei näy.
prereq-editor-contact = Tiedät toimittajan yhteyshenkilösi sähköpostiosoitteen; sitä käytetään API-avaimen teknisenä yhteystietona.

section-synchronized-data = Synkronoitavat tiedot
    .intro = Synkronoinnissa { -inside-online } lukee { -lucca }sta alla luetellut tiedot.
group-data-employee = Työntekijän tiedot
item-data-last-name = Työntekijän sukunimi
item-data-first-name = Työntekijän etunimi
item-data-contract-start = Työsuhteen alkamispäivä
item-data-contract-end = Työsuhteen päättymispäivä
item-data-job-title = Tehtävänimike
item-data-socio-professional = Työntekijän ammattiryhmä
item-data-profession = Työntekijän ammatti
item-data-establishment = Toimipaikka
item-data-department = Osasto
group-data-expenses = Työntekijän kulukorvaukset
item-data-expense-nature = Kulun laji
item-data-expense-amount = Kulun summa
item-data-expense-period = Kulun ajanjakso
item-data-refunded-amount = Korvattu summa
item-data-expense-characteristics = Kulun ominaisuudet
item-data-expense-analytics = Kulun kustannuspaikkatiedot
item-data-expense-warning = Kulun varoitus
group-data-absences = Työntekijän poissaolot
item-data-absence-period = Poissaolon ajanjakso
item-data-absence-account = Poissaolotili
item-data-account-categories = Tililuokat
item-data-absence-duration = Poissaolon kesto
text-permissions =
    Tietojen reaaliaikainen lukeminen riippuu API-avaimelle annetuista käyttöoikeuksista (erityisesti
    käyttöoikeudesta { -ui-staff-records-permission }). Monet { -lucca }n vakiokentät ovat
    valittavissa, kun rakennat mittareitasi { -inside-online } -palvelussa.

section-lucca-side = Lukemisen määritys { -lucca }ssa
step-open-rocket = Napsauta { -lucca }-tilasi oikeassa yläkulmassa olevaa pientä rakettia.
step-open-integrations = Valitse { -ui-lucca-integrations }.
    .alt = Lucca-tila, jossa raketin valikko on auki ja Integraatiot valittuna.
step-search-app = Hae sovellus { -inside-online }.
step-create-api-key = Luo valmiiksi määritetty API-avain ohjeiden mukaisesti.
    .details =
        Anna teknisen yhteyshenkilön kohdalle toimittajan yhteyshenkilösi sähköpostiosoite. API-avain
        luodaan automaattisesti integraation tarvitsemin käyttöoikeuksin.
trouble-no-install-button =
    .when = Asennuspainike ei näy.
    .do =
        Sinulta puuttuu todennäköisesti käyttöoikeus { -ui-app-admin-permission }. Lisää se tai pyydä
        { -lucca }n tukea auttamaan.
step-send-key = Lähetä luotu API-avain ja { -lucca }-ympäristösi URL-osoite toimittajalle.
text-test-base =
    Jos haluat testata, luo avain testikantaasi samalla tavalla. Toimittajan yhteyshenkilösi kertoo,
    miten heidän integraatiotaan testataan { -lucca }-tilassasi.

section-inside-online-side = Liittimen luonti { -inside-online } -palvelussa
step-open-connect = Avaa { -inside-online } -ympäristössäsi { -ui-connect-tab } -välilehti ja luo liitin { -lucca }n rajapintaan.
step-select-brick = Valitse { -ui-lucca-brick } -rakennuspalikka ja anna yhteyden kaksi pakollista tietoa.
step-enter-url = { -lucca }-ympäristösi yhteysosoite, esimerkiksi `{ $example-lucca-url }`.
step-enter-key = Aiemmin { -lucca }-ympäristössäsi luotu API-avain.
step-validate-connector = Vahvista liittimen luonti.
    .details = Liitin on tämän jälkeen käytettävissä { -inside-online } -ympäristössäsi (Dataviz & Reporting 365).

section-standard-reports = Vakioraporttien lataaminen
    .intro = Kun liitin on luotu, voit { -ui-dataviz-tab } -välilehdellä luoda omia Dataviz-sivuja tyhjästä dokumentista tai ladata valmiita { -lucca }-raportteja.
step-add-document = Valitse { -ui-dataviz-tab } -välilehdellä { -ui-add-document }.
step-choose-lucca-brick = Valitse { -ui-lucca-brick } -rakennuspalikka.
    .details = Dataviz-ympäristöösi ilmestyy uusi dokumentti, jonka sivuilla voit seurata poissaoloja ja kulukorvauksia.

collect = { -inside-online } -palveluun syötettävät tiedot
value-lucca-url = { -lucca }-ympäristösi URL-osoite
    .hint = Esimerkiksi `{ $example-lucca-url }`.
value-api-key = API-avain
    .hint = { -ui-lucca-integrations } -kohdassa luotu valmiiksi määritetty avain.
