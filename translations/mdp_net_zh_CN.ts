<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>mdp::net::ui::NetFeature</name>
    <message>
        <source>Server</source>
        <translation>服务器</translation>
    </message>
</context>
<context>
    <name>mdp::net::ui::ServerPage</name>
    <message>
        <source>Central server</source>
        <translation>中心服务器</translation>
    </message>
    <message>
        <source>Where this workstation&apos;s central server (mdp-grantd) is and who the workstation is to it. The connection is mutual TLS: the site CA vouches for the server, the workstation certificate and its key for this workstation. The audit trail is sent to the server, which keeps the central copy and counter-signs it.</source>
        <translation>本工作站的中心服务器（mdp-grantd）在哪里，以及本工作站在服务器上的身份。连接采用双向 TLS：站点 CA 为服务器担保，工作站证书及其私钥为本工作站担保。审计日志发送至服务器，由服务器保存中心副本并加签。</translation>
    </message>
    <message>
        <source>Only system administrators change the link to the central server; its status is shown here for everyone who may open this page.</source>
        <translation>只有系统管理员可以更改与中心服务器的连接；此处向可打开本页面的所有人显示连接状态。</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>连接设置</translation>
    </message>
    <message>
        <source>e.g. grantd.hospital.local or 10.0.0.5</source>
        <translation>例如 grantd.hospital.local 或 10.0.0.5</translation>
    </message>
    <message>
        <source>Server &amp;address</source>
        <translation>服务器地址(&amp;A)</translation>
    </message>
    <message>
        <source>The name in the server&apos;s certificate; the connection is refused when the server presents another</source>
        <translation>服务器证书中的名称；服务器出示其他名称时拒绝连接</translation>
    </message>
    <message>
        <source>Server &amp;name</source>
        <translation>服务器名称(&amp;N)</translation>
    </message>
    <message>
        <source>Site CA certificate</source>
        <translation>站点 CA 证书</translation>
    </message>
    <message>
        <source>Workstation certificate</source>
        <translation>工作站证书</translation>
    </message>
    <message>
        <source>Workstation private key</source>
        <translation>工作站私钥</translation>
    </message>
    <message>
        <source>Checks the certificate against the site CA and the key against the certificate, stores the settings encrypted in the workspace and connects</source>
        <translation>用站点 CA 核验证书、用证书核验私钥，将设置加密保存在工作区中并连接</translation>
    </message>
    <message>
        <source>&amp;Disconnect</source>
        <translation>断开连接(&amp;D)</translation>
    </message>
    <message>
        <source>The workstation works on its own again</source>
        <translation>工作站恢复独立工作</translation>
    </message>
    <message>
        <source>Disconnect</source>
        <translation>断开连接</translation>
    </message>
    <message>
        <source>Disconnect this workstation from the central server?

It then works on its own: nothing is sent to the server until a server is configured again.</source>
        <translation>断开本工作站与中心服务器的连接？

之后工作站独立工作：重新配置服务器之前，不会向服务器发送任何内容。</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <source>Chooses the key file (PEM, unencrypted PKCS#8)</source>
        <translation>选择私钥文件（PEM，未加密的 PKCS#8）</translation>
    </message>
    <message>
        <source>Chooses the certificate file (PEM)</source>
        <translation>选择证书文件（PEM）</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <source>Last contact</source>
        <translation>最近联系</translation>
    </message>
    <message>
        <source>This workstation</source>
        <translation>本工作站</translation>
    </message>
    <message>
        <source>Certificate valid until</source>
        <translation>证书有效期至</translation>
    </message>
    <message>
        <source>&amp;Ship audit now</source>
        <translation>立即上传审计(&amp;S)</translation>
    </message>
    <message>
        <source>Sends the audit events the server does not hold yet and fetches its counter-signature (the workstation also does this by itself)</source>
        <translation>发送服务器尚未保存的审计事件并取回其加签（工作站也会自动执行）</translation>
    </message>
    <message>
        <source>%1 could not be read: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>%1 is too large for a certificate or a key.</source>
        <translation>%1 过大，不是证书或私钥。</translation>
    </message>
    <message>
        <source>%1 is not a certificate in PEM form (&quot;-----BEGIN CERTIFICATE-----&quot;).</source>
        <translation>%1 不是 PEM 格式的证书（“-----BEGIN CERTIFICATE-----”）。</translation>
    </message>
    <message>
        <source>%1 is not a private key in PEM form (&quot;-----BEGIN PRIVATE KEY-----&quot;).</source>
        <translation>%1 不是 PEM 格式的私钥（“-----BEGIN PRIVATE KEY-----”）。</translation>
    </message>
    <message>
        <source>%1 holds an encrypted key; the workstation needs the key as `mdp pki issue workstation` writes it (unencrypted PKCS#8).</source>
        <translation>%1 中的私钥已加密；工作站需要 `mdp pki issue workstation` 所写出的私钥（未加密的 PKCS#8）。</translation>
    </message>
    <message>
        <source>Import the site CA certificate</source>
        <translation>导入站点 CA 证书</translation>
    </message>
    <message>
        <source>Import the workstation certificate</source>
        <translation>导入工作站证书</translation>
    </message>
    <message>
        <source>Import the workstation&apos;s private key</source>
        <translation>导入工作站私钥</translation>
    </message>
    <message>
        <source>Keys (*.key *.pem);;All files (*)</source>
        <translation>私钥 (*.key *.pem);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Certificates (*.crt *.pem *.cer);;All files (*)</source>
        <translation>证书 (*.crt *.pem *.cer);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Not imported.</source>
        <translation>未导入。</translation>
    </message>
    <message>
        <source>This is not a certificate authority: import the site CA&apos;s own certificate (ca.crt).</source>
        <translation>这不是证书颁发机构（CA）的证书：请导入站点 CA 本身的证书（ca.crt）。</translation>
    </message>
    <message>
        <source>The site CA certificate is not valid now.</source>
        <translation>站点 CA 证书当前不在有效期内。</translation>
    </message>
    <message>
        <source>The site CA does not vouch for this certificate as a workstation&apos;s: %1</source>
        <translation>站点 CA 不认可此证书为工作站证书：%1</translation>
    </message>
    <message>
        <source>Issued by the site CA for a workstation.</source>
        <translation>由站点 CA 为工作站签发。</translation>
    </message>
    <message>
        <source>SM2</source>
        <translation>SM2</translation>
    </message>
    <message>
        <source>ECDSA P-256</source>
        <translation>ECDSA P-256</translation>
    </message>
    <message>
        <source>Loaded: %1 key (kept in memory until Apply stores it encrypted).</source>
        <translation>已载入：%1 私钥（仅保存在内存中，点击“应用”后加密存储）。</translation>
    </message>
    <message>
        <source>This key does not belong to the workstation certificate.</source>
        <translation>此私钥与工作站证书不匹配。</translation>
    </message>
    <message>
        <source>Belongs to the workstation certificate.</source>
        <translation>与工作站证书匹配。</translation>
    </message>
    <message>
        <source>Enter the server&apos;s address.</source>
        <translation>请输入服务器地址。</translation>
    </message>
    <message>
        <source>Enter the server&apos;s name as its certificate gives it.</source>
        <translation>请按服务器证书中的名称输入服务器名称。</translation>
    </message>
    <message>
        <source>Import the site CA certificate.</source>
        <translation>请导入站点 CA 证书。</translation>
    </message>
    <message>
        <source>Import the workstation certificate.</source>
        <translation>请导入工作站证书。</translation>
    </message>
    <message>
        <source>Import the workstation&apos;s private key.</source>
        <translation>请导入工作站私钥。</translation>
    </message>
    <message>
        <source>Only a system administrator may change the link to the central server.</source>
        <translation>只有系统管理员可以更改与中心服务器的连接。</translation>
    </message>
    <message>
        <source>The settings were not saved, they do not fit together: %1</source>
        <translation>设置未保存，各项不相符：%1</translation>
    </message>
    <message>
        <source>The settings could not be saved: %1</source>
        <translation>无法保存设置：%1</translation>
    </message>
    <message>
        <source>Saved. The workstation connects to %1, port %2.</source>
        <translation>已保存。工作站正在连接 %1，端口 %2。</translation>
    </message>
    <message>
        <source>The workstation could not be disconnected: %1</source>
        <translation>无法断开工作站的连接：%1</translation>
    </message>
    <message>
        <source>Disconnected. The workstation works on its own.</source>
        <translation>已断开连接。工作站独立工作。</translation>
    </message>
    <message>
        <source>Sending the audit trail to the server…</source>
        <translation>正在向服务器发送审计日志…</translation>
    </message>
    <message>
        <source>Shipped. The server holds %1 of this workstation&apos;s %2 audit events.</source>
        <translation>已上传。服务器已保存本工作站 %2 条审计事件中的 %1 条。</translation>
    </message>
    <message>
        <source>Only a system administrator may ship the audit trail from here.</source>
        <translation>只有系统管理员可以在此上传审计日志。</translation>
    </message>
    <message>
        <source>The audit trail was not shipped: %1</source>
        <translation>审计日志未上传：%1</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <source>P&amp;ort</source>
        <translation>端口(&amp;O)</translation>
    </message>
    <message>
        <source>A&amp;pply</source>
        <translation>应用(&amp;P)</translation>
    </message>
    <message>
        <source>Audit events here</source>
        <translation>本地审计事件</translation>
    </message>
    <message>
        <source>Witnessed by the server</source>
        <translation>服务器已见证</translation>
    </message>
    <message>
        <source>%1:%2 (%3)</source>
        <translation>%1:%2（%3）</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>尚无</translation>
    </message>
    <message>
        <source>%1 of %2, at %3</source>
        <translation>%2 条中的 %1 条，%3</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%2 条中的 %1 条</translation>
    </message>
    <message>
        <source>Subject: %1 · issued by %2
Valid: %3 to %4
SHA-256: %5</source>
        <translation>主体：%1 · 颁发者：%2
有效期：%3 至 %4
SHA-256：%5</translation>
    </message>
    <message>
        <source>Stored encrypted in the workspace; never shown. Import it again with any change.</source>
        <translation>已加密保存在工作区中，不予显示。更改任何设置时都需重新导入。</translation>
    </message>
    <message>
        <source>Site sync</source>
        <translation>站点同步</translation>
    </message>
</context>
<context>
    <name>mdp::net::ui::ServerStatusText</name>
    <message>
        <source>Not configured</source>
        <translation>未配置</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>已连接</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <source>Certificate refused</source>
        <translation>证书被拒绝</translation>
    </message>
    <message>
        <source>Audit refused</source>
        <translation>审计被拒收</translation>
    </message>
    <message>
        <source>No central server is configured: this workstation works on its own.</source>
        <translation>未配置中心服务器：本工作站独立工作。</translation>
    </message>
    <message>
        <source>Connecting to the central server…</source>
        <translation>正在连接中心服务器…</translation>
    </message>
    <message>
        <source>Connected to the central server. The audit trail is sent to it as it grows.</source>
        <translation>已连接中心服务器。审计日志随产生随时发送。</translation>
    </message>
    <message>
        <source>The central server cannot be reached. Work continues offline; changes wait in the queue and are sent when the server answers again.</source>
        <translation>无法连接中心服务器。工作可离线继续；更改在队列中等待，服务器恢复响应后即发送。</translation>
    </message>
    <message>
        <source>The central server refused this workstation&apos;s certificate: it was revoked or has expired. Ask the administrator for a new workstation certificate.</source>
        <translation>中心服务器拒绝了本工作站的证书：证书已被吊销或已过期。请向管理员申请新的工作站证书。</translation>
    </message>
    <message>
        <source>The central server refused this workstation&apos;s audit trail: it does not continue what the server already holds (cut or rewritten), and the server has reported it. Ask the security officer to compare the two before anything else is changed.</source>
        <translation>中心服务器拒收了本工作站的审计日志：它与服务器已保存的内容不衔接（被截断或被改写），服务器已上报此事。请安全负责人先比对两份日志，再做其他更改。</translation>
    </message>
    <message>
        <source>The workstation certificate expired on %1: the server refuses it. Renew it with `mdp pki renew` and import the new certificate here.</source>
        <translation>工作站证书已于 %1 过期，服务器将拒绝该证书。请用 `mdp pki renew` 续期，并在此导入新证书。</translation>
    </message>
    <message numerus="yes">
        <source>The workstation certificate expires on %1, in %n day(s). Renew it with `mdp pki renew` and import the new certificate here.</source>
        <translation>
            <numerusform>工作站证书将于 %1 过期（还剩 %n 天）。请用 `mdp pki renew` 续期，并在此导入新证书。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 events here; none witnessed by the server yet</source>
        <translation>本地 %1 条；服务器尚未见证</translation>
    </message>
    <message>
        <source>%1 events here; %2 witnessed by the server</source>
        <translation>本地 %1 条；服务器已见证 %2 条</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Details: %1</source>
        <translation>详情：%1</translation>
    </message>
    <message>
        <source>off (no site key: records stay on this workstation)</source>
        <translation>未开启（无站点密钥：记录只保存在本工作站）</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) waiting to be sent</source>
        <translation>
            <numerusform>%n 项更改等待发送</numerusform>
        </translation>
    </message>
    <message>
        <source>up to date</source>
        <translation>已同步</translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s): changed here and on another workstation; the other&apos;s version is kept</source>
        <translation>
            <numerusform>%n 处冲突：本工作站与另一工作站同时修改；保留对方的版本</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n patient change(s) from the site waiting for someone who may see identity to sign in here</source>
        <translation>
            <numerusform>站点传来的 %n 项患者更改等待可查看身份信息的用户在此登录</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n certificate(s) revoked on the site&apos;s signed list</source>
        <translation>
            <numerusform>站点签名吊销列表：%n 个证书已吊销</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mdp::net::ui::SyncIndicator</name>
    <message>
        <source>Central server: %1</source>
        <translation>中心服务器：%1</translation>
    </message>
    <message>
        <source>Last contact: %1</source>
        <translation>最近联系：%1</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <source>This workstation: %1</source>
        <translation>本工作站：%1</translation>
    </message>
    <message>
        <source>Certificate valid until %1</source>
        <translation>证书有效期至 %1</translation>
    </message>
    <message>
        <source>Audit: %1</source>
        <translation>审计：%1</translation>
    </message>
    <message>
        <source>Sync: %1</source>
        <translation>同步：%1</translation>
    </message>
</context>
</TS>
