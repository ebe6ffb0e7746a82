<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>mdp::access::ui::AccessFeature</name>
    <message>
        <source>My access</source>
        <translation>我的访问权限</translation>
    </message>
</context>
<context>
    <name>mdp::access::ui::MyAccessPage</name>
    <message>
        <source>My access</source>
        <translation>我的访问权限</translation>
    </message>
    <message>
        <source>The grants the site issued to you after ethics review and approval. This workstation checked each one (the site&apos;s signature, your account, this workstation&apos;s certificate) and enforces it until it ends, offline too. Data reaches you de-identified and within the approved scope only.</source>
        <translation>站点在伦理审查和审批之后授予您的权限。本工作站已逐一核验（站点签名、您的账户、本工作站证书），并在到期前执行，离线时亦然。数据经去标识化处理后提供给您，且仅限批准的范围。</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>申请编号</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Up to level</source>
        <translation>最高级别</translation>
    </message>
    <message>
        <source>Approved by</source>
        <translation>批准人</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <source>Days left</source>
        <translation>剩余天数</translation>
    </message>
    <message>
        <source>You hold no grant on this workstation. Where access is refused, the page offers a request; once the site approves it, the grant arrives here at your next sign-in through the server.</source>
        <translation>您在本工作站没有任何授权。在访问被拒绝的位置，页面会提供申请入口；站点批准后，授权将在您下次通过服务器登录时到达本工作站。</translation>
    </message>
    <message>
        <source>Your grants could not be read: %1</source>
        <translation>无法读取您的授权：%1</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n 天</numerusform>
        </translation>
    </message>
</context>
</TS>
