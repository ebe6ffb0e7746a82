<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>DiseasePackLoader</name>
    <message>
        <source>not a Qt plug-in: %1</source>
        <translation>不是 Qt 插件：%1</translation>
    </message>
    <message>
        <source>not a Qt plug-in</source>
        <translation>不是 Qt 插件</translation>
    </message>
    <message>
        <source>built for disease-pack interface version %1; this program needs version %2</source>
        <translation>为病种包接口版本 %1 构建；本程序需要版本 %2</translation>
    </message>
    <message>
        <source>not a disease pack (its plug-in interface is &quot;%1&quot;, expected &quot;%2&quot;)</source>
        <translation>不是病种包（其插件接口为“%1”，应为“%2”）</translation>
    </message>
    <message>
        <source>cannot be loaded: %1</source>
        <translation>无法加载：%1</translation>
    </message>
    <message>
        <source>declares the disease-pack interface but does not implement it</source>
        <translation>声明了病种包接口但未实现</translation>
    </message>
    <message>
        <source>the pack has no id</source>
        <translation>该病种包没有标识</translation>
    </message>
    <message>
        <source>pack &quot;%1&quot; is already loaded from %2</source>
        <translation>病种包“%1”已从 %2 加载</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>MDP</source>
        <translation>MDP</translation>
    </message>
    <message>
        <source>MDP demo</source>
        <translation>MDP 演示</translation>
    </message>
    <message>
        <source>The demo workspace could not be created: %1</source>
        <translation>无法创建演示工作区：%1</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>跳过</translation>
    </message>
    <message>
        <source>Preparing the synthetic demo patients (first start only)...</source>
        <translation>正在准备合成演示患者（仅首次启动）…</translation>
    </message>
</context>
<context>
    <name>mdp::shell::AboutDialog</name>
    <message>
        <source>MDP Clinical Research Workstation</source>
        <translation>MDP 临床科研工作站</translation>
    </message>
    <message>
        <source>About MDP</source>
        <translation>关于 MDP</translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation>版本 %1</translation>
    </message>
    <message>
        <source>Implements the group standard JH/CAA 008-2025, Overall Technical Specifications for a Multimodal Disease-Oriented Data Platform.</source>
        <translation>依据团体标准 JH/CAA 008-2025《多模态专病数据平台总体技术规范》实现。</translation>
    </message>
    <message>
        <source>Components</source>
        <translation>组件</translation>
    </message>
    <message>
        <source>shown once a workspace is open</source>
        <translation>打开工作区后显示</translation>
    </message>
    <message>
        <source>Third-party components keep their own licences: Qt under the GNU LGPL v3, SQLCipher under a BSD-style licence, libgcrypt under the GNU LGPL v2.1 or later, OpenSSL under the Apache License 2.0, Noto CJK fonts under the SIL Open Font License 1.1.</source>
        <translation>第三方组件遵循各自的许可证：Qt 采用 GNU LGPL v3，SQLCipher 采用 BSD 类许可证，libgcrypt 采用 GNU LGPL v2.1 或更高版本，OpenSSL 采用 Apache License 2.0，思源（Noto CJK）字体采用 SIL Open Font License 1.1。</translation>
    </message>
    <message>
        <source>Disease packs</source>
        <translation>病种包</translation>
    </message>
    <message>
        <source>Installed</source>
        <translation>已安装</translation>
    </message>
    <message>
        <source>none: the generic platform</source>
        <translation>无：通用平台</translation>
    </message>
    <message>
        <source>refused: %1</source>
        <translation>已拒绝：%1</translation>
    </message>
</context>
<context>
    <name>mdp::shell::AdminAccountWizardPage</name>
    <message>
        <source>First administrator</source>
        <translation>首个管理员账户</translation>
    </message>
    <message>
        <source>The system administrator creates the accounts of clinicians, reviewers, researchers and auditors. Use a personal account, not a shared one.</source>
        <translation>系统管理员负责为临床医生、审核员、科研人员和审计员创建账户。请使用个人账户，不要使用共用账户。</translation>
    </message>
    <message>
        <source>e.g. Wang Fang, Information Department</source>
        <translation>例如：王芳，信息科</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Lower-case letters, digits, &apos;.&apos;, &apos;_&apos; and &apos;-&apos;; starts with a letter.</source>
        <translation>可使用小写字母、数字及“.”“_”“-”，须以字母开头。</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>显示名称</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Confirm password</source>
        <translation>确认密码</translation>
    </message>
    <message>
        <source>The two passwords do not match.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
    <message>
        <source>This password is the administrator&apos;s own and opens the workspace: nobody else knows it, and no shared passphrase exists. Administrators also confirm each sign-in with a code from an authenticator app; it is set up at the first sign-in.</source>
        <translation>该密码为管理员本人所有，用于打开工作区：其他人不知道它，也不存在共用的工作区口令。管理员每次登录还需输入身份验证器应用显示的动态验证码，首次登录时设置。</translation>
    </message>
</context>
<context>
    <name>mdp::shell::CommandLine</name>
    <message>
        <source>MDP clinical research workstation (JH/CAA 008-2025).</source>
        <translation>MDP 临床科研工作站（JH/CAA 008-2025）。</translation>
    </message>
    <message>
        <source>Start on a throw-away demo workspace with one account per role, signed in.</source>
        <translation>使用一次性演示工作区启动（每个角色一个账户），并直接登录。</translation>
    </message>
    <message>
        <source>Role to sign in as in demo mode (default: clinician). One of: %1.</source>
        <translation>演示模式下登录所用的角色（默认：clinician），可选：%1。</translation>
    </message>
    <message>
        <source>Workspace folder to open or create.</source>
        <translation>要打开或创建的工作区文件夹。</translation>
    </message>
    <message>
        <source>Interface language: zh_CN or en.</source>
        <translation>界面语言：zh_CN 或 en。</translation>
    </message>
    <message>
        <source>Save the first window as a PNG image once it is shown, then quit.</source>
        <translation>首个窗口显示后将其保存为 PNG 图片，然后退出。</translation>
    </message>
    <message>
        <source>unknown role &quot;%1&quot;</source>
        <translation>未知角色“%1”</translation>
    </message>
    <message>
        <source>unknown language &quot;%1&quot; (use zh_CN or en)</source>
        <translation>未知语言“%1”（请使用 zh_CN 或 en）</translation>
    </message>
    <message>
        <source>unexpected argument &quot;%1&quot;</source>
        <translation>多余的参数“%1”</translation>
    </message>
    <message>
        <source>Page to show first: overview, patients, reviews, forms, audit-log, accounts, keys or my-account.</source>
        <translation>首先显示的页面：overview、patients、reviews、forms、audit-log、accounts、keys 或 my-account。</translation>
    </message>
    <message>
        <source>unknown page &quot;%1&quot; (known: %2)</source>
        <translation>未知页面“%1”（可用：%2）</translation>
    </message>
    <message>
        <source>Open an auditor&apos;s bundle offline and read-only (no workspace is opened); with --audit-key and optionally --site-key.</source>
        <translation>以离线、只读方式打开审计包（不打开工作区）；配合 --audit-key，可选 --site-key。</translation>
    </message>
    <message>
        <source>The auditor&apos;s key file the bundle is sealed for (asked when not given).</source>
        <translation>审计包所加密对应的审计员密钥文件（未给出时询问）。</translation>
    </message>
    <message>
        <source>The site server&apos;s witness key (PEM) the bundle&apos;s witness must be signed with.</source>
        <translation>审计包见证必须使用的站点服务器见证密钥（PEM）。</translation>
    </message>
    <message>
        <source>--audit opens a bundle without a workspace: not with --demo or --workspace</source>
        <translation>--audit 不使用工作区打开审计包：不能与 --demo 或 --workspace 同用</translation>
    </message>
</context>
<context>
    <name>mdp::shell::DoneWizardPage</name>
    <message>
        <source>Workspace created</source>
        <translation>工作区已创建</translation>
    </message>
    <message>
        <source>The encrypted workspace is ready.</source>
        <translation>加密工作区已就绪。</translation>
    </message>
    <message>
        <source>Next steps: create an account for each person who uses this workstation (Accounts page) and check the keys (Keys page).</source>
        <translation>后续步骤：为使用本工作站的每位人员创建账户（“账户”页面），并检查密钥（“密钥”页面）。</translation>
    </message>
    <message>
        <source>Organisation recovery key</source>
        <translation>机构恢复密钥</translation>
    </message>
    <message>
        <source>Write it down or print it and lock it away, offline. It is shown only now. With it the organisation can set a new password when the last administrator&apos;s is lost (mdp recover); every use is recorded in the audit log.</source>
        <translation>请抄写或打印后离线锁存。它仅在此显示一次。当最后一位管理员的密码遗失时，机构可凭它设置新密码（mdp recover）；每次使用都会记入审计日志。</translation>
    </message>
    <message>
        <source>Sign in as %1 with the password you just chose. An administrator needs an authenticator app: have it ready on your phone, you set it up at this first sign-in.</source>
        <translation>请使用刚才设置的密码以 %1 身份登录。管理员需要使用身份验证器应用：请在手机上准备好，首次登录时即可完成设置。</translation>
    </message>
    <message>
        <source>Your one-time enrolment code for the authenticator app: %1 (valid three days; it is filled in at the sign-in that follows).</source>
        <translation>您用于身份验证器应用的一次性绑定码：%1（三天内有效；接下来的登录界面会自动填入）。</translation>
    </message>
</context>
<context>
    <name>mdp::shell::EncryptionWizardPage</name>
    <message>
        <source>SM4 national algorithm (recommended)</source>
        <translation>SM4 国密算法（推荐）</translation>
    </message>
    <message>
        <source>AES-256</source>
        <translation>AES-256</translation>
    </message>
    <message>
        <source>Encryption</source>
        <translation>加密算法</translation>
    </message>
    <message>
        <source>Choose the algorithm that encrypts the database and the file store. It cannot be changed after the workspace is created.</source>
        <translation>选择用于加密数据库和文件库的算法。工作区创建后不可更改。</translation>
    </message>
    <message>
        <source>GB/T 32907-2016 · meets JH/CAA 008-2025 §7.4.3</source>
        <translation>GB/T 32907-2016 · 符合 JH/CAA 008-2025 第 7.4.3 条</translation>
    </message>
    <message>
        <source>The Chinese commercial cryptographic standard required for sensitive health data. Database pages are encrypted with SM4-CBC, files with SM4-GCM.</source>
        <translation>我国商用密码标准，敏感健康医疗数据须采用。数据库页面使用 SM4-CBC 加密，文件使用 SM4-GCM 加密。</translation>
    </message>
    <message>
        <source>FIPS 197 · international standard</source>
        <translation>FIPS 197 · 国际标准</translation>
    </message>
    <message>
        <source>Choose it only when a partner institution requires AES. Database pages are encrypted with AES-256-CBC, files with AES-256-GCM.</source>
        <translation>仅在合作机构要求使用 AES 时选择。数据库页面使用 AES-256-CBC 加密，文件使用 AES-256-GCM 加密。</translation>
    </message>
    <message>
        <source>In both cases each account&apos;s key slot is sealed with a key derived by Argon2id from its password, and the audit log is chained with SM3.</source>
        <translation>两种方式下，每个账户的密钥槽均以其密码经 Argon2id 派生的密钥封装，审计日志均以 SM3 构建哈希链。</translation>
    </message>
</context>
<context>
    <name>mdp::shell::FirstRunWizard</name>
    <message>
        <source>Set up MDP</source>
        <translation>MDP 初始设置</translation>
    </message>
</context>
<context>
    <name>mdp::shell::GoToDialog</name>
    <message>
        <source>Go to</source>
        <translation>转到</translation>
    </message>
    <message>
        <source>Pseudonym, name, pinyin or initials…</source>
        <translation>假名编号、姓名、拼音或首字母…</translation>
    </message>
    <message>
        <source>Nothing to search for your role.</source>
        <translation>您的角色没有可搜索的内容。</translation>
    </message>
    <message>
        <source>Type to search; Enter opens, Esc closes.</source>
        <translation>输入以搜索；回车打开，Esc 关闭。</translation>
    </message>
    <message>
        <source>No match.</source>
        <translation>无匹配。</translation>
    </message>
    <message numerus="yes">
        <source>%n match(es).</source>
        <translation>
            <numerusform>%n 个匹配。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mdp::shell::IntegrityMonitor</name>
    <message>
        <source>audit history: %1</source>
        <translation>审计历史：%1</translation>
    </message>
</context>
<context>
    <name>mdp::shell::LocationWizardPage</name>
    <message>
        <source>Workspace location</source>
        <translation>工作区位置</translation>
    </message>
    <message>
        <source>The workspace is one folder. Put it on a local disk that is backed up; the contents are encrypted.</source>
        <translation>工作区是一个文件夹，请将其放在有备份的本地磁盘上；其中的内容均已加密。</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <source>Keep the folder out of synchronised cloud drives: the audit log detects an older copy put back, and such drives do exactly that.</source>
        <translation>请勿将该文件夹放在同步网盘中：网盘可能用旧副本覆盖当前文件，而审计日志会将其识别为数据回滚。</translation>
    </message>
    <message>
        <source>Choose the workspace folder</source>
        <translation>选择工作区文件夹</translation>
    </message>
</context>
<context>
    <name>mdp::shell::LoginDialog</name>
    <message>
        <source>The site server has locked this account. Ask a system administrator of the site to unlock it.</source>
        <translation>站点服务器已锁定该账户，请联系站点的系统管理员解锁。</translation>
    </message>
    <message>
        <source>The site server cannot be reached and the offline period of %1 hours since this account last signed in here through it has passed. Sign in again when the server is back.</source>
        <translation>无法连接站点服务器，且该账户上次经服务器在本工作站登录已超过 %1 小时的离线期限。请在服务器恢复后再登录。</translation>
    </message>
    <message>
        <source>The site server accepted this account, but this workstation cannot open for it yet: an account that already signs in here must sign in once through the server first.</source>
        <translation>站点服务器已确认该账户，但本工作站尚不能为其打开：须先由一个已在本工作站登录过的账户经服务器登录一次。</translation>
    </message>
    <message>
        <source>The site server accepted this account, but the site keys it carries do not open this workstation&apos;s workspace. Ask a system administrator.</source>
        <translation>站点服务器已确认该账户，但其携带的站点密钥无法打开本工作站的工作区，请联系系统管理员。</translation>
    </message>
    <message>
        <source>The site server refused the sign-in: %1</source>
        <translation>站点服务器拒绝了登录：%1</translation>
    </message>
    <message>
        <source>MDP – Sign in</source>
        <translation>MDP – 登录</translation>
    </message>
    <message>
        <source>Clinical research workstation</source>
        <translation>临床科研工作站</translation>
    </message>
    <message>
        <source>Data stay encrypted on this workstation. Every sign-in is recorded in the tamper-evident audit log.</source>
        <translation>数据在本工作站上始终加密保存。每次登录都会记入防篡改的审计日志。</translation>
    </message>
    <message>
        <source>Implements JH/CAA 008-2025</source>
        <translation>依据 JH/CAA 008-2025 实现</translation>
    </message>
    <message>
        <source>Workspace passphrase</source>
        <translation>工作区口令</translation>
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
        <source>Verification code</source>
        <translation>动态验证码</translation>
    </message>
    <message>
        <source>Set up your authenticator</source>
        <translation>设置身份验证器</translation>
    </message>
    <message>
        <source>Caps Lock is on.</source>
        <translation>大写锁定已打开。</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>Use another account</source>
        <translation>使用其他账户</translation>
    </message>
    <message>
        <source>Workspace: %1</source>
        <translation>工作区：%1</translation>
    </message>
    <message>
        <source>Unlock workspace</source>
        <translation>解锁工作区</translation>
    </message>
    <message>
        <source>Unlock and sign in</source>
        <translation>解锁并登录</translation>
    </message>
    <message>
        <source>Set up two-step sign-in</source>
        <translation>设置双因素认证</translation>
    </message>
    <message>
        <source>Confirm code</source>
        <translation>确认验证码</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Enter the workspace passphrase.</source>
        <translation>请输入工作区口令。</translation>
    </message>
    <message>
        <source>Enter your user name and password.</source>
        <translation>请输入用户名和密码。</translation>
    </message>
    <message>
        <source>Enter the code your authenticator app shows.</source>
        <translation>请输入身份验证器应用显示的动态验证码。</translation>
    </message>
    <message>
        <source>Unlocking the workspace…</source>
        <translation>正在解锁工作区…</translation>
    </message>
    <message>
        <source>Checking your credentials…</source>
        <translation>正在验证身份…</translation>
    </message>
    <message>
        <source>The workspace passphrase is wrong. Nothing was changed; try again.</source>
        <translation>工作区口令错误。未做任何更改，请重试。</translation>
    </message>
    <message>
        <source>The database is older than the last state recorded in the audit log: an earlier copy appears to have been put back. Do not enter data; contact your system administrator.</source>
        <translation>数据库早于审计日志记录的最新状态：可能有人放回了旧副本。请勿录入数据，并联系系统管理员。</translation>
    </message>
    <message>
        <source>The workspace is damaged or was altered outside MDP (%1). Contact your system administrator.</source>
        <translation>工作区已损坏或在 MDP 之外被改动（%1）。请联系系统管理员。</translation>
    </message>
    <message>
        <source>No workspace was found in this folder.</source>
        <translation>该文件夹中没有工作区。</translation>
    </message>
    <message>
        <source>The workspace could not be opened: %1</source>
        <translation>无法打开工作区：%1</translation>
    </message>
    <message>
        <source>Too many failed sign-ins. The account is locked until %1.</source>
        <translation>登录失败次数过多，账户已锁定至 %1。</translation>
    </message>
    <message>
        <source>This account is locked. Ask a system administrator to unlock it.</source>
        <translation>该账户已被锁定，请联系系统管理员解锁。</translation>
    </message>
    <message>
        <source>Sign-in failed: %1</source>
        <translation>登录失败：%1</translation>
    </message>
    <message>
        <source>Preparing your authenticator key…</source>
        <translation>正在生成身份验证器密钥…</translation>
    </message>
    <message>
        <source>Your role requires two-step sign-in and no authenticator is set up yet for this account.</source>
        <translation>您的角色需要双因素认证，而该账户尚未设置身份验证器。</translation>
    </message>
    <message>
        <source>Checking the code…</source>
        <translation>正在校验验证码…</translation>
    </message>
    <message>
        <source>The code was not accepted. Check that the device&apos;s clock is right and enter the current code.</source>
        <translation>验证码未通过。请确认设备时间准确，并输入当前的验证码。</translation>
    </message>
    <message>
        <source>Authenticator set up. Wait for the next code (each code works once) and enter it to sign in.</source>
        <translation>身份验证器已设置。请等待下一个验证码出现（每个验证码仅能使用一次），输入后即可登录。</translation>
    </message>
    <message>
        <source>Checking the audit log…</source>
        <translation>正在检查审计日志…</translation>
    </message>
    <message>
        <source>Opening the database…</source>
        <translation>正在打开数据库…</translation>
    </message>
    <message>
        <source>Indexing the audit log (once, after an update)… %1%</source>
        <translation>正在为审计日志建立索引（升级后仅此一次）… %1%</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>正在登录…</translation>
    </message>
    <message>
        <source>Too many wrong passwords for this account. Wait a little and try again; each further failure doubles the wait.</source>
        <translation>该账户密码错误次数过多。请稍候再试；此后每失败一次，等待时间加倍。</translation>
    </message>
    <message>
        <source>Waiting for another program that has this workspace open (%1)…</source>
        <translation>正在等待已打开此工作区的另一个程序（%1）…</translation>
    </message>
    <message>
        <source>Authenticator code or enrolment code</source>
        <translation>身份验证器验证码或绑定码</translation>
    </message>
    <message>
        <source>The user name, password or verification code is wrong. If your account uses an authenticator app, enter its current code; at your first sign-in, the enrolment code from your administrator.</source>
        <translation>用户名、密码或验证码错误。如您的账户使用身份验证器应用，请输入其当前验证码；首次登录时，请输入管理员提供的绑定码。</translation>
    </message>
    <message>
        <source>Open read-only for audit…</source>
        <translation>以只读方式打开以供审计…</translation>
    </message>
    <message>
        <source>For an auditor or a system administrator: read the audit trail of this workspace to find out what happened. Nothing can be changed.</source>
        <translation>供审计员或系统管理员使用：阅读此工作区的审计记录以查明发生了什么。不能做任何更改。</translation>
    </message>
    <message>
        <source>An auditor or a system administrator can open it read-only to find out what happened: enter your credentials and choose “Open read-only for audit…”.</source>
        <translation>审计员或系统管理员可以只读方式打开它以查明原因：请输入您的凭据并点击“以只读方式打开以供审计…”。</translation>
    </message>
    <message>
        <source>Enter your user name and password (and the verification code) first.</source>
        <translation>请先输入用户名和密码（以及验证码）。</translation>
    </message>
    <message>
        <source>Checking the workspace read-only…</source>
        <translation>正在以只读方式检查工作区…</translation>
    </message>
    <message>
        <source>Only an auditor or a system administrator may open this workspace read-only.</source>
        <translation>只有审计员或系统管理员可以只读方式打开此工作区。</translation>
    </message>
</context>
<context>
    <name>mdp::shell::MainWindow</name>
    <message>
        <source>MDP Clinical Research Workstation</source>
        <translation>MDP 临床科研工作站</translation>
    </message>
    <message>
        <source>Verify audit chain</source>
        <translation>验证审计链</translation>
    </message>
    <message numerus="yes">
        <source>The workspace is intact: the database, the audit chain of %n event(s) and the rollback anchor are consistent.</source>
        <translation>
            <numerusform>工作区完整：数据库、包含 %n 条事件的审计链与回滚锚点一致。</numerusform>
        </translation>
    </message>
    <message>
        <source>A problem was found: %1

Do not enter data and contact your system administrator.</source>
        <translation>发现问题：%1

请勿录入数据，并联系系统管理员。</translation>
    </message>
    <message>
        <source>Clinical research workstation</source>
        <translation>临床科研工作站</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Lock workspace</source>
        <translation>锁定工作区(&amp;L)</translation>
    </message>
    <message>
        <source>Log &amp;out</source>
        <translation>注销(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Verify audit chain</source>
        <translation>验证审计链(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About MDP</source>
        <translation>关于 MDP(&amp;A)</translation>
    </message>
    <message>
        <source>%1 (%2) · %3</source>
        <translation>%1（%2）· %3</translation>
    </message>
    <message>
        <source>Verifying…</source>
        <translation>正在验证…</translation>
    </message>
    <message>
        <source>Workspace: %1</source>
        <translation>工作区：%1</translation>
    </message>
    <message>
        <source>Encryption: %1</source>
        <translation>加密：%1</translation>
    </message>
    <message>
        <source>Database %1, files %2</source>
        <translation>数据库 %1，文件 %2</translation>
    </message>
    <message>
        <source>Audit events: %1</source>
        <translation>审计事件：%1</translation>
    </message>
    <message>
        <source>Integrity not yet verified</source>
        <translation>完整性尚未验证</translation>
    </message>
    <message>
        <source>Integrity verified %1</source>
        <translation>完整性已验证 %1</translation>
    </message>
    <message>
        <source>Integrity problem</source>
        <translation>完整性异常</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>概览</translation>
    </message>
    <message>
        <source>&amp;Go to…</source>
        <translation>转到(&amp;G)…</translation>
    </message>
    <message>
        <source>Checking audit history… %1%</source>
        <translation>正在检查审计历史… %1%</translation>
    </message>
    <message>
        <source>Audit history verified %1</source>
        <translation>审计历史已于 %1 验证</translation>
    </message>
</context>
<context>
    <name>mdp::shell::OverviewPage</name>
    <message>
        <source>Confirmed by</source>
        <translation>确认方</translation>
    </message>
    <message>
        <source>the site server</source>
        <translation>站点服务器</translation>
    </message>
    <message>
        <source>this workstation only: the site server could not be reached (offline sign-in)</source>
        <translation>仅本工作站：无法连接站点服务器（离线登录）</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>概览</translation>
    </message>
    <message>
        <source>Welcome, %1. The state of the workspace on this workstation.</source>
        <translation>%1，您好。以下是本工作站工作区的当前状态。</translation>
    </message>
    <message>
        <source>Integrity</source>
        <translation>完整性</translation>
    </message>
    <message>
        <source>Verify now</source>
        <translation>立即验证</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <source>Your session</source>
        <translation>当前会话</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Signed in</source>
        <translation>登录时间</translation>
    </message>
    <message>
        <source>Workspace</source>
        <translation>工作区</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>Database encryption</source>
        <translation>数据库加密</translation>
    </message>
    <message>
        <source>File encryption</source>
        <translation>文件加密</translation>
    </message>
    <message>
        <source>Root key protection</source>
        <translation>根密钥保护</translation>
    </message>
    <message>
        <source>Committed transactions</source>
        <translation>已提交事务数</translation>
    </message>
    <message>
        <source>Verifying…</source>
        <translation>正在验证…</translation>
    </message>
    <message>
        <source>Checking the database pages, the audit hash chain and the rollback anchor.</source>
        <translation>正在校验数据库页面、审计哈希链和回滚锚点。</translation>
    </message>
    <message>
        <source>Not verified in this session</source>
        <translation>本次会话尚未验证</translation>
    </message>
    <message>
        <source>Verification checks the database, the audit hash chain and that no older copy of the database was put back.</source>
        <translation>验证将检查数据库、审计哈希链，并确认数据库未被旧副本替换。</translation>
    </message>
    <message>
        <source>Intact</source>
        <translation>完整</translation>
    </message>
    <message numerus="yes">
        <source>Verified %1: database, audit chain of %n event(s) and rollback anchor are consistent.</source>
        <translation>
            <numerusform>%1 已验证：数据库、包含 %n 条事件的审计链与回滚锚点一致。</numerusform>
        </translation>
    </message>
    <message>
        <source>Problem found</source>
        <translation>发现问题</translation>
    </message>
    <message>
        <source>Verified %1: %2</source>
        <translation>%1 已验证：%2</translation>
    </message>
    <message>
        <source>Events in the tamper-evident, hash-chained log. Sign-ins, account changes, key use and every reading of the log are recorded.</source>
        <translation>防篡改哈希链日志中的事件总数。登录、账户变更、密钥使用以及每次查阅日志均有记录。</translation>
    </message>
    <message>
        <source>Checking the audit history… %1%</source>
        <translation>正在检查审计历史… %1%</translation>
    </message>
    <message>
        <source>Signing in checked what was new since the last session; the whole audit history is being checked in the background. You can keep working.</source>
        <translation>登录时已检查上次会话以来的新增记录；完整的审计历史正在后台检查，您可以继续工作。</translation>
    </message>
    <message>
        <source>Audit history intact</source>
        <translation>审计历史完好</translation>
    </message>
    <message numerus="yes">
        <source>Checked %1: all %n audit event(s) are unchanged and chain to the signed checkpoint. Verify now also checks the database and the rollback anchor.</source>
        <translation>
            <numerusform>%1 已检查：全部 %n 条审计事件均未被改动，并与签名检查点相链接。“立即验证”还会检查数据库和回滚锚点。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mdp::shell::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>Interface language</source>
        <translation>界面语言</translation>
    </message>
    <message>
        <source>Takes effect when MDP is started again.</source>
        <translation>重新启动 MDP 后生效。</translation>
    </message>
    <message>
        <source>Lock after inactivity</source>
        <translation>无操作自动锁定</translation>
    </message>
    <message>
        <source>General</source>
        <translation>常规</translation>
    </message>
    <message>
        <source>The workspace locks itself after this many minutes without input; your own password is then needed again.</source>
        <translation>在设定的分钟数内无任何操作时，工作区将自动锁定，之后需重新输入您本人的密码。</translation>
    </message>
</context>
<context>
    <name>mdp::shell::SummaryWizardPage</name>
    <message>
        <source>Ready to create the workspace</source>
        <translation>准备创建工作区</translation>
    </message>
    <message>
        <source>Create workspace</source>
        <translation>创建工作区</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>Encryption</source>
        <translation>加密算法</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <source>SM4 national algorithm: database SM4-CBC, files SM4-GCM</source>
        <translation>SM4 国密算法：数据库 SM4-CBC，文件 SM4-GCM</translation>
    </message>
    <message>
        <source>AES-256: database AES-256-CBC, files AES-256-GCM</source>
        <translation>AES-256：数据库 AES-256-CBC，文件 AES-256-GCM</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Deriving keys and creating the encrypted workspace…</source>
        <translation>正在派生密钥并创建加密工作区…</translation>
    </message>
    <message>
        <source>The workspace could not be created: %1</source>
        <translation>无法创建工作区：%1</translation>
    </message>
    <message>
        <source>Check your choices. Creating the workspace derives the administrator&apos;s key slot from the password, which takes a moment.</source>
        <translation>请核对您的选择。创建工作区时将由管理员密码派生其密钥槽，需要片刻时间。</translation>
    </message>
    <message>
        <source>Unlocking</source>
        <translation>解锁方式</translation>
    </message>
    <message>
        <source>Each account with its own password; no shared workspace passphrase</source>
        <translation>每个账户使用本人密码；没有共用的工作区口令</translation>
    </message>
</context>
<context>
    <name>mdp::shell::WelcomeWizardPage</name>
    <message>
        <source>Welcome to MDP</source>
        <translation>欢迎使用 MDP</translation>
    </message>
    <message>
        <source>This assistant sets up the encrypted workspace of this workstation. It takes about a minute.</source>
        <translation>本向导将为本工作站设置加密工作区，大约需要一分钟。</translation>
    </message>
    <message>
        <source>MDP keeps research data of your cohort in a workspace: an encrypted database, an encrypted file store and a tamper-evident audit log in one folder. Nothing is written to disk unencrypted.</source>
        <translation>MDP 将队列的科研数据保存在工作区中：一个文件夹内包含加密数据库、加密文件库和防篡改审计日志。任何数据都不会以明文写入磁盘。</translation>
    </message>
    <message>
        <source>Choose the folder that will hold the workspace.</source>
        <translation>选择存放工作区的文件夹。</translation>
    </message>
    <message>
        <source>Choose the encryption algorithm: SM4 (national standard) or AES-256.</source>
        <translation>选择加密算法：SM4（国密标准）或 AES-256。</translation>
    </message>
    <message>
        <source>Create the first system administrator account; its own password opens the workspace.</source>
        <translation>创建首个系统管理员账户；由其本人密码打开工作区。</translation>
    </message>
    <message>
        <source>Keep the recovery key shown at the end somewhere safe and offline.</source>
        <translation>将最后显示的恢复密钥离线妥善保管。</translation>
    </message>
    <message>
        <source>There is no shared workspace passphrase: every person signs in with their own account and their own password.</source>
        <translation>不存在共用的工作区口令：每个人都用自己的账户和本人的密码登录。</translation>
    </message>
</context>
<context>
    <name>mdp::shell::WorkspaceLocation</name>
    <message>
        <source>The folder is empty and will hold the new workspace.</source>
        <translation>该文件夹为空，将用于存放新工作区。</translation>
    </message>
    <message>
        <source>The folder does not exist yet and will be created.</source>
        <translation>该文件夹尚不存在，将自动创建。</translation>
    </message>
    <message>
        <source>This folder already contains other files. Choose an empty folder so the workspace is not mixed with unrelated data.</source>
        <translation>该文件夹中已有其他文件。请选择一个空文件夹，以免工作区与无关数据混在一起。</translation>
    </message>
    <message>
        <source>This folder already holds an MDP workspace. Choose another folder, or cancel and open the existing workspace.</source>
        <translation>该文件夹中已有 MDP 工作区。请选择其他文件夹，或取消后直接打开现有工作区。</translation>
    </message>
    <message>
        <source>This path is a file, not a folder.</source>
        <translation>该路径是文件，不是文件夹。</translation>
    </message>
    <message>
        <source>Enter a full path, starting at the root of the file system.</source>
        <translation>请输入从文件系统根目录开始的完整路径。</translation>
    </message>
    <message>
        <source>You do not have permission to write to this location.</source>
        <translation>您没有写入该位置的权限。</translation>
    </message>
    <message>
        <source>Choose where the workspace will be stored.</source>
        <translation>请选择工作区的存放位置。</translation>
    </message>
</context>
<context>
    <name>mdp::shell::WorkstationShell</name>
    <message numerus="yes">
        <source>Locked after %n minute(s) without activity.</source>
        <translation>
            <numerusform>因 %n 分钟无操作，工作区已自动锁定。</numerusform>
        </translation>
    </message>
    <message>
        <source>The demo account for this role could not sign in.</source>
        <translation>该角色的演示账户无法登录。</translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>Sign in to the demo workspace as:</source>
        <translation>以下列身份登录演示工作区：</translation>
    </message>
    <message>
        <source>MDP demo</source>
        <translation>MDP 演示</translation>
    </message>
    <message>
        <source>Sign-in failed: %1</source>
        <translation>登录失败：%1</translation>
    </message>
    <message>
        <source>The workspace was locked.</source>
        <translation>工作区已锁定。</translation>
    </message>
    <message>
        <source>You have signed out.</source>
        <translation>您已退出登录。</translation>
    </message>
</context>
</TS>
