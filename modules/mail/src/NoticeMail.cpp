#include "mdp/mail/NoticeMail.h"

namespace mdp::mail {

namespace {

using Kind = forms::Notification::Kind;

struct Texts
{
    QString subject; // %1 form id, %2 pseudonym
    QString headline;
    QString action;
};

Texts chineseTexts(Kind kind)
{
    switch (kind) {
    case Kind::ReviewAssigned:
        return {u"[MDP] 新的审核任务：%1（%2）"_qs, u"您有一条新的审核任务。"_qs,
                u"请打开 MDP 进行审核。"_qs};
    case Kind::ReviewReassigned:
        return {u"[MDP] 审核任务已转交给您：%1（%2）"_qs, u"一条审核任务已转交给您。"_qs,
                u"请打开 MDP 进行审核。"_qs};
    case Kind::ReviewOverdue:
        return {u"[MDP] 审核任务已逾期：%1（%2）"_qs, u"一条审核任务已超过审核期限。"_qs,
                u"请打开 MDP 尽快审核。"_qs};
    case Kind::RecordApproved:
        return {u"[MDP] 记录已通过审核：%1（%2）"_qs, u"您提交的记录已通过审核，形成正式版本。"_qs,
                u"请打开 MDP 查看。"_qs};
    case Kind::RecordRejected:
        return {u"[MDP] 记录被退回：%1（%2）"_qs, u"您提交的记录被审核人退回。"_qs,
                u"请打开 MDP 查看退回原因，修改后重新提交。"_qs};
    case Kind::GrantExpiring:
        return {u"[MDP] 数据访问授权即将到期：%1"_qs,
                u"您的一项数据访问授权即将到期，到期后本地副本将被销毁。"_qs,
                u"如需继续使用，请在 MDP 中提交续期申请。"_qs};
    case Kind::SecurityAlert:
        return {u"[MDP] 安全告警：%1"_qs, u"审计告警规则已触发。"_qs,
                u"请在 MDP 的审计日志中查看相关事件。"_qs};
    }
    return {};
}

Texts englishTexts(Kind kind)
{
    switch (kind) {
    case Kind::ReviewAssigned:
        return {u"[MDP] New review task: %1 (%2)"_qs, u"A new record is waiting for your review."_qs,
                u"Open MDP to review it."_qs};
    case Kind::ReviewReassigned:
        return {u"[MDP] Review task reassigned to you: %1 (%2)"_qs,
                u"A review task was reassigned to you."_qs, u"Open MDP to review it."_qs};
    case Kind::ReviewOverdue:
        return {u"[MDP] Review task overdue: %1 (%2)"_qs, u"A review task has passed its due time."_qs,
                u"Open MDP to review it as soon as possible."_qs};
    case Kind::RecordApproved:
        return {u"[MDP] Record approved: %1 (%2)"_qs,
                u"The record you submitted was approved and is now a formal version."_qs,
                u"Open MDP to view it."_qs};
    case Kind::RecordRejected:
        return {u"[MDP] Record rejected: %1 (%2)"_qs,
                u"The record you submitted was rejected by the reviewer."_qs,
                u"Open MDP to review the reason, correct the record and submit it again."_qs};
    case Kind::GrantExpiring:
        return {u"[MDP] Data access grant ending soon: %1"_qs,
                u"One of your data access grants ends soon; the local copy is destroyed when it ends."_qs,
                u"To go on, request a renewal in MDP."_qs};
    case Kind::SecurityAlert:
        return {u"[MDP] Security alert: %1"_qs, u"An audit alert rule fired."_qs,
                u"Open the audit log in MDP to see the events."_qs};
    }
    return {};
}

} // namespace

std::optional<MailLanguage> mailLanguageFromName(const QString &name)
{
    const QString lower = name.toLower();
    if (lower == u"zh" || lower.startsWith(u"zh_") || lower.startsWith(u"zh-"))
        return MailLanguage::Chinese;
    if (lower == u"en" || lower.startsWith(u"en_") || lower.startsWith(u"en-"))
        return MailLanguage::English;
    return std::nullopt;
}

MailMessage composeNoticeMail(const forms::Notification &notice, const QString &toAddress,
                              const QString &fromAddress, MailLanguage language)
{
    const bool chinese = language == MailLanguage::Chinese;
    const Texts texts = chinese ? chineseTexts(notice.kind) : englishTexts(notice.kind);
    const QString recordId = notice.recordId.toString(QUuid::WithoutBraces);
    const QString when =
        notice.at.isValid() ? notice.at.toUTC().toString(u"yyyy-MM-dd HH:mm 'UTC'") : QString();

    QStringList lines;
    lines << texts.headline << QString();
    if (notice.kind == Kind::GrantExpiring || notice.kind == Kind::SecurityAlert) {
        // A grant: its request number and the days left; an alert: its rule, the events it saw and
        // when. Nothing about patients or users.
        if (notice.kind == Kind::GrantExpiring) {
            lines << (chinese ? u"申请编号：%1"_qs : u"Request: %1"_qs).arg(notice.formId);
            lines
                << (chinese ? u"剩余天数：不超过 %1 天"_qs : u"Days left: %1 or fewer"_qs).arg(notice.reason);
        } else {
            lines << (chinese ? u"规则：%1"_qs : u"Rule: %1"_qs).arg(notice.formId);
            lines << (chinese ? u"涉及事件数：%1"_qs : u"Events seen: %1"_qs).arg(notice.reason);
            if (!when.isEmpty())
                lines << (chinese ? u"时间：%1"_qs : u"Time: %1"_qs).arg(when);
        }
        lines << QString() << texts.action << QString();
        lines << (chinese ? u"本邮件由 MDP 自动发送。"_qs
                          : u"This message was sent by MDP automatically."_qs);
        MailMessage message;
        message.from = fromAddress;
        message.to = QStringList{toAddress};
        message.subject = texts.subject.arg(notice.formId);
        message.body = lines.join(u'\n');
        message.date = notice.at;
        return message;
    }
    lines << (chinese ? u"表单：%1"_qs : u"Form: %1"_qs).arg(notice.formId);
    lines << (chinese ? u"记录编号：%1"_qs : u"Record: %1"_qs).arg(recordId);
    lines << (chinese ? u"患者假名：%1"_qs : u"Patient pseudonym: %1"_qs).arg(notice.patientPseudonym);
    if (!when.isEmpty())
        lines << (chinese ? u"时间：%1"_qs : u"Time: %1"_qs).arg(when);
    // The rejection reason is free text a reviewer typed about a patient's record: it may name the
    // patient, so it stays in MDP (the in-app notice shows it) and never goes to a mail relay.
    lines << QString() << texts.action << QString();
    lines << (chinese ? u"本邮件由 MDP 自动发送，不含患者身份信息；详细内容仅可在 MDP 中查看。"_qs
                      : u"This message was sent by MDP automatically. It carries no patient identity; "
                        u"details can only be seen in MDP."_qs);

    MailMessage message;
    message.from = fromAddress;
    message.to = QStringList{toAddress};
    message.subject = texts.subject.arg(notice.formId, notice.patientPseudonym);
    message.body = lines.join(u'\n');
    message.date = notice.at;
    return message;
}

} // namespace mdp::mail
