#include "FieldEditCommand.h"

#include "mdp/forms/ui/FormView.h"

namespace mdp::forms::ui {

FieldEditCommand::FieldEditCommand(FormView *view, QString path, QJsonValue before, QJsonValue after,
                                   bool mergeable, const QString &text)
    : m_view(view)
    , m_path(std::move(path))
    , m_before(std::move(before))
    , m_after(std::move(after))
    , m_mergeable(mergeable)
{
    setText(text);
}

bool FieldEditCommand::mergeWith(const QUndoCommand *other)
{
    const auto *edit = static_cast<const FieldEditCommand *>(other);
    if (!m_mergeable || !edit->m_mergeable || edit->m_path != m_path)
        return false;
    m_after = edit->m_after;
    return true;
}

void FieldEditCommand::undo()
{
    m_view->applyValue(m_path, m_before, true);
}

void FieldEditCommand::redo()
{
    m_view->applyValue(m_path, m_after, !m_first);
    m_first = false;
}

} // namespace mdp::forms::ui
