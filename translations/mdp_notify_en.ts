<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>mdp::notify::ui::NotificationBell</name>
    <message>
        <source>Notifications: nothing unread (Ctrl+Shift+N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Notifications: %n unread (Ctrl+Shift+N)</source>
        <translation>
            <numerusform>Notifications: %n unread (Ctrl+Shift+N)</numerusform>
            <numerusform>Notifications: %n unread (Ctrl+Shift+N)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mdp::notify::ui::NotificationMailDialog</name>
    <message>
        <source>Send test message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mail relay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E-mail notices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review notices are also e-mailed through this relay, always over TLS with a verified certificate. A message names the form, the record and the patient&apos;s pseudonymous ID only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Relay host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>STARTTLS (usually port 587)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Implicit TLS (usually port 465)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Port and security</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>empty when the relay needs no sign-in</source>
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
        <source>Sender address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>optional: PEM file of the relay&apos;s CA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a CA certificate file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CA certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PEM certificates (*.pem *.crt);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>test recipient address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send a short message through the relay with these settings (not saved yet)</source>
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
        <source>The stored settings could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unchanged (stored encrypted)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another task is running; try again when it has finished.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The settings were not saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved, but the change could not be audited: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The test recipient is not a plain e-mail address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MDP test message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This message checks the mail relay of the MDP workstation. No patient data is in it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending a test message through %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The relay accepted the test message (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The test message was not sent: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mdp::notify::ui::NotificationPanel</name>
    <message>
        <source>Mark all read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click a notice to open its record. Notices name patients by pseudonymous ID only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another task is running; notices appear when it has finished.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The notices could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notifications (%1 unread)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No notices yet. You will be told here when a record needs your review or a review of yours is decided.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The notice could not be marked read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The notices could not be marked read: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mdp::notify::ui::NotifyFeature</name>
    <message>
        <source>&amp;Notifications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Mail relay…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mail relay</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
