#include "PatientDocumentAudit.h"

#include "mdp/audit/AuditEvent.h"
#include "mdp/audit/AuditEventType.h"
#include "mdp/workspace/Workspace.h"

#include <QJsonObject>

namespace mdp::registry::ui {

namespace {

audit::AuditEvent viewEvent(const QString &pseudonym, const viewer::DocumentViewEvent &event)
{
    audit::AuditEvent e;
    e.type = audit::EventType::DataView.toString();
    e.action = audit::AuditAction::Read;
    e.occurred = event.at;
    if (!pseudonym.isEmpty())
        e.entities << audit::AuditEntity{QStringLiteral("patient"), pseudonym};
    e.entities << audit::AuditEntity{QStringLiteral("attachment"), event.documentId};
    e.detail = QJsonObject{{QStringLiteral("media_type"), event.mediaType},
                           {QStringLiteral("view"), QStringLiteral("preview")}};
    if (event.pageCount > 0)
        e.detail.insert(QStringLiteral("pages"), event.pageCount);
    return e;
}

} // namespace

PatientDocumentAudit::PatientDocumentAudit(workspace::Workspace &workspace)
    : m_workspace(workspace)
{}

Result<void> PatientDocumentAudit::recordDocumentShown(const viewer::DocumentViewEvent &event)
{
    return m_workspace.record(viewEvent(m_pseudonym, event));
}

void PatientDocumentAudit::recordDocumentFailed(const viewer::DocumentViewEvent &event, const QString &reason)
{
    audit::AuditEvent e = viewEvent(m_pseudonym, event);
    e.outcome = audit::AuditOutcome::MinorFailure;
    e.detail.insert(QStringLiteral("reason"), reason);
    (void)m_workspace.record(std::move(e));
}

} // namespace mdp::registry::ui
