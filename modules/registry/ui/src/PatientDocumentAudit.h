#pragma once

#include "mdp/viewer/DocumentViewAudit.h"

#include <QString>

namespace mdp::workspace {
class Workspace;
}

namespace mdp::registry::ui {

// Records every preview of a patient's file in the audit log (R-6.4.4: every view audited) as a
// "data.view" event naming the patient by pseudonymous ID and the attachment by id; never a name,
// never the file name. A view that cannot be recorded is not shown (the viewer's rule).
class PatientDocumentAudit final : public viewer::DocumentViewAudit
{
public:
    explicit PatientDocumentAudit(workspace::Workspace &workspace);

    // The patient whose files the viewer shows next.
    void setPatient(const QString &pseudonymId) { m_pseudonym = pseudonymId; }
    QString patient() const { return m_pseudonym; }

    Result<void> recordDocumentShown(const viewer::DocumentViewEvent &event) override;
    void recordDocumentFailed(const viewer::DocumentViewEvent &event, const QString &reason) override;

private:
    workspace::Workspace &m_workspace;
    QString m_pseudonym;
};

} // namespace mdp::registry::ui
