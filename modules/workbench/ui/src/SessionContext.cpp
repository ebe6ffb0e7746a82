#include "mdp/workbench/SessionContext.h"

#include "mdp/forms/FormStore.h"

namespace mdp::workbench {

SessionContext::SessionContext(workspace::Workspace &workspace, workspace::Session session, QObject *parent)
    : QObject(parent)
    , m_workspace(workspace)
    , m_session(std::move(session))
{
    QPointer<SessionContext> self(this);
    // The store calls back inside its own write call, possibly from a worker: queue the signal so
    // listeners run on the GUI thread once the write has returned and the store is free again.
    m_workspace.forms().setChangeListener([self](const QUuid &recordId) {
        if (!self)
            return;
        QMetaObject::invokeMethod(
            self.data(),
            [self, recordId] {
                if (self)
                    Q_EMIT self->recordChanged(recordId);
            },
            Qt::QueuedConnection);
    });
}

SessionContext::~SessionContext()
{
    waitForIdle();
    m_workspace.forms().setChangeListener({});
}

} // namespace mdp::workbench
