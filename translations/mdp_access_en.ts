<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>mdp::access::ui::AccessFeature</name>
    <message>
        <source>My access</source>
        <translation>My access</translation>
    </message>
    <message>
        <source>Permission audit</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mdp::access::ui::AccessRequestDialog</name>
    <message>
        <source>Search and list patients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open patients&apos; records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter and change data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request access</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What you ask for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Access:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The research project (required)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Project:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The highest security level you need; level 5 needs named patients and two approvers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Up to &amp;level:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pseudonyms, separated by commas (empty: the cohort below)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P&amp;atients:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cohort criteria in words, no names or numbers (empty: the whole project)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Cohort:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counts only (no rows)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export de-identified data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Duration:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The research question, the analysis planned and why these data are needed (at least %1 characters)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P&amp;urpose:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data-sharing agreement %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I have read and accept the data-sharing agreement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in at the site server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When your account has an authenticator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verification c&amp;ode:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ethics review comes first, then the approvers the site&apos;s rules name. A grant is time-limited, opens de-identified data within this scope only, and ends with its local copy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name the research project.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask for counts only or for an export, not both.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Level 5 data is granted for named patients only: list their pseudonyms.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The scope is not valid: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State the purpose in detail (at least %1 characters): the ethics review and the approvers decide on it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accept the data-sharing agreement to send the request.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter your password to sign in at the site server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The site server refused the sign-in: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request was not sent: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mdp::access::ui::AccessRequestsPanel</name>
    <message>
        <source>Ethics review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>More information asked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approval, step %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Project: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Up to: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>all categories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patients (%1): %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cohort: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patients: the whole project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counts only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rows and a de-identified export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rows, de-identified, no export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Requester:&lt;/b&gt; %1 · &lt;b&gt;submitted&lt;/b&gt; %2 · &lt;b&gt;duration&lt;/b&gt; %3 days · &lt;b&gt;agreement&lt;/b&gt; %4&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Purpose&lt;/b&gt;&lt;br&gt;%1&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Scope&lt;/b&gt;&lt;br&gt;%1&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Decisions&lt;/b&gt;&lt;/p&gt;&lt;ul&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ethics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>step %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>approved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>asked for more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read the list from the site server again (F5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in at the server…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Withdraw</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Approve (A)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reject (R)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;More information (M)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request</source>
        <translation type="unfinished">Request</translation>
    </message>
    <message>
        <source>Project</source>
        <translation type="unfinished">Project</translation>
    </message>
    <message>
        <source>Requester</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Up to level</source>
        <translation type="unfinished">Up to level</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in at the site server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verification code (empty when your account has none):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The site server refused the sign-in: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;Requests live at the site server. Sign in there to see them.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The requests could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;You have made no access request. Where access is refused, the page offers one.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;Nothing waits for your decision.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pass the ethics review of %1. A note (optional):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approve %1. A note (optional):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reject %1: the reasons the requester will read:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What should the requester add or change?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was not decided: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is now: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was not withdrawn: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was withdrawn.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mdp::access::ui::MyAccessPage</name>
    <message>
        <source>My access</source>
        <translation>My access</translation>
    </message>
    <message>
        <source>The grants the site issued to you after ethics review and approval. This workstation checked each one (the site&apos;s signature, your account, this workstation&apos;s certificate) and enforces it until it ends, offline too. Data reaches you de-identified and within the approved scope only.</source>
        <translation>The grants the site issued to you after ethics review and approval. This workstation checked each one (the site&apos;s signature, your account, this workstation&apos;s certificate) and enforces it until it ends, offline too. Data reaches you de-identified and within the approved scope only.</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Request</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>Project</translation>
    </message>
    <message>
        <source>Up to level</source>
        <translation>Up to level</translation>
    </message>
    <message>
        <source>Approved by</source>
        <translation>Approved by</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>Valid until</translation>
    </message>
    <message>
        <source>Days left</source>
        <translation>Days left</translation>
    </message>
    <message>
        <source>You hold no grant on this workstation. Where access is refused, the page offers a request; once the site approves it, the grant arrives here at your next sign-in through the server.</source>
        <translation>You hold no grant on this workstation. Where access is refused, the page offers a request; once the site approves it, the grant arrives here at your next sign-in through the server.</translation>
    </message>
    <message>
        <source>Your grants could not be read: %1</source>
        <translation>Your grants could not be read: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Grants</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My &amp;requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To &amp;decide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open the data of this grant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Prepare waiting data (data managers)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patient (project pseudonym)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Form</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Formal version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a grant first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The delivered data could not be taken from the site server: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The providing site has not prepared this grant&apos;s data yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The data could not be opened: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What waits for data could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No grant waits for its data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The data of %1 was not sent: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n patient(s))</source>
        <translation>
            <numerusform>%1 (%n patient)</numerusform>
            <numerusform>%1 (%n patients)</numerusform>
        </translation>
    </message>
    <message>
        <source>Sealed and sent: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mdp::access::ui::PermissionAuditPage</name>
    <message>
        <source>Permission audit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every account of the site with its roles, grants and requests, and the full history of the grants the site issued, as the site server holds them. Reading it is recorded there; each export is recorded here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The export was not written: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export PDF report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The report was not written: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Roles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grants in force</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests approved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request</source>
        <translation type="unfinished">Request</translation>
    </message>
    <message>
        <source>Project</source>
        <translation type="unfinished">Project</translation>
    </message>
    <message>
        <source>Up to level</source>
        <translation type="unfinished">Up to level</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation type="unfinished">Valid until</translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approved by</source>
        <translation type="unfinished">Approved by</translation>
    </message>
    <message>
        <source>The permission audit is read from the site server: sign in there first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The permission audit could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n grant(s) in the site&apos;s history.</source>
        <translation>
            <numerusform>%n grant in the site&apos;s history.</numerusform>
            <numerusform>%n grants in the site&apos;s history.</numerusform>
        </translation>
    </message>
    <message>
        <source>revoked %1 by %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in force</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read from the site server on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grant history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nothing was read from the site server yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 could not be written</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
