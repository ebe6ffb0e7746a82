<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>mdp::accounts::AccountDirectory</name>
    <message>
        <source>The user name, password or verification code is incorrect.</source>
        <translation>用户名、密码或验证码不正确。</translation>
    </message>
</context>
<context>
    <name>mdp::accounts::PasswordPolicy</name>
    <message>
        <source>The password must be at least %n characters long.</source>
        <translation>密码长度至少为 %n 个字符。</translation>
    </message>
    <message>
        <source>The password must be at most %n characters long.</source>
        <translation>密码长度不能超过 %n 个字符。</translation>
    </message>
    <message>
        <source>The password must mix at least %n of these kinds of characters: lower-case letters, upper-case letters, digits, other characters.</source>
        <translation>密码须至少包含以下 %n 类字符：小写字母、大写字母、数字、其他字符。</translation>
    </message>
    <message>
        <source>The password must not contain the user name.</source>
        <translation>密码不得包含用户名。</translation>
    </message>
    <message>
        <source>At least %1 characters, mixing at least %2 of: lower-case letters, upper-case letters, digits, other characters; not containing the user name.</source>
        <translation>至少 %1 个字符，须包含小写字母、大写字母、数字、其他字符中的至少 %2 类；不得包含用户名。</translation>
    </message>
</context>
<context>
    <name>mdp::accounts::Role</name>
    <message>
        <source>Clinician</source>
        <translation>临床医生</translation>
    </message>
    <message>
        <source>Reviewer</source>
        <translation>审核员</translation>
    </message>
    <message>
        <source>Researcher</source>
        <translation>科研人员</translation>
    </message>
    <message>
        <source>Ethics reviewer</source>
        <translation>伦理审查员</translation>
    </message>
    <message>
        <source>Data manager</source>
        <translation>数据管理员</translation>
    </message>
    <message>
        <source>Auditor</source>
        <translation>审计员</translation>
    </message>
    <message>
        <source>System administrator</source>
        <translation>系统管理员</translation>
    </message>
</context>
<context>
    <name>mdp::accounts::ui::AccountDialog</name>
    <message>
        <source>Enters and edits patient data of the cohort.</source>
        <translation>录入和编辑队列中的患者数据。</translation>
    </message>
    <message>
        <source>Reviews submitted records and approves or rejects them.</source>
        <translation>审核已提交的记录，予以通过或退回。</translation>
    </message>
    <message>
        <source>Works with de-identified data within approved grants only.</source>
        <translation>仅在已批准的授权范围内使用去标识化数据。</translation>
    </message>
    <message>
        <source>Reviews access requests for ethics compliance.</source>
        <translation>对数据访问申请进行伦理合规审查。</translation>
    </message>
    <message>
        <source>Approves access requests and manages data quality.</source>
        <translation>审批数据访问申请并管理数据质量。</translation>
    </message>
    <message>
        <source>Reads and verifies the audit log; holds no other role.</source>
        <translation>查阅并验证审计日志；不得兼任其他角色。</translation>
    </message>
    <message>
        <source>Manages accounts, keys and the workstation.</source>
        <translation>管理账户、密钥和本工作站。</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>显示名称</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>新密码</translation>
    </message>
    <message>
        <source>Initial password</source>
        <translation>初始密码</translation>
    </message>
    <message>
        <source>Confirm password</source>
        <translation>确认密码</translation>
    </message>
    <message>
        <source>Add account</source>
        <translation>添加账户</translation>
    </message>
    <message>
        <source>Create account</source>
        <translation>创建账户</translation>
    </message>
    <message>
        <source>Change role</source>
        <translation>变更角色</translation>
    </message>
    <message>
        <source>Reset password</source>
        <translation>重置密码</translation>
    </message>
    <message>
        <source>The two passwords do not match.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
</context>
<context>
    <name>mdp::accounts::ui::AccountTableModel</name>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Locked by administrator</source>
        <translation>已被管理员锁定</translation>
    </message>
    <message>
        <source>Locked out until %1</source>
        <translation>锁定至 %1</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>Set up</source>
        <translation>已设置</translation>
    </message>
    <message>
        <source>Not set up yet</source>
        <translation>尚未设置</translation>
    </message>
    <message>
        <source>Not required</source>
        <translation>无需设置</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>从未</translation>
    </message>
    <message numerus="yes">
        <source>%n failed sign-in(s) since the last success</source>
        <translation>
            <numerusform>自上次成功登录以来失败 %n 次</numerusform>
        </translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>显示名称</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Two-step sign-in</source>
        <translation>双因素认证</translation>
    </message>
    <message>
        <source>Last sign-in</source>
        <translation>最近登录</translation>
    </message>
</context>
<context>
    <name>mdp::accounts::ui::AccountsFeature</name>
    <message>
        <source>Accounts</source>
        <translation>账户</translation>
    </message>
    <message>
        <source>My account</source>
        <translation>我的账户</translation>
    </message>
</context>
<context>
    <name>mdp::accounts::ui::AccountsPage</name>
    <message>
        <source>Accounts</source>
        <translation>账户</translation>
    </message>
    <message>
        <source>One personal account per person, with the least role they need. Every change is recorded in the audit log.</source>
        <translation>每人一个个人账户，只授予其工作所需的最小角色。每项变更都会记入审计日志。</translation>
    </message>
    <message>
        <source>Add account…</source>
        <translation>添加账户…</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>锁定</translation>
    </message>
    <message>
        <source>Change role…</source>
        <translation>变更角色…</translation>
    </message>
    <message>
        <source>Reset password…</source>
        <translation>重置密码…</translation>
    </message>
    <message>
        <source>Reset authenticator</source>
        <translation>重置身份验证器</translation>
    </message>
    <message>
        <source>The account list could not be read: %1</source>
        <translation>无法读取账户列表：%1</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <source>Account %1 created. Give the initial password to its owner in person.</source>
        <translation>账户 %1 已创建。请当面将初始密码交给本人。</translation>
    </message>
    <message>
        <source>The account was not created: %1</source>
        <translation>账户未创建：%1</translation>
    </message>
    <message>
        <source>Lock account</source>
        <translation>锁定账户</translation>
    </message>
    <message>
        <source>Lock the account %1? Its owner cannot sign in until it is unlocked.</source>
        <translation>确定锁定账户 %1 吗？解锁前该用户将无法登录。</translation>
    </message>
    <message>
        <source>Account %1 unlocked.</source>
        <translation>账户 %1 已解锁。</translation>
    </message>
    <message>
        <source>Account %1 locked.</source>
        <translation>账户 %1 已锁定。</translation>
    </message>
    <message>
        <source>The change was refused: %1</source>
        <translation>变更被拒绝：%1</translation>
    </message>
    <message>
        <source>The role of %1 is now %2.</source>
        <translation>%1 的角色已变更为%2。</translation>
    </message>
    <message>
        <source>The role was not changed: %1</source>
        <translation>角色未变更：%1</translation>
    </message>
    <message>
        <source>The password of %1 was reset. Give it to its owner in person.</source>
        <translation>%1 的密码已重置。请当面将新密码交给本人。</translation>
    </message>
    <message>
        <source>The password was not reset: %1</source>
        <translation>密码未重置：%1</translation>
    </message>
    <message>
        <source>The authenticator of %1 was removed.</source>
        <translation>已移除 %1 的身份验证器。</translation>
    </message>
    <message>
        <source>The authenticator was not reset: %1</source>
        <translation>身份验证器未重置：%1</translation>
    </message>
    <message>
        <source>Enrolment code</source>
        <translation>绑定码</translation>
    </message>
    <message>
        <source>Issue a one-time code with which the account sets up its authenticator app at its next sign-in</source>
        <translation>签发一次性绑定码，该账户下次登录时凭此设置身份验证器应用</translation>
    </message>
    <message>
        <source>Remove the authenticator of %1? Use this when the device is lost. A one-time enrolment code is shown next; with it the owner sets up a new authenticator at the next sign-in.</source>
        <translation>确定移除 %1 的身份验证器吗？请在设备丢失时使用。随后将显示一次性绑定码，本人下次登录时凭此设置新的身份验证器。</translation>
    </message>
    <message>
        <source>No enrolment code was issued: %1</source>
        <translation>未签发绑定码：%1</translation>
    </message>
    <message>
        <source>One-time enrolment code for %1: %2. Give it to its owner in person; it is shown only now. At the next sign-in they enter it as the verification code and set up their authenticator app. It replaces any earlier code and expires after three days.</source>
        <translation>%1 的一次性绑定码：%2。请当面交给本人；此码仅显示这一次。本人下次登录时将其填入“动态验证码”一栏，并设置身份验证器应用。此码取代之前签发的绑定码，三天后失效。</translation>
    </message>
</context>
<context>
    <name>mdp::accounts::ui::MyAccountPage</name>
    <message>
        <source>Change password</source>
        <translation>修改密码</translation>
    </message>
    <message>
        <source>Set up authenticator</source>
        <translation>设置身份验证器</translation>
    </message>
    <message>
        <source>Confirm code</source>
        <translation>确认验证码</translation>
    </message>
    <message>
        <source>My account</source>
        <translation>我的账户</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Current password</source>
        <translation>当前密码</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>新密码</translation>
    </message>
    <message>
        <source>Confirm new password</source>
        <translation>确认新密码</translation>
    </message>
    <message>
        <source>Two-step sign-in</source>
        <translation>双因素认证</translation>
    </message>
    <message>
        <source>An authenticator app is set up for this account. If you lose the device, ask a system administrator to reset it; you then set up a new one.</source>
        <translation>该账户已设置身份验证器应用。如设备丢失，请联系系统管理员重置，然后重新设置。</translation>
    </message>
    <message>
        <source>Your role requires a code from an authenticator app at each sign-in.</source>
        <translation>您的角色每次登录都需要输入身份验证器应用生成的动态验证码。</translation>
    </message>
    <message>
        <source>Your role does not require it, but a code from an authenticator app at each sign-in protects your account further.</source>
        <translation>您的角色不强制要求，但每次登录时输入身份验证器的动态验证码可进一步保护账户安全。</translation>
    </message>
    <message>
        <source>The two passwords do not match.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
    <message>
        <source>Your password was changed.</source>
        <translation>密码已修改。</translation>
    </message>
    <message>
        <source>The current password is wrong.</source>
        <translation>当前密码错误。</translation>
    </message>
    <message>
        <source>The password was not changed: %1</source>
        <translation>密码未修改：%1</translation>
    </message>
    <message>
        <source>The authenticator could not be set up: %1</source>
        <translation>无法设置身份验证器：%1</translation>
    </message>
    <message>
        <source>The code was not accepted. Check that the device&apos;s clock is right and enter the current code.</source>
        <translation>验证码未通过。请确认设备时间准确，并输入当前的验证码。</translation>
    </message>
    <message>
        <source>Your authenticator is set up.</source>
        <translation>身份验证器已设置。</translation>
    </message>
    <message>
        <source>XXXX-XXXX-XXXX-XXXX, from a system administrator</source>
        <translation>XXXX-XXXX-XXXX-XXXX，由系统管理员提供</translation>
    </message>
    <message>
        <source>Enrolment code</source>
        <translation>绑定码</translation>
    </message>
    <message>
        <source>Enter your current password and the enrolment code a system administrator gave you.</source>
        <translation>请输入当前密码以及系统管理员提供的绑定码。</translation>
    </message>
    <message>
        <source>The password or the enrolment code is wrong, or the code has expired.</source>
        <translation>密码或绑定码错误，或绑定码已失效。</translation>
    </message>
</context>
</TS>
