#pragma once

#include "mdp/foundation/Result.h"

#include <QString>
#include <QUndoCommand>
#include <QUuid>

#include <functional>

namespace mdp::registry {
class Registry;
}

namespace mdp::registry::ui {

// One change to a timeline event on the patient page's undo stack. The registry keeps every version,
// so undo and redo never delete: each reverts the event to the version before or after the change
// (Registry::revertEvent), which is itself a new, audited version. Undoing an added event removes it.
class PatientEventCommand : public QUndoCommand
{
public:
    // Called after every undo or redo with the registry's verdict, so the page can reload or report.
    using Done = std::function<void(const QUuid &eventId, const Result<void> &result)>;

    // `before` is the event's version before the change (0 for an event the change created),
    // `after` the version the change made. The change has already happened: the first redo() that
    // QUndoStack::push() makes does nothing.
    PatientEventCommand(registry::Registry &registry, QString actorId, QUuid eventId, int before, int after,
                        const QString &text, Done done);

    void undo() override;
    void redo() override;

    QUuid eventId() const { return m_eventId; }

private:
    void revertTo(int version, bool undoing);

    registry::Registry &m_registry;
    QString m_actor;
    QUuid m_eventId;
    int m_before;
    int m_after;
    Done m_done;
    bool m_applied = true;
};

} // namespace mdp::registry::ui
