<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>mdp::crypto::ui::KeyTableModel</name>
    <message>
        <source>Root key</source>
        <translation>根密钥</translation>
    </message>
    <message>
        <source>Key-encryption key</source>
        <translation>密钥加密密钥</translation>
    </message>
    <message>
        <source>Data key</source>
        <translation>数据密钥</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>使用中</translation>
    </message>
    <message>
        <source>Retired</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>Destroyed</source>
        <translation>已销毁</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <source>File store</source>
        <translation>文件库</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <source>Signing</source>
        <translation>签名</translation>
    </message>
    <message>
        <source>Grant %1</source>
        <translation>授权 %1</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>用途</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Algorithm</source>
        <translation>算法</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>变更时间</translation>
    </message>
    <message>
        <source>Role-scoped key</source>
        <translation>角色范围密钥</translation>
    </message>
    <message>
        <source>Patient identity</source>
        <translation>患者身份信息</translation>
    </message>
    <message>
        <source>Pseudonyms</source>
        <translation>假名</translation>
    </message>
    <message>
        <source>%1, under the patient identity key</source>
        <translation>%1，由患者身份密钥包装</translation>
    </message>
</context>
<context>
    <name>mdp::crypto::ui::KeysFeature</name>
    <message>
        <source>Keys</source>
        <translation>密钥</translation>
    </message>
</context>
<context>
    <name>mdp::crypto::ui::KeysPage</name>
    <message>
        <source>Rotate…</source>
        <translation>轮换…</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>密钥</translation>
    </message>
    <message>
        <source>The root key protects one key-encryption key per purpose, which in turn wraps the data keys. Key material never leaves the key hierarchy; only these facts are shown.</source>
        <translation>根密钥保护各用途的密钥加密密钥，密钥加密密钥再封装数据密钥。密钥本身从不离开密钥体系，此处仅显示其属性信息。</translation>
    </message>
    <message>
        <source>Moves the selected purpose to a new key-encryption key version</source>
        <translation>为所选用途启用新版本的密钥加密密钥</translation>
    </message>
    <message>
        <source>Rotate key</source>
        <translation>轮换密钥</translation>
    </message>
    <message>
        <source>Rotate the key-encryption key for “%1”?

Every data key of this purpose is re-wrapped under a new version and the old version is erased. The action is recorded in the audit log.</source>
        <translation>确定轮换“%1”的密钥加密密钥吗？

该用途下的所有数据密钥将由新版本重新封装，旧版本将被擦除。此操作会记入审计日志。</translation>
    </message>
    <message>
        <source>The key for “%1” was rotated.</source>
        <translation>“%1”的密钥已轮换。</translation>
    </message>
    <message>
        <source>The key was not rotated: %1</source>
        <translation>密钥未轮换：%1</translation>
    </message>
    <message>
        <source>The keys cannot be shown: %1</source>
        <translation>无法显示密钥：%1</translation>
    </message>
    <message>
        <source>Renew data key…</source>
        <translation>更新数据密钥…</translation>
    </message>
    <message>
        <source>Re-encrypts what the selected purpose&apos;s data key protects under a new key and destroys the old one</source>
        <translation>用新密钥重新加密所选用途的数据密钥所保护的数据，并销毁旧密钥</translation>
    </message>
    <message>
        <source>Rotating re-wraps every data key of the purpose under a new key-encryption key and erases the old one; the data itself is not re-encrypted. Rotate after staff changes or a suspected exposure. Renewing a data key re-encrypts the data itself (the database, the attached files or the patients&apos; identity) and destroys the old key, so a copy of the keyring taken earlier no longer opens it.</source>
        <translation>轮换会用新的密钥加密密钥重新包装该用途的所有数据密钥并擦除旧密钥，数据本身不重新加密。人员变动或怀疑泄露后请轮换。更新数据密钥会重新加密数据本身（数据库、附件或患者身份信息）并销毁旧密钥，此前复制的密钥环从此无法再打开这些数据。</translation>
    </message>
    <message>
        <source>The renewal of the %1 key has not finished: the old key is kept until every item is re-encrypted. Select the key and choose “Renew data key…” to carry on.</source>
        <translation>%1密钥的更新尚未完成：在所有项目重新加密之前保留旧密钥。请选中该密钥并点击“更新数据密钥…”继续。</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Every page of the database is re-encrypted under a new key. Background work (reminders, e-mail) pauses meanwhile; a large database takes a minute or more.</source>
        <translation>数据库的每一页都将用新密钥重新加密。期间后台任务（提醒、邮件）暂停；大型数据库需要一分钟或更久。</translation>
    </message>
    <message>
        <source>Every attached file is re-encrypted under a new key, one at a time. You can stop and carry on later; the old key is kept until every file is done.</source>
        <translation>每个附件将逐一用新密钥重新加密。可以中途停止、稍后继续；在所有文件完成之前保留旧密钥。</translation>
    </message>
    <message>
        <source>Every patient&apos;s sealed name, contact details and identifiers, and their history, are sealed again under a new key in one step.</source>
        <translation>所有患者已加密的姓名、联系方式、身份标识及其历史版本将在一个步骤中用新密钥重新加密。</translation>
    </message>
    <message>
        <source>Renew data key</source>
        <translation>更新数据密钥</translation>
    </message>
    <message>
        <source>Renew the data key for “%1”?

%2

The old key is then destroyed: a copy of the keyring taken before no longer opens this data. The renewal is recorded in the audit log.</source>
        <translation>更新“%1”的数据密钥？

%2

随后旧密钥将被销毁：此前复制的密钥环无法再打开这些数据。此操作将记入审计日志。</translation>
    </message>
    <message>
        <source>Renewing the %1 key…</source>
        <translation>正在更新%1密钥…</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Stopping after the current file…</source>
        <translation>当前文件完成后停止…</translation>
    </message>
    <message>
        <source>The %1 key was renewed (%2 items re-encrypted); %3 destroyed.</source>
        <translation>%1密钥已更新（重新加密 %2 项）；已销毁 %3。</translation>
    </message>
    <message>
        <source>The %1 key was renewed; %2 destroyed.</source>
        <translation>%1密钥已更新；已销毁 %2。</translation>
    </message>
    <message>
        <source>The renewal was stopped: %1</source>
        <translation>更新已停止：%1</translation>
    </message>
    <message>
        <source>The key was not renewed: %1</source>
        <translation>密钥未更新：%1</translation>
    </message>
    <message>
        <source>Another task is running; try again when it has finished.</source>
        <translation>另一任务正在运行，请在其完成后重试。</translation>
    </message>
</context>
</TS>
