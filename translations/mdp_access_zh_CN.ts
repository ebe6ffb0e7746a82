<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>mdp::access::ui::AccessFeature</name>
    <message>
        <source>My access</source>
        <translation>我的访问权限</translation>
    </message>
    <message>
        <source>Permission audit</source>
        <translation>权限审计</translation>
    </message>
</context>
<context>
    <name>mdp::access::ui::AccessRequestDialog</name>
    <message>
        <source>Search and list patients</source>
        <translation>检索并列出患者</translation>
    </message>
    <message>
        <source>Open patients&apos; records</source>
        <translation>打开患者记录</translation>
    </message>
    <message>
        <source>Enter and change data</source>
        <translation>录入和修改数据</translation>
    </message>
    <message>
        <source>Export data</source>
        <translation>导出数据</translation>
    </message>
    <message>
        <source>Request access</source>
        <translation>申请访问</translation>
    </message>
    <message>
        <source>What you ask for</source>
        <translation>申请内容</translation>
    </message>
    <message>
        <source>Access:</source>
        <translation>访问：</translation>
    </message>
    <message>
        <source>Data:</source>
        <translation>数据：</translation>
    </message>
    <message>
        <source>The research project (required)</source>
        <translation>研究项目（必填）</translation>
    </message>
    <message>
        <source>&amp;Project:</source>
        <translation>项目(&amp;P)：</translation>
    </message>
    <message>
        <source>The highest security level you need; level 5 needs named patients and two approvers.</source>
        <translation>所需的最高安全级别；第 5 级须列明患者并经两名审批人批准。</translation>
    </message>
    <message>
        <source>Up to &amp;level:</source>
        <translation>最高级别(&amp;L)：</translation>
    </message>
    <message>
        <source>Pseudonyms, separated by commas (empty: the cohort below)</source>
        <translation>患者假名，以逗号分隔（留空：按下方队列）</translation>
    </message>
    <message>
        <source>P&amp;atients:</source>
        <translation>患者(&amp;A)：</translation>
    </message>
    <message>
        <source>Cohort criteria in words, no names or numbers (empty: the whole project)</source>
        <translation>以文字描述队列条件，不含姓名或编号（留空：整个项目）</translation>
    </message>
    <message>
        <source>&amp;Cohort:</source>
        <translation>队列(&amp;C)：</translation>
    </message>
    <message>
        <source>Counts only (no rows)</source>
        <translation>仅统计数（不含明细）</translation>
    </message>
    <message>
        <source>Export de-identified data</source>
        <translation>导出去标识化数据</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>&amp;Duration:</source>
        <translation>期限(&amp;D)：</translation>
    </message>
    <message>
        <source>The research question, the analysis planned and why these data are needed (at least %1 characters)</source>
        <translation>研究问题、拟开展的分析以及需要这些数据的理由（至少 %1 个字符）</translation>
    </message>
    <message>
        <source>P&amp;urpose:</source>
        <translation>用途(&amp;U)：</translation>
    </message>
    <message>
        <source>Data-sharing agreement %1</source>
        <translation>数据共享协议 %1</translation>
    </message>
    <message>
        <source>I have read and accept the data-sharing agreement</source>
        <translation>我已阅读并接受数据共享协议</translation>
    </message>
    <message>
        <source>Sign in at the site server</source>
        <translation>登录中心服务器</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>密码(&amp;W)：</translation>
    </message>
    <message>
        <source>When your account has an authenticator</source>
        <translation>账户绑定了身份验证器时填写</translation>
    </message>
    <message>
        <source>Verification c&amp;ode:</source>
        <translation>验证码(&amp;O)：</translation>
    </message>
    <message>
        <source>Ethics review comes first, then the approvers the site&apos;s rules name. A grant is time-limited, opens de-identified data within this scope only, and ends with its local copy.</source>
        <translation>先经伦理审查，再由本机构规则指定的审批人审批。授权有时限，仅开放此范围内的去标识化数据，到期时本地副本一并失效。</translation>
    </message>
    <message>
        <source>Send request</source>
        <translation>提交申请</translation>
    </message>
    <message>
        <source>Name the research project.</source>
        <translation>请填写研究项目。</translation>
    </message>
    <message>
        <source>Ask for counts only or for an export, not both.</source>
        <translation>“仅统计数”与“导出”只能选其一。</translation>
    </message>
    <message>
        <source>Level 5 data is granted for named patients only: list their pseudonyms.</source>
        <translation>第 5 级数据只授权给列明的患者：请填写其假名。</translation>
    </message>
    <message>
        <source>The scope is not valid: %1</source>
        <translation>申请范围无效：%1</translation>
    </message>
    <message>
        <source>State the purpose in detail (at least %1 characters): the ethics review and the approvers decide on it.</source>
        <translation>请详细说明用途（至少 %1 个字符）：伦理审查和审批人据此作出决定。</translation>
    </message>
    <message>
        <source>Accept the data-sharing agreement to send the request.</source>
        <translation>须接受数据共享协议才能提交申请。</translation>
    </message>
    <message>
        <source>Enter your password to sign in at the site server.</source>
        <translation>请输入密码以登录中心服务器。</translation>
    </message>
    <message>
        <source>The site server refused the sign-in: %1</source>
        <translation>中心服务器拒绝登录：%1</translation>
    </message>
    <message>
        <source>The request was not sent: %1</source>
        <translation>申请未能提交：%1</translation>
    </message>
</context>
<context>
    <name>mdp::access::ui::AccessRequestsPanel</name>
    <message>
        <source>Ethics review</source>
        <translation>伦理审查</translation>
    </message>
    <message>
        <source>Approval</source>
        <translation>审批</translation>
    </message>
    <message>
        <source>More information asked</source>
        <translation>要求补充材料</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>已批准</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>已驳回</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>已撤回</translation>
    </message>
    <message>
        <source>Approval, step %1</source>
        <translation>审批第 %1 步</translation>
    </message>
    <message>
        <source>Project: %1</source>
        <translation>项目：%1</translation>
    </message>
    <message>
        <source>Up to: %1</source>
        <translation>最高：%1</translation>
    </message>
    <message>
        <source>Data: %1</source>
        <translation>数据：%1</translation>
    </message>
    <message>
        <source>all categories</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <source>Patients (%1): %2</source>
        <translation>患者（%1 名）：%2</translation>
    </message>
    <message>
        <source>Cohort: %1</source>
        <translation>队列：%1</translation>
    </message>
    <message>
        <source>Patients: the whole project</source>
        <translation>患者：整个项目</translation>
    </message>
    <message>
        <source>Counts only</source>
        <translation>仅统计数</translation>
    </message>
    <message>
        <source>Rows and a de-identified export</source>
        <translation>明细及去标识化导出</translation>
    </message>
    <message>
        <source>Rows, de-identified, no export</source>
        <translation>去标识化明细，不可导出</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Requester:&lt;/b&gt; %1 · &lt;b&gt;submitted&lt;/b&gt; %2 · &lt;b&gt;duration&lt;/b&gt; %3 days · &lt;b&gt;agreement&lt;/b&gt; %4&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;申请人：&lt;/b&gt;%1 · &lt;b&gt;提交于&lt;/b&gt; %2 · &lt;b&gt;期限&lt;/b&gt; %3 天 · &lt;b&gt;协议&lt;/b&gt; %4&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Purpose&lt;/b&gt;&lt;br&gt;%1&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;用途&lt;/b&gt;&lt;br&gt;%1&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Scope&lt;/b&gt;&lt;br&gt;%1&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;范围&lt;/b&gt;&lt;br&gt;%1&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Decisions&lt;/b&gt;&lt;/p&gt;&lt;ul&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;审查与审批记录&lt;/b&gt;&lt;/p&gt;&lt;ul&gt;</translation>
    </message>
    <message>
        <source>ethics</source>
        <translation>伦理审查</translation>
    </message>
    <message>
        <source>step %1</source>
        <translation>第 %1 步</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>批准</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>驳回</translation>
    </message>
    <message>
        <source>asked for more</source>
        <translation>要求补充</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Read the list from the site server again (F5)</source>
        <translation>从中心服务器重新读取列表（F5）</translation>
    </message>
    <message>
        <source>Sign in at the server…</source>
        <translation>登录服务器…</translation>
    </message>
    <message>
        <source>Withdraw</source>
        <translation>撤回</translation>
    </message>
    <message>
        <source>&amp;Approve (A)</source>
        <translation>批准(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Reject (R)</source>
        <translation>驳回(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;More information (M)</source>
        <translation>要求补充(&amp;M)</translation>
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
        <source>Requester</source>
        <translation>申请人</translation>
    </message>
    <message>
        <source>Up to level</source>
        <translation>最高级别</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>提交时间</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>更新时间</translation>
    </message>
    <message>
        <source>Sign in at the site server</source>
        <translation>登录中心服务器</translation>
    </message>
    <message>
        <source>Your password:</source>
        <translation>您的密码：</translation>
    </message>
    <message>
        <source>Verification code (empty when your account has none):</source>
        <translation>验证码（账户未绑定身份验证器时留空）：</translation>
    </message>
    <message>
        <source>The site server refused the sign-in: %1</source>
        <translation>中心服务器拒绝登录：%1</translation>
    </message>
    <message>
        <source>&lt;p&gt;Requests live at the site server. Sign in there to see them.&lt;/p&gt;</source>
        <translation>&lt;p&gt;申请保存在中心服务器上，请先登录服务器再查看。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>The requests could not be read: %1</source>
        <translation>无法读取申请：%1</translation>
    </message>
    <message>
        <source>&lt;p&gt;You have made no access request. Where access is refused, the page offers one.&lt;/p&gt;</source>
        <translation>&lt;p&gt;您尚未提交访问申请。访问被拒绝时，页面会提供申请入口。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Nothing waits for your decision.&lt;/p&gt;</source>
        <translation>&lt;p&gt;没有待您处理的申请。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Pass the ethics review of %1. A note (optional):</source>
        <translation>通过 %1 的伦理审查。备注（可选）：</translation>
    </message>
    <message>
        <source>Approve %1. A note (optional):</source>
        <translation>批准 %1。备注（可选）：</translation>
    </message>
    <message>
        <source>Reject %1: the reasons the requester will read:</source>
        <translation>驳回 %1：申请人将看到的理由：</translation>
    </message>
    <message>
        <source>What should the requester add or change?</source>
        <translation>申请人需要补充或修改什么？</translation>
    </message>
    <message>
        <source>%1 was not decided: %2</source>
        <translation>%1 未能处理：%2</translation>
    </message>
    <message>
        <source>%1 is now: %2</source>
        <translation>%1 当前状态：%2</translation>
    </message>
    <message>
        <source>%1 was not withdrawn: %2</source>
        <translation>%1 未能撤回：%2</translation>
    </message>
    <message>
        <source>%1 was withdrawn.</source>
        <translation>%1 已撤回。</translation>
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
    <message>
        <source>&amp;Grants</source>
        <translation>授权(&amp;G)</translation>
    </message>
    <message>
        <source>My &amp;requests</source>
        <translation>我的申请(&amp;R)</translation>
    </message>
    <message>
        <source>To &amp;decide</source>
        <translation>待我处理(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Open the data of this grant</source>
        <translation>打开此授权的数据(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Prepare waiting data (data managers)</source>
        <translation>准备待交付数据（数据管理员）(&amp;P)</translation>
    </message>
    <message>
        <source>Patient (project pseudonym)</source>
        <translation>患者（项目假名）</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>表单</translation>
    </message>
    <message>
        <source>Formal version</source>
        <translation>正式版本</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Choose a grant first.</source>
        <translation>请先选择一项授权。</translation>
    </message>
    <message>
        <source>The delivered data could not be taken from the site server: %1</source>
        <translation>无法从中心服务器获取交付的数据：%1</translation>
    </message>
    <message>
        <source>The providing site has not prepared this grant&apos;s data yet.</source>
        <translation>数据提供方尚未准备此授权的数据。</translation>
    </message>
    <message>
        <source>The data could not be opened: %1</source>
        <translation>数据无法打开：%1</translation>
    </message>
    <message>
        <source>What waits for data could not be read: %1</source>
        <translation>无法读取待交付的授权：%1</translation>
    </message>
    <message>
        <source>No grant waits for its data.</source>
        <translation>没有等待交付数据的授权。</translation>
    </message>
    <message>
        <source>The data of %1 was not sent: %2</source>
        <translation>%1 的数据未能发送：%2</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n patient(s))</source>
        <translation>
            <numerusform>%1（%n 名患者）</numerusform>
        </translation>
    </message>
    <message>
        <source>Sealed and sent: %1</source>
        <translation>已加密并发送：%1</translation>
    </message>
</context>
<context>
    <name>mdp::access::ui::PermissionAuditPage</name>
    <message>
        <source>Permission audit</source>
        <translation>权限审计</translation>
    </message>
    <message>
        <source>Every account of the site with its roles, grants and requests, and the full history of the grants the site issued, as the site server holds them. Reading it is recorded there; each export is recorded here.</source>
        <translation>本机构每个账户的角色、授权和申请，以及中心服务器所保存的全部授权历史。查阅会在服务器上记录审计；每次导出在本工作站记录审计。</translation>
    </message>
    <message>
        <source>Filter by account</source>
        <translation>按账户筛选</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>导出 CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>The export was not written: %1</source>
        <translation>导出未能写入：%1</translation>
    </message>
    <message>
        <source>Exported to %1.</source>
        <translation>已导出到 %1。</translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation>导出 PDF…</translation>
    </message>
    <message>
        <source>Export PDF report</source>
        <translation>导出 PDF 报告</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>The report was not written: %1</source>
        <translation>报告未能写入：%1</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>账户</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Grants in force</source>
        <translation>有效授权</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>已到期</translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation>已撤销</translation>
    </message>
    <message>
        <source>Requests approved</source>
        <translation>已批准申请</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>已驳回</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>处理中</translation>
    </message>
    <message>
        <source>Grant</source>
        <translation>授权编号</translation>
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
        <source>Issued</source>
        <translation>签发时间</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Approved by</source>
        <translation>批准人</translation>
    </message>
    <message>
        <source>The permission audit is read from the site server: sign in there first.</source>
        <translation>权限审计数据来自中心服务器：请先登录服务器。</translation>
    </message>
    <message>
        <source>The permission audit could not be read: %1</source>
        <translation>无法读取权限审计：%1</translation>
    </message>
    <message numerus="yes">
        <source>%n grant(s) in the site&apos;s history.</source>
        <translation>
            <numerusform>本机构历史共 %n 项授权。</numerusform>
        </translation>
    </message>
    <message>
        <source>revoked %1 by %2: %3</source>
        <translation>已于 %1 由 %2 撤销：%3</translation>
    </message>
    <message>
        <source>ended</source>
        <translation>已到期</translation>
    </message>
    <message>
        <source>in force</source>
        <translation>有效</translation>
    </message>
    <message>
        <source>Read from the site server on %1</source>
        <translation>读取自中心服务器，时间 %1</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>账户</translation>
    </message>
    <message>
        <source>Grant history</source>
        <translation>授权历史</translation>
    </message>
    <message>
        <source>nothing was read from the site server yet</source>
        <translation>尚未从中心服务器读取数据</translation>
    </message>
    <message>
        <source>%1 could not be written</source>
        <translation>无法写入 %1</translation>
    </message>
</context>
</TS>
