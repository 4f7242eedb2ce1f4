title = Integraatioiden aktivointi ja seuranta { -personio }n { -ui-marketplace }ssa
summary = Löydä integraatiot { -ui-marketplace }sta, aktivoi ne, tarkista niiden tila ja seuraa niiden synkronointeja.
audience = { -personio }n pääkäyttäjät
keywords = Marketplace, integraatiot, aktivointi, synkronointi, tila, seuranta
intro =
    { -ui-marketplace }sta löydät kaikki integraatiot, joita voit käyttää { -personio }n kanssa.
    Integraatioiden avulla voit mukauttaa ja automatisoida työnkulkuja. Tässä ohjeessa kerrotaan,
    miten aktivoit integraatioita, tarkistat niiden tilan ja seuraat niiden tekemiä synkronointeja.

fact-kinds = { -personio }n omat integraatiot ja kumppanien integraatiot
    .label = Integraatiotyypit
fact-partner-levels = Select, Elite ja Premier
    .label = Kumppanitasot
fact-access = Sivupalkki → { -ui-marketplace }
    .label = Pääsy

prereq-edit-rights = Sinulla on muokkausoikeudet kohteeseen { -ui-marketplace-permission }. Ilman niitä et voi käyttää { -ui-marketplace }a etkä määrittää integraatioita.

section-find-integration = Integraation etsiminen
step-open-marketplace = Napsauta { -personio }-tilisi sivupalkissa { -ui-marketplace }.
    .alt = Personion sivupalkki, jossa Marketplace on valittuna, ja integraatioiden luettelo.
step-browse = Selaa { -ui-marketplace }a. Voit käyttää myös suodatinta tai hakupalkkia.
step-open-integration = Napsauta integraatiota, niin näet lisätietoja sen määrityksistä, käyttöoikeuksista ja hinnasta.
    .details =
        Oikean reunan paneelissa on lisätietoja tuesta ja kehittäjästä. Merkit kertovat integraation
        kumppanitason: Select, Elite tai Premier. Määritykset ja tuki voivat vaihdella integraation
        tyypin mukaan.
text-not-found = Etkö löydä integraatiota? Pyydä integraatiota tai rakenna oma integraatiosi { -personio }n julkisten rajapintojen avulla.

section-activate = Integraation aktivointi
step-select-integration = Valitse integraatio { -ui-marketplace }sta.
step-request-demo = Valinnainen: napsauta { -ui-request-demo }, jos haluat esittelyn ennen integraation yhdistämistä.
step-connect = Napsauta { -ui-connect }.
step-follow-wizard = Seuraa määritysohjatun toiminnon vaiheita.

section-connected = Yhdistettyjen integraatioiden tarkastelu
    .intro = Näin tarkistat { -personio }-tiliisi yhdistettyjen integraatioiden tilan.
step-open-marketplace-home = Siirry { -ui-marketplace }n etusivulle.
step-open-connected = Napsauta { -ui-connected-integrations }.
table-connection-status =
    .col-status = Tila
row-connection-status-connected =
    .status = Yhdistetty
row-connection-status-inactive =
    .status = Ei käytössä
row-connection-status-pending =
    .status = Odottaa

section-monitor = Integraation synkronointien seuranta
    .intro = Joidenkin integraatioiden säännöllisistä synkronoinneista voit tarkastella seurantatietoja. Näin synkronointiongelmien löytäminen ja korjaaminen on helpompaa.
    .note = Tämä toiminto on käytettävissä vain tietyissä integraatioissa, kuten joissakin identiteetin- ja käyttöoikeuksienhallinnan integraatioissa sekä tiimiviestinnän integraatioissa.
step-monitor-open-connected = Napsauta { -ui-marketplace }ssa { -ui-connected-integrations }.
step-monitor-select = Napsauta integraatiota.
step-monitor-tab = Napsauta { -ui-monitor }.
step-show-details = Napsauta { -ui-show-details }, niin näet lisätietoja yksittäisistä työntekijöistä, kuten heidän synkronointitilansa ja virheensä.
    .details = Näet, mihin työntekijöihin synkronointiongelmat vaikuttavat, ja löydät tiedot ongelman ratkaisemiseen.
list-monitor-shows =
    .intro = { -ui-monitor } -välilehdellä näkyvät:
item-monitor-shows-statuses = Synkronointien tilat.
item-monitor-shows-dates = Synkronointien päivämäärät.
item-monitor-shows-operations = Tehdyt toiminnot, esimerkiksi päivitys, käyttöoikeuksien luonti, niiden poisto tai linkitys.
table-sync-status =
    .intro = Katso synkronoinnin tilaa koskevat tiedot seuraavasta taulukosta.
    .col-status = Tila
    .col-meaning = Selitys
row-sync-status-succeeded =
    .status = Onnistui
row-sync-status-partial =
    .status = Onnistui osittain
row-sync-status-failed =
    .status = Epäonnistui
    .meaning = Epäonnistuneista ja osittaisista synkronoinneista voit tarkastella virhetietoja ja rajapinnan vastauksia, jos ne ovat saatavilla.
list-details-shows =
    .intro = { -ui-show-details } -näkymässä näkyvät:
item-details-shows-sync-date = Synkronoinnin päivämäärä.
item-details-shows-employee-id = Työntekijän tunnus ja linkki { -personio }-profiiliin.
item-details-shows-use-cases = Käyttötapaukset: toiminnon tyyppi.
item-details-shows-status = Tila: onnistui, epäonnistui tai ohitettu.
item-details-shows-message = Viesti, jossa on tietoja ja virheen yksityiskohdat.

section-help = Apua integraatioon
item-help-channels-personio-integration = { -personio }n omat integraatiot: ota meihin yhteyttä kohdassa { -ui-help-feedback }.
item-help-channels-partner-integration = Kumppanien integraatiot: napsauta integraation { -ui-marketplace }-sivun oikean reunan paneelissa olevaa tukilinkkiä. { -personio } ei voi tukea kumppanien kehittämiä ratkaisuja.
