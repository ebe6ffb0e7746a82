<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>mdp::access::ui::AccessFeature</name>
    <message>
        <source>My access</source>
        <translation>My access</translation>
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
</context>
</TS>
