<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>mdp::policy::Classification</name>
    <message>
        <source>Personal attributes</source>
        <translation>个人属性数据</translation>
    </message>
    <message>
        <source>Health status</source>
        <translation>健康状况数据</translation>
    </message>
    <message>
        <source>Medical application</source>
        <translation>医疗应用数据</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>医疗支付数据</translation>
    </message>
    <message>
        <source>Health resources</source>
        <translation>卫生资源数据</translation>
    </message>
    <message>
        <source>Public health</source>
        <translation>公共卫生数据</translation>
    </message>
    <message>
        <source>Demographics</source>
        <translation>人口统计信息</translation>
    </message>
    <message>
        <source>Personal identity</source>
        <translation>个人身份信息</translation>
    </message>
    <message>
        <source>Communication</source>
        <translation>个人通讯信息</translation>
    </message>
    <message>
        <source>Biometrics</source>
        <translation>个人生物识别信息</translation>
    </message>
    <message>
        <source>Chief complaint</source>
        <translation>主诉</translation>
    </message>
    <message>
        <source>Medical history</source>
        <translation>病史</translation>
    </message>
    <message>
        <source>Family history</source>
        <translation>家族史</translation>
    </message>
    <message>
        <source>Physical examination</source>
        <translation>体格检查</translation>
    </message>
    <message>
        <source>Genetic and molecular</source>
        <translation>基因与分子检测</translation>
    </message>
    <message>
        <source>Lifestyle</source>
        <translation>生活方式</translation>
    </message>
    <message>
        <source>Medical record</source>
        <translation>病历</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>医嘱</translation>
    </message>
    <message>
        <source>Test and examination reports</source>
        <translation>检验检查报告</translation>
    </message>
    <message>
        <source>Medication</source>
        <translation>用药记录</translation>
    </message>
    <message>
        <source>Surgery</source>
        <translation>手术记录</translation>
    </message>
    <message>
        <source>Nursing</source>
        <translation>护理记录</translation>
    </message>
    <message>
        <source>Informed consent</source>
        <translation>知情同意书</translation>
    </message>
    <message>
        <source>Transactions</source>
        <translation>医疗交易信息</translation>
    </message>
    <message>
        <source>Insurance</source>
        <translation>保险信息</translation>
    </message>
    <message>
        <source>Level 1: public</source>
        <translation>第 1 级：公开</translation>
    </message>
    <message>
        <source>Level 2: internal, de-identified</source>
        <translation>第 2 级：内部共享（已脱敏）</translation>
    </message>
    <message>
        <source>Level 3: controlled</source>
        <translation>第 3 级：受控访问</translation>
    </message>
    <message>
        <source>Level 4: restricted</source>
        <translation>第 4 级：限制访问</translation>
    </message>
    <message>
        <source>Level 5: strictly restricted</source>
        <translation>第 5 级：严格限制访问</translation>
    </message>
    <message>
        <source>Unclassified</source>
        <translation>未分级</translation>
    </message>
</context>
<context>
    <name>mdp::policy::Decision</name>
    <message>
        <source>this data</source>
        <translation>这些数据</translation>
    </message>
    <message>
        <source>Access permitted.</source>
        <translation>允许访问。</translation>
    </message>
    <message>
        <source>Only counts are shown: open records need an access grant.</source>
        <translation>仅显示计数：打开记录需要访问授权。</translation>
    </message>
    <message>
        <source>No access policy is in force on this workstation, so nothing can be opened. A data manager installs one.</source>
        <translation>本工作站没有生效的访问策略，因此无法打开任何数据。请由数据管理员安装策略。</translation>
    </message>
    <message>
        <source>Your account holds no role the access policy knows.</source>
        <translation>您的账户没有访问策略认可的角色。</translation>
    </message>
    <message>
        <source>Your roles do not allow this (%1).</source>
        <translation>您的角色不允许此操作（%1）。</translation>
    </message>
    <message>
        <source>The patient has withdrawn consent: their data can no longer be used.</source>
        <translation>该患者已撤回知情同意：其数据不能再被使用。</translation>
    </message>
    <message>
        <source>Exports need a connection to the authorization server.</source>
        <translation>导出需要连接授权服务器。</translation>
    </message>
    <message>
        <source>This workstation&apos;s certificate is not trusted: data above level 2 cannot be opened here.</source>
        <translation>本工作站的证书不受信任：无法在此打开 2 级以上的数据。</translation>
    </message>
    <message>
        <source>The access policy&apos;s rule &quot;%1&quot; refuses this.</source>
        <translation>访问策略的规则“%1”拒绝此操作。</translation>
    </message>
    <message>
        <source>Your data-protection training is not on file.</source>
        <translation>系统中没有您的数据保护培训记录。</translation>
    </message>
    <message>
        <source>You have not signed the data-use agreement.</source>
        <translation>您尚未签署数据使用协议。</translation>
    </message>
    <message>
        <source>Level %1 data needs a second factor: sign in again with your authenticator code.</source>
        <translation>第 %1 级数据需要第二重认证：请使用身份验证器的验证码重新登录。</translation>
    </message>
    <message>
        <source>This belongs to another site or to a project you are not a member of: request access to %1.</source>
        <translation>这些数据属于其他机构或您未参与的项目：请申请访问 %1。</translation>
    </message>
    <message>
        <source>This is level %1 data, above what your roles open.</source>
        <translation>这是第 %1 级数据，超出您的角色可访问的范围。</translation>
    </message>
    <message>
        <source>You have no access grant for %1 at level %2 (%3): request access to see it.</source>
        <translation>您没有 %1 第 %2 级（%3）的访问授权：请申请访问后查看。</translation>
    </message>
    <message>
        <source>Your grants do not cover %1 at level %2 (%3) now: request access to see it.</source>
        <translation>您的授权目前不涵盖 %1 第 %2 级（%3）：请申请访问后查看。</translation>
    </message>
    <message>
        <source>This access could not be checked and recorded (no valid time, or the audit log refused the record), so nothing is shown.</source>
        <translation>无法核验并记录此次访问（没有有效时间，或审计日志拒绝写入），因此不显示任何内容。</translation>
    </message>
    <message>
        <source>Level 5 data needs a temporary grant approved at several levels and narrowed to the patients concerned.</source>
        <translation>第 5 级数据需要经多级审批、限定于相关患者的临时授权。</translation>
    </message>
</context>
<context>
    <name>mdp::registry::AttachmentInspector</name>
    <message>
        <source>a PDF document</source>
        <translation>PDF 文档</translation>
    </message>
    <message>
        <source>a PNG image</source>
        <translation>PNG 图像</translation>
    </message>
    <message>
        <source>a JPEG image</source>
        <translation>JPEG 图像</translation>
    </message>
    <message>
        <source>a DICOM file</source>
        <translation>DICOM 文件</translation>
    </message>
    <message>
        <source>The file is declared as %1 but its content is not one</source>
        <translation>该文件声明为%1，但内容并非如此</translation>
    </message>
    <message>
        <source> (it looks like %1).</source>
        <translation>（看起来是%1）。</translation>
    </message>
    <message>
        <source>The PDF document is truncated or damaged: its end-of-file marker is missing.</source>
        <translation>PDF 文档不完整或已损坏：缺少文件结束标记。</translation>
    </message>
    <message>
        <source>The PNG image is damaged: its header chunk is missing.</source>
        <translation>PNG 图像已损坏：缺少文件头数据块。</translation>
    </message>
    <message>
        <source>The PNG image is truncated or damaged: its end chunk is missing.</source>
        <translation>PNG 图像不完整或已损坏：缺少结束数据块。</translation>
    </message>
    <message>
        <source>The JPEG image is truncated or damaged: its end-of-image marker is missing.</source>
        <translation>JPEG 图像不完整或已损坏：缺少图像结束标记。</translation>
    </message>
    <message>
        <source>The DICOM file is damaged: its meta information header is missing.</source>
        <translation>DICOM 文件已损坏：缺少元信息头。</translation>
    </message>
    <message>
        <source>Files of type &quot;%1&quot; cannot be attached; PDF, PNG, JPEG and DICOM files can.</source>
        <translation>无法附加“%1”类型的文件；仅可附加 PDF、PNG、JPEG 和 DICOM 文件。</translation>
    </message>
    <message>
        <source>The file is empty.</source>
        <translation>文件为空。</translation>
    </message>
    <message>
        <source>The file is too large (%1 MiB; the limit is %2 MiB).</source>
        <translation>文件过大（%1 MiB，上限为 %2 MiB）。</translation>
    </message>
    <message>
        <source>a GIF image</source>
        <translation>GIF 图像</translation>
    </message>
    <message>
        <source>a ZIP archive or office document</source>
        <translation>ZIP 压缩包或 Office 文档</translation>
    </message>
    <message>
        <source>a program</source>
        <translation>可执行程序</translation>
    </message>
    <message>
        <source>The file is longer than announced.</source>
        <translation>文件长度超过声明的大小。</translation>
    </message>
    <message>
        <source>The file could not be read to its end (%1 of %2 bytes)%3</source>
        <translation>无法完整读取文件（已读 %1/%2 字节）%3</translation>
    </message>
    <message>
        <source>The file name is empty.</source>
        <translation>文件名为空。</translation>
    </message>
    <message>
        <source>The file name is longer than 255 characters.</source>
        <translation>文件名超过 255 个字符。</translation>
    </message>
    <message>
        <source>The file name must not contain folders.</source>
        <translation>文件名不能包含文件夹路径。</translation>
    </message>
    <message>
        <source>The file name contains control characters.</source>
        <translation>文件名包含控制字符。</translation>
    </message>
    <message>
        <source>The file name is not a name.</source>
        <translation>文件名无效。</translation>
    </message>
</context>
<context>
    <name>mdp::registry::RecordValidator</name>
    <message>
        <source>The %1 is longer than 64 characters.</source>
        <translation>%1超过 64 个字符。</translation>
    </message>
    <message>
        <source>The %1 contains characters that cannot be printed.</source>
        <translation>%1包含无法显示的字符。</translation>
    </message>
    <message>
        <source>A phone number may contain digits, spaces and + - ( ) only.</source>
        <translation>电话号码只能包含数字、空格和 + - ( )。</translation>
    </message>
    <message>
        <source>The phone number is longer than 32 characters.</source>
        <translation>电话号码超过 32 个字符。</translation>
    </message>
    <message>
        <source>The e-mail address is not valid.</source>
        <translation>电子邮件地址无效。</translation>
    </message>
    <message>
        <source>The address must be at most 256 printable characters.</source>
        <translation>地址最多 256 个可显示字符。</translation>
    </message>
    <message>
        <source>An identifier has no value.</source>
        <translation>证件号为空。</translation>
    </message>
    <message>
        <source>An identifier must be at most 64 printable characters.</source>
        <translation>证件号最多 64 个可显示字符。</translation>
    </message>
    <message>
        <source>An identifier&apos;s issuer must be at most 128 printable characters.</source>
        <translation>证件签发机构最多 128 个可显示字符。</translation>
    </message>
    <message>
        <source>The birth date entered differs from the one in the resident ID.</source>
        <translation>填写的出生日期与身份证号中的不一致。</translation>
    </message>
    <message>
        <source>The sex entered differs from the one the resident ID encodes.</source>
        <translation>填写的性别与身份证号所含性别不一致。</translation>
    </message>
    <message>
        <source>A passport number has 5 to 20 letters and digits.</source>
        <translation>护照号由 5 至 20 个字母和数字组成。</translation>
    </message>
    <message>
        <source>family name</source>
        <translation>姓</translation>
    </message>
    <message>
        <source>given name</source>
        <translation>名</translation>
    </message>
    <message>
        <source>family name in Latin letters</source>
        <translation>拉丁字母的姓</translation>
    </message>
    <message>
        <source>given name in Latin letters</source>
        <translation>拉丁字母的名</translation>
    </message>
    <message>
        <source>A patient needs a name (in Chinese or Latin letters).</source>
        <translation>患者须填写姓名（中文或拉丁字母）。</translation>
    </message>
    <message>
        <source>The birth date is missing or not a valid date.</source>
        <translation>出生日期缺失或无效。</translation>
    </message>
    <message>
        <source>The birth date lies in the future.</source>
        <translation>出生日期晚于今天。</translation>
    </message>
    <message>
        <source>The birth date is before 1850.</source>
        <translation>出生日期早于 1850 年。</translation>
    </message>
    <message>
        <source>The same identifier was entered twice.</source>
        <translation>同一证件号填写了两次。</translation>
    </message>
    <message>
        <source>An event needs a start date or time.</source>
        <translation>事件须有开始日期或时间。</translation>
    </message>
    <message>
        <source>The event ends before it starts.</source>
        <translation>事件的结束早于开始。</translation>
    </message>
    <message>
        <source>The event starts before the patient&apos;s birth date.</source>
        <translation>事件开始早于患者出生日期。</translation>
    </message>
    <message>
        <source>An event needs a title.</source>
        <translation>事件须有标题。</translation>
    </message>
    <message>
        <source>An event title must be at most 200 printable characters.</source>
        <translation>事件标题最多 200 个可显示字符。</translation>
    </message>
    <message>
        <source>An annotation must be at most 20000 characters.</source>
        <translation>批注最多 20000 个字符。</translation>
    </message>
    <message>
        <source>The structured detail of an event must be at most 256 KiB.</source>
        <translation>事件的结构化信息最大为 256 KiB。</translation>
    </message>
    <message>
        <source>A form record link must be an id of 1 to 128 printable characters.</source>
        <translation>表单记录链接须为 1 至 128 个可显示字符的编号。</translation>
    </message>
    <message>
        <source>Give a reason for this change.</source>
        <translation>请填写此次修改的原因。</translation>
    </message>
    <message>
        <source>The reason must be at most 1000 characters.</source>
        <translation>原因最多 1000 个字符。</translation>
    </message>
</context>
<context>
    <name>mdp::registry::Registry</name>
    <message>
        <source>No such patient.</source>
        <translation>没有该患者。</translation>
    </message>
    <message>
        <source>No such timeline event.</source>
        <translation>没有该时间轴事件。</translation>
    </message>
    <message>
        <source>The record was changed by someone else in the meantime (it is now at version %1); reload it and apply your change again.</source>
        <translation>此记录在此期间已被他人修改（现为第 %1 版）；请重新加载后再次修改。</translation>
    </message>
    <message>
        <source>A patient with this %1 is already registered as %2: open that record or merge into it instead of creating a second one.</source>
        <translation>已有使用此证件（%1）的患者登记为 %2：请打开该记录或合并到该记录，不要新建第二条记录。</translation>
    </message>
    <message>
        <source>No free pseudonymous ID could be drawn.</source>
        <translation>无法生成可用的假名化编号。</translation>
    </message>
    <message>
        <source>The patient already has a death event; edit that one instead.</source>
        <translation>该患者已有死亡事件，请编辑该事件。</translation>
    </message>
    <message>
        <source>The merge chain of a patient does not end.</source>
        <translation>患者的合并链没有终点。</translation>
    </message>
    <message>
        <source>No such merge.</source>
        <translation>没有该合并记录。</translation>
    </message>
    <message>
        <source>This record was merged into another; edit the surviving record.</source>
        <translation>此记录已被合并到另一条记录，请编辑保留的记录。</translation>
    </message>
    <message>
        <source>The patient already has this identifier.</source>
        <translation>该患者已有此证件号。</translation>
    </message>
    <message>
        <source>No such entry in the duplicate queue.</source>
        <translation>疑似重复队列中没有该条目。</translation>
    </message>
    <message>
        <source>This pair was already resolved.</source>
        <translation>这对记录已处理。</translation>
    </message>
    <message>
        <source>A patient cannot be merged into itself.</source>
        <translation>记录不能合并到自身。</translation>
    </message>
    <message>
        <source>The surviving record %1 is itself merged into another record.</source>
        <translation>要保留的记录 %1 本身已被合并到另一条记录。</translation>
    </message>
    <message>
        <source>The record %1 is already merged into another record.</source>
        <translation>记录 %1 已被合并到另一条记录。</translation>
    </message>
    <message>
        <source>This merge was already undone.</source>
        <translation>此合并已被撤销。</translation>
    </message>
    <message>
        <source>A later merge involving %1 or %2 is still in force; undo it first.</source>
        <translation>之后一次涉及 %1 或 %2 的合并仍然有效，请先撤销该合并。</translation>
    </message>
    <message>
        <source>The merged record is not marked as merged into the survivor.</source>
        <translation>被合并记录未标记为已合并到保留记录。</translation>
    </message>
    <message>
        <source>A moved event is no longer with the surviving record.</source>
        <translation>一个已移动的事件已不在保留记录中。</translation>
    </message>
    <message>
        <source>A moved identifier is no longer with the surviving record.</source>
        <translation>一个已移动的证件号已不在保留记录中。</translation>
    </message>
    <message>
        <source>This record was merged into another; add the event to the surviving record.</source>
        <translation>此记录已被合并到另一条记录，请将事件添加到保留的记录。</translation>
    </message>
    <message>
        <source>The event was removed; restore it before editing.</source>
        <translation>该事件已删除，请先恢复再编辑。</translation>
    </message>
    <message>
        <source>The event was removed; restore it before annotating.</source>
        <translation>该事件已删除，请先恢复再批注。</translation>
    </message>
    <message>
        <source>The event was already removed.</source>
        <translation>该事件已被删除。</translation>
    </message>
    <message>
        <source>The event has no version %1.</source>
        <translation>该事件没有第 %1 版。</translation>
    </message>
    <message>
        <source>Files of type &quot;%1&quot; cannot be attached; PDF, PNG, JPEG and DICOM files can.</source>
        <translation>无法附加“%1”类型的文件；仅可附加 PDF、PNG、JPEG 和 DICOM 文件。</translation>
    </message>
    <message>
        <source>No vault is available to check the file.</source>
        <translation>没有可用于检查文件的加密文件库。</translation>
    </message>
    <message>
        <source>The file is not in the vault.</source>
        <translation>加密文件库中没有该文件。</translation>
    </message>
    <message>
        <source>The event was removed; restore it before attaching files.</source>
        <translation>该事件已删除，请先恢复再附加文件。</translation>
    </message>
    <message>
        <source>This file is already attached to the event.</source>
        <translation>该文件已附加到此事件。</translation>
    </message>
    <message>
        <source>The attachment disappeared.</source>
        <translation>附件已不存在。</translation>
    </message>
    <message>
        <source>No such attachment.</source>
        <translation>没有该附件。</translation>
    </message>
    <message>
        <source>The file was already detached.</source>
        <translation>该文件已被移除。</translation>
    </message>
    <message>
        <source>A project id has 1 to 64 ASCII letters, digits and . _ : -</source>
        <translation>项目编号由 1 至 64 个 ASCII 字母、数字及 . _ : - 组成</translation>
    </message>
    <message>
        <source>This account&apos;s roles do not hold the identity key: patient names and identifiers cannot be read or changed here.</source>
        <translation>此账户的角色不持有身份密钥：无法在此查看或修改患者姓名与证件号。</translation>
    </message>
</context>
<context>
    <name>mdp::registry::ResidentId</name>
    <message>
        <source>The resident ID is empty.</source>
        <translation>身份证号为空。</translation>
    </message>
    <message>
        <source>This is a 15-digit resident ID of the old format; enter the 18-character number of the current card.</source>
        <translation>这是 15 位的旧版身份证号，请输入现行身份证上的 18 位号码。</translation>
    </message>
    <message>
        <source>A resident ID has 18 characters; this one has %1.</source>
        <translation>身份证号应为 18 位，此号码为 %1 位。</translation>
    </message>
    <message>
        <source>The first 17 characters of a resident ID must be digits (character %1 is not).</source>
        <translation>身份证号前 17 位必须是数字（第 %1 位不是）。</translation>
    </message>
    <message>
        <source>The last character of a resident ID must be a digit or X.</source>
        <translation>身份证号最后一位必须是数字或 X。</translation>
    </message>
    <message>
        <source>The region code of the resident ID does not start with a province code (characters 1-2).</source>
        <translation>身份证号的地区码不是以省级代码开头（第 1–2 位）。</translation>
    </message>
    <message>
        <source>The birth date in the resident ID (characters 7-14) is not a valid date.</source>
        <translation>身份证号中的出生日期（第 7–14 位）不是有效日期。</translation>
    </message>
    <message>
        <source>The birth date in the resident ID (characters 7-14) lies in the future.</source>
        <translation>身份证号中的出生日期（第 7–14 位）晚于今天。</translation>
    </message>
    <message>
        <source>The check character of the resident ID does not match: a digit was probably mistyped.</source>
        <translation>身份证号校验码不符：可能有数字输入错误。</translation>
    </message>
</context>
<context>
    <name>mdp::registry::ui::NewPatientDialog</name>
    <message>
        <source>Checked against the identity card</source>
        <translation>已核对身份证原件</translation>
    </message>
    <message>
        <source>Open existing</source>
        <translation>打开已有记录</translation>
    </message>
    <message>
        <source>Create anyway</source>
        <translation>仍然新建</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>New patient</source>
        <translation>新建患者</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>18 characters, e.g. 11010519491231002X</source>
        <translation>18 位，例如 11010519491231002X</translation>
    </message>
    <message>
        <source>Name in Chinese characters, e.g. 张伟</source>
        <translation>中文姓名，例如 张伟</translation>
    </message>
    <message>
        <source>not entered</source>
        <translation>未填写</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>选填</translation>
    </message>
    <message>
        <source>The whole registry is searched before the record is saved. The patient receives a pseudonymous ID automatically.</source>
        <translation>保存前将在整个患者主索引中查重。患者将自动获得假名化编号。</translation>
    </message>
    <message>
        <source>Resident ID</source>
        <translation>居民身份证号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Optional for patients without a resident ID.</source>
        <translation>无居民身份证的患者可不填。</translation>
    </message>
    <message>
        <source>%1 of 18 characters</source>
        <translation>已输入 %1/18 位</translation>
    </message>
    <message>
        <source>✓ Valid: born %1, %2</source>
        <translation>✓ 有效：出生于 %1，%2</translation>
    </message>
    <message>
        <source>A patient with this ID already exists: %1. No second record is created; open the existing one instead.</source>
        <translation>已存在使用此身份证号的患者：%1。不会新建第二条记录，请打开已有记录。</translation>
    </message>
    <message>
        <source>This may be a patient already registered. Check the record(s) below before creating a new one; if you create it anyway, the pair is queued for review.</source>
        <translation>该患者可能已经登记。新建前请核对下列记录；若仍然新建，这两条记录将进入待核查队列。</translation>
    </message>
    <message>
        <source>%1% likely: %2</source>
        <translation>相似度 %1%：%2</translation>
    </message>
    <message>
        <source>Why this is a different person (recorded in the audit log)</source>
        <translation>为何是不同的人（记入审计日志）</translation>
    </message>
    <message>
        <source>Say why this is a different person before registering it separately.</source>
        <translation>单独登记前请说明为何是不同的人。</translation>
    </message>
    <message>
        <source>Another patient already holds this ID: %1 (checked against a document on neither record). Open that record, or register a separate person and say why; the pair is then queued for a data manager.</source>
        <translation>已有患者使用此证件号：%1（两条记录均未核验证件）。请打开该记录，或说明理由后登记为另一人；此对记录随后进入数据管理员的复核队列。</translation>
    </message>
    <message>
        <source>Register as a separate person</source>
        <translation>登记为另一人</translation>
    </message>
</context>
<context>
    <name>mdp::registry::ui::PatientDuplicatesModel</name>
    <message>
        <source>Patient A</source>
        <translation>患者 A</translation>
    </message>
    <message>
        <source>Patient B</source>
        <translation>患者 B</translation>
    </message>
    <message>
        <source>Likelihood</source>
        <translation>相似度</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>依据</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>加入队列时间</translation>
    </message>
</context>
<context>
    <name>mdp::registry::ui::PatientEventDialog</name>
    <message>
        <source>Chief complaint</source>
        <translation>主诉</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>科室</translation>
    </message>
    <message>
        <source>Diagnosis</source>
        <translation>诊断</translation>
    </message>
    <message>
        <source>ICD-10 code</source>
        <translation>ICD-10 编码</translation>
    </message>
    <message>
        <source>Clinical stage (cTNM)</source>
        <translation>临床分期（cTNM）</translation>
    </message>
    <message>
        <source>Molecular subtype</source>
        <translation>分子分型</translation>
    </message>
    <message>
        <source>Pathology</source>
        <translation>病理</translation>
    </message>
    <message>
        <source>Specimen</source>
        <translation>标本</translation>
    </message>
    <message>
        <source>Histological grade</source>
        <translation>组织学分级</translation>
    </message>
    <message>
        <source>ER (%)</source>
        <translation>ER（%）</translation>
    </message>
    <message>
        <source>PR (%)</source>
        <translation>PR（%）</translation>
    </message>
    <message>
        <source>Procedure</source>
        <translation>术式</translation>
    </message>
    <message>
        <source>Margins</source>
        <translation>切缘</translation>
    </message>
    <message>
        <source>Total dose</source>
        <translation>总剂量</translation>
    </message>
    <message>
        <source>Fractions</source>
        <translation>分次数</translation>
    </message>
    <message>
        <source>Technique</source>
        <translation>技术</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>靶区</translation>
    </message>
    <message>
        <source>Fraction number</source>
        <translation>分次序号</translation>
    </message>
    <message>
        <source>Dose</source>
        <translation>剂量</translation>
    </message>
    <message>
        <source>Drug</source>
        <translation>药物</translation>
    </message>
    <message>
        <source>Cycle</source>
        <translation>周期</translation>
    </message>
    <message>
        <source>Modality</source>
        <translation>检查方式</translation>
    </message>
    <message>
        <source>Body part</source>
        <translation>检查部位</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>所见</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>检验项目</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Term (CTCAE)</source>
        <translation>术语（CTCAE）</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>分级</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>ECOG</source>
        <translation>ECOG 评分</translation>
    </message>
    <message>
        <source>Cause</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Ends on</source>
        <translation>结束于</translation>
    </message>
    <message>
        <source>Structured detail</source>
        <translation>结构化信息</translation>
    </message>
    <message>
        <source>Add event</source>
        <translation>添加事件</translation>
    </message>
    <message>
        <source>Edit event</source>
        <translation>编辑事件</translation>
    </message>
    <message>
        <source>Optional note for the record</source>
        <translation>选填：记录备注</translation>
    </message>
    <message>
        <source>What happened, e.g. &quot;Radiotherapy 50 Gy / 25 fx&quot;</source>
        <translation>事件内容，例如“放疗 50 Gy/25 次”</translation>
    </message>
    <message>
        <source>Required: why the event is changed</source>
        <translation>必填：修改原因</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
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
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Annotation</source>
        <translation>批注</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Give a reason for the change.</source>
        <translation>请填写修改原因。</translation>
    </message>
    <message>
        <source>Nothing was changed.</source>
        <translation>没有任何修改。</translation>
    </message>
    <message>
        <source>The event is added to the timeline as version 1; every later change is kept.</source>
        <translation>事件将以第 1 版加入时间轴，之后的每次修改都会保留。</translation>
    </message>
    <message>
        <source>The change is saved as a new version with your reason; earlier versions stay.</source>
        <translation>修改将连同原因保存为新版本，早先的版本仍然保留。</translation>
    </message>
</context>
<context>
    <name>mdp::registry::ui::PatientEventFieldsModel</name>
    <message>
        <source>%1 to %2</source>
        <translation>%1 至 %2</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>时间段</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Annotation</source>
        <translation>批注</translation>
    </message>
    <message>
        <source> (limit %1)</source>
        <translation>（限值 %1）</translation>
    </message>
    <message>
        <source> ✓ met</source>
        <translation> ✓ 达标</translation>
    </message>
    <message>
        <source> ✗ not met</source>
        <translation> ✗ 未达标</translation>
    </message>
    <message>
        <source>: </source>
        <translation>：</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Linked form records</source>
        <translation>关联表单记录</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>%1, last changed %2</source>
        <translation>第 %1 版，最后修改于 %2</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>数值</translation>
    </message>
</context>
<context>
    <name>mdp::registry::ui::PatientHistoryDialog</name>
    <message>
        <source>Restore this version</source>
        <translation>恢复此版本</translation>
    </message>
    <message>
        <source>Version history</source>
        <translation>版本历史</translation>
    </message>
    <message>
        <source>Every change makes a new version; none is ever overwritten. Restoring an older version records a new one with its content.</source>
        <translation>每次修改都会生成新版本，任何版本都不会被覆盖。恢复旧版本时会以其内容记录一个新版本。</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>变更</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>By</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>mdp::registry::ui::PatientLineageDialog</name>
    <message>
        <source>Undo merge</source>
        <translation>撤销合并</translation>
    </message>
    <message>
        <source>Merge history</source>
        <translation>合并历史</translation>
    </message>
    <message>
        <source>Merges this record took part in. Undoing a merge puts back exactly what it moved.</source>
        <translation>此记录参与过的合并。撤销合并会将合并时移动的内容原样移回。</translation>
    </message>
    <message>
        <source>Merged on</source>
        <translation>合并时间</translation>
    </message>
    <message>
        <source>Kept</source>
        <translation>保留记录</translation>
    </message>
    <message>
        <source>Merged</source>
        <translation>被合并记录</translation>
    </message>
    <message>
        <source>By</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Reason for undoing the merge (required)</source>
        <translation>撤销合并的原因（必填）</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>This record was never merged.</source>
        <translation>此记录从未参与合并。</translation>
    </message>
    <message>
        <source>undone %1</source>
        <translation>已于 %1 撤销</translation>
    </message>
    <message>
        <source>in force</source>
        <translation>生效中</translation>
    </message>
    <message>
        <source>The merge was undone: %1 is a record of its own again.</source>
        <translation>合并已撤销：%1 重新成为独立记录。</translation>
    </message>
</context>
<context>
    <name>mdp::registry::ui::PatientMergeDialog</name>
    <message>
        <source>Merge patient records</source>
        <translation>合并患者记录</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>合并</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>The events, files and identifiers of the merged record move to the record that is kept. The merge is recorded and can be undone.</source>
        <translation>被合并记录的事件、文件和证件号将移至保留的记录。合并过程会被记录，并可撤销。</translation>
    </message>
    <message>
        <source>Find the other record: pseudonymous ID, name or pinyin</source>
        <translation>查找另一条记录：假名化编号、姓名或拼音</translation>
    </message>
    <message>
        <source>Keep this record</source>
        <translation>保留此记录</translation>
    </message>
    <message>
        <source>Required, e.g. &quot;same person: ID card checked at the desk&quot;</source>
        <translation>必填，例如“同一人：已在窗口核对身份证”</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Choose the other record above.</source>
        <translation>请在上方选择另一条记录。</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>姓名：</translation>
    </message>
    <message>
        <source>Sex:</source>
        <translation>性别：</translation>
    </message>
    <message>
        <source>Birth date:</source>
        <translation>出生日期：</translation>
    </message>
    <message>
        <source>:</source>
        <translation>：</translation>
    </message>
    <message>
        <source> (verified)</source>
        <translation>（已核验）</translation>
    </message>
    <message>
        <source>Registered:</source>
        <translation>登记时间：</translation>
    </message>
    <message>
        <source>State:</source>
        <translation>状态：</translation>
    </message>
    <message>
        <source>already merged into another record</source>
        <translation>已合并到其他记录</translation>
    </message>
    <message>
        <source>Merge although the verified resident IDs differ (data manager, audited)</source>
        <translation>核验的身份证号不同仍合并（数据管理员，记入审计）</translation>
    </message>
</context>
<context>
    <name>mdp::registry::ui::PatientPage</name>
    <message>
        <source>Timeline</source>
        <translation>时间轴</translation>
    </message>
    <message>
        <source>Click an event on the timeline (or select it and press Enter) to see its record and files side by side.</source>
        <translation>点击时间轴上的事件（或选中后按 Enter），即可并排查看其结构化记录和文件。</translation>
    </message>
    <message>
        <source>Structured record</source>
        <translation>结构化记录</translation>
    </message>
    <message>
        <source>Patients</source>
        <translation>患者</translation>
    </message>
    <message>
        <source>Back to the patient list (Alt+Left)</source>
        <translation>返回患者列表（Alt+←）</translation>
    </message>
    <message>
        <source>Add event…</source>
        <translation>添加事件…</translation>
    </message>
    <message>
        <source>Add an event to the timeline (Ctrl+Shift+N)</source>
        <translation>向时间轴添加事件（Ctrl+Shift+N）</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Edit the selected event</source>
        <translation>编辑所选事件</translation>
    </message>
    <message>
        <source>Annotate…</source>
        <translation>批注…</translation>
    </message>
    <message>
        <source>Add a note to the selected event</source>
        <translation>为所选事件添加批注</translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <source>Remove the selected event from the timeline; its versions stay (Del)</source>
        <translation>从时间轴删除所选事件，其历史版本仍保留（Del）</translation>
    </message>
    <message>
        <source>Attach file…</source>
        <translation>附加文件…</translation>
    </message>
    <message>
        <source>Attach a PDF, PNG, JPEG or DICOM file to the selected event</source>
        <translation>为所选事件附加 PDF、PNG、JPEG 或 DICOM 文件</translation>
    </message>
    <message>
        <source>History…</source>
        <translation>历史版本…</translation>
    </message>
    <message>
        <source>Every version of the selected event</source>
        <translation>所选事件的全部版本</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <source>Redo (Ctrl+Shift+Z)</source>
        <translation>重做（Ctrl+Shift+Z）</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Show the whole history (0 on the timeline)</source>
        <translation>显示完整病程（在时间轴上按 0）</translation>
    </message>
    <message>
        <source>Merge with…</source>
        <translation>合并记录…</translation>
    </message>
    <message>
        <source>Merge another record of the same person into this one, or this one into it</source>
        <translation>将同一人的另一条记录合并到此记录，或将此记录合并过去</translation>
    </message>
    <message>
        <source>Merge history…</source>
        <translation>合并历史…</translation>
    </message>
    <message>
        <source>Merges of this record; undo a merge</source>
        <translation>此记录的合并历史；可撤销合并</translation>
    </message>
    <message>
        <source>‹ Patients</source>
        <translation>‹ 患者</translation>
    </message>
    <message>
        <source>Open the kept record</source>
        <translation>打开保留的记录</translation>
    </message>
    <message>
        <source>born %1</source>
        <translation>出生于 %1</translation>
    </message>
    <message>
        <source>identity hidden for your role</source>
        <translation>您的角色不显示身份信息</translation>
    </message>
    <message>
        <source>This record was merged into another one; its events are shown there.</source>
        <translation>此记录已合并到另一条记录，其事件显示在该记录中。</translation>
    </message>
    <message>
        <source>No diagnosis recorded yet</source>
        <translation>尚未记录诊断</translation>
    </message>
    <message>
        <source>Diagnosis:</source>
        <translation>诊断：</translation>
    </message>
    <message numerus="yes">
        <source>%n event(s)</source>
        <translation>
            <numerusform>%n 个事件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s)</source>
        <translation>
            <numerusform>%n 个文件</numerusform>
        </translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation>批注：%1</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) attached; files are not shown to your role.</source>
        <translation>
            <numerusform>已附 %n 个文件；您的角色不显示文件内容。</numerusform>
        </translation>
    </message>
    <message>
        <source>The file could not be read from the vault: %1</source>
        <translation>无法从加密文件库读取该文件：%1</translation>
    </message>
    <message>
        <source>Undo: %1 (Ctrl+Z)</source>
        <translation>撤销：%1（Ctrl+Z）</translation>
    </message>
    <message>
        <source>Nothing to undo (Ctrl+Z)</source>
        <translation>没有可撤销的操作（Ctrl+Z）</translation>
    </message>
    <message>
        <source>Redo: %1 (Ctrl+Shift+Z)</source>
        <translation>重做：%1（Ctrl+Shift+Z）</translation>
    </message>
    <message>
        <source>Nothing to redo (Ctrl+Shift+Z)</source>
        <translation>没有可重做的操作（Ctrl+Shift+Z）</translation>
    </message>
    <message>
        <source>The change could not be undone: %1</source>
        <translation>无法撤销该修改：%1</translation>
    </message>
    <message>
        <source>No patient is open.</source>
        <translation>未打开任何患者。</translation>
    </message>
    <message>
        <source>add &quot;%1&quot;</source>
        <translation>添加“%1”</translation>
    </message>
    <message>
        <source>The event is not on this timeline.</source>
        <translation>该事件不在此时间轴上。</translation>
    </message>
    <message>
        <source>edit &quot;%1&quot;</source>
        <translation>编辑“%1”</translation>
    </message>
    <message>
        <source>annotate &quot;%1&quot;</source>
        <translation>批注“%1”</translation>
    </message>
    <message>
        <source>remove &quot;%1&quot;</source>
        <translation>删除“%1”</translation>
    </message>
    <message>
        <source>&quot;%1&quot; was removed from the timeline. Undo (Ctrl+Z) brings it back.</source>
        <translation>已从时间轴删除“%1”。撤销（Ctrl+Z）可将其恢复。</translation>
    </message>
    <message>
        <source>Restored version %1</source>
        <translation>恢复第 %1 版</translation>
    </message>
    <message>
        <source>restore version %1</source>
        <translation>恢复第 %1 版</translation>
    </message>
    <message>
        <source>Annotate event</source>
        <translation>批注事件</translation>
    </message>
    <message>
        <source>Note for &quot;%1&quot;:</source>
        <translation>“%1”的批注：</translation>
    </message>
    <message>
        <source>Remove event</source>
        <translation>删除事件</translation>
    </message>
    <message>
        <source>Why is &quot;%1&quot; removed? Its versions stay in the history.</source>
        <translation>为什么删除“%1”？其各版本仍保留在历史中。</translation>
    </message>
    <message>
        <source>Attach a file</source>
        <translation>附加文件</translation>
    </message>
    <message>
        <source>Documents and images (*.pdf *.png *.jpg *.jpeg *.dcm);;All files (*)</source>
        <translation>文档和图像 (*.pdf *.png *.jpg *.jpeg *.dcm);;所有文件 (*)</translation>
    </message>
    <message>
        <source>The file is too large (%1 MiB; the limit is %2 MiB).</source>
        <translation>文件过大（%1 MiB，上限为 %2 MiB）。</translation>
    </message>
    <message>
        <source>The file could not be opened: %1</source>
        <translation>无法打开该文件：%1</translation>
    </message>
    <message>
        <source>Choose an event on the timeline first.</source>
        <translation>请先在时间轴上选择一个事件。</translation>
    </message>
    <message>
        <source>Checking and encrypting &quot;%1&quot;…</source>
        <translation>正在检查并加密“%1”…</translation>
    </message>
    <message>
        <source>&quot;%1&quot; was not attached: %2</source>
        <translation>未能附加“%1”：%2</translation>
    </message>
    <message>
        <source>&quot;%1&quot; was attached and stored encrypted.</source>
        <translation>已附加“%1”，并已加密存储。</translation>
    </message>
    <message>
        <source>Another task is running; try again when it has finished.</source>
        <translation>另一项任务正在运行，请在其完成后重试。</translation>
    </message>
    <message>
        <source>%1 was merged into %2. Undo it from the merge history if this was a mistake.</source>
        <translation>已将 %1 合并到 %2。如有误，可在合并历史中撤销。</translation>
    </message>
    <message>
        <source>The merge was undone: %1 and %2 are separate records again.</source>
        <translation>合并已撤销：%1 与 %2 重新成为各自独立的记录。</translation>
    </message>
</context>
<context>
    <name>mdp::registry::ui::PatientSearchModel</name>
    <message>
        <source>Found by its %1</source>
        <translation>按%1匹配</translation>
    </message>
    <message>
        <source>Pseudonymous ID</source>
        <translation>假名化编号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>年龄</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <source>Matched on</source>
        <translation>匹配字段</translation>
    </message>
    <message>
        <source>Diagnosis</source>
        <translation>诊断</translation>
    </message>
</context>
<context>
    <name>mdp::registry::ui::PatientText</name>
    <message>
        <source>Male</source>
        <translation>男</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>女</translation>
    </message>
    <message>
        <source>Unspecified</source>
        <translation>未说明</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>First visit</source>
        <translation>初诊</translation>
    </message>
    <message>
        <source>Diagnosis</source>
        <translation>诊断</translation>
    </message>
    <message>
        <source>Surgery</source>
        <translation>手术</translation>
    </message>
    <message>
        <source>Radiotherapy course</source>
        <translation>放疗疗程</translation>
    </message>
    <message>
        <source>Radiotherapy fraction</source>
        <translation>放疗分次</translation>
    </message>
    <message>
        <source>Chemotherapy cycle</source>
        <translation>化疗周期</translation>
    </message>
    <message>
        <source>Immunotherapy cycle</source>
        <translation>免疫治疗周期</translation>
    </message>
    <message>
        <source>Imaging</source>
        <translation>影像检查</translation>
    </message>
    <message>
        <source>Laboratory</source>
        <translation>实验室检查</translation>
    </message>
    <message>
        <source>Toxicity</source>
        <translation>不良反应</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>随访</translation>
    </message>
    <message>
        <source>Death</source>
        <translation>死亡</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建</translation>
    </message>
    <message>
        <source>Edited</source>
        <translation>编辑</translation>
    </message>
    <message>
        <source>Annotated</source>
        <translation>批注</translation>
    </message>
    <message>
        <source>Removed</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Restored an earlier version</source>
        <translation>恢复旧版本</translation>
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
        <source>Resident ID</source>
        <translation>居民身份证号</translation>
    </message>
    <message>
        <source>Passport</source>
        <translation>护照</translation>
    </message>
    <message>
        <source>Medical record number</source>
        <translation>病案号</translation>
    </message>
    <message>
        <source>Other identifier</source>
        <translation>其他证件</translation>
    </message>
    <message>
        <source>same name</source>
        <translation>姓名相同</translation>
    </message>
    <message>
        <source>same pinyin</source>
        <translation>拼音相同</translation>
    </message>
    <message>
        <source>similar pinyin</source>
        <translation>拼音相近</translation>
    </message>
    <message>
        <source>same unverified identifier</source>
        <translation>未核验证件号相同</translation>
    </message>
    <message>
        <source>same birth date</source>
        <translation>出生日期相同</translation>
    </message>
    <message>
        <source>same sex</source>
        <translation>性别相同</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>pseudonymous ID</source>
        <translation>假名化编号</translation>
    </message>
    <message>
        <source>name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>pinyin</source>
        <translation>拼音</translation>
    </message>
    <message>
        <source>initials</source>
        <translation>拼音首字母</translation>
    </message>
    <message>
        <source>diagnosis</source>
        <translation>诊断</translation>
    </message>
    <message numerus="yes">
        <source>%n y</source>
        <comment>age in completed years</comment>
        <translation>
            <numerusform>%n 岁</numerusform>
        </translation>
    </message>
    <message>
        <source>Total dose (Gy)</source>
        <translation>总剂量（Gy）</translation>
    </message>
    <message>
        <source>Fractions</source>
        <translation>分次数</translation>
    </message>
    <message>
        <source>Dose per fraction (Gy)</source>
        <translation>单次剂量（Gy）</translation>
    </message>
    <message>
        <source>Fractions delivered</source>
        <translation>已完成分次</translation>
    </message>
    <message>
        <source>Fraction</source>
        <translation>分次</translation>
    </message>
    <message>
        <source>Dose (Gy)</source>
        <translation>剂量（Gy）</translation>
    </message>
    <message>
        <source>Technique</source>
        <translation>技术</translation>
    </message>
    <message>
        <source>Energy</source>
        <translation>能量</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>靶区</translation>
    </message>
    <message>
        <source>Scheme</source>
        <translation>方案</translation>
    </message>
    <message>
        <source>Timing</source>
        <translation>时机</translation>
    </message>
    <message>
        <source>Phase</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Laterality</source>
        <translation>侧别</translation>
    </message>
    <message>
        <source>Image guidance</source>
        <translation>图像引导</translation>
    </message>
    <message>
        <source>Drug</source>
        <translation>药物</translation>
    </message>
    <message>
        <source>Drugs</source>
        <translation>药物</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>药物</translation>
    </message>
    <message>
        <source>Regimen</source>
        <translation>方案</translation>
    </message>
    <message>
        <source>Cycle</source>
        <translation>周期</translation>
    </message>
    <message>
        <source>Planned cycles</source>
        <translation>计划周期数</translation>
    </message>
    <message>
        <source>Interval (days)</source>
        <translation>间隔（天）</translation>
    </message>
    <message>
        <source>Dose (mg)</source>
        <translation>剂量（mg）</translation>
    </message>
    <message>
        <source>Dose per kg</source>
        <translation>每千克剂量</translation>
    </message>
    <message>
        <source>Route</source>
        <translation>给药途径</translation>
    </message>
    <message>
        <source>AUC</source>
        <translation>AUC</translation>
    </message>
    <message>
        <source>Term</source>
        <translation>术语</translation>
    </message>
    <message>
        <source>Term (Chinese)</source>
        <translation>术语（中文）</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>分级</translation>
    </message>
    <message>
        <source>CTCAE version</source>
        <translation>CTCAE 版本</translation>
    </message>
    <message>
        <source>Serious</source>
        <translation>严重</translation>
    </message>
    <message>
        <source>Immune-related</source>
        <translation>免疫相关</translation>
    </message>
    <message>
        <source>Attribution</source>
        <translation>相关性</translation>
    </message>
    <message>
        <source>Action taken</source>
        <translation>处理措施</translation>
    </message>
    <message>
        <source>Ongoing</source>
        <translation>持续中</translation>
    </message>
    <message>
        <source>ICD-10</source>
        <translation>ICD-10</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <source>Clinical stage (cTNM)</source>
        <translation>临床分期（cTNM）</translation>
    </message>
    <message>
        <source>cT</source>
        <translation>cT</translation>
    </message>
    <message>
        <source>cN</source>
        <translation>cN</translation>
    </message>
    <message>
        <source>cM</source>
        <translation>cM</translation>
    </message>
    <message>
        <source>Stage group</source>
        <translation>分期</translation>
    </message>
    <message>
        <source>Molecular subtype</source>
        <translation>分子分型</translation>
    </message>
    <message>
        <source>Pathology type</source>
        <translation>病理类型</translation>
    </message>
    <message>
        <source>Pathology</source>
        <translation>病理</translation>
    </message>
    <message>
        <source>Specimen</source>
        <translation>标本</translation>
    </message>
    <message>
        <source>ER (%)</source>
        <translation>ER（%）</translation>
    </message>
    <message>
        <source>PR (%)</source>
        <translation>PR（%）</translation>
    </message>
    <message>
        <source>TILs (%)</source>
        <translation>TILs（%）</translation>
    </message>
    <message>
        <source>Size (mm)</source>
        <translation>大小（mm）</translation>
    </message>
    <message>
        <source>Residual tumour (mm)</source>
        <translation>残余肿瘤（mm）</translation>
    </message>
    <message>
        <source>Margins</source>
        <translation>切缘</translation>
    </message>
    <message>
        <source>Nodes examined</source>
        <translation>检出淋巴结数</translation>
    </message>
    <message>
        <source>Nodes positive</source>
        <translation>阳性淋巴结数</translation>
    </message>
    <message>
        <source>Pathological complete response</source>
        <translation>病理完全缓解</translation>
    </message>
    <message>
        <source>RCB class</source>
        <translation>RCB 分级</translation>
    </message>
    <message>
        <source>RCB index</source>
        <translation>RCB 指数</translation>
    </message>
    <message>
        <source>ypT</source>
        <translation>ypT</translation>
    </message>
    <message>
        <source>ypN</source>
        <translation>ypN</translation>
    </message>
    <message>
        <source>Procedure</source>
        <translation>术式</translation>
    </message>
    <message>
        <source>Reconstruction</source>
        <translation>重建</translation>
    </message>
    <message>
        <source>Axilla</source>
        <translation>腋窝处理</translation>
    </message>
    <message>
        <source>Quadrant</source>
        <translation>象限</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>部位</translation>
    </message>
    <message>
        <source>Modality</source>
        <translation>检查方式</translation>
    </message>
    <message>
        <source>Body part</source>
        <translation>检查部位</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>所见</translation>
    </message>
    <message>
        <source>BI-RADS</source>
        <translation>BI-RADS</translation>
    </message>
    <message>
        <source>RECIST response</source>
        <translation>RECIST 疗效</translation>
    </message>
    <message>
        <source>Change (%)</source>
        <translation>变化（%）</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>检验项目</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Panels</source>
        <translation>检验组合</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Status (Chinese)</source>
        <translation>状态（中文）</translation>
    </message>
    <message>
        <source>ECOG</source>
        <translation>ECOG 评分</translation>
    </message>
    <message>
        <source>Cause</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Chief complaint</source>
        <translation>主诉</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>科室</translation>
    </message>
    <message>
        <source>Multidisciplinary team</source>
        <translation>多学科会诊</translation>
    </message>
    <message>
        <source>Age at diagnosis</source>
        <translation>诊断时年龄</translation>
    </message>
    <message>
        <source>Age (years)</source>
        <translation>年龄（岁）</translation>
    </message>
    <message>
        <source>Height (cm)</source>
        <translation>身高（cm）</translation>
    </message>
    <message>
        <source>Weight (kg)</source>
        <translation>体重（kg）</translation>
    </message>
    <message>
        <source>Months after surgery</source>
        <translation>术后月数</translation>
    </message>
    <message>
        <source>Days after neoadjuvant therapy</source>
        <translation>新辅助治疗后天数</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Reported</source>
        <translation>报告时间</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Dose to organs at risk and target</source>
        <translation>危及器官与靶区剂量</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Biopsy and pathology</source>
        <translation>活检与病理</translation>
    </message>
    <message>
        <source>assigned to you</source>
        <translation>分配给您</translation>
    </message>
    <message>
        <source>worked on recently</source>
        <translation>最近处理</translation>
    </message>
</context>
<context>
    <name>mdp::registry::ui::PatientsFeature</name>
    <message>
        <source>Patients</source>
        <translation>患者</translation>
    </message>
    <message>
        <source>born %1</source>
        <translation>出生于 %1</translation>
    </message>
</context>
<context>
    <name>mdp::registry::ui::PatientsPage</name>
    <message>
        <source>Another task is running; the search waits for it.</source>
        <translation>另一项任务正在运行，检索将在其完成后进行。</translation>
    </message>
    <message>
        <source>Patients</source>
        <translation>患者</translation>
    </message>
    <message>
        <source>Find any patient by pseudonymous ID, name, pinyin or diagnosis; results follow your typing. Every search and every record opened is recorded in the audit log.</source>
        <translation>按假名化编号、姓名、拼音或诊断查找任意患者，结果随输入实时更新。每次检索和打开记录都会记入审计日志。</translation>
    </message>
    <message>
        <source>Find patients by pseudonymous ID or diagnosis. Names and other identity are not shown to your role. Every search is recorded in the audit log.</source>
        <translation>按假名化编号或诊断查找患者。您的角色不显示姓名等身份信息。每次检索都会记入审计日志。</translation>
    </message>
    <message>
        <source>Search: pseudonymous ID, name, pinyin or diagnosis (Ctrl+F)</source>
        <translation>检索：假名化编号、姓名、拼音或诊断（Ctrl+F）</translation>
    </message>
    <message>
        <source>Search: pseudonymous ID or diagnosis (Ctrl+F)</source>
        <translation>检索：假名化编号或诊断（Ctrl+F）</translation>
    </message>
    <message>
        <source>New patient…</source>
        <translation>新建患者…</translation>
    </message>
    <message>
        <source>Register a new patient (Ctrl+N)</source>
        <translation>登记新患者（Ctrl+N）</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>检索结果</translation>
    </message>
    <message>
        <source>Possible duplicates</source>
        <translation>疑似重复</translation>
    </message>
    <message>
        <source>Find patient</source>
        <translation>查找患者</translation>
    </message>
    <message>
        <source>Type a few characters: part of a pseudonymous ID (P-…), a name, its pinyin or initials, or a diagnosis such as TNBC.</source>
        <translation>输入几个字符即可：假名化编号的一部分（P-…）、姓名、拼音或首字母，或诊断（如 TNBC）。</translation>
    </message>
    <message>
        <source>Type a few characters: part of a pseudonymous ID (P-…) or a diagnosis.</source>
        <translation>输入几个字符即可：假名化编号的一部分（P-…）或诊断。</translation>
    </message>
    <message>
        <source>The search failed: %1</source>
        <translation>检索失败：%1</translation>
    </message>
    <message>
        <source>Compare the pair</source>
        <translation>对比两条记录</translation>
    </message>
    <message>
        <source>Open A</source>
        <translation>打开 A</translation>
    </message>
    <message>
        <source>Open B</source>
        <translation>打开 B</translation>
    </message>
    <message>
        <source>Not the same person…</source>
        <translation>不是同一人…</translation>
    </message>
    <message>
        <source>Merge…</source>
        <translation>合并…</translation>
    </message>
    <message numerus="yes">
        <source>%n patient(s)</source>
        <translation>
            <numerusform>%n 名患者</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 毫秒</translation>
    </message>
    <message>
        <source>No patient matches. Check the spelling or type less.</source>
        <translation>没有匹配的患者。请检查拼写或减少输入内容。</translation>
    </message>
    <message>
        <source>The patient could not be opened.</source>
        <translation>无法打开该患者。</translation>
    </message>
    <message>
        <source>Possible duplicates (%1)</source>
        <translation>疑似重复（%1）</translation>
    </message>
    <message>
        <source>No pair is waiting for review.</source>
        <translation>没有待核查的记录对。</translation>
    </message>
    <message numerus="yes">
        <source>%n pair(s) may be the same person. Compare them, then merge or dismiss.</source>
        <translation>
            <numerusform>有 %n 对记录可能是同一人。请对比后合并或排除。</numerusform>
        </translation>
    </message>
    <message>
        <source>Select a pair to compare the two records.</source>
        <translation>选择一对记录以进行对比。</translation>
    </message>
    <message>
        <source>Patient A</source>
        <translation>患者 A</translation>
    </message>
    <message>
        <source>Patient B</source>
        <translation>患者 B</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>姓名：</translation>
    </message>
    <message>
        <source>Sex:</source>
        <translation>性别：</translation>
    </message>
    <message>
        <source>Birth date:</source>
        <translation>出生日期：</translation>
    </message>
    <message>
        <source>:</source>
        <translation>：</translation>
    </message>
    <message>
        <source> (verified)</source>
        <translation>（已核验）</translation>
    </message>
    <message>
        <source>Registered:</source>
        <translation>登记时间：</translation>
    </message>
    <message>
        <source>%1 was merged into %2. The merge can be undone from the patient&apos;s merge history.</source>
        <translation>已将 %1 合并到 %2。可在该患者的合并历史中撤销此次合并。</translation>
    </message>
    <message>
        <source>Not the same person</source>
        <translation>不是同一人</translation>
    </message>
    <message>
        <source>Why are %1 and %2 different people?</source>
        <translation>为什么 %1 与 %2 不是同一人？</translation>
    </message>
    <message>
        <source>Queued %1 · %2% likely: %3</source>
        <translation>%1 加入队列 · 相似度 %2%：%3</translation>
    </message>
    <message numerus="yes">
        <source>Your patients: %n assigned, </source>
        <translation>
            <numerusform>您的患者：%n 位待您处理，</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n worked on recently</source>
        <translation>
            <numerusform>%n 位最近处理</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Your patients: %n worked on recently</source>
        <translation>
            <numerusform>您的患者：%n 位最近处理</numerusform>
        </translation>
    </message>
    <message>
        <source>Patients are being indexed for search; the results appear when this is done.</source>
        <translation>正在为搜索建立患者索引，完成后显示结果。</translation>
    </message>
    <message>
        <source>Patients are being indexed for search: %L1 of %L2 (%3%). The results appear when this is done.</source>
        <translation>正在为搜索建立患者索引：%L1 / %L2（%3%）。完成后显示结果。</translation>
    </message>
    <message>
        <source>Count patients by pseudonymous ID or diagnosis. Your role sees how many match, not who; opening records needs an access grant. Every count is recorded in the audit log.</source>
        <translation>按假名化编号或诊断统计患者。您的角色只能看到匹配人数，看不到是谁；打开记录需要访问授权。每次计数都会记入审计日志。</translation>
    </message>
    <message>
        <source>Request access…</source>
        <translation>申请访问…</translation>
    </message>
    <message>
        <source>Ask for a time-limited grant to open de-identified records</source>
        <translation>申请有时限的授权以打开脱敏记录</translation>
    </message>
    <message>
        <source>Your role sees how many patients match, not who they are: %1 Type a pseudonymous ID or a diagnosis to count.</source>
        <translation>您的角色只能看到匹配的患者人数，看不到具体是谁：%1 输入假名化编号或诊断即可计数。</translation>
    </message>
    <message>
        <source>Fewer than %1 patients match</source>
        <translation>匹配的患者少于 %1 名</translation>
    </message>
    <message numerus="yes">
        <source>At least %n patients match</source>
        <translation>
            <numerusform>至少 %n 名患者匹配</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n patient(s) match</source>
        <translation>
            <numerusform>%n 名患者匹配</numerusform>
        </translation>
    </message>
    <message>
        <source>%1. Counts only: opening records needs an access grant (Request access…).</source>
        <translation>%1。仅显示计数：打开记录需要访问授权（申请访问…）。</translation>
    </message>
    <message>
        <source>This patient cannot be opened: %1 Use “Request access…” to ask for the scope you need.</source>
        <translation>无法打开该患者：%1 请使用“申请访问…”申请所需的范围。</translation>
    </message>
    <message>
        <source>Your request %1 was sent to the site server. Ethics review comes first, then the approvers; follow it under My access.</source>
        <translation>您的申请 %1 已提交至中心服务器。先经伦理审查，再由审批人审批；可在“我的访问权限”中跟踪进度。</translation>
    </message>
</context>
</TS>
