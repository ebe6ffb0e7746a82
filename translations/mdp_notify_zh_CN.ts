<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>mdp::notify::ui::NotificationBell</name>
    <message>
        <source>Notifications: nothing unread (Ctrl+Shift+N)</source>
        <translation>通知：无未读（Ctrl+Shift+N）</translation>
    </message>
    <message numerus="yes">
        <source>Notifications: %n unread (Ctrl+Shift+N)</source>
        <translation>
            <numerusform>通知：%n 条未读（Ctrl+Shift+N）</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mdp::notify::ui::NotificationMailDialog</name>
    <message>
        <source>Send test message</source>
        <translation>发送测试邮件</translation>
    </message>
    <message>
        <source>Mail relay</source>
        <translation>邮件中继</translation>
    </message>
    <message>
        <source>E-mail notices</source>
        <translation>电子邮件通知</translation>
    </message>
    <message>
        <source>Review notices are also e-mailed through this relay, always over TLS with a verified certificate. A message names the form, the record and the patient&apos;s pseudonymous ID only.</source>
        <translation>审核通知也会通过此中继服务器以电子邮件发送，始终使用 TLS 并验证证书。邮件中仅包含表单名称、记录以及患者的假名化编号。</translation>
    </message>
    <message>
        <source>Relay host</source>
        <translation>中继服务器地址</translation>
    </message>
    <message>
        <source>STARTTLS (usually port 587)</source>
        <translation>STARTTLS（通常为端口 587）</translation>
    </message>
    <message>
        <source>Implicit TLS (usually port 465)</source>
        <translation>隐式 TLS（通常为端口 465）</translation>
    </message>
    <message>
        <source>Port and security</source>
        <translation>端口与安全方式</translation>
    </message>
    <message>
        <source>empty when the relay needs no sign-in</source>
        <translation>中继服务器无需登录时留空</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Sender address</source>
        <translation>发件人地址</translation>
    </message>
    <message>
        <source>optional: PEM file of the relay&apos;s CA</source>
        <translation>选填：中继服务器 CA 的 PEM 文件</translation>
    </message>
    <message>
        <source>Choose a CA certificate file</source>
        <translation>选择 CA 证书文件</translation>
    </message>
    <message>
        <source>CA certificate</source>
        <translation>CA 证书</translation>
    </message>
    <message>
        <source>PEM certificates (*.pem *.crt);;All files (*)</source>
        <translation>PEM 证书 (*.pem *.crt);;所有文件 (*)</translation>
    </message>
    <message>
        <source>test recipient address</source>
        <translation>测试收件人地址</translation>
    </message>
    <message>
        <source>Send a short message through the relay with these settings (not saved yet)</source>
        <translation>使用当前设置（尚未保存）通过中继服务器发送一封简短的测试邮件</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>The stored settings could not be read: %1</source>
        <translation>无法读取已存储的设置：%1</translation>
    </message>
    <message>
        <source>unchanged (stored encrypted)</source>
        <translation>未更改（已加密存储）</translation>
    </message>
    <message>
        <source>Another task is running; try again when it has finished.</source>
        <translation>另一项任务正在运行，请在其完成后重试。</translation>
    </message>
    <message>
        <source>The settings were not saved: %1</source>
        <translation>设置未保存：%1</translation>
    </message>
    <message>
        <source>Saved, but the change could not be audited: %1</source>
        <translation>已保存，但此次更改未能记入审计日志：%1</translation>
    </message>
    <message>
        <source>The test recipient is not a plain e-mail address.</source>
        <translation>测试收件人不是有效的纯电子邮件地址。</translation>
    </message>
    <message>
        <source>MDP test message</source>
        <translation>MDP 测试邮件</translation>
    </message>
    <message>
        <source>This message checks the mail relay of the MDP workstation. No patient data is in it.</source>
        <translation>此邮件用于检查 MDP 工作站的邮件中继，其中不含任何患者数据。</translation>
    </message>
    <message>
        <source>Sending a test message through %1…</source>
        <translation>正在通过 %1 发送测试邮件…</translation>
    </message>
    <message>
        <source>The relay accepted the test message (%1).</source>
        <translation>中继服务器已接受测试邮件（%1）。</translation>
    </message>
    <message>
        <source>The test message was not sent: %1</source>
        <translation>测试邮件未发送：%1</translation>
    </message>
</context>
<context>
    <name>mdp::notify::ui::NotificationPanel</name>
    <message>
        <source>Mark all read</source>
        <translation>全部标为已读</translation>
    </message>
    <message>
        <source>Click a notice to open its record. Notices name patients by pseudonymous ID only.</source>
        <translation>点击通知可打开对应记录。通知中仅以假名化编号标识患者。</translation>
    </message>
    <message>
        <source>Another task is running; notices appear when it has finished.</source>
        <translation>另一项任务正在运行，完成后将显示通知。</translation>
    </message>
    <message>
        <source>The notices could not be read: %1</source>
        <translation>无法读取通知：%1</translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation>通知</translation>
    </message>
    <message>
        <source>Notifications (%1 unread)</source>
        <translation>通知（%1 条未读）</translation>
    </message>
    <message>
        <source>No notices yet. You will be told here when a record needs your review or a review of yours is decided.</source>
        <translation>暂无通知。当有记录需要您审核或您提交的记录有审核结果时，将在此处通知您。</translation>
    </message>
    <message>
        <source>Mark read</source>
        <translation>标为已读</translation>
    </message>
    <message>
        <source>The notice could not be marked read: %1</source>
        <translation>无法将该通知标为已读：%1</translation>
    </message>
    <message>
        <source>The notices could not be marked read: %1</source>
        <translation>无法将通知标为已读：%1</translation>
    </message>
</context>
<context>
    <name>mdp::notify::ui::NotifyFeature</name>
    <message>
        <source>&amp;Notifications</source>
        <translation>通知(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Mail relay…</source>
        <translation>邮件中继(&amp;M)…</translation>
    </message>
    <message>
        <source>Mail relay</source>
        <translation>邮件中继</translation>
    </message>
</context>
</TS>
