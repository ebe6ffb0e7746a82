#pragma once

#include "mdp/foundation/Result.h"
#include "mdp/viewer/DocumentViewEvent.h"

namespace mdp::viewer {

// Where the viewer reports each preview (R-6.4.4: every view is audited). The patient page
// implements it on top of the workspace's audit log.
class DocumentViewAudit
{
public:
    virtual ~DocumentViewAudit() = default;

    // Called once per document, after it was decoded and before it becomes visible. An error keeps
    // the document hidden: a view that cannot be recorded does not happen.
    virtual Result<void> recordDocumentShown(const DocumentViewEvent &event) = 0;

    // A preview that was refused or failed (damaged, hostile, unsupported). `reason` is the
    // message shown to the viewer; it names no patient.
    virtual void recordDocumentFailed(const DocumentViewEvent &event, const QString &reason) = 0;
};

} // namespace mdp::viewer
