<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>mdp::accounts::AccountDirectory</name>
    <message>
        <source>The user name, password or verification code is incorrect.</source>
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
    <name>mdp::accounts::ui::AccountDialog</name>
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
    <name>mdp::accounts::ui::AccountTableModel</name>
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
    <name>mdp::accounts::ui::AccountsFeature</name>
    <message>
        <source>Accounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My account</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mdp::accounts::ui::AccountsPage</name>
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
        <source>The authenticator of %1 was removed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The authenticator was not reset: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enrolment code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issue a one-time code with which the account sets up its authenticator app at its next sign-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the authenticator of %1? Use this when the device is lost. A one-time enrolment code is shown next; with it the owner sets up a new authenticator at the next sign-in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No enrolment code was issued: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One-time enrolment code for %1: %2. Give it to its owner in person; it is shown only now. At the next sign-in they enter it as the verification code and set up their authenticator app. It replaces any earlier code and expires after three days.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mdp::accounts::ui::MyAccountPage</name>
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
    <message>
        <source>XXXX-XXXX-XXXX-XXXX, from a system administrator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enrolment code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter your current password and the enrolment code a system administrator gave you.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The password or the enrolment code is wrong, or the code has expired.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
