# Theme strings: everything a reader sees that does not come from a guide.
language-name = English
language-en = English
language-nl = Dutch
language-fr = French
language-fi = Finnish
language = Language
skip-to-content = Skip to content
breadcrumbs = Breadcrumbs
all-guides = All guides
footer = Integration setup guides
index-intro = Step-by-step guides for connecting your products.
no-guides = There are no guides yet.
facts = At a glance
prerequisites = Prerequisites
step-label = Step { $number }
note = Note
tip = Tip
warning = Warning
collects = You collect:
collected-in = { $count ->
        [one] Collected in step
       *[other] Collected in steps
    }
guide-fallback-banner = This guide is not yet translated into English; it is shown in its original language ({ $language }).
screenshot-language = Screenshot in { $language }
outdated = May be outdated
on-this-page = On this page
more-guides = More guides
previous-guide = Previous
next-guide = Next
copy-link = Copy link to this step
link-copied = Link copied
search = Search guides
search-no-results = No results
untranslated = Not yet translated
fallback-banner = { $percent ->
        [0] This page is not yet translated; it is shown in its original language.
       *[other] { $percent }% of this page is translated; the rest is shown in its original language.
    }
not-found-title = Page not found
not-found-text = The page you are looking for does not exist or has moved.
audience-label = For:
updated-on = Updated
and = and
trouble-problem = Problem
trouble-solution = Solution
dark-theme = Dark theme
og-locale = en_US
index-search-title = How can we help?
support-title = Still stuck?
support-text = Our support team helps you finish the setup.
support-action = Contact support
reading-progress = Reading progress
date = { $month } { $day }, { $year }
month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December

## Translation status and review pages (for the team)
status-title = Translation status
status-intro = Every guide in every language: share of words translated, and what needs work. A percentage shown as a link opens the side-by-side review of that translation.
status-guide = Guide
status-source = source
status-missing = missing
status-stale = outdated
status-obsolete = obsolete
review-title = Review
review-message = Message
review-page = open the page
review-changed = Source changed
