title = Activate and monitor integrations in the { -personio } { -ui-marketplace }
summary = Find integrations in the { -ui-marketplace }, activate them, check their status and follow their synchronizations.
audience = { -personio } administrators
keywords = Marketplace, integrations, activate, synchronization, status, monitoring
intro =
    The { -ui-marketplace } lists every integration you can use with { -personio }. With these
    integrations you can personalize and automate workflows. This guide explains how to activate
    integrations, check their status and monitor the synchronizations they run.

fact-kinds = Integrations by { -personio } and integrations by partners
    .label = Kinds of integrations
fact-partner-levels = Select, Elite and Premier
    .label = Partner levels
fact-access = Sidebar → { -ui-marketplace }
    .label = Access

prereq-edit-rights = You have edit rights for { -ui-marketplace-permission }. Without them you cannot use the { -ui-marketplace } or set up integrations.

section-find-integration = Find an integration
step-open-marketplace = In the sidebar of your { -personio } account, click { -ui-marketplace }.
    .alt = The Personio sidebar with Marketplace selected and the overview of integrations.
step-browse = Browse the { -ui-marketplace }. You can also use the filter or the search bar.
step-open-integration = Click the integration to learn more about its configuration, permissions and price.
    .details =
        The right-hand panel has more details about support and the developer. Badges show the
        integration's partner level: Select, Elite or Premier. Configuration and support can differ
        by type of integration.
text-not-found = Can't find an integration? Request one, or build your own integration with the public { -personio } APIs.

section-activate = Activate an integration
step-select-integration = Select the integration in the { -ui-marketplace }.
step-request-demo = Optional: click { -ui-request-demo } to request a demo before you connect the integration.
step-connect = Click { -ui-connect }.
step-follow-wizard = Follow the steps of the configuration wizard.

section-connected = View connected integrations
    .intro = This is how you check the status of the integrations connected to your { -personio } account.
step-open-marketplace-home = Go to the { -ui-marketplace } home page.
step-open-connected = Click { -ui-connected-integrations }.
table-connection-status =
    .col-status = Status
row-connection-status-connected =
    .status = Connected
row-connection-status-inactive =
    .status = Inactive
row-connection-status-pending =
    .status = Pending

section-monitor = Monitor an integration's synchronizations
    .intro = For some integrations you can view monitoring information about their periodic synchronizations. This makes it easier to find and fix synchronization problems.
    .note = This feature is only available for certain integrations, including some identity and access management integrations and team communication integrations.
step-monitor-open-connected = In the { -ui-marketplace }, click { -ui-connected-integrations }.
step-monitor-select = Click an integration.
step-monitor-tab = Click { -ui-monitor }.
step-show-details = Click { -ui-show-details } for more information about specific employees, including their synchronization status and errors.
    .details = This shows which employees are affected by synchronization problems, and gives you the information to solve the problem.
list-monitor-shows =
    .intro = The { -ui-monitor } tab shows:
item-monitor-shows-statuses = Synchronization statuses.
item-monitor-shows-dates = Synchronization dates.
item-monitor-shows-operations = Operations performed, for example update, provision, deprovision or link.
table-sync-status =
    .intro = See the following table for information about the synchronization status.
    .col-status = Status
    .col-meaning = Meaning
row-sync-status-succeeded =
    .status = Succeeded
row-sync-status-partial =
    .status = Partially succeeded
row-sync-status-failed =
    .status = Failed
    .meaning = For failed or partial synchronizations you can view error information and API responses, when available.
list-details-shows =
    .intro = The { -ui-show-details } view shows:
item-details-shows-sync-date = The date of the synchronization.
item-details-shows-employee-id = The employee ID, with a link to the { -personio } profile.
item-details-shows-use-cases = The use cases: the type of operation.
item-details-shows-status = The status: succeeded, failed or skipped.
item-details-shows-message = A message with information and error details.

section-help = Get help with an integration
item-help-channels-personio-integration = For help with a { -personio } integration: contact us through { -ui-help-feedback }.
item-help-channels-partner-integration = For help with a partner integration: click the support link in the right-hand panel of the integration's page in the { -ui-marketplace }. { -personio } cannot support solutions developed by partners.
