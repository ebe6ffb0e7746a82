<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>mdp::crypto::ui::KeyTableModel</name>
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
    <message>
        <source>Role-scoped key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patient identity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pseudonyms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, under the patient identity key</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mdp::crypto::ui::KeysFeature</name>
    <message>
        <source>Keys</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mdp::crypto::ui::KeysPage</name>
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
    <message>
        <source>The keys cannot be shown: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Renew data key…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re-encrypts what the selected purpose&apos;s data key protects under a new key and destroys the old one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rotating re-wraps every data key of the purpose under a new key-encryption key and erases the old one; the data itself is not re-encrypted. Rotate after staff changes or a suspected exposure. Renewing a data key re-encrypts the data itself (the database, the attached files or the patients&apos; identity) and destroys the old key, so a copy of the keyring taken earlier no longer opens it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The renewal of the %1 key has not finished: the old key is kept until every item is re-encrypted. Select the key and choose “Renew data key…” to carry on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every page of the database is re-encrypted under a new key. Background work (reminders, e-mail) pauses meanwhile; a large database takes a minute or more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every attached file is re-encrypted under a new key, one at a time. You can stop and carry on later; the old key is kept until every file is done.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every patient&apos;s sealed name, contact details and identifiers, and their history, are sealed again under a new key in one step.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Renew data key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Renew the data key for “%1”?

%2

The old key is then destroyed: a copy of the keyring taken before no longer opens this data. The renewal is recorded in the audit log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Renewing the %1 key…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopping after the current file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 key was renewed (%2 items re-encrypted); %3 destroyed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 key was renewed; %2 destroyed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The renewal was stopped: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key was not renewed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another task is running; try again when it has finished.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
