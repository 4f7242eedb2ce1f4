title = Set up the { -rackbeat } integration in { -netvisor }
summary = Prepare { -netvisor } and { -rackbeat } so that { -netvisor } customer service can switch on the integration and synchronize your registers.
audience = { -netvisor } and { -rackbeat } administrators
keywords = Rackbeat integration, deployment, initial synchronization, API key
intro =
    { -netvisor } customer service switches the integration on. You prepare both { -netvisor } and
    { -rackbeat } as described in this guide, so that the deployment can start and the registers can
    be synchronized.

    The integration can run an initial synchronization of the basic registers either from
    { -netvisor } to { -rackbeat } or from { -rackbeat } to { -netvisor }, using the Rackbeat
    integration preparations guide. During deployment you can
    also choose whether all registers (customers, suppliers, products) are synchronized, or only
    some of them.

fact-deployed-by = { -netvisor } customer service
    .label = Deployed by
fact-direction = { -netvisor } → { -rackbeat } or { -rackbeat } → { -netvisor }
    .label = Initial synchronization
fact-registers = Customers, suppliers, products
    .label = Registers

prereq-same-products = The product registers are the same in { -netvisor } and { -rackbeat }, so that orders are assigned to the right suppliers and customers.

section-matching = How registers are matched
    .intro = The integration recognizes the same product or customer in both systems by these rules.
def-matching-rules-products = The product code decides. It may contain digits or letters.
    .term = Products
def-matching-rules-customers =
    The customer code decides, and it must consist of digits only.

    Second, the business ID is used: if a customer is created in { -rackbeat } with a business ID
    that already exists in { -netvisor }, the { -netvisor } customer card is overwritten with the
    { -rackbeat } data.

    Third, the name is used: if a customer named "Name" is created in { -rackbeat } and the
    { -netvisor } register has a customer named "Name", they are treated as the same customer.
    .term = Customers

section-netvisor-side = { -netvisor }: allow the integration and create API credentials
step-open-api-permissions = In the { -ui-company-menu }, open { -ui-api-permissions }.
step-search-rackbeat = Type "{ -rackbeat }" in the { -ui-ready-integrations } search field and select the result.
    .alt = The Netvisor API resource permissions view with Rackbeat found in the Ready-made integrations search.
step-allow-integration = Click the { -ui-integration-blocked } button; the required resources are activated.
step-create-credentials = Create software API credentials in { -netvisor }, as described in the guide on creating software API credentials.
step-send-credentials = Email the credentials you created (user identifier and key) to { -netvisor } customer support.

section-rackbeat-side = { -rackbeat }: create an API key
step-open-company-settings = In { -rackbeat }, open { -ui-company-settings } under your user name at the top right.
step-new-api-key = On the left, under the { -ui-developer } heading, choose { -ui-new-api-key }.
    .tip = It is a good idea to name the key { -netvisor }, for example.
step-copy-key = Copy the key and store it right away.
    .warning = The key is shown only once.

section-contact-support = Contact { -netvisor } customer support
step-email-support = Contact { -netvisor } customer support and ask for further instructions on delivering the credentials and deploying { -rackbeat }.
    .details = In the same message, give the details listed below.

collect = Tell { -netvisor } customer support
value-registers-to-transfer = Registers to transfer
    .hint = Which registers are transferred from { -netvisor } to { -rackbeat } (customers, products and suppliers).
value-go-live = When to switch on
    .hint = Whether the integration may be switched on right away or later, and if later, when. Once it is on, transactions and new register entries created in { -rackbeat } start moving to { -netvisor }.
value-netvisor-credentials = { -netvisor } software API credentials
    .hint = User identifier and key.
value-rackbeat-api-key = { -rackbeat } API key
