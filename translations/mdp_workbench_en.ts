<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>mdp::workbench::CipherNames</name>
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
    <message>
        <source>Each account&apos;s own password (Argon2id key slots)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mdp::workbench::TotpEnrolmentWidget</name>
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
    <name>mdp::workbench::ui</name>
    <message>
        <source>Show the characters typed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
