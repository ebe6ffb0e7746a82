<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
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
        <source>Preparing the synthetic demo patients...</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mdp::accounts::PasswordPolicy</name>
    <message>
        <source>The password must be at least %n characters long.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The password must be at most %n characters long.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The password must mix at least %n of these kinds of characters: lower-case letters, upper-case letters, digits, other characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The password must not contain the user name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At least %1 characters, mixing at least %2 of: lower-case letters, upper-case letters, digits, other characters; not containing the user name.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mdp::accounts::Role</name>
    <message>
        <source>Clinician</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reviewer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Researcher</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ethics reviewer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data manager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Auditor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System administrator</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mdp::registry::AttachmentInspector</name>
    <message>
        <source>a PDF document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a PNG image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a JPEG image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a DICOM file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is declared as %1 but its content is not one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (it looks like %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The PDF document is truncated or damaged: its end-of-file marker is missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The PNG image is damaged: its header chunk is missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The PNG image is truncated or damaged: its end chunk is missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The JPEG image is truncated or damaged: its end-of-image marker is missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The DICOM file is damaged: its meta information header is missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Files of type &quot;%1&quot; cannot be attached; PDF, PNG, JPEG and DICOM files can.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is too large (%1 MiB; the limit is %2 MiB).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a GIF image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a ZIP archive or office document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a program</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is longer than announced.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file could not be read to its end (%1 of %2 bytes)%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file name is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file name is longer than 255 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file name must not contain folders.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file name contains control characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file name is not a name.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mdp::registry::RecordValidator</name>
    <message>
        <source>The %1 is longer than 64 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 contains characters that cannot be printed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A phone number may contain digits, spaces and + - ( ) only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The phone number is longer than 32 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The e-mail address is not valid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The address must be at most 256 printable characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An identifier has no value.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An identifier must be at most 64 printable characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An identifier&apos;s issuer must be at most 128 printable characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The birth date entered differs from the one in the resident ID.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sex entered differs from the one the resident ID encodes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A passport number has 5 to 20 letters and digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>family name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>given name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>family name in Latin letters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>given name in Latin letters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A patient needs a name (in Chinese or Latin letters).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The birth date is missing or not a valid date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The birth date lies in the future.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The birth date is before 1850.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The same identifier was entered twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An event needs a start date or time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The event ends before it starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The event starts before the patient&apos;s birth date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An event needs a title.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An event title must be at most 200 printable characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An annotation must be at most 20000 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The structured detail of an event must be at most 256 KiB.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A form record link must be an id of 1 to 128 printable characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give a reason for this change.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The reason must be at most 1000 characters.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mdp::registry::Registry</name>
    <message>
        <source>No such patient.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No such timeline event.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The record was changed by someone else in the meantime (it is now at version %1); reload it and apply your change again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A patient with this %1 is already registered as %2: open that record or merge into it instead of creating a second one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No free pseudonymous ID could be drawn.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The patient already has a death event; edit that one instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The merge chain of a patient does not end.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No such merge.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This record was merged into another; edit the surviving record.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The patient already has this identifier.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No such entry in the duplicate queue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This pair was already resolved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A patient cannot be merged into itself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The surviving record %1 is itself merged into another record.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The record %1 is already merged into another record.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This merge was already undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A later merge involving %1 or %2 is still in force; undo it first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The merged record is not marked as merged into the survivor.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A moved event is no longer with the surviving record.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A moved identifier is no longer with the surviving record.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This record was merged into another; add the event to the surviving record.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The event was removed; restore it before editing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The event was removed; restore it before annotating.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The event was already removed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The event has no version %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Files of type &quot;%1&quot; cannot be attached; PDF, PNG, JPEG and DICOM files can.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No vault is available to check the file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is not in the vault.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The event was removed; restore it before attaching files.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This file is already attached to the event.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The attachment disappeared.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No such attachment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file was already detached.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A project id has 1 to 64 ASCII letters, digits and . _ : -</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mdp::registry::ResidentId</name>
    <message>
        <source>The resident ID is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is a 15-digit resident ID of the old format; enter the 18-character number of the current card.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A resident ID has 18 characters; this one has %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The first 17 characters of a resident ID must be digits (character %1 is not).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The last character of a resident ID must be a digit or X.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The region code of the resident ID does not start with a province code (characters 1-2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The birth date in the resident ID (characters 7-14) is not a valid date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The birth date in the resident ID (characters 7-14) lies in the future.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The check character of the resident ID does not match: a digit was probably mistyped.</source>
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
</context>
<context>
    <name>mdp::shell::AccountDialog</name>
    <message>
        <source>Enters and edits patient data of the cohort.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reviews submitted records and approves or rejects them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Works with de-identified data within approved grants only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reviews access requests for ethics compliance.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approves access requests and manages data quality.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reads and verifies the audit log; holds no other role.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Manages accounts, keys and the workstation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Display name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Initial password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirm password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two passwords do not match.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mdp::shell::AccountTableModel</name>
    <message>
        <source>, </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Locked by administrator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Locked out until %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not set up yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Never</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n failed sign-in(s) since the last success</source>
        <translation>
            <numerusform>%n failed sign-in since the last success</numerusform>
            <numerusform>%n failed sign-ins since the last success</numerusform>
        </translation>
    </message>
    <message>
        <source>User name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Display name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Two-step sign-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last sign-in</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mdp::shell::AccountsPage</name>
    <message>
        <source>Accounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One personal account per person, with the least role they need. Every change is recorded in the audit log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add account…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change role…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset password…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset authenticator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The account list could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account %1 created. Give the initial password to its owner in person.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The account was not created: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock the account %1? Its owner cannot sign in until it is unlocked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account %1 unlocked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account %1 locked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The change was refused: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The role of %1 is now %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The role was not changed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The password of %1 was reset. Give it to its owner in person.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The password was not reset: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the authenticator of %1? Use this when the device is lost. The owner sets up a new authenticator at the next sign-in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The authenticator of %1 was removed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The authenticator was not reset: %1</source>
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
        <source>This password is the administrator&apos;s own and is different from the workspace passphrase. Administrators also confirm each sign-in with a code from an authenticator app; it is set up at the first sign-in.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mdp::shell::AuditEventTableModel</name>
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
</context>
<context>
    <name>mdp::shell::AuditLogPage</name>
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
</context>
<context>
    <name>mdp::shell::CipherNames</name>
    <message>
        <source>SM4-CBC (national algorithm)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SM4-GCM (national algorithm)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AES-256-CBC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AES-256-GCM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SM4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AES-256</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workspace passphrase, %1 with %2 iterations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hardware security token (PKCS#11) %1</source>
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
        <source>unknown page &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unexpected argument &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page to show first: overview, patients, audit-log, accounts, keys or my-account.</source>
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
        <source>Sign in as %1 with the password you just chose.</source>
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
        <source>In both cases the keys are derived with PBKDF2-HMAC-SM3 and the audit log is chained with SM3.</source>
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
    <name>mdp::shell::KeyTableModel</name>
    <message>
        <source>Root key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key-encryption key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Destroyed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grant %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Algorithm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mdp::shell::KeysPage</name>
    <message>
        <source>Rotate…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The root key protects one key-encryption key per purpose, which in turn wraps the data keys. Key material never leaves the key hierarchy; only these facts are shown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moves the selected purpose to a new key-encryption key version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rotating re-wraps every data key of the purpose under a new key-encryption key and erases the old one; the data itself is not re-encrypted. Rotate after staff changes or a suspected exposure.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rotate key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rotate the key-encryption key for “%1”?

Every data key of this purpose is re-wrapped under a new version and the old version is erased. The action is recorded in the audit log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key for “%1” was rotated.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key was not rotated: %1</source>
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
        <source>6-digit code from your authenticator app</source>
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
        <source>The verification code is wrong or was already used. Enter the current code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The user name or password is wrong.</source>
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
        <source>Your role requires two-step sign-in. Enter the code your authenticator app shows.</source>
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
</context>
<context>
    <name>mdp::shell::MyAccountPage</name>
    <message>
        <source>Change password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set up authenticator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirm code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Current password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirm new password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Two-step sign-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An authenticator app is set up for this account. If you lose the device, ask a system administrator to reset it; you then set up a new one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your role requires a code from an authenticator app at each sign-in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your role does not require it, but a code from an authenticator app at each sign-in protects your account further.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two passwords do not match.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your password was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The current password is wrong.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The password was not changed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter your current password first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The authenticator could not be set up: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The code was not accepted. Check that the device&apos;s clock is right and enter the current code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your authenticator is set up.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mdp::shell::Navigation</name>
    <message>
        <source>Overview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patients</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mdp::shell::NewPatientDialog</name>
    <message>
        <source>Checked against the identity card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open existing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create anyway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>18 characters, e.g. 11010519491231002X</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name in Chinese characters, e.g. 张伟</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not entered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>optional</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The whole registry is searched before the record is saved. The patient receives a pseudonymous ID automatically.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resident ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sex</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optional for patients without a resident ID.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of 18 characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✓ Valid: born %1, %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A patient with this ID already exists: %1. No second record is created; open the existing one instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This may be a patient already registered. Check the record(s) below before creating a new one; if you create it anyway, the pair is queued for review.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1% likely: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mdp::shell::OverviewPage</name>
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
</context>
<context>
    <name>mdp::shell::PassphraseStrength</name>
    <message numerus="yes">
        <source>Use at least %n characters.</source>
        <translation>
            <numerusform>Use at least %n character.</numerusform>
            <numerusform>Use at least %n characters.</numerusform>
        </translation>
    </message>
    <message>
        <source>Do not repeat one character or a short pattern.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too short</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not acceptable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weak</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fair</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Good</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Strong</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mdp::shell::PassphraseWizardPage</name>
    <message>
        <source>I understand that a lost passphrase cannot be recovered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workspace passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The passphrase unlocks the workspace. Every key that encrypts your data is derived from it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Strength</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>At least %n characters; not one character or a short pattern repeated. A sentence of several words is easy to remember and hard to guess.</source>
        <translation>
            <numerusform>At least %n character; not one character or a short pattern repeated. A sentence of several words is easy to remember and hard to guess.</numerusform>
            <numerusform>At least %n characters; not one character or a short pattern repeated. A sentence of several words is easy to remember and hard to guess.</numerusform>
        </translation>
    </message>
    <message>
        <source>Nobody can reset or recover this passphrase, not even the vendor. If it is lost, the encrypted data in this workspace cannot be read again. Write it down and keep it in a sealed envelope in a safe place.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two passphrases do not match.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mdp::shell::PatientDuplicatesModel</name>
    <message>
        <source>Patient A</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patient B</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Likelihood</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queued</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mdp::shell::PatientEventDialog</name>
    <message>
        <source>Chief complaint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Department</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Diagnosis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ICD-10 code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clinical stage (cTNM)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Molecular subtype</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pathology</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Specimen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Histological grade</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ER (%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PR (%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Procedure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Margins</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total dose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fractions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Technique</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fraction number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drug</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cycle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Modality</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Body part</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Findings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Term (CTCAE)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grade</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ECOG</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ends on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Structured detail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optional note for the record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What happened, e.g. &quot;Radiotherapy 50 Gy / 25 fx&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Required: why the event is changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annotation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give a reason for the change.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The event is added to the timeline as version 1; every later change is kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The change is saved as a new version with your reason; earlier versions stay.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mdp::shell::PatientEventFieldsModel</name>
    <message>
        <source>%1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annotation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (limit %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> ✓ met</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> ✗ not met</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Linked form records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, last changed %2</source>
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
</context>
<context>
    <name>mdp::shell::PatientHistoryDialog</name>
    <message>
        <source>Restore this version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every change makes a new version; none is ever overwritten. Restoring an older version records a new one with its content.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mdp::shell::PatientLineageDialog</name>
    <message>
        <source>Undo merge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merge history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merges this record took part in. Undoing a merge puts back exactly what it moved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merged on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason for undoing the merge (required)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This record was never merged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>undone %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in force</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The merge was undone: %1 is a record of its own again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mdp::shell::PatientMergeDialog</name>
    <message>
        <source>Merge patient records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The events, files and identifiers of the merged record move to the record that is kept. The merge is recorded and can be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find the other record: pseudonymous ID, name or pinyin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep this record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Required, e.g. &quot;same person: ID card checked at the desk&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the other record above.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sex:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Birth date:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (verified)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registered:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>already merged into another record</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mdp::shell::PatientPage</name>
    <message>
        <source>Timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click an event on the timeline (or select it and press Enter) to see its record and files side by side.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Structured record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to the patient list (Alt+Left)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add event…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add an event to the timeline (Ctrl+Shift+N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit the selected event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annotate…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a note to the selected event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the selected event from the timeline; its versions stay (Del)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attach file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attach a PDF, PNG, JPEG or DICOM file to the selected event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every version of the selected event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redo (Ctrl+Shift+Z)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the whole history (0 on the timeline)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merge with…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merge another record of the same person into this one, or this one into it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merge history…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merges of this record; undo a merge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>‹ Patients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the kept record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>born %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>identity hidden for your role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This record was merged into another one; its events are shown there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No diagnosis recorded yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Diagnosis:</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n event(s)</source>
        <translation>
            <numerusform>%n event</numerusform>
            <numerusform>%n events</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s)</source>
        <translation>
            <numerusform>%n file</numerusform>
            <numerusform>%n files</numerusform>
        </translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) attached; files are not shown to your role.</source>
        <translation>
            <numerusform>%n file attached; files are not shown to your role.</numerusform>
            <numerusform>%n files attached; files are not shown to your role.</numerusform>
        </translation>
    </message>
    <message>
        <source>The file could not be read from the vault: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo: %1 (Ctrl+Z)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to undo (Ctrl+Z)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redo: %1 (Ctrl+Shift+Z)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to redo (Ctrl+Shift+Z)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The change could not be undone: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No patient is open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>add &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The event is not on this timeline.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>edit &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>annotate &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>remove &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; was removed from the timeline. Undo (Ctrl+Z) brings it back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restored version %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>restore version %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annotate event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note for &quot;%1&quot;:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why is &quot;%1&quot; removed? Its versions stay in the history.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attach a file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Documents and images (*.pdf *.png *.jpg *.jpeg *.dcm);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is too large (%1 MiB; the limit is %2 MiB).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file could not be opened: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose an event on the timeline first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking and encrypting &quot;%1&quot;…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; was not attached: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; was attached and stored encrypted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another task is running; try again when it has finished.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was merged into %2. Undo it from the merge history if this was a mistake.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The merge was undone: %1 and %2 are separate records again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mdp::shell::PatientSearchModel</name>
    <message>
        <source>Found by its %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pseudonymous ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sex</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Age</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Matched on</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mdp::shell::PatientText</name>
    <message>
        <source>Male</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Female</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unspecified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Diagnosis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Surgery</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Radiotherapy course</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Radiotherapy fraction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chemotherapy cycle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Immunotherapy cycle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imaging</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Laboratory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Toxicity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Death</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annotated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restored an earlier version</source>
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
        <source>Resident ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passport</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Medical record number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other identifier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>same name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>same pinyin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>similar pinyin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>same unverified identifier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>same birth date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>same sex</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pseudonymous ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pinyin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>initials</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>diagnosis</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n y</source>
        <comment>age in completed years</comment>
        <translation>
            <numerusform>%n y</numerusform>
            <numerusform>%n y</numerusform>
        </translation>
    </message>
    <message>
        <source>Total dose (Gy)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fractions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dose per fraction (Gy)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fractions delivered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fraction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dose (Gy)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Technique</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Energy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scheme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Laterality</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image guidance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drug</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drugs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Regimen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cycle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Planned cycles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interval (days)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dose (mg)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dose per kg</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Route</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AUC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Term</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Term (Chinese)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grade</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CTCAE version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Serious</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Immune-related</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attribution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action taken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ongoing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ICD-10</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clinical stage (cTNM)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stage group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Molecular subtype</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pathology type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pathology</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Specimen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ER (%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PR (%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TILs (%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size (mm)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Residual tumour (mm)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Margins</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nodes examined</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nodes positive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pathological complete response</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RCB class</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RCB index</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ypT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ypN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Procedure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reconstruction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Axilla</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quadrant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Modality</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Body part</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Findings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>BI-RADS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RECIST response</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change (%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Panels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status (Chinese)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ECOG</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chief complaint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Department</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Multidisciplinary team</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Age at diagnosis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Age (years)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Height (cm)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weight (kg)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Months after surgery</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Days after neoadjuvant therapy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dose to organs at risk and target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Biopsy and pathology</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mdp::shell::PatientsPage</name>
    <message>
        <source>Another task is running; the search waits for it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find any patient by pseudonymous ID, name, pinyin or diagnosis; results follow your typing. Every search and every record opened is recorded in the audit log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find patients by pseudonymous ID or diagnosis. Names and other identity are not shown to your role. Every search is recorded in the audit log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search: pseudonymous ID, name, pinyin or diagnosis (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search: pseudonymous ID or diagnosis (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New patient…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Register a new patient (Ctrl+N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Possible duplicates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type a few characters: part of a pseudonymous ID (P-…), a name, its pinyin or initials, or a diagnosis such as TNBC.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type a few characters: part of a pseudonymous ID (P-…) or a diagnosis.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The search failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare the pair</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open A</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open B</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not the same person…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merge…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n patient(s)</source>
        <translation>
            <numerusform>%n patient</numerusform>
            <numerusform>%n patients</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No patient matches. Check the spelling or type less.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The patient could not be opened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Possible duplicates (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No pair is waiting for review.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n pair(s) may be the same person. Compare them, then merge or dismiss.</source>
        <translation>
            <numerusform>%n pair may be the same person. Compare them, then merge or dismiss.</numerusform>
            <numerusform>%n pairs may be the same person. Compare them, then merge or dismiss.</numerusform>
        </translation>
    </message>
    <message>
        <source>Select a pair to compare the two records.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patient A</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patient B</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sex:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Birth date:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (verified)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registered:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was merged into %2. The merge can be undone from the patient&apos;s merge history.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not the same person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why are %1 and %2 different people?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queued %1 · %2% likely: %3</source>
        <translation type="unfinished"></translation>
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
        <source>Never</source>
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
        <source>The workspace locks itself after this many minutes without input; the passphrase is then needed again.</source>
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
        <source>Check your choices. Creating the workspace derives the keys from your passphrase, which takes a moment.</source>
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
        <source>Passphrase</source>
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
        <source>Set and confirmed</source>
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
</context>
<context>
    <name>mdp::shell::TotpEnrolmentWidget</name>
    <message>
        <source>Copy the link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>6-digit code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1. In your authenticator app, add an account by entering this key manually (time-based):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Or paste this link into an app that accepts otpauth links:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>2. Enter the code the app now shows:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Algorithm %1 · %2 digits · new code every %3 seconds</source>
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
        <source>Set the workspace passphrase that protects every key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the encryption algorithm: SM4 (national standard) or AES-256.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create the first system administrator account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Have the passphrase ready that your data protection officer assigned to this workstation, or choose a new one now.</source>
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
<context>
    <name>mdp::shell::ui</name>
    <message>
        <source>Show the characters typed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
