<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>mdp::net::ui::NetFeature</name>
    <message>
        <source>Server</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mdp::net::ui::ServerPage</name>
    <message>
        <source>Central server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where this workstation&apos;s central server (mdp-grantd) is and who the workstation is to it. The connection is mutual TLS: the site CA vouches for the server, the workstation certificate and its key for this workstation. The audit trail is sent to the server, which keeps the central copy and counter-signs it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only system administrators change the link to the central server; its status is shown here for everyone who may open this page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. grantd.hospital.local or 10.0.0.5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server &amp;address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The name in the server&apos;s certificate; the connection is refused when the server presents another</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server &amp;name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Site CA certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workstation certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workstation private key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checks the certificate against the site CA and the key against the certificate, stores the settings encrypted in the workspace and connects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Disconnect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The workstation works on its own again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disconnect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disconnect this workstation from the central server?

It then works on its own: nothing is sent to the server until a server is configured again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chooses the key file (PEM, unencrypted PKCS#8)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chooses the certificate file (PEM)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This workstation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificate valid until</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Ship audit now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sends the audit events the server does not hold yet and fetches its counter-signature (the workstation also does this by itself)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 could not be read: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is too large for a certificate or a key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a certificate in PEM form (&quot;-----BEGIN CERTIFICATE-----&quot;).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a private key in PEM form (&quot;-----BEGIN PRIVATE KEY-----&quot;).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 holds an encrypted key; the workstation needs the key as `mdp pki issue workstation` writes it (unencrypted PKCS#8).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import the site CA certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import the workstation certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import the workstation&apos;s private key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keys (*.key *.pem);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificates (*.crt *.pem *.cer);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is not a certificate authority: import the site CA&apos;s own certificate (ca.crt).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The site CA certificate is not valid now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The site CA does not vouch for this certificate as a workstation&apos;s: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issued by the site CA for a workstation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SM2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ECDSA P-256</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loaded: %1 key (kept in memory until Apply stores it encrypted).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This key does not belong to the workstation certificate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Belongs to the workstation certificate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the server&apos;s address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the server&apos;s name as its certificate gives it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import the site CA certificate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import the workstation certificate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import the workstation&apos;s private key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only a system administrator may change the link to the central server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The settings were not saved, they do not fit together: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The settings could not be saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved. The workstation connects to %1, port %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The workstation could not be disconnected: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disconnected. The workstation works on its own.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending the audit trail to the server…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shipped. The server holds %1 of this workstation&apos;s %2 audit events.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only a system administrator may ship the audit trail from here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The audit trail was not shipped: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P&amp;ort</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;pply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit events here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Witnessed by the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1:%2 (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2, at %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subject: %1 · issued by %2
Valid: %3 to %4
SHA-256: %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stored encrypted in the workspace; never shown. Import it again with any change.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Site sync</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mdp::net::ui::ServerStatusText</name>
    <message>
        <source>Not configured</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificate refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No central server is configured: this workstation works on its own.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting to the central server…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected to the central server. The audit trail is sent to it as it grows.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The central server cannot be reached. Work continues offline; changes wait in the queue and are sent when the server answers again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The central server refused this workstation&apos;s certificate: it was revoked or has expired. Ask the administrator for a new workstation certificate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The central server refused this workstation&apos;s audit trail: it does not continue what the server already holds (cut or rewritten), and the server has reported it. Ask the security officer to compare the two before anything else is changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The workstation certificate expired on %1: the server refuses it. Renew it with `mdp pki renew` and import the new certificate here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The workstation certificate expires on %1, in %n day(s). Renew it with `mdp pki renew` and import the new certificate here.</source>
        <translation>
            <numerusform>The workstation certificate expires on %1, in %n day. Renew it with `mdp pki renew` and import the new certificate here.</numerusform>
            <numerusform>The workstation certificate expires on %1, in %n days. Renew it with `mdp pki renew` and import the new certificate here.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 events here; none witnessed by the server yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 events here; %2 witnessed by the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>off (no site key: records stay on this workstation)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) waiting to be sent</source>
        <translation>
            <numerusform>%n change waiting to be sent</numerusform>
            <numerusform>%n changes waiting to be sent</numerusform>
        </translation>
    </message>
    <message>
        <source>up to date</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s): changed here and on another workstation; the other&apos;s version is kept</source>
        <translation>
            <numerusform>%n conflict: changed here and on another workstation; the other&apos;s version is kept</numerusform>
            <numerusform>%n conflicts: changed here and on another workstation; the other&apos;s version is kept</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n patient change(s) from the site waiting for someone who may see identity to sign in here</source>
        <translation>
            <numerusform>%n patient change from the site waiting for someone who may see identity to sign in here</numerusform>
            <numerusform>%n patient changes from the site waiting for someone who may see identity to sign in here</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n certificate(s) revoked on the site&apos;s signed list</source>
        <translation>
            <numerusform>%n certificate revoked on the site&apos;s signed list</numerusform>
            <numerusform>%n certificates revoked on the site&apos;s signed list</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mdp::net::ui::SyncIndicator</name>
    <message>
        <source>Central server: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last contact: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This workstation: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificate valid until %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
