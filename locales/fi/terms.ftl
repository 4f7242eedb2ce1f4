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
