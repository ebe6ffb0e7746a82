#pragma once

#include "mdp/forms/FormDefinition.h"

#include <QList>
#include <QWidget>

class QLabel;
class QListWidget;
class QPushButton;

namespace mdp::workbench {
class SessionContext;
}

namespace mdp::forms::ui {
class FormDesigner;
}

namespace mdp::forms::ui {

// Entry forms for data managers (R-6.2.1d): the forms in use (latest version of each), a designer
// to change one or start a new one, import and export of definitions as JSON files, and Save, which
// stores the edited definition as the form's next version (records keep the version they were
// entered with).
class FormDesignerPage : public QWidget
{
    Q_OBJECT
public:
    explicit FormDesignerPage(workbench::SessionContext &context, QWidget *parent = nullptr);

    forms::ui::FormDesigner *designer() const { return m_designer; }
    QListWidget *definitionList() const { return m_list; }
    QLabel *messageLabel() const { return m_message; }
    const QList<forms::FormDefinition> &definitions() const { return m_definitions; }

    void refresh();
    bool openDefinition(const QString &formId);
    void newDefinition();
    // Loads a JSON file into the designer (not stored until Save).
    bool importFile(const QString &path);
    bool exportFile(const QString &path);
    // Stores the designer's definition; returns the version it was stored as (0 on failure).
    int save();

protected:
    void showEvent(QShowEvent *event) override;

private:
    void showMessage(int severity, const QString &text);
    void importFromDialog();
    void exportFromDialog();

    workbench::SessionContext &m_context;
    QList<forms::FormDefinition> m_definitions;
    QListWidget *m_list;
    forms::ui::FormDesigner *m_designer;
    QLabel *m_message;
    QPushButton *m_save;
};

} // namespace mdp::forms::ui
