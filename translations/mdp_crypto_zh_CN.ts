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
        <source>Rotating re-wraps every data key of the purpose under a new key-encryption key and erases the old one; the data itself is not re-encrypted. Rotate after staff changes or a suspected exposure.</source>
        <translation>轮换会用新的密钥加密密钥重新封装该用途下的所有数据密钥，并擦除旧密钥；数据本身无需重新加密。建议在人员变动或疑似泄露后进行轮换。</translation>
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
</context>
</TS>
