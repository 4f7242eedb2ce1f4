language-name = Nederlands
language-en = Engels
language-nl = Nederlands
language-fr = Frans
language-fi = Fins
language = Taal
skip-to-content = Naar de inhoud
breadcrumbs = Kruimelpad
all-guides = Alle handleidingen
footer = Handleidingen voor het instellen van integraties
index-intro = Stapsgewijze handleidingen voor het koppelen van je producten.
no-guides = Er zijn nog geen handleidingen.
facts = In het kort
prerequisites = Vereisten
step-label = Stap { $number }
note = Opmerking
tip = Tip
warning = Waarschuwing
collects = Je noteert:
collected-in = { $count ->
        [one] Genoteerd in stap
       *[other] Genoteerd in de stappen
    }
guide-fallback-banner = Deze handleiding is nog niet in het Nederlands vertaald; ze wordt in de oorspronkelijke taal getoond ({ $language }).
screenshot-language = Schermafbeelding in het { $language }
outdated = Mogelijk verouderd
on-this-page = Op deze pagina
more-guides = Meer handleidingen
previous-guide = Vorige
next-guide = Volgende
copy-link = Link naar deze stap kopiëren
link-copied = Link gekopieerd
search = Zoeken
search-no-results = Geen resultaten
untranslated = Nog niet vertaald
fallback-banner = { $percent ->
        [0] Deze pagina is nog niet vertaald; ze wordt in de oorspronkelijke taal getoond.
       *[other] { $percent }% van deze pagina is vertaald; de rest wordt in de oorspronkelijke taal getoond.
    }
not-found-title = Pagina niet gevonden
not-found-text = De pagina die je zoekt bestaat niet of is verplaatst.
audience-label = Voor:
updated-on = Bijgewerkt op
and = en
trouble-problem = Probleem
trouble-solution = Oplossing
dark-theme = Donker thema
og-locale = nl_NL
index-search-title = Waarmee kunnen we je helpen?
support-title = Kom je er niet uit?
support-text = Ons supportteam helpt je de koppeling af te ronden.
support-action = Neem contact op met support
reading-progress = Leesvoortgang
date = { $day } { $month } { $year }
month-1 = januari
month-2 = februari
month-3 = maart
month-4 = april
month-5 = mei
month-6 = juni
month-7 = juli
month-8 = augustus
month-9 = september
month-10 = oktober
month-11 = november
month-12 = december
