<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>mdp::policy::ui::ClassificationDialog</name>
    <message>
        <source>Request a classification</source>
        <translation>申请数据分级</translation>
    </message>
    <message>
        <source>Review a request</source>
        <translation>审核分级申请</translation>
    </message>
    <message>
        <source>&amp;Category</source>
        <translation>类别(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Sub-kind</source>
        <translation>子类(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Level</source>
        <translation>级别(&amp;L)</translation>
    </message>
    <message>
        <source>Why this classification (required; kept in the audit trail without patient identifiers)</source>
        <translation>申请理由（必填；去除患者标识后记入审计日志）</translation>
    </message>
    <message>
        <source>Your review note (required)</source>
        <translation>审核意见（必填）</translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation>理由(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation>意见(&amp;N)</translation>
    </message>
    <message>
        <source>This subject identifies a person or is restricted: it cannot go below level %1.</source>
        <translation>该对象可直接识别个人或属于受限数据，级别不能低于第 %1 级。</translation>
    </message>
    <message>
        <source>Submit request</source>
        <translation>提交申请</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>通过</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
</context>
<context>
    <name>mdp::policy::ui::ClassificationPage</name>
    <message>
        <source>Request a level…</source>
        <translation>申请调整级别…</translation>
    </message>
    <message>
        <source>Accept…</source>
        <translation>通过…</translation>
    </message>
    <message>
        <source>Reject…</source>
        <translation>驳回…</translation>
    </message>
    <message>
        <source>Put in force…</source>
        <translation>生成并下发策略…</translation>
    </message>
    <message>
        <source>Install policy file…</source>
        <translation>安装策略文件…</translation>
    </message>
    <message>
        <source>Data classification</source>
        <translation>数据分类分级</translation>
    </message>
    <message>
        <source>Every field, identifier, document and image series carries a category and a security level (1 public to 5 most restricted); the level decides who reads it, masked or not. A change is requested, reviewed by a data manager and put in force as a new signed policy version.</source>
        <translation>每个字段、标识符、文档和影像序列都有数据类别和安全级别（第 1 级公开至第 5 级最严格）；级别决定谁可以读取以及是否脱敏显示。调整须先提出申请，经数据管理员审核后，作为新的签名策略版本生效。</translation>
    </message>
    <message>
        <source>Puts a policy document, or one signed with this workspace&apos;s key, in force</source>
        <translation>使策略文件（或由本工作区密钥签名的策略）生效</translation>
    </message>
    <message>
        <source>Filter by field, form or category (Ctrl+F)</source>
        <translation>按字段、表单或类别筛选（Ctrl+F）</translation>
    </message>
    <message>
        <source>Asks for another category or level for the selected subject (Ctrl+L)</source>
        <translation>为所选对象申请其他类别或级别（Ctrl+L）</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>Level in force</source>
        <translation>现行级别</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>所在位置</translation>
    </message>
    <message>
        <source>Rules give</source>
        <translation>规则判定</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Requests waiting for review or to be put in force</source>
        <translation>待审核或待生效的申请</translation>
    </message>
    <message>
        <source>Your requests</source>
        <translation>我的申请</translation>
    </message>
    <message>
        <source>Matches every accepted request against the rules, decides its level and issues the next signed policy version</source>
        <translation>将每个已通过的申请与规则匹配、判定级别，并生成下一个签名策略版本</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Asked for</source>
        <translation>申请内容</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Requested by</source>
        <translation>申请人</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>审核</translation>
    </message>
    <message>
        <source>Policy in force: version %1, the built-in default.</source>
        <translation>现行策略：第 %1 版（内置默认策略）。</translation>
    </message>
    <message>
        <source>Policy in force: version %1, issued %2 by %3, signed with workspace key %4.</source>
        <translation>现行策略：第 %1 版，%2 由 %3 签发，工作区密钥 %4 签名。</translation>
    </message>
    <message numerus="yes">
        <source>%n decided classification(s); counts under %1 are not shown.</source>
        <translation>
            <numerusform>已判定 %n 项分级；少于 %1 的计数不显示。</numerusform>
        </translation>
    </message>
    <message>
        <source>The classification cannot be shown: %1</source>
        <translation>无法显示分级：%1</translation>
    </message>
    <message>
        <source>Patient identifiers</source>
        <translation>患者标识符</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>文档</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>影像</translation>
    </message>
    <message>
        <source>Derived values</source>
        <translation>派生数据</translation>
    </message>
    <message>
        <source>Decided by a data manager</source>
        <translation>数据管理员已判定</translation>
    </message>
    <message>
        <source>Default rule</source>
        <translation>默认规则</translation>
    </message>
    <message>
        <source>request no. %1 open</source>
        <translation>申请 %1 处理中</translation>
    </message>
    <message>
        <source>level %1 (%2)</source>
        <translation>第 %1 级（%2）</translation>
    </message>
    <message>
        <source>Waiting for review</source>
        <translation>待审核</translation>
    </message>
    <message>
        <source>Accepted: put in force with the next version</source>
        <translation>已通过：随下一版本生效</translation>
    </message>
    <message>
        <source>%1, %2 (%3): %4</source>
        <translation>%1，%2（%3）：%4</translation>
    </message>
    <message>
        <source>%1 (%2) is now %3, %4.</source>
        <translation>%1（%2）当前为：%3，%4。</translation>
    </message>
    <message>
        <source>Request no. %1 was recorded; review it below.</source>
        <translation>申请 %1 已记录，请在下方审核。</translation>
    </message>
    <message>
        <source>Request no. %1 was recorded; a data manager reviews it.</source>
        <translation>申请 %1 已记录，将由数据管理员审核。</translation>
    </message>
    <message>
        <source>The request was not recorded: %1</source>
        <translation>申请未记录：%1</translation>
    </message>
    <message>
        <source>Request no. %1 for %2: %3, %4.
Reason: %5</source>
        <translation>申请 %1（%2）：%3，%4。
理由：%5</translation>
    </message>
    <message>
        <source>Reject request</source>
        <translation>驳回申请</translation>
    </message>
    <message>
        <source>Why is request no. %1 rejected?</source>
        <translation>驳回申请 %1 的原因：</translation>
    </message>
    <message>
        <source>Request no. %1 was accepted; put it in force to apply it.</source>
        <translation>申请 %1 已通过；生成并下发策略后生效。</translation>
    </message>
    <message>
        <source>Request no. %1 was rejected.</source>
        <translation>申请 %1 已驳回。</translation>
    </message>
    <message>
        <source>The review was not recorded: %1</source>
        <translation>审核未记录：%1</translation>
    </message>
    <message>
        <source>Put in force</source>
        <translation>生成并下发策略</translation>
    </message>
    <message>
        <source>Every accepted request is matched against the rules, decided (never below its floor) and put in force as the next signed policy version. Note for the record:</source>
        <translation>每个已通过的申请将与规则匹配并判定级别（不低于其下限），作为下一个签名策略版本生效。记录说明：</translation>
    </message>
    <message>
        <source>Policy version %1 is in force.</source>
        <translation>策略第 %1 版已生效。</translation>
    </message>
    <message>
        <source>Nothing was put in force: %1</source>
        <translation>未生效：%1</translation>
    </message>
    <message>
        <source>Install policy file</source>
        <translation>安装策略文件</translation>
    </message>
    <message>
        <source>Policy (*.json);;All files (*)</source>
        <translation>策略 (*.json);;所有文件 (*)</translation>
    </message>
    <message>
        <source>%1 cannot be read as a policy (at most 4 MiB).</source>
        <translation>无法将 %1 读取为策略（最大 4 MiB）。</translation>
    </message>
    <message>
        <source>Policy version %1 is in force (was %2).</source>
        <translation>策略第 %1 版已生效（原为第 %2 版）。</translation>
    </message>
    <message>
        <source>The policy was refused and version %1 stays in force: %2</source>
        <translation>策略被拒绝，第 %1 版继续有效：%2</translation>
    </message>
</context>
<context>
    <name>mdp::policy::ui::PolicyFeature</name>
    <message>
        <source>Classification</source>
        <translation>数据分级</translation>
    </message>
</context>
</TS>
