#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QStringView>

namespace mdp::forms {

// Event types the forms module reports. Stable strings.
namespace FormsEvent {
inline constexpr QStringView DefinitionImport = u"form.import";
inline constexpr QStringView RecordCreate = u"record.create";
inline constexpr QStringView RecordSave = u"record.save-draft";
inline constexpr QStringView RecordSubmit = u"record.submit";
inline constexpr QStringView RecordApprove = u"record.approve";
inline constexpr QStringView RecordReject = u"record.reject";
inline constexpr QStringView RecordAmend = u"record.amend";
inline constexpr QStringView RecordWithdraw = u"record.withdraw";
inline constexpr QStringView RecordView = u"record.view";
inline constexpr QStringView TaskAssign = u"review.assign";
inline constexpr QStringView TaskReassign = u"review.reassign";
inline constexpr QStringView TaskEscalate = u"review.escalate";
inline constexpr QStringView ReviewerProfileSet = u"review.profile-set";
inline constexpr QStringView NotificationEmailSet = u"notification.email-set";
inline constexpr QStringView NotificationSend = u"notification.send";
} // namespace FormsEvent

// One forms action for the audit trail: patients by pseudonym only, never values of fields.
struct FormsAuditRecord
{
    enum class Action
    {
        Create,
        Read,
        Update,
        Delete,
        Execute
    };
    QString type; // FormsEvent::*
    Action action = Action::Execute;
    QString actorId;
    QStringList patients; // pseudonymous IDs
    QString objectType;   // "form-definition", "form-record", "review-task", "notification"
    QString objectId;
    bool success = true;
    QJsonObject detail; // form id and version, revision, status, reason, failing field ids
};

class FormsAuditSink
{
public:
    virtual ~FormsAuditSink() = default;
    virtual void record(const FormsAuditRecord &record) = 0;
};

} // namespace mdp::forms
