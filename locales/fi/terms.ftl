# Tuotenimet ja käyttöliittymän nimikkeet (suomi). `-ui-*`-termit näytetään käyttöliittymän nimikkeinä.

## Tuotteet
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
-ui-module-activation = Moduulin aktivointi
-ui-wpa-integration = Workplace Analytics -integraatio
-ui-module-settings = Moduuliasetukset
-ui-integrations = Integraatiot
-ui-client-settings = Asiakasasetukset
-ui-setup = Määritykset
-ui-authentication = Todennus
-ui-access-rules = Käyttösäännöt
-ui-external-apps = Ulkoiset sovellukset
-ui-create-analytics = Luo analytiikka
-ui-commission = Käyttöönotto
-ui-active = Aktiivinen
-ui-trust-relations = Luottosuhteet
-ui-access-id = Käyttötunnus
-ui-key-type = Avaintyyppi
-ui-integration-secret-key = Integraation salainen avain
-ui-authorized-system-user = Valtuutettu järjestelmäkäyttäjä
-ui-password-protected = salasanasuojattu
-ui-license-editor = lisenssien muokkaaja
-ui-reveal-secret-key = Näytä salainen avain

## Personio
-ui-marketplace = Marketplace
-ui-marketplace-permission = Marketplace-integraatio ja API
-ui-connect = Yhdistä
-ui-request-demo = Pyydä esittely
-ui-connected-integrations = Yhdistetyt integraatiot
-ui-monitor = Seuranta
-ui-show-details = Näytä tiedot
-ui-help-feedback = Ohje ja palaute

## Lucca ja Inside Online
-ui-lucca-integrations = 🔌 Integraatiot
-ui-app-admin-permission = Sovellusten hallinta
-ui-staff-records-permission = Henkilöstökansion tarkastelu
-ui-connect-tab = Connect
-ui-lucca-brick = Lucca
-ui-dataviz-tab = Dataviz
-ui-add-document = Lisää dokumentti

## Netvisor ja Rackbeat
# Sijamuodot: { -ui-company-menu(case: "elative") } = Yritysvalikosta
-ui-company-menu = { $case ->
   *[nominative] Yritysvalikko
    [elative] Yritysvalikosta
    [adessive] Yritysvalikolla
  }
-ui-api-permissions = Rajapintaresurssien käyttöoikeudet
-ui-ready-integrations = Valmiit integraatiot
-ui-integration-blocked = Integraatio estetty
-ui-company-settings = Yrityksen perustiedot ja asetukset
-ui-developer = Kehittäjä
-ui-new-api-key = API - uusi avain
