<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>mdp::workbench::CipherNames</name>
    <message>
        <source>SM4-CBC (national algorithm)</source>
        <translation>SM4-CBC（国密算法）</translation>
    </message>
    <message>
        <source>SM4-GCM (national algorithm)</source>
        <translation>SM4-GCM（国密算法）</translation>
    </message>
    <message>
        <source>AES-256-CBC</source>
        <translation>AES-256-CBC</translation>
    </message>
    <message>
        <source>AES-256-GCM</source>
        <translation>AES-256-GCM</translation>
    </message>
    <message>
        <source>SM4</source>
        <translation>SM4 国密</translation>
    </message>
    <message>
        <source>AES-256</source>
        <translation>AES-256</translation>
    </message>
    <message>
        <source>Workspace passphrase, %1 with %2 iterations</source>
        <translation>工作区口令，%1，迭代 %2 次</translation>
    </message>
    <message>
        <source>Hardware security token (PKCS#11) %1</source>
        <translation>硬件安全令牌（PKCS#11）%1</translation>
    </message>
    <message>
        <source>Each account&apos;s own password (Argon2id key slots)</source>
        <translation>每个账户本人的密码（Argon2id 密钥槽）</translation>
    </message>
</context>
<context>
    <name>mdp::workbench::TotpEnrolmentWidget</name>
    <message>
        <source>Copy the link</source>
        <translation>复制链接</translation>
    </message>
    <message>
        <source>6-digit code</source>
        <translation>6 位验证码</translation>
    </message>
    <message>
        <source>1. In your authenticator app, add an account by entering this key manually (time-based):</source>
        <translation>1. 在身份验证器应用中添加账户，手动输入以下密钥（基于时间）：</translation>
    </message>
    <message>
        <source>Or paste this link into an app that accepts otpauth links:</source>
        <translation>或将以下链接粘贴到支持 otpauth 链接的应用中：</translation>
    </message>
    <message>
        <source>2. Enter the code the app now shows:</source>
        <translation>2. 输入应用当前显示的验证码：</translation>
    </message>
    <message>
        <source>Algorithm %1 · %2 digits · new code every %3 seconds</source>
        <translation>算法 %1 · %2 位数字 · 每 %3 秒更新</translation>
    </message>
</context>
<context>
    <name>mdp::workbench::ui</name>
    <message>
        <source>Show the characters typed</source>
        <translation>显示输入的字符</translation>
    </message>
</context>
</TS>
