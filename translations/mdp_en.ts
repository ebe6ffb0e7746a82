<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>main</name>
    <message>
        <source>MDP</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>MDP demo</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The demo workspace could not be created: %1</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>mdp::accounts::PasswordPolicy</name>
    <message>
        <source>The password must be at least %n characters long.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The password must be at most %n characters long.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The password must mix at least %n of these kinds of characters: lower-case letters, upper-case letters, digits, other characters.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The password must not contain the user name.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>At least %1 characters, mixing at least %2 of: lower-case letters, upper-case letters, digits, other characters; not containing the user name.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>mdp::accounts::Role</name>
    <message>
        <source>Clinician</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Reviewer</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Researcher</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Ethics reviewer</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Data manager</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Auditor</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>System administrator</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>mdp::shell::AboutDialog</name>
    <message>
        <source>MDP Clinical Research Workstation</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>About MDP</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Version %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Implements the group standard JH/CAA 008-2025, Overall Technical Specifications for a Multimodal Disease-Oriented Data Platform.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Components</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>shown once a workspace is open</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Third-party components keep their own licences: Qt under the GNU LGPL v3, SQLCipher under a BSD-style licence, libgcrypt under the GNU LGPL v2.1 or later, OpenSSL under the Apache License 2.0, Noto CJK fonts under the SIL Open Font License 1.1.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>mdp::shell::AccountDialog</name>
    <message>
        <source>Enters and edits patient data of the cohort.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Reviews submitted records and approves or rejects them.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Works with de-identified data within approved grants only.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Reviews access requests for ethics compliance.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Approves access requests and manages data quality.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Reads and verifies the audit log; holds no other role.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Manages accounts, keys and the workstation.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>User name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Display name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Role</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>New password</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Initial password</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Confirm password</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Add account</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Create account</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Change role</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Reset password</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The two passwords do not match.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>mdp::shell::AccountTableModel</name>
    <message>
        <source>, </source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Locked by administrator</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Locked out until %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Active</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Set up</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Not set up yet</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Not required</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Never</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%n failed sign-in(s) since the last success</source>
        <translation><numerusform>%n failed sign-in since the last success</numerusform><numerusform>%n failed sign-ins since the last success</numerusform></translation>
    </message>
    <message>
        <source>User name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Display name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Role</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Two-step sign-in</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Last sign-in</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>mdp::shell::AccountsPage</name>
    <message>
        <source>Accounts</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>One personal account per person, with the least role they need. Every change is recorded in the audit log.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Add account…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Lock</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Change role…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Reset password…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Reset authenticator</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The account list could not be read: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Unlock</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Account %1 created. Give the initial password to its owner in person.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The account was not created: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Lock account</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Lock the account %1? Its owner cannot sign in until it is unlocked.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Account %1 unlocked.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Account %1 locked.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The change was refused: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The role of %1 is now %2.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The role was not changed: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The password of %1 was reset. Give it to its owner in person.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The password was not reset: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Remove the authenticator of %1? Use this when the device is lost. The owner sets up a new authenticator at the next sign-in.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The authenticator of %1 was removed.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The authenticator was not reset: %1</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>mdp::shell::AdminAccountWizardPage</name>
    <message>
        <source>First administrator</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The system administrator creates the accounts of clinicians, reviewers, researchers and auditors. Use a personal account, not a shared one.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>e.g. Wang Fang, Information Department</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>User name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Lower-case letters, digits, '.', '_' and '-'; starts with a letter.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Display name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Confirm password</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The two passwords do not match.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This password is the administrator's own and is different from the workspace passphrase. Administrators also confirm each sign-in with a code from an authenticator app; it is set up at the first sign-in.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>mdp::shell::AuditEventTableModel</name>
    <message>
        <source>Sign-in</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sign-out</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Locked out after failed sign-ins</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Account created</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Password changed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Password reset by administrator</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Role changed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Account locked</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Account unlocked</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Authenticator key issued</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Authenticator confirmed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Authenticator reset</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Data viewed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Data queried</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Data created</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Data modified</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Data deleted</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Data exported</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Key rotated</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Workspace unlocked</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>System started</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>System stopped</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Configuration changed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Security alert</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Audit log read</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Audit log verified</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Success</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Serious failure</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Major failure</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>(nobody identified)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 as %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>#</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Event</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>User</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Outcome</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Data IDs</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Detail</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Data key created</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Data key used</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Data key re-wrapped</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Data key retired</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Data key destroyed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Key-encryption key created</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Key-encryption key rotated</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Old key-encryption key erased</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Root key created</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Workspace passphrase changed</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>mdp::shell::AuditLogPage</name>
    <message>
        <source>Search</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Verify chain</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Audit log</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Trace what one user did over a period, or what happened to one datum. Every search is itself recorded in the log.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>By user and period</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>By data ID</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>User</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>to</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>type:id, e.g. patient:P-000123, or the ID alone</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Data ID</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Select an event to see its full record.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No events match.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Choose a user.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The end of the period is before its start.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The search failed: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Enter a data ID.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Re-reading and checking every event of the log…</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>The chain is intact: %n event(s) verified against the signed checkpoint.</source>
        <translation><numerusform>The chain is intact: %n event verified against the signed checkpoint.</numerusform><numerusform>The chain is intact: %n events verified against the signed checkpoint.</numerusform></translation>
    </message>
    <message>
        <source>at event #%1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>in the signed checkpoint</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The log was altered: first problem %1 (%2). %3</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Choose a user and a period, or a data ID, then search. Nothing is read until you do.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>mdp::shell::CipherNames</name>
    <message>
        <source>SM4-CBC (national algorithm)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>SM4-GCM (national algorithm)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>AES-256-CBC</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>AES-256-GCM</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>SM4</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>AES-256</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Workspace passphrase, %1 with %2 iterations</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Hardware security token (PKCS#11) %1</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>mdp::shell::CommandLine</name>
    <message>
        <source>MDP clinical research workstation (JH/CAA 008-2025).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Start on a throw-away demo workspace with one account per role, signed in.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Role to sign in as in demo mode (default: clinician). One of: %1.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Workspace folder to open or create.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Interface language: zh_CN or en.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Save the first window as a PNG image once it is shown, then quit.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Page to show first: overview, audit-log, accounts, keys or my-account.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>unknown role "%1"</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>unknown language "%1" (use zh_CN or en)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>unknown page "%1"</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>unexpected argument "%1"</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>mdp::shell::DoneWizardPage</name>
    <message>
        <source>Workspace created</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The encrypted workspace is ready.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Next steps: create an account for each person who uses this workstation (Accounts page) and check the keys (Keys page).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sign in as %1 with the password you just chose.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>mdp::shell::EncryptionWizardPage</name>
    <message>
        <source>SM4 national algorithm (recommended)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>AES-256</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Encryption</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Choose the algorithm that encrypts the database and the file store. It cannot be changed after the workspace is created.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>GB/T 32907-2016 · meets JH/CAA 008-2025 §7.4.3</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The Chinese commercial cryptographic standard required for sensitive health data. Database pages are encrypted with SM4-CBC, files with SM4-GCM.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>FIPS 197 · international standard</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Choose it only when a partner institution requires AES. Database pages are encrypted with AES-256-CBC, files with AES-256-GCM.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>In both cases the keys are derived with PBKDF2-HMAC-SM3 and the audit log is chained with SM3.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>mdp::shell::FirstRunWizard</name>
    <message>
        <source>Set up MDP</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>mdp::shell::KeyTableModel</name>
    <message>
        <source>Root key</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Key-encryption key</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Data key</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Active</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Retired</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Destroyed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Database</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>File store</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Audit log</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Signing</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Grant %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Purpose</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Version</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Algorithm</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Changed</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>mdp::shell::KeysPage</name>
    <message>
        <source>Rotate…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Keys</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The root key protects one key-encryption key per purpose, which in turn wraps the data keys. Key material never leaves the key hierarchy; only these facts are shown.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Moves the selected purpose to a new key-encryption key version</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Rotating re-wraps every data key of the purpose under a new key-encryption key and erases the old one; the data itself is not re-encrypted. Rotate after staff changes or a suspected exposure.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Rotate key</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Rotate the key-encryption key for “%1”?

Every data key of this purpose is re-wrapped under a new version and the old version is erased. The action is recorded in the audit log.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The key for “%1” was rotated.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The key was not rotated: %1</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>mdp::shell::LocationWizardPage</name>
    <message>
        <source>Workspace location</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The workspace is one folder. Put it on a local disk that is backed up; the contents are encrypted.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Browse…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Folder</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Keep the folder out of synchronised cloud drives: the audit log detects an older copy put back, and such drives do exactly that.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Choose the workspace folder</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>mdp::shell::LoginDialog</name>
    <message>
        <source>MDP – Sign in</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Clinical research workstation</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Data stay encrypted on this workstation. Every sign-in is recorded in the tamper-evident audit log.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Implements JH/CAA 008-2025</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>6-digit code from your authenticator app</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Workspace passphrase</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>User name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Verification code</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Set up your authenticator</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Caps Lock is on.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Quit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Use another account</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Workspace: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Unlock workspace</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Unlock and sign in</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Set up two-step sign-in</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Confirm code</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sign in</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Enter the workspace passphrase.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Enter your user name and password.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Enter the code your authenticator app shows.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Unlocking the workspace…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Checking your credentials…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The workspace passphrase is wrong. Nothing was changed; try again.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The database is older than the last state recorded in the audit log: an earlier copy appears to have been put back. Do not enter data; contact your system administrator.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The workspace is damaged or was altered outside MDP (%1). Contact your system administrator.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No workspace was found in this folder.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The workspace could not be opened: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The verification code is wrong or was already used. Enter the current code.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The user name or password is wrong.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Too many failed sign-ins. The account is locked until %1.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This account is locked. Ask a system administrator to unlock it.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Your role requires two-step sign-in. Enter the code your authenticator app shows.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sign-in failed: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Preparing your authenticator key…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Your role requires two-step sign-in and no authenticator is set up yet for this account.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Checking the code…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The code was not accepted. Check that the device's clock is right and enter the current code.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Authenticator set up. Wait for the next code (each code works once) and enter it to sign in.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>mdp::shell::MainWindow</name>
    <message>
        <source>MDP Clinical Research Workstation</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Verify audit chain</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>The workspace is intact: the database, the audit chain of %n event(s) and the rollback anchor are consistent.</source>
        <translation><numerusform>The workspace is intact: the database, the audit chain of %n event and the rollback anchor are consistent.</numerusform><numerusform>The workspace is intact: the database, the audit chain of %n events and the rollback anchor are consistent.</numerusform></translation>
    </message>
    <message>
        <source>A problem was found: %1

Do not enter data and contact your system administrator.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Clinical research workstation</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Lock workspace</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Log &amp;out</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Verify audit chain</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;About MDP</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 (%2) · %3</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Verifying…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Workspace: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Encryption: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Database %1, files %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Audit events: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Integrity not yet verified</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Integrity verified %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Integrity problem</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>mdp::shell::MyAccountPage</name>
    <message>
        <source>Change password</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Set up authenticator</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Confirm code</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>My account</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 · %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Current password</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>New password</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Confirm new password</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Two-step sign-in</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>An authenticator app is set up for this account. If you lose the device, ask a system administrator to reset it; you then set up a new one.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Your role requires a code from an authenticator app at each sign-in.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Your role does not require it, but a code from an authenticator app at each sign-in protects your account further.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The two passwords do not match.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Your password was changed.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The current password is wrong.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The password was not changed: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Enter your current password first.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The authenticator could not be set up: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The code was not accepted. Check that the device's clock is right and enter the current code.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Your authenticator is set up.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>mdp::shell::Navigation</name>
    <message>
        <source>Overview</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Audit log</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Accounts</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Keys</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>My account</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>mdp::shell::OverviewPage</name>
    <message>
        <source>, </source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Overview</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Welcome, %1. The state of the workspace on this workstation.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Integrity</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Verify now</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Audit log</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Your session</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>User name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Role</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Signed in</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Workspace</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Location</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Database encryption</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>File encryption</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Root key protection</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Committed transactions</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Verifying…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Checking the database pages, the audit hash chain and the rollback anchor.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Not verified in this session</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Verification checks the database, the audit hash chain and that no older copy of the database was put back.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Intact</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>Verified %1: database, audit chain of %n event(s) and rollback anchor are consistent.</source>
        <translation><numerusform>Verified %1: database, audit chain of %n event and rollback anchor are consistent.</numerusform><numerusform>Verified %1: database, audit chain of %n events and rollback anchor are consistent.</numerusform></translation>
    </message>
    <message>
        <source>Problem found</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Verified %1: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Events in the tamper-evident, hash-chained log. Sign-ins, account changes, key use and every reading of the log are recorded.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>mdp::shell::PassphraseStrength</name>
    <message numerus="yes">
        <source>Use at least %n characters.</source>
        <translation><numerusform>Use at least %n character.</numerusform><numerusform>Use at least %n characters.</numerusform></translation>
    </message>
    <message>
        <source>Do not repeat one character or a short pattern.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Too short</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Not acceptable</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Weak</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Fair</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Good</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Strong</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>mdp::shell::PassphraseWizardPage</name>
    <message>
        <source>I understand that a lost passphrase cannot be recovered.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Workspace passphrase</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The passphrase unlocks the workspace. Every key that encrypts your data is derived from it.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Passphrase</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Strength</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Confirm</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>At least %n characters; not one character or a short pattern repeated. A sentence of several words is easy to remember and hard to guess.</source>
        <translation><numerusform>At least %n character; not one character or a short pattern repeated. A sentence of several words is easy to remember and hard to guess.</numerusform><numerusform>At least %n characters; not one character or a short pattern repeated. A sentence of several words is easy to remember and hard to guess.</numerusform></translation>
    </message>
    <message>
        <source>Nobody can reset or recover this passphrase, not even the vendor. If it is lost, the encrypted data in this workspace cannot be read again. Write it down and keep it in a sealed envelope in a safe place.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The two passphrases do not match.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>mdp::shell::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Follow the system</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Never</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source> min</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Interface language</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Takes effect when MDP is started again.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Lock after inactivity</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The workspace locks itself after this many minutes without input; the passphrase is then needed again.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>mdp::shell::SummaryWizardPage</name>
    <message>
        <source>Ready to create the workspace</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Check your choices. Creating the workspace derives the keys from your passphrase, which takes a moment.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Create workspace</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Location</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Encryption</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Passphrase</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Administrator</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>SM4 national algorithm: database SM4-CBC, files SM4-GCM</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>AES-256: database AES-256-CBC, files AES-256-GCM</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Set and confirmed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Deriving keys and creating the encrypted workspace…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The workspace could not be created: %1</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>mdp::shell::TotpEnrolmentWidget</name>
    <message>
        <source>Copy the link</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>6-digit code</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>1. In your authenticator app, add an account by entering this key manually (time-based):</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Or paste this link into an app that accepts otpauth links:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>2. Enter the code the app now shows:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Algorithm %1 · %2 digits · new code every %3 seconds</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>mdp::shell::WelcomeWizardPage</name>
    <message>
        <source>Welcome to MDP</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This assistant sets up the encrypted workspace of this workstation. It takes about a minute.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>MDP keeps research data of your cohort in a workspace: an encrypted database, an encrypted file store and a tamper-evident audit log in one folder. Nothing is written to disk unencrypted.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Choose the folder that will hold the workspace.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Set the workspace passphrase that protects every key.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Choose the encryption algorithm: SM4 (national standard) or AES-256.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Create the first system administrator account.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Have the passphrase ready that your data protection officer assigned to this workstation, or choose a new one now.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>mdp::shell::WorkspaceLocation</name>
    <message>
        <source>The folder is empty and will hold the new workspace.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The folder does not exist yet and will be created.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This folder already contains other files. Choose an empty folder so the workspace is not mixed with unrelated data.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This folder already holds an MDP workspace. Choose another folder, or cancel and open the existing workspace.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This path is a file, not a folder.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Enter a full path, starting at the root of the file system.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>You do not have permission to write to this location.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Choose where the workspace will be stored.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>mdp::shell::WorkstationShell</name>
    <message numerus="yes">
        <source>Locked after %n minute(s) without activity.</source>
        <translation><numerusform>Locked after %n minute without activity.</numerusform><numerusform>Locked after %n minutes without activity.</numerusform></translation>
    </message>
    <message>
        <source>The demo account for this role could not sign in.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 – %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sign in to the demo workspace as:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>MDP demo</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sign-in failed: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The workspace was locked.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>You have signed out.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>mdp::shell::ui</name>
    <message>
        <source>Show the characters typed</source>
        <translation type="unfinished" />
    </message>
</context>
</TS>