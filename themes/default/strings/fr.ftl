language-name = Français
language-en = anglais
language-nl = néerlandais
language-fr = français
language-fi = finnois
language = Langue
skip-to-content = Aller au contenu
breadcrumbs = Fil d’Ariane
all-guides = Tous les guides
footer = Guides de mise en place des intégrations
index-intro = Des guides pas à pas pour connecter vos produits.
no-guides = Aucun guide pour le moment.
facts = En bref
prerequisites = Prérequis
step-label = Étape { $number }
note = Remarque
tip = Astuce
warning = Attention
collects = À relever :
collected-in = { $count ->
        [one] À relever à l’étape
       *[other] À relever aux étapes
    }
guide-fallback-banner = Ce guide n’est pas encore traduit en français ; il est affiché dans sa langue d’origine ({ $language }).
screenshot-language = Capture d’écran en { $language }
outdated = Peut-être obsolète
on-this-page = Sur cette page
more-guides = Autres guides
previous-guide = Précédent
next-guide = Suivant
copy-link = Copier le lien vers cette étape
link-copied = Lien copié
search = Rechercher dans les guides
search-no-results = Aucun résultat
untranslated = Pas encore traduit
fallback-banner = { $percent } % de cette page est traduite ; le reste est affiché dans sa langue d’origine.
untranslated-banner = Cette page n’est pas encore traduite ; elle est affichée dans sa langue d’origine.
not-found-title = Page introuvable
not-found-text = La page que vous cherchez n’existe pas ou a été déplacée.
audience-label = Public :
updated-on = Mis à jour le
and = et
trouble-problem = Problème
trouble-solution = Solution
dark-theme = Thème sombre
og-locale = fr_FR
index-search-title = Comment pouvons-nous vous aider ?
support-title = Besoin d’aide ?
support-text = Notre équipe d’assistance vous aide à terminer la configuration.
support-action = Contacter l’assistance
date = { $day ->
        [1] 1er
       *[other] { $day }
    } { $month } { $year }
month-1 = janvier
month-2 = février
month-3 = mars
month-4 = avril
month-5 = mai
month-6 = juin
month-7 = juillet
month-8 = août
month-9 = septembre
month-10 = octobre
month-11 = novembre
month-12 = décembre
