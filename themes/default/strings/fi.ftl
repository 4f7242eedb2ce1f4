language-name = Suomi
language-en = englanti
language-nl = hollanti
language-fr = ranska
language-fi = suomi
language = Kieli
skip-to-content = Siirry sisältöön
breadcrumbs = Murupolku
all-guides = Kaikki ohjeet
footer = Integraatioiden käyttöönotto-ohjeet
index-intro = Vaiheittaiset ohjeet tuotteidesi yhdistämiseen.
no-guides = Ohjeita ei ole vielä.
facts = Lyhyesti
prerequisites = Edellytykset
step-label = Vaihe { $number }
note = Huomio
tip = Vinkki
warning = Varoitus
collects = Kirjaa ylös:
collected-in = { $count ->
        [one] Kirjataan vaiheessa
       *[other] Kirjataan vaiheissa
    }
guide-fallback-banner = Tätä ohjetta ei ole vielä käännetty suomeksi; se näytetään alkuperäisellä kielellään ({ $language }).
screenshot-language = Kuvakaappaus: { $language }
outdated = Voi olla vanhentunut
on-this-page = Tällä sivulla
more-guides = Lisää ohjeita
previous-guide = Edellinen
next-guide = Seuraava
copy-link = Kopioi linkki tähän vaiheeseen
link-copied = Linkki kopioitu
search = Hae ohjeista
search-no-results = Ei tuloksia
untranslated = Ei vielä käännetty
fallback-banner = { $percent ->
        [0] Tätä sivua ei ole vielä käännetty; se näytetään alkuperäisellä kielellään.
       *[other] Sivusta on käännetty { $percent } %; loput näytetään alkuperäisellä kielellä.
    }
not-found-title = Sivua ei löytynyt
not-found-text = Etsimääsi sivua ei ole tai se on siirretty.
audience-label = Kohderyhmä:
updated-on = Päivitetty
and = ja
trouble-problem = Ongelma
trouble-solution = Ratkaisu
dark-theme = Tumma teema
og-locale = fi_FI
index-search-title = Miten voimme auttaa?
support-title = Jäikö jokin epäselväksi?
support-text = Tukitiimimme auttaa sinua viemään käyttöönoton loppuun.
support-action = Ota yhteyttä tukeen
reading-progress = Lukemisen edistyminen
date = { $day }. { $month }ta { $year }
month-1 = tammikuu
month-2 = helmikuu
month-3 = maaliskuu
month-4 = huhtikuu
month-5 = toukokuu
month-6 = kesäkuu
month-7 = heinäkuu
month-8 = elokuu
month-9 = syyskuu
month-10 = lokakuu
month-11 = marraskuu
month-12 = joulukuu
