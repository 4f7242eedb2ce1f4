title = { -wpa } -integraation käyttöönotto
summary = Yhdistä { -wpm } -asiakasympäristö { -wpa } -palveluun, jotta asiakkaan varaustiedoista voidaan rakentaa raportointinäkymiä.
audience = Käyttöönottokonsultit
keywords = Workplace Analytics, raportointinäkymät, moduulin aktivointi, ulkoinen sovellus, salainen avain
intro =
    { -wpa } on tuote, jolla asiakkaalle voidaan tarjota kattavia raportointinäkymiä
    { -wpm } (WPM) -järjestelmän varaustiedoista. Lisätietoja näistä raportointinäkymistä löydät
    täältä: Dashboards.

    Näkymien käyttöönotto edellyttää integraatiota asiakkaan { -wpm } -ympäristön ja
    { -wpa } -ympäristön välille. Suurin osa työstä tehdään { -wpa } -puolella: { -wpm } -järjestelmässä
    riittää ulkoisen sovelluksen määrittäminen ja integraatiotietojen välittäminen { -wpa } -tiimille.
    Tämä ohje käsittelee { -wpm } -osuutta.

prereq-reservation-module = Varausmoduuli on aktivoitu. Integraatio perustuu varattaviin kohteisiin ja varauksiin.
prereq-incoming-web-services =
    Saapuvat verkkopalvelut ja rekisteröintiavaimen käyttö on otettu käyttöön include-määrityksessä
    { -ui-client-settings } → { -ui-authentication } → { -ui-access-rules }.
    Tässä include-määrityksessä on oltava neljä riviä.

    Jos näin ei ole, moduulin aktivointi päättyy virheeseen. Ota yhteyttä asiakastukeen
    ([support@spacewell.com](mailto:support@spacewell.com)), jos käyttösääntöjä ei ole määritetty
    oikein.

section-module-activation = Integraation käyttöönotto moduulin aktivoinnilla
step-open-module-activation = Valitse pääkäyttäjän aloituspaneelista { -ui-module-activation } ja valitse { -ui-wpa-integration }.
    .details =
        Moduulin aktivointi luo ja määrittää integraatiota varten ulkoisen sovelluksen ja erillisen
        verkkopalvelukäyttäjän. Kun aktivointi käynnistyy, ponnahdusikkuna näyttää tiedot, jotka
        välität { -wpa } -tiimille.
    .alt = Pääkäyttäjän aloituspaneeli, jossa Moduulin aktivointi on avattu ja Workplace Analytics -integraatio valittu.
step-check-server-url = Varmista, että käytät ponnahdusikkunassa asiakaskohtaista URL-osoitetta, esimerkiksi `{ $example-server }`.
    .note = Asiakaskohtaisella osoitteella integraatio toimii edelleen, vaikka asiakas siirrettäisiin joskus toiseen klusteriin.
step-reveal-secret = Tuo salainen avain näkyviin ponnahdusikkunan ohjeiden mukaisesti.
    .note = Salaisen avaimen näyttäminen edellyttää, että käyttäjälläsi on kumppanisalasana käytössä.
step-forward-values = Välitä ponnahdusikkunan tiedot { -wpa } -tiimille (katso [Välitettävät tiedot](#collect)).
text-request-again =
    Moduulin aktivoinnin jälkeen voit pyytää { -wpa } -tiimin tarvitsemat tiedot uudelleen:
    avaa { -ui-module-settings } → { -ui-integrations } → { -wpa } ja käytä siellä olevaa painiketta.

section-manual-setup = Tekninen tausta: manuaalinen määritys
    .intro =
        Nämä ovat vaiheet, jotka moduulin aktivointi tekee puolestasi { -wpm } -puolella. Tavallisessa
        käyttöönotossa et tarvitse niitä; käytä niitä taustatietona ja vianmääritykseen, jos määritys ei toimi.
step-note-client-reference = Avaa { -ui-client-settings } → { -ui-setup } ja kirjaa ylös asiakasviite.
step-open-authentication = Avaa { -ui-authentication } -välilehti.
step-open-external-apps = Vieritä alas ja avaa { -ui-external-apps } -välilehti.
step-create-analytics = Napsauta { -ui-create-analytics }.
step-activate-external-app = Kirjaa ylös ulkoisen sovelluksen viite ja aseta { -ui-commission } tilaan { -ui-active }.
step-open-trust-relations = Avaa { -ui-trust-relations } -välilehti.
    .alt = Luottosuhteet-välilehti, jossa näkyvät Käyttötunnus-, Avaintyyppi- ja Valtuutettu järjestelmäkäyttäjä -kentät.
step-note-access-id = Kirjaa ylös { -ui-access-id }.
step-check-key-type = Varmista, että { -ui-key-type } on { -ui-integration-secret-key }; muuta tarvittaessa.
step-check-system-user = Tarkista, että { -ui-authorized-system-user } on aktiivinen käyttäjä, jolla on pääsy Analytics-tietoihin; muuta tarvittaessa.
step-click-password-protected = Napsauta { -ui-password-protected }.
trouble-password-protected-missing =
    .when = { -ui-password-protected } ei näy.
    .do = Varmista, että käyttäjäsi kuuluu ryhmään { -ui-license-editor }.
step-click-reveal-secret-key = Napsauta { -ui-reveal-secret-key }.
step-enter-password = Anna salasanasi ja kirjaa ylös salainen avain.
    .note =
        Kumppanisalasanaa ei vielä voi käyttää tässä: jos käyttäjäsi on kumppanikäyttäjä, luo sille
        henkilökohtainen salasana. Tammikuun julkaisusta alkaen kumppanisalasana on tuettu.

collect = { -wpa } -tiimille välitettävät tiedot
    .intro = Näiden tietojen avulla { -wpa } voi muodostaa yhteyden asiakasympäristöön. Välitä ne kaikki { -wpa } -tiimille.
value-server = Palvelin
    .hint = Asiakkaan käyttämä { -axxerion } -aliverkkotunnus, esimerkiksi `{ $example-server }`.
value-client-reference = Asiakasviite
    .hint = Asiakkaan { -axxerion } -ympäristön yksilöivä tunniste, esimerkiksi `{ $example-client-reference }`.
value-external-app-id = Ulkoisen sovelluksen tunnus
value-access-id = Käyttötunnus
value-secret-key = Salainen avain
