title = Set up the { -lucca } connector with { -inside-online }
summary = Connect { -inside-online } to the { -lucca } API to build your HR indicators and download standard reports.
audience = { -lucca } administrators and { -inside-online } users
keywords = Lucca, Inside Online, Infineo, connector, API key, Dataviz, reporting
intro =
    This integration was developed by { -infineo }. { -inside-online } reads { -lucca } data in real
    time through the API, so that you can build your indicators and dashboards in { -inside-online }
    (Dataviz & Reporting 365).

    To learn more about this vendor, see its page on the { -lucca } Marketplace.

fact-solutions = Core HR, Expenses, Absences
    .label = Solutions concerned
fact-read-type = API
    .label = Type of reading
fact-direction = { -lucca } read from { -inside-online }
    .label = Direction
fact-frequency = Real-time connection to the { -lucca } API
    .label = Frequency
fact-setup-by = Self-service: you register your URL and API key in your { -infineo } space.
    .label = Setup

prereq-app-admin = You have the { -ui-app-admin-permission } permission in { -lucca }. Without it, the install button is not shown.
prereq-editor-contact = You know the email address of your contact at the vendor; it is the API key's technical contact.

section-synchronized-data = Synchronized data
    .intro = As part of the synchronization, { -inside-online } reads the data below from { -lucca }.
group-data-employee = Employee data
item-data-last-name = Employee's last name
item-data-first-name = Employee's first name
item-data-contract-start = Contract start date
item-data-contract-end = Contract end date
item-data-job-title = Job title
item-data-socio-professional = Employee's socio-professional category
item-data-profession = Employee's profession
item-data-establishment = Establishment
item-data-department = Department
group-data-expenses = Employee expense reports
item-data-expense-nature = Type of expense
item-data-expense-amount = Expense amount
item-data-expense-period = Expense period
item-data-refunded-amount = Refunded amount
item-data-expense-characteristics = Expense characteristics
item-data-expense-analytics = Expense analytics
item-data-expense-warning = Expense warning
group-data-absences = Employee absences
item-data-absence-period = Absence period
item-data-absence-account = Absence account
item-data-account-categories = Account categories
item-data-absence-duration = Absence duration
text-permissions =
    Reading this data in real time depends on the permissions given to the API key (in particular
    the { -ui-staff-records-permission } permission). Many standard { -lucca } fields are available
    and selectable for building your indicators in { -inside-online }.

section-lucca-side = Set up reading on the { -lucca } side
step-open-rocket = In your { -lucca } space, click the small rocket at the top right.
step-open-integrations = Select { -ui-lucca-integrations }.
    .alt = The Lucca space with the rocket menu open and the Integrations entry selected.
step-search-app = Search for the { -inside-online } application.
step-create-api-key = Follow the instructions to create your preconfigured API key.
    .details =
        As the technical contact, enter the email address of your contact at the vendor. The API key
        is created automatically with the permissions the integration needs.
trouble-no-install-button =
    .when = The install button is not shown.
    .do =
        You probably lack the { -ui-app-admin-permission } permission. Add it, or ask { -lucca } support
        to help you do so.
step-send-key = Send the generated API key and the URL of your { -lucca } environment to the vendor.
text-test-base =
    To run tests, generate a key on your test database with the same procedure. Your contact at the
    vendor will tell you how to organize tests of their integration on your { -lucca } space.

section-inside-online-side = Create the connector in { -inside-online }
step-open-connect = In your { -inside-online } environment, open the { -ui-connect-tab } tab to create the connector to the { -lucca } API.
step-select-brick = Select the { -ui-lucca-brick } brick and enter the two details the connection needs.
step-enter-url = The connection URL of your { -lucca } environment, for example `{ $example-lucca-url }`.
step-enter-key = The API key you created earlier in your { -lucca } environment.
step-validate-connector = Confirm the creation of the connector.
    .details = The connector can then be used in your { -inside-online } environment (Dataviz & Reporting 365).

section-standard-reports = Download the standard reports
    .intro = Once the connector exists, the { -ui-dataviz-tab } tab lets you create your own Dataviz pages from a blank document, or download ready-made { -lucca } reports.
step-add-document = In the { -ui-dataviz-tab } tab, select { -ui-add-document }.
step-choose-lucca-brick = Choose the { -ui-lucca-brick } brick.
    .details = A new document appears in your Dataviz environment, with pages for tracking your absences and expense reports.

collect = Details to enter in { -inside-online }
value-lucca-url = URL of your { -lucca } environment
    .hint = For example `{ $example-lucca-url }`.
value-api-key = API key
    .hint = The preconfigured key created in { -ui-lucca-integrations }.
