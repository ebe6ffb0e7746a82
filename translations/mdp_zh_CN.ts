<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
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
    <name>mdp::forms::ui::FormDesigner</name>
    <message>
        <source>+ Section</source>
        <translation>+ 分节</translation>
    </message>
    <message>
        <source>Add a section after the selected one</source>
        <translation>在所选分节之后添加分节</translation>
    </message>
    <message>
        <source>+ Field</source>
        <translation>+ 字段</translation>
    </message>
    <message>
        <source>Add a field after the selected one (inside a repeating group when a group is selected)</source>
        <translation>在所选项之后添加字段（选中重复组时添加到组内）</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Remove the selected section or field</source>
        <translation>删除所选分节或字段</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>上移</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>下移</translation>
    </message>
    <message>
        <source>Structure</source>
        <translation>结构</translation>
    </message>
    <message>
        <source>+ Rule</source>
        <translation>+ 规则</translation>
    </message>
    <message>
        <source>Add a cross-field rule</source>
        <translation>添加跨字段规则</translation>
    </message>
    <message>
        <source>Remove the selected rule</source>
        <translation>删除所选规则</translation>
    </message>
    <message>
        <source>Rules</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>Properties</source>
        <translation>属性</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>校验</translation>
    </message>
    <message>
        <source>Check the whole definition: ids, types, ranges and every expression</source>
        <translation>校验整个定义：ID、类型、取值范围及所有表达式</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <source>(untitled form)</source>
        <translation>（未命名表单）</translation>
    </message>
    <message>
        <source>Form id</source>
        <translation>表单 ID</translation>
    </message>
    <message>
        <source>Title (中文)</source>
        <translation>标题（中文）</translation>
    </message>
    <message>
        <source>Title (English)</source>
        <translation>标题（英文）</translation>
    </message>
    <message>
        <source>Description (中文)</source>
        <translation>说明（中文）</translation>
    </message>
    <message>
        <source>Description (English)</source>
        <translation>说明（英文）</translation>
    </message>
    <message>
        <source>Review category</source>
        <translation>审核类别</translation>
    </message>
    <message>
        <source>Event types</source>
        <translation>事件类型</translation>
    </message>
    <message>
        <source>Records of this form attach to timeline events of these types; the review category routes them to reviewers.</source>
        <translation>此表单的记录关联到以下类型的时间轴事件；审核类别决定将记录分派给哪些审核员。</translation>
    </message>
    <message>
        <source>Section id</source>
        <translation>分节 ID</translation>
    </message>
    <message>
        <source>Field id</source>
        <translation>字段 ID</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>Whole number</source>
        <translation>整数</translation>
    </message>
    <message>
        <source>Decimal</source>
        <translation>小数</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Single choice</source>
        <translation>单选</translation>
    </message>
    <message>
        <source>Multiple choice</source>
        <translation>多选</translation>
    </message>
    <message>
        <source>Coded value</source>
        <translation>编码值</translation>
    </message>
    <message>
        <source>Repeating group</source>
        <translation>重复组</translation>
    </message>
    <message>
        <source>File reference</source>
        <translation>文件引用</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Label (中文)</source>
        <translation>标签（中文）</translation>
    </message>
    <message>
        <source>Label (English)</source>
        <translation>标签（英文）</translation>
    </message>
    <message>
        <source>Help (中文)</source>
        <translation>帮助（中文）</translation>
    </message>
    <message>
        <source>Help (English)</source>
        <translation>帮助（英文）</translation>
    </message>
    <message>
        <source>Must be filled in before submitting</source>
        <translation>提交前必须填写</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>必填</translation>
    </message>
    <message>
        <source>Minimum</source>
        <translation>最小值</translation>
    </message>
    <message>
        <source>Maximum</source>
        <translation>最大值</translation>
    </message>
    <message>
        <source>Decimals</source>
        <translation>小数位数</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Pattern</source>
        <translation>格式（正则表达式）</translation>
    </message>
    <message>
        <source>Earliest date</source>
        <translation>最早日期</translation>
    </message>
    <message>
        <source>Latest date</source>
        <translation>最晚日期</translation>
    </message>
    <message>
        <source>One option per line: code | 中文 | English</source>
        <translation>每行一个选项：编码 | 中文 | English</translation>
    </message>
    <message>
        <source>Options</source>
        <translation>选项</translation>
    </message>
    <message>
        <source>Code system</source>
        <translation>编码体系</translation>
    </message>
    <message>
        <source>Allowed codes</source>
        <translation>允许的编码</translation>
    </message>
    <message>
        <source>Data category</source>
        <translation>数据类别</translation>
    </message>
    <message>
        <source>Classification level 1 (public) to 5 (most sensitive)</source>
        <translation>分级：1 级（公开）至 5 级（最敏感）</translation>
    </message>
    <message>
        <source>Sensitivity level</source>
        <translation>敏感级别</translation>
    </message>
    <message>
        <source>Calculation</source>
        <translation>计算公式</translation>
    </message>
    <message>
        <source>Visible if</source>
        <translation>显示条件</translation>
    </message>
    <message>
        <source>Minimum rows</source>
        <translation>最少行数</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>Maximum rows</source>
        <translation>最多行数</translation>
    </message>
    <message>
        <source>(new rule)</source>
        <translation>（新规则）</translation>
    </message>
    <message>
        <source>Rule id</source>
        <translation>规则 ID</translation>
    </message>
    <message>
        <source>Must be true</source>
        <translation>须成立的条件</translation>
    </message>
    <message>
        <source>Error: blocks submission</source>
        <translation>错误：阻止提交</translation>
    </message>
    <message>
        <source>Warning: shown and recorded</source>
        <translation>警告：显示并记录</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <source>Message (中文)</source>
        <translation>提示信息（中文）</translation>
    </message>
    <message>
        <source>Message (English)</source>
        <translation>提示信息（英文）</translation>
    </message>
    <message>
        <source>Shown beside</source>
        <translation>显示于字段</translation>
    </message>
    <message>
        <source>Operators: + - * / = != &lt; &lt;= &gt; &gt;= and or not. Functions: abs, round, min, max, if, empty, present, days, count, sum, len, matches, contains, date, today.</source>
        <translation>运算符：+ - * / = != &lt; &lt;= &gt; &gt;= and or not。函数：abs、round、min、max、if、empty、present、days、count、sum、len、matches、contains、date、today。</translation>
    </message>
    <message>
        <source>The file is not a JSON object (%1 at offset %2).</source>
        <translation>该文件不是 JSON 对象（%1，位于偏移量 %2）。</translation>
    </message>
    <message numerus="yes">
        <source>The definition is valid: %n field(s)</source>
        <translation>
            <numerusform>定义有效：%n 个字段</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n rule(s).</source>
        <translation>
            <numerusform>，%n 条规则。</numerusform>
        </translation>
    </message>
    <message>
        <source>The preview shows the last state that passed the check: %1</source>
        <translation>预览显示的是最近一次通过校验的状态：%1</translation>
    </message>
</context>
<context>
    <name>mdp::forms::ui::FormView</name>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <source>No rows yet.</source>
        <translation>暂无数据行。</translation>
    </message>
    <message>
        <source>+ Add row</source>
        <translation>+ 添加行</translation>
    </message>
    <message>
        <source>calculated</source>
        <translation>自动计算</translation>
    </message>
    <message>
        <source>Calculated from other fields</source>
        <translation>由其他字段计算得出</translation>
    </message>
    <message>
        <source>Clear the date</source>
        <translation>清除日期</translation>
    </message>
    <message>
        <source>The event has no files to refer to.</source>
        <translation>该事件没有可引用的文件。</translation>
    </message>
    <message>
        <source>%1 (not available)</source>
        <translation>%1（不可用）</translation>
    </message>
    <message>
        <source>Remove row %1</source>
        <translation>删除第 %1 行</translation>
    </message>
    <message>
        <source>edit %1</source>
        <translation>编辑 %1</translation>
    </message>
    <message>
        <source>add a row to %1</source>
        <translation>向 %1 添加一行</translation>
    </message>
    <message>
        <source>remove row %1 of %2</source>
        <translation>删除 %2 的第 %1 行</translation>
    </message>
    <message>
        <source>%1, row %2: %3</source>
        <translation>%1，第 %2 行：%3</translation>
    </message>
    <message>
        <source>Row %1, %2: %3</source>
        <translation>第 %1 行，%2：%3</translation>
    </message>
    <message>
        <source>%1 and %2</source>
        <translation>%1和%2</translation>
    </message>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n 个错误</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n 个警告</numerusform>
        </translation>
    </message>
    <message>
        <source>: errors must be corrected before the record can be submitted.</source>
        <translation>：须更正错误后才能提交记录。</translation>
    </message>
    <message>
        <source>: warnings are recorded and do not block submission.</source>
        <translation>：警告会被记录，但不影响提交。</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>… 另有 %n 项</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mdp::forms::ui::RecordDiffView</name>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>变更</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>修改前</translation>
    </message>
    <message>
        <source>After</source>
        <translation>修改后</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>Removed</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>修改</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s)</source>
        <translation>
            <numerusform>%n 行</numerusform>
        </translation>
    </message>
    <message>
        <source>No field differs: the values are the same.</source>
        <translation>没有字段不同：各值均相同。</translation>
    </message>
    <message numerus="yes">
        <source>%n field(s) differ</source>
        <translation>
            <numerusform>%n 个字段不同</numerusform>
        </translation>
    </message>
    <message>
        <source> (changed %1, added %2, removed %3)</source>
        <translation>（修改 %1 个，新增 %2 个，删除 %3 个）</translation>
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
</context>
<context>
    <name>mdp::shell::AccountDialog</name>
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
    <name>mdp::shell::AccountTableModel</name>
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
    <name>mdp::shell::AccountsPage</name>
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
        <source>Remove the authenticator of %1? Use this when the device is lost. The owner sets up a new authenticator at the next sign-in.</source>
        <translation>确定移除 %1 的身份验证器吗？仅在设备丢失时使用。该用户下次登录时需重新设置身份验证器。</translation>
    </message>
    <message>
        <source>The authenticator of %1 was removed.</source>
        <translation>已移除 %1 的身份验证器。</translation>
    </message>
    <message>
        <source>The authenticator was not reset: %1</source>
        <translation>身份验证器未重置：%1</translation>
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
        <source>This password is the administrator&apos;s own and is different from the workspace passphrase. Administrators also confirm each sign-in with a code from an authenticator app; it is set up at the first sign-in.</source>
        <translation>此密码为管理员个人密码，与工作区口令不同。管理员每次登录还需输入身份验证器应用生成的动态验证码，将在首次登录时设置。</translation>
    </message>
</context>
<context>
    <name>mdp::shell::AuditEventTableModel</name>
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
</context>
<context>
    <name>mdp::shell::AuditLogPage</name>
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
</context>
<context>
    <name>mdp::shell::CipherNames</name>
    <message>
        <source>SM4-CBC (national algorithm)</source>
        <translation>SM4-CBC（国密算法）</translation>
    </message>
    <message>
        <source>SM4-GCM (national algorithm)</source>
        <translation>SM4-GCM（国密算法）</translation>
    </message>
    <message>
        <source>AES-256-CBC</source>
        <translation>AES-256-CBC</translation>
    </message>
    <message>
        <source>AES-256-GCM</source>
        <translation>AES-256-GCM</translation>
    </message>
    <message>
        <source>SM4</source>
        <translation>SM4 国密</translation>
    </message>
    <message>
        <source>AES-256</source>
        <translation>AES-256</translation>
    </message>
    <message>
        <source>Workspace passphrase, %1 with %2 iterations</source>
        <translation>工作区口令，%1，迭代 %2 次</translation>
    </message>
    <message>
        <source>Hardware security token (PKCS#11) %1</source>
        <translation>硬件安全令牌（PKCS#11）%1</translation>
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
        <source>unknown page &quot;%1&quot;</source>
        <translation>未知页面“%1”</translation>
    </message>
    <message>
        <source>unexpected argument &quot;%1&quot;</source>
        <translation>多余的参数“%1”</translation>
    </message>
    <message>
        <source>Page to show first: overview, patients, reviews, forms, audit-log, accounts, keys or my-account.</source>
        <translation>首先显示的页面：overview、patients、reviews、forms、audit-log、accounts、keys 或 my-account。</translation>
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
        <source>Sign in as %1 with the password you just chose.</source>
        <translation>请使用刚才设置的密码以 %1 身份登录。</translation>
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
        <source>In both cases the keys are derived with PBKDF2-HMAC-SM3 and the audit log is chained with SM3.</source>
        <translation>两种方式下，密钥均通过 PBKDF2-HMAC-SM3 派生，审计日志均以 SM3 构建哈希链。</translation>
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
    <name>mdp::shell::FormDesignerPage</name>
    <message>
        <source>Save as new version</source>
        <translation>另存为新版本</translation>
    </message>
    <message>
        <source>Store the definition; a changed form becomes its next version (Ctrl+S)</source>
        <translation>保存定义；表单有改动时将保存为下一个版本（Ctrl+S）</translation>
    </message>
    <message>
        <source>Entry forms</source>
        <translation>录入表单</translation>
    </message>
    <message>
        <source>Design the structured forms clinicians fill in. Saving a changed form makes its next version; records keep the version they were entered with.</source>
        <translation>设计供临床医生填写的结构化表单。保存改动后的表单会生成新版本；已有记录保留其录入时所用的版本。</translation>
    </message>
    <message>
        <source>New form</source>
        <translation>新建表单</translation>
    </message>
    <message>
        <source>Import JSON file…</source>
        <translation>导入 JSON 文件…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Forms in use</source>
        <translation>使用中的表单</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>未保存的更改</translation>
    </message>
    <message>
        <source>Discard the changes to the form being edited?</source>
        <translation>放弃对当前正在编辑的表单所做的更改吗？</translation>
    </message>
    <message>
        <source>%1
%2 · version %3</source>
        <translation>%1
%2 · 第 %3 版</translation>
    </message>
    <message>
        <source>Give the form an id and a title, then add its sections and fields.</source>
        <translation>请为表单填写 ID 和标题，然后添加其分节和字段。</translation>
    </message>
    <message>
        <source>The file is too large for a form definition.</source>
        <translation>文件过大，不可能是表单定义。</translation>
    </message>
    <message>
        <source>The file could not be opened: %1</source>
        <translation>无法打开该文件：%1</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is loaded into the designer. Save stores it.</source>
        <translation>已将“%1”载入设计器。点击保存即可存储。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; does not pass the check yet; fix what the designer points at, then save.</source>
        <translation>“%1”尚未通过校验；请修正设计器指出的问题后再保存。</translation>
    </message>
    <message>
        <source>The file could not be written: %1</source>
        <translation>无法写入该文件：%1</translation>
    </message>
    <message>
        <source>Exported to &quot;%1&quot;.</source>
        <translation>已导出到“%1”。</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>未保存：%1</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is unchanged; version %2 stays current.</source>
        <translation>“%1”没有改动；第 %2 版仍为当前版本。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; was saved as version %2. New records use it; existing records keep their version.</source>
        <translation>“%1”已保存为第 %2 版。新记录将使用此版本，已有记录保留其原版本。</translation>
    </message>
    <message>
        <source>Import a form definition</source>
        <translation>导入表单定义</translation>
    </message>
    <message>
        <source>Form definitions (*.json)</source>
        <translation>表单定义 (*.json)</translation>
    </message>
    <message>
        <source>Export the form definition</source>
        <translation>导出表单定义</translation>
    </message>
</context>
<context>
    <name>mdp::shell::FormHistoryDialog</name>
    <message>
        <source>Saved as draft</source>
        <translation>保存为草稿</translation>
    </message>
    <message>
        <source>Submitted for review</source>
        <translation>提交审核</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>已通过</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>已退回</translation>
    </message>
    <message>
        <source>Amendment started</source>
        <translation>开始修订</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>已撤回</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>Pending review</source>
        <translation>待审核</translation>
    </message>
    <message>
        <source>Record history</source>
        <translation>记录历史</translation>
    </message>
    <message>
        <source>Every save, submission and review decision is kept as a version. Select one version to see what it changed, or two (Ctrl+click) to compare them.</source>
        <translation>每次保存、提交和审核决定都会保存为一个版本。选择一个版本可查看其改动，选择两个版本（Ctrl+单击）可进行对比。</translation>
    </message>
    <message>
        <source>Revision</source>
        <translation>版次</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
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
        <source>Approved, formal version %1</source>
        <translation>已通过，正式版本 %1</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>修改前</translation>
    </message>
    <message>
        <source>After</source>
        <translation>修改后</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Select a version to see its changes.</source>
        <translation>选择一个版本以查看其改动。</translation>
    </message>
    <message>
        <source>empty</source>
        <translation>空</translation>
    </message>
    <message>
        <source>Changes from revision %1 to revision %2</source>
        <translation>版次 %1 至版次 %2 的改动</translation>
    </message>
    <message>
        <source>%1, row %2: %3</source>
        <translation>%1，第 %2 行：%3</translation>
    </message>
    <message>
        <source>No field changed.</source>
        <translation>没有字段发生改动。</translation>
    </message>
</context>
<context>
    <name>mdp::shell::FormRecordDialog</name>
    <message>
        <source>Form record</source>
        <translation>表单记录</translation>
    </message>
    <message>
        <source>History…</source>
        <translation>历史版本…</translation>
    </message>
    <message>
        <source>Every version with who, when and why, and what changed</source>
        <translation>每个版本的操作人、时间、原因及改动内容</translation>
    </message>
    <message>
        <source>Withdraw</source>
        <translation>撤回</translation>
    </message>
    <message>
        <source>Take the submission back before a reviewer acts; it becomes your draft again</source>
        <translation>在审核员处理之前撤回提交；记录将重新成为您的草稿</translation>
    </message>
    <message>
        <source>Amend…</source>
        <translation>修订…</translation>
    </message>
    <message>
        <source>Start an amendment of the approved record; the formal version stays in force until the amendment is approved</source>
        <translation>对已通过的记录发起修订；在修订通过之前，原正式版本继续有效</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>重新加载</translation>
    </message>
    <message>
        <source>Show the record as it is stored now</source>
        <translation>显示当前存储的记录</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Save draft</source>
        <translation>保存草稿</translation>
    </message>
    <message>
        <source>Save what is entered; only you see a draft (Ctrl+S)</source>
        <translation>保存已录入的内容；草稿仅您本人可见（Ctrl+S）</translation>
    </message>
    <message>
        <source>Submit for review</source>
        <translation>提交审核</translation>
    </message>
    <message>
        <source>Check every rule and send the record to a reviewer (Ctrl+Enter)</source>
        <translation>校验所有规则并将记录提交给审核员（Ctrl+Enter）</translation>
    </message>
    <message>
        <source>Patient %1</source>
        <translation>患者 %1</translation>
    </message>
    <message>
        <source>%1, version %2</source>
        <translation>%1，第 %2 版</translation>
    </message>
    <message>
        <source>created by %1</source>
        <translation>创建人：%1</translation>
    </message>
    <message>
        <source>New record</source>
        <translation>新建记录</translation>
    </message>
    <message>
        <source>Formal version %1 in force</source>
        <translation>正式版本 %1 有效</translation>
    </message>
    <message>
        <source>No formal version yet</source>
        <translation>尚无正式版本</translation>
    </message>
    <message>
        <source>Returned by the reviewer: %1
Correct the record and submit it again.</source>
        <translation>已被审核员退回：%1
请更正记录后重新提交。</translation>
    </message>
    <message>
        <source>(no reason given)</source>
        <translation>（未填写原因）</translation>
    </message>
    <message>
        <source>Waiting for review; the record cannot be changed meanwhile.</source>
        <translation>等待审核；审核期间记录不可修改。</translation>
    </message>
    <message>
        <source>Waiting for review by %1; the record cannot be changed meanwhile.</source>
        <translation>等待 %1 审核；审核期间记录不可修改。</translation>
    </message>
    <message>
        <source>Approved as formal version %1 and locked. Changes go through an amendment.</source>
        <translation>已通过并成为正式版本 %1，记录已锁定。如需修改，请发起修订。</translation>
    </message>
    <message>
        <source>Amendment of formal version %1 (%2). Version %1 stays in force until this amendment is approved.</source>
        <translation>正式版本 %1 的修订（%2）。在此修订通过之前，第 %1 版继续有效。</translation>
    </message>
    <message>
        <source>This draft belongs to %1.</source>
        <translation>此草稿属于 %1。</translation>
    </message>
    <message>
        <source>Someone else changed this record after you opened it, so nothing was saved (%1). Your entries are still in the form; Reload shows the stored version.</source>
        <translation>您打开此记录后，他人修改了该记录，因此未保存任何内容（%1）。您录入的内容仍保留在表单中；点击“重新加载”可查看已存储的版本。</translation>
    </message>
    <message>
        <source>Your account may not do this: %1</source>
        <translation>您的账户无权执行此操作：%1</translation>
    </message>
    <message>
        <source>The record was refused: %1</source>
        <translation>记录被拒绝：%1</translation>
    </message>
    <message>
        <source>Not found: %1</source>
        <translation>未找到：%1</translation>
    </message>
    <message>
        <source>Draft saved. Only you can see it until you submit it.</source>
        <translation>草稿已保存。提交之前仅您本人可见。</translation>
    </message>
    <message>
        <source>Draft saved (revision %1). Only you can see it until you submit it.</source>
        <translation>草稿已保存（版次 %1）。提交之前仅您本人可见。</translation>
    </message>
    <message numerus="yes">
        <source>Not submitted: %n field(s) need correcting: %1</source>
        <translation>
            <numerusform>未提交：有 %n 个字段需要更正：%1</numerusform>
        </translation>
    </message>
    <message>
        <source>Submitted for review.</source>
        <translation>已提交审核。</translation>
    </message>
    <message>
        <source>Submitted for review by %1.</source>
        <translation>已提交给 %1 审核。</translation>
    </message>
    <message>
        <source>The submission was withdrawn; the record is your draft again.</source>
        <translation>已撤回提交；记录重新成为您的草稿。</translation>
    </message>
    <message>
        <source>An amendment needs a reason.</source>
        <translation>修订须填写原因。</translation>
    </message>
    <message>
        <source>Amendment started. Formal version %1 stays in force until the amendment is approved.</source>
        <translation>已开始修订。在修订通过之前，正式版本 %1 继续有效。</translation>
    </message>
    <message>
        <source>Amend record</source>
        <translation>发起修订</translation>
    </message>
    <message>
        <source>Why does the approved record need to change? The reason is kept with it.</source>
        <translation>为什么需要修改已通过的记录？原因将与记录一并保存。</translation>
    </message>
    <message>
        <source>Unsaved entries</source>
        <translation>未保存的录入内容</translation>
    </message>
    <message>
        <source>Save the entries as a draft before closing?</source>
        <translation>关闭前将录入内容保存为草稿吗？</translation>
    </message>
</context>
<context>
    <name>mdp::shell::KeyTableModel</name>
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
</context>
<context>
    <name>mdp::shell::KeysPage</name>
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
        <source>6-digit code from your authenticator app</source>
        <translation>身份验证器应用显示的 6 位动态验证码</translation>
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
        <source>Checking the audit log…</source>
        <translation>正在检查审计日志…</translation>
    </message>
    <message>
        <source>Opening the database…</source>
        <translation>正在打开数据库…</translation>
    </message>
    <message>
        <source>Indexing patients for search: %L1 of %L2…</source>
        <translation>正在为搜索建立患者索引：%L1 / %L2…</translation>
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
        <source>The verification code is wrong or was already used. Enter the current code.</source>
        <translation>动态验证码错误或已被使用，请输入当前的验证码。</translation>
    </message>
    <message>
        <source>The user name or password is wrong.</source>
        <translation>用户名或密码错误。</translation>
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
        <source>Your role requires two-step sign-in. Enter the code your authenticator app shows.</source>
        <translation>您的角色需要双因素认证。请输入身份验证器应用显示的动态验证码。</translation>
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
        <source>Forms</source>
        <translation>表单</translation>
    </message>
    <message>
        <source>The form designer is not part of this build.</source>
        <translation>当前版本不包含表单设计器。</translation>
    </message>
    <message>
        <source>&amp;Notifications</source>
        <translation>通知(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Mail relay…</source>
        <translation>邮件中继(&amp;M)…</translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation>通知</translation>
    </message>
    <message>
        <source>The record of this notice is not available to you: %1</source>
        <translation>您无权查看此通知对应的记录：%1</translation>
    </message>
</context>
<context>
    <name>mdp::shell::MyAccountPage</name>
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
        <source>Enter your current password first.</source>
        <translation>请先输入当前密码。</translation>
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
</context>
<context>
    <name>mdp::shell::Navigation</name>
    <message>
        <source>Overview</source>
        <translation>概览</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>账户</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>密钥</translation>
    </message>
    <message>
        <source>My account</source>
        <translation>我的账户</translation>
    </message>
    <message>
        <source>Patients</source>
        <translation>患者</translation>
    </message>
    <message>
        <source>Reviews</source>
        <translation>审核</translation>
    </message>
    <message>
        <source>Forms</source>
        <translation>表单</translation>
    </message>
</context>
<context>
    <name>mdp::shell::NewPatientDialog</name>
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
</context>
<context>
    <name>mdp::shell::NotificationBell</name>
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
    <name>mdp::shell::NotificationMailDialog</name>
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
    <name>mdp::shell::NotificationPanel</name>
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
    <name>mdp::shell::NotificationText</name>
    <message>
        <source>Review assigned</source>
        <translation>审核任务已分派</translation>
    </message>
    <message>
        <source>Review reassigned</source>
        <translation>审核任务已转派</translation>
    </message>
    <message>
        <source>Review overdue</source>
        <translation>审核已逾期</translation>
    </message>
    <message>
        <source>Record approved</source>
        <translation>记录已通过</translation>
    </message>
    <message>
        <source>Record rejected</source>
        <translation>记录已退回</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>A submitted record waits for your review.</source>
        <translation>有一条已提交的记录等待您审核。</translation>
    </message>
    <message>
        <source>A review task was moved.</source>
        <translation>一项审核任务已转派。</translation>
    </message>
    <message>
        <source>A review task was moved: %1</source>
        <translation>一项审核任务已转派：%1</translation>
    </message>
    <message>
        <source>The review period has passed; the data managers were told.</source>
        <translation>审核期限已过，已通知数据管理员。</translation>
    </message>
    <message>
        <source>Your record was approved and is now a formal version.</source>
        <translation>您的记录已审核通过，现为正式版本。</translation>
    </message>
    <message>
        <source>Your record was approved: %1</source>
        <translation>您的记录已审核通过：%1</translation>
    </message>
    <message>
        <source>Your record was returned for correction.</source>
        <translation>您的记录已被退回更正。</translation>
    </message>
    <message>
        <source>Returned for correction. Reason: %1</source>
        <translation>已退回更正。原因：%1</translation>
    </message>
</context>
<context>
    <name>mdp::shell::OverviewPage</name>
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
</context>
<context>
    <name>mdp::shell::PassphraseStrength</name>
    <message numerus="yes">
        <source>Use at least %n characters.</source>
        <translation>
            <numerusform>至少使用 %n 个字符。</numerusform>
        </translation>
    </message>
    <message>
        <source>Do not repeat one character or a short pattern.</source>
        <translation>不要重复同一字符或简短模式。</translation>
    </message>
    <message>
        <source>Too short</source>
        <translation>太短</translation>
    </message>
    <message>
        <source>Not acceptable</source>
        <translation>不可用</translation>
    </message>
    <message>
        <source>Weak</source>
        <translation>弱</translation>
    </message>
    <message>
        <source>Fair</source>
        <translation>一般</translation>
    </message>
    <message>
        <source>Good</source>
        <translation>较强</translation>
    </message>
    <message>
        <source>Strong</source>
        <translation>强</translation>
    </message>
</context>
<context>
    <name>mdp::shell::PassphraseWizardPage</name>
    <message>
        <source>I understand that a lost passphrase cannot be recovered.</source>
        <translation>我已知晓：口令一旦丢失将无法找回。</translation>
    </message>
    <message>
        <source>Workspace passphrase</source>
        <translation>工作区口令</translation>
    </message>
    <message>
        <source>The passphrase unlocks the workspace. Every key that encrypts your data is derived from it.</source>
        <translation>口令用于解锁工作区，加密数据的所有密钥均由其派生。</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>口令</translation>
    </message>
    <message>
        <source>Strength</source>
        <translation>强度</translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>确认口令</translation>
    </message>
    <message numerus="yes">
        <source>At least %n characters; not one character or a short pattern repeated. A sentence of several words is easy to remember and hard to guess.</source>
        <translation>
            <numerusform>至少 %n 个字符，且不能是同一字符或简短模式的重复。由几个词组成的一句话既好记又难以猜中。</numerusform>
        </translation>
    </message>
    <message>
        <source>Nobody can reset or recover this passphrase, not even the vendor. If it is lost, the encrypted data in this workspace cannot be read again. Write it down and keep it in a sealed envelope in a safe place.</source>
        <translation>任何人（包括软件供应商）都无法重置或找回此口令。口令一旦丢失，工作区中的加密数据将永远无法读取。请将其抄写下来，密封后存放在安全的地方。</translation>
    </message>
    <message>
        <source>The two passphrases do not match.</source>
        <translation>两次输入的口令不一致。</translation>
    </message>
</context>
<context>
    <name>mdp::shell::PatientDuplicatesModel</name>
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
    <name>mdp::shell::PatientEventDialog</name>
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
    <name>mdp::shell::PatientEventFieldsModel</name>
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
    <name>mdp::shell::PatientFormsPanel</name>
    <message>
        <source>Forms</source>
        <translation>表单</translation>
    </message>
    <message>
        <source>New record</source>
        <translation>新建记录</translation>
    </message>
    <message>
        <source>Fill in a form for this event</source>
        <translation>为此事件填写表单</translation>
    </message>
    <message>
        <source>amendment of v%1</source>
        <translation>v%1 的修订</translation>
    </message>
    <message>
        <source>draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>pending review</source>
        <translation>待审核</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>已退回</translation>
    </message>
    <message>
        <source>approved v%1</source>
        <translation>已通过 v%1</translation>
    </message>
    <message>
        <source>Double-click to open.</source>
        <translation>双击打开。</translation>
    </message>
    <message>
        <source>Returned by the reviewer: %1</source>
        <translation>已被审核员退回：%1</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>暂无</translation>
    </message>
    <message>
        <source>File %1 (%2)</source>
        <translation>文件 %1（%2）</translation>
    </message>
</context>
<context>
    <name>mdp::shell::PatientHistoryDialog</name>
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
    <name>mdp::shell::PatientLineageDialog</name>
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
    <name>mdp::shell::PatientMergeDialog</name>
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
</context>
<context>
    <name>mdp::shell::PatientPage</name>
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
    <name>mdp::shell::PatientSearchModel</name>
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
</context>
<context>
    <name>mdp::shell::PatientText</name>
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
</context>
<context>
    <name>mdp::shell::PatientsPage</name>
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
</context>
<context>
    <name>mdp::shell::ReviewDecisionDialog</name>
    <message>
        <source>Approve record</source>
        <translation>审核通过记录</translation>
    </message>
    <message>
        <source>Reject record</source>
        <translation>退回记录</translation>
    </message>
    <message>
        <source>Approve and lock this record?</source>
        <translation>通过并锁定此记录？</translation>
    </message>
    <message>
        <source>Return this record to its submitter?</source>
        <translation>将此记录退回给提交人？</translation>
    </message>
    <message>
        <source>The submitted values become formal version %1 and are locked; later changes need an amendment that is reviewed again. The submitter is notified.</source>
        <translation>提交的数据将成为正式版本 %1 并被锁定；之后的修改须通过修订并重新审核。系统将通知提交人。</translation>
    </message>
    <message>
        <source>The record goes back to its submitter as rejected, with your reason. They correct it and submit it again; you will see what they changed.</source>
        <translation>记录将以“已退回”状态连同您填写的原因返回给提交人。提交人更正后重新提交，届时您可以看到其改动内容。</translation>
    </message>
    <message>
        <source>Comment (optional)</source>
        <translation>意见（选填）</translation>
    </message>
    <message>
        <source>Reason for rejection (required)</source>
        <translation>退回原因（必填）</translation>
    </message>
    <message>
        <source>A note for the record&apos;s history</source>
        <translation>记入记录历史的备注</translation>
    </message>
    <message>
        <source>What must be corrected, e.g. &quot;Total dose does not match the plan (50 Gy in 25 fractions)&quot;</source>
        <translation>须更正的内容，例如“总剂量与计划不符（50 Gy/25 次）”</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>通过</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>退回</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>The comment is kept in the record&apos;s history and the audit log.</source>
        <translation>意见将保存在记录历史和审计日志中。</translation>
    </message>
    <message>
        <source>The submitter reads this reason in their notice.</source>
        <translation>提交人将在通知中看到此原因。</translation>
    </message>
    <message>
        <source>A reason is required: the submitter needs to know what to correct.</source>
        <translation>必须填写原因：提交人需要知道应更正哪些内容。</translation>
    </message>
</context>
<context>
    <name>mdp::shell::ReviewInboxPage</name>
    <message>
        <source>Review inbox</source>
        <translation>审核收件箱</translation>
    </message>
    <message>
        <source>Submitted records waiting for review. You see every open task and may reassign it or escalate what is overdue.</source>
        <translation>等待审核的已提交记录。您可以查看所有未完成的任务，可转派任务，也可上报逾期任务。</translation>
    </message>
    <message>
        <source>Records submitted for your review. Check what changed, then approve or return the record to its submitter with a reason.</source>
        <translation>提交给您审核的记录。请查看改动内容，然后予以通过，或填写原因退回给提交人。</translation>
    </message>
    <message>
        <source>J or ↓ next · K or ↑ previous · Enter open · A approve · R reject · F filter</source>
        <translation>J 或 ↓ 下一条 · K 或 ↑ 上一条 · Enter 打开 · A 通过 · R 退回 · F 筛选</translation>
    </message>
    <message>
        <source>Keys: J/K or ↑/↓ move · Enter open · A approve · R reject · F filter</source>
        <translation>快捷键：J/K 或 ↑/↓ 移动 · Enter 打开 · A 通过 · R 退回 · F 筛选</translation>
    </message>
    <message>
        <source>Select a task to see the submitted record and what changed.</source>
        <translation>选择一项任务以查看提交的记录及其改动。</translation>
    </message>
    <message>
        <source>My tasks</source>
        <translation>我的任务</translation>
    </message>
    <message>
        <source>All open tasks</source>
        <translation>全部未完成任务</translation>
    </message>
    <message>
        <source>Filter: patient, form, submitter, project (F)</source>
        <translation>筛选：患者、表单、提交人、项目（F）</translation>
    </message>
    <message>
        <source>Filter the tasks (F); Enter or ↓ returns to the list</source>
        <translation>筛选任务（F）；按 Enter 或 ↓ 返回列表</translation>
    </message>
    <message>
        <source>Only tasks of this data category</source>
        <translation>仅显示此数据类别的任务</translation>
    </message>
    <message>
        <source>Only tasks of this form</source>
        <translation>仅显示此表单的任务</translation>
    </message>
    <message>
        <source>Overdue only</source>
        <translation>仅显示逾期</translation>
    </message>
    <message>
        <source>Reload the tasks</source>
        <translation>重新加载任务</translation>
    </message>
    <message>
        <source>Escalate overdue</source>
        <translation>上报逾期任务</translation>
    </message>
    <message>
        <source>Mark every overdue task as escalated and tell its reviewer and the data managers (once per task)</source>
        <translation>将所有逾期任务标记为已上报，并通知其审核员和数据管理员（每项任务仅上报一次）</translation>
    </message>
    <message>
        <source>Reassign…</source>
        <translation>转派…</translation>
    </message>
    <message>
        <source>Hand this task to another reviewer</source>
        <translation>将此任务转交给其他审核员</translation>
    </message>
    <message>
        <source>Reject…</source>
        <translation>退回…</translation>
    </message>
    <message>
        <source>Return the record to its submitter with a reason (R)</source>
        <translation>填写原因并将记录退回给提交人（R）</translation>
    </message>
    <message>
        <source>Approve…</source>
        <translation>通过…</translation>
    </message>
    <message>
        <source>Approve: the values become the next formal version (A)</source>
        <translation>审核通过：提交的数据将成为下一个正式版本（A）</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Submitted value</source>
        <translation>提交值</translation>
    </message>
    <message>
        <source>Changes since formal version</source>
        <translation>与正式版本相比的改动</translation>
    </message>
    <message>
        <source>Changes since last submission</source>
        <translation>与上次提交相比的改动</translation>
    </message>
    <message>
        <source>Submitted record</source>
        <translation>提交的记录</translation>
    </message>
    <message>
        <source>Another task is running; the inbox reloads when it has finished.</source>
        <translation>另一项任务正在运行，完成后将重新加载收件箱。</translation>
    </message>
    <message>
        <source>The review tasks could not be read: %1</source>
        <translation>无法读取审核任务：%1</translation>
    </message>
    <message>
        <source>Nothing to review. New submissions appear here and the bell tells you.</source>
        <translation>没有需要审核的记录。新提交的记录会显示在此处，并由通知铃提醒您。</translation>
    </message>
    <message>
        <source>No task matches the filters.</source>
        <translation>没有符合筛选条件的任务。</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <source>All forms</source>
        <translation>全部表单</translation>
    </message>
    <message numerus="yes">
        <source>%n open</source>
        <translation>
            <numerusform>%n 项未完成</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unread</source>
        <translation>
            <numerusform>%n 项未读</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n overdue</source>
        <translation>
            <numerusform>%n 项逾期</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 shown</source>
        <translation>显示 %1 项</translation>
    </message>
    <message>
        <source>The record could not be opened: %1</source>
        <translation>无法打开该记录：%1</translation>
    </message>
    <message>
        <source>The record could not be opened.</source>
        <translation>无法打开该记录。</translation>
    </message>
    <message>
        <source>The form of this record could not be read: %1</source>
        <translation>无法读取此记录的表单：%1</translation>
    </message>
    <message>
        <source>%1 · %2 (form version %3)</source>
        <translation>%1 · %2（表单版本 %3）</translation>
    </message>
    <message>
        <source>Submission %1</source>
        <translation>第 %1 次提交</translation>
    </message>
    <message>
        <source>submitted by %1 on %2</source>
        <translation>由 %1 于 %2 提交</translation>
    </message>
    <message>
        <source>overdue since %1</source>
        <translation>自 %1 起逾期</translation>
    </message>
    <message>
        <source>due %1</source>
        <translation>截止 %1</translation>
    </message>
    <message>
        <source>category %1</source>
        <translation>类别 %1</translation>
    </message>
    <message>
        <source>project %1</source>
        <translation>项目 %1</translation>
    </message>
    <message>
        <source>(default)</source>
        <translation>（默认）</translation>
    </message>
    <message>
        <source>reviewer %1</source>
        <translation>审核员 %1</translation>
    </message>
    <message>
        <source>Resubmitted after rejection. The reason given then: %1</source>
        <translation>退回后重新提交。当时给出的原因：%1</translation>
    </message>
    <message>
        <source>An amendment of formal version %1, which stays in force until this is approved.</source>
        <translation>正式版本 %1 的修订；在此修订通过之前，该版本继续有效。</translation>
    </message>
    <message>
        <source>Formal version %1</source>
        <translation>正式版本 %1</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>已提交</translation>
    </message>
    <message>
        <source>Changes since formal version %1 (%2)</source>
        <translation>与正式版本 %1 相比的改动（%2）</translation>
    </message>
    <message>
        <source>No previous formal version: this record has never been approved, so every value is new. See &quot;Submitted record&quot;.</source>
        <translation>没有以前的正式版本：此记录从未审核通过，因此所有值均为新值。请查看“提交的记录”。</translation>
    </message>
    <message>
        <source>Submitted %1</source>
        <translation>%1 提交</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>当前</translation>
    </message>
    <message>
        <source>Changes since last submission (%1)</source>
        <translation>与上次提交相比的改动（%1）</translation>
    </message>
    <message>
        <source>First submission: there is no earlier submission to compare with.</source>
        <translation>首次提交：没有更早的提交可供比较。</translation>
    </message>
    <message>
        <source>Only the assigned reviewer (%1) decides this task</source>
        <translation>此任务只能由指定的审核员（%1）作出决定</translation>
    </message>
    <message>
        <source>%1 · %2 · submission %3 · submitted by %4</source>
        <translation>%1 · %2 · 第 %3 次提交 · 提交人 %4</translation>
    </message>
    <message>
        <source>Another task is running; try again when it has finished.</source>
        <translation>另一项任务正在运行，请在其完成后重试。</translation>
    </message>
    <message>
        <source>Approved %1: formal version %2 is now in force and the submitter was notified.</source>
        <translation>已通过 %1：正式版本 %2 现已生效，并已通知提交人。</translation>
    </message>
    <message>
        <source>Returned %1 to the submitter with your reason; they were notified.</source>
        <translation>已将 %1 连同您填写的原因退回给提交人，并已通知对方。</translation>
    </message>
    <message>
        <source>The reviewers could not be read: %1</source>
        <translation>无法读取审核员列表：%1</translation>
    </message>
    <message>
        <source>The task for %1 now lies with %2; both reviewers were notified.</source>
        <translation>%1 的任务现已转由 %2 负责；已通知两位审核员。</translation>
    </message>
    <message>
        <source>Overdue tasks could not be escalated: %1</source>
        <translation>无法上报逾期任务：%1</translation>
    </message>
    <message>
        <source>No task needed escalating: overdue tasks are escalated once.</source>
        <translation>没有需要上报的任务：每项逾期任务只上报一次。</translation>
    </message>
    <message numerus="yes">
        <source>%n overdue task(s) escalated; their reviewers and the data managers were told.</source>
        <translation>
            <numerusform>已上报 %n 项逾期任务，并已通知其审核员和数据管理员。</numerusform>
        </translation>
    </message>
    <message>
        <source>Another reviewer acted first: the record changed after you opened it, so nothing was written. The inbox has been reloaded; check the record&apos;s current state.</source>
        <translation>另一位审核员已先行处理：您打开此记录后它已发生变化，因此未写入任何内容。收件箱已重新加载，请查看记录的当前状态。</translation>
    </message>
    <message>
        <source>You may not reassign this task: %1</source>
        <translation>您无权转派此任务：%1</translation>
    </message>
    <message>
        <source>You may not decide this record (only its assigned reviewer may, and never on their own submission): %1</source>
        <translation>您无权对此记录作出决定（仅指定的审核员可以，且不能审核本人提交的记录）：%1</translation>
    </message>
    <message>
        <source>The record is no longer waiting for you (withdrawn or reassigned). The inbox has been reloaded.</source>
        <translation>此记录已不再等待您审核（已撤回或已转派）。收件箱已重新加载。</translation>
    </message>
    <message>
        <source>The record cannot be approved as it stands: %1</source>
        <translation>此记录在当前状态下无法通过：%1</translation>
    </message>
    <message>
        <source>The record cannot be rejected: %1</source>
        <translation>无法退回此记录：%1</translation>
    </message>
    <message>
        <source>The task cannot be reassigned: %1</source>
        <translation>无法转派此任务：%1</translation>
    </message>
    <message>
        <source>The decision was not written: %1</source>
        <translation>审核决定未写入：%1</translation>
    </message>
</context>
<context>
    <name>mdp::shell::ReviewReassignDialog</name>
    <message>
        <source>Reassign review</source>
        <translation>转派审核</translation>
    </message>
    <message>
        <source>Hand this review to another reviewer</source>
        <translation>将此审核转交给其他审核员</translation>
    </message>
    <message>
        <source>Both reviewers are notified; the task keeps its submission number.</source>
        <translation>系统将通知两位审核员；任务的提交序号保持不变。</translation>
    </message>
    <message>
        <source>Current reviewer</source>
        <translation>当前审核员</translation>
    </message>
    <message>
        <source>No other reviewer may take this task</source>
        <translation>没有其他审核员可以接手此任务</translation>
    </message>
    <message>
        <source>New reviewer</source>
        <translation>新审核员</translation>
    </message>
    <message>
        <source>e.g. reviewer on leave</source>
        <translation>例如：审核员休假</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Reassign</source>
        <translation>转派</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>mdp::shell::ReviewTaskModel</name>
    <message>
        <source>(default)</source>
        <translation>（默认）</translation>
    </message>
    <message>
        <source>%1 (overdue)</source>
        <translation>%1（已逾期）</translation>
    </message>
    <message>
        <source>Overdue; escalated to the data managers</source>
        <translation>已逾期；已上报数据管理员</translation>
    </message>
    <message>
        <source>Overdue: the review period has passed</source>
        <translation>已逾期：审核期限已过</translation>
    </message>
    <message numerus="yes">
        <source>Resubmitted %n time(s) after rejection</source>
        <translation>
            <numerusform>退回后已重新提交 %n 次</numerusform>
        </translation>
    </message>
    <message>
        <source>First submission</source>
        <translation>首次提交</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>患者</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>表单</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Submitted by</source>
        <translation>提交人</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>提交时间</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>截止时间</translation>
    </message>
    <message>
        <source>Submission</source>
        <translation>提交序号</translation>
    </message>
    <message>
        <source>Reviewer</source>
        <translation>审核员</translation>
    </message>
    <message>
        <source>Baseline</source>
        <translation>基线</translation>
    </message>
    <message>
        <source>Radiotherapy</source>
        <translation>放疗</translation>
    </message>
    <message>
        <source>Immunotherapy</source>
        <translation>免疫治疗</translation>
    </message>
    <message>
        <source>Toxicity</source>
        <translation>不良反应</translation>
    </message>
    <message>
        <source>Response</source>
        <translation>疗效评估</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>随访</translation>
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
        <source>Never</source>
        <translation>从未</translation>
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
        <source>The workspace locks itself after this many minutes without input; the passphrase is then needed again.</source>
        <translation>在设定的分钟数内无任何操作时，工作区将自动锁定，之后需重新输入口令。</translation>
    </message>
</context>
<context>
    <name>mdp::shell::SummaryWizardPage</name>
    <message>
        <source>Ready to create the workspace</source>
        <translation>准备创建工作区</translation>
    </message>
    <message>
        <source>Check your choices. Creating the workspace derives the keys from your passphrase, which takes a moment.</source>
        <translation>请核对以下设置。创建工作区时将由口令派生密钥，需要稍候片刻。</translation>
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
        <source>Passphrase</source>
        <translation>口令</translation>
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
        <source>Set and confirmed</source>
        <translation>已设置并确认</translation>
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
</context>
<context>
    <name>mdp::shell::TotpEnrolmentWidget</name>
    <message>
        <source>Copy the link</source>
        <translation>复制链接</translation>
    </message>
    <message>
        <source>6-digit code</source>
        <translation>6 位验证码</translation>
    </message>
    <message>
        <source>1. In your authenticator app, add an account by entering this key manually (time-based):</source>
        <translation>1. 在身份验证器应用中添加账户，手动输入以下密钥（基于时间）：</translation>
    </message>
    <message>
        <source>Or paste this link into an app that accepts otpauth links:</source>
        <translation>或将以下链接粘贴到支持 otpauth 链接的应用中：</translation>
    </message>
    <message>
        <source>2. Enter the code the app now shows:</source>
        <translation>2. 输入应用当前显示的验证码：</translation>
    </message>
    <message>
        <source>Algorithm %1 · %2 digits · new code every %3 seconds</source>
        <translation>算法 %1 · %2 位数字 · 每 %3 秒更新</translation>
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
        <source>Set the workspace passphrase that protects every key.</source>
        <translation>设置保护全部密钥的工作区口令。</translation>
    </message>
    <message>
        <source>Choose the encryption algorithm: SM4 (national standard) or AES-256.</source>
        <translation>选择加密算法：SM4（国密标准）或 AES-256。</translation>
    </message>
    <message>
        <source>Create the first system administrator account.</source>
        <translation>创建首个系统管理员账户。</translation>
    </message>
    <message>
        <source>Have the passphrase ready that your data protection officer assigned to this workstation, or choose a new one now.</source>
        <translation>请准备好数据安全负责人为本工作站分配的口令，或现在设置一个新口令。</translation>
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
<context>
    <name>mdp::shell::ui</name>
    <message>
        <source>Show the characters typed</source>
        <translation>显示输入的字符</translation>
    </message>
</context>
</TS>
