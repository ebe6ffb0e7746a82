<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>mdp::audit::ui</name>
    <message>
        <source>Audit bundle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your auditor key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Auditor keys (*.key);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key file %1 cannot be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not an auditor key file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The site key %1 cannot be read as a PEM public key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open audit bundle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passphrase of the auditor key of %1:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The passphrase did not open the key. Passphrase of the auditor key of %1:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verifying the bundle: signatures, Merkle proofs, the server&apos;s witness…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The bundle does NOT verify and is not opened.

%1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mdp::audit::ui::ActivityChart</name>
    <message>
        <source>No activity in the bundle.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mdp::audit::ui::AuditBundleWindow</name>
    <message>
        <source>Audit bundle (offline, read-only) – MDP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit bundle from %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported by %1 on %2 · events %3–%4 of %5 · read-only, offline: nothing here changes any workspace.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verified before opening:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No server witness: the site server had not yet witnessed this log; only the workstation&apos;s signature vouches for it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Events from %1 on are signed by the workstation but not yet witnessed by the site server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>type:id, e.g. record:R-000123, or a bare id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By data ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the patient&apos;s pseudonym, e.g. P-7F3A…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patient&apos;s access history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Downloads/exports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Activity of</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select an event to see its full record.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Per-user figures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Activity timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your questions are recorded in %1; bring it to the next export (mdp audit export --reads) so the trail holds them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The question was not answered: the read log cannot be written (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a user.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a data ID.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the patient&apos;s pseudonym.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n event(s).</source>
        <translation>
            <numerusform>%n event.</numerusform>
            <numerusform>%n events.</numerusform>
        </translation>
    </message>
    <message>
        <source>Sealed for your auditor key (%1); every section authenticated (SM4-GCM).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The manifest is signed by the workstation&apos;s node key %1 (SM2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The workstation&apos;s checkpoint over %1 events, signed %2, verifies.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Events %1–%2: each decrypts under its own sequence number and chains to the one before (SM3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merkle inclusion: the events lead to the root over %1 events, consistent with the signed checkpoint (RFC 9162).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The site server witnessed the first %1 events on %2 with key %3, the site key you gave; the checkpoint extends that tree.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A server witnessed the first %1 events on %2 with key %3 (not compared with a site key: give --site-key); the checkpoint extends that tree.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mdp::audit::ui::AuditEventTableModel</name>
    <message>
        <source>Sign-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Locked out after failed sign-ins</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password reset by administrator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account locked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account unlocked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Authenticator key issued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Authenticator confirmed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Authenticator reset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data viewed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data queried</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data modified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data exported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key rotated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workspace unlocked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Configuration changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Security alert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit log read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit log verified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Success</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Serious failure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Major failure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(nobody identified)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 as %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>#</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data IDs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data key created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data key used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data key re-wrapped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data key retired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data key destroyed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key-encryption key created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key-encryption key rotated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Old key-encryption key erased</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Root key created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workspace passphrase changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patient registered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patient details changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patient record opened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patient search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patient records merged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patient merge undone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Possible duplicate dismissed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Project pseudonym issued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timeline viewed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timeline event added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timeline event edited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timeline event annotated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timeline event removed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timeline event restored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File attached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File detached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database commit anchored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Authenticator enrolment code issued</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mdp::audit::ui::AuditFeature</name>
    <message>
        <source>Audit log</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mdp::audit::ui::AuditLogPage</name>
    <message>
        <source>Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verify chain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trace what one user did over a period, or what happened to one datum. Every search is itself recorded in the log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By user and period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By data ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>type:id, e.g. patient:P-000123, or the ID alone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select an event to see its full record.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No events match.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a user.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The end of the period is before its start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The search failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a data ID.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re-reading and checking every event of the log…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The chain is intact: %n event(s) verified against the signed checkpoint.</source>
        <translation>
            <numerusform>The chain is intact: %n event verified against the signed checkpoint.</numerusform>
            <numerusform>The chain is intact: %n events verified against the signed checkpoint.</numerusform>
        </translation>
    </message>
    <message>
        <source>at event #%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in the signed checkpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The log was altered: first problem %1 (%2). %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a user and a period, or a data ID, then search. Nothing is read until you do.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The log cannot be checked: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reports…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mdp::audit::ui::AuditReport</name>
    <message>
        <source>Privileged actions (accounts, roles, keys, configuration)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed sign-ins</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Access to patient data (bulk access)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Downloads and exports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Permission changes (grants, revocations, roles)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused actions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Integrity of the audit trail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>High</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Medium</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Low</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No action needed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review the bursts of failed sign-ins with the accounts&apos; holders; consider locking accounts that were targeted and check the workstations involved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirm with the accounts&apos; holders that the failed sign-ins were their own.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask the accounts named for the purpose of the bulk or out-of-hours access and check it against their grants.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sample the accounts with most reads against their duties.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check each download and export against its approved request; confirm that delivered copies were destroyed when their grants ended.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Have a second administrator review the privileged actions; confirm each against a change request.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reconcile the permission changes with the ethics decisions and the site&apos;s register of grants.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Look for accounts whose refusals repeat: training, a wrong role, or probing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Treat the workstation as compromised until the gap or break is explained; keep its files as evidence.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit report %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workstation %1 · %2 to %3 · generated %4 by %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1. Scope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 audit events of %2 accounts on %3 days of the quarter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>2. Process</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every event recorded in the period was read from the workstation&apos;s tamper-evident audit log (the reading is itself recorded) and counted by kind; the alert rules&apos; findings of the period are included. The whole log was checked first: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This report is signed with the workstation&apos;s node key (SM2); SM3 of the signed report: %1 (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>signature verified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SIGNATURE DOES NOT VERIFY</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>3. Findings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Area</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accounts with most</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Risk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>4. Risks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No risk was found in the period.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>5. Recommendations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>verified: %1 events, hash chain, Merkle root and signed checkpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NOT verified: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mdp::audit::ui::AuditReportsDialog</name>
    <message>
        <source>Audit reports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generate report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quarter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Made</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>verified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>does not verify</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No report yet: choose a quarter and generate one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The report for %1 was generated, signed and kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 could not be written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking every event of the log before the report is made…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mdp::audit::ui::AuditReviewWindow</name>
    <message>
        <source>Show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read-only audit review – MDP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read-only audit review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · signed in as %2. This workspace failed its integrity checks and does not open for work; its audit trail can be read here. Nothing in the workspace is changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The full check found no problem now; the workspace may open again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why it did not open: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) read and verified in order.</source>
        <translation>
            <numerusform>%n event read and verified in order.</numerusform>
            <numerusform>%n events read and verified in order.</numerusform>
        </translation>
    </message>
    <message>
        <source>Not checked on this machine: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>type:id, e.g. patient:P-000123 (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select an event to see its full record.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n event(s).</source>
        <translation>
            <numerusform>%n event.</numerusform>
            <numerusform>%n events.</numerusform>
        </translation>
    </message>
</context>
</TS>
