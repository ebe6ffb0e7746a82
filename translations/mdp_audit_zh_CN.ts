<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>mdp::audit::ui</name>
    <message>
        <source>Audit bundle</source>
        <translation>审计包</translation>
    </message>
    <message>
        <source>Your auditor key</source>
        <translation>您的审计员密钥</translation>
    </message>
    <message>
        <source>Auditor keys (*.key);;All files (*)</source>
        <translation>审计员密钥 (*.key);;所有文件 (*)</translation>
    </message>
    <message>
        <source>The key file %1 cannot be read.</source>
        <translation>无法读取密钥文件 %1。</translation>
    </message>
    <message>
        <source>%1 is not an auditor key file.</source>
        <translation>%1 不是审计员密钥文件。</translation>
    </message>
    <message>
        <source>The site key %1 cannot be read as a PEM public key.</source>
        <translation>无法将站点密钥 %1 读取为 PEM 公钥。</translation>
    </message>
    <message>
        <source>Open audit bundle</source>
        <translation>打开审计包</translation>
    </message>
    <message>
        <source>Passphrase of the auditor key of %1:</source>
        <translation>%1 的审计员密钥口令：</translation>
    </message>
    <message>
        <source>The passphrase did not open the key. Passphrase of the auditor key of %1:</source>
        <translation>口令无法打开该密钥。请重新输入 %1 的审计员密钥口令：</translation>
    </message>
    <message>
        <source>Verifying the bundle: signatures, Merkle proofs, the server&apos;s witness…</source>
        <translation>正在校验审计包：签名、Merkle 证明、服务器见证……</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>The bundle does NOT verify and is not opened.

%1</source>
        <translation>审计包未通过校验，未予打开。

%1</translation>
    </message>
</context>
<context>
    <name>mdp::audit::ui::ActivityChart</name>
    <message>
        <source>No activity in the bundle.</source>
        <translation>审计包中没有活动。</translation>
    </message>
</context>
<context>
    <name>mdp::audit::ui::AuditBundleWindow</name>
    <message>
        <source>Audit bundle (offline, read-only) – MDP</source>
        <translation>审计包（离线、只读）– MDP</translation>
    </message>
    <message>
        <source>Audit bundle from %1</source>
        <translation>来自 %1 的审计包</translation>
    </message>
    <message>
        <source>Exported by %1 on %2 · events %3–%4 of %5 · read-only, offline: nothing here changes any workspace.</source>
        <translation>由 %1 于 %2 导出 · 共 %5 个事件中的第 %3–%4 个 · 只读、离线：此处的任何操作都不会改变工作区。</translation>
    </message>
    <message>
        <source>Verified before opening:</source>
        <translation>打开前已校验：</translation>
    </message>
    <message>
        <source>No server witness: the site server had not yet witnessed this log; only the workstation&apos;s signature vouches for it.</source>
        <translation>无服务器见证：站点服务器尚未见证此日志，仅有工作站的签名为其担保。</translation>
    </message>
    <message>
        <source>Events from %1 on are signed by the workstation but not yet witnessed by the site server.</source>
        <translation>自第 %1 个事件起的事件已由工作站签名，但尚未经站点服务器见证。</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>To</source>
        <translation>至</translation>
    </message>
    <message>
        <source>By user</source>
        <translation>按用户</translation>
    </message>
    <message>
        <source>type:id, e.g. record:R-000123, or a bare id</source>
        <translation>类型:标识，例如 record:R-000123，或仅标识</translation>
    </message>
    <message>
        <source>Data ID</source>
        <translation>数据标识</translation>
    </message>
    <message>
        <source>By data ID</source>
        <translation>按数据标识</translation>
    </message>
    <message>
        <source>the patient&apos;s pseudonym, e.g. P-7F3A…</source>
        <translation>患者假名，例如 P-7F3A…</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>患者</translation>
    </message>
    <message>
        <source>Patient&apos;s access history</source>
        <translation>患者访问历史</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Reads</source>
        <translation>读取</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>更改</translation>
    </message>
    <message>
        <source>Downloads/exports</source>
        <translation>下载/导出</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>告警</translation>
    </message>
    <message>
        <source>First</source>
        <translation>最早</translation>
    </message>
    <message>
        <source>Last</source>
        <translation>最近</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>所有人</translation>
    </message>
    <message>
        <source>Activity of</source>
        <translation>活动对象</translation>
    </message>
    <message>
        <source>Select an event to see its full record.</source>
        <translation>选择一个事件以查看其完整记录。</translation>
    </message>
    <message>
        <source>Per-user figures</source>
        <translation>按用户统计</translation>
    </message>
    <message>
        <source>Activity timeline</source>
        <translation>活动时间线</translation>
    </message>
    <message>
        <source>Your questions are recorded in %1; bring it to the next export (mdp audit export --reads) so the trail holds them.</source>
        <translation>您的查询记录在 %1 中；请在下次导出时带上该文件（mdp audit export --reads），使审计轨迹收录这些查询。</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>The question was not answered: the read log cannot be written (%1).</source>
        <translation>未执行查询：无法写入查阅日志（%1）。</translation>
    </message>
    <message>
        <source>Choose a user.</source>
        <translation>请选择用户。</translation>
    </message>
    <message>
        <source>Enter a data ID.</source>
        <translation>请输入数据标识。</translation>
    </message>
    <message>
        <source>Enter the patient&apos;s pseudonym.</source>
        <translation>请输入患者假名。</translation>
    </message>
    <message numerus="yes">
        <source>%n event(s).</source>
        <translation>
            <numerusform>%n 个事件。</numerusform>
        </translation>
    </message>
    <message>
        <source>Sealed for your auditor key (%1); every section authenticated (SM4-GCM).</source>
        <translation>为您的审计员密钥（%1）加密；每一段均通过认证（SM4-GCM）。</translation>
    </message>
    <message>
        <source>The manifest is signed by the workstation&apos;s node key %1 (SM2).</source>
        <translation>清单由工作站节点密钥 %1 签名（SM2）。</translation>
    </message>
    <message>
        <source>The workstation&apos;s checkpoint over %1 events, signed %2, verifies.</source>
        <translation>工作站对 %1 个事件的检查点（签于 %2）验证通过。</translation>
    </message>
    <message>
        <source>Events %1–%2: each decrypts under its own sequence number and chains to the one before (SM3).</source>
        <translation>事件 %1–%2：每个事件均按其序号解密，并与前一事件构成哈希链（SM3）。</translation>
    </message>
    <message>
        <source>Merkle inclusion: the events lead to the root over %1 events, consistent with the signed checkpoint (RFC 9162).</source>
        <translation>Merkle 包含证明：这些事件推出 %1 个事件的根哈希，与已签名检查点一致（RFC 9162）。</translation>
    </message>
    <message>
        <source>The site server witnessed the first %1 events on %2 with key %3, the site key you gave; the checkpoint extends that tree.</source>
        <translation>站点服务器于 %2 以密钥 %3（即您提供的站点密钥）见证了前 %1 个事件；检查点是该树的延续。</translation>
    </message>
    <message>
        <source>A server witnessed the first %1 events on %2 with key %3 (not compared with a site key: give --site-key); the checkpoint extends that tree.</source>
        <translation>服务器于 %2 以密钥 %3 见证了前 %1 个事件（未与站点密钥比对：请提供 --site-key）；检查点是该树的延续。</translation>
    </message>
</context>
<context>
    <name>mdp::audit::ui::AuditEventTableModel</name>
    <message>
        <source>Sign-in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Sign-out</source>
        <translation>退出登录</translation>
    </message>
    <message>
        <source>Locked out after failed sign-ins</source>
        <translation>多次登录失败后锁定</translation>
    </message>
    <message>
        <source>Account created</source>
        <translation>创建账户</translation>
    </message>
    <message>
        <source>Password changed</source>
        <translation>修改密码</translation>
    </message>
    <message>
        <source>Password reset by administrator</source>
        <translation>管理员重置密码</translation>
    </message>
    <message>
        <source>Role changed</source>
        <translation>变更角色</translation>
    </message>
    <message>
        <source>Account locked</source>
        <translation>锁定账户</translation>
    </message>
    <message>
        <source>Account unlocked</source>
        <translation>解锁账户</translation>
    </message>
    <message>
        <source>Authenticator key issued</source>
        <translation>签发身份验证器密钥</translation>
    </message>
    <message>
        <source>Authenticator confirmed</source>
        <translation>确认身份验证器</translation>
    </message>
    <message>
        <source>Authenticator reset</source>
        <translation>重置身份验证器</translation>
    </message>
    <message>
        <source>Data viewed</source>
        <translation>查看数据</translation>
    </message>
    <message>
        <source>Data queried</source>
        <translation>查询数据</translation>
    </message>
    <message>
        <source>Data created</source>
        <translation>创建数据</translation>
    </message>
    <message>
        <source>Data modified</source>
        <translation>修改数据</translation>
    </message>
    <message>
        <source>Data deleted</source>
        <translation>删除数据</translation>
    </message>
    <message>
        <source>Data exported</source>
        <translation>导出数据</translation>
    </message>
    <message>
        <source>Key rotated</source>
        <translation>轮换密钥</translation>
    </message>
    <message>
        <source>Workspace unlocked</source>
        <translation>解锁工作区</translation>
    </message>
    <message>
        <source>System started</source>
        <translation>系统启动</translation>
    </message>
    <message>
        <source>System stopped</source>
        <translation>系统停止</translation>
    </message>
    <message>
        <source>Configuration changed</source>
        <translation>配置变更</translation>
    </message>
    <message>
        <source>Security alert</source>
        <translation>安全告警</translation>
    </message>
    <message>
        <source>Audit log read</source>
        <translation>查阅审计日志</translation>
    </message>
    <message>
        <source>Audit log verified</source>
        <translation>验证审计日志</translation>
    </message>
    <message>
        <source>Success</source>
        <translation>成功</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Serious failure</source>
        <translation>严重失败</translation>
    </message>
    <message>
        <source>Major failure</source>
        <translation>重大失败</translation>
    </message>
    <message>
        <source>(nobody identified)</source>
        <translation>（未识别身份）</translation>
    </message>
    <message>
        <source>%1 as %2</source>
        <translation>%1，角色：%2</translation>
    </message>
    <message>
        <source>#</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Data IDs</source>
        <translation>数据标识</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Data key created</source>
        <translation>创建数据密钥</translation>
    </message>
    <message>
        <source>Data key used</source>
        <translation>使用数据密钥</translation>
    </message>
    <message>
        <source>Data key re-wrapped</source>
        <translation>重新封装数据密钥</translation>
    </message>
    <message>
        <source>Data key retired</source>
        <translation>停用数据密钥</translation>
    </message>
    <message>
        <source>Data key destroyed</source>
        <translation>销毁数据密钥</translation>
    </message>
    <message>
        <source>Key-encryption key created</source>
        <translation>创建密钥加密密钥</translation>
    </message>
    <message>
        <source>Key-encryption key rotated</source>
        <translation>轮换密钥加密密钥</translation>
    </message>
    <message>
        <source>Old key-encryption key erased</source>
        <translation>擦除旧密钥加密密钥</translation>
    </message>
    <message>
        <source>Root key created</source>
        <translation>创建根密钥</translation>
    </message>
    <message>
        <source>Workspace passphrase changed</source>
        <translation>修改工作区口令</translation>
    </message>
    <message>
        <source>Patient registered</source>
        <translation>患者登记</translation>
    </message>
    <message>
        <source>Patient details changed</source>
        <translation>患者信息修改</translation>
    </message>
    <message>
        <source>Patient record opened</source>
        <translation>打开患者记录</translation>
    </message>
    <message>
        <source>Patient search</source>
        <translation>患者检索</translation>
    </message>
    <message>
        <source>Patient records merged</source>
        <translation>患者记录合并</translation>
    </message>
    <message>
        <source>Patient merge undone</source>
        <translation>撤销患者合并</translation>
    </message>
    <message>
        <source>Possible duplicate dismissed</source>
        <translation>排除疑似重复</translation>
    </message>
    <message>
        <source>Project pseudonym issued</source>
        <translation>签发项目假名</translation>
    </message>
    <message>
        <source>Timeline viewed</source>
        <translation>查看时间轴</translation>
    </message>
    <message>
        <source>Timeline event added</source>
        <translation>添加时间轴事件</translation>
    </message>
    <message>
        <source>Timeline event edited</source>
        <translation>编辑时间轴事件</translation>
    </message>
    <message>
        <source>Timeline event annotated</source>
        <translation>批注时间轴事件</translation>
    </message>
    <message>
        <source>Timeline event removed</source>
        <translation>删除时间轴事件</translation>
    </message>
    <message>
        <source>Timeline event restored</source>
        <translation>恢复时间轴事件</translation>
    </message>
    <message>
        <source>File attached</source>
        <translation>附加文件</translation>
    </message>
    <message>
        <source>File detached</source>
        <translation>移除文件</translation>
    </message>
    <message>
        <source>Database commit anchored</source>
        <translation>数据库提交已锚定</translation>
    </message>
    <message>
        <source>Authenticator enrolment code issued</source>
        <translation>签发身份验证器绑定码</translation>
    </message>
</context>
<context>
    <name>mdp::audit::ui::AuditFeature</name>
    <message>
        <source>Audit log</source>
        <translation>审计日志</translation>
    </message>
</context>
<context>
    <name>mdp::audit::ui::AuditLogPage</name>
    <message>
        <source>Search</source>
        <translation>查询</translation>
    </message>
    <message>
        <source>Verify chain</source>
        <translation>验证审计链</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <source>Trace what one user did over a period, or what happened to one datum. Every search is itself recorded in the log.</source>
        <translation>追溯某一用户在一段时间内的全部操作，或某一数据的全部访问记录。每次查询本身也会记入审计日志。</translation>
    </message>
    <message>
        <source>By user and period</source>
        <translation>按用户和时间段</translation>
    </message>
    <message>
        <source>By data ID</source>
        <translation>按数据标识</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>type:id, e.g. patient:P-000123, or the ID alone</source>
        <translation>类型:标识，例如 patient:P-000123，或仅输入标识</translation>
    </message>
    <message>
        <source>Data ID</source>
        <translation>数据标识</translation>
    </message>
    <message>
        <source>Select an event to see its full record.</source>
        <translation>选择一条事件以查看完整记录。</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>No events match.</source>
        <translation>没有符合条件的事件。</translation>
    </message>
    <message>
        <source>Choose a user.</source>
        <translation>请选择用户。</translation>
    </message>
    <message>
        <source>The end of the period is before its start.</source>
        <translation>时间段的结束时间早于开始时间。</translation>
    </message>
    <message>
        <source>The search failed: %1</source>
        <translation>查询失败：%1</translation>
    </message>
    <message>
        <source>Enter a data ID.</source>
        <translation>请输入数据标识。</translation>
    </message>
    <message>
        <source>Re-reading and checking every event of the log…</source>
        <translation>正在重新读取并校验日志中的每一条事件…</translation>
    </message>
    <message numerus="yes">
        <source>The chain is intact: %n event(s) verified against the signed checkpoint.</source>
        <translation>
            <numerusform>审计链完整：已依据签名检查点验证 %n 条事件。</numerusform>
        </translation>
    </message>
    <message>
        <source>at event #%1</source>
        <translation>位于第 %1 号事件</translation>
    </message>
    <message>
        <source>in the signed checkpoint</source>
        <translation>位于签名检查点</translation>
    </message>
    <message>
        <source>The log was altered: first problem %1 (%2). %3</source>
        <translation>日志已被篡改：首个问题%1（%2）。%3</translation>
    </message>
    <message>
        <source>Choose a user and a period, or a data ID, then search. Nothing is read until you do.</source>
        <translation>请选择用户和时间段，或输入数据标识，然后点击查询。查询前不会读取任何日志内容。</translation>
    </message>
    <message>
        <source>The log cannot be checked: %1</source>
        <translation>无法校验审计日志：%1</translation>
    </message>
    <message>
        <source>Reports…</source>
        <translation>报告…</translation>
    </message>
</context>
<context>
    <name>mdp::audit::ui::AuditReport</name>
    <message>
        <source>Privileged actions (accounts, roles, keys, configuration)</source>
        <translation>特权操作（账户、角色、密钥、配置）</translation>
    </message>
    <message>
        <source>Failed sign-ins</source>
        <translation>登录失败</translation>
    </message>
    <message>
        <source>Access to patient data (bulk access)</source>
        <translation>患者数据访问（批量访问）</translation>
    </message>
    <message>
        <source>Downloads and exports</source>
        <translation>下载与导出</translation>
    </message>
    <message>
        <source>Permission changes (grants, revocations, roles)</source>
        <translation>权限变更（授权、撤销、角色）</translation>
    </message>
    <message>
        <source>Refused actions</source>
        <translation>被拒绝的操作</translation>
    </message>
    <message>
        <source>Integrity of the audit trail</source>
        <translation>审计轨迹完整性</translation>
    </message>
    <message>
        <source>High</source>
        <translation>高</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>中</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>低</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>No action needed.</source>
        <translation>无需处理。</translation>
    </message>
    <message>
        <source>Review the bursts of failed sign-ins with the accounts&apos; holders; consider locking accounts that were targeted and check the workstations involved.</source>
        <translation>与账户持有人核实短时间内的多次登录失败；考虑锁定被攻击的账户，并检查相关工作站。</translation>
    </message>
    <message>
        <source>Confirm with the accounts&apos; holders that the failed sign-ins were their own.</source>
        <translation>与账户持有人确认登录失败是否为其本人操作。</translation>
    </message>
    <message>
        <source>Ask the accounts named for the purpose of the bulk or out-of-hours access and check it against their grants.</source>
        <translation>询问上述账户批量访问或非工作时间访问的目的，并与其授权核对。</translation>
    </message>
    <message>
        <source>Sample the accounts with most reads against their duties.</source>
        <translation>抽查读取次数最多的账户，核对是否符合其职责。</translation>
    </message>
    <message>
        <source>Check each download and export against its approved request; confirm that delivered copies were destroyed when their grants ended.</source>
        <translation>逐一核对每次下载和导出是否有已批准的申请；确认授权到期后交付的副本已被销毁。</translation>
    </message>
    <message>
        <source>Have a second administrator review the privileged actions; confirm each against a change request.</source>
        <translation>请另一名管理员复核特权操作，并逐一与变更申请核对。</translation>
    </message>
    <message>
        <source>Reconcile the permission changes with the ethics decisions and the site&apos;s register of grants.</source>
        <translation>将权限变更与伦理审查决定及本机构的授权登记进行核对。</translation>
    </message>
    <message>
        <source>Look for accounts whose refusals repeat: training, a wrong role, or probing.</source>
        <translation>关注反复被拒绝的账户：可能是培训不足、角色不当或试探行为。</translation>
    </message>
    <message>
        <source>Treat the workstation as compromised until the gap or break is explained; keep its files as evidence.</source>
        <translation>在缺失或损坏的原因查明之前，应将该工作站视为已失陷；保留其文件作为证据。</translation>
    </message>
    <message>
        <source>Audit report %1</source>
        <translation>审计报告 %1</translation>
    </message>
    <message>
        <source>Workstation %1 · %2 to %3 · generated %4 by %5</source>
        <translation>工作站 %1 · %2 至 %3 · 由 %5 于 %4 生成</translation>
    </message>
    <message>
        <source>1. Scope</source>
        <translation>一、范围</translation>
    </message>
    <message>
        <source>%1 audit events of %2 accounts on %3 days of the quarter.</source>
        <translation>本季度 %3 天内 %2 个账户的 %1 条审计事件。</translation>
    </message>
    <message>
        <source>2. Process</source>
        <translation>二、过程</translation>
    </message>
    <message>
        <source>Every event recorded in the period was read from the workstation&apos;s tamper-evident audit log (the reading is itself recorded) and counted by kind; the alert rules&apos; findings of the period are included. The whole log was checked first: %1.</source>
        <translation>本期间记录的每条事件均从工作站的防篡改审计日志中读取（读取本身也被记录），并按类别统计；本期间告警规则的发现一并纳入。事先已校验整个日志：%1。</translation>
    </message>
    <message>
        <source>This report is signed with the workstation&apos;s node key (SM2); SM3 of the signed report: %1 (%2).</source>
        <translation>本报告由工作站节点密钥签名（SM2）；签名报告的 SM3 值：%1（%2）。</translation>
    </message>
    <message>
        <source>signature verified</source>
        <translation>签名已验证</translation>
    </message>
    <message>
        <source>SIGNATURE DOES NOT VERIFY</source>
        <translation>签名未通过验证</translation>
    </message>
    <message>
        <source>3. Findings</source>
        <translation>三、发现</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>领域</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>事件数</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>告警数</translation>
    </message>
    <message>
        <source>Accounts with most</source>
        <translation>最多的账户</translation>
    </message>
    <message>
        <source>Risk</source>
        <translation>风险</translation>
    </message>
    <message>
        <source>4. Risks</source>
        <translation>四、风险</translation>
    </message>
    <message>
        <source>No risk was found in the period.</source>
        <translation>本期间未发现风险。</translation>
    </message>
    <message>
        <source>5. Recommendations</source>
        <translation>五、建议</translation>
    </message>
    <message>
        <source>verified: %1 events, hash chain, Merkle root and signed checkpoint</source>
        <translation>已验证：%1 条事件、哈希链、Merkle 根和已签名检查点</translation>
    </message>
    <message>
        <source>NOT verified: %1</source>
        <translation>未通过验证：%1</translation>
    </message>
</context>
<context>
    <name>mdp::audit::ui::AuditReportsDialog</name>
    <message>
        <source>Audit reports</source>
        <translation>审计报告</translation>
    </message>
    <message>
        <source>Generate report</source>
        <translation>生成报告</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>另存为 PDF…</translation>
    </message>
    <message>
        <source>Quarter</source>
        <translation>季度</translation>
    </message>
    <message>
        <source>Made</source>
        <translation>生成时间</translation>
    </message>
    <message>
        <source>By</source>
        <translation>生成人</translation>
    </message>
    <message>
        <source>Signature</source>
        <translation>签名</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Save the report</source>
        <translation>保存报告</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>verified</source>
        <translation>已验证</translation>
    </message>
    <message>
        <source>does not verify</source>
        <translation>未通过验证</translation>
    </message>
    <message>
        <source>No report yet: choose a quarter and generate one.</source>
        <translation>尚无报告：请选择季度并生成。</translation>
    </message>
    <message>
        <source>The report for %1 was generated, signed and kept.</source>
        <translation>%1 的报告已生成、签名并存档。</translation>
    </message>
    <message>
        <source>Saved to %1.</source>
        <translation>已保存到 %1。</translation>
    </message>
    <message>
        <source>%1 could not be written.</source>
        <translation>无法写入 %1。</translation>
    </message>
    <message>
        <source>Checking every event of the log before the report is made…</source>
        <translation>正在校验日志中的每条事件，随后生成报告…</translation>
    </message>
</context>
<context>
    <name>mdp::audit::ui::AuditReviewWindow</name>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>Read-only audit review – MDP</source>
        <translation>只读审计审查 – MDP</translation>
    </message>
    <message>
        <source>Read-only audit review</source>
        <translation>只读审计审查</translation>
    </message>
    <message>
        <source>%1 · signed in as %2. This workspace failed its integrity checks and does not open for work; its audit trail can be read here. Nothing in the workspace is changed.</source>
        <translation>%1 · 以 %2 身份登录。此工作区未通过完整性检查，不能用于日常工作；可在此阅读其审计记录。工作区中的任何内容都不会被更改。</translation>
    </message>
    <message>
        <source>The full check found no problem now; the workspace may open again.</source>
        <translation>完整检查现在未发现问题；工作区可以再次打开。</translation>
    </message>
    <message>
        <source>Why it did not open: %1</source>
        <translation>未能打开的原因：%1</translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) read and verified in order.</source>
        <translation>
            <numerusform>已按顺序读取并验证 %n 个事件。</numerusform>
        </translation>
    </message>
    <message>
        <source>Not checked on this machine: %1</source>
        <translation>在本机未检查：%1</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>所有人</translation>
    </message>
    <message>
        <source>type:id, e.g. patient:P-000123 (optional)</source>
        <translation>类型:ID，例如 patient:P-000123（可选）</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Data ID</source>
        <translation>数据 ID</translation>
    </message>
    <message>
        <source>Select an event to see its full record.</source>
        <translation>选择一个事件以查看其完整记录。</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message numerus="yes">
        <source>%n event(s).</source>
        <translation>
            <numerusform>%n 个事件。</numerusform>
        </translation>
    </message>
</context>
</TS>
