#include "PatientEventCommand.h"

#include "mdp/registry/Registry.h"

namespace mdp::registry::ui {

PatientEventCommand::PatientEventCommand(registry::Registry &registry, QString actorId, QUuid eventId,
                                         int before, int after, const QString &text, Done done)
    : QUndoCommand(text)
    , m_registry(registry)
    , m_actor(std::move(actorId))
    , m_eventId(eventId)
    , m_before(before)
    , m_after(after)
    , m_done(std::move(done))
{}

void PatientEventCommand::undo()
{
    if (m_before == 0) {
        auto r = m_registry.removeEvent(m_actor, m_eventId,
                                        QStringLiteral("Undo: the event was added by mistake"));
        m_applied = !r.ok();
        if (m_done)
            m_done(m_eventId, r ? Result<void>() : Result<void>(r.error()));
        if (!r)
            setObsolete(true);
        return;
    }
    revertTo(m_before, true);
}

void PatientEventCommand::redo()
{
    if (m_applied)
        return; // the change itself, done before it was pushed
    revertTo(m_after, false);
}

void PatientEventCommand::revertTo(int version, bool undoing)
{
    auto r = m_registry.revertEvent(m_actor, m_eventId, version,
                                    undoing ? QStringLiteral("Undo") : QStringLiteral("Redo"));
    // Another window may have changed the event since: the command cannot be replayed any more.
    if (!r)
        setObsolete(true);
    else
        m_applied = !undoing;
    if (m_done)
        m_done(m_eventId, r ? Result<void>() : Result<void>(r.error()));
}

} // namespace mdp::registry::ui
