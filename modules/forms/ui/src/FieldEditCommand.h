#pragma once

#include <QJsonValue>
#include <QString>
#include <QUndoCommand>

namespace mdp::forms::ui {

class FormView;

// One edit of a form value. Keystrokes in the same field merge into one step, so Ctrl+Z takes back
// what was typed into a field rather than one character.
class FieldEditCommand : public QUndoCommand
{
public:
    FieldEditCommand(FormView *view, QString path, QJsonValue before, QJsonValue after, bool mergeable,
                     const QString &text);

    int id() const override { return 0x4656; }
    bool mergeWith(const QUndoCommand *other) override;
    void undo() override;
    void redo() override;

private:
    FormView *m_view;
    QString m_path;
    QJsonValue m_before;
    QJsonValue m_after;
    bool m_mergeable;
    bool m_first = true; // the editor already shows the value the user typed
};

} // namespace mdp::forms::ui
