<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
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
    <name>mdp::forms::ui::FormDesignerPage</name>
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
    <name>mdp::forms::ui::FormHistoryDialog</name>
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
    <name>mdp::forms::ui::FormRecordDialog</name>
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
    <name>mdp::forms::ui::FormsFeature</name>
    <message>
        <source>Reviews</source>
        <translation>审核</translation>
    </message>
    <message>
        <source>Forms</source>
        <translation>表单</translation>
    </message>
    <message>
        <source>This record is not available to you: %1</source>
        <translation>您无权查看此记录：%1</translation>
    </message>
    <message>
        <source>Form record</source>
        <translation>表单记录</translation>
    </message>
</context>
<context>
    <name>mdp::forms::ui::NotificationText</name>
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
    <message>
        <source>Access grant ending</source>
        <translation>访问授权即将到期</translation>
    </message>
    <message>
        <source>Request %1</source>
        <translation>申请 %1</translation>
    </message>
    <message numerus="yes">
        <source>The grant ends within %n day(s); its data and the local copy go with it. Request a renewal in My access to go on.</source>
        <translation>
            <numerusform>该授权将在 %n 天内到期，其数据及本地副本将随之失效。如需继续使用，请在“我的访问权限”中申请续期。</numerusform>
        </translation>
    </message>
    <message>
        <source>Security alert</source>
        <translation>安全告警</translation>
    </message>
    <message numerus="yes">
        <source>An audit alert rule fired on %n event(s). Open the audit log to see them.</source>
        <translation>
            <numerusform>审计告警规则因 %n 个事件触发。请打开审计日志查看。</numerusform>
        </translation>
    </message>
    <message>
        <source>Burst of failed sign-ins</source>
        <translation>短时间内多次登录失败</translation>
    </message>
    <message>
        <source>Failed sign-ins while the workspace was closed</source>
        <translation>工作区关闭期间登录失败</translation>
    </message>
    <message>
        <source>Bulk access</source>
        <translation>批量访问</translation>
    </message>
    <message>
        <source>Download or export</source>
        <translation>下载或导出</translation>
    </message>
    <message>
        <source>Privilege change</source>
        <translation>权限变更</translation>
    </message>
    <message>
        <source>Identifying data read out of hours</source>
        <translation>非工作时间读取可识别身份的数据</translation>
    </message>
    <message>
        <source>Access attempted after a grant ended</source>
        <translation>授权到期后仍尝试访问</translation>
    </message>
    <message>
        <source>Gap in the audit trail</source>
        <translation>审计轨迹缺失</translation>
    </message>
    <message>
        <source>Integrity check failed</source>
        <translation>完整性校验失败</translation>
    </message>
</context>
<context>
    <name>mdp::forms::ui::PatientFormsPanel</name>
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
    <name>mdp::forms::ui::ReviewDecisionDialog</name>
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
    <name>mdp::forms::ui::ReviewInboxPage</name>
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
    <name>mdp::forms::ui::ReviewReassignDialog</name>
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
    <name>mdp::forms::ui::ReviewTaskModel</name>
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
</TS>
