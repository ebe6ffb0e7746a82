<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>DiseasePackLoader</name>
    <message>
        <source>not a Qt plug-in: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a Qt plug-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>built for disease-pack interface version %1; this program needs version %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a disease pack (its plug-in interface is &quot;%1&quot;, expected &quot;%2&quot;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot be loaded: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>declares the disease-pack interface but does not implement it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the pack has no id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pack &quot;%1&quot; is already loaded from %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>MDP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MDP demo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The demo workspace could not be created: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preparing the synthetic demo patients (first start only)...</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mdp::shell::AboutDialog</name>
    <message>
        <source>MDP Clinical Research Workstation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About MDP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Implements the group standard JH/CAA 008-2025, Overall Technical Specifications for a Multimodal Disease-Oriented Data Platform.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Components</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>shown once a workspace is open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Third-party components keep their own licences: Qt under the GNU LGPL v3, SQLCipher under a BSD-style licence, libgcrypt under the GNU LGPL v2.1 or later, OpenSSL under the Apache License 2.0, Noto CJK fonts under the SIL Open Font License 1.1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disease packs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Installed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none: the generic platform</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>refused: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mdp::shell::AdminAccountWizardPage</name>
    <message>
        <source>First administrator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The system administrator creates the accounts of clinicians, reviewers, researchers and auditors. Use a personal account, not a shared one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. Wang Fang, Information Department</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lower-case letters, digits, &apos;.&apos;, &apos;_&apos; and &apos;-&apos;; starts with a letter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Display name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirm password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two passwords do not match.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This password is the administrator&apos;s own and opens the workspace: nobody else knows it, and no shared passphrase exists. Administrators also confirm each sign-in with a code from an authenticator app; it is set up at the first sign-in.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mdp::shell::CommandLine</name>
    <message>
        <source>MDP clinical research workstation (JH/CAA 008-2025).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start on a throw-away demo workspace with one account per role, signed in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role to sign in as in demo mode (default: clinician). One of: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workspace folder to open or create.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interface language: zh_CN or en.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the first window as a PNG image once it is shown, then quit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown role &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown language &quot;%1&quot; (use zh_CN or en)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unexpected argument &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page to show first: overview, patients, reviews, forms, audit-log, accounts, keys or my-account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown page &quot;%1&quot; (known: %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open an auditor&apos;s bundle offline and read-only (no workspace is opened); with --audit-key and optionally --site-key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The auditor&apos;s key file the bundle is sealed for (asked when not given).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The site server&apos;s witness key (PEM) the bundle&apos;s witness must be signed with.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--audit opens a bundle without a workspace: not with --demo or --workspace</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mdp::shell::DoneWizardPage</name>
    <message>
        <source>Workspace created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The encrypted workspace is ready.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next steps: create an account for each person who uses this workstation (Accounts page) and check the keys (Keys page).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Organisation recovery key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write it down or print it and lock it away, offline. It is shown only now. With it the organisation can set a new password when the last administrator&apos;s is lost (mdp recover); every use is recorded in the audit log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in as %1 with the password you just chose. An administrator needs an authenticator app: have it ready on your phone, you set it up at this first sign-in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your one-time enrolment code for the authenticator app: %1 (valid three days; it is filled in at the sign-in that follows).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mdp::shell::EncryptionWizardPage</name>
    <message>
        <source>SM4 national algorithm (recommended)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AES-256</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Encryption</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the algorithm that encrypts the database and the file store. It cannot be changed after the workspace is created.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GB/T 32907-2016 · meets JH/CAA 008-2025 §7.4.3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Chinese commercial cryptographic standard required for sensitive health data. Database pages are encrypted with SM4-CBC, files with SM4-GCM.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FIPS 197 · international standard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose it only when a partner institution requires AES. Database pages are encrypted with AES-256-CBC, files with AES-256-GCM.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In both cases each account&apos;s key slot is sealed with a key derived by Argon2id from its password, and the audit log is chained with SM3.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mdp::shell::FirstRunWizard</name>
    <message>
        <source>Set up MDP</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mdp::shell::GoToDialog</name>
    <message>
        <source>Go to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pseudonym, name, pinyin or initials…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to search for your role.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type to search; Enter opens, Esc closes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No match.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n match(es).</source>
        <translation>
            <numerusform>%n match.</numerusform>
            <numerusform>%n matches.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mdp::shell::IntegrityMonitor</name>
    <message>
        <source>audit history: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mdp::shell::LocationWizardPage</name>
    <message>
        <source>Workspace location</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The workspace is one folder. Put it on a local disk that is backed up; the contents are encrypted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the folder out of synchronised cloud drives: the audit log detects an older copy put back, and such drives do exactly that.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the workspace folder</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mdp::shell::LoginDialog</name>
    <message>
        <source>The site server has locked this account. Ask a system administrator of the site to unlock it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The site server cannot be reached and the offline period of %1 hours since this account last signed in here through it has passed. Sign in again when the server is back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The site server accepted this account, but this workstation cannot open for it yet: an account that already signs in here must sign in once through the server first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The site server accepted this account, but the site keys it carries do not open this workstation&apos;s workspace. Ask a system administrator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The site server refused the sign-in: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MDP – Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clinical research workstation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data stay encrypted on this workstation. Every sign-in is recorded in the tamper-evident audit log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Implements JH/CAA 008-2025</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workspace passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verification code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set up your authenticator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Caps Lock is on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use another account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workspace: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlock workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlock and sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set up two-step sign-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirm code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the workspace passphrase.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter your user name and password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the code your authenticator app shows.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlocking the workspace…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking your credentials…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The workspace passphrase is wrong. Nothing was changed; try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database is older than the last state recorded in the audit log: an earlier copy appears to have been put back. Do not enter data; contact your system administrator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The workspace is damaged or was altered outside MDP (%1). Contact your system administrator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No workspace was found in this folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The workspace could not be opened: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too many failed sign-ins. The account is locked until %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This account is locked. Ask a system administrator to unlock it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-in failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preparing your authenticator key…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your role requires two-step sign-in and no authenticator is set up yet for this account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking the code…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The code was not accepted. Check that the device&apos;s clock is right and enter the current code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Authenticator set up. Wait for the next code (each code works once) and enter it to sign in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking the audit log…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening the database…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Indexing the audit log (once, after an update)… %1%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too many wrong passwords for this account. Wait a little and try again; each further failure doubles the wait.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for another program that has this workspace open (%1)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Authenticator code or enrolment code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The user name, password or verification code is wrong. If your account uses an authenticator app, enter its current code; at your first sign-in, the enrolment code from your administrator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open read-only for audit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For an auditor or a system administrator: read the audit trail of this workspace to find out what happened. Nothing can be changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An auditor or a system administrator can open it read-only to find out what happened: enter your credentials and choose “Open read-only for audit…”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter your user name and password (and the verification code) first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking the workspace read-only…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only an auditor or a system administrator may open this workspace read-only.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mdp::shell::MainWindow</name>
    <message>
        <source>MDP Clinical Research Workstation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verify audit chain</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The workspace is intact: the database, the audit chain of %n event(s) and the rollback anchor are consistent.</source>
        <translation>
            <numerusform>The workspace is intact: the database, the audit chain of %n event and the rollback anchor are consistent.</numerusform>
            <numerusform>The workspace is intact: the database, the audit chain of %n events and the rollback anchor are consistent.</numerusform>
        </translation>
    </message>
    <message>
        <source>A problem was found: %1

Do not enter data and contact your system administrator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clinical research workstation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Lock workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log &amp;out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Verify audit chain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About MDP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2) · %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verifying…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workspace: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Encryption: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database %1, files %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit events: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Integrity not yet verified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Integrity verified %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Integrity problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Go to…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking audit history… %1%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit history verified %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mdp::shell::OverviewPage</name>
    <message>
        <source>Confirmed by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the site server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this workstation only: the site server could not be reached (offline sign-in)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Welcome, %1. The state of the workspace on this workstation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Integrity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verify now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Location</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database encryption</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File encryption</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Root key protection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Committed transactions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verifying…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking the database pages, the audit hash chain and the rollback anchor.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not verified in this session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verification checks the database, the audit hash chain and that no older copy of the database was put back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Intact</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Verified %1: database, audit chain of %n event(s) and rollback anchor are consistent.</source>
        <translation>
            <numerusform>Verified %1: database, audit chain of %n event and rollback anchor are consistent.</numerusform>
            <numerusform>Verified %1: database, audit chain of %n events and rollback anchor are consistent.</numerusform>
        </translation>
    </message>
    <message>
        <source>Problem found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verified %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Events in the tamper-evident, hash-chained log. Sign-ins, account changes, key use and every reading of the log are recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking the audit history… %1%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing in checked what was new since the last session; the whole audit history is being checked in the background. You can keep working.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit history intact</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Checked %1: all %n audit event(s) are unchanged and chain to the signed checkpoint. Verify now also checks the database and the rollback anchor.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mdp::shell::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interface language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Takes effect when MDP is started again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock after inactivity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>General</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The workspace locks itself after this many minutes without input; your own password is then needed again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mdp::shell::SummaryWizardPage</name>
    <message>
        <source>Ready to create the workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Location</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Encryption</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SM4 national algorithm: database SM4-CBC, files SM4-GCM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AES-256: database AES-256-CBC, files AES-256-GCM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deriving keys and creating the encrypted workspace…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The workspace could not be created: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check your choices. Creating the workspace derives the administrator&apos;s key slot from the password, which takes a moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlocking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each account with its own password; no shared workspace passphrase</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mdp::shell::WelcomeWizardPage</name>
    <message>
        <source>Welcome to MDP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This assistant sets up the encrypted workspace of this workstation. It takes about a minute.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MDP keeps research data of your cohort in a workspace: an encrypted database, an encrypted file store and a tamper-evident audit log in one folder. Nothing is written to disk unencrypted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the folder that will hold the workspace.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the encryption algorithm: SM4 (national standard) or AES-256.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create the first system administrator account; its own password opens the workspace.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the recovery key shown at the end somewhere safe and offline.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no shared workspace passphrase: every person signs in with their own account and their own password.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mdp::shell::WorkspaceLocation</name>
    <message>
        <source>The folder is empty and will hold the new workspace.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The folder does not exist yet and will be created.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This folder already contains other files. Choose an empty folder so the workspace is not mixed with unrelated data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This folder already holds an MDP workspace. Choose another folder, or cancel and open the existing workspace.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This path is a file, not a folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a full path, starting at the root of the file system.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You do not have permission to write to this location.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose where the workspace will be stored.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mdp::shell::WorkstationShell</name>
    <message numerus="yes">
        <source>Locked after %n minute(s) without activity.</source>
        <translation>
            <numerusform>Locked after %n minute without activity.</numerusform>
            <numerusform>Locked after %n minutes without activity.</numerusform>
        </translation>
    </message>
    <message>
        <source>The demo account for this role could not sign in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in to the demo workspace as:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MDP demo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-in failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The workspace was locked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You have signed out.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
